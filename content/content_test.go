package content_test

import (
	"errors"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/bondgenoot/bondgenoot/content"
)

// The expected values below are read from the files in this directory
// (netwerken/*.md, succesfactoren/*.md, partners.md, themas.md).

var (
	corpusOnce sync.Once
	corpusVal  *content.Corpus
	corpusErr  error
)

// corpus loads the embedded corpus once for all tests.
func corpus(t *testing.T) *content.Corpus {
	t.Helper()
	corpusOnce.Do(func() { corpusVal, corpusErr = content.Default() })
	if corpusErr != nil {
		t.Fatalf("content.Default() error: %v", corpusErr)
	}
	return corpusVal
}

// ids returns the sorted ids of ns.
func ids(ns []*content.Network) []string {
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		out = append(out, n.ID)
	}
	sort.Strings(out)
	return out
}

func sorted(s ...string) []string {
	out := slices.Clone(s)
	sort.Strings(out)
	return out
}

func partnerIDs(r content.PartnerResult) []string {
	var ns []*content.Network
	for _, m := range r.Networks {
		ns = append(ns, m.Network)
	}
	return ids(ns)
}

func TestDefaultLoads(t *testing.T) {
	c := corpus(t)
	if got, want := len(c.Networks), 48; got != want {
		t.Errorf("len(Networks) = %d, want %d", got, want)
	}
	if got, want := len(c.Factors), 13; got != want {
		t.Errorf("len(Factors) = %d, want %d", got, want)
	}
	wantPassages := sorted("conclusie", "nawoord", "voorwoord", "waarom-deze-gids", "wat-is-armoede")
	var gotPassages []string
	for _, p := range c.Passages {
		gotPassages = append(gotPassages, p.ID)
		if strings.TrimSpace(p.Text) == "" || p.Title == "" || p.Page < 1 {
			t.Errorf("passage %s: title %q, page %d, empty text %v", p.ID, p.Title, p.Page, strings.TrimSpace(p.Text) == "")
		}
	}
	sort.Strings(gotPassages)
	if !slices.Equal(gotPassages, wantPassages) {
		t.Errorf("passages = %v, want %v", gotPassages, wantPassages)
	}
}

func TestProvinceCounts(t *testing.T) {
	c := corpus(t)
	want := map[string]int{
		"Antwerpen":       14,
		"Brussel":         6,
		"Limburg":         6,
		"Oost-Vlaanderen": 14,
		"Vlaams-Brabant":  2,
		"West-Vlaanderen": 6,
	}
	got := map[string]int{}
	for _, n := range c.Networks {
		got[n.Province]++
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("networks in %s = %d, want %d", p, got[p], w)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("unexpected province %q", p)
		}
	}
	// ProvinceCounts reports the same numbers in the table order.
	pc := c.ProvinceCounts()
	var order []string
	for _, cnt := range pc {
		order = append(order, cnt.Name)
		if cnt.Count != want[cnt.Name] {
			t.Errorf("ProvinceCounts %s = %d, want %d", cnt.Name, cnt.Count, want[cnt.Name])
		}
	}
	if !slices.Equal(order, content.Provinces) {
		t.Errorf("ProvinceCounts order = %v, want %v", order, content.Provinces)
	}
}

func TestNetworksSortedByProvinceThenPage(t *testing.T) {
	c := corpus(t)
	for i := 1; i < len(c.Networks); i++ {
		a, b := c.Networks[i-1], c.Networks[i]
		ra, rb := slices.Index(content.Provinces, a.Province), slices.Index(content.Provinces, b.Province)
		if ra > rb || ra == rb && a.Page > b.Page {
			t.Errorf("network %s (%s p.%d) comes before %s (%s p.%d)", a.ID, a.Province, a.Page, b.ID, b.Province, b.Page)
		}
	}
}

