package index

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// Weights of the parts of a document's score. They were set on the
// relevance tables that are not held out (the keyword rows, the tuning half
// of the questions, the extra and the fresh questions), never on the
// held-out half.
const (
	// secondShare is the share of a document's second-best passage added to
	// its best one.
	secondShare = 0.6
	// alsoShare weighs an example or quote about a network for the success
	// factor that prints it.
	alsoShare = 1.0
	// exampleNetworkShare weighs such an example for the network it is
	// about: a little less, since the guide tells it where the success
	// factor is explained.
	exampleNetworkShare = 0.9
	tagsWeight          = 1.0
	// keysWeight weighs a document's search words (zoekwoorden.md);
	// keysGuideShare is what a search word counts when the guide itself
	// writes it: the search words are there for the words it does not
	// write, and the guide's own text decides for the rest.
	keysWeight     = 0.8
	keysGuideShare = 0.4
	namesWeight    = 1.5
	// placeBoost lifts the networks in a place the query names; partnerBoost
	// the networks working with a named organisation; themeBoost those with
	// a named theme.
	placeBoost   = 5.0
	partnerBoost = 2.5
	themeBoost   = 0.75
	// titleBoost puts the document whose whole name is the query first.
	titleBoost = 50.0
	// coverageFloor is what a passage keeps of its score when it matches
	// none of the other concepts; it keeps the rest in proportion.
	coverageFloor = 0.1
	// rareNameDocs: a word in at most this share of the documents is rare
	// enough for a name match to count on its own.
	rareNameShare = 0.06
	// intentBoost lifts the kind of document a question asks for.
	intentBoost = 1.1
	// answerLead is how far the best passage must be ahead of the next.
	answerLead = 1.45
	// answerLeaders: the answer comes from one of the first hits.
	answerLeaders = 2
	// minAnswerRunes is the shortest passage that can be an answer.
	minAnswerRunes = 80
)

// Search runs a search. It never returns an error for odd input: such input
// gives an empty result with a notice. It returns *content.FilterError for
// an unknown theme or province, and the context's error when it ends.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if ix.closed.Load() {
		return nil, fmt.Errorf("search: %w", ErrClosed)
	}
	q := req.Question
	if q == nil {
		q = ix.Understand(req.Query)
	}
	res := &Result{Query: q.Cleaned, Hits: []Hit{}, Facets: Facets{Themes: map[string]int{}, Provinces: map[string]int{}}, Notice: q.Notice}
	theme, province := "", ""
	if req.Theme != "" {
		t := ix.corpus.FindTheme(req.Theme)
		if t == nil {
			return nil, &content.FilterError{Field: "thema", Value: req.Theme, Suggestions: ix.corpus.ThemeNames()}
		}
		theme = t.Name
	}
	if req.Province != "" {
		p, ok := content.FindProvince(req.Province)
		if !ok {
			return nil, &content.FilterError{Field: "provincie", Value: req.Province, Suggestions: content.Provinces}
		}
		province = p
	}
	if len(q.concepts) == 0 {
		if res.Notice != "" {
			res.Notice += " "
		}
		res.Notice += "Geef een of meer zoekwoorden, bijvoorbeeld: brugfiguur, vrije tijd of laagdrempelig."
		return res, nil
	}
	s := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(s)
	s.reset()
	ranked, err := ix.score(ctx, q, s)
	if err != nil {
		return nil, err
	}
	keep := func(d int32) bool {
		e := ix.entries[d]
		return (theme == "" || slices.Contains(e.themes, theme)) && (province == "" || e.province == province)
	}
	hits := ranked[:0]
	for _, h := range ranked {
		if keep(h.doc) {
			hits = append(hits, h)
		}
	}
	res.Total = len(hits)
	counts := struct{ themes, provinces []int }{make([]int, len(ix.themeNames)), make([]int, len(ix.provinceNames))}
	for _, h := range hits {
		e := ix.entries[h.doc]
		for _, n := range e.themeNums {
			counts.themes[n]++
		}
		if e.provinceNum >= 0 {
			counts.provinces[e.provinceNum]++
		}
	}
	for i, n := range counts.themes {
		if n > 0 {
			res.Facets.Themes[ix.themeNames[i]] = n
		}
	}
	for i, n := range counts.provinces {
		if n > 0 {
			res.Facets.Provinces[ix.provinceNames[i]] = n
		}
	}
	limit := req.Limit
	if limit <= 0 {
		limit = 10
	}
	limit = min(limit, maxLimit)
	offset := min(max(req.Offset, 0), len(hits))
	top := topK(hits, offset+limit)
	terms := q.terms()
	names := len(q.Places) > 0 || len(q.Partners) > 0
	for _, h := range top[offset:] {
		e := ix.entries[h.doc]
		p, snipTerms := s.bestPass[h.doc], terms
		if (p < 0 || s.keyScore[h.doc] > s.best[h.doc] || ix.passages[p].partners && !names) && len(e.passages) > 0 {
			// Found mostly through its search words, which are not shown,
			// or through the list of its partners when the query names
			// none: the snippet is the opening of the document, which says
			// what it is about.
			p, snipTerms = e.passages[0], nil
		}
		snippet, page := "", e.page
		if p >= 0 {
			snippet = ix.snippet(p, snipTerms, snippetRunes, true)
			// The page of the passage: an example about a network is
			// printed with its success factor.
			page = ix.entries[ix.passages[p].doc].page
		}
		res.Hits = append(res.Hits, Hit{
			Kind: e.kind, ID: e.id, Title: e.title, Place: e.place, Province: e.province, Page: page,
			Snippet: snippet, Score: round(h.score),
		})
	}
	// top is hits[:offset+limit] in order; the answer needs the first two.
	lead := top
	if len(lead) < answerLeaders {
		lead = topK(hits, answerLeaders) // the hits are rendered already
	}
	var leaders []int32
	for _, h := range lead[:min(answerLeaders, len(lead))] {
		leaders = append(leaders, h.doc)
	}
	res.Answer = ix.answer(q, s, leaders, keep, terms)
	if res.Total < 3 || q.corrected() {
		res.Suggestion = ix.suggest(q.Cleaned, res.Total == 0)
	}
	return res, nil
}

