package content

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/bondgenoot/bondgenoot/internal/text"
)

// GazetteerFile is the gazetteer's file in the corpus.
const GazetteerFile = "plaatsen.tsv"

// Kinds of place in the gazetteer.
const (
	KindMunicipality       = "gemeente"          // a municipality since 2025
	KindFormerMunicipality = "gemeente tot 2025" // merged into Municipality on 1 January 2025
	KindSubMunicipality    = "deelgemeente"      // part of Municipality
)

var kindRank = map[string]int{KindMunicipality: 0, KindFormerMunicipality: 1, KindSubMunicipality: 2}

// Place is a municipality or sub-municipality of Flanders or Brussels.
// Municipality is the municipality it belongs to today (itself for a
// municipality); Province is one of Provinces ("Brussel" for the Brussels
// region).
type Place struct {
	Name         string   `json:"name"`
	Kind         string   `json:"kind"`
	Municipality string   `json:"municipality"`
	Province     string   `json:"province"`
	Lat          float64  `json:"lat"`
	Lon          float64  `json:"lon"`
	Aliases      []string `json:"aliases"`

	// Line is the place's line in the gazetteer file.
	Line int `json:"-"`

	key, muniKey string // placeKey of Name and Municipality
}

// Label names the place unambiguously for people: "Halle (Vlaams-Brabant)",
// and with its municipality when it is part of one: "Halle (Zoersel,
// Antwerpen)".
func (p *Place) Label() string {
	if p.Municipality != p.Name {
		return fmt.Sprintf("%s (%s, %s)", p.Name, p.Municipality, p.Province)
	}
	return fmt.Sprintf("%s (%s)", p.Name, p.Province)
}

// Gazetteer is every place of Flanders and Brussels, with indexes built once
// when it is parsed.
type Gazetteer struct {
	Places []*Place

	byKey          map[string][]*Place // place key of name and aliases → places
	municipalities map[string]*Place   // place key → municipality
	muniList       []*Place            // municipalities, by province and name
	byProvince     map[string][]*Place // municipalities per province
	keys           []gazKey            // every key, sorted, for prefixes and typos
}

type gazKey struct {
	key   string
	place *Place
}

// placeKey is the look-up key of a place name: folded, without spaces or
// punctuation, "St-" and "St." read as "Sint-".
func placeKey(s string) string {
	n := text.Normalize(s)
	padded := " " + n + " "
	if !strings.Contains(padded, " st ") && !strings.Contains(padded, " ste ") {
		return strings.ReplaceAll(n, " ", "")
	}
	words := strings.Fields(n)
	for i, w := range words {
		switch w {
		case "st":
			words[i] = "sint"
		case "ste":
			words[i] = "sinte"
		}
	}
	return strings.Join(words, "")
}

// ParseGazetteer reads the gazetteer file (see plaatsen.tsv). It returns
// Problems with file and line for every malformed line.
func ParseGazetteer(file string, data []byte) (*Gazetteer, error) {
	var probs Problems
	g := parseGazetteer(file, data, &probs)
	if len(probs) > 0 {
		return nil, probs
	}
	return g, nil
}

const gazetteerHeader = "naam\tsoort\tgemeente\tprovincie\tlat\tlon\taliassen"

