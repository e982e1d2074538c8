package index

import (
	"strings"
	"unicode/utf8"

	"github.com/bondgenoot/bondgenoot/internal/text"
)

// snippetRunes is the longest snippet shown; answerRunes the longest answer
// passage.
const (
	snippetRunes = 280
	answerRunes  = 600
)

// splitSentences cuts text after ". ", "! ", "? " and at line breaks.
func splitSentences(t string) []string {
	var out []string
	start := 0
	flush := func(end int) {
		if s := strings.TrimSpace(t[start:end]); s != "" {
			out = append(out, strings.TrimSpace(strings.TrimPrefix(s, "- ")))
		}
		start = end
	}
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\n':
			flush(i + 1)
		case '.', '!', '?':
			if i+1 < len(t) && t[i+1] == ' ' {
				flush(i + 1)
			}
		}
	}
	flush(len(t))
	return out
}

// snippet returns passage p as a snippet of at most limit runes: the whole
// passage when it fits, else from the sentence that holds most of the
// query's terms (the first one on a tie) on.
//
// With back, the snippet starts a sentence or more earlier when the rest
// still fits.
func (ix *Index) snippet(p int32, terms map[string]int, limit int, back bool) string {
	ps := &ix.passages[p]
	if utf8.RuneCountInString(ps.text) <= limit {
		return strings.Join(strings.Fields(ps.text), " ")
	}
	sentences := ix.analyseSentences(ps)
	if len(sentences) == 0 {
		return ""
	}
	best, bestScore := 0, 0
	for i, s := range sentences {
		score := 0
		for t, w := range terms {
			if s.terms[t] {
				score += w
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	join := func(from int) string {
		var b strings.Builder
		for i, s := range sentences[from:] {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s.text)
			if b.Len() > 4*limit {
				break
			}
		}
		return b.String()
	}
	// Start a sentence earlier when the rest would fit anyway.
	out := join(best)
	for back && best > 0 {
		prev := join(best - 1)
		if utf8.RuneCountInString(prev) > limit {
			break
		}
		best, out = best-1, prev
	}
	if best > 0 {
		out = "… " + out
	}
	return text.Truncate(out, limit, "")
}

// analyseSentences splits a passage into sentences with their terms, once.
func (ix *Index) analyseSentences(ps *passage) []sentence {
	l := ps.lazy
	l.once.Do(func() {
		for _, s := range splitSentences(strings.Join(strings.Fields(ps.text), " ")) {
			st := sentence{text: s, terms: map[string]bool{}}
			for _, tok := range ix.an(s) {
				st.terms[string(tok.Term)] = true
			}
			l.list = append(l.list, st)
		}
	})
	return l.list
}