func round(f float64) float64 {
	return float64(int64(f*10000+0.5)) / 10000
}

// scored is a document with its score.
type scored struct {
	doc   int32
	score float64
}

// score scores every document that matches a concept and returns them best
// first.
func (ix *Index) score(ctx context.Context, q *Question, s *scratch) ([]scored, error) {
	n := q.weighty()
	weights, wsum := ix.conceptWeights(q)
	rareLimit := max(2, int(rareNameShare*float64(len(ix.entries))))
	for ci, c := range q.concepts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s.curTouch = s.curTouch[:0]
		s.docCurTch = s.docCurTch[:0]
		s.nameCurTch = s.nameCurTch[:0]
		for _, a := range c.alts {
			ix.matchAlt(&ix.body, a, a.terms, func(p int32, v float64) {
				if s.cur[p] == 0 {
					s.curTouch = append(s.curTouch, p)
				}
				s.cur[p] = max(s.cur[p], v)
			})
			ix.matchAlt(&ix.tags, a, a.terms, func(d int32, v float64) {
				if s.docCur[d] == 0 {
					s.docCurTch = append(s.docCurTch, d)
				}
				s.docCur[d] = max(s.docCur[d], tagsWeight*v)
			})
			kw := keysWeight * ix.keysShare(a.terms)
			ix.matchAlt(&ix.keys, a, a.terms, func(d int32, v float64) {
				if s.docCur[d] == 0 {
					s.docCurTch = append(s.docCurTch, d)
				}
				s.docCur[d] = max(s.docCur[d], kw*v)
				s.keyCur[d] = max(s.keyCur[d], kw*v)
			})
			if a.plain != nil {
				rare := false
				if len(a.plain) == 1 && a.weight == 1 {
					rare = ix.docFreq(a.plain[0]) <= rareLimit
				}
				ix.matchAlt(&ix.names, a, a.plain, func(d int32, v float64) {
					if s.nameCur[d] == 0 {
						s.nameCurTch = append(s.nameCurTch, d)
					}
					s.nameCur[d] = max(s.nameCur[d], namesWeight*v)
					if rare {
						s.nameRare[d] = true
					}
					if a.weight == 1 {
						s.nameCurExact[d] = true
					}
				})
			}
		}
		for _, d := range s.nameCurTch {
			if s.nameHits[d] == 0 {
				s.nameTouch = append(s.nameTouch, d)
			}
			s.nameHits[d]++
			s.nameScore[d] += s.nameCur[d]
			if s.nameCurExact[d] {
				s.nameExact[d]++
			}
			s.nameCur[d], s.nameCurExact[d] = 0, false
		}
		// Recognised names lift the networks they belong to.
		lift := func(docs []int32, b float64) {
			for _, d := range docs {
				if s.docCur[d] == 0 {
					s.docCurTch = append(s.docCurTch, d)
				}
				s.docCur[d] += b
			}
		}
		if c.place != "" {
			lift(ix.byPlace[strings.Join(words(c.place), " ")], placeBoost)
		}
		if c.org != "" {
			lift(ix.byPartner[c.org], partnerBoost)
		}
		if c.theme != "" {
			lift(ix.byTheme[c.theme], themeBoost)
		}
		if c.near != nil {
			ix.liftNearby(c.near, lift)
		}
		hit, cw := uint16(1), weights[ci]
		if c.light {
			hit = 0
		}
		for _, p := range s.curTouch {
			if !s.passSeen[p] {
				s.passSeen[p] = true
				s.touched = append(s.touched, p)
			}
			s.pass[p] += s.cur[p]
			s.passHits[p] += hit
			s.passCov[p] += cw
			s.cur[p] = 0
		}
		for _, d := range s.docCurTch {
			if !s.docSeen[d] {
				s.docSeen[d] = true
				s.docTouch = append(s.docTouch, d)
			}
			s.doc[d] += s.docCur[d]
			s.docHits[d] += hit
			s.docCov[d] += cw
			s.docCur[d] = 0
			s.keyScore[d] += s.keyCur[d]
			s.keyCur[d] = 0
		}
	}
	// Passages: scaled by the share of concepts they match, then the best
	// two per document.
	if n >= 2 {
		ix.adjacency(q, s)
	}
	for _, p := range s.touched {
		s.pass[p] *= coverage(s.passCov[p], wsum, n)
		if q.Number && ix.passages[p].number {
			s.pass[p] *= numberBoost
		}
	}
	if n >= 2 {
		ix.proximity(q, s, weights, wsum)
	}
	for _, p := range s.touched {
		v := s.pass[p]
		ps := ix.passages[p]
		if ps.also >= 0 {
			s.offer(ps.also, p, v*exampleNetworkShare)
			v *= alsoShare
		}
		s.offer(ps.doc, p, v)
	}
	for _, d := range s.bestTouch {
		s.addTotal(d, s.best[d]+secondShare*s.second[d])
	}
	for _, d := range s.docTouch {
		s.addTotal(d, s.doc[d]*coverage(s.docCov[d], wsum, n))
	}
	// A name counts when it is specific: a rare word, the one word of the
	// query, or most of the query.
	for _, d := range s.nameTouch {
		hits := int(s.nameHits[d])
		if s.nameRare[d] || n == 1 && s.nameExact[d] >= 1 && hits == len(q.concepts) || n > 1 && hits >= 2 && hits*3 >= 2*n {
			s.addTotal(d, s.nameScore[d])
		}
	}
	// What the question asks for weighs in.
	if q.Wants != "" {
		for _, d := range s.totalTouch {
			if k := ix.entries[d].kind; (k == KindNetwork) == (q.Wants == WantsNetwork) {
				s.total[d] *= intentBoost
			}
		}
	}
	if d, ok := ix.titles[text.Compact(q.Cleaned)]; ok {
		s.addTotal(d, titleBoost)
	}
	out := make([]scored, 0, len(s.totalTouch))
	for _, d := range s.totalTouch {
		if v := s.total[d]; v > 0 {
			out = append(out, scored{d, v})
		}
	}
	return out, nil
}

