// Package index is the full-text search over the guide. The guide is indexed
// in passages (a paragraph, an example, a quote, each paragraph of a
// network's description); a document (a network, a success factor, a
// chapter) ranks by its best passages, its name and its tags (themes,
// places, partners). Analysis is Dutch-aware (bleve's Dutch stemmer and stop
// words, accent folding, compound splitting); scoring is BM25 over passages.
// It is the only package that imports bleve.
package index

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// Kinds of hits, as they appear in JSON.
const (
	KindNetwork = "netwerk"
	KindFactor  = "succesfactor"
	KindPassage = "passage"
)

// entry is one document: what a hit shows, and what its filters and facets
// need.
type entry struct {
	kind     string
	id       string
	title    string
	place    string
	province string
	page     int
	themes   []string // networks only, for facets
	// themeNums and provinceNum number the facet values; provinceNum is -1
	// when there is none.
	themeNums   []int
	provinceNum int
	// places are the folded place names of a network (place, municipalities,
	// province), partners the canonical names of its partner organisations
	// and of the organisations they belong to.
	places   []string
	partners []string
	passages []int32 // its own passages, in order
}

// Index is a built search index over a corpus. It is safe for concurrent
// use: nothing changes after Build.
type Index struct {
	corpus  *content.Corpus
	entries []*entry
	byKey   map[string]int32 // "kind:id" → entry number
	titles  map[string]int32 // compact name, alias or title → entry number

	passages []passage
	body     field // passages: their text
	tags     field // documents: themes, places, partners, names
	keys     field // documents: the words people search them by (zoekwoorden.md)
	names    field // documents: name and aliases, without compound splitting

	// byPlace, byPartner and byTheme list the networks per folded place,
	// partner organisation and theme, for the lift a named one gives.
	byPlace, byPartner, byTheme map[string][]int32

	// facet values, numbered
	themeNames, provinceNames []string

	// phrases are the guide's names of two or more words (organisations,
	// themes, places), folded; places are its places and provinces.
	phrases map[string]bool
	places  map[string]bool
	// orgNames are the multi-word names of the partner organisations as
	// analysed terms, by their first term ("" marks a gap): a query word
	// inside such a name in a passage (kind in Huis van het Kind) counts
	// less.
	orgNames map[string][][]string
	// titleList holds the same names for "Bedoelde je …?".
	titleList []titleEntry
	vocab     *vocabulary
	names2    *nameTable // themes, places, partners for question understanding
	compounds *compoundTerms
	stemSyn   map[string][]string // stem → stems of its single-word synonyms
	// everyday maps a word or phrase the guide does not write to the
	// guide's words for it (everydayGroups).
	everyday map[string][]string
	an       analyzerFunc
	plain    analyzerFunc

	closed   atomic.Bool
	scratch  sync.Pool // *scratch
	dfCache  sync.Map  // term → documents holding it (docFreq)
	altCache sync.Map  // a synonym or spelling of the guide → its alternatives
}

// analyzerFunc runs one of the index's Dutch analyzers on a string.
type analyzerFunc func(s string) analysis.TokenStream

// Build indexes the corpus in memory.
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
		for _, q := range f.Quotes {
			texts = append(texts, q.Text)
		}
	}
	for _, p := range c.Passages {
		texts = append(texts, p.Text)
	}
	m := bleve.NewIndexMapping()
	if err := addAnalyzer(m, dictionary(texts)); err != nil {
		return nil, fmt.Errorf("index analyzers: %w", err)
	}
	ix := &Index{corpus: c, byKey: map[string]int32{}}
	for name, dst := range map[string]*analyzerFunc{analyzerName: &ix.an, plainName: &ix.plain} {
		a := m.AnalyzerNamed(name)
		if a == nil {
			return nil, fmt.Errorf("index analyzers: %s is not registered", name)
		}
		*dst = func(s string) analysis.TokenStream { return a.Analyze([]byte(s)) }
	}
	ix.phrases, ix.places = nameSets(c)
	ix.orgNames = ix.orgNameTerms(c)
	ix.addDocuments()
	ix.titles = ix.titleMap()
	for _, n := range c.Networks {
		for _, s := range append([]string{n.Name}, n.Aliases...) {
			ix.titleList = append(ix.titleList, titleEntry{text.Compact(s), n.Name})
		}
	}
	for _, f := range c.Factors {
		ix.titleList = append(ix.titleList, titleEntry{text.Compact(f.Title), f.Title})
	}
	ix.numberFacets()
	ix.byPlace, ix.byPartner, ix.byTheme = map[string][]int32{}, map[string][]int32{}, map[string][]int32{}
	for d, e := range ix.entries {
		for _, p := range e.places {
			ix.byPlace[p] = append(ix.byPlace[p], int32(d))
		}
		for _, o := range e.partners {
			ix.byPartner[o] = append(ix.byPartner[o], int32(d))
		}
		for _, t := range e.themes {
			ix.byTheme[t] = append(ix.byTheme[t], int32(d))
		}
	}
	ix.vocab = newVocabulary(c, texts)
	for _, f := range []*field{&ix.body, &ix.tags, &ix.names, &ix.keys} {
		f.finish()
		for term, ps := range f.post {
			ix.vocab.addTerm(term, len(ps))
		}
	}
	for term, ps := range ix.body.post {
		ix.vocab.textDF[term] = len(ps)
	}
	ix.compounds = newCompoundTerms(ix.body.post)
	ix.stemSyn = ix.newStemSynonyms()
	ix.names2 = newNameTable(c)
	ix.everyday = ix.newEveryday()
	ix.scratch.New = func() any { return ix.newScratch() }
	return ix, nil
}

