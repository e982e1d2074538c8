package chat

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

func choiceValues(cs []Choice) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Value)
	}
	return out
}

func TestChoices(t *testing.T) {
	c := service(t).Corpus
	tests := []struct {
		Command, Option, typed string
		wantFirst              string // value of the first choice
		wantName               string // the first choice's name contains this
		wantLen                int    // exact number of choices; -1 for "any"
	}{
		// netwerk: names and aliases → id.
		{"netwerk", "naam", "", "ademruimte", "Ademruimte — Lokeren", 25},
		{"netwerk", "naam", "Duosprong", "duosprong", "Duosprong — Beringen", -1},
		{"netwerk", "naam", "duo", "duosprong", "", -1},
		{"netwerk", "naam", "JAZ", "jongeren-aan-zet", "Jongeren aan zet (JAZ)", -1},
		{"netwerk", "naam", "teach for mech", "teach-for-belgium", "Teach for Mechelen → Teach for Belgium", -1},
		{"netwerk", "naam", "okan", "t-kan-okanders", "'t kan OKANders", -1},
		{"netwerk", "naam", "krachtmaatje", "het-krachtmaatje", "", -1},
		{"netwerk", "naam", "duosprnog", "duosprong", "", -1},
		{"netwerk", "naam", "poelberg", "poelberg", "", -1},
		{"netwerk", "naam", "Ieper", "brugfiguren-basisonderwijs", "Ieper", -1},
		{"netwerk", "naam", "zzzzqqqq", "", "", 0},
		// partner: directory names and aliases → canonical name.
		{"partner", "organisatie", "", "Huis van het Kind", "netwerken", 25},
		{"partner", "organisatie", "saa", "SAAMO", "SAAMO — 9 netwerken", -1},
		{"partner", "organisatie", "1g1p", "1Gezin 1Plan", "1G1P → 1Gezin 1Plan", -1},
		{"partner", "organisatie", "kind & gezin", "Kind en Gezin", "", -1},
		{"partner", "organisatie", "centrum algemeen", "CAW", "Centrum Algemeen Welzijnswerk → CAW", -1},
		{"partner", "organisatie", "welzijnschakel", "Welzijnsschakels", "", -1},
		{"partner", "organisatie", "HvhK", "Huis van het Kind", "HvhK → Huis van het Kind", -1},
		{"partner", "organisatie", "huis vh kind", "Huis van het Kind", "", -1},
		{"partner", "organisatie", "bko", "Buitenschoolse kinderopvang", "BKO → Buitenschoolse kinderopvang", -1},
		// succesfactor: titles → id.
		{"succesfactor", "naam", "", "samenwerken-en-netwerk-uitbouwen", "1. Samenwerken", 13},
		{"succesfactor", "naam", "laag", "laagdrempeligheid", "12. Laagdrempeligheid", -1},
		{"succesfactor", "naam", "trekker", "trekker-met-mandaat", "", -1},
		{"succesfactor", "naam", "outreachent", "outreachend-werken", "", -1},
		// regio: provinces, then places, with counts.
		{"regio", "plaats-of-provincie", "", "Antwerpen", "Antwerpen (provincie) — 14 netwerken", 25},
		{"regio", "plaats-of-provincie", "lim", "Limburg", "Limburg (provincie) — 6 netwerken", -1},
		{"regio", "plaats-of-provincie", "gen", "Gent", "Gent (Oost-Vlaanderen) — 4 netwerken", -1},
		{"regio", "plaats-of-provincie", "west vl", "West-Vlaanderen", "", -1},
		{"regio", "plaats-of-provincie", "sint niklaas", "Sint-Niklaas", "", -1},
		// kaart: its options complete like those of the lists.
		{"kaart", "thema", "vrije", "vrije tijd", "", -1},
		{"kaart", "partner", "saa", "SAAMO", "SAAMO — 9 netwerken", -1},
		{"kaart", "plaats", "gen", "Gent", "Gent (Oost-Vlaanderen) — 4 netwerken", -1},
		// thema, also for zoek.
		{"thema", "thema", "", "onderwijs", "onderwijs — 27 netwerken", 16},
		{"thema", "thema", "school", "onderwijs", "school → onderwijs — 27 netwerken", -1},
		{"thema", "thema", "vrij", "vrije tijd", "", -1},
		{"thema", "thema", "hulp", "hulp- en dienstverlening", "", -1},
		{"zoek", "thema", "gez", "gezin", "", -1},
		{"zoek", "provincie", "", "Antwerpen", "", 6},
		{"zoek", "provincie", "oost", "Oost-Vlaanderen", "", 1},
		// Nothing to complete.
		{"zoek", "term", "brug", "", "", 0},
		{"help", "", "", "", "", 0},
		{"onbekend", "x", "y", "", "", 0},
	}
	for _, tt := range tests {
		got := Choices(c, tt.Command, tt.Option, tt.typed)
		if got == nil {
			t.Errorf("choices(%s, %s, %q) = nil, want a non-nil list", tt.Command, tt.Option, tt.typed)
			continue
		}
		if tt.wantLen >= 0 && len(got) != tt.wantLen {
			t.Errorf("choices(%s, %s, %q): %d choices, want %d: %v", tt.Command, tt.Option, tt.typed, len(got), tt.wantLen, choiceValues(got))
		}
		if tt.wantFirst == "" {
			continue
		}
		if len(got) == 0 {
			t.Errorf("choices(%s, %s, %q): none, want first %q", tt.Command, tt.Option, tt.typed, tt.wantFirst)
			continue
		}
		if v := got[0].Value; v != tt.wantFirst {
			t.Errorf("choices(%s, %s, %q): first %q, want %q (all: %v)", tt.Command, tt.Option, tt.typed, v, tt.wantFirst, choiceValues(got))
		}
		if !strings.Contains(got[0].Name, tt.wantName) {
			t.Errorf("choices(%s, %s, %q): first name %q, want it to contain %q", tt.Command, tt.Option, tt.typed, got[0].Name, tt.wantName)
		}
	}
}

