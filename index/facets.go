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

	// themes and provinces number the facet values; entries hold their
	// numbers, so counting is indexing an array.
	themes, provinces []string
}

func newFacetTable(entries map[string]*entry) *facetTable {
	t := &facetTable{ids: make(map[*entry]string, len(entries))}
	themeNum, provinceNum := map[string]int{}, map[string]int{}
	number := func(m map[string]int, names *[]string, v string) int {
		n, ok := m[v]
		if !ok {
			n = len(*names)
			m[v] = n
			*names = append(*names, v)
		}
		return n
	}
	for id, e := range entries {
		t.ids[e] = id
		e.themeNums = e.themeNums[:0]
		e.provinceNum = -1
		if e.kind != KindNetwork {
			continue
		}
		for _, th := range e.themes {
			e.themeNums = append(e.themeNums, number(themeNum, &t.themes, th))
		}
		if e.province != "" {
			e.provinceNum = number(provinceNum, &t.provinces, e.province)
		}
	}
	return t
}

// newCounts returns empty counts for one search.
func (t *facetTable) newCounts() *facetCounts {
	return &facetCounts{themes: make([]int, len(t.themes)), provinces: make([]int, len(t.provinces))}
}

// fill copies counts into facets, leaving out zeros.
func (t *facetTable) fill(c *facetCounts, f *Facets) {
	for i, n := range c.themes {
		if n > 0 {
			f.Themes[t.themes[i]] = n
		}
	}
	for i, n := range c.provinces {
		if n > 0 {
			f.Provinces[t.provinces[i]] = n
		}
	}
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

// facetCounts are the counts of one search, by facet value number.
type facetCounts struct {
	themes    []int
	provinces []int
}

func (c *facetCounts) add(e *entry) {
	if e == nil {
		return
	}
	for _, n := range e.themeNums {
		c.themes[n]++
	}
	if e.provinceNum >= 0 {
		c.provinces[e.provinceNum]++
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
