package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// disMaxQuery matches documents that match any of its children and scores
// them by the best child plus a share (tie) of the others. bleve's own
// disjunction multiplies the sum by the share of children that matched,
// which punishes a rare word found in one field against a common word found
// in all of them; one concept of a query (a word with its synonyms and
// fields) is therefore a disMaxQuery, and the concepts are combined with
// bleve's disjunction, so that documents matching more concepts rank higher.
type disMaxQuery struct {
	children []query.Query
	tie      float64
}

func newDisMax(tie float64, children ...query.Query) *disMaxQuery {
	return &disMaxQuery{children: children, tie: tie}
}

// Searcher implements query.Query.
func (q *disMaxQuery) Searcher(ctx context.Context, r bleveindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	ss := make([]search.Searcher, 0, len(q.children))
	for _, c := range q.children {
		s, err := c.Searcher(ctx, r, m, opts)
		if err != nil {
			for _, o := range ss {
				o.Close()
			}
			return nil, err
		}
		ss = append(ss, s)
	}
	return &disMaxSearcher{searchers: ss, currs: make([]*search.DocumentMatch, len(ss)), tie: q.tie}, nil
}

// disMaxSearcher walks its children in document order.
type disMaxSearcher struct {
	searchers []search.Searcher
	currs     []*search.DocumentMatch
	started   bool
	tie       float64
}

func (s *disMaxSearcher) start(ctx *search.SearchContext) error {
	for i, c := range s.searchers {
		dm, err := c.Next(ctx)
		if err != nil {
			return err
		}
		s.currs[i] = dm
	}
	s.started = true
	return nil
}

// Next returns the next document that any child matches.
func (s *disMaxSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.started {
		if err := s.start(ctx); err != nil {
			return nil, err
		}
	}
	first := -1
	for i, dm := range s.currs {
		if dm != nil && (first < 0 || dm.IndexInternalID.Compare(s.currs[first].IndexInternalID) < 0) {
			first = i
		}
	}
	if first < 0 {
		return nil, nil
	}
	rv := s.currs[first]
	id := rv.IndexInternalID
	best, sum := 0.0, 0.0
	for i, dm := range s.currs {
		if dm == nil || dm.IndexInternalID.Compare(id) != 0 {
			continue
		}
		sum += dm.Score
		best = max(best, dm.Score)
		if dm != rv {
			ctx.DocumentMatchPool.Put(dm)
		}
		next, err := s.searchers[i].Next(ctx)
		if err != nil {
			return nil, err
		}
		s.currs[i] = next
	}
	rv.Score = best + s.tie*(sum-best)
	rv.Expl = nil
	return rv, nil
}

// Advance skips to the first document at or after id.
func (s *disMaxSearcher) Advance(ctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	if !s.started {
		if err := s.start(ctx); err != nil {
			return nil, err
		}
	}
	for i, dm := range s.currs {
		if dm != nil && dm.IndexInternalID.Compare(id) >= 0 {
			continue
		}
		if dm != nil {
			ctx.DocumentMatchPool.Put(dm)
		}
		next, err := s.searchers[i].Advance(ctx, id)
		if err != nil {
			return nil, err
		}
		s.currs[i] = next
	}
	return s.Next(ctx)
}

// Weight sums the children's weights.
func (s *disMaxSearcher) Weight() float64 {
	var w float64
	for _, c := range s.searchers {
		w += c.Weight()
	}
	return w
}

// SetQueryNorm passes the norm on.
func (s *disMaxSearcher) SetQueryNorm(n float64) {
	for _, c := range s.searchers {
		c.SetQueryNorm(n)
	}
}

// Count is a worst case: the sum of the children's counts.
func (s *disMaxSearcher) Count() uint64 {
	var n uint64
	for _, c := range s.searchers {
		n += c.Count()
	}
	return n
}

// Min is 0: one matching child is enough.
func (s *disMaxSearcher) Min() int { return 0 }

// Size estimates the memory in use.
func (s *disMaxSearcher) Size() int {
	n := 64 + 8*len(s.currs)
	for _, c := range s.searchers {
		n += c.Size()
	}
	return n
}

// DocumentMatchPoolSize is one match per child plus what they need.
func (s *disMaxSearcher) DocumentMatchPoolSize() int {
	n := len(s.currs)
	for _, c := range s.searchers {
		n += c.DocumentMatchPoolSize()
	}
	return n
}

// Close closes the children.
func (s *disMaxSearcher) Close() error {
	var first error
	for _, c := range s.searchers {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
