// Package answer computes the answer to each command once, as a small value,
// from the corpus and the search index. The console, the command line's
// --json output and the Discord bot only render these values.
package answer

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/index"
	"github.com/bondgenoot/bondgenoot/internal/kaart"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// Service answers the bot's commands.
type Service struct {
	Corpus *content.Corpus
	Index  *index.Index

	maps kaart.Cache // rendered maps by their filters
}

// Ref is a short reference to a network or factor.
type Ref struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Place string `json:"place,omitempty"`
	Page  int    `json:"page,omitempty"`
	// Municipality and Province locate a place (candidates for a place name).
	Municipality string `json:"municipality,omitempty"`
	Province     string `json:"province,omitempty"`
}

// NotFoundError says that a name matched nothing or too much; Candidates are
// the closest names. Its message is Dutch and meant for users.
type NotFoundError struct {
	What       string // "netwerk", "succesfactor", "organisatie", …
	Query      string
	Ambiguous  bool
	Candidates []Ref
	// Hint is a sentence added after the message when nothing matched.
	Hint string
}

func (e *NotFoundError) Error() string {
	var b strings.Builder
	query := text.Truncate(strings.TrimSpace(e.Query), 80, "")
	switch {
	case strings.TrimSpace(e.Query) == "":
		fmt.Fprintf(&b, "Geef de naam van een %s.", e.What)
	case e.Ambiguous:
		fmt.Fprintf(&b, "\"%s\" past bij meer dan één %s.", query, e.What)
	default:
		fmt.Fprintf(&b, "Geen %s gevonden voor \"%s\".", e.What, query)
		if e.Hint != "" {
			b.WriteString(" " + e.Hint)
		}
	}
	if len(e.Candidates) > 0 {
		b.WriteString(" Bedoelde je: ")
		for i, c := range e.Candidates {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(c.Name)
		}
		b.WriteString("?")
	}
	return b.String()
}

// UserError is a problem with the user's input, with a Dutch message that can
// be shown as it is.
type UserError struct{ Message string }

func (e *UserError) Error() string { return e.Message }

// IsUserError reports whether err carries a message meant for the user.
func IsUserError(err error) bool {
	var nf *NotFoundError
	var ue *UserError
	var fe *content.FilterError
	return errors.As(err, &nf) || errors.As(err, &ue) || errors.As(err, &fe)
}

// UserMessage returns the Dutch message for err, or a generic apology for
// internal errors (whose text never reaches a user).
func UserMessage(err error) string {
	var fe *content.FilterError
	if errors.As(err, &fe) {
		msg := fmt.Sprintf("Ik ken geen %s \"%s\".", fe.Field, fe.Value)
		if len(fe.Suggestions) > 0 {
			msg += " Bedoelde je: " + strings.Join(fe.Suggestions, ", ") + "?"
		}
		return msg
	}
	var nf *NotFoundError
	if errors.As(err, &nf) {
		return nf.Error()
	}
	var ue *UserError
	if errors.As(err, &ue) {
		return ue.Message
	}
	return "Er ging iets mis aan mijn kant. Probeer het later nog eens."
}

func networkRef(n *content.Network) Ref {
	return Ref{ID: n.ID, Name: n.Name, Place: n.Place, Page: n.Page}
}

func networkRefs(ns []*content.Network) []Ref {
	out := make([]Ref, 0, len(ns))
	for _, n := range ns {
		out = append(out, networkRef(n))
	}
	return out
}

// NetworkList is a list of networks with a title that says what was asked.
type NetworkList struct {
	Title    string             `json:"title"`
	Networks []*content.Network `json:"networks"`
	// Note explains a list that is wider than what was asked (see
	// NetworksOrWider); empty otherwise.
	Note string `json:"note,omitempty"`
	// Nearby gives, for a list about a place, each network's distance
	// (see PlaceRegion); nil otherwise.
	Nearby *NearbyAnswer `json:"-"`
	// Province is, for a place without a network of its own, the province
	// whose list a reader may want next; empty otherwise.
	Province string `json:"-"`
}