func TestFactors(t *testing.T) {
	c := corpus(t)
	want := []struct {
		order int
		id    string
		page  int
	}{
		{1, "samenwerken-en-netwerk-uitbouwen", 17},
		{2, "gemeenschappelijke-visie", 20},
		{3, "trekker-met-mandaat", 22},
		{4, "elkaars-werking-kennen", 24},
		{5, "nabijheid-en-flexibiliteit", 26},
		{6, "vertrekken-vanuit-noden", 27},
		{7, "procesmatig-werken", 30},
		{8, "participatie-en-ervaringsdeskundigheid", 32},
		{9, "op-maat-werken", 35},
		{10, "proactieve-benadering", 37},
		{11, "outreachend-werken", 39},
		{12, "laagdrempeligheid", 41},
		{13, "van-reflectie-naar-actie", 43},
	}
	if len(c.Factors) != len(want) {
		t.Fatalf("len(Factors) = %d, want %d", len(c.Factors), len(want))
	}
	for i, w := range want {
		f := c.Factors[i]
		if f.Order != w.order || f.ID != w.id || f.Page != w.page {
			t.Errorf("Factors[%d] = {order %d, id %s, page %d}, want {order %d, id %s, page %d}",
				i, f.Order, f.ID, f.Page, w.order, w.id, w.page)
		}
		if f.Title == "" || strings.TrimSpace(f.Text) == "" {
			t.Errorf("factor %s: title %q, empty text %v", f.ID, f.Title, strings.TrimSpace(f.Text) == "")
		}
		if c.Factor(w.id) != f {
			t.Errorf("Factor(%q) does not return the listed factor", w.id)
		}
	}
}

func TestFactorExamplesAndQuotesResolve(t *testing.T) {
	c := corpus(t)
	examples := 0
	for _, f := range c.Factors {
		for i, e := range f.Examples {
			examples++
			n := c.Network(e.NetworkID)
			if n == nil {
				t.Errorf("%s example %d: network_id %q does not resolve", f.ID, i, e.NetworkID)
				continue
			}
			if e.NetworkName == "" || e.NetworkName != n.Name {
				t.Errorf("%s example %d: network_name = %q, want %q", f.ID, i, e.NetworkName, n.Name)
			}
			if strings.TrimSpace(e.Text) == "" {
				t.Errorf("%s example %d (%s): empty text", f.ID, i, e.NetworkID)
			}
		}
		for i, q := range f.Quotes {
			if strings.TrimSpace(q.Text) == "" {
				t.Errorf("%s quote %d: empty text", f.ID, i)
			}
			if q.NetworkID != "" && c.Network(q.NetworkID) == nil {
				t.Errorf("%s quote %d: network_id %q does not resolve", f.ID, i, q.NetworkID)
			}
		}
	}
	if examples == 0 {
		t.Error("no examples in any factor")
	}
	// A network named in an example features it.
	var got []string
	for _, f := range c.FactorsFeaturing("duosprong") {
		got = append(got, f.ID)
	}
	sort.Strings(got)
	if want := sorted("elkaars-werking-kennen", "proactieve-benadering"); !slices.Equal(got, want) {
		t.Errorf("FactorsFeaturing(duosprong) = %v, want %v", got, want)
	}
}

func TestNetworkFields(t *testing.T) {
	c := corpus(t)
	seen := map[string]string{}
	for _, n := range c.Networks {
		if prev, dup := seen[n.ID]; dup {
			t.Errorf("id %q used by %s and %s", n.ID, prev, n.File)
		}
		seen[n.ID] = n.File
		if want := "netwerken/" + n.ID + ".md"; n.File != want {
			t.Errorf("%s: File = %q, want %q", n.ID, n.File, want)
		}
		if c.Network(n.ID) != n {
			t.Errorf("Network(%q) does not return the listed network", n.ID)
		}
		if n.Name == "" || n.Place == "" || len(n.Municipalities) == 0 {
			t.Errorf("%s: name %q, place %q, municipalities %v", n.ID, n.Name, n.Place, n.Municipalities)
		}
		if strings.TrimSpace(n.Description) == "" {
			t.Errorf("%s: empty description", n.ID)
		}
		if strings.TrimSpace(n.Summary) == "" {
			t.Errorf("%s: empty summary", n.ID)
		}
		if len(n.Themes) == 0 {
			t.Errorf("%s: no themes", n.ID)
		}
		for _, th := range n.Themes {
			if !slices.Contains(c.ThemeNames(), th) {
				t.Errorf("%s: theme %q is not a canonical theme name", n.ID, th)
			}
		}
		if len(n.Partners) == 0 {
			t.Errorf("%s: no partners", n.ID)
		}
		for _, p := range n.Partners {
			if p.Name == "" || p.Canonical == "" {
				t.Errorf("%s: partner %+v has an empty name", n.ID, p)
			}
		}
		if n.Page < 45 || n.Page > 110 {
			t.Errorf("%s: page %d, want between 45 and 110", n.ID, n.Page)
		}
		if !slices.Contains(content.Provinces, n.Province) {
			t.Errorf("%s: province %q is not canonical", n.ID, n.Province)
		}
	}
	// Factor ids are unique too.
	fseen := map[string]bool{}
	for _, f := range c.Factors {
		if fseen[f.ID] {
			t.Errorf("factor id %q used twice", f.ID)
		}
		fseen[f.ID] = true
	}
}