// ErrClosed is returned by a search on a closed index.
var ErrClosed = errors.New("index closed")

// Close releases the index: it holds only memory, but a closed index
// answers no more searches (a reloaded corpus replaces it).
func (ix *Index) Close() error {
	ix.closed.Store(true)
	return nil
}

// addDocuments turns the corpus into documents and passages.
func (ix *Index) addDocuments() {
	c := ix.corpus
	networkNum := map[string]int32{}
	add := func(e *entry, name, tags string, keys []string) int32 {
		num := int32(len(ix.entries))
		e.provinceNum = -1
		ix.entries = append(ix.entries, e)
		ix.byKey[e.kind+":"+e.id] = num
		ix.names.add(ix.plain(name))
		ix.tags.add(ix.an(tags))
		ix.keys.add(ix.an(strings.Join(keys, " ; ")))
		return num
	}
	for _, n := range c.Networks {
		var tags []string
		tags = append(tags, n.Themes...)
		tags = append(tags, n.Place, n.Province)
		tags = append(tags, n.Municipalities...)
		e := &entry{kind: KindNetwork, id: n.ID, title: n.Name, place: n.Place, province: n.Province, page: n.Page, themes: n.Themes}
		for _, p := range append([]string{n.Place, n.Province}, n.Municipalities...) {
			if w := strings.Join(words(p), " "); w != "" && !slices.Contains(e.places, w) {
				e.places = append(e.places, w)
			}
		}
		for _, p := range n.Partners {
			tags = append(tags, p.Name)
			o := c.Organisation(p.Canonical)
			for o != nil && !slices.Contains(e.partners, o.Name) {
				e.partners = append(e.partners, o.Name)
				tags = append(tags, o.Name)
				for _, a := range o.Aliases {
					// "SAAMO Limburg" must not put every SAAMO network in
					// Limburg.
					if !ix.namesPlace(a) {
						tags = append(tags, a)
					}
				}
				if o.Parent == "" {
					break
				}
				o = c.Organisation(o.Parent)
			}
		}
		tags = append(tags, n.Products...)
		names := append([]string{n.Name}, n.Aliases...)
		num := add(e, strings.Join(names, " ; "), strings.Join(append(tags, names...), " ; "), n.Keywords)
		networkNum[n.ID] = num
		for _, para := range splitParagraphs(n.Description) {
			ix.addPassage(num, -1, para)
		}
		for _, para := range splitParagraphs(n.PartnersText) {
			ix.addPassage(num, -1, para)
			ix.passages[len(ix.passages)-1].partners = true
		}
	}
	for _, f := range c.Factors {
		// A factor's tags are its title only: the networks of its examples
		// are found through the examples themselves, which count for them.
		num := add(&entry{kind: KindFactor, id: f.ID, title: f.Title, page: f.Page}, f.Title, f.Title, f.Keywords)
		for _, para := range splitParagraphs(f.Text) {
			ix.addPassage(num, -1, para)
		}
		// An example or a quote about a network counts for that network too.
		also := func(id string) int32 {
			if n, ok := networkNum[id]; ok {
				return n
			}
			return -1
		}
		for _, e := range f.Examples {
			ix.addPassage(num, also(e.NetworkID), e.Text)
		}
		for _, q := range f.Quotes {
			t := q.Text
			if q.Attribution != "" {
				t += "\n— " + q.Attribution
			}
			ix.addPassage(num, also(q.NetworkID), t)
		}
	}
	for _, p := range c.Passages {
		num := add(&entry{kind: KindPassage, id: p.ID, title: p.Title, page: p.Page}, p.Title, p.Title, p.Keywords)
		for _, para := range splitParagraphs(p.Text) {
			ix.addPassage(num, -1, para)
		}
	}
}

