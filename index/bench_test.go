package index

// Benchmarks of building and searching the index, over the guide itself and
// over a synthetic corpus of 10,000 documents made of the guide's own
// sentences (to see how the search scales well beyond 66 documents; it has
// some 25,000 passages).
//
// Run them with
//
//	go test -run '^$' -bench . ./index/
//
// The synthetic index is built once per test binary (it takes seconds); its
// load and build figures are reported by BenchmarkBuild/synthetic-10k.

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/bondgenoot/bondgenoot/content"
)

// syntheticDocs is the number of documents (networks, factors and passages)
// in the synthetic corpus.
const syntheticDocs = 10_000

// benchQueries are the four kinds of search that are benchmarked.
var benchQueries = []struct{ name, query string }{
	{"word", "brugfiguur"},
	{"phrase", `"vrije tijd"`},
	{"typo", "brugfiguer"},
	{"question", "hoe kunnen scholen en welzijnsorganisaties samen ouders in armoede beter bereiken"},
}

func benchQuery(name string) string {
	for _, q := range benchQueries {
		if q.name == name {
			return q.query
		}
	}
	panic("unknown benchmark query " + name)
}

// The guide's index, built once and shared by benchmarks and tests.
var (
	guideIndexOnce sync.Once
	guideIndexVal  *Index
	guideIndexErr  error
)

func guideIndexForBench(tb testing.TB) *Index {
	tb.Helper()
	guideIndexOnce.Do(func() {
		c, err := content.Default()
		if err != nil {
			guideIndexErr = err
			return
		}
		guideIndexVal, guideIndexErr = Build(c)
	})
	if guideIndexErr != nil {
		tb.Fatalf("build guide index: %v", guideIndexErr)
	}
	return guideIndexVal
}

// syntheticBuild is the synthetic index with what it cost to make.
type syntheticBuild struct {
	ix        *Index
	docs      int
	passages  int
	load      time.Duration // content.Load of the generated files
	build     time.Duration // Build
	allocs    uint64        // heap allocations during Build
	bytes     uint64        // bytes allocated during Build
	heapMB    float64       // heap in use after Build (index alive)
	indexMB   float64       // growth of the heap in use over Build
	corpusErr error
}

var (
	syntheticOnce sync.Once
	syntheticVal  syntheticBuild
)

func syntheticIndexForBench(tb testing.TB) *syntheticBuild {
	tb.Helper()
	syntheticOnce.Do(func() {
		s := &syntheticVal
		fsys, err := syntheticCorpusFS(syntheticDocs, 20240611)
		if err != nil {
			s.corpusErr = err
			return
		}
		start := time.Now()
		c, err := content.Load(fsys)
		s.load = time.Since(start)
		if err != nil {
			s.corpusErr = fmt.Errorf("load synthetic corpus: %w", err)
			return
		}
		s.docs = len(c.Networks) + len(c.Factors) + len(c.Passages)
		before := benchHeapStats()
		start = time.Now()
		s.ix, err = Build(c)
		s.build = time.Since(start)
		if s.ix != nil {
			s.passages = len(s.ix.passages)
		}
		if err != nil {
			s.corpusErr = fmt.Errorf("build synthetic index: %w", err)
			return
		}
		after := benchHeapStats()
		s.allocs = after.Mallocs - before.Mallocs
		s.bytes = after.TotalAlloc - before.TotalAlloc
		s.heapMB = float64(after.HeapInuse) / (1 << 20)
		s.indexMB = (float64(after.HeapInuse) - float64(before.HeapInuse)) / (1 << 20)
	})
	if syntheticVal.corpusErr != nil {
		tb.Fatal(syntheticVal.corpusErr)
	}
	return &syntheticVal
}