var (
	saamoNetworks = sorted(
		"boekentas-vol-dromen",    // SAAMO
		"bruggen-bouwen",          // SAAMO
		"duosprong",               // SAAMO Limburg vzw
		"inzet-op-talent",         // SAAMO
		"nieuwe-energie-in-kallo", // SAAMO
		"omarmen-met-vrije-tijd",  // Saamo
		"schoolsprong",            // SAAMO
		"turnhoutse-bondgenoten",  // SAAMO prov. Antwerpen
		"verbindingswerkers",      // SAAMO
	)
	cawNetworks = sorted(
		"bondgenoten-na-gezinshereniging", // Advies Centrum Migratie van het CAW, CAW Antwerpen
		"een-brug-over-schulden",          // CAW
		"ekers-bondgenotennetwerk",        // CAW
		"geen-kans-voor-armoede",          // CAW Brussel
		"kind-omringd",                    // CAW Boom Mechelen Lier
		"kinderarmoede-overbruggen",       // CAW
		"schouder-aan-schouder",           // CAW
		"t-kan-okanders",                  // CAW
		"turnhoutse-bondgenoten",          // CAW De Kempen
	)
	huisVanHetKindNetworks = sorted(
		"bruggen-bouwen",            // Huis van het Kind Sint-Katelijne-Waver
		"duosprong",                 // Huis van het Kind
		"een-brug-over-schulden",    // Huis van het Kind
		"ekers-bondgenotennetwerk",  // Huis van het Kind Ekeren
		"geen-kans-voor-armoede",    // Huis van het Kind Noord
		"het-klein-geluk",           // Huis van het Kind
		"het-krachtmaatje",          // Rootz (Huis van het Kind Gistel)
		"iedereen-een-max",          // Huis van het Kind
		"inzet-op-talent",           // Huis van het Kind Geraardsbergen
		"kind-omringd",              // Huis van het Kind
		"kuregem-verbindt",          // Huis van het Kind Anderlecht
		"moment",                    // Huis van het Kind Sint-Joost, … Etterbeek/Elsene
		"ontmoetingsgericht-werken", // Huis van het Kind Leuven
		"schoolsprong",              // Huis van het Kind
		"schoolsterk",               // Huis van het Kind
		"springplank",               // Huis van het Kind
		"t-stokstaartje",            // Huis van het Kind
		"turnhoutse-bondgenoten",    // Huis van het Kind
		"vier-op-een-rij",           // Huis van het Kind Antwerpen
		"vitamine-a",                // Huis van het Kind Laken Nekkersdal
	)
	eenGezinEenPlanNetworks = sorted(
		"bondgenoten-na-gezinshereniging", // 1Gezin 1Plan
		"iedereen-een-max",                // 1Gezin-1Plan
		"t-kan-okanders",                  // 1Gezin 1Plan
		"vier-op-een-rij",                 // 1 Gezin 1 Plan Groot Antwerpen
	)
)

