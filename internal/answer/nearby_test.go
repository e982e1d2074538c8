package answer

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestNearbyEveryMunicipality walks every municipality of Flanders and
// Brussels through `dichtbij`: each gets its province, and networks sorted
// by distance, with 0 km exactly for those in the municipality.
func TestNearbyEveryMunicipality(t *testing.T) {
	s := service(t)
	munis := s.Corpus.Gazetteer().Municipalities()
	if len(munis) != 304 {
		t.Fatalf("%d municipalities, want 285 Flemish and 19 Brussels ones", len(munis))
	}
	withNetwork := 0
	for _, m := range munis {
		a, err := s.Nearby(m.Label(), "", 5)
		if err != nil {
			t.Errorf("Nearby(%q): %v", m.Label(), err)
			continue
		}
		if a.Place.Name != m.Name || a.Place.Municipality != m.Name || a.Place.Province != m.Province || a.Place.Province == "" {
			t.Errorf("Nearby(%q).Place = %+v, want %s in %s", m.Label(), a.Place, m.Name, m.Province)
		}
		if len(a.Networks) != 5 {
			t.Errorf("Nearby(%q): %d networks, want 5", m.Label(), len(a.Networks))
			continue
		}
		for i, n := range a.Networks {
			if n.DistanceKm < 0 || n.DistanceKm > 250 {
				t.Errorf("Nearby(%q): %s at %.1f km", m.Label(), n.ID, n.DistanceKm)
			}
			if n.Here != (n.DistanceKm == 0) {
				t.Errorf("Nearby(%q): %s here=%v at %.1f km", m.Label(), n.ID, n.Here, n.DistanceKm)
			}
			if i > 0 && n.DistanceKm < a.Networks[i-1].DistanceKm {
				t.Errorf("Nearby(%q): not nearest first at %d", m.Label(), i)
			}
		}
		if a.HereCount > 0 {
			withNetwork++
		}
		if a.Headline() == "" || !strings.Contains(a.Text(), m.Name) {
			t.Errorf("Nearby(%q): text %q lacks the place", m.Label(), a.Text())
		}
	}
	// About 40 municipalities have a network of their own; the 38 of
	// Limburg all have EDU-Sherpa.
	if withNetwork < 60 || withNetwork > 100 {
		t.Errorf("%d municipalities have a network in them, want the ~40 of the guide and all of Limburg", withNetwork)
	}
}

func TestNearbyKortrijk(t *testing.T) {
	a, err := service(t).Nearby("Kortrijk", "", 5)
	if err != nil {
		t.Fatal(err)
	}
	want := "Geen netwerk in Kortrijk. Dichtstbij: Perspectief (Waregem, 13 km), "
	if got := a.Headline(); !strings.HasPrefix(got, want) {
		t.Errorf("Headline() = %q, want it to start with %q", got, want)
	}
}

func TestNearbyPlaces(t *testing.T) {
	s := service(t)
	tests := []struct {
		query, municipality, province, here string // here: a network at 0 km
	}{
		{"Gent", "Gent", "Oost-Vlaanderen", "ervaringskennis-nieuw-gent"},
		{"Laeken", "Brussel", "Brussel", "vitamine-a"},
		{"Ekeren", "Antwerpen", "Antwerpen", "ekers-bondgenotennetwerk"},
		{"Borgloon", "Tongeren-Borgloon", "Limburg", "jongeren-aan-zet"},
		{"Tongeren", "Tongeren-Borgloon", "Limburg", "jongeren-aan-zet"},
		{"Hoeselt", "Bilzen-Hoeselt", "Limburg", "omarmen-met-vrije-tijd"},
		{"Moerbeke-Waas", "Lokeren", "Oost-Vlaanderen", "ademruimte"},
		{"Meulebeke", "Tielt", "West-Vlaanderen", "poelberg"},
		{"Zwijndrecht", "Beveren-Kruibeke-Zwijndrecht", "Oost-Vlaanderen", "springplank"},
		{"Tielt (West-Vlaanderen)", "Tielt", "West-Vlaanderen", "poelberg"},
	}
	for _, tt := range tests {
		a, err := s.Nearby(tt.query, "", 10)
		if err != nil {
			t.Errorf("Nearby(%q): %v", tt.query, err)
			continue
		}
		if got, want := [2]string{a.Place.Municipality, a.Place.Province}, [2]string{tt.municipality, tt.province}; got != want {
			t.Errorf("Nearby(%q) place = %v, want %v", tt.query, got, want)
		}
		found := false
		for _, n := range a.Networks {
			found = found || n.ID == tt.here && n.DistanceKm == 0 && n.Here
		}
		if !found || a.Networks[0].DistanceKm != 0 {
			t.Errorf("Nearby(%q): %s not at 0 km among %+v", tt.query, tt.here, a.Networks)
		}
	}
}

