package index

import (
	"sort"
	"unicode/utf8"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// vocabulary holds the index's terms (stems, for typo fallback) and the
// guide's surface words with their frequency (for "Bedoelde je …?").
type vocabulary struct {
	terms      map[string]int   // term → document frequency over text fields
	textDF     map[string]int   // term → document frequency in the text field
	termsByLen map[int][]string // terms grouped by rune length
	words      map[string]int   // folded surface word → frequency
	wordsByLen map[int][]string
}

func newVocabulary(c *content.Corpus, texts []string) *vocabulary {
	v := &vocabulary{terms: map[string]int{}, textDF: map[string]int{}, termsByLen: map[int][]string{}, words: map[string]int{}, wordsByLen: map[int][]string{}}
	for _, t := range texts {
		for _, w := range words(t) {
			v.words[w]++
		}
	}
	for w := range v.words {
		v.wordsByLen[utf8.RuneCountInString(w)] = append(v.wordsByLen[utf8.RuneCountInString(w)], w)
	}
	for _, l := range v.wordsByLen {
		sort.Strings(l)
	}
	return v
}

// addTerms records the terms of one field dictionary.
func (v *vocabulary) addTerm(term string, count int) {
	if _, ok := v.terms[term]; !ok {
		n := utf8.RuneCountInString(term)
		v.termsByLen[n] = append(v.termsByLen[n], term)
	}
	v.terms[term] += count
}

func (v *vocabulary) hasTerm(t string) bool { return v.terms[t] > 0 }

// closeTerms returns up to limit terms within maxDist edits of t, closest and
// most frequent first.
func (v *vocabulary) closeTerms(t string, maxDist, limit int) []string {
	type cand struct {
		term string
		d, n int
	}
	var cs []cand
	n := utf8.RuneCountInString(t)
	for l := n - maxDist; l <= n+maxDist; l++ {
		for _, term := range v.termsByLen[l] {
			if !samePrefixRune(term, t) {
				continue
			}
			if d := typoDistance(term, t, maxDist); d <= maxDist && d > 0 {
				cs = append(cs, cand{term, d, v.terms[term]})
			}
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		if cs[i].n != cs[j].n {
			return cs[i].n > cs[j].n
		}
		return cs[i].term < cs[j].term
	})
	var out []string
	for i := 0; i < len(cs) && i < limit; i++ {
		out = append(out, cs[i].term)
	}
	return out
}

// closestWord returns the guide's word closest to w (within two edits, one
// for short words), the most frequent on a tie; "" when none is close.
func (v *vocabulary) closestWord(w string) string {
	n := utf8.RuneCountInString(w)
	maxDist := 1
	if n >= 7 {
		maxDist = 2
	}
	best, bestD, bestN := "", maxDist+1, 0
	for l := n - maxDist; l <= n+maxDist; l++ {
		for _, cand := range v.wordsByLen[l] {
			if !samePrefixRune(cand, w) {
				continue
			}
			d := typoDistance(cand, w, maxDist)
			if d == 0 || d > maxDist {
				continue
			}
			if d < bestD || d == bestD && v.words[cand] > bestN {
				best, bestD, bestN = cand, d, v.words[cand]
			}
		}
	}
	return best
}

// samePrefixRune is a cheap filter before the edit distance: typos rarely
// touch both of the first two letters, so a candidate must share the first
// or the second byte with the word.
func samePrefixRune(a, b string) bool {
	if len(a) < 2 || len(b) < 2 {
		return true
	}
	return a[0] == b[0] || a[1] == b[1]
}

// typoDistance is the edit distance of text.Distance, except that two
// neighbouring letters swapped count as one edit (shcool, school).
func typoDistance(a, b string, max int) int {
	d := text.Distance(a, b, max+1)
	if d == 2 && swapped(a, b) {
		return 1
	}
	return d
}

// swapped reports whether a and b differ only in two neighbouring letters
// that trade places.
func swapped(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if i+1 >= len(ra) || ra[i] != rb[i+1] || ra[i+1] != rb[i] {
		return false
	}
	return string(ra[i+2:]) == string(rb[i+2:])
}