func TestLookupPartner(t *testing.T) {
	c := corpus(t)
	tests := []struct {
		query string
		org   string
		want  []string
	}{
		{"SAAMO", "SAAMO", saamoNetworks},
		{"Saamo", "SAAMO", saamoNetworks},
		{"SAAMO Limburg", "SAAMO", saamoNetworks},
		{"saamo provincie antwerpen", "SAAMO", saamoNetworks},
		{"CAW", "CAW", cawNetworks},
		{"Centrum Algemeen Welzijnswerk", "CAW", cawNetworks},
		{"Huis van het Kind", "Huis van het Kind", huisVanHetKindNetworks},
		{"huizen van het kind", "Huis van het Kind", huisVanHetKindNetworks},
		{"1G1P", "1Gezin 1Plan", eenGezinEenPlanNetworks},
		{"1Gezin 1Plan", "1Gezin 1Plan", eenGezinEenPlanNetworks},
		{"1 Gezin 1 Plan", "1Gezin 1Plan", eenGezinEenPlanNetworks},
		{"Eén gezin – Eén plan", "1Gezin 1Plan", eenGezinEenPlanNetworks},
		// A branch finds only itself; its parent finds the branch too.
		{"Wiegwijs", "Wiegwijs", sorted("ademruimte", "het-klein-geluk", "schoolsterk")},
		{"Inloopteam", "Inloopteam", sorted("ademruimte", "ervaringskennis-nieuw-gent", "het-klein-geluk", "schoolsterk")},
		{"D'Broej", "D'Broej", sorted("moment", "schoolpoortwerking-de-buurt")},
		{"vzw De Keerkring", "De Keerkring", sorted("een-brug-over-schulden", "nieuwe-energie-in-kallo", "springplank")},
		// Not in the directory: printed names that contain the words.
		{"Sint-Martinusschool", "", []string{"samen-spelen-samen-leren"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := c.LookupPartner(tt.query)
			gotOrg := ""
			if r.Organisation != nil {
				gotOrg = r.Organisation.Name
			}
			if gotOrg != tt.org {
				t.Errorf("LookupPartner(%q).Organisation = %q, want %q", tt.query, gotOrg, tt.org)
			}
			if got := partnerIDs(r); !slices.Equal(got, tt.want) {
				t.Errorf("LookupPartner(%q) networks =\n  %v\nwant\n  %v", tt.query, got, tt.want)
			}
		})
	}
}

func TestLookupPartnerSpellings(t *testing.T) {
	c := corpus(t)
	tests := []struct {
		query, network string
		want           []string
	}{
		{"SAAMO", "turnhoutse-bondgenoten", []string{"SAAMO prov. Antwerpen"}},
		{"SAAMO", "duosprong", []string{"SAAMO Limburg vzw"}},
		{"SAAMO", "omarmen-met-vrije-tijd", []string{"Saamo"}},
		{"CAW", "bondgenoten-na-gezinshereniging", []string{"Advies Centrum Migratie van het CAW", "CAW Antwerpen"}},
		{"Huis van het Kind", "moment", []string{"Huis van het Kind Sint-Joost", "Huis van het Kind Etterbeek/Elsene"}},
		{"Huis van het Kind", "het-krachtmaatje", []string{"Rootz (Huis van het Kind Gistel)"}},
		{"1G1P", "vier-op-een-rij", []string{"1 Gezin 1 Plan Groot Antwerpen"}},
	}
	for _, tt := range tests {
		r := c.LookupPartner(tt.query)
		var got []string
		found := false
		for _, m := range r.Networks {
			if m.Network.ID == tt.network {
				got, found = m.Spellings, true
			}
		}
		if !found {
			t.Errorf("LookupPartner(%q) lacks %s", tt.query, tt.network)
			continue
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("LookupPartner(%q) spellings in %s = %q, want %q", tt.query, tt.network, got, tt.want)
		}
	}
}

func TestLookupPartnerUnknown(t *testing.T) {
	c := corpus(t)
	r := c.LookupPartner("Xyzzy Plugh")
	if len(r.Networks) != 0 || r.Organisation != nil {
		t.Errorf("LookupPartner(unknown) = org %v, %d networks; want none", r.Organisation, len(r.Networks))
	}
	// A typo gets the canonical name as a suggestion.
	r = c.LookupPartner("Kompanjonn")
	if len(r.Networks) != 0 {
		t.Errorf("LookupPartner(Kompanjonn) found %v, want none", partnerIDs(r))
	}
	if !slices.Contains(r.Suggestions, "Kompanjon") {
		t.Errorf("LookupPartner(Kompanjonn).Suggestions = %q, want it to contain %q", r.Suggestions, "Kompanjon")
	}
	if r := c.LookupPartner("   "); len(r.Networks) != 0 {
		t.Errorf("LookupPartner(blank) found %d networks, want 0", len(r.Networks))
	}
}

// Suggestions are mapped back to canonical names with text.Compact, but the
// directory is keyed without a leading article or "vzw" (trimOrgWords). So an
// organisation whose name starts with "De", "Het", "Een", "'t" or "vzw" and
// that has no other spelling is never suggested.
func TestLookupPartnerSuggestsNamesWithArticle(t *testing.T) {
	c := corpus(t)
	for _, tt := range []struct{ query, want string }{
		{"De Fakel", "De Fakkel"},
		{"De Zuidpoor", "De Zuidpoort"},
		{"De Frakstock", "De Frakstok"},
	} {
		r := c.LookupPartner(tt.query)
		if !slices.Contains(r.Suggestions, tt.want) {
			t.Errorf("LookupPartner(%q).Suggestions = %q, want it to contain %q", tt.query, r.Suggestions, tt.want)
		}
	}
}