func parseGazetteer(file string, data []byte, probs *Problems) *Gazetteer {
	d := &document{file: file, probs: probs}
	data = checkUTF8(d, data)
	g := &Gazetteer{byKey: map[string][]*Place{}, municipalities: map[string]*Place{}, byProvince: map[string][]*Place{}}
	src := strings.TrimPrefix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\ufeff")
	header := false
	seen := map[string]int{}
	for i, l := range strings.Split(src, "\n") {
		num := i + 1
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if !header {
			if l != gazetteerHeader {
				d.problem(num, "de eerste regel na de commentaar moet de kolommen noemen: %q", gazetteerHeader)
				return g
			}
			header = true
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 7 {
			d.problem(num, "verwacht 7 kolommen gescheiden door tabs, gevonden: %d", len(cols))
			continue
		}
		p := &Place{Name: strings.TrimSpace(cols[0]), Kind: cols[1], Municipality: strings.TrimSpace(cols[2]), Line: num, Aliases: []string{}}
		p.key, p.muniKey = placeKey(p.Name), placeKey(p.Municipality)
		ok := true
		if p.key == "" {
			d.problem(num, "lege naam")
			ok = false
		}
		if _, known := kindRank[p.Kind]; !known {
			d.problem(num, "onbekende soort %q (kies uit gemeente, gemeente tot 2025, deelgemeente)", p.Kind)
			ok = false
		}
		if prov, known := canonicalProvince(cols[3]); known {
			p.Province = prov
		} else {
			d.problem(num, "onbekende provincie %q (kies uit %s)", cols[3], strings.Join(Provinces, ", "))
			ok = false
		}
		var err1, err2 error
		p.Lat, err1 = strconv.ParseFloat(cols[4], 64)
		p.Lon, err2 = strconv.ParseFloat(cols[5], 64)
		// Flanders and Brussels lie within these bounds.
		if err1 != nil || err2 != nil || !(p.Lat >= 50.6 && p.Lat <= 51.6 && p.Lon >= 2.5 && p.Lon <= 6.0) {
			d.problem(num, "coördinaten %q, %q liggen niet in Vlaanderen of Brussel", cols[4], cols[5])
			ok = false
		}
		if p.Kind == KindMunicipality && p.Municipality != p.Name {
			d.problem(num, "een gemeente hoort bij zichzelf: kolom gemeente moet %q zijn", p.Name)
			ok = false
		}
		for _, a := range strings.Split(cols[6], ";") {
			if a = strings.TrimSpace(a); a != "" {
				p.Aliases = append(p.Aliases, a)
			}
		}
		id := p.key + "/" + p.muniKey
		if other, dup := seen[id]; dup {
			d.problem(num, "%s in %s staat ook op regel %d", p.Name, p.Municipality, other)
			ok = false
		}
		if !ok {
			continue
		}
		seen[id] = num
		g.Places = append(g.Places, p)
		if p.Kind == KindMunicipality {
			g.municipalities[p.key] = p
		}
	}
	if !header {
		d.problem(1, "de kolommen ontbreken: %q", gazetteerHeader)
	}
	for _, p := range g.Places {
		m := g.municipalities[p.muniKey]
		switch {
		case m == nil:
			d.problem(p.Line, "gemeente %q staat niet als gemeente in het bestand", p.Municipality)
		case m.Province != p.Province:
			d.problem(p.Line, "%s ligt in %s, maar gemeente %s in %s", p.Name, p.Province, m.Name, m.Province)
		}
		g.byKey[p.key] = append(g.byKey[p.key], p)
		g.keys = append(g.keys, gazKey{p.key, p})
		for _, a := range p.Aliases {
			k := placeKey(a)
			if k == "" || slices.Contains(g.byKey[k], p) {
				continue
			}
			g.byKey[k] = append(g.byKey[k], p)
			g.keys = append(g.keys, gazKey{k, p})
		}
	}
	for _, p := range g.municipalities {
		g.muniList = append(g.muniList, p)
	}
	sort.Slice(g.muniList, func(i, j int) bool {
		a, b := g.muniList[i], g.muniList[j]
		if a.Province != b.Province {
			return slices.Index(Provinces, a.Province) < slices.Index(Provinces, b.Province)
		}
		return a.Name < b.Name
	})
	for _, m := range g.muniList {
		g.byProvince[m.Province] = append(g.byProvince[m.Province], m)
	}
	for _, ps := range g.byKey {
		sortPlaces(ps)
	}
	sort.SliceStable(g.keys, func(i, j int) bool { return g.keys[i].key < g.keys[j].key })
	return g
}

// sortPlaces orders places municipalities first, then by name and province.
func sortPlaces(ps []*Place) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if kindRank[a.Kind] != kindRank[b.Kind] {
			return kindRank[a.Kind] < kindRank[b.Kind]
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Province < b.Province
	})
}

// Municipalities returns every municipality (as of 2025), by province and
// name.
func (g *Gazetteer) Municipalities() []*Place { return slices.Clone(g.muniList) }

// Municipality returns the municipality of that name, or nil.
func (g *Gazetteer) Municipality(name string) *Place { return g.municipalities[placeKey(name)] }