func TestNearbyErrors(t *testing.T) {
	s := service(t)
	tests := []struct {
		query, theme, want string
		candidates         []string
	}{
		{"", "", "Geef een plaats", nil},
		{"Halle", "", `"Halle" past bij meer dan één plaats. Bedoelde je: Halle (Vlaams-Brabant), Halle (Zoersel, Antwerpen)?`,
			[]string{"Vlaams-Brabant", "Antwerpen"}},
		{"Beveren", "", "past bij meer dan één plaats", []string{"Oost-Vlaanderen", "West-Vlaanderen"}},
		{"Tielt", "", "past bij meer dan één plaats", []string{"West-Vlaanderen", "Vlaams-Brabant"}},
		{"Kortrik", "", `Geen plaats gevonden voor "Kortrik". Ik ken alle gemeenten`, []string{"West-Vlaanderen"}},
		{"Gent", "ruimtevaart", `Ik ken geen thema "ruimtevaart"`, nil},
	}
	for _, tt := range tests {
		_, err := s.Nearby(tt.query, tt.theme, 5)
		if err == nil || !IsUserError(err) || !strings.Contains(UserMessage(err), tt.want) {
			t.Errorf("Nearby(%q, %q) error = %v, want a user error with %q", tt.query, tt.theme, err, tt.want)
			continue
		}
		var nf *NotFoundError
		if !errors.As(err, &nf) {
			continue
		}
		var provinces []string
		for _, c := range nf.Candidates {
			provinces = append(provinces, c.Province)
		}
		for _, p := range tt.candidates {
			if !slices.Contains(provinces, p) {
				t.Errorf("Nearby(%q) candidates %v lack province %s", tt.query, nf.Candidates, p)
			}
		}
	}
}

func TestNearbyThemeAndLimit(t *testing.T) {
	s := service(t)
	a, err := s.Nearby("Brugge", "Vrije tijd", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Networks) != 3 || a.Theme != "vrije tijd" || !strings.HasPrefix(a.Title(), "Netwerken rond vrije tijd dichtbij Brugge") {
		t.Errorf("got %d networks, theme %q, title %q", len(a.Networks), a.Theme, a.Title())
	}
	for _, n := range a.Networks {
		if !slices.Contains(n.Themes, "vrije tijd") {
			t.Errorf("%s lacks the theme", n.ID)
		}
	}
	a, _ = s.Nearby("Antwerpen", "", 2)
	if len(a.Networks) != 2 || a.HereCount < 6 || !strings.Contains(a.Text(), "Nog ") {
		t.Errorf("limit 2 in Antwerpen: %d networks, %d here, text %q", len(a.Networks), a.HereCount, a.Text())
	}
}

func TestFormatKm(t *testing.T) {
	tests := []struct {
		km   float64
		want string
	}{{13.1, "13 km"}, {3.44, "3,4 km"}, {0, "0,0 km"}, {120.6, "121 km"}}
	for _, tt := range tests {
		if got := FormatKm(tt.km); got != tt.want {
			t.Errorf("FormatKm(%v) = %q, want %q", tt.km, got, tt.want)
		}
	}
}

