package index

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bondgenoot/bondgenoot/content"
)

// hostileBound is how long any one search may take. It is generous so that
// the test never flakes on a loaded two-core machine; the speed targets live
// in the benchmarks.
const hostileBound = 2 * time.Second

// hostilePastedText returns about n characters of the guide's own text, as if
// someone pasted a page into the search box.
func hostilePastedText(tb testing.TB, ix *Index, n int) string {
	tb.Helper()
	var b strings.Builder
	for b.Len() < n {
		for _, nw := range ix.corpus.Networks {
			b.WriteString(nw.Description)
			b.WriteString("\n\n")
			if b.Len() >= n {
				break
			}
		}
	}
	s := []rune(b.String())
	if len(s) > n {
		s = s[:n]
	}
	return string(s)
}

func TestHostileQueries(t *testing.T) {
	ix := guideIndexForBench(t)
	tests := []struct {
		name  string
		query string
		// What a sensible answer is: hits (Total > 0), a notice, or
		// either (just no error and a well-formed result).
		wantHits   bool
		wantNotice bool
		wantID     string // a hit that must be among the first ten
		sameAs     string // the query must give the same hits as this one
	}{
		{name: "operators", query: "+foo -bar", sameAs: "foo bar"},
		{name: "field syntax", query: "naam:x", sameAs: "naam x"},
		{name: "field syntax on a real word", query: "themas:onderwijs", wantHits: true, sameAs: "themas onderwijs"},
		{name: "regexp", query: "/.*/", wantNotice: true},
		{name: "wildcard", query: "*", wantNotice: true},
		{name: "wildcard in word", query: "brug*", wantHits: true, sameAs: "brug"},
		{name: "unbalanced quote", query: `"unbalanced quote`},
		{name: "unbalanced quote on Dutch words", query: `"vrije tijd`, wantHits: true},
		{name: "emoji", query: "emoji 🎉🙂 alleen"},
		{name: "only emoji", query: "🎉🙂", wantNotice: true},
		{name: "many regexps", query: strings.Repeat("/.*/ ", 2000), wantNotice: true},
		{name: "pasted guide text", query: hostilePastedText(t, ix, 10_000), wantHits: true, wantNotice: true},
		{name: "invalid UTF-8", query: "\xff\xfe armoede \xc3\x28 \xed\xa0\x80", wantHits: true},
		{name: "only invalid UTF-8", query: "\xff\xfe\xfd\xc3\x28", wantNotice: true},
		{name: "right-to-left", query: "الفقر والتعليم للأطفال"},
		{name: "right-to-left with bidi marks", query: "\u202eorrekam\u202c brugfiguur", wantHits: true},
		{name: "zero-width inside word", query: "brug\u200bfiguur", wantHits: true, wantID: "brugfiguren-basisonderwijs"},
		{name: "okan repeated", query: strings.TrimSpace(strings.Repeat("okan ", 5000)), wantHits: true, wantNotice: true},
		{name: "empty", query: "", wantNotice: true},
		{name: "only spaces and controls", query: " \t\n\x00\x07 ", wantNotice: true},
		{name: "only stop words", query: "de het een en van", wantNotice: true},
		{name: "long word", query: strings.Repeat("a", 5000), wantNotice: true},
		{name: "zero-width run between words", query: "armoede" + strings.Repeat("\u200b", 400) + "kinderen", wantHits: true},
		{name: "many distinct words", query: "armoede ouders school kinderen buurt welzijn jeugd taal werk gezin sport vakantie onderwijs zorg", wantHits: true, wantNotice: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			var res *Result
			var err error
			start := time.Now()
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("Search panicked: %v", r)
					}
				}()
				res, err = ix.Search(ctx, Request{Query: tt.query})
			}()
			took := time.Since(start)
			if err != nil {
				t.Fatalf("Search returned an error: %v", err)
			}
			if res == nil {
				t.Fatal("Search returned a nil result")
			}
			if took > hostileBound {
				t.Errorf("Search took %v, want well under %v", took, hostileBound)
			}
			if n := utf8.RuneCountInString(res.Query); n > MaxQueryRunes {
				t.Errorf("cleaned query has %d runes, want at most %d", n, MaxQueryRunes)
			}
			if !utf8.ValidString(res.Query) {
				t.Errorf("cleaned query %q is not valid UTF-8", res.Query)
			}
			if strings.ContainsAny(res.Query, "\u200b\u202e\u202c\x00\x07\t\n") {
				t.Errorf("cleaned query %q keeps control or format characters", res.Query)
			}
			if res.Hits == nil || res.Facets.Themes == nil || res.Facets.Provinces == nil {
				t.Errorf("result has nil slices or maps: %+v", res)
			}
			if len(res.Hits) > res.Total || len(res.Hits) > 10 {
				t.Errorf("%d hits of %d total with the default limit of 10", len(res.Hits), res.Total)
			}
			if tt.wantHits && res.Total == 0 {
				t.Errorf("no hits (notice %q, suggestion %q)", res.Notice, res.Suggestion)
			}
			if tt.wantNotice && res.Notice == "" {
				t.Errorf("no notice (%d hits)", res.Total)
			}
			if res.Total == 0 && res.Notice == "" && res.Suggestion == "" {
				t.Logf("no hits, no notice, no suggestion for %q", res.Query)
			}
			// The notice about a long query must only appear when the
			// query was cut, not when spaces, controls or invalid bytes
			// made the raw input long.
			if strings.Contains(res.Notice, "zoekvraag was lang") && utf8.RuneCountInString(res.Query) < MaxQueryRunes-1 {
				t.Errorf("notice %q, but the cleaned query %q (%d runes) was not cut",
					res.Notice, hostileTruncate(res.Query), utf8.RuneCountInString(res.Query))
			}
			if res.Notice != "" && !hostileLooksDutch(res.Notice) {
				t.Errorf("notice %q does not look like Dutch", res.Notice)
			}
			if tt.wantID != "" {
				var ids []string
				for _, h := range res.Hits {
					ids = append(ids, h.ID)
				}
				if !slices.Contains(ids, tt.wantID) {
					t.Errorf("%s is not among the hits %v", tt.wantID, ids)
				}
			}
			if tt.sameAs != "" {
				other, err := ix.Search(ctx, Request{Query: tt.sameAs})
				if err != nil {
					t.Fatalf("Search(%q): %v", tt.sameAs, err)
				}
				if got, want := hostileHitIDs(res), hostileHitIDs(other); !slices.Equal(got, want) || res.Total != other.Total {
					t.Errorf("%q gives %d hits %v, but %q gives %d hits %v; query syntax must not be interpreted",
						tt.query, res.Total, got, tt.sameAs, other.Total, want)
				}
			}
			top := hostileHitIDs(res)
			if len(top) > 3 {
				top = top[:3]
			}
			t.Logf("%q → %d hits %v, notice %q, suggestion %q, took %v", hostileTruncate(res.Query), res.Total, top, res.Notice, res.Suggestion, took)
		})
	}
}