func TestPartnerCanonical(t *testing.T) {
	c := corpus(t)
	tests := []struct{ network, printed, canonical string }{
		{"turnhoutse-bondgenoten", "SAAMO prov. Antwerpen", "SAAMO"},
		{"turnhoutse-bondgenoten", "CAW De Kempen", "CAW"},
		{"turnhoutse-bondgenoten", "Kind & gezin", "Kind en Gezin"},
		{"ekers-bondgenotennetwerk", "Huis van het Kind Ekeren", "Huis van het Kind"},
		{"duosprong", "SAAMO Limburg vzw", "SAAMO"},
		{"duosprong", "Vrij CLB Limburg", "CLB"},
		{"ademruimte", "Wiegwijs Waasland afdeling Lokeren", "Wiegwijs"},
		{"boekentas-vol-dromen", "VZW De Fakkel", "De Fakkel"},
		{"boekentas-vol-dromen", "KOSH", "KOSH"}, // unknown: printed name
	}
	for _, tt := range tests {
		n := c.Network(tt.network)
		if n == nil {
			t.Fatalf("Network(%q) = nil", tt.network)
		}
		got, found := "", false
		for _, p := range n.Partners {
			if p.Name == tt.printed {
				got, found = p.Canonical, true
			}
		}
		if !found {
			t.Errorf("%s has no partner %q", tt.network, tt.printed)
			continue
		}
		if got != tt.canonical {
			t.Errorf("%s partner %q: Canonical = %q, want %q", tt.network, tt.printed, got, tt.canonical)
		}
	}
}

func TestFindNetwork(t *testing.T) {
	c := corpus(t)
	tests := []struct {
		name      string
		query     string
		want      string   // id of the network found, "" for none
		cands     []string // sorted ids of the candidates when want is ""
		ambiguous bool
	}{
		{"id", "duosprong", "duosprong", nil, false},
		{"id with dashes", "t-kan-okanders", "t-kan-okanders", nil, false},
		{"exact name", "Teach for Belgium: samen voor kansrijk onderwijs", "teach-for-belgium", nil, false},
		{"exact name with punctuation", "SchoolSter(k)", "schoolsterk", nil, false},
		{"alias SchoolSterk", "SchoolSterk", "schoolsterk", nil, false},
		{"alias Teach for Mechelen", "Teach for Mechelen", "teach-for-belgium", nil, false},
		{"alias 't kan OKANanders", "'t kan OKANanders", "t-kan-okanders", nil, false},
		{"alias JAZ", "JAZ", "jongeren-aan-zet", nil, false},
		{"name without apostrophe", "t kan okanders", "t-kan-okanders", nil, false},
		{"case and accents", "CRÉATIEVE ORIENTATIE: EEN TRANSDISCIPLINAIRE PRAKTIJK", "creatieve-orientatie", nil, false},
		{"accents in query only", "Dúösprong", "duosprong", nil, false},
		{"curly apostrophe alias", "‘t STOKstaartje", "t-stokstaartje", nil, false},
		{"unique prefix", "Vitam", "vitamine-a", nil, false},
		{"unique prefix of name", "Bondgenotennetwerk Poel", "poelberg", nil, false},
		{"unique prefix ignoring spaces", "vier op", "vier-op-een-rij", nil, false},
		{"ambiguous prefix school", "school", "", sorted("schoolpoortwerking-de-buurt", "schoolsprong", "schoolsterk"), true},
		{"ambiguous prefix het", "Het", "", sorted("het-klein-geluk", "het-krachtmaatje", "perspectief"), true},
		{"empty", "  ", "", nil, false},
		{"unknown", "zzqqxxvv", "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, cands, amb := c.FindNetwork(tt.query)
			got := ""
			if n != nil {
				got = n.ID
			}
			if got != tt.want {
				t.Fatalf("FindNetwork(%q) = %q, want %q (candidates %v)", tt.query, got, tt.want, ids(cands))
			}
			if amb != tt.ambiguous {
				t.Errorf("FindNetwork(%q) ambiguous = %v, want %v", tt.query, amb, tt.ambiguous)
			}
			if tt.want == "" {
				if gotC := ids(cands); !slices.Equal(gotC, tt.cands) {
					t.Errorf("FindNetwork(%q) candidates = %v, want %v", tt.query, gotC, tt.cands)
				}
			} else if len(cands) != 0 {
				t.Errorf("FindNetwork(%q) found %s but also returned candidates %v", tt.query, got, ids(cands))
			}
		})
	}
}

