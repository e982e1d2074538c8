package content

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/bondgenoot/bondgenoot/internal/text"
)

//go:embed netwerken/*.md succesfactoren/*.md passages/*.md partners.md themas.md zoekwoorden.md plaatsen.tsv
var embedded embed.FS

// Corpus is the whole validated content: networks, success factors, passages,
// the partner directory and the themes, with indexes for look-ups.
type Corpus struct {
	Networks      []*Network
	Factors       []*Factor
	Passages      []*Passage
	Organisations []*Organisation
	Themes        []*Theme

	networkByID map[string]*Network
	factorByID  map[string]*Factor
	orgByKey    map[string]*Organisation // compact spelling → organisation
	orgByName   map[string]*Organisation
	themeByKey  map[string]*Theme
	orgPrefixes []orgPrefix // normalised spellings, longest first
	pendingRefs []pendingRef

	// Computed once at load: the corpus does not change afterwards, and
	// autocomplete and mentions ask for these on every keystroke.
	placeNames    []string
	placeByKey    map[string]string // compact place → its spelling
	themeCounts   []Count
	placeCounts   []Count
	partnerCounts map[string]int // canonical organisation → networks naming it or a branch

	gazetteer *Gazetteer
	locations map[string]*NetworkLocation // network id → where it works

	summaryOnce sync.Once
	summaries   map[*Place]PlaceSummary
}

// Default loads the corpus embedded in the binary.
func Default() (*Corpus, error) {
	return Load(embedded)
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Load reads and validates a corpus from fsys, laid out like this package's
// directory. It returns Problems listing every problem found, with file and
// line; it never panics on malformed input.
func Load(fsys fs.FS) (*Corpus, error) {
	var probs Problems
	c := &Corpus{
		networkByID: map[string]*Network{},
		factorByID:  map[string]*Factor{},
		orgByKey:    map[string]*Organisation{},
		orgByName:   map[string]*Organisation{},
		themeByKey:  map[string]*Theme{},
	}
	read := func(name string) ([]byte, bool) {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			probs = append(probs, Problem{File: name, Message: "kan het bestand niet lezen"})
			return nil, false
		}
		return data, true
	}
	if data, ok := read("themas.md"); ok {
		c.loadThemes("themas.md", data, &probs)
	}
	if data, ok := read("partners.md"); ok {
		c.loadDirectory("partners.md", data, &probs)
	}
	for _, name := range glob(fsys, "netwerken", &probs) {
		if data, ok := read(name); ok {
			c.loadNetwork(name, data, &probs)
		}
	}
	for _, name := range glob(fsys, "succesfactoren", &probs) {
		if data, ok := read(name); ok {
			c.loadFactor(name, data, &probs)
		}
	}
	for _, name := range glob(fsys, "passages", &probs) {
		if data, ok := read(name); ok {
			c.loadPassage(name, data, &probs)
		}
	}
	c.crossCheck(&probs)
	// The search words are optional: a corpus without them searches the
	// guide's own words only.
	switch data, err := fs.ReadFile(fsys, keywordsFile); {
	case err == nil:
		c.loadKeywords(keywordsFile, data, &probs)
	case !errors.Is(err, fs.ErrNotExist):
		probs = append(probs, Problem{File: keywordsFile, Message: "kan het bestand niet lezen"})
	}
	c.loadGazetteer(fsys, &probs)
	if len(probs) > 0 {
		return nil, probs
	}
	c.sortAll()
	c.emptyLists()
	c.placeNames = c.computePlaceNames()
	c.placeByKey = map[string]string{}
	for _, p := range c.placeNames {
		c.placeByKey[text.Compact(p)] = p
	}
	c.themeCounts = c.computeThemeCounts()
	c.placeCounts = c.computePlaceCounts()
	c.partnerCounts = c.computePartnerCounts()
	return c, nil
}

