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
	// municipality, also when Networks was cut short; LocalCount counts
	// those of the municipality itself, not of the whole province, and
	// WideHere names those of the whole province.
	HereCount  int      `json:"-"`
	LocalCount int      `json:"-"`
	WideHere   []string `json:"-"`
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
		wide := s.Corpus.Location(n.Network).ProvinceWide
		if n.Here {
			a.HereCount++
			if wide {
				a.WideHere = append(a.WideHere, n.Network.Name)
			} else {
				a.LocalCount++
			}
		}
		if len(a.Networks) >= limit {
			continue
		}
		a.Networks = append(a.Networks, NearbyNetwork{
			ID: n.Network.ID, Name: n.Network.Name, Place: n.Network.Place, Province: n.Network.Province,
			Themes: n.Network.Themes, DistanceKm: math.Round(n.DistanceKm*10) / 10, Here: n.Here,
			ProvinceWide: wide,
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
	theme := themePart(a.Theme)
	wide := ""
	if len(a.WideHere) > 0 {
		wide = fmt.Sprintf(" Voor heel %s: %s.", a.Place.Province, strings.Join(a.WideHere, ", "))
	}
	if a.LocalCount > 0 {
		n := "netwerk werkt"
		if a.LocalCount > 1 {
			n = "netwerken werken"
		}
		if a.Place.Municipality != a.Place.Name {
			// Haren: the networks work in its municipality, not
			// necessarily in Haren itself.
			return fmt.Sprintf("%d %s%s in de gemeente %s, waar %s bij hoort.%s", a.LocalCount, n, theme, a.Place.Municipality, a.Place.Name, wide)
		}
		return fmt.Sprintf("%d %s%s in %s.%s", a.LocalCount, n, theme, a.Place.Name, wide)
	}
	var near []string
	more := false
	for _, n := range a.Networks {
		if n.Here {
			continue
		}
		if len(near) == 3 {
			more = true
			break
		}
		near = append(near, fmt.Sprintf("%s (%s, %s)", n.Name, n.Place, FormatKm(n.DistanceKm)))
	}
	msg := fmt.Sprintf("Geen netwerk%s in %s.%s", theme, a.Where(), wide)
	if len(near) > 0 {
		msg += " Dichtstbij: " + strings.Join(near, ", ")
		if more {
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

// PlaceRegion answers /regio for any province or place of Flanders and
// Brussels. A province lists its networks. A place lists the networks in its
// municipality (a network of the whole province after the local ones); a
// place without a network of its own lists the nearest networks, with a Note
// "Geen netwerk in Kortrijk. Dichtstbij: Perspectief (Waregem, 13 km), …"
// and Province set for a way to the province's list. An ambiguous place asks
// which one, with the candidates and their provinces.
// A theme, when not empty, keeps only the networks with that theme.
func (s *Service) PlaceRegion(q, theme string) (*NetworkList, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, &UserError{"Geef een provincie of een gemeente, bijvoorbeeld Limburg, Gent of Kortrijk."}
	}
	if _, ok := content.FindProvince(q); ok {
		return s.Networks(content.Filter{Province: q, Theme: theme})
	}
	r := s.Corpus.Gazetteer().FindPlace(q)
	if r.Place == nil {
		if !r.Ambiguous && s.Corpus.FindPlace(q) != "" {
			// A place as the guide names it, outside the gazetteer ("Ommeland").
			return s.Networks(content.Filter{Municipality: q, Theme: theme})
		}
		if r.Ambiguous {
			_, err := s.FindPlace(q)
			return nil, err
		}
		fe := &content.FilterError{Field: "provincie of gemeente", Value: q, Suggestions: suggestProvince(q)}
		for _, c := range r.Candidates {
			fe.Suggestions = append(fe.Suggestions, c.Label())
		}
		return nil, fe
	}
	return s.PlaceList(q, r.Place, theme)
}

// PlaceList lists the networks (with theme, when not empty) in a place's
// municipality, or else the nearest ones; see PlaceRegion.
func (s *Service) PlaceList(q string, p *content.Place, theme string) (*NetworkList, error) {
	a, err := s.NearbyPlace(q, p, theme, MaxNearbyLimit)
	if err != nil {
		return nil, err
	}
	l := &NetworkList{Nearby: a, Networks: []*content.Network{}}
	for _, n := range a.Networks {
		if n.Here {
			l.Networks = append(l.Networks, s.Corpus.Network(n.ID))
		}
	}
	if a.LocalCount > 0 {
		l.Title = "Netwerken" + themePart(a.Theme) + " in " + a.Where()
		return l, nil
	}
	// No network of its own: the nearest, with the way to the province.
	l.Networks = l.Networks[:0]
	for i, n := range a.Networks {
		if i == DefaultNearbyLimit && !n.Here {
			break
		}
		l.Networks = append(l.Networks, s.Corpus.Network(n.ID))
	}
	a.Networks = a.Networks[:len(l.Networks)]
	l.Title = a.Title()
	l.Note = a.Headline()
	l.Province = p.Province
	return l, nil
}

func themePart(theme string) string {
	if theme == "" {
		return ""
	}
	return " rond " + theme
}

// distance is " · 13 km" for a network in a list about a place that does
// not work there, " · heel Limburg" for one of the whole province, and ""
// otherwise.
func (l *NetworkList) distance(n *content.Network) string {
	if l.Nearby == nil {
		return ""
	}
	for _, nn := range l.Nearby.Networks {
		switch {
		case nn.ID != n.ID:
		case nn.Here && nn.ProvinceWide:
			return " · heel " + nn.Province
		case !nn.Here:
			return " · " + FormatKm(nn.DistanceKm)
		default:
			return ""
		}
	}
	return ""
}

// Distance is what a list about a place says of a network's distance: "13
// km", "heel Limburg", or "" for a network in the place's municipality or a
// list about no place.
func (l *NetworkList) Distance(n *content.Network) string {
	return strings.TrimPrefix(l.distance(n), " · ")
}