// TestChoicesFindEverything types every name, alias and id of every network,
// organisation, factor, theme and region, and a prefix of each, and checks
// that what was typed comes first (or among equals), within Discord's
// limits.
func TestChoicesFindEverything(t *testing.T) {
	c := service(t).Corpus
	check := func(Command, Option, typed, want string, firstOnly bool) {
		t.Helper()
		got := Choices(c, Command, Option, typed)
		if len(got) > maxChoices {
			t.Errorf("choices(%s, %q): %d choices", Command, typed, len(got))
		}
		for _, ch := range got {
			v := ch.Value
			if n := utf8.RuneCountInString(ch.Name); n == 0 || n > maxChoiceName || v == "" || utf8.RuneCountInString(v) > maxChoiceValue {
				t.Errorf("choices(%s, %q): choice %q=%q breaks a limit", Command, typed, ch.Name, v)
			}
		}
		vals := choiceValues(got)
		if firstOnly && (len(vals) == 0 || vals[0] != want) {
			t.Errorf("choices(%s, %q) = %v, want %q first", Command, typed, vals, want)
		}
		if !firstOnly && !contains(vals, want) {
			t.Errorf("choices(%s, %q) = %v, want %q among them", Command, typed, vals, want)
		}
	}
	for _, n := range c.Networks {
		check("netwerk", "naam", n.Name, n.ID, false)
		check("netwerk", "naam", string([]rune(n.Name)[:min(4, len([]rune(n.Name)))]), n.ID, false)
		for _, a := range n.Aliases {
			check("netwerk", "naam", a, n.ID, false)
		}
	}
	for _, o := range c.Organisations {
		if c.PartnerCount(o.Name) == 0 {
			continue
		}
		check("partner", "organisatie", o.Name, o.Name, true)
		for _, a := range o.Aliases {
			check("partner", "organisatie", a, o.Name, false)
		}
	}
	for _, f := range c.Factors {
		check("succesfactor", "naam", f.Title, f.ID, true)
		check("succesfactor", "naam", f.ID, f.ID, true)
	}
	for _, th := range c.ThemeCounts() {
		check("thema", "thema", th.Name, th.Name, true)
	}
	for _, p := range content.Provinces {
		check("regio", "plaats-of-provincie", p, p, true)
	}
	for _, p := range c.PlaceNames() {
		if _, isProvince := content.FindProvince(p); isProvince {
			continue
		}
		if len(c.Gazetteer().Named(p)) > 1 {
			// Several places of that name (Beveren, Tielt): each is offered
			// by its label.
			if got := Choices(c, "regio", "x", p); len(got) < 2 || !strings.HasPrefix(got[0].Value, p+" (") || !strings.HasPrefix(got[1].Value, p+" (") {
				t.Errorf("choices(regio, %q) = %v, want the places called so first", p, choiceValues(got))
			}
			continue
		}
		check("regio", "plaats-of-provincie", p, p, true)
	}
	for _, m := range c.Gazetteer().Municipalities() {
		if _, isProvince := content.FindProvince(m.Name); !isProvince {
			if got := Choices(c, "regio", "x", m.Name); len(got) == 0 || !strings.HasPrefix(got[0].Value, m.Name) {
				t.Errorf("choices(regio, %q) = %v, want the municipality first", m.Name, choiceValues(got))
			}
		}
	}
	// Hostile input never breaks a limit.
	for _, typed := range []string{strings.Repeat("é", 500), "\xff\xfe", "\u200b\u202e", "%!s", "<@1>", strings.Repeat("a b ", 200)} {
		for _, cmd := range []string{"netwerk", "partner", "succesfactor", "regio", "thema"} {
			if got := Choices(c, cmd, "x", typed); len(got) > maxChoices {
				t.Errorf("choices(%s, %.10q): %d choices", cmd, typed, len(got))
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestPartnerCounts checks the counts autocomplete shows against the
// partner look-up itself.
func TestPartnerCounts(t *testing.T) {
	c := service(t).Corpus
	for _, o := range c.Organisations {
		if got, want := c.PartnerCount(o.Name), len(c.LookupPartner(o.Name).Networks); got != want {
			t.Errorf("%s: autocomplete counts %d networks, the look-up finds %d", o.Name, got, want)
		}
	}
}

func TestMatchTier(t *testing.T) {
	tests := []struct {
		typed, key string
		want       int
	}{
		{"duosprong", "Duosprong", tierExact},
		{"1 gezin 1 plan", "1Gezin-1Plan", tierExact},
		{"duo", "Duosprong", tierPrefix},
		{"vrije", "Omarmen met vrije tijd", tierWordPrefix},
		{"kind gez", "Kind en Gezin", tierWordPrefix},
		{"sprong", "Duosprong", tierSubstring},
		{"duosprnog", "Duosprong", tierFuzzy},
		{"zzz", "Duosprong", tierNone},
		{"ab", "xy", tierNone},
	}
	for _, tt := range tests {
		q := normalizeForTest(tt.typed)
		if got, _ := matchTier(q, strings.ReplaceAll(q, " ", ""), tt.key); got != tt.want {
			t.Errorf("matchTier(%q, %q) = %d, want %d", tt.typed, tt.key, got, tt.want)
		}
	}
}

func normalizeForTest(s string) string { return text.Normalize(s) }

// TestRegionChoiceCounts checks that every region choice appears once and
// that its count is what /regio answers.
func TestRegionChoiceCounts(t *testing.T) {
	s := service(t)
	seen := map[string]bool{}
	for _, it := range regionSuggestions(s.Corpus, true) {
		if seen[it.value] {
			t.Errorf("region %q offered twice", it.value)
		}
		seen[it.value] = true
		l, err := s.Region(it.value)
		if err != nil {
			t.Errorf("Region(%q): %v", it.value, err)
			continue
		}
		if strings.Contains(it.label, " — dichtstbij: ") {
			// No network of its own: /regio lists the nearest, with the
			// way to the province.
			if l.Province == "" || !strings.Contains(it.label, l.Nearby.Headline()[len("Geen netwerk"):][:0]) {
				t.Errorf("choice %q, but /regio %s has networks there", it.label, it.value)
			}
			continue
		}
		if want := " — " + text.CountNetworks(len(l.Networks)); !strings.HasSuffix(it.label, want) {
			t.Errorf("choice %q, but /regio %s lists %d networks", it.label, it.value, len(l.Networks))
		}
	}
	if n := len(seen); n < 960 {
		t.Errorf("%d region choices, want the provinces and every place of the gazetteer", n)
	}
	tests := []struct{ typed, first, name string }{
		{"Beveren", "Beveren (Beveren-Kruibeke-Zwijndrecht, Oost-Vlaanderen)", "Beveren (gemeente Beveren-Kruibeke-Zwijndrecht) — 3 netwerken"},
		{"Kort", "Kortrijk", "Kortrijk (West-Vlaanderen) — dichtstbij: Perspectief, 13 km"},
		{"Genk", "Genk", "Genk (Limburg) — dichtstbij: Omarmen met vrije tijd, 10 km"},
		{"Laeken", "Laken", "Laeken → Laken (gemeente Brussel) — 2 netwerken"},
		{"Borgloon", "Borgloon", "Borgloon (gemeente Tongeren-Borgloon) — 2 netwerken"},
		{"Ommeland", "Ommeland", "Ommeland (West-Vlaanderen) — 1 netwerk"},
	}
	for _, tt := range tests {
		got := Choices(s.Corpus, "regio", "plaats-of-provincie", tt.typed)
		if len(got) == 0 || got[0].Value != tt.first || got[0].Name != tt.name {
			t.Errorf("choices for %q: %+v, want first %q named %q", tt.typed, got[:min(3, len(got))], tt.first, tt.name)
		}
	}
	// "Kort" offers every place starting so, Kortrijk among them.
	if got := choiceValues(Choices(s.Corpus, "regio", "plaats-of-provincie", "Kort")); len(got) < 5 || !slices.Contains(got, "Kortrijk") {
		t.Errorf("Kort: %v", got)
	}
}
