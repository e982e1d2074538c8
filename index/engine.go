package index

import (
	"math"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
)

// passage is one paragraph, example or quote of a document.
type passage struct {
	doc  int32 // the document it belongs to
	also int32 // a network an example or quote is about, or -1
	text string
	// number is true when the text holds a number or a date: a question
	// "wanneer …" or "hoeveel …" looks for one.
	number bool
	// partners is true for a paragraph of a network's "De bondgenoten".
	partners bool
	// lazy holds the sentences, analysed on first use (snippets of long
	// passages, proximity); a pointer, so that copying a passage reads
	// nothing that is written later.
	lazy *lazySentences
}

// lazySentences are a passage's sentences, analysed once.
type lazySentences struct {
	once sync.Once
	list []sentence
}

// sentence is a sentence of a passage with its terms.
type sentence struct {
	text  string
	terms map[string]bool
}

// posting is one unit (a passage, or a document) that holds a term.
type posting struct {
	unit int32
	tf   int32
	// named is how many of the tf occurrences lie inside the name of a
	// partner organisation.
	named int32
	pos   []int32 // positions, for phrases
}

// field is an inverted index over units of one kind, scored with BM25.
type field struct {
	post map[string][]posting
	lens []int32
	avg  float64
	// norm is BM25's length norm of each unit: k1 (1 - b + b len/avg).
	norm []float64
	// idfs caches the inverse document frequency of each term.
	idfs map[string]float64
}

// BM25 parameters (Lucene's defaults).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// add indexes the next unit from its tokens. Compound parts share the
// position of their compound.
func (f *field) add(toks analysis.TokenStream) { f.addNamed(toks, nil) }

// addNamed is add with the positions that lie inside an organisation's
// name.
func (f *field) addNamed(toks analysis.TokenStream, named map[int]bool) {
	if f.post == nil {
		f.post = map[string][]posting{}
	}
	unit := int32(len(f.lens))
	f.lens = append(f.lens, int32(len(toks)))
	for _, t := range toks {
		term := string(t.Term)
		var nm int32
		if named[t.Position] {
			nm = 1
		}
		ps := f.post[term]
		if n := len(ps); n > 0 && ps[n-1].unit == unit {
			ps[n-1].tf++
			ps[n-1].named += nm
			ps[n-1].pos = append(ps[n-1].pos, int32(t.Position))
			continue
		}
		f.post[term] = append(ps, posting{unit: unit, tf: 1, named: nm, pos: []int32{int32(t.Position)}})
	}
}

// finish computes the average length and the IDFs.
func (f *field) finish() {
	if f.post == nil {
		f.post = map[string][]posting{}
	}
	var sum int64
	for _, l := range f.lens {
		sum += int64(l)
	}
	if len(f.lens) > 0 {
		f.avg = float64(sum) / float64(len(f.lens))
	}
	if f.avg == 0 {
		f.avg = 1
	}
	f.norm = make([]float64, len(f.lens))
	for i, l := range f.lens {
		f.norm[i] = bm25K1 * (1 - bm25B + bm25B*float64(l)/f.avg)
	}
	n := float64(len(f.lens))
	f.idfs = make(map[string]float64, len(f.post))
	for term, ps := range f.post {
		df := float64(len(ps))
		f.idfs[term] = math.Log(1 + (n-df+0.5)/(df+0.5))
	}
}

// df is the number of units holding term.
func (f *field) df(term string) int { return len(f.post[term]) }

// score is the BM25 score of tf occurrences of a term with the given IDF in
// a unit.
func (f *field) score(idf float64, tf int32, unit int32) float64 {
	t := float64(tf)
	return idf * t * (bm25K1 + 1) / (t + f.norm[unit])
}

