// Package index is the full-text search over the guide: a bleve index of the
// networks, the success factors (with their examples and quotes) and the
// other passages, with Dutch-aware analysis. It is the only package that
// imports bleve.
package index

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// Kinds of hits, as they appear in JSON.
const (
	KindNetwork = "netwerk"
	KindFactor  = "succesfactor"
	KindPassage = "passage"
)

// Field names and their boosts: names and titles weigh most, then themes,
// partners and places, then the running text.
const (
	fieldName     = "name"
	fieldTags     = "tags"
	fieldText     = "text"
	fieldTheme    = "theme"
	fieldProvince = "province"
	fieldKind     = "kind"
)

var fieldBoosts = map[string]float64{fieldName: 6, fieldTags: 2.5, fieldText: 1}

// synonymFields are the fields searched for synonyms and typo corrections.
var synonymFields = []string{fieldName, fieldText}

// document is what is indexed for one network, factor or passage.
type document struct {
	Kind     string   `json:"kind"`
	Name     string   `json:"name"`
	Tags     string   `json:"tags"`
	Text     string   `json:"text"`
	Theme    []string `json:"theme"`
	Province string   `json:"province,omitempty"`
}

// entry is the in-memory side of a document: what a hit shows, and its
// sentences for snippets.
type entry struct {
	kind     string
	id       string
	title    string
	place    string
	province string
	page     int
	themes   []string // networks only, for facets
	// themeNums and provinceNum number the facet values (see facetTable);
	// provinceNum is -1 when there is none.
	themeNums   []int
	provinceNum int
	texts       []string // the text snippets come from

	once      sync.Once
	sentences []sentence // analysed on the first snippet, not at build time
}

// Index is a built search index over a corpus. It is safe for concurrent
// use.
type Index struct {
	bleve   bleve.Index
	corpus  *content.Corpus
	entries map[string]*entry // bleve document id → entry
	titles  map[string]string // compact name, alias or title → document id
	facets  *facetTable
	// phrases are the guide's names of two or more words (organisations,
	// themes, places), folded; places are its places and provinces.
	phrases map[string]bool
	places  map[string]bool
	// titleList holds the same names for "Bedoelde je …?".
	titleList []titleEntry
	// docCount is the number of documents, to tell common words apart.
	docCount int
	vocab    *vocabulary
	an       analyzerFunc // the Dutch analyzer with compound splitting
	plain    analyzerFunc // the same without it, for phrases
}

// Build indexes the corpus in memory (about 50 ms for the guide).
func Build(c *content.Corpus) (*Index, error) {
	var texts []string
	for _, n := range c.Networks {
		texts = append(texts, n.Name, n.Description, n.PartnersText, strings.Join(n.Aliases, " "))
	}
	for _, f := range c.Factors {
		texts = append(texts, f.Title, f.Text)
		for _, e := range f.Examples {
			texts = append(texts, e.Text)
		}
	}
	for _, p := range c.Passages {
		texts = append(texts, p.Text)
	}
	m, err := newMapping(dictionary(texts))
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	bi, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	ix := &Index{bleve: bi, corpus: c, entries: map[string]*entry{}, titles: titleMap(c)}
	for _, n := range c.Networks {
		for _, s := range append([]string{n.Name}, n.Aliases...) {
			ix.titleList = append(ix.titleList, titleEntry{text.Compact(s), n.Name})
		}
	}
	for _, f := range c.Factors {
		ix.titleList = append(ix.titleList, titleEntry{text.Compact(f.Title), f.Title})
	}
	if ix.an, err = newAnalyzerFunc(bi, analyzerName); err == nil {
		ix.plain, err = newAnalyzerFunc(bi, plainName)
	}
	if err != nil {
		bi.Close()
		return nil, err
	}
	batch := bi.NewBatch()
	ix.phrases, ix.places = nameSets(c)
	for id, d := range ix.documents() {
		if err := batch.Index(id, d); err != nil {
			bi.Close()
			return nil, fmt.Errorf("index %s: %w", id, err)
		}
	}
	if err := bi.Batch(batch); err != nil {
		bi.Close()
		return nil, fmt.Errorf("index batch: %w", err)
	}
	ix.facets = newFacetTable(ix.entries)
	if err := ix.loadFacets(); err != nil {
		bi.Close()
		return nil, fmt.Errorf("facet table: %w", err)
	}
	ix.vocab = newVocabulary(c, texts)
	ix.docCount = len(ix.entries)
	for _, field := range []string{fieldName, fieldTags, fieldText} {
		dict, err := bi.FieldDict(field)
		if err != nil {
			bi.Close()
			return nil, fmt.Errorf("read terms of %s: %w", field, err)
		}
		for e, err := dict.Next(); e != nil && err == nil; e, err = dict.Next() {
			ix.vocab.addTerm(e.Term, int(e.Count))
			if field == fieldText {
				ix.vocab.textDF[e.Term] = int(e.Count)
			}
		}
		dict.Close()
	}
	return ix, nil
}

