package index

import (
	"slices"
	"strings"
	"testing"
)

// questionStyleNames are the styles of the relevance tables, in the order of
// the report.
var questionStyleNames = []string{styleQuestion, styleKeyword, styleTypo, stylePlace}

// questionEvalCases returns the questions of questionCases, each in its
// half, and those of questionExtraCases.
func questionEvalCases() []evalCase {
	var out []evalCase
	for _, c := range questionCases {
		set := setTuning
		if c.heldOut {
			set = setHeldOut
		}
		out = append(out, evalCase{query: c.query, style: c.style, set: set, want: c.want, wantFirst: c.wantFirst})
	}
	for _, c := range questionExtraCases {
		out = append(out, evalCase{query: c.query, style: c.style, set: setExtra, want: c.want, wantFirst: c.wantFirst})
	}
	for _, c := range questionFreshCases {
		out = append(out, evalCase{query: c.query, style: c.style, set: setFresh, want: c.want, wantFirst: c.wantFirst})
	}
	for _, c := range questionStyleCases {
		out = append(out, evalCase{query: c.query, style: c.style, set: setStyle, want: c.want, wantFirst: c.wantFirst})
	}
	return out
}

// TestQuestionsTuningHalf lists the questions of the tuning half and the
// extra set whose expected documents are not where they belong, and logs
// this index's scores on those two sets. The held-out half is only ever
// reported as a whole (TestRelevanceCompare), never row by row.
func TestQuestionsTuningHalf(t *testing.T) {
	ix := guideIndexForBench(t)
	s := ourSearcher(ix)
	misses := 0
	var tuned []evalCase
	for _, c := range evalCases() {
		if c.set != setHeldOut {
			tuned = append(tuned, c)
		}
	}
	scores := evaluate(t, s, tuned)
	for _, set := range []string{setOld, setTuning, setExtra, setFresh, setStyle} {
		for _, style := range append([]string{""}, questionStyleNames...) {
			if m := scores[[2]string{set, style}]; m != nil {
				t.Logf("%-11s %-9s %4d  %s", set, style, m.n, m)
			}
		}
	}
	for _, c := range tuned {
		if c.set == setOld {
			continue
		}
		got, err := s(c.query)
		if err != nil {
			t.Fatal(err)
		}
		top := got[:min(relevanceTop, len(got))]
		var problems []string
		for _, w := range c.want {
			if !slices.Contains(top, w) {
				problems = append(problems, "missing "+w)
			}
		}
		if c.wantFirst != "" && (len(got) == 0 || got[0] != c.wantFirst) {
			problems = append(problems, "want first "+c.wantFirst)
		}
		if len(problems) > 0 {
			misses++
			t.Logf("%s %q: %s\n\ttop 5: %s", c.style, c.query, strings.Join(problems, "; "), strings.Join(top, ", "))
		}
	}
	t.Logf("tuning half and extra set: %d questions not fully right", misses)
}