// phrase returns, for every unit holding the words in order (a "" word is a
// gap where a stop word was), how often it does.
func (f *field) phrase(ws []string, visit func(unit int32, tf int32)) {
	var lists [][]posting
	var offs []int32
	for i, w := range ws {
		if w == "" {
			continue
		}
		ps := f.post[w]
		if len(ps) == 0 {
			return
		}
		lists = append(lists, ps)
		offs = append(offs, int32(i))
	}
	if len(lists) == 0 {
		return
	}
	// Walk the first list; find the unit in the others by binary search.
	idx := make([]int, len(lists))
	for _, p := range lists[0] {
		ok := true
		for k := 1; k < len(lists) && ok; k++ {
			l := lists[k]
			j := idx[k]
			lo, hi := j, len(l)
			for lo < hi {
				m := (lo + hi) / 2
				if l[m].unit < p.unit {
					lo = m + 1
				} else {
					hi = m
				}
			}
			idx[k] = lo
			ok = lo < len(l) && l[lo].unit == p.unit
		}
		if !ok {
			continue
		}
		var tf int32
		for _, start := range p.pos {
			all := true
			for k := 1; k < len(lists) && all; k++ {
				want := start + offs[k] - offs[0]
				found := false
				for _, q := range lists[k][idx[k]].pos {
					if q == want {
						found = true
						break
					}
				}
				all = found
			}
			if all {
				tf++
			}
		}
		if tf > 0 {
			visit(p.unit, tf)
		}
	}
}

// scratch holds the per-search arrays, reused through a pool. Each array
// is indexed by passage or document number; the touch lists say which
// entries a search set, so that only those are cleared.
type scratch struct {
	pass     []float64 // score of each passage, summed over concepts
	passHits []uint16  // number of concepts (not light) each passage matches
	passCov  []float64 // their weight (IDF)
	passSeen []bool
	cur      []float64 // the current concept's score per passage
	touched  []int32
	curTouch []int32

	doc       []float64 // document-level score (tags, boosts)
	docHits   []uint16
	docCov    []float64
	docSeen   []bool
	docCur    []float64
	docTouch  []int32
	docCurTch []int32
	// keyScore is the part of doc that the search words gave; keyCur the
	// current concept's.
	keyScore []float64
	keyCur   []float64

	nameScore    []float64 // names: summed over concepts
	nameHits     []uint16
	nameExact    []uint16 // concepts matched by the word itself
	nameRare     []bool   // a rare word matched
	nameCur      []float64
	nameCurExact []bool
	nameTouch    []int32
	nameCurTch   []int32

	best      []float64 // best passage score per document
	second    []float64
	bestPass  []int32
	bestTouch []int32

	total      []float64
	totalTouch []int32
}

func (ix *Index) newScratch() any {
	np, nd := len(ix.passages), len(ix.entries)
	s := &scratch{
		pass: make([]float64, np), passHits: make([]uint16, np), passSeen: make([]bool, np), passCov: make([]float64, np), cur: make([]float64, np),
		doc: make([]float64, nd), docHits: make([]uint16, nd), docSeen: make([]bool, nd), docCov: make([]float64, nd), docCur: make([]float64, nd), keyScore: make([]float64, nd), keyCur: make([]float64, nd),
		nameScore: make([]float64, nd), nameHits: make([]uint16, nd), nameExact: make([]uint16, nd),
		nameRare: make([]bool, nd), nameCur: make([]float64, nd), nameCurExact: make([]bool, nd),
		best: make([]float64, nd), second: make([]float64, nd), bestPass: make([]int32, nd),
		total: make([]float64, nd),
	}
	for i := range s.bestPass {
		s.bestPass[i] = -1
	}
	return s
}

// addTotal adds to a document's total.
func (s *scratch) addTotal(d int32, v float64) {
	if s.total[d] == 0 {
		s.totalTouch = append(s.totalTouch, d)
	}
	s.total[d] += v
}

// reset clears what a search touched.
func (s *scratch) reset() {
	for _, p := range s.touched {
		s.pass[p], s.passHits[p], s.passSeen[p], s.passCov[p] = 0, 0, false, 0
	}
	for _, d := range s.docTouch {
		s.doc[d], s.docHits[d], s.docSeen[d], s.docCov[d], s.keyScore[d] = 0, 0, false, 0, 0
	}
	for _, d := range s.nameTouch {
		s.nameScore[d], s.nameHits[d], s.nameExact[d], s.nameRare[d] = 0, 0, 0, false
	}
	for _, d := range s.bestTouch {
		s.best[d], s.second[d], s.bestPass[d] = 0, 0, -1
	}
	for _, d := range s.totalTouch {
		s.total[d] = 0
	}
	s.touched, s.docTouch, s.nameTouch, s.bestTouch, s.totalTouch = s.touched[:0], s.docTouch[:0], s.nameTouch[:0], s.bestTouch[:0], s.totalTouch[:0]
}
