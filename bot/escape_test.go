package bot

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
)

// hostileEcho is user input that would turn into markup if a reply echoed
// it as it is, and what must not be in the reply then.
type hostileEcho struct {
	name   string
	input  string
	banned []string // substrings of any text of the reply
	shown  string   // what the reply shows of it (escapes removed), if it echoes it
}

var hostileEchoes = []hostileEcho{
	{"masked link", "x[Download de gids (PDF)](https://evil.example/gids.pdf)x",
		[]string{"](https://", "[Download", "https://evil"}, "Download de gids"},
	{"raw link", "kijk op https://evil.example/gids.pdf", []string{"https://evil"}, "evil.example"},
	{"invite", "discord.gg/evilserver", []string{"discord.gg/evil"}, "evilserver"},
	{"everyone", "@everyone kom kijken", []string{"@everyone"}, "kom kijken"},
	{"user mention", "<@123456789012345678> x", []string{"<@123456789012345678>"}, ""},
	{"role and channel", "<@&123456> <#1200000000000000002>", []string{"<@&", "<#12"}, ""},
	{"heading and quote", "x\n# Kop\n> citaat", []string{"\n# Kop", "\n> citaat"}, "citaat"},
	{"markup", "**vet** __onder__ ||geheim|| `code`", []string{"**vet**", "||geheim||", "`code`"}, "geheim"},
	{"right-to-left override", "SAAMO\u202egnp.exe", []string{"\u202e"}, "gnp.exe"},
}

// replyTexts returns every text of a reply body that Discord shows:
// content, embed texts and fields, and component labels and placeholders
// (not custom_ids or URLs).
func replyTexts(body []byte) []string {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return []string{string(body)}
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				switch k {
				case "content", "title", "description", "name", "value", "label", "placeholder", "text":
					if s, ok := c.(string); ok {
						if _, option := x["label"]; option && k == "value" {
							continue // a select option's value: an encoded view
						}
						out = append(out, s)
						continue
					}
				}
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	walk(v)
	return out
}

// shownText is what Discord shows of markdown: escapes removed.
func shownText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return strings.ReplaceAll(b.String(), "\u200b", "")
}

// containsUnescaped reports whether sub occurs in s other than right after
// an escaping backslash.
func containsUnescaped(s, sub string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			return false
		}
		j += i
		n := 0
		for k := j - 1; k >= 0 && s[k] == '\\'; k-- {
			n++
		}
		if n%2 == 0 {
			return true
		}
		i = j + 1
	}
}

func checkEscapedEcho(t *testing.T, where string, h hostileEcho, body []byte, echoes bool) {
	t.Helper()
	texts := replyTexts(body)
	all := strings.Join(texts, "\n")
	for _, bad := range h.banned {
		for _, s := range texts {
			if containsUnescaped(s, bad) {
				t.Errorf("%s, %s: the reply holds %q unescaped: %q", where, h.name, bad, s)
			}
		}
	}
	if echoes && h.shown != "" && !strings.Contains(shownText(all), h.shown) {
		t.Errorf("%s, %s: the reply does not show %q: %.400s", where, h.name, h.shown, all)
	}
}

// Every echo of user input is escaped, through the real bot over the fake
// Discord: the public reply to a mention (which used to carry a live masked
// link: "Geen netwerk met die partner gevonden voor "x[Download …](https://
// evil.example/gids.pdf)x""), the private errors of /netwerk, /partner,
// /regio, /thema and /succesfactor, and the title of /zoek.
func TestEchoedInputIsEscaped(t *testing.T) {
	t.Parallel()
	h := startBot(t, nil, nil)
	user := 0
	nextUser := func() string { user++; return fmt.Sprintf("23%017d", user) }
	for _, he := range hostileEchoes {
		t.Run(he.name, func(t *testing.T) {
			m := h.payload("message_create_mention.json")
			m["author"] = map[string]any{"id": nextUser(), "username": "x"}
			m["content"] = "<@" + h.fake.BotID + "> wie werkt samen met " + he.input
			h.fake.Dispatch("MESSAGE_CREATE", m)
			r := h.fake.WaitFor(5*time.Second, "the reply to the mention", func(r fakediscord.Request) bool {
				return r.Method == "POST" && strings.Contains(string(r.Body), `"message_id":"`+m["id"].(string)+`"`)
			})
			checkNoPing(t, r.JSON(t))
			checkEscapedEcho(t, "mention", he, r.Body, true)

			for _, c := range [][]string{{"netwerk", "naam"}, {"partner", "organisatie"}, {"regio", "plaats-of-provincie"}, {"thema", "thema"}, {"succesfactor", "naam"}, {"zoek", "term"}} {
				cb := h.interact(setUser(h.command(c[0], c[1], he.input), nextUser()))
				d := replyData(t, cb)
				body, _ := json.Marshal(d)
				// /partner finds nothing for any of them and says so with
				// the input; the others may find something close.
				checkEscapedEcho(t, "/"+c[0], he, body, c[0] == "partner")
			}
		})
	}
}

// A crafted custom_id cannot bring format characters into a reply: a
// right-to-left override in the argument of a button is gone from the
// answer (it used to reach the text of the error that quotes it).
func TestCustomIDFormatCharactersStripped(t *testing.T) {
	t.Parallel()
	h := startBot(t, nil, nil)
	for i, id := range []string{
		"bp0|||SAAMO\u202egnp.exe",          // partner
		"bw0|||duo\u2066sprong\u2069\u200b", // netwerk
		"bz0|||brug\u202efiguur",            // zoek
		"bt0|||onder\u200fwijs\u202e",       // thema
	} {
		m := h.payload("interaction_button.json")
		m["data"].(map[string]any)["custom_id"] = id
		cb := h.interact(setUser(m, fmt.Sprintf("24%017d", i)))
		body, _ := json.Marshal(cb)
		for _, s := range replyTexts(body) {
			if strings.ContainsAny(s, "\u202e\u2066\u2069\u200b\u200f") {
				t.Errorf("custom_id %q: format characters in the reply: %q", id, s)
			}
		}
	}
}
