package chat

import (
	"context"
	"strings"
	"testing"

	"github.com/bondgenoot/bondgenoot/internal/answer"
)

// TestRegionEveryMunicipality asks /regio for every municipality of Flanders
// and Brussels through the Router, as a door would: each gets a list with
// its province and distances, the networks there or the nearest with a way
// to the province, and its buttons redo the same answer.
func TestRegionEveryMunicipality(t *testing.T) {
	r := testRouter(t)
	g := service(t).Corpus.Gazetteer()
	for i, m := range g.Municipalities() {
		req := &Request{Kind: KindCommand, Command: "regio", Args: Args{"plaats-of-provincie": m.Label()}, UserID: "u" + m.Name, Console: i%2 == 0}
		resp := r.Handle(context.Background(), req)
		l, ok := resp.Value.(*answer.NetworkList)
		if !ok || resp.Outcome != OutcomeOK {
			t.Errorf("/regio %s: %T %v (%s)", m.Label(), resp.Value, resp.Value, resp.Outcome)
			continue
		}
		if l.Nearby == nil || l.Nearby.Place.Province != m.Province || len(l.Networks) == 0 {
			t.Errorf("/regio %s: no place or networks: %+v", m.Label(), l)
			continue
		}
		if l.Nearby.LocalCount == 0 && (l.Province != m.Province || !strings.Contains(l.Note, " km)")) {
			t.Errorf("/regio %s: note %q, province %q; want the nearest with distances and the province", m.Label(), l.Note, l.Province)
		}
		if resp.View.Kind != "regio" || resp.View.Arg != m.Label() {
			t.Errorf("/regio %s: view %+v", m.Label(), resp.View)
			continue
		}
		again, _, err := Redo(context.Background(), service(t), resp.View)
		if err != nil || len(again.(*answer.NetworkList).Networks) != len(l.Networks) {
			t.Errorf("/regio %s: the view does not redo the answer: %v", m.Label(), err)
		}
	}
}

func TestPlaceRequests(t *testing.T) {
	r := testRouter(t)
	ctx := context.Background()
	// A mention about nearness lists the place's networks.
	resp := r.Handle(ctx, &Request{Kind: KindMention, Text: "<@9> netwerken in de buurt van Gent", BotID: "9", UserID: "m1"})
	if l, ok := resp.Value.(*answer.NetworkList); !ok || l.Title != "Netwerken in Gent" || len(l.Networks) != 4 {
		t.Errorf("mention Gent: %T %+v", resp.Value, resp.Value)
	}
	resp = r.Handle(ctx, &Request{Kind: KindMention, Text: "<@9> iets in de buurt van Aalst?", BotID: "9", UserID: "m2"})
	if l, ok := resp.Value.(*answer.NetworkList); !ok || l.Title != "Netwerken in Aalst" || l.Networks[0].ID != "springwijs" {
		t.Errorf("mention Aalst: %T %+v", resp.Value, resp.Value)
	}
	// Autocomplete offers places from the gazetteer.
	resp = r.Handle(ctx, &Request{Kind: KindAutocomplete, Command: "regio", Focused: "plaats-of-provincie", Args: Args{"plaats-of-provincie": "Kort"}, UserID: "a1"})
	if len(resp.Choices) == 0 || resp.Choices[0].Value != "Kortrijk" {
		t.Errorf("autocomplete Kort: %+v", resp.Choices)
	}
	// An ambiguous place is a private question, not a guess.
	resp = r.Handle(ctx, &Request{Kind: KindCommand, Command: "regio", Args: Args{"plaats-of-provincie": "Beveren"}, UserID: "c1"})
	if err, ok := resp.Value.(error); !ok || resp.Outcome != OutcomeUserError || !resp.Private || !strings.Contains(answer.UserMessage(err), "Beveren (Roeselare, West-Vlaanderen)") {
		t.Errorf("/regio Beveren: %+v", resp)
	}
}