// MunicipalitiesIn returns the municipalities of a province.
func (g *Gazetteer) MunicipalitiesIn(province string) []*Place {
	return slices.Clone(g.byProvince[province])
}

// Named returns the places whose name or alias is exactly words (folded),
// municipalities first; no typo search. Cheap enough to try on every run of
// words in a message.
func (g *Gazetteer) Named(words string) []*Place {
	return slices.Clone(g.byKey[placeKey(words)])
}

// PlaceResult is the outcome of looking a place up: the place, or when the
// name is ambiguous or unknown, the candidates.
type PlaceResult struct {
	Place      *Place
	Ambiguous  bool     // several places share the name: Candidates are them
	Candidates []*Place // for unknown names: the closest names
}

// FindPlace looks a place up by name or alias, ignoring case, accents and
// punctuation. A name shared by places in several municipalities (Halle,
// Beveren, Tielt) is ambiguous: it returns the candidates, never a guess. A
// qualifier in brackets or after a comma chooses among them: "Halle
// (Vlaams-Brabant)", "Moerbeke (Lokeren)", "Tielt, West-Vlaanderen".
func (g *Gazetteer) FindPlace(q string) PlaceResult {
	name, quals := splitQualifier(q)
	key := placeKey(name)
	if key == "" {
		return PlaceResult{}
	}
	hits := g.byKey[key]
	if len(hits) == 0 && len(quals) == 0 {
		// "Halle Vlaams-Brabant": a province at the end qualifies.
		for _, p := range Provinces {
			pk := placeKey(p)
			if rest, ok := strings.CutSuffix(key, pk); ok && rest != "" && len(g.byKey[rest]) > 0 {
				hits, quals = g.byKey[rest], []string{p}
				break
			}
		}
	}
	if len(hits) == 0 {
		return PlaceResult{Candidates: g.closest(key, 5)}
	}
	if len(quals) > 0 {
		var kept []*Place
		for _, p := range hits {
			if qualifies(p, quals) {
				kept = append(kept, p)
			}
		}
		if len(kept) == 0 {
			return PlaceResult{Ambiguous: len(hits) > 1, Candidates: slices.Clone(hits)}
		}
		hits = kept
	}
	if len(hits) > 1 {
		// A place's own label names it alone: "Bever (Vlaams-Brabant)" is
		// the municipality, not Bever in Grimbergen.
		for _, p := range hits {
			if placeKey(p.Label()) == placeKey(q) {
				return PlaceResult{Place: p}
			}
		}
	}
	first := hits[0]
	for _, p := range hits[1:] {
		if p.Municipality != first.Municipality {
			return PlaceResult{Ambiguous: true, Candidates: slices.Clone(hits)}
		}
	}
	return PlaceResult{Place: first}
}

func splitQualifier(q string) (string, []string) {
	q = strings.TrimSpace(q)
	var quals []string
	if i := strings.Index(q, "("); i > 0 {
		inner := strings.TrimSuffix(strings.TrimSpace(q[i+1:]), ")")
		q = q[:i]
		for _, s := range strings.Split(inner, ",") {
			quals = append(quals, strings.TrimSpace(s))
		}
	} else if name, rest, ok := strings.Cut(q, ","); ok {
		q = name
		for _, s := range strings.Split(rest, ",") {
			quals = append(quals, strings.TrimSpace(s))
		}
	}
	var out []string
	for _, s := range quals {
		if placeKey(s) != "" {
			out = append(out, s)
		}
	}
	return q, out
}

// qualifies reports whether every qualifier names p's province or
// municipality.
func qualifies(p *Place, quals []string) bool {
	for _, s := range quals {
		prov, isProv := FindProvince(s)
		switch {
		case isProv && prov == p.Province:
		case placeKey(s) == p.muniKey:
		default:
			return false
		}
	}
	return true
}