// keysShare is the share of keysWeight that terms get: full for words the
// guide does not write, keysGuideShare for words it does.
func (ix *Index) keysShare(terms []string) float64 {
	n, in := 0, 0
	for _, t := range terms {
		if t == "" {
			continue
		}
		n++
		if ix.body.df(t) > 0 {
			in++
		}
	}
	if n == 0 {
		return 1
	}
	return 1 - (1-keysGuideShare)*float64(in)/float64(n)
}

// better orders scored documents: higher score first, then document order.
func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.doc < b.doc
}

// topK returns the best k of hits in order. It reorders hits.
func topK(hits []scored, k int) []scored {
	k = min(k, len(hits))
	if k <= 0 {
		return nil
	}
	if k*4 >= len(hits) {
		sort.Slice(hits, func(i, j int) bool { return better(hits[i], hits[j]) })
		return hits[:k]
	}
	// A bounded heap: hits[:k] holds the best k seen, worst at the root.
	h := hits[:k]
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= k {
				return
			}
			w := l
			if r := l + 1; r < k && better(h[w], h[r]) {
				w = r
			}
			if !better(h[i], h[w]) {
				return
			}
			h[i], h[w] = h[w], h[i]
			i = w
		}
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, x := range hits[k:] {
		if better(x, h[0]) {
			h[0] = x
			down(0)
		}
	}
	sort.Slice(h, func(i, j int) bool { return better(h[i], h[j]) })
	return h
}