// Close releases the index.
func (ix *Index) Close() error { return ix.bleve.Close() }

func newMapping(dict []string) (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := addAnalyzer(m, dict); err != nil {
		return nil, err
	}
	m.ScoringModel = bleveindex.BM25Scoring
	m.DefaultAnalyzer = analyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false

	textField := func(analyzer string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = true // for phrase queries
		f.DocValues = false
		return f
	}
	keywordField := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = true
		return f
	}
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldName, textField(plainName))
	for _, name := range []string{fieldTags, fieldText} {
		doc.AddFieldMappingsAt(name, textField(analyzerName))
	}
	for _, name := range []string{fieldTheme, fieldProvince, fieldKind} {
		doc.AddFieldMappingsAt(name, keywordField())
	}
	m.DefaultMapping = doc
	return m, nil
}

// documents turns the corpus into bleve documents and fills ix.entries.
func (ix *Index) documents() map[string]document {
	c := ix.corpus
	docs := map[string]document{}
	examples := map[string][]string{}
	for _, f := range c.Factors {
		for _, e := range f.Examples {
			examples[e.NetworkID] = append(examples[e.NetworkID], e.Text)
		}
		for _, q := range f.Quotes {
			if q.NetworkID != "" {
				examples[q.NetworkID] = append(examples[q.NetworkID], q.Text)
			}
		}
	}
	for _, n := range c.Networks {
		var tags []string
		tags = append(tags, n.Themes...)
		tags = append(tags, n.Place, n.Province)
		tags = append(tags, n.Municipalities...)
		seenOrg := map[string]bool{}
		for _, p := range n.Partners {
			tags = append(tags, p.Name)
			if o := c.Organisation(p.Canonical); o != nil && !seenOrg[o.Name] {
				seenOrg[o.Name] = true
				tags = append(tags, o.Name)
				for _, a := range o.Aliases {
					// "SAAMO Limburg" must not put every SAAMO network in
					// Limburg.
					if !ix.namesPlace(a) {
						tags = append(tags, a)
					}
				}
			}
		}
		body := []string{n.Description, n.PartnersText}
		body = append(body, n.Products...)
		id := "n:" + n.ID
		docs[id] = document{
			Kind:     KindNetwork,
			Name:     strings.Join(append([]string{n.Name}, n.Aliases...), " ; "),
			Tags:     strings.Join(append(tags, append([]string{n.Name}, n.Aliases...)...), " ; "),
			Text:     strings.Join(append(body, examples[n.ID]...), "\n\n"),
			Theme:    n.Themes,
			Province: n.Province,
		}
		ix.entries[id] = &entry{kind: KindNetwork, id: n.ID, title: n.Name, place: n.Place, province: n.Province, page: n.Page, themes: n.Themes,
			texts: []string{n.Description, n.PartnersText, strings.Join(n.Products, ". ")}}
	}
	for _, f := range c.Factors {
		parts := []string{f.Text}
		var names []string
		for _, e := range f.Examples {
			parts = append(parts, e.Text)
			if !slices.Contains(names, e.NetworkName) {
				names = append(names, e.NetworkName)
			}
		}
		for _, q := range f.Quotes {
			parts = append(parts, q.Text+" "+q.Attribution)
		}
		id := "f:" + f.ID
		docs[id] = document{Kind: KindFactor, Name: f.Title, Tags: strings.Join(append(names, f.Title), " ; "), Text: strings.Join(parts, "\n\n")}
		ix.entries[id] = &entry{kind: KindFactor, id: f.ID, title: f.Title, page: f.Page, texts: parts}
	}
	for _, p := range c.Passages {
		id := "p:" + p.ID
		docs[id] = document{Kind: KindPassage, Name: p.Title, Tags: p.Title, Text: p.Text}
		ix.entries[id] = &entry{kind: KindPassage, id: p.ID, title: p.Title, page: p.Page, texts: []string{p.Text}}
	}
	return docs
}