// closest returns up to limit places whose names are within a small edit
// distance of key or start with it, nearest first.
func (g *Gazetteer) closest(key string, limit int) []*Place {
	type scored struct {
		p *Place
		d int
	}
	maxD := 2
	if len([]rune(key)) <= 4 {
		maxD = 1
	}
	var out []scored
	seen := map[*Place]bool{}
	for _, k := range g.keys {
		if seen[k.place] {
			continue
		}
		d := maxD + 1
		if diff := len(k.key) - len(key); diff <= maxD && diff >= -maxD {
			d = text.Distance(k.key, key, maxD)
		}
		if d > maxD {
			if len(key) < 3 || !strings.HasPrefix(k.key, key) {
				continue
			}
			d = maxD
		}
		seen[k.place] = true
		out = append(out, scored{k.place, d})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].d != out[j].d {
			return out[i].d < out[j].d
		}
		return kindRank[out[i].p.Kind] < kindRank[out[j].p.Kind]
	})
	var res []*Place
	for i := 0; i < len(out) && len(res) < limit; i++ {
		res = append(res, out[i].p)
	}
	return res
}

// CompletePlaces returns up to limit places whose name or alias starts with
// prefix, municipalities first: autocomplete.
func (g *Gazetteer) CompletePlaces(prefix string, limit int) []*Place {
	key := placeKey(prefix)
	if key == "" || limit <= 0 {
		return nil
	}
	i := sort.Search(len(g.keys), func(i int) bool { return g.keys[i].key >= key })
	var hits []*Place
	seen := map[*Place]bool{}
	for ; i < len(g.keys) && strings.HasPrefix(g.keys[i].key, key); i++ {
		if p := g.keys[i].place; !seen[p] {
			seen[p] = true
			hits = append(hits, p)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if (a.key == key) != (b.key == key) {
			return a.key == key
		}
		if kindRank[a.Kind] != kindRank[b.Kind] {
			return kindRank[a.Kind] < kindRank[b.Kind]
		}
		return len(a.Name) < len(b.Name)
	})
	return hits[:min(limit, len(hits))]
}

// DistanceKm is the great-circle distance between two points in kilometres.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const earthRadiusKm = 6371.0
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadiusKm * math.Asin(math.Sqrt(min(1, a)))
}

// NetworkLocation is where a network works: the gazetteer places of its
// municipalities, the municipalities (as of 2025) they belong to, and their
// coordinates. A province-wide network (its gemeenten name the province)
// counts as present in every municipality of its province.
type NetworkLocation struct {
	Network        *Network
	Places         []*Place // the places named in the network's gemeenten
	Municipalities []string // the municipalities it works in, as of 2025
	ProvinceWide   bool
	Points         []*Place // the places whose coordinates locate it
}

// In reports whether the network works in p's municipality.
func (l *NetworkLocation) In(p *Place) bool {
	if l.ProvinceWide {
		return p.Province == l.Network.Province
	}
	return slices.Contains(l.Municipalities, p.Municipality)
}

// DistanceKm is the distance from p to the nearest place of the network: 0
// when the network works in p's municipality.
func (l *NetworkLocation) DistanceKm(p *Place) float64 {
	if l.In(p) {
		return 0
	}
	return l.pointsKm(p)
}

// pointsKm is the distance from p to the nearest of the network's points.
func (l *NetworkLocation) pointsKm(p *Place) float64 {
	best := math.Inf(1)
	for _, q := range l.Points {
		best = min(best, DistanceKm(p.Lat, p.Lon, q.Lat, q.Lon))
	}
	return best
}

