package content

import (
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bondgenoot/bondgenoot/internal/text"
)

type orgPrefix struct {
	prefix string
	org    *Organisation
}

var articles = []string{"de ", "het ", "een ", "t "}

// trimOrgWords removes a leading or trailing "vzw" and then a leading article
// from a normalised organisation name: "VZW De Fakkel" → "fakkel".
func trimOrgWords(norm string) string {
	norm = strings.TrimSuffix(strings.TrimPrefix(norm, "vzw "), " vzw")
	for _, a := range articles {
		norm = strings.TrimPrefix(norm, a)
	}
	return norm
}

// OrgKey is the key under which the partner directory files a spelling of
// an organisation: normalised, without a leading or trailing "vzw" and a
// leading article, without spaces ("VZW De Fakkel" → "fakkel").
func OrgKey(s string) string {
	return strings.ReplaceAll(trimOrgWords(expandInformal(text.Normalize(s))), " ", "")
}

// informalOrgWords are the short forms people type inside organisation
// names ("huis vh kind", "huis v/h kind"), with what they stand for; the
// two-word forms come first.
var informalOrgWords = [][2]string{{"v h", "van het"}, {"v d", "van de"}, {"vh", "van het"}, {"vd", "van de"}}

// expandInformal writes out the short forms in a normalised name.
func expandInformal(norm string) string {
	s := " " + norm + " "
	for _, f := range informalOrgWords {
		s = strings.ReplaceAll(s, " "+f[0]+" ", " "+f[1]+" ")
	}
	return strings.TrimSpace(s)
}

// initials returns the first letters of a normalised name of three or more
// words ("huis van het kind" → "hvhk"), or "".
func initials(norm string) string {
	ws := strings.Fields(norm)
	if len(ws) < 3 {
		return ""
	}
	var b strings.Builder
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return b.String()
}

// OrganisationByKey returns the directory entry filed under key (see
// OrgKey), or nil.
func (c *Corpus) OrganisationByKey(key string) *Organisation { return c.orgByKey[key] }

// PartnerCount is the number of networks that name organisation name (a
// canonical name of the directory) or one of its branches.
func (c *Corpus) PartnerCount(name string) int { return c.partnerCounts[name] }

func (c *Corpus) computePartnerCounts() map[string]int {
	counts := map[string]int{}
	for _, n := range c.Networks {
		seen := map[string]bool{}
		for _, p := range n.Partners {
			o := c.Organisation(p.Canonical)
			for depth := 0; o != nil && depth < 10; depth++ {
				if !seen[o.Name] {
					seen[o.Name] = true
					counts[o.Name]++
				}
				if o.Parent == "" {
					break
				}
				o = c.Organisation(o.Parent)
			}
		}
	}
	return counts
}

// resolveOrg finds the directory entry for a partner name as printed: an exact
// spelling first, else the longest spelling that the name starts with
// ("Huis van het Kind Ekeren" → Huis van het Kind).
func (c *Corpus) resolveOrg(name string) *Organisation {
	norm := trimOrgWords(text.Normalize(name))
	if o := c.orgByKey[strings.ReplaceAll(norm, " ", "")]; o != nil {
		return o
	}
	for _, p := range c.orgPrefixes {
		if strings.HasPrefix(norm, p.prefix+" ") {
			return p.org
		}
	}
	return nil
}

// Network returns the network with the given id, or nil.
func (c *Corpus) Network(id string) *Network { return c.networkByID[id] }

// Factor returns the success factor with the given id, or nil.
func (c *Corpus) Factor(id string) *Factor { return c.factorByID[id] }

// Organisation returns the directory entry with that canonical name, or nil.
func (c *Corpus) Organisation(name string) *Organisation {
	return c.orgByName[text.Compact(name)]
}

// ancestors returns o and the organisations it is part of.
func (c *Corpus) ancestors(o *Organisation) []*Organisation {
	var out []*Organisation
	for p := o; p != nil && len(out) < 10; p = c.orgByName[text.Compact(p.Parent)] {
		out = append(out, p)
		if p.Parent == "" {
			break
		}
	}
	return out
}