// embeddedGazetteer is the embedded gazetteer, parsed once: corpora
// without a gazetteer of their own share it (it is not changed after
// parsing).
var embeddedGazetteer = sync.OnceValues(func() (*Gazetteer, Problems) {
	var probs Problems
	data, err := embedded.ReadFile(GazetteerFile)
	if err != nil {
		return nil, Problems{{File: GazetteerFile, Message: "kan het bestand niet lezen"}}
	}
	return parseGazetteer(GazetteerFile, data, &probs), probs
})

// loadGazetteer parses the gazetteer and locates every network in it. A
// corpus without plaatsen.tsv (a test corpus) uses the embedded one.
func (c *Corpus) loadGazetteer(fsys fs.FS, probs *Problems) {
	if data, err := fs.ReadFile(fsys, GazetteerFile); err == nil {
		c.gazetteer = parseGazetteer(GazetteerFile, data, probs)
	} else {
		g, gprobs := embeddedGazetteer()
		c.gazetteer = g
		*probs = append(*probs, gprobs...)
		if g == nil {
			return
		}
	}
	c.locations = make(map[string]*NetworkLocation, len(c.Networks))
	for _, n := range c.Networks {
		c.locations[n.ID] = c.gazetteer.locate(n, probs)
	}
}

func glob(fsys fs.FS, dir string, probs *Problems) []string {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		*probs = append(*probs, Problem{File: dir, Message: "map ontbreekt of is onleesbaar"})
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		out = append(out, path.Join(dir, e.Name()))
	}
	return out
}

// headingList parses files made of "## Name" headings with "- alias" lines
// and "sleutel: waarde" lines under them (partners.md, themas.md).
type headingEntry struct {
	name    string
	line    int
	aliases []line
	fields  map[string]line
}

func parseHeadingList(file string, data []byte, probs *Problems) []headingEntry {
	d := &document{file: file, probs: probs}
	data = checkUTF8(d, data)
	for i, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		d.body = append(d.body, line{l, i + 1})
	}
	var out []headingEntry
	for _, s := range d.sections() {
		if s.heading == "" {
			continue
		}
		e := headingEntry{name: s.heading, line: s.line, fields: map[string]line{}}
		for _, l := range s.lines {
			t := strings.TrimSpace(l.text)
			switch {
			case t == "":
			case strings.HasPrefix(t, "- "):
				e.aliases = append(e.aliases, line{strings.TrimSpace(t[2:]), l.num})
			default:
				if k, v, ok := strings.Cut(t, ":"); ok && !strings.Contains(k, " ") || ok && strings.EqualFold(strings.TrimSpace(k), "onderdeel van") {
					e.fields[strings.ToLower(strings.TrimSpace(k))] = line{strings.TrimSpace(v), l.num}
				}
				// Other lines are free description and are ignored.
			}
		}
		out = append(out, e)
	}
	return out
}

func (c *Corpus) loadThemes(file string, data []byte, probs *Problems) {
	for _, e := range parseHeadingList(file, data, probs) {
		t := &Theme{Name: e.name}
		c.Themes = append(c.Themes, t)
		for _, a := range append([]line{{e.name, e.line}}, e.aliases...) {
			key := text.Compact(a.text)
			if other, dup := c.themeByKey[key]; dup {
				if other != t {
					*probs = append(*probs, Problem{file, a.num, fmt.Sprintf("%q hoort al bij thema %q", a.text, other.Name)})
				}
				continue
			}
			c.themeByKey[key] = t
			if a.text != e.name {
				t.Aliases = append(t.Aliases, a.text)
			}
		}
	}
}