// locate resolves a network's gemeenten in the gazetteer, within the
// network's province when the name is there, else anywhere. It reports a problem for a name it cannot resolve.
func (g *Gazetteer) locate(n *Network, probs *Problems) *NetworkLocation {
	loc := &NetworkLocation{Network: n, Places: []*Place{}, Municipalities: []string{}}
	for i, m := range n.Municipalities {
		line := 0
		if i < len(n.municipalityLines) {
			line = n.municipalityLines[i]
		}
		// "Limburg" is the province; "Antwerpen" and "Brussel" are
		// municipalities too, and mean those.
		if prov, ok := FindProvince(m); ok && prov == n.Province && g.municipalities[placeKey(m)] == nil {
			loc.ProvinceWide = true
			continue
		}
		var hits []*Place
		for _, p := range g.byKey[placeKey(m)] {
			if p.Province == n.Province {
				hits = append(hits, p)
			}
		}
		if len(hits) == 0 {
			// The guide groups some networks under another province than
			// today's (Beveren-Kruibeke-Zwijndrecht under Antwerpen).
			hits = g.byKey[placeKey(m)]
		}
		if len(hits) == 0 {
			*probs = append(*probs, Problem{n.File, line, fmt.Sprintf("gemeente %q staat niet in %s", m, GazetteerFile)})
			continue
		}
		if len(hits) > 1 && kindRank[hits[0].Kind] == kindRank[hits[1].Kind] {
			*probs = append(*probs, Problem{n.File, line, fmt.Sprintf("gemeente %q is dubbelzinnig in %s: %s of %s", m, n.Province, hits[0].Label(), hits[1].Label())})
			continue
		}
		p := hits[0]
		loc.Places = append(loc.Places, p)
		if !slices.Contains(loc.Municipalities, p.Municipality) {
			loc.Municipalities = append(loc.Municipalities, p.Municipality)
		}
	}
	if loc.ProvinceWide {
		loc.Points = g.MunicipalitiesIn(n.Province)
		loc.Municipalities = loc.Municipalities[:0]
		for _, m := range loc.Points {
			loc.Municipalities = append(loc.Municipalities, m.Name)
		}
	} else {
		loc.Points = loc.Places
	}
	return loc
}

// Nearby is a network with its distance from a place.
type Nearby struct {
	Network    *Network
	DistanceKm float64
	Here       bool // the network works in the place's municipality
}

// Gazetteer returns the places of Flanders and Brussels.
func (c *Corpus) Gazetteer() *Gazetteer { return c.gazetteer }

// Location returns where a network works, or nil for an unknown network.
func (c *Corpus) Location(n *Network) *NetworkLocation {
	if n == nil {
		return nil
	}
	return c.locations[n.ID]
}

// NearbyNetworks returns every network (with the theme, when theme is not
// empty) by distance from p, nearest first; networks at the same distance
// keep the guide's order, province-wide networks last.
func (c *Corpus) NearbyNetworks(p *Place, theme string) ([]Nearby, error) {
	var th *Theme
	if theme != "" {
		if th = c.FindTheme(theme); th == nil {
			return nil, &FilterError{"thema", theme, c.suggest(theme, c.ThemeNames())}
		}
	}
	type ranked struct {
		Nearby
		wide   bool
		points float64
	}
	all := make([]ranked, 0, len(c.Networks))
	for _, n := range c.Networks {
		if th != nil && !slices.Contains(n.Themes, th.Name) {
			continue
		}
		loc := c.locations[n.ID]
		r := ranked{Nearby{Network: n, Here: loc.In(p)}, loc.ProvinceWide, loc.pointsKm(p)}
		if !r.Here {
			r.DistanceKm = r.points
		}
		all = append(all, r)
	}
	// At the same distance (0 km: in the municipality), a network of the
	// municipality comes before one of the whole province, and one in the
	// place itself (Ekeren) before one elsewhere in its municipality.
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.DistanceKm != b.DistanceKm {
			return a.DistanceKm < b.DistanceKm
		}
		if a.wide != b.wide {
			return b.wide
		}
		return a.points < b.points
	})
	out := make([]Nearby, len(all))
	for i, r := range all {
		out[i] = r.Nearby
	}
	return out, nil
}

// PlaceSummary says, for one place, how many networks work in its
// municipality (Here, counting those of the whole province; Local, not
// counting them) and which other network is nearest.
type PlaceSummary struct {
	Here, Local int
	Nearest     *Network // nil when every network works there
	NearestKm   float64
}

// PlaceSummary summarises the networks around p. The summaries of all places
// are computed once, on first use (autocomplete labels every place).
func (c *Corpus) PlaceSummary(p *Place) PlaceSummary {
	c.summaryOnce.Do(func() {
		c.summaries = make(map[*Place]PlaceSummary, len(c.gazetteer.Places))
		for _, q := range c.gazetteer.Places {
			var s PlaceSummary
			for _, n := range c.Networks {
				loc := c.locations[n.ID]
				if loc.In(q) {
					s.Here++
					if !loc.ProvinceWide {
						s.Local++
					}
					continue
				}
				if d := loc.pointsKm(q); s.Nearest == nil || d < s.NearestKm {
					s.Nearest, s.NearestKm = n, d
				}
			}
			c.summaries[q] = s
		}
	})
	return c.summaries[p]
}