func TestFindNetworkUnknownHasCandidates(t *testing.T) {
	c := corpus(t)
	tests := []struct{ query, first string }{
		{"Duosprongg", "duosprong"},
		{"Springwys", "springwijs"},
		{"Kuregem verbinding", "kuregem-verbindt"},
		{"Perspectif", "perspectief"},
	}
	for _, tt := range tests {
		n, cands, amb := c.FindNetwork(tt.query)
		if n != nil {
			t.Errorf("FindNetwork(%q) = %s, want no match but candidates", tt.query, n.ID)
			continue
		}
		if amb {
			t.Errorf("FindNetwork(%q) ambiguous = true, want false for an unknown name", tt.query)
		}
		if len(cands) == 0 {
			t.Errorf("FindNetwork(%q) returned no candidates", tt.query)
			continue
		}
		if cands[0].ID != tt.first {
			t.Errorf("FindNetwork(%q) first candidate = %s, want %s (all %v)", tt.query, cands[0].ID, tt.first, ids(cands))
		}
		if len(cands) > 5 {
			t.Errorf("FindNetwork(%q) returned %d candidates, want at most 5", tt.query, len(cands))
		}
	}
}

var vrijeTijdNetworks = sorted(
	"ademruimte", "balder", "bruggen-bouwen", "connecting-the-dots",
	"ervaringskennis-nieuw-gent", "jongeren-aan-zet", "kindgerichte-wijkregisseur",
	"omarmen-met-vrije-tijd", "schoolpoortwerking-de-buurt", "springplank",
	"t-kan-okanders", "t-stokstaartje", "vitamine-a", "vrijtijdsbesteding-voor-iedereen",
)

var westVlaanderenNetworks = sorted(
	"brugfiguren-basisonderwijs", "het-krachtmaatje", "perspectief",
	"poelberg", "schoolsprong", "verbindingswerkers",
)

func TestFilterNetworks(t *testing.T) {
	c := corpus(t)
	tests := []struct {
		name   string
		filter content.Filter
		want   []string
	}{
		{"theme", content.Filter{Theme: "vrije tijd"}, vrijeTijdNetworks},
		{"theme alias", content.Filter{Theme: "vrijetijd"}, vrijeTijdNetworks},
		{"theme alias other case", content.Filter{Theme: "VrijeTijdsBesteding"}, vrijeTijdNetworks},
		{"theme justitie", content.Filter{Theme: "justitie"}, []string{"een-brug-over-schulden"}},
		{"theme alias schulden", content.Filter{Theme: "schulden"}, []string{"een-brug-over-schulden"}},
		{"province", content.Filter{Province: "West-Vlaanderen"}, westVlaanderenNetworks},
		{"province alias", content.Filter{Province: "west vlaanderen"}, westVlaanderenNetworks},
		{"province abbreviation", content.Filter{Province: "WVL"}, westVlaanderenNetworks},
		{"province Vlaams-Brabant", content.Filter{Province: "vlaams brabant"}, sorted("ontmoetingsgericht-werken", "t-stokstaartje")},
		{"province Brussel", content.Filter{Province: "Brussels"}, sorted("balder", "geen-kans-voor-armoede", "kuregem-verbindt", "moment", "schoolpoortwerking-de-buurt", "vitamine-a")},
		{"municipality Tielt", content.Filter{Municipality: "Tielt"}, []string{"poelberg"}},
		{"municipality lower case", content.Filter{Municipality: "tielt"}, []string{"poelberg"}},
		{"place Ommeland", content.Filter{Municipality: "Ommeland"}, []string{"poelberg"}},
		{"municipality Beveren", content.Filter{Municipality: "Beveren"}, sorted("nieuwe-energie-in-kallo", "samen-spelen-samen-leren", "springplank")},
		{"municipality Hoeselt", content.Filter{Municipality: "Hoeselt"}, []string{"omarmen-met-vrije-tijd"}},
		{"theme and province", content.Filter{Theme: "onderwijs", Province: "west vlaanderen"}, sorted("brugfiguren-basisonderwijs", "het-krachtmaatje", "poelberg", "schoolsprong")},
		{"theme and municipality", content.Filter{Theme: "vrije tijd", Municipality: "Schaarbeek"}, []string{"schoolpoortwerking-de-buurt"}},
		{"partner and province", content.Filter{Partner: "Saamo", Province: "Antwerpen"}, sorted("boekentas-vol-dromen", "bruggen-bouwen", "turnhoutse-bondgenoten")},
		{"partner and theme", content.Filter{Partner: "1G1P", Theme: "gezin"}, sorted("bondgenoten-na-gezinshereniging", "vier-op-een-rij")},
		{"partner only", content.Filter{Partner: "CAW"}, cawNetworks},
		{"all four", content.Filter{Theme: "onderwijs", Province: "Limburg", Municipality: "Beringen", Partner: "SAAMO"}, []string{"duosprong"}},
		{"no match", content.Filter{Theme: "justitie", Province: "Limburg"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ns, err := c.FilterNetworks(tt.filter)
			if err != nil {
				t.Fatalf("FilterNetworks(%+v) error: %v", tt.filter, err)
			}
			got := ids(ns)
			if len(got) == 0 {
				got = nil
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("FilterNetworks(%+v) =\n  %v\nwant\n  %v", tt.filter, got, tt.want)
			}
		})
	}
}

