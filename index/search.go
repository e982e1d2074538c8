package index

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// analyzerFunc runs the index's Dutch analyzer on a string.
type analyzerFunc func(s string) analysis.TokenStream

func newAnalyzerFunc(bi bleve.Index, name string) (analyzerFunc, error) {
	a := bi.Mapping().AnalyzerNamed(name)
	if a == nil {
		return nil, errors.New("analyzer not registered: " + name)
	}
	return func(s string) analysis.TokenStream { return a.Analyze([]byte(s)) }, nil
}

// terms returns the distinct terms the analyzer makes of s.
func (ix *Index) terms(s string) []string {
	var out []string
	for _, t := range ix.an(s) {
		term := string(t.Term)
		if !containsString(out, term) {
			out = append(out, term)
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// concept is one thing the user asked for: a word, or a quoted phrase, with
// the synonyms that count for it.
type concept struct {
	word     string     // folded surface word, or the phrase
	phrase   bool       // match the words in order
	quoted   bool       // the user put the phrase between quotes
	synonyms [][]string // alternatives, each one or more words
}

// parseQuery turns user input into concepts. It never interprets query
// syntax: operators, field names and wildcards are just characters between
// words. It returns the cleaned input and a Dutch notice when the input was
// cut.
//
// known reports whether a phrase of two or more folded words is a name the
// guide uses (an organisation, a theme, a place): such a phrase is searched
// as one concept, so "brede school" does not also mean every school.
func parseQuery(raw string, known func(string) bool) (cleaned string, concepts []concept, notice string) {
	cleaned = text.Clean(raw, MaxQueryRunes+1)
	if utf8.RuneCountInString(cleaned) > MaxQueryRunes {
		cleaned = strings.TrimSpace(string([]rune(cleaned)[:MaxQueryRunes]))
		notice = fmt.Sprintf("Je zoekvraag was lang; ik zocht op de eerste %d tekens.", MaxQueryRunes)
	}
	rest := cleaned
	// Quoted phrases, when the quotes are balanced.
	for _, q := range []string{`"`, "“", "”", "„"} {
		rest = strings.ReplaceAll(rest, q, `"`)
	}
	if strings.Count(rest, `"`)%2 == 0 {
		parts := strings.Split(rest, `"`)
		rest = ""
		for i, p := range parts {
			if i%2 == 1 {
				ws := words(p)
				if len(ws) > 1 {
					concepts = append(concepts, concept{word: strings.Join(ws, " "), phrase: true, quoted: true})
					continue
				}
			}
			rest += " " + p
		}
	}
	all := words(rest)
	used := make([]bool, len(all))
	// Multi-word synonyms first ("vrije tijd", "sociaal huis").
	for i := 0; i < len(all); i++ {
		if used[i] {
			continue
		}
		for n := 4; n >= 2; n-- {
			if i+n > len(all) {
				continue
			}
			phrase := strings.Join(all[i:i+n], " ")
			alts, ok := synonymsOf(phrase)
			if !ok && (known == nil || !known(phrase)) {
				continue
			}
			concepts = append(concepts, concept{word: phrase, phrase: true, synonyms: alts})
			for k := i; k < i+n; k++ {
				used[k] = true
			}
			break
		}
	}
	for i, w := range all {
		if used[i] || stopWords[w] {
			continue
		}
		dup := false
		for _, c := range concepts {
			dup = dup || c.word == w
		}
		if dup {
			continue
		}
		alts, _ := synonymsOf(w)
		concepts = append(concepts, concept{word: w, synonyms: alts})
	}
	if len(concepts) > maxConcepts {
		concepts = concepts[:maxConcepts]
		if notice == "" {
			notice = fmt.Sprintf("Ik zocht op de eerste %d zoekwoorden.", maxConcepts)
		}
	}
	return cleaned, concepts, notice
}

// Search runs a search. It never returns an error for odd input: such input
// gives an empty result with a notice. It returns *content.FilterError for
// an unknown theme or province.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	cleaned, concepts, notice := parseQuery(req.Query, ix.isKnownPhrase)
	res := &Result{Query: cleaned, Hits: []Hit{}, Facets: Facets{Themes: map[string]int{}, Provinces: map[string]int{}}, Notice: notice}
	var filters []query.Query
	if req.Theme != "" {
		t := ix.corpus.FindTheme(req.Theme)
		if t == nil {
			return nil, &content.FilterError{Field: "thema", Value: req.Theme, Suggestions: ix.corpus.ThemeNames()}
		}
		q := bleve.NewTermQuery(t.Name)
		q.SetField(fieldTheme)
		filters = append(filters, q)
	}
	if req.Province != "" {
		p, ok := content.FindProvince(req.Province)
		if !ok {
			return nil, &content.FilterError{Field: "provincie", Value: req.Province, Suggestions: content.Provinces}
		}
		q := bleve.NewTermQuery(p)
		q.SetField(fieldProvince)
		filters = append(filters, q)
	}
	if len(concepts) == 0 {
		if res.Notice != "" {
			res.Notice += " "
		}
		res.Notice += "Geef een of meer zoekwoorden, bijvoorbeeld: brugfiguur, vrije tijd of laagdrempelig."
		return res, nil
	}
	built := ix.buildQuery(cleaned, concepts)
	var q query.Query = built.query
	if len(filters) > 0 {
		q = bleve.NewConjunctionQuery(append([]query.Query{built.query}, filters...)...)
	}
	limit := req.Limit
	if limit <= 0 {
		limit = 10
	}
	limit = min(limit, maxLimit)
	offset := max(req.Offset, 0)
	counts := ix.facets.newCounts()
	sr := bleve.NewSearchRequestOptions(&facetQuery{inner: q, table: ix.facets, counts: counts}, limit, offset, false)
	ctx = context.WithValue(ctx, search.MaxTermSearchersKey, maxTermSearchers)
	out, err := ix.bleve.SearchInContext(ctx, sr)
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		return nil, fmt.Errorf("search: %w", err)
	}
	res.Total = int(out.Total)
	ix.facets.fill(counts, &res.Facets)
	for _, h := range out.Hits {
		e := ix.entries[h.ID]
		if e == nil {
			continue
		}
		res.Hits = append(res.Hits, Hit{
			Kind: e.kind, ID: e.id, Title: e.title, Place: e.place, Province: e.province, Page: e.page,
			Snippet: ix.snippet(e, built.terms), Score: round(h.Score),
		})
	}
	if res.Total < 3 || built.corrected {
		res.Suggestion = ix.suggest(cleaned, res.Total == 0)
	}
	return res, nil
}

func round(f float64) float64 {
	return float64(int64(f*10000+0.5)) / 10000
}

// disMaxTie is the share of a concept's other matches added to its best one:
// 1 sums them all, as Lucene's BM25 does since it dropped the coord factor
// (measured on the relevance table: 0 → 94/100, 0.5 → 96, 1 → 96 and the
// best mean reciprocal rank).
const disMaxTie = 1.0

// builtQuery is a bleve query with the terms it looks for (for snippets).
type builtQuery struct {
	query     query.Query
	terms     map[string]bool
	corrected bool // a word was unknown and replaced by close index terms
}

func (ix *Index) buildQuery(cleaned string, concepts []concept) builtQuery {
	b := builtQuery{terms: map[string]bool{}}
	concepts = ix.dropCommon(concepts)
	var should []query.Query
	for _, c := range concepts {
		var alts []query.Query
		if c.phrase {
			alts = append(alts, ix.phraseQueries(c.word, 1, c.quoted, b.terms)...)
		} else {
			qs, known := ix.wordQueries(c.word, 1, b.terms)
			alts = append(alts, qs...)
			if !known && len(c.synonyms) == 0 {
				fz := ix.fuzzyQueries(c.word, b.terms)
				if len(fz) > 0 {
					b.corrected = true
				}
				alts = append(alts, fz...)
			}
		}
		if ix.places[c.word] {
			// A place or province finds the networks there first.
			alts = append(alts, ix.fieldPhrase(c.word, fieldTags, placeBoost))
		}
		for _, syn := range c.synonyms {
			if len(syn) == 1 {
				alts = append(alts, ix.synonymQueries(syn[0], 0.6, b.terms)...)
			} else {
				alts = append(alts, ix.phraseQueries(strings.Join(syn, " "), 0.6, false, b.terms)...)
			}
		}
		if len(alts) == 0 {
			continue
		}
		should = append(should, newDisMax(disMaxTie, alts...))
	}
	// A network, factor or chapter whose name is the query ranks first.
	if id := ix.titleMatch(cleaned); id != "" {
		dq := bleve.NewDocIDQuery([]string{id})
		dq.SetBoost(50)
		should = append(should, dq)
	}
	if len(should) == 0 {
		return builtQuery{query: bleve.NewMatchNoneQuery(), terms: b.terms}
	}
	b.query = bleve.NewDisjunctionQuery(should...)
	return b
}

// commonShare is the share of documents above which a word counts as common:
// in a question of several words, such words add cost but no ranking.
const commonShare = 0.3

// dropCommon removes plain words that occur in more than commonShare of the
// documents, as long as a rarer word remains to search for.
func (ix *Index) dropCommon(concepts []concept) []concept {
	if len(concepts) < 3 || ix.docCount == 0 {
		return concepts
	}
	limit := int(commonShare * float64(ix.docCount))
	var kept []concept
	for _, c := range concepts {
		if !c.phrase && len(c.synonyms) == 0 {
			if toks := ix.an(c.word); len(toks) > 0 && ix.vocab.textDF[string(toks[0].Term)] > limit {
				continue
			}
		}
		kept = append(kept, c)
	}
	if len(kept) == 0 {
		return concepts
	}
	return kept
}

// titleMatch returns the document id of the network (name, alias or id),
// factor or passage whose title is the query, ignoring case, accents and
// punctuation; "" when none is.
func (ix *Index) titleMatch(q string) string {
	return ix.titles[text.Compact(q)]
}

// wordQueries matches one word in every text field: the whole word, and all
// parts of a compound together. known is false when no field holds the
// whole word.
func (ix *Index) wordQueries(w string, boost float64, terms map[string]bool) ([]query.Query, bool) {
	toks := ix.an(w)
	if len(toks) == 0 {
		return nil, true // a stop word: nothing to look for
	}
	whole := string(toks[0].Term)
	var parts []string
	for _, t := range toks[1:] {
		if p := string(t.Term); p != whole && !containsString(parts, p) {
			parts = append(parts, p)
		}
	}
	terms[whole] = true
	for _, p := range parts {
		terms[p] = true
	}
	known := ix.vocab.hasTerm(whole)
	var out []query.Query
	for field, fb := range fieldBoosts {
		if !known && len(parts) >= 2 {
			// An unknown compound: its parts count alone too, weakly.
			for _, p := range parts {
				pq := bleve.NewTermQuery(p)
				pq.SetField(field)
				pq.SetBoost(fb * boost * 0.25)
				out = append(out, pq)
			}
		}
		tq := bleve.NewTermQuery(whole)
		tq.SetField(field)
		tq.SetBoost(fb * boost)
		out = append(out, tq)
		if len(parts) >= 2 {
			var cs []query.Query
			for _, p := range parts {
				pq := bleve.NewTermQuery(p)
				pq.SetField(field)
				cs = append(cs, pq)
			}
			cq := bleve.NewConjunctionQuery(cs...)
			cq.SetBoost(fb * boost * 0.7)
			out = append(out, cq)
		}
	}
	return out, known || len(parts) >= 2
}

// synonymQueries matches a single-word synonym as a whole term in the name
// and text fields.
func (ix *Index) synonymQueries(w string, boost float64, terms map[string]bool) []query.Query {
	toks := ix.an(w)
	if len(toks) == 0 {
		return nil
	}
	term := string(toks[0].Term)
	terms[term] = true
	var out []query.Query
	for _, field := range synonymFields {
		tq := bleve.NewTermQuery(term)
		tq.SetField(field)
		tq.SetBoost(fieldBoosts[field] * boost)
		out = append(out, tq)
	}
	return out
}

// placeBoost weighs a place or province named in a query, in the tags of
// the networks there.
const placeBoost = 3 * 2.5

// fieldPhrase matches words in order in one field.
func (ix *Index) fieldPhrase(phrase, field string, boost float64) query.Query {
	toks := ix.plain(phrase)
	if len(toks) == 1 {
		tq := bleve.NewTermQuery(string(toks[0].Term))
		tq.SetField(field)
		tq.SetBoost(boost)
		return tq
	}
	pq := bleve.NewMatchPhraseQuery(phrase)
	pq.SetField(field)
	pq.SetBoost(boost)
	return pq
}

// phraseQueries matches words in order in every text field.
//
// With looseTags, the tags field (short lists of names) only needs all the
// words, which is cheaper than checking positions; quoted phrases use it,
// since on large indexes they otherwise cost the most.
func (ix *Index) phraseQueries(phrase string, boost float64, looseTags bool, terms map[string]bool) []query.Query {
	for _, t := range ix.terms(phrase) {
		terms[t] = true
	}
	// The whole words in order, with "" where a stop word was: a plain
	// phrase is cheaper than one over compound parts at the same positions.
	toks := ix.plain(phrase)
	if len(toks) == 0 {
		return nil
	}
	first := toks[0].Position
	words := make([]string, toks[len(toks)-1].Position-first+1)
	for _, t := range toks {
		words[t.Position-first] = string(t.Term)
	}
	var out []query.Query
	for field, fb := range fieldBoosts {
		var q query.Query
		if len(words) == 1 {
			tq := bleve.NewTermQuery(words[0])
			tq.SetField(field)
			tq.SetBoost(fb * boost)
			q = tq
		} else if looseTags && field == fieldTags {
			var must []query.Query
			for _, w := range words {
				if w != "" {
					tq := bleve.NewTermQuery(w)
					tq.SetField(field)
					must = append(must, tq)
				}
			}
			cq := bleve.NewConjunctionQuery(must...)
			cq.SetBoost(fb * boost)
			q = cq
		} else {
			pq := bleve.NewPhraseQuery(words, field)
			pq.SetBoost(fb * boost)
			q = pq
		}
		out = append(out, q)
	}
	return out
}

// fuzzyQueries is the typo fallback for a word the index does not hold: the
// closest index terms within one edit (two for long words), at a low boost.
// Short words get none, since they drift ("okan" is close to everything).
func (ix *Index) fuzzyQueries(w string, terms map[string]bool) []query.Query {
	toks := ix.an(w)
	if len(toks) == 0 || utf8.RuneCountInString(w) < 5 {
		return nil
	}
	stem := string(toks[0].Term)
	maxDist := 1
	if utf8.RuneCountInString(w) >= 8 {
		maxDist = 2
	}
	var out []query.Query
	close := ix.vocab.closeTerms(stem, maxDist, 3)
	// The typo may keep the stemmer from cutting the ending
	// (laagdrempelighied): also try the stem of the closest word of the guide.
	if cw := ix.vocab.closestWord(w); cw != "" {
		if ts := ix.an(cw); len(ts) > 0 && !containsString(close, string(ts[0].Term)) {
			close = append(close, string(ts[0].Term))
		}
	}
	for _, t := range close {
		terms[t] = true
		for _, field := range []string{fieldName, fieldTags, fieldText} {
			tq := bleve.NewTermQuery(t)
			tq.SetField(field)
			tq.SetBoost(fieldBoosts[field] * 0.35)
			out = append(out, tq)
		}
	}
	return out
}

// suggest returns the query with each unknown word replaced by the closest
// word of the guide, or the closest network name; "" when it has nothing
// better.
func (ix *Index) suggest(cleaned string, nothingFound bool) string {
	changed := false
	var out []string
	for _, w := range words(cleaned) {
		if stopWords[w] || len(w) < 4 {
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