// TestHostileQueriesWithFilters runs odd queries with filters and paging.
func TestHostileQueriesWithFilters(t *testing.T) {
	ix := guideIndexForBench(t)
	for _, req := range []Request{
		{Query: "*", Theme: "onderwijs"},
		{Query: strings.Repeat("/.*/ ", 2000), Province: "Antwerpen"},
		{Query: "brug\u200bfiguur", Theme: "school", Province: "west vlaanderen"},
		{Query: "armoede", Limit: -5, Offset: -3},
		{Query: "armoede", Limit: 1_000_000, Offset: 1_000_000},
		{Query: "armoede", Limit: 1 << 62},
	} {
		start := time.Now()
		res, err := ix.Search(context.Background(), req)
		if err != nil {
			t.Errorf("Search(%+v): %v", hostileShortReq(req), err)
			continue
		}
		if took := time.Since(start); took > hostileBound {
			t.Errorf("Search(%+v) took %v", hostileShortReq(req), took)
		}
		if len(res.Hits) > maxLimit {
			t.Errorf("Search(%+v) returned %d hits, more than %d", hostileShortReq(req), len(res.Hits), maxLimit)
		}
	}
}

// TestHostileQueriesCancelled checks that a cancelled context ends the
// search with the context's error, not a panic or a wrapped mystery.
func TestHostileQueriesCancelled(t *testing.T) {
	ix := guideIndexForBench(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := ix.Search(ctx, Request{Query: "armoede"})
	if err == nil {
		t.Logf("a cancelled search still answered (%d hits)", res.Total)
		return
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled search: %v, want context.Canceled", err)
	}
}

func TestFilterByTheme(t *testing.T) {
	ix := guideIndexForBench(t)
	for _, theme := range []string{"onderwijs", "Onderwijs", "school"} {
		hits, res := hostileAllHits(t, ix, Request{Query: "ouders armoede", Theme: theme})
		if res.Total == 0 {
			t.Fatalf("theme %q: no hits", theme)
		}
		for _, h := range hits {
			if h.Kind != KindNetwork {
				t.Errorf("theme %q: hit %s is a %s, want only networks", theme, h.ID, h.Kind)
				continue
			}
			n := ix.corpus.Network(h.ID)
			if n == nil || !slices.Contains(n.Themes, "onderwijs") {
				t.Errorf("theme %q: network %s does not have the theme onderwijs", theme, h.ID)
			}
		}
		if got := res.Facets.Themes["onderwijs"]; got != res.Total {
			t.Errorf("theme %q: facet onderwijs = %d, want the total %d", theme, got, res.Total)
		}
	}
}

func TestFilterByProvince(t *testing.T) {
	ix := guideIndexForBench(t)
	hits, res := hostileAllHits(t, ix, Request{Query: "kinderen", Province: "west vlaanderen"})
	if res.Total == 0 {
		t.Fatal("no hits")
	}
	for _, h := range hits {
		if h.Kind != KindNetwork || h.Province != "West-Vlaanderen" {
			t.Errorf("hit %s (%s) in %q, want only networks in West-Vlaanderen", h.ID, h.Kind, h.Province)
		}
	}
	if len(res.Facets.Provinces) != 1 || res.Facets.Provinces["West-Vlaanderen"] != res.Total {
		t.Errorf("province facets %v, want only West-Vlaanderen: %d", res.Facets.Provinces, res.Total)
	}
	// Theme and province together.
	hits, _ = hostileAllHits(t, ix, Request{Query: "kinderen", Theme: "onderwijs", Province: "Antwerpen"})
	for _, h := range hits {
		n := ix.corpus.Network(h.ID)
		if n == nil || n.Province != "Antwerpen" || !slices.Contains(n.Themes, "onderwijs") {
			t.Errorf("hit %s does not match theme onderwijs and province Antwerpen", h.ID)
		}
	}
}

func TestFilterUnknownValues(t *testing.T) {
	ix := guideIndexForBench(t)
	for _, tt := range []struct {
		req   Request
		field string
	}{
		{Request{Query: "armoede", Theme: "ruimtevaart"}, "thema"},
		{Request{Query: "", Theme: "onderwijss"}, "thema"},
		{Request{Query: "armoede", Province: "Henegouwen"}, "provincie"},
		{Request{Query: "armoede", Province: "\xff\xfe"}, "provincie"},
	} {
		res, err := ix.Search(context.Background(), tt.req)
		var fe *content.FilterError
		if !errors.As(err, &fe) {
			t.Errorf("Search(%+v) = %v, %v; want a *content.FilterError", tt.req, res, err)
			continue
		}
		if fe.Field != tt.field {
			t.Errorf("Search(%+v): FilterError field %q, want %q", tt.req, fe.Field, tt.field)
		}
		if res != nil {
			t.Errorf("Search(%+v) returned a result with its error", tt.req)
		}
		if len(fe.Suggestions) == 0 {
			t.Errorf("Search(%+v): FilterError has no suggestions", tt.req)
		}
	}
}

// TestFilterFacetsMatchHits checks that the facet counts are the counts of
// the matching networks per theme and province, over all pages of hits.
func TestFilterFacetsMatchHits(t *testing.T) {
	ix := guideIndexForBench(t)
	for _, req := range []Request{
		{Query: "armoede"},
		{Query: "ouders school"},
		{Query: `"vrije tijd"`},
		{Query: "armoede", Theme: "gezin"},
		{Query: "kinderen", Province: "Limburg"},
	} {
		hits, res := hostileAllHits(t, ix, req)
		if len(hits) != res.Total {
			t.Errorf("%+v: paging gave %d hits, total says %d", req, len(hits), res.Total)
		}
		themes, provinces := map[string]int{}, map[string]int{}
		networks := 0
		for _, h := range hits {
			if h.Kind != KindNetwork {
				continue
			}
			networks++
			n := ix.corpus.Network(h.ID)
			if n == nil {
				t.Fatalf("hit %s is not a network of the corpus", h.ID)
			}
			provinces[n.Province]++
			for _, th := range n.Themes {
				themes[th]++
			}
		}
		sum := 0
		for _, c := range res.Facets.Provinces {
			sum += c
		}
		if sum != networks {
			t.Errorf("%+v: province facets sum to %d, but %d networks match", req, sum, networks)
		}
		if !hostileMapsEqual(provinces, res.Facets.Provinces) {
			t.Errorf("%+v: province facets %v, counted %v", req, res.Facets.Provinces, provinces)
		}
		if !hostileMapsEqual(themes, res.Facets.Themes) {
			t.Errorf("%+v: theme facets %v, counted %v", req, res.Facets.Themes, themes)
		}
		for th, c := range res.Facets.Themes {
			if c > networks {
				t.Errorf("%+v: theme %s counts %d networks of %d", req, th, c, networks)
			}
		}
	}
}

// hostileAllHits pages through every hit of req.
func hostileAllHits(t *testing.T, ix *Index, req Request) ([]Hit, *Result) {
	t.Helper()
	var hits []Hit
	var first *Result
	req.Limit = maxLimit
	for req.Offset = 0; ; req.Offset += maxLimit {
		res, err := ix.Search(context.Background(), req)
		if err != nil {
			t.Fatalf("Search(%+v): %v", req, err)
		}
		if first == nil {
			first = res
		}
		hits = append(hits, res.Hits...)
		if len(res.Hits) < maxLimit || req.Offset > 10_000 {
			break
		}
	}
	return hits, first
}

func hostileHitIDs(r *Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Kind+":"+h.ID)
	}
	return out
}

func hostileMapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// hostileLooksDutch is a rough check that a notice is written in Dutch.
func hostileLooksDutch(s string) bool {
	s = strings.ToLower(s)
	for _, w := range []string{"je ", "ik ", "zoek", "geef", "woord", "tekens", "een "} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hostileTruncate(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

func hostileShortReq(r Request) Request {
	r.Query = hostileTruncate(r.Query)
	return r
}