// addPassage indexes one passage of document doc (and of document also, when
// it is ≥ 0).
func (ix *Index) addPassage(doc, also int32, t string) {
	t = strings.TrimSpace(t)
	if t == "" {
		return
	}
	num := int32(len(ix.passages))
	ix.passages = append(ix.passages, passage{doc: doc, also: also, text: t, number: strings.ContainsAny(t, "0123456789"), lazy: &lazySentences{}})
	toks := ix.an(t)
	ix.body.addNamed(toks, ix.namedPositions(toks))
	ix.entries[doc].passages = append(ix.entries[doc].passages, num)
}

// splitParagraphs cuts text at blank lines.
func splitParagraphs(t string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(t, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// numberFacets numbers the themes and provinces of the networks.
func (ix *Index) numberFacets() {
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
	for _, e := range ix.entries {
		if e.kind != KindNetwork {
			continue
		}
		for _, th := range e.themes {
			e.themeNums = append(e.themeNums, number(themeNum, &ix.themeNames, th))
		}
		if e.province != "" {
			e.provinceNum = number(provinceNum, &ix.provinceNames, e.province)
		}
	}
}

// Request is one search.
type Request struct {
	Query    string
	Theme    string // canonical theme name or alias; "" for all
	Province string // province name or alias; "" for all
	Limit    int    // hits to return; 0 means 10
	Offset   int    // hits to skip, for paging
	// Question is Query as Understand read it; nil to have Search read it.
	Question *Question
}

// Hit is one result. Page is the page of the passage the snippet comes
// from: a network's own page, or the page of the success factor that prints
// an example about it.
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

// Answer is the passage that clearly answers a question: well ahead of every
// other passage. Text is the passage (cut when it is long), Page its page.
type Answer struct {
	Kind  string `json:"kind"`
	ID    string `json:"id"`
	Title string `json:"title"`
	Page  int    `json:"page"`
	Text  string `json:"text"`
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
	// Answer is the passage that answers the question, or nil.
	Answer *Answer `json:"answer"`
}

// Limits on user input.
const (
	MaxQueryRunes = 300 // longer input is cut
	maxConcepts   = 12  // words searched for; the rest is ignored
	maxLimit      = 50
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
// title and id, and chapter title to its entry. Factors and chapters do not
// override networks.
func (ix *Index) titleMap() map[string]int32 {
	c := ix.corpus
	m := map[string]int32{}
	add := func(s, key string) {
		if k := text.Compact(s); k != "" {
			if _, taken := m[k]; !taken {
				m[k] = ix.byKey[key]
			}
		}
	}
	for _, n := range c.Networks {
		key := KindNetwork + ":" + n.ID
		add(n.Name, key)
		add(n.ID, key)
		for _, a := range n.Aliases {
			add(a, key)
		}
	}
	for _, f := range c.Factors {
		key := KindFactor + ":" + f.ID
		add(f.Title, key)
		add(f.ID, key)
	}
	for _, p := range c.Passages {
		add(p.Title, KindPassage+":"+p.ID)
	}
	return m
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

// orgNameTerms analyses the multi-word names and aliases of the partner
// organisations.
func (ix *Index) orgNameTerms(c *content.Corpus) map[string][][]string {
	out := map[string][][]string{}
	names := slices.Clone(kindNames)
	for _, o := range c.Organisations {
		names = append(names, o.Name)
		names = append(names, o.Aliases...)
	}
	for _, n := range names {
		toks := ix.plain(n)
		if len(toks) < 2 {
			continue
		}
		first := toks[0].Position
		ws := make([]string, toks[len(toks)-1].Position-first+1)
		for _, t := range toks {
			ws[t.Position-first] = string(t.Term)
		}
		out[ws[0]] = append(out[ws[0]], ws)
	}
	return out
}

// kindNames are names of a kind of organisation that the guide writes out
// in full: their words, like those of a partner's name, say little about a
// passage's topic ("woord" and "armen" in a Vereniging waar armen het woord
// nemen).
var kindNames = []string{
	"vereniging waar armen het woord nemen", "verenigingen waar armen het woord nemen",
	"vereniging waar mensen in armoede het woord nemen", "verenigingen waar mensen in armoede het woord nemen",
}

// namedPositions returns the positions of a passage's tokens that lie
// inside the name of a partner organisation. A compound's parts share its
// position; the whole word comes first.
func (ix *Index) namedPositions(toks analysis.TokenStream) map[int]bool {
	if len(ix.orgNames) == 0 {
		return nil
	}
	at := make(map[int]string, len(toks))
	for _, tk := range toks {
		if _, ok := at[tk.Position]; !ok {
			at[tk.Position] = string(tk.Term)
		}
	}
	var out map[int]bool
	for _, tk := range toks {
		for _, name := range ix.orgNames[string(tk.Term)] {
			ok := true
			for k, w := range name {
				if w != "" && at[tk.Position+k] != w {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if out == nil {
				out = map[int]bool{}
			}
			for k := range name {
				out[tk.Position+k] = true
			}
		}
	}
	return out
}