func (c *Corpus) loadDirectory(file string, data []byte, probs *Problems) {
	entries := parseHeadingList(file, data, probs)
	for _, e := range entries {
		o := &Organisation{Name: e.name}
		if p, ok := e.fields["onderdeel van"]; ok {
			o.Parent = p.text
		}
		if _, dup := c.orgByName[text.Compact(e.name)]; dup {
			*probs = append(*probs, Problem{file, e.line, fmt.Sprintf("organisatie %q staat er twee keer", e.name)})
			continue
		}
		c.orgByName[text.Compact(e.name)] = o
		c.Organisations = append(c.Organisations, o)
		for _, a := range append([]line{{e.name, e.line}}, e.aliases...) {
			key := OrgKey(a.text)
			if key == "" {
				*probs = append(*probs, Problem{file, a.num, "lege schrijfwijze"})
				continue
			}
			if other, dup := c.orgByKey[key]; dup && other != o {
				*probs = append(*probs, Problem{file, a.num, fmt.Sprintf("schrijfwijze %q wordt opgeëist door %q en %q", a.text, other.Name, o.Name)})
				continue
			}
			c.orgByKey[key] = o
			if a.text != e.name {
				o.Aliases = append(o.Aliases, a.text)
			}
		}
	}
	// The initials of a name of four or more words (HvhK for Huis van het
	// Kind), where no spelling claims them; shorter initials are words too
	// often.
	for _, o := range c.Organisations {
		if k := initials(trimOrgWords(text.Normalize(o.Name))); len(k) >= 4 && c.orgByKey[k] == nil {
			c.orgByKey[k] = o
		}
	}
	for _, e := range entries {
		o := c.orgByName[text.Compact(e.name)]
		if o == nil || o.Parent == "" {
			continue
		}
		parent := c.orgByName[text.Compact(o.Parent)]
		if parent == nil {
			*probs = append(*probs, Problem{file, e.fields["onderdeel van"].num, fmt.Sprintf("%q is onderdeel van een onbekende organisatie %q", o.Name, o.Parent)})
			continue
		}
		o.Parent = parent.Name
		// A cycle would make look-ups loop.
		seen := map[*Organisation]bool{o: true}
		for p := parent; p != nil && p.Parent != ""; p = c.orgByName[text.Compact(p.Parent)] {
			if seen[p] {
				*probs = append(*probs, Problem{file, e.line, fmt.Sprintf("%q is via 'onderdeel van' onderdeel van zichzelf", o.Name)})
				o.Parent = ""
				break
			}
			seen[p] = true
		}
	}
	for _, o := range c.Organisations {
		for _, a := range append([]string{o.Name}, o.Aliases...) {
			c.orgPrefixes = append(c.orgPrefixes, orgPrefix{trimOrgWords(text.Normalize(a)), o})
		}
	}
	sort.SliceStable(c.orgPrefixes, func(i, j int) bool {
		return len(c.orgPrefixes[i].prefix) > len(c.orgPrefixes[j].prefix)
	})
}