// TestPlaceRegionEveryMunicipality walks every municipality through the
// /regio answer: the networks there, or the nearest with the province.
func TestPlaceRegionEveryMunicipality(t *testing.T) {
	s := service(t)
	g := s.Corpus.Gazetteer()
	for _, m := range g.Municipalities() {
		l, err := s.PlaceRegion(m.Label(), "")
		if err != nil {
			t.Errorf("PlaceRegion(%q): %v", m.Label(), err)
			continue
		}
		if len(l.Networks) == 0 || l.Nearby == nil || l.Nearby.Place.Province != m.Province {
			t.Errorf("PlaceRegion(%q): %d networks, nearby %v", m.Label(), len(l.Networks), l.Nearby)
			continue
		}
		if l.Nearby.LocalCount > 0 {
			for _, n := range l.Networks {
				if !s.Corpus.Location(n).In(m) {
					t.Errorf("PlaceRegion(%q) lists %s, which does not work there", m.Label(), n.ID)
				}
			}
			if l.Province != "" || !strings.HasPrefix(l.Title, "Netwerken in "+m.Name) {
				t.Errorf("PlaceRegion(%q): title %q, province %q", m.Label(), l.Title, l.Province)
			}
			continue
		}
		if !strings.HasPrefix(l.Note, "Geen netwerk in "+m.Name+".") || !strings.Contains(l.Note, " km") || l.Province != m.Province {
			t.Errorf("PlaceRegion(%q): note %q, province %q", m.Label(), l.Note, l.Province)
		}
		if len(l.Networks) != len(l.Nearby.Networks) {
			t.Errorf("PlaceRegion(%q): %d networks but %d distances", m.Label(), len(l.Networks), len(l.Nearby.Networks))
		}
	}
}

func TestPlaceRegion(t *testing.T) {
	s := service(t)
	tests := []struct {
		query, title, note string
		networks           int
	}{
		{"Limburg", "Netwerken in Limburg", "", 6},
		{"Antwerpen", "Netwerken in Antwerpen", "", 14}, // the province
		{"Gent", "Netwerken in Gent", "", 4},
		{"Ekeren", "Netwerken in Ekeren (gemeente Antwerpen)", "", 7},
		{"Borgloon", "Netwerken in Borgloon (gemeente Tongeren-Borgloon)", "", 2},
		{"Tielt (West-Vlaanderen)", "Netwerken in Tielt", "", 1},
		{"Ommeland", "Netwerken in Ommeland", "", 1},
		{"Kortrijk", "Netwerken dichtbij Kortrijk", "Geen netwerk in Kortrijk. Dichtstbij: Perspectief (Waregem, 13 km), ", 5},
		{"Genk", "Netwerken dichtbij Genk", "Geen netwerk in Genk. Voor heel Limburg: EDU-Sherpa. Dichtstbij: ", 5},
	}
	for _, tt := range tests {
		l, err := s.PlaceRegion(tt.query, "")
		if err != nil {
			t.Errorf("PlaceRegion(%q): %v", tt.query, err)
			continue
		}
		if l.Title != tt.title || !strings.HasPrefix(l.Note, tt.note) || len(l.Networks) != tt.networks {
			t.Errorf("PlaceRegion(%q) = %q, note %q, %d networks; want %q, %q…, %d", tt.query, l.Title, l.Note, len(l.Networks), tt.title, tt.note, tt.networks)
		}
	}
	for q, want := range map[string]string{
		"Tielt":    `"Tielt" past bij meer dan één plaats. Bedoelde je: Tielt (West-Vlaanderen), Tielt (Tielt-Winge, Vlaams-Brabant)?`,
		"Kortrik":  `Ik ken geen provincie of gemeente "Kortrik". Bedoelde je: Kortrijk (West-Vlaanderen)`,
		"Atlantis": `Ik ken geen provincie of gemeente "Atlantis".`,
		"":         "Geef een provincie of een gemeente",
	} {
		_, err := s.PlaceRegion(q, "")
		if err == nil || !IsUserError(err) || !strings.HasPrefix(UserMessage(err), want) {
			t.Errorf("PlaceRegion(%q) error = %v, want %q", q, err, want)
		}
	}
}

func TestPlaceRegionTheme(t *testing.T) {
	s := service(t)
	for _, q := range []string{"Kortrijk", "Gent", "Limburg", "Ommeland"} {
		l, err := s.PlaceRegion(q, "onderwijs")
		if err != nil {
			t.Errorf("PlaceRegion(%q, onderwijs): %v", q, err)
			continue
		}
		if len(l.Networks) == 0 {
			t.Errorf("PlaceRegion(%q, onderwijs): no networks", q)
		}
		for _, n := range l.Networks {
			if !slices.Contains(n.Themes, "onderwijs") {
				t.Errorf("PlaceRegion(%q, onderwijs) lists %s without the theme", q, n.ID)
			}
		}
	}
}
