package answer

import (
	"fmt"
	"strings"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/kaart"
)

// MapQuery asks for a map: the networks that match the filters are
// highlighted; with Place, the place is marked and the nearest of those
// networks are highlighted. Municipality is a filter like in a list (the
// networks that work there), and marks the place too.
type MapQuery struct {
	Theme, Province, Partner, Place string
	Municipality                    string
}

// NearestOnMap is how many networks a map around a place highlights, besides
// those that work in the place itself.
const NearestOnMap = 5

// MapAnswer is a rendered map and what is on it.
type MapAnswer struct {
	Title    string
	Picture  *kaart.Picture
	Networks []*content.Network // the highlighted networks
	Place    *content.Place     // the marked place, if any
	// Distance says, around a place, how far each network is ("3 km",
	// "in Gent"), by network id.
	Distance map[string]string
}

// Map answers `kaart` and /kaart. Unknown filters and places are user
// errors; maps are cached by their resolved filters.
func (s *Service) Map(q MapQuery) (*MapAnswer, error) {
	f := content.Filter{Theme: q.Theme, Province: q.Province, Partner: q.Partner}
	if q.Municipality != "" && q.Partner == "" && q.Province == "" {
		return s.placeListMap(q)
	}
	f.Municipality = q.Municipality
	list, err := s.Networks(f)
	if err != nil {
		return nil, err
	}
	var place *content.Place
	near := strings.TrimSpace(q.Place) != ""
	if near {
		if place, err = s.FindPlace(q.Place); err != nil {
			return nil, err
		}
	} else if f.Municipality != "" {
		// Mark the place of the list when the gazetteer knows it.
		place = s.Corpus.Gazetteer().FindPlace(s.Corpus.FindPlace(f.Municipality)).Place
	}
	selected := list.Networks
	detail := map[string]string{}
	title := list.Title
	if near {
		selected, detail = s.nearest(place, list.Networks)
		where := strings.TrimPrefix(list.Title, "Netwerken ")
		if list.Title == "Alle lokale bondgenotennetwerken" {
			title = "Netwerken dichtbij " + place.Name
		} else {
			title = "Netwerken " + where + " dichtbij " + place.Name
		}
	}
	return s.render(mapKey(s.Corpus, f, place, near), title, selected, detail, place)
}

// placeListMap is the map of the list /regio gives for a place: the
// networks in its municipality, or else the nearest, with the place marked.
func (s *Service) placeListMap(q MapQuery) (*MapAnswer, error) {
	l, err := s.PlaceRegion(q.Municipality, q.Theme)
	if err != nil {
		return nil, err
	}
	var place *content.Place
	detail := map[string]string{}
	if a := l.Nearby; a != nil {
		place = s.Corpus.Gazetteer().FindPlace(a.Label).Place
		if l.Note != "" { // the nearest: say how far
			for _, n := range a.Networks {
				detail[n.ID] = a.Distance(n)
			}
		}
	}
	key := "regio|" + l.Title
	if place != nil {
		key += "|" + place.Label()
	}
	return s.render(key, l.Title, l.Networks, detail, place)
}

// render draws a map, or takes it from the cache.
func (s *Service) render(key, title string, selected []*content.Network, detail map[string]string, place *content.Place) (*MapAnswer, error) {
	pic, err := s.maps.Get(key, func() (*kaart.Picture, error) {
		return kaart.Render(s.mapOf(title, selected, detail, place))
	})
	if err != nil {
		return nil, fmt.Errorf("render map: %w", err)
	}
	return &MapAnswer{Title: title, Picture: pic, Networks: selected, Place: place, Distance: detail}, nil
}

// MapCacheLen is the number of maps kept in the cache.
func (s *Service) MapCacheLen() int { return s.maps.Len() }

// mapKey is the cache key of a map: the filters as resolved, so that
// "vrijetijd" and "Vrije tijd" share one picture.
func mapKey(c *content.Corpus, f content.Filter, p *content.Place, near bool) string {
	var b strings.Builder
	if t := c.FindTheme(f.Theme); t != nil {
		b.WriteString(t.Name)
	}
	b.WriteByte('|')
	if pr, ok := content.FindProvince(f.Province); ok {
		b.WriteString(pr)
	}
	b.WriteByte('|')
	if f.Partner != "" {
		if r := c.LookupPartner(f.Partner); r.Organisation != nil {
			b.WriteString(r.Organisation.Name)
		} else {
			b.WriteString(strings.ToLower(strings.TrimSpace(f.Partner)))
		}
	}
	b.WriteByte('|')
	b.WriteString(c.FindPlace(f.Municipality))
	b.WriteByte('|')
	if p != nil {
		b.WriteString(p.Label())
	}
	if near {
		b.WriteString("|near")
	}
	return b.String()
}

// nearest picks, among ns, the networks that work in p and the
// NearestOnMap nearest others, with their distance for the legend.
func (s *Service) nearest(p *content.Place, ns []*content.Network) ([]*content.Network, map[string]string) {
	in := map[string]bool{}
	for _, n := range ns {
		in[n.ID] = true
	}
	all, _ := s.Corpus.NearbyNetworks(p, "")
	var out []*content.Network
	detail := map[string]string{}
	others := 0
	for _, nb := range all {
		if !in[nb.Network.ID] {
			continue
		}
		if !nb.Here {
			if others == NearestOnMap {
				continue
			}
			others++
		}
		out = append(out, nb.Network)
		if nb.Here {
			detail[nb.Network.ID] = "in " + p.Municipality
		} else {
			detail[nb.Network.ID] = FormatKm(nb.DistanceKm)
		}
	}
	return out, detail
}

// mapOf puts every network on the map, the selected ones highlighted and
// first, in their order (around a place: nearest first, and all of them in
// the legend with their distance).
func (s *Service) mapOf(title string, selected []*content.Network, detail map[string]string, place *content.Place) kaart.Map {
	sel := map[string]bool{}
	for _, n := range selected {
		sel[n.ID] = true
	}
	m := kaart.Map{Title: fmt.Sprintf("%s (%d)", title, len(selected))}
	add := func(n *content.Network) {
		if lat, lon, ok := networkPoint(s.Corpus, n); ok {
			m.Dots = append(m.Dots, kaart.Dot{ID: n.ID, Name: n.Name, Lat: lat, Lon: lon, Selected: sel[n.ID], Detail: detail[n.ID]})
		}
	}
	for _, n := range selected {
		add(n)
	}
	for _, n := range s.Corpus.Networks {
		if !sel[n.ID] {
			add(n)
		}
	}
	if place != nil {
		m.Place = &kaart.Place{Name: place.Name, Lat: place.Lat, Lon: place.Lon}
		m.ListAll = len(detail) > 0
	}
	return m
}

// networkPoint is where a network's dot goes: the middle of the places it
// works in (of its province's municipalities for a province-wide network).
func networkPoint(c *content.Corpus, n *content.Network) (lat, lon float64, ok bool) {
	loc := c.Location(n)
	if loc == nil || len(loc.Points) == 0 {
		return 0, 0, false
	}
	for _, p := range loc.Points {
		lat += p.Lat
		lon += p.Lon
	}
	k := float64(len(loc.Points))
	return lat / k, lon / k, true
}