func (c *Corpus) loadNetwork(file string, data []byte, probs *Problems) {
	d := parseDocument(file, data, probs)
	d.checkKeys("id", "naam", "aliassen", "plaats", "gemeenten", "provincie", "pagina", "themas", "websites", "producten", "contact")
	n := &Network{File: file}
	var ln int
	n.ID, ln = d.str("id", true)
	checkID(d, n.ID, ln)
	n.idLine = ln
	n.Name, n.nameLine = d.str("naam", true)
	n.Aliases, _ = d.list("aliassen", false)
	for i := range n.Aliases {
		n.aliasLines = append(n.aliasLines, d.itemLine("aliassen", i))
	}
	n.Place, _ = d.str("plaats", true)
	n.Municipalities, _ = d.list("gemeenten", true)
	for i := range n.Municipalities {
		n.municipalityLines = append(n.municipalityLines, d.itemLine("gemeenten", i))
	}
	n.Province, ln = d.str("provincie", true)
	if n.Province != "" {
		if p, ok := canonicalProvince(n.Province); ok {
			n.Province = p
		} else {
			d.problem(ln, "onbekende provincie %q (kies uit %s)", n.Province, strings.Join(Provinces, ", "))
		}
	}
	n.Page, _ = d.number("pagina", 1, 120)
	var themes []string
	themes, ln = d.list("themas", true)
	for _, t := range themes {
		th := c.themeByKey[text.Compact(t)]
		if th == nil {
			d.problem(ln, "onbekend thema %q (voeg het toe aan themas.md als het nieuw is)", t)
			continue
		}
		n.Themes = append(n.Themes, th.Name)
	}
	n.Websites, ln = d.list("websites", false)
	for _, w := range n.Websites {
		if strings.ContainsAny(w, " \t<>\"") || !strings.Contains(w, ".") {
			d.problem(ln, "website %q is geen geldig webadres", w)
		}
	}
	n.Products, _ = d.list("producten", false)
	var contacts []string
	contacts, ln = d.list("contact", false)
	for _, s := range contacts {
		ct, ok := parseContact(s)
		if !ok {
			d.problem(ln, "contact %q is geen e-mailadres (schrijf \"Naam: naam@voorbeeld.be\" of alleen het adres)", s)
			continue
		}
		n.Contacts = append(n.Contacts, ct)
	}

	var desc []string
	partnersSeen := false
	for _, s := range d.sections() {
		switch {
		case s.heading == "":
			desc = paragraphs(s.lines)
		case strings.EqualFold(s.heading, "De bondgenoten"):
			partnersSeen = true
			var prose []line
			for _, l := range s.lines {
				t := strings.TrimSpace(l.text)
				if strings.HasPrefix(t, "- ") {
					name := strings.TrimSpace(t[2:])
					n.Partners = append(n.Partners, Partner{Name: name})
					continue
				}
				prose = append(prose, l)
			}
			n.PartnersText = joinParagraphs(paragraphs(prose))
			if len(n.Partners) == 0 {
				d.problem(s.line, "geen bondgenoten opgesomd: zet elke organisatie op een regel '- naam'")
			}
		default:
			d.problem(s.line, "onbekende kop %q (een netwerk kent alleen '## De bondgenoten')", s.heading)
		}
	}
	n.Description = joinParagraphs(desc)
	if strings.TrimSpace(n.Description) == "" {
		d.problem(1, "de beschrijving is leeg")
	}
	if !partnersSeen {
		d.problem(1, "de kop '## De bondgenoten' ontbreekt")
	}
	n.Summary = summarize(desc)
	if n.ID == "" {
		return
	}
	if other, dup := c.networkByID[n.ID]; dup {
		d.problem(d.fields["id"].line, "id %q wordt ook gebruikt in %s", n.ID, other.File)
		return
	}
	c.networkByID[n.ID] = n
	c.Networks = append(c.Networks, n)
}

func checkID(d *document, id string, ln int) {
	if id == "" {
		return
	}
	if !idPattern.MatchString(id) {
		d.problem(ln, "id %q mag alleen kleine letters, cijfers en streepjes bevatten", id)
	}
	if base := strings.TrimSuffix(path.Base(d.file), ".md"); base != id {
		d.problem(ln, "id %q verschilt van de bestandsnaam %q", id, base)
	}
}

// summarize returns the first sentences of a description, at most about 350
// characters, as a short summary for lists and cards.
func summarize(paras []string) string {
	if len(paras) == 0 {
		return ""
	}
	p := paras[0]
	if strings.HasPrefix(p, "- ") && len(paras) > 1 {
		p = paras[1]
	}
	return text.Sentences(p, 350)
}

