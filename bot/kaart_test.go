package bot

import (
	"bytes"
	"context"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/chat"
	"github.com/bondgenoot/bondgenoot/internal/kaart"
)

// checkMapReply checks a multipart callback with a map: the callback JSON
// in payload_json (see checkMapData) of type wantType.
func checkMapReply(t *testing.T, req fakediscord.Request, wantType, want int) map[string]any {
	t.Helper()
	if !req.IsMultipart() {
		t.Fatalf("callback is %q, want multipart/form-data", req.ContentType)
	}
	cb, parts := req.Multipart(t)
	if cbType(cb) != wantType {
		t.Errorf("callback type %d, want %d", cbType(cb), wantType)
	}
	return checkMapData(t, replyData(t, cb), parts, want)
}

// checkMapData checks the message data of a map: one embed that shows
// attachment://kaart.png, and the PNG as the one file part, with want
// highlighted networks. It returns the embed.
func checkMapData(t *testing.T, d map[string]any, parts []fakediscord.Part, want int) map[string]any {
	t.Helper()
	embeds, _ := d["embeds"].([]any)
	if len(embeds) != 1 {
		t.Fatalf("embeds: %s", jsonText(d["embeds"]))
	}
	e := embeds[0].(map[string]any)
	img, _ := e["image"].(map[string]any)
	if img == nil || img["url"] != "attachment://kaart.png" {
		t.Errorf("embed image = %v, want attachment://kaart.png", e["image"])
	}
	if len(parts) != 1 || parts[0].Filename != "kaart.png" || parts[0].ContentType != "image/png" {
		t.Fatalf("file parts %+v, want one kaart.png", parts)
	}
	pic, err := png.Decode(bytes.NewReader(parts[0].Data))
	if err != nil {
		t.Fatalf("kaart.png: %v", err)
	}
	if w := pic.Bounds().Dx(); w < 800 || w > 1200 || len(parts[0].Data) > 300*1024 {
		t.Errorf("kaart.png: %d px wide, %d bytes", w, len(parts[0].Data))
	}
	if got := kaart.CountHighlighted(pic, kaart.MapArea()); got != want {
		t.Errorf("highlighted networks on the map: %d, want %d", got, want)
	}
	return e
}

func TestE2EKaart(t *testing.T) {
	t.Parallel()
	h := startBot(t, nil, nil)
	t.Run("opdracht", func(t *testing.T) {
		m := h.command("kaart", "thema", "vrije tijd")
		h.fake.Dispatch("INTERACTION_CREATE", m)
		e := checkMapReply(t, h.fake.Callback(m["id"].(string)), cbMessage, 14)
		if title, _ := e["title"].(string); title != "Netwerken rond vrije tijd (14)" {
			t.Errorf("title %q", title)
		}
		if desc, _ := e["description"].(string); !strings.Contains(desc, "Springplank") {
			t.Errorf("description %q lacks the networks' names", desc)
		}
	})
	t.Run("plaats", func(t *testing.T) {
		m := h.command("kaart", "plaats", "Kortrijk")
		h.fake.Dispatch("INTERACTION_CREATE", m)
		e := checkMapReply(t, h.fake.Callback(m["id"].(string)), cbMessage, 5)
		if desc, _ := e["description"].(string); !strings.Contains(desc, "km)") {
			t.Errorf("description %q lacks the distances", desc)
		}
	})
	t.Run("onbekend filter", func(t *testing.T) {
		cb := h.interact(h.command("kaart", "thema", "sport"))
		d := replyData(t, cb)
		if flags(d)&flagEphemeral == 0 || !strings.Contains(jsonText(d), `Ik ken geen thema \"sport\"`) {
			t.Errorf("reply %s, want a private Dutch message", jsonText(d))
		}
	})
	// Another user, past the first's cooldown.
	for k, tc := range []struct {
		command, option, value string
		want                   int
	}{
		{"thema", "thema", "onderwijs", 27},
		{"regio", "plaats-of-provincie", "Limburg", 6},
		{"regio", "plaats-of-provincie", "Kortrijk", 5}, // none there: the nearest
		{"regio", "plaats-of-provincie", "Gent", 4},
		{"partner", "organisatie", "SAAMO", 9},
	} {
		t.Run("toon op kaart /"+tc.command, func(t *testing.T) {
			user := "20000000000000002" + string(rune('0'+k)) + "0"
			d := replyData(t, h.interact(setUser(h.command(tc.command, tc.option, tc.value), user)))
			button := ""
			for _, row := range d["components"].([]any) {
				for _, c := range row.(map[string]any)["components"].([]any) {
					if c := c.(map[string]any); c["label"] == "Toon op kaart" {
						button, _ = c["custom_id"].(string)
					}
				}
			}
			if button == "" {
				t.Fatalf("no button Toon op kaart in %s", jsonText(d["components"]))
			}
			m := setUser(h.payload("interaction_button.json"), user)
			m["data"].(map[string]any)["custom_id"] = button
			h.fake.Dispatch("INTERACTION_CREATE", m)
			// A new message beside the list, not a change to it.
			checkMapReply(t, h.fake.Callback(m["id"].(string)), cbMessage, tc.want)
		})
	}
}

// Over the HTTP door a map cannot go in the HTTP response: the bot says
// the answer comes, then edits it in over REST, multipart with the file.
func TestHTTPDoorKaart(t *testing.T) {
	t.Parallel()
	h := startHTTPBot(t, false, nil)
	m := h.command("kaart", "provincie", "Limburg")
	first := h.interactHTTP(m)
	if cbType(first) != cbDeferredMessage {
		t.Errorf("first response type %d, want %d (deferred)", cbType(first), cbDeferredMessage)
	}
	edit := h.fake.WaitFor(5*time.Second, "the edit with the map", func(r fakediscord.Request) bool {
		return r.Method == "PATCH" && strings.Contains(r.Path, "/webhooks/") && strings.Contains(r.Path, m["token"].(string))
	})
	if !edit.IsMultipart() {
		t.Fatalf("edit is %q, want multipart/form-data", edit.ContentType)
	}
	payload, parts := edit.Multipart(t)
	checkNoPing(t, payload)
	checkMapData(t, payload, parts, 6)
}

// A map that takes longer than the deferral is edited in, multipart with
// the file.
func TestE2EKaartDeferred(t *testing.T) {
	t.Parallel()
	// A map of its own that always takes longer than the deferral: the
	// real one may be drawn within a millisecond on a fast machine.
	h := startBot(t, func(c *Config) {
		c.DeferAfter = 30 * time.Millisecond
		c.Commands = append(chat.DefaultCommands(), chat.NewCommand("trage-kaart", "", func(ctx context.Context, s *answer.Service, _ chat.Args) (any, view, error) {
			time.Sleep(150 * time.Millisecond)
			return chat.Redo(ctx, s, view{Kind: "kaart", Arg: "SAAMO"})
		}))
	}, nil)
	m := h.command("trage-kaart")
	if cb := h.interact(m); cbType(cb) != cbDeferredMessage {
		t.Fatalf("callback type %d, want %d", cbType(cb), cbDeferredMessage)
	}
	edit := h.fake.WaitFor(5*time.Second, "the edit of @original", func(r fakediscord.Request) bool {
		return r.Method == "PATCH" && r.Path == "/webhooks/"+h.fake.AppID+"/"+m["token"].(string)+"/messages/@original"
	})
	if !edit.IsMultipart() {
		t.Fatalf("edit is %q, want multipart/form-data", edit.ContentType)
	}
	payload, parts := edit.Multipart(t)
	checkNoPing(t, payload)
	checkMapData(t, payload, parts, 9)
}
