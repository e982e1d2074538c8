package answer

import (
	"errors"
	"strings"
	"testing"

	"github.com/bondgenoot/bondgenoot/content"
)

func TestMapCachedByResolvedFilters(t *testing.T) {
	s := service(t)
	a, err := s.Map(MapQuery{Theme: "vrijetijd"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Map(MapQuery{Theme: "Vrije tijd"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Picture != b.Picture {
		t.Errorf("two spellings of one theme rendered two pictures, want one kept")
	}
	if got := s.MapCacheLen(); got != 1 {
		t.Errorf("MapCacheLen = %d, want 1", got)
	}
	if a.Title != "Netwerken rond vrije tijd" || len(a.Networks) != 14 || a.Picture.Highlighted != 14 {
		t.Errorf("got %q with %d networks (%d highlighted), want Netwerken rond vrije tijd with 14", a.Title, len(a.Networks), a.Picture.Highlighted)
	}
}

func TestMapAroundPlace(t *testing.T) {
	s := service(t)
	tests := []struct {
		query     MapQuery
		title     string
		here      int // networks in the place itself
		wantPlace string
	}{
		{MapQuery{Place: "Gent"}, "Netwerken dichtbij Gent", 4, "Gent"},
		{MapQuery{Place: "kortrijk"}, "Netwerken dichtbij Kortrijk", 0, "Kortrijk"},
		{MapQuery{Place: "Genk", Theme: "onderwijs"}, "Netwerken rond onderwijs dichtbij Genk", 1, "Genk"},
	}
	for _, tc := range tests {
		t.Run(tc.query.Place, func(t *testing.T) {
			m, err := s.Map(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			if m.Title != tc.title {
				t.Errorf("title = %q, want %q", m.Title, tc.title)
			}
			if m.Place == nil || m.Place.Name != tc.wantPlace {
				t.Fatalf("place = %v, want %s", m.Place, tc.wantPlace)
			}
			if got, want := len(m.Networks), tc.here+NearestOnMap; got != want {
				t.Errorf("%d networks, want %d in the place and %d nearest", got, tc.here, NearestOnMap)
			}
			if m.Picture.Highlighted != len(m.Networks) {
				t.Errorf("highlighted %d, want %d", m.Picture.Highlighted, len(m.Networks))
			}
			// Nearest first: each network is no further than the next.
			loc := func(i int) float64 { return s.Corpus.Location(m.Networks[i]).DistanceKm(m.Place) }
			for i := 1; i < len(m.Networks); i++ {
				if loc(i-1) > loc(i) {
					t.Errorf("%s (%.1f km) before %s (%.1f km)", m.Networks[i-1].ID, loc(i-1), m.Networks[i].ID, loc(i))
				}
			}
		})
	}
}

func TestMapErrors(t *testing.T) {
	s := service(t)
	tests := []struct {
		query     MapQuery
		ambiguous bool
		want      string
	}{
		{MapQuery{Theme: "sport"}, false, `Ik ken geen thema "sport"`},
		{MapQuery{Partner: "Xyzzy"}, false, "Xyzzy"},
		{MapQuery{Place: "Parijs"}, false, `Geen plaats gevonden voor "Parijs"`},
		{MapQuery{Place: "Halle"}, true, "Halle (Vlaams-Brabant)"},
	}
	for _, tc := range tests {
		_, err := s.Map(tc.query)
		if !IsUserError(err) {
			t.Errorf("%+v: err = %v, want a user error", tc.query, err)
			continue
		}
		if msg := UserMessage(err); !strings.Contains(msg, tc.want) {
			t.Errorf("%+v: message %q, want it to contain %q", tc.query, msg, tc.want)
		}
		var nf *NotFoundError
		if errors.As(err, &nf) && nf.Ambiguous != tc.ambiguous {
			t.Errorf("%+v: ambiguous = %v, want %v", tc.query, nf.Ambiguous, tc.ambiguous)
		}
	}
	if s.MapCacheLen() != 0 {
		t.Errorf("errors were cached: %d maps", s.MapCacheLen())
	}
}

// BenchmarkMap is /kaart's answer time: a map already asked for comes from
// the cache; "uncached" renders every time.
func BenchmarkMap(b *testing.B) {
	c, err := content.Default()
	if err != nil {
		b.Fatal(err)
	}
	q := MapQuery{Theme: "onderwijs", Place: "Gent"}
	b.Run("cached", func(b *testing.B) {
		s := &Service{Corpus: c}
		for b.Loop() {
			if _, err := s.Map(q); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("uncached", func(b *testing.B) {
		for b.Loop() {
			s := &Service{Corpus: c}
			if _, err := s.Map(q); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestMapOfAPlaceList(t *testing.T) {
	s := service(t)
	m, err := s.Map(MapQuery{Municipality: "gent"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != "Netwerken in Gent" || len(m.Networks) != 4 || m.Place == nil || m.Place.Name != "Gent" {
		t.Errorf("got %q, %d networks, place %v; want Netwerken in Gent, 4, Gent marked", m.Title, len(m.Networks), m.Place)
	}
	near, err := s.Map(MapQuery{Place: "gent"})
	if err != nil {
		t.Fatal(err)
	}
	if near.Picture == m.Picture {
		t.Errorf("the list of Gent and the map around Gent share a picture")
	}
}

// The map of /regio Kortrijk, where no network works: the nearest, as the
// list shows them, with their distance.
func TestMapOfAPlaceWithoutNetworks(t *testing.T) {
	s := service(t)
	l, err := s.Region("Kortrijk")
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.Map(MapQuery{Municipality: "Kortrijk"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != l.Title || len(m.Networks) != len(l.Networks) || m.Place == nil || m.Place.Name != "Kortrijk" {
		t.Fatalf("got %q with %d networks, place %v; want the list %q with %d, Kortrijk marked", m.Title, len(m.Networks), m.Place, l.Title, len(l.Networks))
	}
	for i, n := range m.Networks {
		if n.ID != l.Networks[i].ID {
			t.Errorf("network %d: %s, the list has %s", i, n.ID, l.Networks[i].ID)
		}
		if !strings.HasSuffix(m.Distance[n.ID], " km") {
			t.Errorf("%s: distance %q", n.ID, m.Distance[n.ID])
		}
	}
}