// offer records passage p with score v for document d.
func (s *scratch) offer(d, p int32, v float64) {
	if s.bestPass[d] < 0 {
		s.bestTouch = append(s.bestTouch, d)
	}
	switch {
	case v > s.best[d]:
		s.second[d] = s.best[d]
		s.best[d], s.bestPass[d] = v, p
	case v > s.second[d]:
		s.second[d] = v
	}
}

// coverage scales a score by the share of the query's weight (the IDF of
// its concepts) that a unit matches: missing a rare word costs more than
// missing a common one.
func coverage(got, sum float64, n int) float64 {
	if n <= 1 || sum <= 0 {
		return 1
	}
	return coverageFloor + (1-coverageFloor)*min(got/sum, 1)
}

// conceptWeights returns each concept's weight for coverage (the IDF of its
// word in the passages; 0 for a light word) and their sum.
func (ix *Index) conceptWeights(q *Question) ([]float64, float64) {
	out := make([]float64, len(q.concepts))
	sum := 0.0
	for i, c := range q.concepts {
		if c.light || len(c.alts) == 0 {
			continue
		}
		w := 0.0
		for _, t := range c.alts[0].terms {
			w += ix.body.idfs[t]
		}
		if w == 0 {
			// Unknown: the best of its alternatives.
			for _, a := range c.alts {
				for _, t := range a.terms {
					w = max(w, ix.body.idfs[t])
				}
			}
		}
		if w == 0 {
			w = 1
		}
		out[i] = w
		sum += w
	}
	return out, sum
}

// docFreq is the number of documents a term occurs in, in any field.
func (ix *Index) docFreq(term string) int {
	if n, ok := ix.dfCache.Load(term); ok {
		return n.(int)
	}
	seen := map[int32]bool{}
	for _, p := range ix.body.post[term] {
		seen[ix.passages[p.unit].doc] = true
	}
	for _, p := range ix.tags.post[term] {
		seen[p.unit] = true
	}
	for _, p := range ix.names.post[term] {
		seen[p.unit] = true
	}
	ix.dfCache.Store(term, len(seen))
	return len(seen)
}

// matchAlt visits every unit of f that matches an alternative, with its
// score.
func (ix *Index) matchAlt(f *field, a alt, terms []string, visit func(unit int32, v float64)) {
	switch {
	case len(terms) == 0:
	case len(terms) == 1:
		idf := f.idfs[terms[0]]
		for _, p := range f.post[terms[0]] {
			v := a.weight * f.score(idf, p.tf, p.unit)
			if p.named > 0 && !a.name {
				// Inside an organisation's name the word means little.
				v *= 1 - (1-namedShare)*float64(p.named)/float64(p.tf)
			}
			visit(p.unit, v)
		}
	case a.conj:
		// Every part somewhere in the unit.
		first := terms[0]
		for _, t := range terms[1:] {
			if f.df(t) < f.df(first) {
				first = t
			}
		}
		// Walk the rarest part's postings; the others advance with them.
		lists := make([][]posting, len(terms))
		for i, t := range terms {
			lists[i] = f.post[t]
		}
		here := make([]*posting, len(terms))
		for _, p := range f.post[first] {
			sum := 0.0
			ok := true
			for i, t := range terms {
				l := lists[i]
				k := 0
				for k < len(l) && l[k].unit < p.unit {
					k++
				}
				lists[i] = l[k:]
				if k == len(l) || l[k].unit != p.unit {
					ok = false
					break
				}
				here[i] = &lists[i][0]
				sum += f.score(f.idfs[t], l[k].tf, p.unit)
			}
			if ok && !together(here, conjWindow) {
				// Far apart: not what the compound means.
				ok = false
			}
			if ok {
				visit(p.unit, a.weight*sum/float64(len(terms))*1.2)
			}
		}
	default:
		var idf float64
		for _, t := range terms {
			idf += f.idfs[t]
		}
		f.phrase(terms, func(unit, tf int32) {
			visit(unit, a.weight*f.score(idf, tf, unit))
		})
	}
}