func (c *Corpus) loadFactor(file string, data []byte, probs *Problems) {
	d := parseDocument(file, data, probs)
	d.checkKeys("id", "titel", "pagina", "volgorde")
	f := &Factor{File: file}
	var ln int
	f.ID, ln = d.str("id", true)
	checkID(d, f.ID, ln)
	f.Title, _ = d.str("titel", true)
	f.Page, _ = d.number("pagina", 1, 120)
	f.Order, f.orderLine = d.number("volgorde", 1, 99)
	for _, s := range d.sections() {
		kind, ref, _ := strings.Cut(s.heading, ":")
		kind, ref = strings.ToLower(strings.TrimSpace(kind)), strings.TrimSpace(ref)
		paras := paragraphs(s.lines)
		switch {
		case s.heading == "":
			f.Text = joinParagraphs(paras)
		case kind == "voorbeeld":
			if ref == "" {
				d.problem(s.line, "voorbeeld zonder netwerk: schrijf '## Voorbeeld: <netwerk-id>'")
			}
			if len(paras) == 0 {
				d.problem(s.line, "voorbeeld zonder tekst")
			}
			f.Examples = append(f.Examples, Example{NetworkID: ref, Text: joinParagraphs(paras)})
			c.pendingRefs = append(c.pendingRefs, pendingRef{file, s.line, ref})
		case kind == "citaat":
			q := Quote{NetworkID: ref}
			if n := len(paras); n > 0 {
				last := paras[n-1]
				if strings.HasPrefix(last, "— ") || strings.HasPrefix(last, "– ") {
					q.Attribution = strings.TrimSpace(last[len("— "):])
					paras = paras[:n-1]
				}
			}
			q.Text = joinParagraphs(paras)
			if q.Text == "" {
				d.problem(s.line, "citaat zonder tekst")
			}
			if ref != "" {
				c.pendingRefs = append(c.pendingRefs, pendingRef{file, s.line, ref})
			}
			f.Quotes = append(f.Quotes, q)
		default:
			d.problem(s.line, "onbekende kop %q (gebruik '## Voorbeeld: <netwerk-id>' of '## Citaat')", s.heading)
		}
	}
	if strings.TrimSpace(f.Text) == "" {
		d.problem(1, "de kerntekst van de succesfactor is leeg")
	}
	if f.ID == "" {
		return
	}
	if other, dup := c.factorByID[f.ID]; dup {
		d.problem(d.fields["id"].line, "id %q wordt ook gebruikt in %s", f.ID, other.File)
		return
	}
	c.factorByID[f.ID] = f
	c.Factors = append(c.Factors, f)
}

func (c *Corpus) loadPassage(file string, data []byte, probs *Problems) {
	d := parseDocument(file, data, probs)
	d.checkKeys("id", "titel", "pagina")
	p := &Passage{File: file}
	var ln int
	p.ID, ln = d.str("id", true)
	checkID(d, p.ID, ln)
	p.Title, _ = d.str("titel", true)
	p.Page, _ = d.number("pagina", 1, 120)
	var ls []line
	for _, l := range d.body {
		ls = append(ls, l)
	}
	p.Text = joinParagraphs(paragraphs(ls))
	if strings.TrimSpace(p.Text) == "" {
		d.problem(1, "de tekst van de passage is leeg")
	}
	for _, other := range c.Passages {
		if other.ID == p.ID && p.ID != "" {
			d.problem(ln, "id %q wordt ook gebruikt in %s", p.ID, other.File)
			return
		}
	}
	c.Passages = append(c.Passages, p)
}