// Candidate is a name that nearly matched a look-up.
type Candidate struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// FindNetwork looks a network up by id, name, alias or unique prefix of one
// of these, ignoring case and accents. When nothing or more than one network
// matches, it returns nil and the closest candidates; ambiguous is true when
// several networks share the prefix.
func (c *Corpus) FindNetwork(q string) (n *Network, candidates []*Network, ambiguous bool) {
	key := text.Compact(q)
	if key == "" {
		return nil, nil, false
	}
	for _, n := range c.Networks {
		for _, s := range networkNames(n) {
			if text.Compact(s) == key {
				return n, nil, false
			}
		}
	}
	var prefixed []*Network
	for _, n := range c.Networks {
		for _, s := range networkNames(n) {
			if strings.HasPrefix(text.Compact(s), key) {
				prefixed = append(prefixed, n)
				break
			}
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0], nil, false
	}
	if len(prefixed) > 1 {
		return nil, prefixed, true
	}
	return nil, c.closestNetworks(q, 5), false
}

func networkNames(n *Network) []string {
	return append([]string{n.ID, n.Name}, n.Aliases...)
}

// closestNetworks ranks networks by how well their names match q: shared
// words first, then edit distance.
func (c *Corpus) closestNetworks(q string, limit int) []*Network {
	type scored struct {
		n     *Network
		score int
	}
	words := strings.Fields(text.Normalize(q))
	var out []scored
	for _, n := range c.Networks {
		best := 0
		for _, s := range append(networkNames(n), n.Place) {
			norm := text.Normalize(s)
			score := 0
			for _, w := range words {
				if len(w) < 3 {
					continue
				}
				for _, nw := range strings.Fields(norm) {
					switch {
					case nw == w:
						score += 10
					case strings.HasPrefix(nw, w):
						score += 6
					case text.Distance(nw, w, 2) <= 2 && len(w) > 4:
						score += 4
					}
				}
			}
			if d := text.Distance(text.Compact(s), text.Compact(q), 3); d <= 3 {
				score += 12 - 3*d
			}
			best = max(best, score)
		}
		if best > 0 {
			out = append(out, scored{n, best})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	var res []*Network
	for i := 0; i < len(out) && i < limit; i++ {
		res = append(res, out[i].n)
	}
	return res
}

// Filter selects networks; empty fields do not filter. Matching ignores case
// and accents and accepts aliases.
type Filter struct {
	Theme        string
	Province     string
	Municipality string
	Partner      string
}

// FilterError says which filter value is unknown, with suggestions.
type FilterError struct {
	Field       string // "thema", "provincie", "gemeente", "partner"
	Value       string
	Suggestions []string
}

func (e *FilterError) Error() string {
	msg := "onbekende " + e.Field + " \"" + e.Value + "\""
	if len(e.Suggestions) > 0 {
		msg += ". Bedoelde je: " + strings.Join(e.Suggestions, ", ") + "?"
	}
	return msg
}

// Networks returns the networks that match every set field of f, in the
// order of the guide's overview.
func (c *Corpus) FilterNetworks(f Filter) ([]*Network, error) {
	var theme *Theme
	if f.Theme != "" {
		if theme = c.FindTheme(f.Theme); theme == nil {
			return nil, &FilterError{"thema", f.Theme, c.suggest(f.Theme, c.ThemeNames())}
		}
	}
	province := ""
	if f.Province != "" {
		var ok bool
		if province, ok = FindProvince(f.Province); !ok {
			return nil, &FilterError{"provincie", f.Province, c.suggest(f.Province, Provinces)}
		}
	}
	place := ""
	if f.Municipality != "" {
		if place = c.FindPlace(f.Municipality); place == "" {
			return nil, &FilterError{"gemeente", f.Municipality, c.suggest(f.Municipality, c.PlaceNames())}
		}
	}
	var partnerSet map[string]bool
	if f.Partner != "" {
		res := c.LookupPartner(f.Partner)
		if len(res.Networks) == 0 {
			return nil, &FilterError{"partner", f.Partner, res.Suggestions}
		}
		partnerSet = map[string]bool{}
		for _, m := range res.Networks {
			partnerSet[m.Network.ID] = true
		}
	}
	var out []*Network
	for _, n := range c.Networks {
		if theme != nil && !slices.Contains(n.Themes, theme.Name) {
			continue
		}
		if province != "" && n.Province != province {
			continue
		}
		if place != "" && !n.InPlace(place) {
			continue
		}
		if partnerSet != nil && !partnerSet[n.ID] {
			continue
		}
		out = append(out, n)
	}
	return out, nil
}

// InPlace reports whether the network works in the place (normalised name).
func (n *Network) InPlace(place string) bool {
	key := text.Compact(place)
	if text.Compact(n.Place) == key {
		return true
	}
	for _, m := range n.Municipalities {
		if text.Compact(m) == key {
			return true
		}
	}
	return false
}

// FindTheme resolves a theme name or alias.
func (c *Corpus) FindTheme(q string) *Theme {
	return c.themeByKey[text.Compact(q)]
}

// ThemeNames returns the theme names in file order.
func (c *Corpus) ThemeNames() []string {
	var out []string
	for _, t := range c.Themes {
		out = append(out, t.Name)
	}
	return out
}

// FindProvince resolves a province name, ignoring case, accents and
// punctuation ("west vlaanderen", "Oost-Vlaanderen").
func FindProvince(q string) (string, bool) {
	key := text.Compact(q)
	switch key {
	case "brusselshoofdstedelijkgewest", "bruxelles", "brussels":
		key = "brussel"
	case "wvl":
		key = "westvlaanderen"
	case "ovl":
		key = "oostvlaanderen"
	case "vlbr", "vb":
		key = "vlaamsbrabant"
	}
	return canonicalProvince(key)
}

// FindPlace resolves a place or municipality to the spelling used in the
// corpus, or "" when no network works there.
func (c *Corpus) FindPlace(q string) string {
	key := text.Compact(q)
	if key == "" {
		return ""
	}
	return c.placeByKey[key]
}

// PlaceNames returns every place and municipality named by a network, sorted.
func (c *Corpus) PlaceNames() []string { return slices.Clone(c.placeNames) }

func (c *Corpus) computePlaceNames() []string {
	seen := map[string]string{}
	for _, n := range c.Networks {
		for _, p := range append([]string{n.Place}, n.Municipalities...) {
			if _, ok := seen[text.Compact(p)]; !ok {
				seen[text.Compact(p)] = p
			}
		}
	}
	var out []string
	for _, p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// suggest returns up to three names close to q.
func (c *Corpus) suggest(q string, names []string) []string {
	type scored struct {
		s string
		d int
	}
	key := text.Compact(q)
	var out []scored
	for _, n := range names {
		nk := text.Compact(n)
		d := text.Distance(nk, key, 3)
		if strings.HasPrefix(nk, key) || strings.Contains(nk, key) && len(key) >= 3 {
			d = 0
		}
		if d <= 3 {
			out = append(out, scored{n, d})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].d < out[j].d })
	var res []string
	for i := 0; i < len(out) && i < 3; i++ {
		res = append(res, out[i].s)
	}
	return res
}

// PartnerMatch is one network that names an organisation, with the
// spellings the guide used in that network's partner list.
type PartnerMatch struct {
	Network   *Network
	Spellings []string
}

// PartnerResult answers "which networks work with this organisation?".
type PartnerResult struct {
	Query        string
	Organisation *Organisation // nil when the query matched printed names only
	Networks     []PartnerMatch
	Suggestions  []string
}

// LookupPartner finds the networks that name an organisation, however the
// guide spelled it, including its branches ("CAW" finds "CAW De Kempen").
// A query that is not in the directory matches printed partner names that
// contain it.
func (c *Corpus) LookupPartner(q string) PartnerResult {
	res := PartnerResult{Query: q}
	norm := trimOrgWords(text.Normalize(q))
	if norm == "" {
		return res
	}
	org := c.orgByKey[OrgKey(q)]
	res.Organisation = org
	for _, n := range c.Networks {
		var spellings []string
		for _, p := range n.Partners {
			if org != nil {
				if po := c.resolveOrg(p.Name); po != nil && slices.Contains(c.ancestors(po), org) {
					spellings = append(spellings, p.Name)
				}
				continue
			}
			if containsWords(text.Normalize(p.Name), norm) {
				spellings = append(spellings, p.Name)
			}
		}
		if len(spellings) > 0 {
			res.Networks = append(res.Networks, PartnerMatch{Network: n, Spellings: spellings})
		}
	}
	if len(res.Networks) == 0 {
		var names []string
		for _, o := range c.Organisations {
			names = append(names, o.Name)
			names = append(names, o.Aliases...)
		}
		res.Suggestions = c.suggest(q, names)
		// Return canonical names only, once each.
		var canon []string
		for _, s := range res.Suggestions {
			if o := c.orgByKey[OrgKey(s)]; o != nil && !slices.Contains(canon, o.Name) {
				canon = append(canon, o.Name)
			}
		}
		res.Suggestions = canon
	}
	return res
}

// containsWords reports whether needle occurs in hay at word boundaries.
func containsWords(hay, needle string) bool {
	h := " " + hay + " "
	return strings.Contains(h, " "+needle+" ")
}

// FindFactor looks a success factor up by id, title or a word of its title
// ("laagdrempeligheid", "de trekker met mandaat", "trekker"). It returns the
// candidates when the query is ambiguous or unknown.
func (c *Corpus) FindFactor(q string) (*Factor, []*Factor) {
	key := text.Compact(q)
	if key == "" {
		return nil, nil
	}
	norm := text.Normalize(q)
	var hits []*Factor
	for _, f := range c.Factors {
		title := text.Normalize(f.Title)
		if f.ID == q || text.Compact(f.Title) == key || text.Compact(f.ID) == key {
			return f, nil
		}
		if strings.Contains(text.Compact(f.Title), key) || containsWords(title, norm) {
			hits = append(hits, f)
		}
	}
	if len(hits) == 1 {
		return hits[0], nil
	}
	if len(hits) > 1 {
		return nil, hits
	}
	// Shared words with the title, then edit distance.
	type scored struct {
		f     *Factor
		score int
	}
	var out []scored
	for _, f := range c.Factors {
		score := 0
		for _, w := range strings.Fields(norm) {
			if len(w) < 4 {
				continue
			}
			for _, tw := range strings.Fields(text.Normalize(f.Title)) {
				if len(tw) < 4 {
					continue
				}
				switch {
				case strings.HasPrefix(tw, w) || strings.HasPrefix(w, tw):
					score += 5
				case text.Distance(tw, w, 3) <= 2:
					score += 3
				}
			}
		}
		if score > 0 {
			out = append(out, scored{f, score})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	if len(out) == 1 || len(out) > 1 && out[0].score > out[1].score {
		return out[0].f, nil
	}
	var res []*Factor
	for _, s := range out {
		res = append(res, s.f)
	}
	return nil, res
}

// RandomFactor returns a factor chosen by r.
func (c *Corpus) RandomFactor(r *rand.Rand) *Factor {
	return c.Factors[r.IntN(len(c.Factors))]
}

// FactorsFeaturing returns the factors with an example or quote about the
// network.
func (c *Corpus) FactorsFeaturing(networkID string) []*Factor {
	var out []*Factor
	for _, f := range c.Factors {
		found := false
		for _, e := range f.Examples {
			found = found || e.NetworkID == networkID
		}
		for _, q := range f.Quotes {
			found = found || q.NetworkID == networkID
		}
		if found {
			out = append(out, f)
		}
	}
	return out
}

// Related returns up to limit networks that share partners (canonical names)
// or themes with n, the strongest ties first.
func (c *Corpus) Related(n *Network, limit int) []*Network {
	type scored struct {
		n     *Network
		score int
	}
	mine := map[string]bool{}
	for _, p := range n.Partners {
		if c.orgByName[text.Compact(p.Canonical)] != nil {
			mine[p.Canonical] = true
		}
	}
	var out []scored
	for _, o := range c.Networks {
		if o == n {
			continue
		}
		score := 0
		for _, p := range o.Partners {
			if mine[p.Canonical] {
				score += 3
			}
		}
		for _, t := range o.Themes {
			if slices.Contains(n.Themes, t) {
				score += 2
			}
		}
		if o.Province == n.Province {
			score++
		}
		if score > 2 {
			out = append(out, scored{o, score})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	var res []*Network
	for i := 0; i < len(out) && i < limit; i++ {
		res = append(res, out[i].n)
	}
	return res
}

// Count is a name with a number of networks.
type Count struct {
	Name     string `json:"name"`
	Province string `json:"province,omitempty"`
	Count    int    `json:"count"`
}

// ThemeCounts returns every theme with its number of networks, most first.
func (c *Corpus) ThemeCounts() []Count { return slices.Clone(c.themeCounts) }

func (c *Corpus) computeThemeCounts() []Count {
	var out []Count
	for _, t := range c.Themes {
		n := 0
		for _, nw := range c.Networks {
			if slices.Contains(nw.Themes, t.Name) {
				n++
			}
		}
		if n > 0 {
			out = append(out, Count{Name: t.Name, Count: n})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

// ProvinceCounts returns the provinces in table order with their counts.
func (c *Corpus) ProvinceCounts() []Count {
	var out []Count
	for _, p := range Provinces {
		n := 0
		for _, nw := range c.Networks {
			if nw.Province == p {
				n++
			}
		}
		out = append(out, Count{Name: p, Count: n})
	}
	return out
}

// PlaceCounts returns every place and municipality with its province and
// number of networks, sorted by province and name.
func (c *Corpus) PlaceCounts() []Count { return slices.Clone(c.placeCounts) }

func (c *Corpus) computePlaceCounts() []Count {
	type key struct{ name, province string }
	counts := map[key]int{}
	for _, n := range c.Networks {
		seen := map[string]bool{}
		for _, p := range append([]string{n.Place}, n.Municipalities...) {
			if seen[text.Compact(p)] {
				continue
			}
			seen[text.Compact(p)] = true
			counts[key{p, n.Province}]++
		}
	}
	var out []Count
	for k, v := range counts {
		out = append(out, Count{Name: k.name, Province: k.province, Count: v})
	}
	sort.Slice(out, func(i, j int) bool {
		pi, pj := slices.Index(Provinces, out[i].Province), slices.Index(Provinces, out[j].Province)
		if pi != pj {
			return pi < pj
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// QuoteSource says who speaks in a quote: its attribution as printed, with
// the network when the attribution does not name it ("Jongere van 't kan
// OKANanders"; "uit het netwerk Duosprong" when only the network is known).
// Empty when the guide says neither.
func (c *Corpus) QuoteSource(q Quote) string {
	attr := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(q.Attribution), "—–- "))
	name := ""
	if n := c.Network(q.NetworkID); n != nil {
		name = n.Name
	}
	switch {
	case name == "":
		return attr
	case attr == "":
		return "uit het netwerk " + name
	case strings.Contains(text.Compact(attr), text.Compact(name)):
		return attr
	}
	for _, n := range c.Networks {
		if n.ID == q.NetworkID {
			for _, a := range n.Aliases {
				if strings.Contains(text.Compact(attr), text.Compact(a)) {
					return attr
				}
			}
		}
	}
	return attr + " (" + name + ")"
}

// QuoteText is a quote's text between one style of quotation marks,
// “like this”, whatever marks the guide printed around it.
func QuoteText(s string) string {
	s = strings.TrimSpace(s)
	const marks = "\"“”„‟'‘’«»"
	for len(s) > 0 {
		t := strings.TrimSpace(strings.Trim(s, marks))
		if t == s {
			break
		}
		s = t
	}
	if s == "" {
		return ""
	}
	return "“" + s + "”"
}
