package index

import (
	"strings"

	"github.com/bondgenoot/bondgenoot/internal/text"
)

// snippetRunes is the longest snippet shown.
const snippetRunes = 280

// sentence is a sentence of a document with the terms the analyzer makes of
// it, to pick the sentence that best matches a query.
type sentence struct {
	text  string
	terms map[string]bool
}

// sentences splits texts into sentences and analyses each.
func (ix *Index) sentences(texts ...string) []sentence {
	var out []sentence
	for _, t := range texts {
		for _, s := range splitSentences(t) {
			terms := map[string]bool{}
			for _, tok := range ix.an(s) {
				terms[string(tok.Term)] = true
			}
			out = append(out, sentence{text: s, terms: terms})
		}
	}
	return out
}

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

// snippet returns the sentence that holds most of the query's terms (the
// first one on a tie), cut to snippetRunes. The entry's sentences are
// analysed once, on the first call.
func (ix *Index) snippet(e *entry, terms map[string]bool) string {
	e.once.Do(func() { e.sentences = ix.sentences(e.texts...) })
	if len(e.sentences) == 0 {
		return ""
	}
	best, bestScore := 0, 0
	for i, s := range e.sentences {
		score := 0
		for t := range terms {
			if s.terms[t] {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	s := e.sentences[best].text
	// Add the next sentence when the best one is short.
	if len([]rune(s)) < 80 && best+1 < len(e.sentences) {
		s += " " + e.sentences[best+1].text
	}
	return text.Truncate(s, snippetRunes, "")
}
