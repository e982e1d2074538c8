package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestNearbyJSON(t *testing.T) {
	r := mustRun(t, exitOK, "dichtbij", "--json", "Kortrijk")
	var top map[string]json.RawMessage
	decode(t, r.stdout, &top)
	if got := mapKeys(top); !slices.Equal(got, []string{"networks", "place", "query"}) {
		t.Fatalf("keys = %v, want query, place, networks", got)
	}
	var place map[string]json.RawMessage
	decode(t, string(top["place"]), &place)
	if got := mapKeys(place); !slices.Equal(got, []string{"lat", "lon", "municipality", "name", "province"}) {
		t.Errorf("place keys = %v", got)
	}
	var nets []map[string]json.RawMessage
	decode(t, string(top["networks"]), &nets)
	if len(nets) != 5 {
		t.Fatalf("%d networks, want the default 5", len(nets))
	}
	for i, n := range nets {
		if got := mapKeys(n); !slices.Equal(got, []string{"distance_km", "id", "name", "place", "province", "themes"}) {
			t.Errorf("networks[%d] keys = %v", i, got)
		}
	}
	var a struct {
		Query string
		Place struct {
			Name, Municipality, Province string
			Lat, Lon                     float64
		}
		Networks []struct {
			ID, Place  string
			DistanceKm float64 `json:"distance_km"`
		}
	}
	decode(t, r.stdout, &a)
	if a.Query != "Kortrijk" || a.Place.Name != "Kortrijk" || a.Place.Province != "West-Vlaanderen" || a.Place.Lat < 50.8 || a.Place.Lat > 50.9 {
		t.Errorf("query/place = %q %+v", a.Query, a.Place)
	}
	if a.Networks[0].ID != "perspectief" || a.Networks[0].Place != "Waregem" || a.Networks[0].DistanceKm < 12 || a.Networks[0].DistanceKm > 14 {
		t.Errorf("nearest = %+v, want Perspectief in Waregem at about 13 km", a.Networks[0])
	}
}

func TestNearbyOptions(t *testing.T) {
	r := mustRun(t, exitOK, "dichtbij", "--limit", "2", "--thema", "onderwijs", "Gent", "--json")
	var a struct {
		Networks []struct {
			Themes     []string
			DistanceKm float64 `json:"distance_km"`
		}
	}
	decode(t, r.stdout, &a)
	if len(a.Networks) != 2 {
		t.Fatalf("%d networks, want 2", len(a.Networks))
	}
	for _, n := range a.Networks {
		if !slices.Contains(n.Themes, "onderwijs") || n.DistanceKm != 0 {
			t.Errorf("network %+v: want onderwijs in Gent at 0 km", n)
		}
	}
	// Several words are one place.
	mustRun(t, exitOK, "dichtbij", "Sint", "Niklaas")
	mustRun(t, exitUsage, "dichtbij", "--limit", "0", "Gent")
	mustRun(t, exitUsage, "dichtbij", "--straal", "5", "Gent")
}

func TestNearbyText(t *testing.T) {
	r := mustRun(t, exitOK, "dichtbij", "Kortrijk")
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	if lines[0] != "Netwerken dichtbij Kortrijk (West-Vlaanderen)" {
		t.Errorf("title = %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], "Geen netwerk in Kortrijk. Dichtstbij: Perspectief (Waregem, 13 km)") {
		t.Errorf("headline = %q", lines[1])
	}
	if want := "- Perspectief — Waregem (West-Vlaanderen): 13 km"; lines[2] != want {
		t.Errorf("first line = %q, want %q", lines[2], want)
	}
	r = mustRun(t, exitOK, "dichtbij", "Borgloon")
	if !strings.Contains(r.stdout, "1 netwerk werkt in de gemeente Tongeren-Borgloon, waar Borgloon bij hoort. Voor heel Limburg: EDU-Sherpa.") || !strings.Contains(r.stdout, ": in Tongeren-Borgloon") {
		t.Errorf("Borgloon text:\n%s", r.stdout)
	}
}

func TestNearbyNotFound(t *testing.T) {
	tests := []struct {
		args       []string
		message    string
		candidates []string // provinces
	}{
		{[]string{"Halle"}, `"Halle" past bij meer dan één plaats`, []string{"Vlaams-Brabant", "Antwerpen"}},
		{[]string{"Beveren"}, "past bij meer dan één plaats", []string{"Oost-Vlaanderen", "West-Vlaanderen"}},
		{[]string{"Kortrik"}, `Geen plaats gevonden voor "Kortrik"`, []string{"West-Vlaanderen"}},
		{[]string{"Parijs"}, `Geen plaats gevonden voor "Parijs"`, nil},
		{[]string{}, "Geef een plaats", nil},
	}
	for _, tt := range tests {
		args := append([]string{"dichtbij", "--json"}, tt.args...)
		r := mustRun(t, exitNotFound, args...)
		var out struct {
			Error      string
			Candidates []struct{ ID, Name, Municipality, Province string }
		}
		decode(t, r.stdout, &out)
		if !strings.Contains(out.Error, tt.message) || out.Candidates == nil {
			t.Errorf("%v: %+v, want error %q and a candidates list", tt.args, out, tt.message)
		}
		var provinces []string
		for _, c := range out.Candidates {
			provinces = append(provinces, c.Province)
			// A candidate's name finds exactly that place.
			mustRun(t, exitOK, "dichtbij", c.Name)
		}
		for _, p := range tt.candidates {
			if !slices.Contains(provinces, p) {
				t.Errorf("%v: candidates %+v lack %s", tt.args, out.Candidates, p)
			}
		}
		// Without --json the message goes to standard error.
		r = mustRun(t, exitNotFound, append([]string{"dichtbij"}, tt.args...)...)
		if !strings.Contains(r.stderr, tt.message) || r.stdout != "" {
			t.Errorf("%v text: stdout %q stderr %q", tt.args, r.stdout, r.stderr)
		}
	}
}
