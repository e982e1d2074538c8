package answer

import (
	"strings"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// PassageCard is one chapter of the guide outside the networks and the
// success factors (Voorwoord, Wat is armoede?, …).
type PassageCard struct {
	*content.Passage
}

// Passage answers the chapter with id or title q.
func (s *Service) Passage(q string) (*PassageCard, error) {
	key := text.Compact(q)
	var cands []Ref
	for _, p := range s.Corpus.Passages {
		if p.ID == q || text.Compact(p.Title) == key || text.Compact(p.ID) == key {
			return &PassageCard{Passage: p}, nil
		}
		cands = append(cands, Ref{ID: p.ID, Name: p.Title, Page: p.Page})
	}
	return nil, &NotFoundError{What: "hoofdstuk", Query: q, Candidates: cands}
}

// Card kinds of Exact.
const (
	ExactNetwork = "netwerk"
	ExactFactor  = "factor"
	ExactPassage = "hoofdstuk"
)

// Exact returns what a query names exactly — the name or an alias of a
// network, the title of a success factor or of a chapter, ignoring case,
// accents and punctuation — as its kind and id; ok is false when it names
// none of these.
func (s *Service) Exact(q string) (kind, id string, ok bool) {
	key := text.Compact(q)
	if key == "" || s == nil || s.Corpus == nil {
		return "", "", false
	}
	for _, n := range s.Corpus.Networks {
		for _, name := range append([]string{n.Name}, n.Aliases...) {
			if text.Compact(name) == key {
				return ExactNetwork, n.ID, true
			}
		}
	}
	for _, f := range s.Corpus.Factors {
		if text.Compact(f.Title) == key {
			return ExactFactor, f.ID, true
		}
	}
	for _, p := range s.Corpus.Passages {
		if text.Compact(p.Title) == key || text.Compact(strings.TrimSuffix(p.Title, "?")) == key {
			return ExactPassage, p.ID, true
		}
	}
	return "", "", false
}
