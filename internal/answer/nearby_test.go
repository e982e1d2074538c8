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
