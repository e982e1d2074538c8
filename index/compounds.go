package index

import (
	"slices"
	"sort"
	"strings"
)

// compoundTerms finds the guide's compounds that a query word is a part of:
// "rijbewijs" finds "rijbewijstrajecten" even though the guide never writes
// the word alone. Index-side splitting (compoundFilter) only splits into
// words the guide writes alone; a word the user types counts as a
// dictionary word too, so a compound made of it and a dictionary word, with
// a linking letter or not, is found.
type compoundTerms struct {
	sorted   []string // the body's terms
	reversed []string // the same, each reversed, sorted
	terms    map[string]bool
}

func newCompoundTerms(post map[string][]posting) *compoundTerms {
	c := &compoundTerms{terms: make(map[string]bool, len(post))}
	for t := range post {
		c.sorted = append(c.sorted, t)
		c.reversed = append(c.reversed, reverse(t))
		c.terms[t] = true
	}
	sort.Strings(c.sorted)
	sort.Strings(c.reversed)
	return c
}

func reverse(s string) string {
	b := []byte(s)
	slices.Reverse(b)
	return string(b)
}

// maxCompoundTerms caps the compounds one word expands to.
const maxCompoundTerms = 12

// of returns the terms that are stem followed or preceded by another term of
// at least minPart letters, with a linker or not.
//
// surface is the word as typed: a head whose first part the guide never
// writes alone must hold its first five letters, so that a stem does not
// match the end of an unrelated word (gemeente, engagement).
func (c *compoundTerms) of(stem, surface string) []string {
	if len(stem) < minPart {
		return nil
	}
	var out []string
	rest := func(r string) bool {
		for _, l := range linkers {
			if strings.HasPrefix(r, l) && len(r)-len(l) >= minPart && c.terms[r[len(l):]] {
				return true
			}
		}
		return false
	}
	i := sort.SearchStrings(c.sorted, stem)
	for ; i < len(c.sorted) && strings.HasPrefix(c.sorted[i], stem) && len(out) < maxCompoundTerms; i++ {
		if t := c.sorted[i]; t != stem && rest(t[len(stem):]) {
			out = append(out, t)
		}
	}
	rs := reverse(stem)
	i = sort.SearchStrings(c.reversed, rs)
	for ; i < len(c.reversed) && strings.HasPrefix(c.reversed[i], rs) && len(out) < 2*maxCompoundTerms; i++ {
		r := c.reversed[i]
		if r == rs {
			continue
		}
		// The first part, possibly followed by a linker, before stem.
		head := reverse(r[len(rs):])
		// A word of five letters or more may be the head of a compound
		// whose first part the guide never writes alone (podiumkunsten).
		ok := len(stem) >= 5 && len(head) >= minPart && strings.Contains(reverse(r), surface[:min(len(surface), 5)])
		if ok || c.firstPart(head) {
			out = append(out, reverse(r))
		}
	}
	return out
}

// unsure reports whether compound t was found for stem only by the rule for
// heads whose first part the guide never writes alone (podiumkunsten, but
// also penhouder for ouder): such a find weighs less.
func (c *compoundTerms) unsure(stem, t string) bool {
	if strings.HasPrefix(t, stem) {
		return false
	}
	return !c.firstPart(t[:len(t)-len(stem)])
}

// firstPart reports whether head is a term of the guide followed by a
// linker. The term may be an infinitive or plural the stemmer shortens:
// vertrouwens is vertrouwen and s, and the guide's term is vertrouw.
func (c *compoundTerms) firstPart(head string) bool {
	for _, l := range linkers {
		if !strings.HasSuffix(head, l) || len(head)-len(l) < minPart {
			continue
		}
		h := head[:len(head)-len(l)]
		if c.terms[h] || len(h)-2 >= minPart && strings.HasSuffix(h, "en") && c.terms[h[:len(h)-2]] {
			return true
		}
	}
	return false
}

// prefixed returns the terms that start with the form p of a word and go on
// with a linker and another term of the guide (inschrijving →
// inschrijvingsformulieren, kook → kookmomenten). A short p needs a longer
// rest.
func (c *compoundTerms) prefixed(p string) []string {
	if len(p) < 3 {
		return nil
	}
	minRest := minPart
	if len(p) < 5 {
		minRest = 5
	}
	var out []string
	i := sort.SearchStrings(c.sorted, p)
	for ; i < len(c.sorted) && strings.HasPrefix(c.sorted[i], p) && len(out) < maxCompoundTerms; i++ {
		t := c.sorted[i]
		if t == p {
			continue
		}
		r := t[len(p):]
		if len(p) >= 6 && len(r) >= 5 {
			// A long first part stands for itself (emotie: emotieregulatie).
			out = append(out, t)
			continue
		}
		for _, l := range linkers {
			if strings.HasPrefix(r, l) && len(r)-len(l) >= minRest && c.terms[r[len(l):]] {
				out = append(out, t)
				break
			}
		}
	}
	return out
}
