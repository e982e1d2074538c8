package index

// The relevance of this index against two plain bleve indexes over the same
// passages, per set of queries and per style, in one run:
//
//	go test -run TestRelevanceCompare -v ./index/
//
// "bleve-standaard" is a bleve index with its default (standard) analyzer,
// "bleve-nl" one with bleve's own Dutch analyzer ("nl"). Both index every
// passage of this index plus, per document, its name and tags as one more
// passage, and rank a document by its best passage, as this index does.
// "bleve-nl+zoekwoorden" is bleve-nl with each document's search words
// (content/zoekwoorden.md) in that extra passage: it knows what this index
// knows, so the difference is the search itself.

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// evalCase is one query of any table, with its set ("oud" for the 100
// keyword rows, "afstemming" and "achtergehouden" for the two halves of the
// questions, "extra" for the further tuning questions) and style.
type evalCase struct {
	query, style, set string
	want              []string
	wantFirst         string
}

// Sets of queries.
const (
	setOld     = "oud"
	setTuning  = "afstemming"
	setHeldOut = "achtergehouden"
	setExtra   = "extra"
	setFresh   = "vers"
	setStyle   = "stijl"
)

// evalCases returns every query of the relevance tables.
func evalCases() []evalCase {
	var out []evalCase
	for _, c := range relevanceCases {
		out = append(out, evalCase{query: c.query, style: c.style, set: setOld, want: c.want, wantFirst: c.wantFirst})
	}
	return append(out, questionEvalCases()...)
}

// searcher ranks documents ("kind:id") for a query.
type searcher func(q string) ([]string, error)

// metrics are the scores of one engine over some queries.
type metrics struct {
	n      int
	rr     float64 // summed reciprocal rank of the first expected document (top 10)
	recall float64 // summed share of expected documents in the top 5
	top1   int     // queries whose first hit is expected
}

func (m *metrics) add(got []string, c evalCase) {
	m.n++
	for i, g := range got[:min(10, len(got))] {
		if slices.Contains(c.want, g) {
			m.rr += 1 / float64(i+1)
			break
		}
	}
	top := got[:min(relevanceTop, len(got))]
	found := 0
	for _, w := range c.want {
		if slices.Contains(top, w) {
			found++
		}
	}
	m.recall += float64(found) / float64(len(c.want))
	if len(got) > 0 && (got[0] == c.wantFirst || c.wantFirst == "" && slices.Contains(c.want, got[0])) {
		m.top1++
	}
}

func (m metrics) String() string {
	if m.n == 0 {
		return "—"
	}
	n := float64(m.n)
	return fmt.Sprintf("%.3f / %.3f / %.3f", m.rr/n, m.recall/n, float64(m.top1)/n)
}

// evaluate runs every case through s and returns the metrics per set and
// style ("" for all styles of a set).
func evaluate(t *testing.T, s searcher, cases []evalCase) map[[2]string]*metrics {
	t.Helper()
	out := map[[2]string]*metrics{}
	get := func(set, style string) *metrics {
		k := [2]string{set, style}
		if out[k] == nil {
			out[k] = &metrics{}
		}
		return out[k]
	}
	for _, c := range cases {
		got, err := s(c.query)
		if err != nil {
			t.Fatalf("%q: %v", c.query, err)
		}
		get(c.set, c.style).add(got, c)
		get(c.set, "").add(got, c)
	}
	return out
}

// ourSearcher is this index.
func ourSearcher(ix *Index) searcher {
	return func(q string) ([]string, error) {
		res, err := ix.Search(context.Background(), Request{Query: q, Limit: 10})
		if err != nil {
			return nil, err
		}
		var out []string
		for _, h := range res.Hits {
			out = append(out, h.Kind+":"+h.ID)
		}
		return out, nil
	}
}

// bleveSearcher builds a bleve index with one analyzer over the passages of
// ix and the names of its documents.
func bleveSearcher(t *testing.T, ix *Index, analyzer string) searcher {
	return bleveSearcherWith(t, ix, analyzer, false)
}

// documentKeywords returns the search words of each document
// (content/zoekwoorden.md), by "kind:id".
func documentKeywords(ix *Index) map[string][]string {
	out := map[string][]string{}
	for _, n := range ix.corpus.Networks {
		out[KindNetwork+":"+n.ID] = n.Keywords
	}
	for _, f := range ix.corpus.Factors {
		out[KindFactor+":"+f.ID] = f.Keywords
	}
	for _, p := range ix.corpus.Passages {
		out[KindPassage+":"+p.ID] = p.Keywords
	}
	return out
}

