package answer

import (
	"context"
	"fmt"
	"strings"

	"github.com/bondgenoot/bondgenoot/index"
)

// SearchPage is one page of search results, with what is needed to ask for
// the next one.
type SearchPage struct {
	*index.Result
	Theme    string `json:"theme,omitempty"`
	Province string `json:"province,omitempty"`
	Page     int    `json:"page"`      // 0-based
	PageSize int    `json:"page_size"` // hits per page
}

// Pages returns the number of pages.
func (p *SearchPage) Pages() int {
	if p.PageSize <= 0 || p.Total == 0 {
		return 1
	}
	return (p.Total + p.PageSize - 1) / p.PageSize
}

// Search answers `zoek`: page is 0-based, pageSize the hits per page.
func (s *Service) Search(ctx context.Context, q, theme, province string, page, pageSize int) (*SearchPage, error) {
	if s.Index == nil {
		return nil, fmt.Errorf("search: no index")
	}
	return s.SearchQuestion(ctx, s.Index.Understand(q), theme, province, page, pageSize)
}

// SearchQuestion is Search for a question read already (see Understand),
// so that a mention reads its words once.
func (s *Service) SearchQuestion(ctx context.Context, qu *index.Question, theme, province string, page, pageSize int) (*SearchPage, error) {
	if s.Index == nil || qu == nil {
		return nil, fmt.Errorf("search: no index")
	}
	if pageSize <= 0 {
		pageSize = 5
	}
	page = max(page, 0)
	res, err := s.Index.Search(ctx, index.Request{Query: qu.Cleaned, Question: qu, Theme: theme, Province: province, Limit: pageSize, Offset: page * pageSize})
	if err != nil {
		return nil, err
	}
	return &SearchPage{Result: res, Theme: theme, Province: province, Page: page, PageSize: pageSize}, nil
}

// kindLabel is the Dutch label of a hit's kind.
func kindLabel(kind string) string {
	switch kind {
	case index.KindNetwork:
		return "netwerk"
	case index.KindFactor:
		return "succesfactor"
	}
	return "uit de gids"
}

// HitLine describes a hit in one line: title, place and page.
func HitLine(h index.Hit) string {
	var b strings.Builder
	b.WriteString(h.Title)
	if h.Place != "" {
		fmt.Fprintf(&b, " — %s (%s)", h.Place, h.Province)
	}
	fmt.Fprintf(&b, " · %s · p. %d", kindLabel(h.Kind), h.Page)
	return b.String()
}

// AnswerLine introduces the passage that answers a question: "Antwoord uit
// de gids (p. 77) — Duosprong".
func AnswerLine(a *index.Answer) string {
	return fmt.Sprintf("Antwoord uit de gids (p. %d) — %s", a.Page, a.Title)
}

// Understand reads a question once, for every path that searches: /zoek,
// mentions and the console.
func (s *Service) Understand(q string) *index.Question {
	if s.Index == nil {
		return nil
	}
	return s.Index.Understand(q)
}

// Text renders the page for the console.
func (p *SearchPage) Text() string {
	var b strings.Builder
	if p.Notice != "" {
		b.WriteString(p.Notice + "\n")
	}
	if p.Query == "" {
		return b.String()
	}
	if a := p.Answer; a != nil && p.Page == 0 {
		fmt.Fprintf(&b, "%s\n   %s\n", AnswerLine(a), a.Text)
	}
	switch p.Total {
	case 0:
		fmt.Fprintf(&b, "Niets gevonden voor \"%s\".\n", p.Query)
	case 1:
		fmt.Fprintf(&b, "Zoeken naar \"%s\": 1 resultaat\n", p.Query)
	default:
		fmt.Fprintf(&b, "Zoeken naar \"%s\": %d resultaten (pagina %d van %d)\n", p.Query, p.Total, p.Page+1, p.Pages())
	}
	for i, h := range p.Hits {
		fmt.Fprintf(&b, "%d. %s\n   %s\n", p.Page*p.PageSize+i+1, HitLine(h), h.Snippet)
	}
	if p.Suggestion != "" {
		fmt.Fprintf(&b, "Bedoelde je \"%s\"?\n", p.Suggestion)
	}
	if len(p.Facets.Themes) > 0 {
		b.WriteString("Per thema: " + FacetLine(p.Facets.Themes) + "\n")
	}
	return b.String()
}

// FacetLine renders facet counts, most first: "onderwijs 8, gezin 3".
func FacetLine(counts map[string]int) string {
	var parts []string
	for _, fc := range SortedFacets(counts) {
		parts = append(parts, fmt.Sprintf("%s %d", fc.Name, fc.Count))
	}
	return strings.Join(parts, ", ")
}
