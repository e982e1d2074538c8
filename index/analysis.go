package index

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenmap"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/bondgenoot/bondgenoot/internal/text"
)

// Names of the analysis components registered by this package.
const (
	analyzerName     = "nl_bondgenoot"
	plainName        = "nl_bondgenoot_plain" // the same without compound splitting
	foldFilterName   = "bondgenoot_fold"
	splitFilterName  = "bondgenoot_compound"
	squashFilterName = "bondgenoot_squash"
	compoundMapName  = "bondgenoot_compound_dict"
)

func init() {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(registry.RegisterTokenFilter(foldFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(squashFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return squashFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(splitFilterName, func(config map[string]interface{}, cache *registry.Cache) (analysis.TokenFilter, error) {
		dict, err := cache.TokenMapNamed(compoundMapName)
		if err != nil {
			return nil, err
		}
		return &compoundFilter{dict: dict}, nil
	}))
}

// addAnalyzer adds the Dutch analyzer and its compound dictionary to m:
// unicode words, lowercase, accents folded, compounds split into their parts
// (kept beside the whole word), Dutch stop words removed, Snowball stemming,
// then doubled letters squashed so that plural and singular meet
// (gezinnen/gezin, scholen/school).
func addAnalyzer(m *mapping.IndexMappingImpl, dict []string) error {
	tokens := make([]interface{}, len(dict))
	for i, w := range dict {
		tokens[i] = w
	}
	if err := m.AddCustomTokenMap(compoundMapName, map[string]interface{}{"type": tokenmap.Name, "tokens": tokens}); err != nil {
		return err
	}
	if err := m.AddCustomAnalyzer(plainName, map[string]interface{}{
		"type":      custom.Name,
		"tokenizer": unicode.Name,
		"token_filters": []interface{}{
			lowercase.Name, foldFilterName, nl.StopName, nl.SnowballStemmerName, squashFilterName,
		},
	}); err != nil {
		return err
	}
	return m.AddCustomAnalyzer(analyzerName, map[string]interface{}{
		"type":      custom.Name,
		"tokenizer": unicode.Name,
		"token_filters": []interface{}{
			lowercase.Name, foldFilterName, splitFilterName, nl.StopName, nl.SnowballStemmerName, squashFilterName,
		},
	})
}

// foldFilter removes accents: creëren → creeren.
type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if !isASCII(t.Term) {
			t.Term = []byte(text.Fold(string(t.Term)))
		}
	}
	return in
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// squashFilter collapses doubled letters in a stem, so that the stems of
// "gezinnen" (gezinn) and "gezin", or "scholen" (schol) and "school", meet.
type squashFilter struct{}

func (squashFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = squash(t.Term)
	}
	return in
}

func squash(b []byte) []byte {
	out := b[:0:0]
	for i := 0; i < len(b); i++ {
		if i > 0 && b[i] == b[i-1] && b[i] >= 'a' && b[i] <= 'z' {
			continue
		}
		out = append(out, b[i])
	}
	return out
}

// compoundFilter splits Dutch compounds whose every part is in the
// dictionary, allowing the linking letters s, e, en and n between parts
// (vrijetijdsaanbod → vrije + tijd + aanbod). The whole word stays; the parts
// are added at the same position. Words on the keep list (samenwerking) are
// never split, so precision holds.
type compoundFilter struct {
	dict analysis.TokenMap
}

const (
	minCompound = 8 // shortest word that is split
	minPart     = 4 // shortest part
)

func (f *compoundFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream
	for _, t := range in {
		out = append(out, t)
		if len(t.Term) < minCompound || keepWhole(string(t.Term)) {
			continue
		}
		parts := splitCompound(string(t.Term), func(s string) bool { _, ok := f.dict[s]; return ok }, 0)
		for _, p := range parts {
			out = append(out, &analysis.Token{
				Term:     []byte(p),
				Start:    t.Start,
				End:      t.End,
				Position: t.Position,
				Type:     t.Type,
				KeyWord:  t.KeyWord,
			})
		}
	}
	return out
}

// keepWhole lists words that look like compounds but must not be split,
// because their parts mean something else alone.
func keepWhole(w string) bool {
	for _, p := range keepPrefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

var keepPrefixes = []string{"samenwerk", "samenleving", "samenhang", "tijdens", "bijvoorbeeld", "voorbeeld", "verantwoord"}

var linkers = []string{"", "s", "e", "en", "n", "er"}

// splitCompound returns the parts of w when w is entirely made of
// dictionary words joined by linking letters, else nil. Parts that are
// compounds themselves are split once more (schoolpoortwerking → schoolpoort,
// werking, school, poort). depth guards the recursion.
func splitCompound(w string, inDict func(string) bool, depth int) []string {
	if depth > 1 {
		return nil
	}
	best := segment(w, inDict, true)
	if len(best) < 2 {
		return nil
	}
	out := append([]string(nil), best...)
	for _, p := range best {
		if len(p) >= minCompound && !keepWhole(p) {
			out = append(out, splitCompound(p, inDict, depth+1)...)
		}
	}
	return out
}

// segment finds a split of w into dictionary parts with the fewest parts,
// preferring long first parts. top is true for the whole word, which must
// not match itself as a single part.
func segment(w string, inDict func(string) bool, top bool) []string {
	n := len(w)
	// best[i] holds the shortest segmentation of w[i:], nil when none.
	best := make([][]string, n+1)
	ok := make([]bool, n+1)
	ok[n] = true
	for i := n - 1; i >= 0; i-- {
		for j := n; j >= i+minPart; j-- {
			part := w[i:j]
			if top && i == 0 && j == n {
				continue
			}
			if !inDict(part) {
				continue
			}
			for _, l := range linkers {
				k := j + len(l)
				if k > n || w[j:k] != l || !ok[k] {
					continue
				}
				if l != "" && k == n {
					continue // a linker never ends the word
				}
				cand := append([]string{part}, best[k]...)
				if !ok[i] || len(cand) < len(best[i]) {
					best[i], ok[i] = cand, true
				}
			}
		}
	}
	if !ok[0] {
		return nil
	}
	return best[0]
}
