package index

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch feeds arbitrary text to the query builder and the search: it
// must never panic or fail, and the cleaned query stays within bounds.
// Seeds live in testdata/fuzz/FuzzSearch.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"brugfiguur", "+foo -bar", "naam:x", "/.*/", "*", "\"vrije tijd", "🎉", "\xff\xfe", "شبكة", "brug\u200bfiguur", strings.Repeat("a", 400)} {
		f.Add(s)
	}
	ix := guideIndexForBench(f)
	f.Fuzz(func(t *testing.T, q string) {
		res, err := ix.Search(context.Background(), Request{Query: q, Limit: 5})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if n := utf8.RuneCountInString(res.Query); n > MaxQueryRunes || !utf8.ValidString(res.Query) {
			t.Fatalf("cleaned query %q: %d runes, valid %v", res.Query, n, utf8.ValidString(res.Query))
		}
		if len(res.Hits) > 5 {
			t.Fatalf("%d hits for limit 5", len(res.Hits))
		}
	})
}