// Request is one search.
type Request struct {
	Query    string
	Theme    string // canonical theme name or alias; "" for all
	Province string // province name or alias; "" for all
	Limit    int    // hits to return; 0 means 10
	Offset   int    // hits to skip, for paging
}

// Hit is one result.
type Hit struct {
	Kind     string  `json:"kind"`
	ID       string  `json:"id"`
	Title    string  `json:"title"`
	Place    string  `json:"place"`
	Province string  `json:"province"`
	Page     int     `json:"page"`
	Snippet  string  `json:"snippet"`
	Score    float64 `json:"score"`
}

// Facets counts the matching networks per theme and per province.
type Facets struct {
	Themes    map[string]int `json:"themes"`
	Provinces map[string]int `json:"provinces"`
}

// Result is the answer to a search.
type Result struct {
	Query      string `json:"query"`
	Total      int    `json:"total"`
	Hits       []Hit  `json:"hits"`
	Facets     Facets `json:"facets"`
	Suggestion string `json:"suggestion"`
	// Notice is a Dutch remark about the query itself (shortened, nothing
	// left to search for); empty when there is none.
	Notice string `json:"notice,omitempty"`
}

// Limits on user input.
const (
	MaxQueryRunes = 300 // longer input is cut
	maxConcepts   = 12  // words searched for; the rest is ignored
	maxLimit      = 50
	// maxTermSearchers caps the term searchers one query may open (fuzzy
	// terms expand into many), so no input can make a search expensive.
	maxTermSearchers = 4000
)

// closestTitle returns the network name, alias or title closest to q (at
// most a third of its letters different), or "".
func (ix *Index) closestTitle(q string) string {
	key := text.Compact(q)
	if len(key) < 4 {
		return ""
	}
	maxDist := max(1, len(key)/3)
	best, bestD := "", maxDist+1
	for _, t := range ix.titleList {
		if d := len(t.key) - len(key); d > maxDist || -d > maxDist {
			continue
		}
		if d := text.Distance(t.key, key, maxDist); d < bestD {
			best, bestD = t.name, d
		}
	}
	return best
}

type titleEntry struct{ key, name string }

// titleMap maps the compact form of every network name, alias and id, factor
// title and id, and passage title to its document id. Factors and passages
// do not override networks.
func titleMap(c *content.Corpus) map[string]string {
	m := map[string]string{}
	add := func(s, id string) {
		if k := text.Compact(s); k != "" {
			if _, taken := m[k]; !taken {
				m[k] = id
			}
		}
	}
	for _, n := range c.Networks {
		add(n.Name, "n:"+n.ID)
		add(n.ID, "n:"+n.ID)
		for _, a := range n.Aliases {
			add(a, "n:"+n.ID)
		}
	}
	for _, f := range c.Factors {
		add(f.Title, "f:"+f.ID)
		add(f.ID, "f:"+f.ID)
	}
	for _, p := range c.Passages {
		add(p.Title, "p:"+p.ID)
	}
	return m
}

// loadFacets fills the facet table from the index.
func (ix *Index) loadFacets() error {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	return ix.facets.load(r)
}

// nameSets returns the folded multi-word names of organisations, themes and
// places, and the folded names of every place and province.
func nameSets(c *content.Corpus) (phrases, places map[string]bool) {
	phrases, places = map[string]bool{}, map[string]bool{}
	addPhrase := func(s string) {
		if ws := words(s); len(ws) >= 2 && len(ws) <= 4 {
			phrases[strings.Join(ws, " ")] = true
		}
	}
	for _, o := range c.Organisations {
		addPhrase(o.Name)
		for _, a := range o.Aliases {
			addPhrase(a)
		}
	}
	for _, t := range c.Themes {
		addPhrase(t.Name)
		for _, a := range t.Aliases {
			addPhrase(a)
		}
	}
	for _, p := range append(c.PlaceNames(), content.Provinces...) {
		addPhrase(p)
		places[strings.Join(words(p), " ")] = true
	}
	return phrases, places
}

// isKnownPhrase reports whether folded words joined by spaces are a name the
// guide uses.
func (ix *Index) isKnownPhrase(p string) bool { return ix.phrases[p] }

// namesPlace reports whether a name contains a place or province.
func (ix *Index) namesPlace(name string) bool {
	for _, w := range words(name) {
		if ix.places[w] {
			return true
		}
	}
	return false
}