// syntheticCorpusFS generates a corpus of docs documents in the layout of
// the content package: the guide's own themes, partner directory, networks,
// success factors and passages (the factors refer to the real networks),
// plus generated networks whose descriptions are sentences sampled from the
// real descriptions and whose partners are sampled from the real partners.
// The same seed gives the same corpus.
func syntheticCorpusFS(docs int, seed uint64) (fstest.MapFS, error) {
	guide, err := content.Default()
	if err != nil {
		return nil, err
	}
	fsys := fstest.MapFS{}
	src := os.DirFS("../content")
	for _, name := range []string{"themas.md", "partners.md"} {
		data, err := fs.ReadFile(src, name)
		if err != nil {
			return nil, err
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	for _, dir := range []string{"netwerken", "succesfactoren", "passages"} {
		names, err := fs.Glob(src, dir+"/*.md")
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			data, err := fs.ReadFile(src, name)
			if err != nil {
				return nil, err
			}
			fsys[name] = &fstest.MapFile{Data: data}
		}
	}

	// Material to sample from, in a fixed order.
	var sentences, partners, places, munis, products []string
	seenPartner, seenPlace, seenMuni := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, n := range guide.Networks {
		for _, s := range splitSentences(n.Description) {
			if len(s) >= 30 && !strings.HasPrefix(s, "#") {
				sentences = append(sentences, s)
			}
		}
		for _, p := range n.Partners {
			if !seenPartner[p.Name] {
				seenPartner[p.Name] = true
				partners = append(partners, p.Name)
			}
		}
		for _, p := range append([]string{n.Place}, n.Municipalities...) {
			if !seenPlace[p] {
				seenPlace[p] = true
				places = append(places, p)
			}
		}
		// Municipalities must be in the gazetteer; a province name means
		// the whole province, only in its own province.
		for _, m := range n.Municipalities {
			if _, isProvince := content.FindProvince(m); !isProvince && !seenMuni[m] {
				seenMuni[m] = true
				munis = append(munis, m)
			}
		}
		products = append(products, n.Products...)
	}
	themes := guide.ThemeNames()
	if len(sentences) == 0 || len(partners) == 0 || len(places) == 0 || len(themes) == 0 {
		return nil, fmt.Errorf("the guide has no material to sample from")
	}

	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	pickN := func(list []string, n int) []string {
		var out []string
		for _, i := range r.Perm(len(list)) {
			if len(out) == n {
				break
			}
			out = append(out, list[i])
		}
		return out
	}
	existing := len(guide.Networks) + len(guide.Factors) + len(guide.Passages)
	for i := range max(docs-existing, 0) {
		id := fmt.Sprintf("synthetisch-%05d", i)
		place := pick(places)
		var b strings.Builder
		b.WriteString("---\n")
		fmt.Fprintf(&b, "id: %s\n", id)
		fmt.Fprintf(&b, "naam: Bondgenotennetwerk %s %05d\n", place, i)
		fmt.Fprintf(&b, "plaats: %s\n", place)
		b.WriteString("gemeenten:\n")
		for _, g := range pickN(munis, 1+r.IntN(3)) {
			fmt.Fprintf(&b, "  - %s\n", g)
		}
		fmt.Fprintf(&b, "provincie: %s\n", pick(content.Provinces))
		fmt.Fprintf(&b, "pagina: %d\n", 1+r.IntN(120))
		b.WriteString("themas:\n")
		for _, t := range pickN(themes, 1+r.IntN(3)) {
			fmt.Fprintf(&b, "  - %s\n", t)
		}
		fmt.Fprintf(&b, "websites:\n  - www.%s.be\n", id)
		b.WriteString("producten:\n")
		if len(products) > 0 && r.IntN(3) == 0 {
			fmt.Fprintf(&b, "  - %s\n", pick(products))
		}
		b.WriteString("---\n\n")
		// A description of 3 to 8 sentences in one or two paragraphs.
		ns := 3 + r.IntN(6)
		for k := range ns {
			if k > 0 {
				if k == ns/2 && ns >= 6 {
					b.WriteString("\n\n")
				} else {
					b.WriteString(" ")
				}
			}
			b.WriteString(pick(sentences))
		}
		b.WriteString("\n\n## De bondgenoten\n\n")
		ps := pickN(partners, 2+r.IntN(4))
		fmt.Fprintf(&b, "Het bondgenotennetwerk bestaat uit %s en %s.\n\n",
			strings.Join(ps[:len(ps)-1], ", "), ps[len(ps)-1])
		for _, p := range ps {
			fmt.Fprintf(&b, "- %s\n", p)
		}
		fsys[path.Join("netwerken", id+".md")] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys, nil
}

func benchSearch(b *testing.B, ix *Index, q string) {
	b.Helper()
	ctx := context.Background()
	req := Request{Query: q}
	res, err := ix.Search(ctx, req)
	if err != nil {
		b.Fatalf("Search(%q): %v", q, err)
	}
	if res.Total == 0 && res.Suggestion == "" {
		b.Fatalf("Search(%q) finds nothing and suggests nothing; the benchmark would measure an empty search", q)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := ix.Search(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

// benchSearchKind runs one kind of search over the guide and over the
// synthetic corpus.
func benchSearchKind(b *testing.B, kind string) {
	q := benchQuery(kind)
	b.Run("guide", func(b *testing.B) { benchSearch(b, guideIndexForBench(b), q) })
	b.Run("synthetic-10k", func(b *testing.B) { benchSearch(b, syntheticIndexForBench(b).ix, q) })
}

// BenchmarkBuild measures building the index from the embedded guide, and
// reports the heap in use after the build (heapMB) and the part of it the
// index holds (indexMB). The synthetic-10k sub-benchmark reports the single
// build of the synthetic index shared by the other benchmarks: its ns/op,
// B/op and allocs/op are those of that one build, whatever -benchtime says.
func BenchmarkBuild(b *testing.B) {
	b.Run("guide", func(b *testing.B) {
		c, err := content.Default()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			ix, err := Build(c)
			if err != nil {
				b.Fatal(err)
			}
			ix.Close()
		}
		b.StopTimer()
		before := benchHeapStats()
		ix, err := Build(c)
		if err != nil {
			b.Fatal(err)
		}
		after := benchHeapStats()
		b.ReportMetric(float64(after.HeapInuse)/(1<<20), "heapMB")
		b.ReportMetric((float64(after.HeapInuse)-float64(before.HeapInuse))/(1<<20), "indexMB")
		ix.Close()
	})
	b.Run("synthetic-10k", func(b *testing.B) {
		s := syntheticIndexForBench(b)
		b.ReportAllocs()
		b.ReportMetric(float64(s.build.Nanoseconds()), "ns/op")
		b.ReportMetric(float64(s.allocs), "allocs/op")
		b.ReportMetric(float64(s.bytes), "B/op")
		b.ReportMetric(float64(s.load.Milliseconds()), "load-ms")
		b.ReportMetric(s.build.Seconds(), "build-s")
		b.ReportMetric(float64(s.docs), "docs")
		b.ReportMetric(float64(s.passages), "passages")
		b.ReportMetric(s.heapMB, "heapMB")
		b.ReportMetric(s.indexMB, "indexMB")
	})
}

func BenchmarkSearchWord(b *testing.B)     { benchSearchKind(b, "word") }
func BenchmarkSearchPhrase(b *testing.B)   { benchSearchKind(b, "phrase") }
func BenchmarkSearchTypo(b *testing.B)     { benchSearchKind(b, "typo") }
func BenchmarkSearchQuestion(b *testing.B) { benchSearchKind(b, "question") }

// BenchmarkSearchLatency times every search on its own and reports the
// median and the 99th benchPercentile, per corpus and kind of search.
func BenchmarkSearchLatency(b *testing.B) {
	corpora := []struct {
		name string
		ix   func(testing.TB) *Index
	}{
		{"guide", guideIndexForBench},
		{"synthetic-10k", func(tb testing.TB) *Index { return syntheticIndexForBench(tb).ix }},
	}
	// Besides the four kinds, a query that finds nothing: it takes the path
	// that looks for a close network name to suggest.
	kinds := append(slices.Clone(benchQueries), struct{ name, query string }{"nohits", "+foo -bar"})
	for _, c := range corpora {
		for _, q := range kinds {
			b.Run(c.name+"/"+q.name, func(b *testing.B) {
				ix := c.ix(b)
				ctx := context.Background()
				req := Request{Query: q.query}
				var durations []time.Duration
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					start := time.Now()
					_, err := ix.Search(ctx, req)
					durations = append(durations, time.Since(start))
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(benchPercentile(durations, 0.50).Nanoseconds()), "median-ns")
				b.ReportMetric(float64(benchPercentile(durations, 0.99).Nanoseconds()), "p99-ns")
			})
		}
	}
}

// benchHeapStats returns the memory statistics after garbage collection, so
// that HeapInuse counts live data. It collects twice: what sits in a
// sync.Pool survives the first collection.
func benchHeapStats() runtime.MemStats {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m
}

// benchPercentile returns the p-th quantile (0 < p ≤ 1) of ds, nearest rank.
func benchPercentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	rank := int(p*float64(len(s))+0.999999) - 1
	return s[min(max(rank, 0), len(s)-1)]
}

func TestBenchPercentile(t *testing.T) {
	var ds []time.Duration
	for i := 1; i <= 100; i++ {
		ds = append(ds, time.Duration(101-i))
	}
	if got := benchPercentile(ds, 0.5); got != 50 {
		t.Errorf("median of 1..100 = %d, want 50", got)
	}
	if got := benchPercentile(ds, 0.99); got != 99 {
		t.Errorf("p99 of 1..100 = %d, want 99", got)
	}
	if got := benchPercentile(ds[:1], 0.99); got != 100 {
		t.Errorf("p99 of one = %d, want 100", got)
	}
}

func TestSyntheticCorpusLoads(t *testing.T) {
	fsys, err := syntheticCorpusFS(200, 1)
	if err != nil {
		t.Fatal(err)
	}
	c, err := content.Load(fsys)
	if err != nil {
		t.Fatalf("synthetic corpus does not load: %v", err)
	}
	if n := len(c.Networks) + len(c.Factors) + len(c.Passages); n != 200 {
		t.Errorf("synthetic corpus has %d documents, want 200", n)
	}
	again, err := syntheticCorpusFS(200, 1)
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range fsys {
		if g := again[name]; g == nil || string(g.Data) != string(f.Data) {
			t.Fatalf("synthetic corpus is not deterministic: %s differs", name)
		}
	}
	ix, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.Search(context.Background(), Request{Query: "brugfiguur"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 {
		t.Error("brugfiguur finds nothing in the synthetic corpus")
	}
}
