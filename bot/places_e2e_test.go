package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
)

// TestE2EPlaces runs /regio for places with and without a network, an
// ambiguous name, place autocomplete and nearness mentions through the real
// bot against the fake Discord.
func TestE2EPlaces(t *testing.T) {
	t.Parallel()
	h := startBot(t, nil, nil)
	user := 0
	nextUser := func() string {
		user++
		return fmt.Sprintf("23000000000000%05d", user)
	}
	press := func(id string) map[string]any {
		m := setUser(h.payload("interaction_button.json"), nextUser())
		m["data"].(map[string]any)["custom_id"] = id
		return h.interact(m)
	}

	t.Run("place without a network", func(t *testing.T) {
		d := replyData(t, h.interact(setUser(h.command("regio", "plaats-of-provincie", "Kortrijk"), nextUser())))
		body := jsonText(d)
		for _, want := range []string{"Netwerken dichtbij Kortrijk", "Geen netwerk in Kortrijk. Dichtstbij: Perspectief (Waregem, 13 km)", "13 km van Kortrijk", "Alle netwerken in West-Vlaanderen"} {
			if !strings.Contains(body, want) {
				t.Errorf("reply lacks %q: %.800s", want, body)
			}
		}
		checkComponents(t, d)
		ids, _ := customIDs(d)
		province := ""
		for _, id := range ids {
			if vw, err := decodeView(id); err == nil && vw.Kind == "regio" && vw.Arg == "West-Vlaanderen" {
				province = id
			}
		}
		if province == "" {
			t.Fatalf("no button to West-Vlaanderen among %q", ids)
		}
		cb := press(province)
		if cbType(cb) != cbUpdate || !strings.Contains(jsonText(replyData(t, cb)), "Netwerken in West-Vlaanderen (6)") {
			t.Errorf("province button: %.500s", jsonText(cb))
		}
	})

	t.Run("places with networks", func(t *testing.T) {
		for _, tt := range []struct{ place, want string }{
			{"Laeken", "Netwerken in Laken (gemeente Brussel)"},
			{"Borgloon", "Jongeren aan zet"},
			{"Kruibeke", "Springplank"},
			{"Genk", "Voor heel Limburg"},
		} {
			d := replyData(t, h.interact(setUser(h.command("regio", "plaats-of-provincie", tt.place), nextUser())))
			if body := jsonText(d); !strings.Contains(body, tt.want) || flags(d)&flagEphemeral != 0 {
				t.Errorf("/regio %s: lacks %q: %.500s", tt.place, tt.want, body)
			}
			checkComponents(t, d)
		}
	})

	t.Run("ambiguous place", func(t *testing.T) {
		d := replyData(t, h.interact(setUser(h.command("regio", "plaats-of-provincie", "Tielt"), nextUser())))
		if flags(d)&flagEphemeral == 0 || !strings.Contains(jsonText(d), "past bij meer dan één plaats") {
			t.Fatalf("/regio Tielt: %.500s", jsonText(d))
		}
		ids, _ := customIDs(d)
		var west string
		for _, id := range ids {
			if vw, err := decodeView(id); err == nil && vw.Arg == "Tielt (West-Vlaanderen)" {
				west = id
			}
		}
		if west == "" || len(ids) < 2 {
			t.Fatalf("buttons %q, want one per Tielt", ids)
		}
		if body := jsonText(replyData(t, press(west))); !strings.Contains(body, "Bondgenotennetwerk Poelberg") {
			t.Errorf("Tielt (West-Vlaanderen): %.500s", body)
		}
	})

	t.Run("autocomplete", func(t *testing.T) {
		m := h.payload("interaction_autocomplete_netwerk.json")
		data := m["data"].(map[string]any)
		data["name"] = "regio"
		data["options"] = []any{map[string]any{"name": "plaats-of-provincie", "type": 3, "value": "Kort", "focused": true}}
		cb := h.interact(setUser(m, nextUser()))
		choices, _ := cb["data"].(map[string]any)["choices"].([]any)
		if len(choices) < 5 || choices[0].(map[string]any)["value"] != "Kortrijk" {
			t.Errorf("choices for Kort: %v", choices)
		}
	})

	t.Run("mentions", func(t *testing.T) {
		for i, tt := range []struct{ say, want, not string }{
			{"netwerken in de buurt van Gent", "Netwerken in Gent (4)", "rond buurtwerk"},
			{"iets in de buurt van Aalst?", "Netwerken in Aalst (1)", "De Buurt"},
			{"dichtbij Kortrijk", "Geen netwerk in Kortrijk", "Zoeken naar"},
			{"rond Borgloon", "Jongeren aan zet", "Zoeken naar"},
		} {
			m := h.payload("message_create_mention.json")
			m["author"] = map[string]any{"id": "31000000000000000" + string(rune('0'+i)), "username": "x"}
			m["content"] = "<@" + h.fake.BotID + "> " + tt.say
			h.fake.Dispatch("MESSAGE_CREATE", m)
			r := h.fake.WaitFor(5*time.Second, "the reply to "+tt.say, func(r fakediscord.Request) bool {
				return r.Method == "POST" && strings.Contains(string(r.Body), `"message_id":"`+m["id"].(string)+`"`)
			})
			body := jsonText(r.JSON(t))
			if !strings.Contains(body, tt.want) || strings.Contains(body, tt.not) {
				t.Errorf("@bondgenoot %s: want %q and not %q: %.600s", tt.say, tt.want, tt.not, body)
			}
		}
	})
}