// Networks answers `netwerken` with filters.
func (s *Service) Networks(f content.Filter) (*NetworkList, error) {
	ns, err := s.Corpus.FilterNetworks(f)
	if err != nil {
		return nil, err
	}
	return &NetworkList{Title: listTitle(s.Corpus, f), Networks: ns}, nil
}

// NetworksOrWider is Networks for chat answers: when a partner together with
// a theme or region matches nothing, it lists the partner's networks
// everywhere, with a note that says so, instead of an empty list.
func (s *Service) NetworksOrWider(f content.Filter) (*NetworkList, error) {
	l, err := s.Networks(f)
	if err != nil || len(l.Networks) > 0 || f.Partner == "" || f.Theme == "" && f.Province == "" && f.Municipality == "" {
		return l, err
	}
	wideFilter := content.Filter{Partner: f.Partner}
	wide, err := s.Networks(wideFilter)
	if err != nil || len(wide.Networks) == 0 {
		return l, nil
	}
	narrow := f
	narrow.Partner = ""
	where := strings.TrimPrefix(listTitle(s.Corpus, narrow), "Netwerken ")
	name := strings.TrimPrefix(wide.Title, "Netwerken met ")
	wide.Note = fmt.Sprintf("Geen enkel netwerk %s werkt samen met %s. Dit zijn alle netwerken met %s.", where, name, name)
	return wide, nil
}

func listTitle(c *content.Corpus, f content.Filter) string {
	var parts []string
	if f.Theme != "" {
		if t := c.FindTheme(f.Theme); t != nil {
			parts = append(parts, "rond "+t.Name)
		}
	}
	if f.Partner != "" {
		name := f.Partner
		if r := c.LookupPartner(f.Partner); r.Organisation != nil {
			name = r.Organisation.Name
		}
		parts = append(parts, "met "+name)
	}
	if f.Municipality != "" {
		parts = append(parts, "in "+c.FindPlace(f.Municipality))
	}
	if f.Province != "" {
		p, _ := content.FindProvince(f.Province)
		if f.Municipality != "" {
			parts = append(parts, "("+p+")")
		} else {
			parts = append(parts, "in "+p)
		}
	}
	if len(parts) == 0 {
		return "Alle lokale bondgenotennetwerken"
	}
	return "Netwerken " + strings.Join(parts, " ")
}

// NetworkCard is one network with the factors that feature it and related
// networks.
type NetworkCard struct {
	*content.Network
	Factors []Ref `json:"factors"`
	Related []Ref `json:"related"`
}

// Network answers `netwerk NAAM`.
func (s *Service) Network(name string) (*NetworkCard, error) {
	n, cands, ambiguous := s.Corpus.FindNetwork(name)
	if n == nil {
		return nil, &NotFoundError{What: "netwerk", Query: name, Ambiguous: ambiguous, Candidates: networkRefs(cands)}
	}
	card := &NetworkCard{Network: n, Factors: []Ref{}, Related: networkRefs(s.Corpus.Related(n, 5))}
	for _, f := range s.Corpus.FactorsFeaturing(n.ID) {
		card.Factors = append(card.Factors, Ref{ID: f.ID, Name: f.Title, Page: f.Page})
	}
	return card, nil
}

// PartnerNetwork is a network that names the organisation, with how the
// guide spelled it there.
type PartnerNetwork struct {
	Ref
	Province  string   `json:"province"`
	Themes    []string `json:"themes"`
	Summary   string   `json:"summary"`
	Spellings []string `json:"spellings"`
}

// PartnerAnswer answers `partner ORGANISATIE`.
type PartnerAnswer struct {
	Query        string           `json:"query"`
	Organisation string           `json:"organisation"`
	Aliases      []string         `json:"aliases"`
	Networks     []PartnerNetwork `json:"networks"`
}