// crossCheck validates what spans files: example links, network names and
// aliases claimed twice, factor order, partner resolution.
func (c *Corpus) crossCheck(probs *Problems) {
	for _, r := range c.pendingRefs {
		if c.networkByID[r.id] == nil {
			*probs = append(*probs, Problem{r.file, r.line, fmt.Sprintf("verwijst naar een onbekend netwerk %q", r.id)})
		}
	}
	c.pendingRefs = nil
	for _, f := range c.Factors {
		for i := range f.Examples {
			if n := c.networkByID[f.Examples[i].NetworkID]; n != nil {
				f.Examples[i].NetworkName = n.Name
			}
		}
	}
	names := map[string]*Network{}
	for _, n := range c.Networks {
		for i, s := range append([]string{n.ID, n.Name}, n.Aliases...) {
			key := text.Compact(s)
			if other, dup := names[key]; dup && other != n {
				line := [...]int{n.idLine, n.nameLine}[min(i, 1)]
				if i >= 2 && i-2 < len(n.aliasLines) {
					line = n.aliasLines[i-2]
				}
				*probs = append(*probs, Problem{n.File, line, fmt.Sprintf("naam of alias %q wordt ook gebruikt door %s", s, other.File)})
				continue
			}
			names[key] = n
		}
		for i := range n.Partners {
			if o := c.resolveOrg(n.Partners[i].Name); o != nil {
				n.Partners[i].Canonical = o.Name
			} else {
				n.Partners[i].Canonical = n.Partners[i].Name
			}
		}
	}
	orders := map[int]*Factor{}
	for _, f := range c.Factors {
		if other, dup := orders[f.Order]; dup && f.Order != 0 {
			*probs = append(*probs, Problem{f.File, f.orderLine, fmt.Sprintf("volgorde %d wordt ook gebruikt door %s", f.Order, other.File)})
		}
		orders[f.Order] = f
	}
}

type pendingRef struct {
	file string
	line int
	id   string
}

func (c *Corpus) sortAll() {
	provinceRank := func(p string) int { return slices.Index(Provinces, p) }
	sort.SliceStable(c.Networks, func(i, j int) bool {
		a, b := c.Networks[i], c.Networks[j]
		if provinceRank(a.Province) != provinceRank(b.Province) {
			return provinceRank(a.Province) < provinceRank(b.Province)
		}
		return a.Page < b.Page
	})
	sort.SliceStable(c.Factors, func(i, j int) bool { return c.Factors[i].Order < c.Factors[j].Order })
	sort.SliceStable(c.Passages, func(i, j int) bool { return c.Passages[i].Page < c.Passages[j].Page })
}

func canonicalProvince(s string) (string, bool) {
	key := text.Compact(s)
	for _, p := range Provinces {
		if text.Compact(p) == key {
			return p, true
		}
	}
	return "", false
}

// emptyLists replaces nil slices by empty ones, so that JSON shows [] and
// never null.
func (c *Corpus) emptyLists() {
	for _, n := range c.Networks {
		for _, l := range []*[]string{&n.Aliases, &n.Municipalities, &n.Themes, &n.Websites, &n.Products} {
			if *l == nil {
				*l = []string{}
			}
		}
		if n.Partners == nil {
			n.Partners = []Partner{}
		}
		if n.Contacts == nil {
			n.Contacts = []Contact{}
		}
	}
	for _, f := range c.Factors {
		if f.Examples == nil {
			f.Examples = []Example{}
		}
		if f.Quotes == nil {
			f.Quotes = []Quote{}
		}
	}
	for _, o := range c.Organisations {
		if o.Aliases == nil {
			o.Aliases = []string{}
		}
	}
	for _, t := range c.Themes {
		if t.Aliases == nil {
			t.Aliases = []string{}
		}
	}
}

// parseContact reads "Name: address" or an address alone; ok is false
// when the address is not an e-mail address.
func parseContact(s string) (Contact, bool) {
	s = strings.TrimSpace(s)
	var c Contact
	if name, addr, found := strings.Cut(s, ":"); found {
		c.Name, c.Email = strings.TrimSpace(name), strings.TrimSpace(addr)
	} else {
		c.Email = s
	}
	return c, validEmail(c.Email) && !strings.ContainsAny(c.Name, "@<>[]()`*_|\n")
}

// validEmail reports whether s looks like one e-mail address: a local part,
// one "@" and a domain with a dot, without spaces or characters that end a
// link.
func validEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || strings.Contains(domain, "@") || strings.ContainsAny(s, " \t<>()[]\",;:`|\\") {
		return false
	}
	dot := strings.LastIndexByte(domain, '.')
	return dot > 0 && dot < len(domain)-2 && !strings.HasPrefix(domain, ".") && !strings.Contains(domain, "..")
}
