package content

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bondgenoot/bondgenoot/internal/text"
)

// keywordsFile holds, per document, the words people search it by that the
// guide does not write.
const keywordsFile = "zoekwoorden.md"

// maxKeywordRunes is the longest search word or phrase.
const maxKeywordRunes = 60

// loadKeywords reads zoekwoorden.md: a "## kind:id" heading per document
// (netwerk, succesfactor or passage) with its words as "- " lines.
func (c *Corpus) loadKeywords(file string, data []byte, probs *Problems) {
	passages := map[string]*Passage{}
	for _, p := range c.Passages {
		passages[p.ID] = p
	}
	seenDoc := map[string]int{}
	for _, e := range parseHeadingList(file, data, probs) {
		kind, id, _ := strings.Cut(strings.TrimSpace(e.name), ":")
		var list *[]string
		switch kind {
		case "netwerk":
			if n := c.networkByID[id]; n != nil {
				list = &n.Keywords
			}
		case "succesfactor":
			if f := c.factorByID[id]; f != nil {
				list = &f.Keywords
			}
		case "passage":
			if p := passages[id]; p != nil {
				list = &p.Keywords
			}
		default:
			*probs = append(*probs, Problem{file, e.line, fmt.Sprintf("kop %q: schrijf netwerk:<id>, succesfactor:<id> of passage:<id>", e.name)})
			continue
		}
		if list == nil {
			*probs = append(*probs, Problem{file, e.line, fmt.Sprintf("kop %q: onbekend document", e.name)})
			continue
		}
		if first, dup := seenDoc[e.name]; dup {
			*probs = append(*probs, Problem{file, e.line, fmt.Sprintf("%q staat er twee keer (ook op regel %d)", e.name, first)})
			continue
		}
		seenDoc[e.name] = e.line
		seen := map[string]bool{}
		for _, a := range e.aliases {
			w := strings.TrimSpace(a.text)
			key := text.Compact(w)
			switch {
			case key == "":
				*probs = append(*probs, Problem{file, a.num, "leeg zoekwoord"})
			case utf8.RuneCountInString(w) > maxKeywordRunes:
				*probs = append(*probs, Problem{file, a.num, fmt.Sprintf("zoekwoord van meer dan %d tekens", maxKeywordRunes)})
			case seen[key]:
				*probs = append(*probs, Problem{file, a.num, fmt.Sprintf("zoekwoord %q staat er twee keer", w)})
			default:
				seen[key] = true
				*list = append(*list, w)
			}
		}
	}
}
