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

// snippet returns a passage as a snippet of at most limit runes: the whole
// passage when it fits, else from the sentence that holds most of the
// query's terms (the first one on a tie) on.
func (ix *Index) snippet(passage string, terms map[string]bool, limit int) string {
	passage = strings.Join(strings.Fields(passage), " ")
	if utf8.RuneCountInString(passage) <= limit {
		return passage
	}
	sentences := splitSentences(passage)
	best, bestScore := 0, 0
	for i, s := range sentences {
		score := 0
		seen := map[string]bool{}
		for _, tok := range ix.an(s) {
			if t := string(tok.Term); terms[t] && !seen[t] {
				seen[t] = true
				score++
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	// Start a sentence earlier when the rest would fit anyway.
	out := strings.Join(sentences[best:], " ")
	for best > 0 && utf8.RuneCountInString(strings.Join(sentences[best-1:], " ")) <= limit {
		best--
		out = strings.Join(sentences[best:], " ")
	}
	if best > 0 {
		out = "… " + out
	}
	return text.Truncate(out, limit, "")
}
