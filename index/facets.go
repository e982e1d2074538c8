package index

import (
	"context"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// Facets are counted while the matches stream past, from a table of the
// index's document numbers, instead of by bleve's facet builder, which reads
// each match's doc values and cost more than the search itself on large
// indexes.

// facetTable maps index document numbers to entries. The index does not
// change after Build, so the numbers are stable; facetQuery checks that
// anyway and rebuilds the table from the reader when they are not.
type facetTable struct {
	mu    sync.RWMutex
	byNum []*entry
	ids   map[*entry]string // entry → bleve document id
}

func newFacetTable(entries map[string]*entry) *facetTable {
	t := &facetTable{ids: make(map[*entry]string, len(entries))}
	for id, e := range entries {
		t.ids[e] = id
	}
	return t
}

// load fills the table from a reader.
func (t *facetTable) load(r bleveindex.IndexReader) error {
	var byNum []*entry
	for e, id := range t.ids {
		iid, err := r.InternalID(id)
		if err != nil {
			return err
		}
		if iid == nil {
			continue
		}
		n := iid.Value()
		for uint64(len(byNum)) <= n {
			byNum = append(byNum, nil)
		}
		byNum[n] = e
	}
	t.mu.Lock()
	t.byNum = byNum
	t.mu.Unlock()
	return nil
}

// valid reports whether the table agrees with the reader on a few
// documents.
func (t *facetTable) valid(r bleveindex.IndexReader) bool {
	t.mu.RLock()
	defer t.mu.RUnlock()
	checked := 0
	for n := len(t.byNum) - 1; n >= 0 && checked < 2; n -= max(1, len(t.byNum)/2) {
		e := t.byNum[n]
		if e == nil {
			continue
		}
		id, err := r.ExternalID(bleveindex.NewIndexInternalID(nil, uint64(n)))
		if err != nil || id != t.ids[e] {
			return false
		}
		checked++
	}
	return len(t.byNum) > 0
}

func (t *facetTable) entry(id bleveindex.IndexInternalID) *entry {
	n := id.Value()
	t.mu.RLock()
	defer t.mu.RUnlock()
	if n < uint64(len(t.byNum)) {
		return t.byNum[n]
	}
	return nil
}

// facetCounts are the counts of one search.
type facetCounts struct {
	themes    map[string]int
	provinces map[string]int
}

func (c *facetCounts) add(e *entry) {
	if e == nil || e.kind != KindNetwork {
		return
	}
	for _, t := range e.themes {
		c.themes[t]++
	}
	if e.province != "" {
		c.provinces[e.province]++
	}
}

// facetQuery wraps a query and counts the facets of every match.
type facetQuery struct {
	inner  query.Query
	table  *facetTable
	counts *facetCounts
}

// Searcher implements query.Query.
func (q *facetQuery) Searcher(ctx context.Context, r bleveindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	if !q.table.valid(r) {
		if err := q.table.load(r); err != nil {
			return nil, err
		}
	}
	s, err := q.inner.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return &facetSearcher{Searcher: s, q: q}, nil
}

type facetSearcher struct {
	search.Searcher
	q *facetQuery
}

func (s *facetSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	if dm != nil {
		s.q.counts.add(s.q.table.entry(dm.IndexInternalID))
	}
	return dm, err
}

func (s *facetSearcher) Advance(ctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	if dm != nil {
		s.q.counts.add(s.q.table.entry(dm.IndexInternalID))
	}
	return dm, err
}
