package index

import (
	"slices"
	"strings"
	"testing"
)

// questionStyleNames are the styles of the relevance tables, in the order of
// the report.
var questionStyleNames = []string{styleQuestion, styleKeyword, styleTypo, stylePlace}

// questionEvalCases returns the questions of questionCases, each in its half.
func questionEvalCases() []evalCase {
	var out []evalCase
	for _, c := range questionCases {
		set := setTuning
		if c.heldOut {
			set = setHeldOut
		}
		out = append(out, evalCase{query: c.query, style: c.style, set: set, want: c.want, wantFirst: c.wantFirst})
	}
	return out
}

// TestQuestionsTuningHalf lists the questions of the tuning half whose
// expected documents are not where they belong. The held-out half is only
// ever reported as a whole (TestRelevanceCompare), never row by row.
func TestQuestionsTuningHalf(t *testing.T) {
	ix := guideIndexForBench(t)
	s := ourSearcher(ix)
	misses := 0
	for _, c := range questionEvalCases() {
		if c.set != setTuning {
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
	t.Logf("tuning half: %d questions not fully right", misses)
}