func TestFilterNetworksEmptyReturnsAllInOrder(t *testing.T) {
	c := corpus(t)
	ns, err := c.FilterNetworks(content.Filter{})
	if err != nil {
		t.Fatalf("FilterNetworks({}) error: %v", err)
	}
	if len(ns) != len(c.Networks) {
		t.Fatalf("FilterNetworks({}) returned %d networks, want %d", len(ns), len(c.Networks))
	}
	for i := range ns {
		if ns[i] != c.Networks[i] {
			t.Errorf("FilterNetworks({})[%d] = %s, want %s", i, ns[i].ID, c.Networks[i].ID)
		}
	}
}

func TestFilterNetworksUnknownValues(t *testing.T) {
	c := corpus(t)
	tests := []struct {
		name      string
		filter    content.Filter
		field     string
		value     string
		suggested string // a suggestion that must be present, "" for none required
	}{
		{"theme", content.Filter{Theme: "sport"}, "thema", "sport", ""},
		{"theme typo", content.Filter{Theme: "onderwys"}, "thema", "onderwys", "onderwijs"},
		{"province", content.Filter{Province: "Henegouwen"}, "provincie", "Henegouwen", ""},
		{"province typo", content.Filter{Province: "Limbrug"}, "provincie", "Limbrug", "Limburg"},
		{"municipality", content.Filter{Municipality: "Atlantis"}, "gemeente", "Atlantis", ""},
		{"municipality typo", content.Filter{Municipality: "Tielx"}, "gemeente", "Tielx", "Tielt"},
		{"partner", content.Filter{Partner: "Xyzzy Plugh"}, "partner", "Xyzzy Plugh", ""},
		{"unknown theme with valid province", content.Filter{Theme: "sport", Province: "Limburg"}, "thema", "sport", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ns, err := c.FilterNetworks(tt.filter)
			if err == nil {
				t.Fatalf("FilterNetworks(%+v) = %v, want a *content.FilterError", tt.filter, ids(ns))
			}
			var fe *content.FilterError
			if !errors.As(err, &fe) {
				t.Fatalf("FilterNetworks(%+v) error = %T %v, want *content.FilterError", tt.filter, err, err)
			}
			if fe.Field != tt.field || fe.Value != tt.value {
				t.Errorf("FilterError = {Field %q, Value %q}, want {Field %q, Value %q}", fe.Field, fe.Value, tt.field, tt.value)
			}
			if tt.suggested != "" && !slices.Contains(fe.Suggestions, tt.suggested) {
				t.Errorf("FilterError.Suggestions = %q, want it to contain %q", fe.Suggestions, tt.suggested)
			}
			if !strings.Contains(fe.Error(), tt.value) {
				t.Errorf("FilterError.Error() = %q, want it to mention %q", fe.Error(), tt.value)
			}
		})
	}
}

