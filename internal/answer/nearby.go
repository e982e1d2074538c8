package answer

import (
	"fmt"
	"math"
	"strings"

	"github.com/bondgenoot/bondgenoot/content"
)

// NearbyPlace is the place a "dichtbij" answer is about.
type NearbyPlace struct {
	Name         string  `json:"name"`
	Municipality string  `json:"municipality"`
	Province     string  `json:"province"`
	Lat          float64 `json:"lat"`
	Lon          float64 `json:"lon"`
}

// NearbyNetwork is a network with its distance from the place.
type NearbyNetwork struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Place      string   `json:"place"`
	Province   string   `json:"province"`
	Themes     []string `json:"themes"`
	DistanceKm float64  `json:"distance_km"`

	// Here is true for a network in the place's municipality (0 km).
	Here bool `json:"-"`
	// ProvinceWide is true for a network that covers its whole province.
	ProvinceWide bool `json:"-"`
}

// NearbyAnswer answers `dichtbij PLAATS`: the networks nearest to a place,
// nearest first, 0 km for those in its municipality.
type NearbyAnswer struct {
	Query    string          `json:"query"`
	Place    NearbyPlace     `json:"place"`
	Networks []NearbyNetwork `json:"networks"`

	// Theme is the theme the networks were filtered on, as named in the
	// guide ("" for none).
	Theme string `json:"-"`
	// HereCount is how many networks (with the theme) work in the place's
	// municipality, also when Networks was cut short.
	HereCount int `json:"-"`
	// Label names the place unambiguously ("Halle (Vlaams-Brabant)").
	Label string `json:"-"`
}

// Nearest limits of `dichtbij`.
const (
	DefaultNearbyLimit = 5
	MaxNearbyLimit     = 50
)

// Nearby answers `dichtbij`: the limit networks nearest to the place q
// (with theme, when not empty). An ambiguous place returns a NotFoundError
// with the candidates and their provinces, never a guess.
func (s *Service) Nearby(q, theme string, limit int) (*NearbyAnswer, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, &UserError{"Geef een plaats, bijvoorbeeld Kortrijk, Borgloon of Halle (Vlaams-Brabant)."}
	}
	p, err := s.FindPlace(q)
	if err != nil {
		return nil, err
	}
	return s.NearbyPlace(q, p, theme, limit)
}

// NearbyPlace is Nearby for a place already found.
func (s *Service) NearbyPlace(q string, p *content.Place, theme string, limit int) (*NearbyAnswer, error) {
	if limit <= 0 {
		limit = DefaultNearbyLimit
	}
	limit = min(limit, MaxNearbyLimit)
	near, err := s.Corpus.NearbyNetworks(p, theme)
	if err != nil {
		return nil, err
	}
	a := &NearbyAnswer{
		Query:    q,
		Place:    NearbyPlace{Name: p.Name, Municipality: p.Municipality, Province: p.Province, Lat: p.Lat, Lon: p.Lon},
		Networks: []NearbyNetwork{},
		Label:    p.Label(),
	}
	if t := s.Corpus.FindTheme(theme); theme != "" && t != nil {
		a.Theme = t.Name
	}
	for _, n := range near {
		if n.Here {
			a.HereCount++
		}
		if len(a.Networks) >= limit {
			continue
		}
		a.Networks = append(a.Networks, NearbyNetwork{
			ID: n.Network.ID, Name: n.Network.Name, Place: n.Network.Place, Province: n.Network.Province,
			Themes: n.Network.Themes, DistanceKm: math.Round(n.DistanceKm*10) / 10, Here: n.Here,
			ProvinceWide: s.Corpus.Location(n.Network).ProvinceWide,
		})
	}
	return a, nil
}

// FindPlace resolves a place name for the user: an unknown name gives the
// closest names, an ambiguous one the candidates with their provinces.
func (s *Service) FindPlace(q string) (*content.Place, error) {
	r := s.Corpus.Gazetteer().FindPlace(q)
	if r.Place != nil {
		return r.Place, nil
	}
	nf := &NotFoundError{What: "plaats", Query: q, Ambiguous: r.Ambiguous}
	if !r.Ambiguous {
		nf.Hint = "Ik ken alle gemeenten en deelgemeenten van Vlaanderen en Brussel."
	}
	for _, c := range r.Candidates {
		nf.Candidates = append(nf.Candidates, PlaceRef(c))
	}
	return nil, nf
}

// PlaceRef refers to a place by its label, which finds it back.
func PlaceRef(p *content.Place) Ref {
	return Ref{ID: p.Label(), Name: p.Label(), Municipality: p.Municipality, Province: p.Province}
}

// FormatKm writes a distance the Dutch way: "13 km", "3,4 km".
func FormatKm(km float64) string {
	if km >= 10 {
		return fmt.Sprintf("%.0f km", km)
	}
	return strings.Replace(fmt.Sprintf("%.1f km", km), ".", ",", 1)
}

// Title says what the answer lists: "Netwerken dichtbij Kortrijk".
func (a *NearbyAnswer) Title() string {
	t := "Netwerken"
	if a.Theme != "" {
		t += " rond " + a.Theme
	}
	return t + " dichtbij " + a.Place.Name
}

// Where names the place and, for a sub-municipality, its municipality:
// "Ekeren (gemeente Antwerpen)".
func (a *NearbyAnswer) Where() string {
	if a.Place.Municipality != a.Place.Name {
		return fmt.Sprintf("%s (gemeente %s)", a.Place.Name, a.Place.Municipality)
	}
	return a.Place.Name
}

// Headline is the answer's first sentence: how many networks work in the
// place, or "Geen netwerk in Kortrijk. Dichtstbij: Perspectief (Waregem,
// 13 km), …".
func (a *NearbyAnswer) Headline() string {
	theme := ""
	if a.Theme != "" {
		theme = " rond " + a.Theme
	}
	if a.HereCount > 0 {
		n := "netwerk werkt"
		if a.HereCount > 1 {
			n = "netwerken werken"
		}
		return fmt.Sprintf("%d %s%s in %s.", a.HereCount, n, theme, a.Where())
	}
	var near []string
	for i, n := range a.Networks {
		if i == 3 {
			break
		}
		near = append(near, fmt.Sprintf("%s (%s, %s)", n.Name, n.Place, FormatKm(n.DistanceKm)))
	}
	msg := fmt.Sprintf("Geen netwerk%s in %s.", theme, a.Where())
	if len(near) > 0 {
		msg += " Dichtstbij: " + strings.Join(near, ", ")
		if len(a.Networks) > len(near) {
			msg += ", …"
		} else {
			msg += "."
		}
	}
	return msg
}

// Distance renders a network's distance: "in Gent" for one in the place's
// municipality, else "13 km".
func (a *NearbyAnswer) Distance(n NearbyNetwork) string {
	if n.Here {
		if n.ProvinceWide {
			return "in heel " + n.Province
		}
		return "in " + a.Place.Municipality
	}
	return FormatKm(n.DistanceKm)
}

// Text renders the answer for the console and the command line.
func (a *NearbyAnswer) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n%s\n", a.Title(), a.Place.Province, a.Headline())
	for _, n := range a.Networks {
		fmt.Fprintf(&b, "- %s — %s (%s): %s\n", n.Name, n.Place, n.Province, a.Distance(n))
	}
	if a.HereCount > len(a.Networks) {
		fmt.Fprintf(&b, "Nog %d netwerken in %s: vraag er meer met --limit.\n", a.HereCount-len(a.Networks), a.Place.Municipality)
	}
	return b.String()
}