// bleveSearcherWith is bleveSearcher; with keywords, each document's extra
// passage holds its search words too, so that the baseline knows what this
// index knows.
func bleveSearcherWith(t *testing.T, ix *Index, analyzer string, keywords bool) searcher {
	t.Helper()
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = analyzer
	m.ScoringModel = bleveindex.BM25Scoring
	bi, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bi.Close() })
	type unit struct{ doc, also int32 }
	var units []unit
	batch := bi.NewBatch()
	add := func(u unit, text string) {
		if err := batch.Index(fmt.Sprint(len(units)), map[string]any{"text": text}); err != nil {
			t.Fatal(err)
		}
		units = append(units, u)
	}
	for _, p := range ix.passages {
		add(unit{p.doc, p.also}, p.text)
	}
	keys := documentKeywords(ix)
	for d, e := range ix.entries {
		fields := append(append([]string{e.title, e.place, e.province}, e.themes...), e.partners...)
		if keywords {
			fields = append(fields, keys[e.kind+":"+e.id]...)
		}
		add(unit{int32(d), -1}, strings.Join(fields, " ; "))
	}
	if err := bi.Batch(batch); err != nil {
		t.Fatal(err)
	}
	return func(q string) ([]string, error) {
		mq := bleve.NewMatchQuery(q)
		mq.SetField("text")
		res, err := bi.Search(bleve.NewSearchRequestOptions(mq, 200, 0, false))
		if err != nil {
			return nil, err
		}
		best := map[int32]float64{}
		for _, h := range res.Hits {
			var n int
			fmt.Sscan(h.ID, &n)
			u := units[n]
			for _, d := range []int32{u.doc, u.also} {
				if d >= 0 && h.Score > best[d] {
					best[d] = h.Score
				}
			}
		}
		docs := make([]int32, 0, len(best))
		for d := range best {
			docs = append(docs, d)
		}
		sort.Slice(docs, func(i, j int) bool {
			if best[docs[i]] != best[docs[j]] {
				return best[docs[i]] > best[docs[j]]
			}
			return docs[i] < docs[j]
		})
		var out []string
		for _, d := range docs[:min(10, len(docs))] {
			out = append(out, ix.entries[d].kind+":"+ix.entries[d].id)
		}
		return out, nil
	}
}

// TestRelevanceCompare logs MRR, recall@5 and top1 per set and style for
// this index and the two bleve baselines, and checks the target on the old
// rows: MRR at least 0.95.
func TestRelevanceCompare(t *testing.T) {
	ix := guideIndexForBench(t)
	cases := evalCases()
	engines := []struct {
		name string
		s    searcher
	}{
		{"bondgenoot", ourSearcher(ix)},
		{"bleve-standaard", bleveSearcher(t, ix, standard.Name)},
		{"bleve-nl", bleveSearcher(t, ix, nl.AnalyzerName)},
		{"bleve-nl+zoekwoorden", bleveSearcherWith(t, ix, nl.AnalyzerName, true)},
	}
	results := make([]map[[2]string]*metrics, len(engines))
	for i, e := range engines {
		results[i] = evaluate(t, e.s, cases)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "MRR / recall@5 / top1 per set and style\n")
	fmt.Fprintf(&b, "%-15s %-9s %5s", "set", "style", "n")
	for _, e := range engines {
		fmt.Fprintf(&b, "  %-21s", e.name)
	}
	b.WriteString("\n")
	for _, set := range []string{setOld, setTuning, setExtra, setFresh, setStyle, setHeldOut} {
		for _, style := range append([]string{""}, questionStyleNames...) {
			m0 := results[0][[2]string{set, style}]
			if m0 == nil {
				continue
			}
			label := style
			if label == "" {
				label = "alle"
			}
			fmt.Fprintf(&b, "%-15s %-9s %5d", set, label, m0.n)
			for i := range engines {
				m := results[i][[2]string{set, style}]
				if m == nil {
					m = &metrics{}
				}
				fmt.Fprintf(&b, "  %-21s", m.String())
			}
			b.WriteString("\n")
		}
	}
	t.Log("\n" + b.String())
	if m := results[0][[2]string{setOld, ""}]; m != nil && m.rr/float64(m.n) < 0.95 {
		t.Errorf("MRR on the old rows is %.3f, want at least 0.95", m.rr/float64(m.n))
	}
}