func TestFindFactor(t *testing.T) {
	c := corpus(t)
	tests := []struct {
		query string
		want  string
		cands []string // sorted, when want is ""
	}{
		{"laagdrempeligheid", "laagdrempeligheid", nil},
		{"Laagdrempeligheid", "laagdrempeligheid", nil},
		{"de trekker met mandaat", "trekker-met-mandaat", nil},
		{"trekker", "trekker-met-mandaat", nil},
		{"trekker-met-mandaat", "trekker-met-mandaat", nil},
		{"De spin in het netwerk: de trekker met mandaat", "trekker-met-mandaat", nil},
		{"Van reflectie naar actie (en terug)", "van-reflectie-naar-actie", nil},
		{"gemeenschappelijke visie", "gemeenschappelijke-visie", nil},
		{"ervaringsdeskundigheid", "participatie-en-ervaringsdeskundigheid", nil},
		{"laagdrempelig", "laagdrempeligheid", nil},
		{"werken", "", sorted("op-maat-werken", "outreachend-werken", "procesmatig-werken", "samenwerken-en-netwerk-uitbouwen")},
		{"", "", nil},
	}
	for _, tt := range tests {
		f, cands := c.FindFactor(tt.query)
		got := ""
		if f != nil {
			got = f.ID
		}
		if got != tt.want {
			t.Errorf("FindFactor(%q) = %q, want %q", tt.query, got, tt.want)
			continue
		}
		if tt.want == "" {
			var gotC []string
			for _, c := range cands {
				gotC = append(gotC, c.ID)
			}
			sort.Strings(gotC)
			if !slices.Equal(gotC, tt.cands) {
				t.Errorf("FindFactor(%q) candidates = %v, want %v", tt.query, gotC, tt.cands)
			}
		}
	}
}

func TestThemes(t *testing.T) {
	c := corpus(t)
	want := []string{
		"onderwijs", "vrije tijd", "gezin", "welzijn", "mentaal welzijn", "gezondheid",
		"buurtwerk", "hulp- en dienstverlening", "taal", "inclusie", "jeugd", "werk",
		"justitie", "schuldhulpverlening", "sociale grondrechten", "mensenrechten",
	}
	if got := c.ThemeNames(); !slices.Equal(got, want) {
		t.Errorf("ThemeNames() =\n  %q\nwant\n  %q", got, want)
	}
	for _, tt := range []struct{ q, want string }{
		{"vrijetijd", "vrije tijd"},
		{"Vrije Tijd", "vrije tijd"},
		{"school", "onderwijs"},
		{"hulpverlening", "hulp- en dienstverlening"},
		{"hulp en dienstverlening", "hulp- en dienstverlening"},
	} {
		th := c.FindTheme(tt.q)
		if th == nil || th.Name != tt.want {
			t.Errorf("FindTheme(%q) = %v, want %q", tt.q, th, tt.want)
		}
	}
	counts := map[string]int{}
	for _, cnt := range c.ThemeCounts() {
		counts[cnt.Name] = cnt.Count
	}
	if got, want := counts["vrije tijd"], len(vrijeTijdNetworks); got != want {
		t.Errorf("ThemeCounts vrije tijd = %d, want %d", got, want)
	}
}

func TestFindProvince(t *testing.T) {
	tests := []struct {
		q, want string
		ok      bool
	}{
		{"west vlaanderen", "West-Vlaanderen", true},
		{"OOST-VLAANDEREN", "Oost-Vlaanderen", true},
		{"ovl", "Oost-Vlaanderen", true},
		{"vb", "Vlaams-Brabant", true},
		{"Brussels Hoofdstedelijk Gewest", "Brussel", true},
		{"limburg", "Limburg", true},
		{"Henegouwen", "", false},
	}
	for _, tt := range tests {
		got, ok := content.FindProvince(tt.q)
		if got != tt.want || ok != tt.ok {
			t.Errorf("FindProvince(%q) = %q, %v; want %q, %v", tt.q, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRelated(t *testing.T) {
	c := corpus(t)
	for _, n := range c.Networks {
		rel := c.Related(n, 5)
		if len(rel) > 5 {
			t.Errorf("Related(%s, 5) returned %d networks", n.ID, len(rel))
		}
		for _, r := range rel {
			if r == n {
				t.Errorf("Related(%s) contains the network itself", n.ID)
			}
		}
	}
}
