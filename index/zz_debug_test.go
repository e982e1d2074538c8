package index

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZDebug(t *testing.T) {
	qs := os.Getenv("ZZQ")
	if qs == "" {
		t.Skip()
	}
	ix := guideIndexForBench(t)
	for _, qq := range strings.Split(qs, "|") {
		q := ix.Understand(qq)
		fmt.Printf("== %q wants=%q asks=%v filler=%v\n", qq, q.Wants, q.Asks, q.Filler)
		for _, c := range q.concepts {
			var as []string
			for _, a := range c.alts {
				as = append(as, fmt.Sprintf("%v%s/%.2f", a.terms, map[bool]string{true: "&"}[a.conj], a.weight))
			}
			fmt.Printf("  %q light=%v known=%v place=%q org=%q theme=%q: %s\n", c.word, c.light, c.known, c.place, c.org, c.theme, strings.Join(as, " "))
		}
		res, _ := ix.Search(context.Background(), Request{Query: qq, Limit: 6})
		for _, h := range res.Hits {
			fmt.Printf("  %-45s %7.3f %s\n", h.Kind+":"+h.ID, h.Score, h.Snippet[:min(110, len(h.Snippet))])
		}
	}
}

func TestZZRanks(t *testing.T) {
	out := os.Getenv("ZZRANKS")
	if out == "" {
		t.Skip()
	}
	ix := guideIndexForBench(t)
	s := ourSearcher(ix)
	var b strings.Builder
	for _, c := range evalCases() {
		if c.set == setHeldOut {
			continue
		}
		got, _ := s(c.query)
		r := 0
		for i, g := range got {
			if slicesContains(c.want, g) {
				r = i + 1
				break
			}
		}
		first := len(got) > 0 && (got[0] == c.wantFirst || c.wantFirst == "" && slicesContains(c.want, got[0]))
		fmt.Fprintf(&b, "%s\t%s\t%d\t%v\n", c.set, c.query, r, first)
	}
	os.WriteFile(out, []byte(b.String()), 0o644)
}

func slicesContains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func TestZZKinds(t *testing.T) {
	if os.Getenv("ZZKINDS") == "" {
		t.Skip()
	}
	ix := guideIndexForBench(t)
	s := ourSearcher(ix)
	wrong := map[string]int{}
	right := map[string]int{}
	confusion := map[string]int{}
	for _, c := range evalCases() {
		if c.set == setHeldOut {
			continue
		}
		got, _ := s(c.query)
		if len(got) == 0 {
			continue
		}
		k := strings.Split(got[0], ":")[0]
		ok := got[0] == c.wantFirst || c.wantFirst == "" && slicesContains(c.want, got[0])
		if ok {
			right[k]++
		} else {
			wrong[k]++
			wk := strings.Split(c.want[0], ":")[0]
			if c.wantFirst != "" {
				wk = strings.Split(c.wantFirst, ":")[0]
			}
			confusion[wk+"->"+k]++
			if wk == "succesfactor" && k == "netwerk" {
				fmt.Printf("F->N %s %q wants=%q got %v\n", c.set, c.query, ix.Understand(c.query).Wants, got[:min(3, len(got))])
			}
		}
	}
	fmt.Println("right", right, "wrong", wrong, "confusion", confusion)
}