// terms returns the terms the question looks for, for snippets, with a
// weight: the typed word most, a synonym or compound less, a part of a
// compound least.
func (q *Question) terms() map[string]int {
	m := map[string]int{}
	for _, c := range q.concepts {
		for i, a := range c.alts {
			w := 2
			switch {
			case i == 0:
				w = 3
			case a.conj:
				w = 1
			}
			for _, t := range a.terms {
				if t != "" && m[t] < w {
					m[t] = w
				}
			}
		}
	}
	return m
}

// answer returns the best passage when it clearly answers a question: the
// query has a topic of two or more concepts or is a question, the passage
// matches most of it, and it is well ahead of every other passage.
func (ix *Index) answer(q *Question, s *scratch, leaders []int32, keep func(int32) bool, terms map[string]int) *Answer {
	n := q.weighty()
	if len(leaders) == 0 || !(q.Asks || n >= 2) {
		return nil
	}
	first := leaders[0]
	if first < 0 {
		return nil
	}
	best, second := int32(-1), 0.0
	for _, p := range s.touched {
		ps := ix.passages[p]
		if !keep(ps.doc) && (ps.also < 0 || !keep(ps.also)) {
			continue
		}
		v := s.pass[p]
		if best < 0 || v > s.pass[best] {
			if best >= 0 {
				second = max(second, s.pass[best])
			}
			best = p
		} else {
			second = max(second, v)
		}
	}
	if best < 0 || s.pass[best] < answerLead*second || int(s.passHits[best])*2 < n || utf8.RuneCountInString(ix.passages[best].text) < minAnswerRunes {
		return nil
	}
	p := ix.passages[best]
	d := p.doc
	if p.also >= 0 && (first == p.also || !keep(d)) {
		d = p.also
	}
	// The answer agrees with the ranking: it comes from one of the first
	// hits.
	if !slices.Contains(leaders, d) && !(p.also >= 0 && slices.Contains(leaders, p.also)) {
		return nil
	}
	e := ix.entries[d]
	return &Answer{Kind: e.kind, ID: e.id, Title: e.title, Page: ix.entries[p.doc].page, Text: ix.snippet(best, terms, answerRunes, false)}
}

// suggest returns the query with each unknown word replaced by the closest
// word of the guide, or the closest network name; "" when it has nothing
// better.
func (ix *Index) suggest(cleaned string, nothingFound bool) string {
	changed := false
	var out []string
	for _, w := range words(cleaned) {
		if stopWords[w] || fillerWords[w] || len(w) < 4 {
			out = append(out, w)
			continue
		}
		toks := ix.an(w)
		if len(toks) > 0 && ix.vocab.hasTerm(string(toks[0].Term)) {
			out = append(out, w)
			continue
		}
		if s := ix.vocab.closestWord(w); s != "" && s != w {
			out = append(out, s)
			changed = true
			continue
		}
		out = append(out, w)
	}
	if changed {
		return strings.Join(out, " ")
	}
	if nothingFound {
		return ix.closestTitle(cleaned)
	}
	return ""
}

// weighty is the number of concepts that are not light, at least 1.
func (q *Question) weighty() int {
	n := 0
	for _, c := range q.concepts {
		if !c.light {
			n++
		}
	}
	return max(n, 1)
}

// proximityPassages is how many of the best passages get the proximity
// bonus; proximityShare how much a sentence with the whole query adds.
const (
	proximityPassages = 40
	proximityShare    = 0.5
)

// proximity lifts the best passages by the share of the query's weight that
// one of their sentences holds: the words of a question close together
// answer it better than the same words spread over a long paragraph.
func (ix *Index) proximity(q *Question, s *scratch, weights []float64, wsum float64) {
	if wsum <= 0 || len(q.concepts) > 64 {
		return
	}
	// Which concepts each term stands for: single terms, and for a phrase
	// or the parts of a compound its rarest term.
	mask := map[string]uint64{}
	for i, c := range q.concepts {
		if weights[i] == 0 {
			continue
		}
		for _, a := range c.alts {
			t := ""
			for _, x := range a.terms {
				if x != "" && (t == "" || ix.body.idfs[x] > ix.body.idfs[t]) {
					t = x
				}
			}
			if t != "" {
				mask[t] |= 1 << i
			}
		}
	}
	cand := make([]scored, 0, len(s.touched))
	for _, p := range s.touched {
		cand = append(cand, scored{p, s.pass[p]})
	}
	for _, c := range topK(cand, proximityPassages) {
		bestShare := 0.0
		for _, st := range ix.analyseSentences(&ix.passages[c.doc]) {
			var m uint64
			for t := range st.terms {
				m |= mask[t]
			}
			share := 0.0
			for i := range q.concepts {
				if m&(1<<i) != 0 {
					share += weights[i]
				}
			}
			bestShare = max(bestShare, share/wsum)
		}
		s.pass[c.doc] *= 1 + proximityShare*bestShare
	}
}

