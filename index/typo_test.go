package index

import (
	"math/rand/v2"
	"sort"
	"testing"
	"unicode/utf8"
)

// typoVariants are the slips people make, applied to a word: the last
// letter dropped (werken → werke), a letter dropped inside, two neighbours
// swapped, a doubled letter made single or a single one doubled, and the
// Dutch spellings that sound alike (ij/y/ei, au/ou, dt/t, c/k).
func typoVariants(w string, r *rand.Rand) []string {
	rs := []rune(w)
	n := len(rs)
	var out []string
	out = append(out, string(rs[:n-1]))
	i := 1 + r.IntN(n-2)
	out = append(out, string(rs[:i])+string(rs[i+1:]))
	j := 1 + r.IntN(n-2)
	sw := append([]rune{}, rs...)
	sw[j], sw[j+1] = sw[j+1], sw[j]
	out = append(out, string(sw))
	for k := 1; k < n; k++ {
		if rs[k] == rs[k-1] {
			out = append(out, string(rs[:k])+string(rs[k+1:]))
			break
		}
	}
	for _, p := range [][2]string{{"ij", "y"}, {"ij", "ei"}, {"ei", "ij"}, {"au", "ou"}, {"ou", "au"}, {"dt", "t"}, {"c", "k"}, {"k", "c"}, {"sch", "sg"}} {
		if v := replaceOnce(w, p[0], p[1]); v != w {
			out = append(out, v)
		}
	}
	return out
}

func replaceOnce(s, a, b string) string {
	for i := 0; i+len(a) <= len(s); i++ {
		if s[i:i+len(a)] == a {
			return s[:i] + b + s[i+len(a):]
		}
	}
	return s
}

// TestTypoRecovery measures, on the guide's own words, how often a word
// with a slip finds the word it was meant to be: the share of typos whose
// intended term is among the alternatives of the typo fallback, and the
// share where it is the heaviest. It logs both and fails only below a floor.
func TestTypoRecovery(t *testing.T) {
	ix := guideIndexForBench(t)
	var ws []string
	for w, n := range ix.vocab.words {
		if n >= 3 && utf8.RuneCountInString(w) >= 6 && !stopWords[w] && !fillerWords[w] {
			ws = append(ws, w)
		}
	}
	sort.Strings(ws)
	r := rand.New(rand.NewPCG(1, 2))
	total, found, first := 0, 0, 0
	for _, w := range ws {
		want := ix.an(w)
		if len(want) == 0 {
			continue
		}
		stem := string(want[0].Term)
		for _, v := range typoVariants(w, r) {
			if ix.vocab.words[v] > 0 {
				continue // another word of the guide
			}
			q := ix.Understand(v)
			if len(q.concepts) != 1 {
				continue
			}
			c := q.concepts[0]
			total++
			best, bestW := "", 0.0
			ok := false
			for _, a := range c.alts {
				if len(a.terms) == 1 && a.terms[0] == stem {
					ok = true
				}
				if len(a.terms) == 1 && ix.vocab.hasTerm(a.terms[0]) && a.weight > bestW {
					best, bestW = a.terms[0], a.weight
				}
			}
			if ok {
				found++
			}
			if best == stem {
				first++
			}
		}
	}
	if total == 0 {
		t.Fatal("no typos were made")
	}
	t.Logf("typos of the guide's words: %d; intended term found %.3f, heaviest %.3f", total, float64(found)/float64(total), float64(first)/float64(total))
	if float64(found)/float64(total) < 0.5 {
		t.Errorf("the typo fallback finds the intended word for only %d of %d typos", found, total)
	}
}
