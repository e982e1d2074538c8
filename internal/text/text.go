// Package text holds small Unicode helpers shared by the corpus, the index and
// the renderers: accent folding, normalisation for look-ups, edit distance and
// cutting text to a length at a sentence or word boundary.
package text

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldMap maps accented Latin letters to their plain form.
var foldMap = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae",
	'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'œ': "oe",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss",
	'ĳ': "ij",
}

// Fold lowercases s and removes accents: "Creëren" becomes "creeren".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if f, ok := foldMap[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Normalize folds s and turns every run of characters that are not letters or
// digits into one space, so that "'t kan OKANders" and "t kan okanders" compare
// equal. Apostrophes vanish instead of splitting a word.
func Normalize(s string) string {
	s = Fold(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == '‘' || r == '`':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// Compact normalises s and removes the spaces too: "1 Gezin 1 Plan" and
// "1Gezin-1Plan" both become "1gezin1plan".
func Compact(s string) string {
	return strings.ReplaceAll(Normalize(s), " ", "")
}

// Distance returns the Levenshtein edit distance between a and b, counted in
// runes. It stops early and returns max+1 when the distance exceeds max.
func Distance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Truncate cuts s to at most limit runes. It prefers to cut after the last
// full sentence, else at a word boundary, and then appends "…" (and more, when
// given). Text that fits is returned unchanged.
func Truncate(s string, limit int, more string) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	suffix := "…"
	if more != "" {
		suffix = "… " + more
	}
	room := limit - utf8.RuneCountInString(suffix)
	if room <= 0 {
		return string([]rune(suffix)[:limit])
	}
	r := []rune(s)[:room]
	cut := string(r)
	// Prefer a sentence end in the last half.
	if i := lastSentenceEnd(cut); i > len(cut)/2 {
		return strings.TrimSpace(cut[:i]) + " " + strings.TrimSpace(suffix)
	}
	if i := strings.LastIndexAny(cut, " \n\t"); i > len(cut)/3 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-–\n\t") + suffix
}

func lastSentenceEnd(s string) int {
	best := -1
	for i := 0; i < len(s)-1; i++ {
		switch s[i] {
		case '.', '!', '?':
			if s[i+1] == ' ' || s[i+1] == '\n' {
				best = i + 1
			}
		}
	}
	return best
}

// Clean makes user input safe to work with: invalid UTF-8 and control
// characters become spaces, format characters (zero-width, bidi marks)
// vanish, runs of space collapse, and the result is cut to at most limit
// runes.
func Clean(s string, limit int) string {
	var b strings.Builder
	n := 0
	space := true
	for _, r := range strings.ToValidUTF8(s, " ") {
		if n >= limit {
			break
		}
		if unicode.Is(unicode.Cf, r) {
			continue // zero-width and direction marks vanish: "brug\u200bfiguur" is one word
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError {
			if !space {
				b.WriteByte(' ')
				n++
				space = true
			}
			continue
		}
		b.WriteRune(r)
		n++
		space = false
	}
	return strings.TrimSpace(b.String())
}

// Plural returns one when n is 1, else many.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// CountNetworks is "1 netwerk" or "5 netwerken".
func CountNetworks(n int) string {
	return fmt.Sprintf("%d %s", n, Plural(n, "netwerk", "netwerken"))
}

// HardCut cuts s to at most limit runes, the last one an ellipsis when
// anything was cut.
func HardCut(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	if limit <= 1 {
		return string([]rune(s)[:max(limit, 0)])
	}
	return string([]rune(s)[:limit-1]) + "…"
}