// nearKm is how far from a named place a network still gets a lift.
const nearKm = 25.0

// liftNearby lifts the networks that work in place p fully, and those
// within nearKm the less the farther they are.
func (ix *Index) liftNearby(p *content.Place, lift func([]int32, float64)) {
	near, err := ix.corpus.NearbyNetworks(p, "")
	if err != nil {
		return
	}
	for _, nb := range near {
		d, ok := ix.byKey[KindNetwork+":"+nb.Network.ID]
		if !ok {
			continue
		}
		switch {
		case nb.Here:
			lift([]int32{d}, placeBoost)
		case nb.DistanceKm < nearKm:
			lift([]int32{d}, placeBoost*0.6*(1-nb.DistanceKm/nearKm))
		default:
			return // nearest first: the rest is farther
		}
	}
}

// adjacencyWindow is how close two words of the query must stand in a
// passage to count as written together; adjacencyShare what such a pair
// adds, as a share of the pair's BM25 score.
const (
	adjacencyWindow = 3
	adjacencyShare  = 0.5
)

// adjacency lifts the passages that write two neighbouring words of the
// query close together ("kennis kruisen", "tien tot twaalf"): a pair of
// the question's words side by side answers it better than the same words
// apart.
func (ix *Index) adjacency(q *Question, s *scratch) {
	prev := ""
	for _, c := range q.concepts {
		t := ""
		if !c.light && !c.quoted && c.place == "" && c.near == nil && len(c.alts) > 0 && len(c.alts[0].terms) == 1 {
			t = c.alts[0].terms[0]
		}
		if c.light {
			continue // a light word in between does not part the pair
		}
		if prev != "" && t != "" && prev != t {
			ix.pairNear(prev, t, s)
		}
		prev = t
	}
}

// pairNear adds the adjacency bonus of terms a and b to the passages that
// hold them within adjacencyWindow positions.
func (ix *Index) pairNear(a, b string, s *scratch) {
	f := &ix.body
	la, lb := f.post[a], f.post[b]
	idf := f.idfs[a] + f.idfs[b]
	i, j := 0, 0
	for i < len(la) && j < len(lb) {
		switch {
		case la[i].unit < lb[j].unit:
			i++
		case la[i].unit > lb[j].unit:
			j++
		default:
			var tf int32
			for _, x := range la[i].pos {
				for _, y := range lb[j].pos {
					if d := x - y; d != 0 && d <= adjacencyWindow && d >= -adjacencyWindow {
						tf++
						break
					}
				}
			}
			if u := la[i].unit; tf > 0 && s.passSeen[u] {
				s.pass[u] += adjacencyShare * f.score(idf, tf, u)
			}
			i++
			j++
		}
	}
}

// numberBoost lifts the passages with a number or date for a question
// after one.
const numberBoost = 1.5

// conjWindow is how close the parts of a compound the user typed must stand
// when the guide writes them apart (school … poort, not Brede School …
// Zuidpoort).
const conjWindow = 8

// together reports whether the postings (of one unit) have positions that
// all lie within w of one position of the first. Positions are sorted, so
// one pass over each list does.
func together(ps []*posting, w int32) bool {
	var idx [8]int
	if len(ps) > len(idx)+1 {
		return true
	}
	for _, x := range ps[0].pos {
		all := true
		for k, q := range ps[1:] {
			j := idx[k]
			for j < len(q.pos) && q.pos[j] < x-w {
				j++
			}
			idx[k] = j
			if j == len(q.pos) {
				return false // every later x is farther still
			}
			if q.pos[j] > x+w {
				all = false
			}
		}
		if all {
			return true
		}
	}
	return false
}

// namedShare is what a word counts inside the name of a partner
// organisation in a passage (kind in Huis van het Kind).
const namedShare = 0.2
