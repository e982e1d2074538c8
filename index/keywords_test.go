package index

import (
	"context"
	"strings"
	"testing"
)

// TestSearchWords checks the search words of content/zoekwoorden.md: a word
// the guide never writes finds its document, and since the search words are
// never shown, the snippet is the opening of the document.
func TestSearchWords(t *testing.T) {
	ix := guideIndexForBench(t)
	tests := []struct {
		query, first, snippetStart string
	}{
		{"kinderwagen", "netwerk:het-klein-geluk", "'t Klein Geluk richt zich"},
		{"maandverband", "netwerk:duosprong", "DuoSprong biedt kwetsbare gezinnen"},
	}
	for _, tt := range tests {
		if ix.vocab.words[tt.query] > 0 {
			t.Fatalf("%q is a word of the guide; the test needs one it does not write", tt.query)
		}
		res, err := ix.Search(context.Background(), Request{Query: tt.query, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 {
			t.Errorf("%q: no hits, want %s first", tt.query, tt.first)
			continue
		}
		h := res.Hits[0]
		if got := h.Kind + ":" + h.ID; got != tt.first {
			t.Errorf("%q: first hit %s, want %s", tt.query, got, tt.first)
		}
		if !strings.HasPrefix(h.Snippet, tt.snippetStart) {
			t.Errorf("%q: snippet %q, want the opening of the document (%q…)", tt.query, h.Snippet, tt.snippetStart)
		}
	}
}