// Partner answers `partner ORGANISATIE`.
func (s *Service) Partner(q string) (*PartnerAnswer, error) {
	if strings.TrimSpace(q) == "" {
		return nil, &UserError{"Geef de naam van een organisatie, bijvoorbeeld SAAMO of CAW."}
	}
	r := s.Corpus.LookupPartner(q)
	if len(r.Networks) == 0 {
		nf := &NotFoundError{What: "netwerk met die partner", Query: q}
		for _, sug := range r.Suggestions {
			nf.Candidates = append(nf.Candidates, Ref{Name: sug})
		}
		return nil, nf
	}
	a := &PartnerAnswer{Query: q, Organisation: q, Aliases: []string{}}
	if r.Organisation != nil {
		a.Organisation = r.Organisation.Name
		a.Aliases = append(a.Aliases, r.Organisation.Aliases...)
	}
	for _, m := range r.Networks {
		a.Networks = append(a.Networks, PartnerNetwork{Ref: networkRef(m.Network), Province: m.Network.Province,
			Themes: m.Network.Themes, Summary: m.Network.Summary, Spellings: m.Spellings})
	}
	return a, nil
}

// FactorSummary is a factor in the list of all factors.
type FactorSummary struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Page     int    `json:"page"`
	Order    int    `json:"order"`
	Examples int    `json:"examples"`
	Quotes   int    `json:"quotes"`
}

// FactorList answers `succesfactor` without a name.
type FactorList struct {
	Factors []FactorSummary `json:"factors"`
}

// Factors lists all success factors in the guide's order.
func (s *Service) Factors() *FactorList {
	l := &FactorList{}
	for _, f := range s.Corpus.Factors {
		l.Factors = append(l.Factors, FactorSummary{ID: f.ID, Title: f.Title, Page: f.Page, Order: f.Order, Examples: len(f.Examples), Quotes: len(f.Quotes)})
	}
	return l
}

// FactorCard is one success factor with its examples and quotes.
type FactorCard struct {
	*content.Factor
	// Of is the number of success factors in the guide ("3 van 13").
	Of int `json:"-"`
}

// Factor answers `succesfactor NAAM`.
func (s *Service) Factor(name string) (*FactorCard, error) {
	f, cands := s.Corpus.FindFactor(name)
	if f == nil {
		nf := &NotFoundError{What: "succesfactor", Query: name, Ambiguous: len(cands) > 1}
		for _, c := range cands {
			nf.Candidates = append(nf.Candidates, Ref{ID: c.ID, Name: c.Title, Page: c.Page})
		}
		return nil, nf
	}
	return &FactorCard{Factor: f, Of: len(s.Corpus.Factors)}, nil
}

// RandomFactor returns a factor chosen by r.
func (s *Service) RandomFactor(r *rand.Rand) *FactorCard {
	return &FactorCard{Factor: s.Corpus.RandomFactor(r), Of: len(s.Corpus.Factors)}
}

// Themes answers `themas`.
type Themes struct {
	Themes []content.Count `json:"themes"`
}

// ThemeCounts lists the themes with their network counts.
func (s *Service) ThemeCounts() *Themes { return &Themes{Themes: s.Corpus.ThemeCounts()} }

// Regions answers `regios`.
type Regions struct {
	Provinces []content.Count `json:"provinces"`
	Places    []content.Count `json:"places"`
}

// RegionCounts lists provinces and places with their network counts.
func (s *Service) RegionCounts() *Regions {
	return &Regions{Provinces: s.Corpus.ProvinceCounts(), Places: s.Corpus.PlaceCounts()}
}

// SortedFacets returns facet counts, most first, then by name.
func SortedFacets(counts map[string]int) []content.Count {
	out := make([]content.Count, 0, len(counts))
	for k, v := range counts {
		out = append(out, content.Count{Name: k, Count: v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// Theme answers `/thema`: the networks tagged with a theme.
func (s *Service) Theme(q string) (*NetworkList, error) {
	if strings.TrimSpace(q) == "" {
		return nil, &UserError{"Geef een thema, bijvoorbeeld onderwijs of vrije tijd."}
	}
	return s.Networks(content.Filter{Theme: q})
}

// Region answers `/regio`: the networks in a province, or in any place of
// Flanders and Brussels, or the nearest ones (see PlaceRegion).
func (s *Service) Region(q string) (*NetworkList, error) {
	return s.PlaceRegion(q, "")
}

func suggestProvince(q string) []string {
	var out []string
	for _, p := range content.Provinces {
		if strings.HasPrefix(strings.ToLower(p), strings.ToLower(strings.TrimSpace(q))) {
			out = append(out, p)
		}
	}
	return out
}
