package bot

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"

	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/chat"
)

// Interaction callback types and message flags, as Discord numbers them.
const (
	cbMessage         = 4
	cbDeferredMessage = 5
	cbDeferredUpdate  = 6
	cbUpdate          = 7
	cbAutocomplete    = 8
	flagEphemeral     = 64
)

// TestE2E runs the real bot against the fake Discord and checks the JSON it
// sends back for every command, an autocomplete, button presses, a select,
// mentions, hostile input and a panic in a handler.
func TestE2E(t *testing.T) {
	// Not in parallel: discordgo has one logger per process, and this test
	// checks that discordgo's own IDENTIFY line reaches its bot's log.
	h := startBot(t, func(c *Config) {
		c.Commands = append(chat.DefaultCommands(),
			chat.NewCommand("paniek", "", func(context.Context, *answer.Service, chat.Args) (any, view, error) {
				panic("boem")
			}),
			chat.NewCommand("kapot", "", func(context.Context, *answer.Service, chat.Args) (any, view, error) {
				return nil, view{}, errors.New("database on fire: secret detail")
			}),
		)
	}, nil)

	t.Run("registration", func(t *testing.T) {
		puts := h.fake.Requests()
		var put fakediscord.Request
		n := 0
		for _, r := range puts {
			if r.Method == "PUT" {
				put = r
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%d PUT requests, want one bulk overwrite", n)
		}
		if want := "/applications/" + h.fake.AppID + "/guilds/1200000000000000001/commands"; put.Path != want {
			t.Errorf("bulk overwrite on %s, want %s", put.Path, want)
		}
		var cmds []map[string]any
		if err := json.Unmarshal(put.Body, &cmds); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, c := range cmds {
			names = append(names, c["name"].(string))
			if loc, _ := c["description_localizations"].(map[string]any); loc["nl"] != c["description"] {
				t.Errorf("/%s: nl description %v, want %v", c["name"], loc["nl"], c["description"])
			}
			if loc, _ := c["name_localizations"].(map[string]any); loc["nl"] != c["name"] {
				t.Errorf("/%s: nl name %v", c["name"], loc["nl"])
			}
		}
		if got, want := strings.Join(names, " "), "zoek netwerk thema regio partner kaart succesfactor dagelijks rapport help Zoek in de gids"; got != want {
			t.Errorf("registered %q, want %q", got, want)
		}
		var id struct {
			Intents int `json:"intents"`
		}
		if err := json.Unmarshal(h.fake.Identified(), &id); err != nil {
			t.Fatal(err)
		}
		if id.Intents&(1<<9) == 0 || id.Intents&(1<<15) != 0 || id.Intents&(1<<1) != 0 || id.Intents&(1<<8) != 0 {
			t.Errorf("intents %b: want GUILD_MESSAGES and no privileged intent", id.Intents)
		}
	})

	commandTests := []struct {
		file string
		want []string // fragments of the reply's JSON
	}{
		{"interaction_zoek.json", []string{"Brugfiguren basisonderwijs"}},
		{"interaction_zoek_filters.json", nil},
		{"interaction_netwerk.json", []string{"Duosprong", "Beringen"}},
		{"interaction_thema.json", []string{"Vrijtijdsbesteding voor iedereen"}},
		{"interaction_regio.json", []string{"Duosprong"}},
		{"interaction_partner.json", []string{"SAAMO", "Duosprong"}},
		{"interaction_succesfactor.json", []string{"Laagdrempeligheid"}},
		{"interaction_succesfactor_random.json", nil},
		{"interaction_help_dm.json", []string{"/zoek", "/partner"}},
	}
	for _, tt := range commandTests {
		t.Run(strings.TrimSuffix(tt.file, ".json"), func(t *testing.T) {
			m := setUser(h.payload(tt.file), "2000000000000000"+tt.file[12:15])
			cb := h.interact(m)
			if cbType(cb) != cbMessage {
				t.Fatalf("callback type %d, want %d", cbType(cb), cbMessage)
			}
			d := replyData(t, cb)
			if flags(d)&flagEphemeral != 0 {
				t.Errorf("answer is ephemeral: %s", jsonText(d))
			}
			embeds, _ := d["embeds"].([]any)
			if len(embeds) == 0 && d["content"] == "" {
				t.Fatalf("empty reply: %s", jsonText(d))
			}
			body := jsonText(d)
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("reply lacks %q: %.600s", w, body)
				}
			}
			checkComponents(t, d)
		})
	}

	t.Run("autocomplete", func(t *testing.T) {
		cb := h.interact(h.payload("interaction_autocomplete_netwerk.json"))
		if cbType(cb) != cbAutocomplete {
			t.Fatalf("callback type %d, want %d", cbType(cb), cbAutocomplete)
		}
		d := cb["data"].(map[string]any)
		choices, ok := d["choices"].([]any)
		if !ok || len(choices) == 0 || len(choices) > 25 {
			t.Fatalf("choices = %v", d["choices"])
		}
		if !strings.Contains(jsonText(choices[0]), "Duosprong") {
			t.Errorf("first choice for \"duo\" = %v, want Duosprong", choices[0])
		}
		for _, c := range choices {
			cm := c.(map[string]any)
			if utf8.RuneCountInString(cm["name"].(string)) > 100 || utf8.RuneCountInString(cm["value"].(string)) > 100 {
				t.Errorf("choice too long: %v", cm)
			}
		}
		// An empty input gets choices too.
		m := h.payload("interaction_autocomplete_netwerk.json")
		opt := m["data"].(map[string]any)["options"].([]any)[0].(map[string]any)
		opt["value"] = ""
		cb = h.interact(m)
		if ch, _ := cb["data"].(map[string]any)["choices"].([]any); len(ch) == 0 {
			t.Errorf("no choices for an empty input: %v", cb)
		}
	})

	t.Run("button", func(t *testing.T) {
		cb := h.interact(setUser(h.command("zoek", "term", "school"), "2000000000000000100"))
		d := replyData(t, cb)
		ids, _ := customIDs(d)
		next := ""
		for _, id := range ids {
			if vw, err := decodeView(id); err == nil && vw.Kind == "zoek" && vw.Page == 1 && vw.Theme == "" {
				next = id
			}
		}
		if next == "" {
			t.Fatalf("no button for page 2 among %q", ids)
		}
		// A button keeps working for a new bot process: the custom_id
		// carries the page, nothing in memory.
		m := setUser(h.payload("interaction_button.json"), "2000000000000000100")
		m["data"].(map[string]any)["custom_id"] = next
		cb2 := h.interact(m)
		if cbType(cb2) != cbUpdate {
			t.Fatalf("button: callback type %d, want %d (%v)", cbType(cb2), cbUpdate, cb2)
		}
		d2 := replyData(t, cb2)
		if flags(d2)&flagEphemeral != 0 {
			t.Errorf("page 2 is ephemeral")
		}
		if jsonText(d2["embeds"]) == jsonText(d["embeds"]) {
			t.Errorf("page 2 equals page 1")
		}
		checkComponents(t, d2)
	})

	t.Run("select", func(t *testing.T) {
		cb := h.interact(setUser(h.command("zoek", "term", "school"), "2000000000000000101"))
		d := replyData(t, cb)
		ids, values := customIDs(d)
		var sel, val string
		for _, v := range values {
			if vw, err := decodeView(v); err == nil && vw.Theme != "" {
				val = v
			}
		}
		for _, id := range ids {
			if strings.HasPrefix(id, "s") {
				sel = id
			}
		}
		if sel == "" || val == "" {
			t.Skipf("the search reply has no theme select (custom_ids %q, values %q)", ids, values)
		}
		m := setUser(h.payload("interaction_select.json"), "2000000000000000101")
		data := m["data"].(map[string]any)
		data["custom_id"] = sel
		data["values"] = []any{val}
		cb2 := h.interact(m)
		if cbType(cb2) != cbUpdate {
			t.Fatalf("select: callback type %d, want %d", cbType(cb2), cbUpdate)
		}
		vw, _ := decodeView(val)
		if !strings.Contains(jsonText(replyData(t, cb2)), vw.Theme) {
			t.Errorf("narrowed page does not mention theme %q", vw.Theme)
		}
	})

	t.Run("stale button", func(t *testing.T) {
		for _, id := range []string{"", "garbage", "bz1|||", strings.Repeat("x", 100), "\xff\xfe"} {
			m := setUser(h.payload("interaction_button.json"), "2000000000000000102")
			m["data"].(map[string]any)["custom_id"] = id
			cb := h.interact(m)
			d := replyData(t, cb)
			if id == "bz1|||" { // a valid, empty search: a Dutch message either way
				continue
			}
			if cbType(cb) != cbMessage || flags(d)&flagEphemeral == 0 {
				t.Errorf("custom_id %q: type %d flags %d, want an ephemeral message", id, cbType(cb), flags(d))
			}
			if !strings.Contains(jsonText(d), "knop werkt niet meer") {
				t.Errorf("custom_id %q: %s", id, jsonText(d))
			}
		}
	})

	t.Run("mention", func(t *testing.T) {
		m := h.payload("message_create_mention.json")
		h.fake.Dispatch("MESSAGE_CREATE", m)
		r := h.fake.WaitFor(5*time.Second, "the reply to the mention", func(r fakediscord.Request) bool {
			return r.Method == "POST" && r.Path == "/channels/1200000000000000002/messages" && strings.Contains(string(r.Body), m["id"].(string))
		})
		body := r.JSON(t)
		checkNoPing(t, body)
		ref, _ := body["message_reference"].(map[string]any)
		if ref["message_id"] != m["id"] || ref["channel_id"] != "1200000000000000002" || ref["fail_if_not_exists"] != false {
			t.Errorf("message_reference = %v", ref)
		}
		text := jsonText(body)
		if !strings.Contains(text, "CAW") || !strings.Contains(text, "Limburg") {
			t.Errorf("mention reply lacks CAW and Limburg: %.600s", text)
		}
		checkComponents(t, body)
	})

	t.Run("mention phrasings", func(t *testing.T) {
		for i, tt := range []struct{ say, want string }{
			{"partners van SAAMO", "SAAMO"},
			{"netwerken rond vrije tijd in Gent", "Gent"},
			{"brugfiguur", "Brugfiguren basisonderwijs"},
			{"", "/zoek"},
		} {
			m := h.payload("message_create_mention.json")
			m["author"] = map[string]any{"id": "30000000000000000" + string(rune('0'+i)), "username": "x"}
			m["content"] = "<@" + h.fake.BotID + "> " + tt.say
			h.fake.Dispatch("MESSAGE_CREATE", m)
			r := h.fake.WaitFor(5*time.Second, "the reply to "+tt.say, func(r fakediscord.Request) bool {
				return r.Method == "POST" && strings.Contains(string(r.Body), `"message_id":"`+m["id"].(string)+`"`)
			})
			if !strings.Contains(string(r.Body), tt.want) {
				t.Errorf("@bondgenoot %s: reply lacks %q: %.500s", tt.say, tt.want, r.Body)
			}
		}
	})

	t.Run("messages that are not for the bot", func(t *testing.T) {
		before := h.fake.Count(func(r fakediscord.Request) bool { return strings.HasPrefix(r.Path, "/channels/") })
		plain := h.payload("message_create_mention.json")
		plain["content"] = "gewoon een bericht over brugfiguren"
		plain["mentions"] = []any{}
		fromBot := h.payload("message_create_mention.json")
		fromBot["author"] = map[string]any{"id": "5555", "username": "anderebot", "bot": true}
		self := h.payload("message_create_mention.json")
		self["author"] = map[string]any{"id": h.fake.BotID, "username": "bondgenoot", "bot": true}
		for _, m := range []map[string]any{plain, fromBot, self} {
			h.fake.Dispatch("MESSAGE_CREATE", m)
		}
		// A marker interaction after them: once it is answered, the
		// messages were seen.
		h.interact(setUser(h.command("help"), "2000000000000000103"))
		time.Sleep(50 * time.Millisecond)
		if after := h.fake.Count(func(r fakediscord.Request) bool { return strings.HasPrefix(r.Path, "/channels/") }); after != before {
			t.Errorf("the bot answered %d messages that did not mention it", after-before)
		}
	})

	t.Run("hostile query", func(t *testing.T) {
		hostile := []string{
			`@everyone @here <@&123456> <@42> ") OR 1=1 -- ` + "```" + `*_~|| \u202e`,
			strings.Repeat("brugfiguur ", 200),
			"+-:*/()[]{}^~\"\\ AND OR NOT",
			"\x00\x01\x1b[31m\u200b\ufeff",
			`{"$where": "sleep(1000)"} ../../etc/passwd %s %v %d`,
		}
		for i, q := range hostile {
			cb := h.interact(setUser(h.command("zoek", "term", q), "21000000000000000"+string(rune('0'+i))))
			if cbType(cb) != cbMessage {
				t.Fatalf("%.20q: callback type %d", q, cbType(cb))
			}
			d := replyData(t, cb)
			body := jsonText(d)
			for _, bad := range []string{"panic", "goroutine", "runtime error", "%!", "bleve", ".go:"} {
				if strings.Contains(body, bad) {
					t.Errorf("%.20q: reply contains %q: %.300s", q, bad, body)
				}
			}
			checkComponents(t, d)
		}
		// Hostile names for the other commands.
		for i, c := range [][]string{{"netwerk", "naam"}, {"partner", "organisatie"}, {"regio", "plaats-of-provincie"}, {"thema", "thema"}, {"succesfactor", "naam"}} {
			cb := h.interact(setUser(h.command(c[0], c[1], `<@&1> ") DROP TABLE; \u202e`+strings.Repeat("é", 300)), "22000000000000000"+string(rune('0'+i))))
			d := replyData(t, cb)
			if flags(d)&flagEphemeral == 0 {
				t.Errorf("/%s with nonsense: not an ephemeral message: %.300s", c[0], jsonText(d))
			}
		}
	})

	t.Run("panic", func(t *testing.T) {
		cb := h.interact(setUser(h.command("paniek"), "2000000000000000104"))
		d := replyData(t, cb)
		if cbType(cb) != cbMessage || flags(d)&flagEphemeral == 0 || d["content"] != apology {
			t.Errorf("panic answer: type %d flags %d content %q", cbType(cb), flags(d), d["content"])
		}
		if !strings.Contains(h.logs.String(), "boem") {
			t.Errorf("the panic is not logged")
		}
		// The bot keeps serving.
		cb = h.interact(setUser(h.command("zoek", "term", "brugfiguur"), "2000000000000000104"))
		if !strings.Contains(jsonText(cb), "Brugfiguren basisonderwijs") {
			t.Errorf("no answer after the panic: %.300s", jsonText(cb))
		}
	})

	t.Run("internal error", func(t *testing.T) {
		cb := h.interact(setUser(h.command("kapot"), "2000000000000000105"))
		d := replyData(t, cb)
		if flags(d)&flagEphemeral == 0 || strings.Contains(jsonText(d), "database") {
			t.Errorf("internal error reply: %s", jsonText(d))
		}
		if !strings.Contains(h.logs.String(), "database on fire") || !strings.Contains(h.logs.String(), `"command":"kapot"`) {
			t.Errorf("internal error not logged with context")
		}
	})

	t.Run("unknown command", func(t *testing.T) {
		cb := h.interact(setUser(h.command("bestaatniet"), "2000000000000000106"))
		d := replyData(t, cb)
		if flags(d)&flagEphemeral == 0 || !strings.Contains(jsonText(d), "/help") {
			t.Errorf("unknown command reply: %s", jsonText(d))
		}
	})

	t.Run("cooldown", func(t *testing.T) {
		user := "2000000000000000999"
		for i := 0; i < 5; i++ {
			d := replyData(t, h.interact(setUser(h.command("help"), user)))
			if flags(d)&flagEphemeral != 0 {
				t.Fatalf("command %d refused: %s", i+1, jsonText(d))
			}
		}
		d := replyData(t, h.interact(setUser(h.command("help"), user)))
		if flags(d)&flagEphemeral == 0 || !strings.Contains(jsonText(d), "10 seconden") {
			t.Fatalf("sixth command: %s", jsonText(d))
		}
		// Another user is not affected.
		if d := replyData(t, h.interact(setUser(h.command("help"), "2000000000000000998"))); flags(d)&flagEphemeral != 0 {
			t.Errorf("another user refused")
		}
		h.clock.Advance(10 * time.Second)
		if d := replyData(t, h.interact(setUser(h.command("help"), user))); flags(d)&flagEphemeral != 0 {
			t.Errorf("refused after the window: %s", jsonText(d))
		}
	})

	t.Run("cooldown of buttons", func(t *testing.T) {
		user := "2000000000000000997"
		press := func() map[string]any {
			m := setUser(h.payload("interaction_button.json"), user)
			m["data"].(map[string]any)["custom_id"] = encodeView(view{Kind: "factor", Arg: "laagdrempeligheid"})
			return h.interact(m)
		}
		for i := 0; i < 10; i++ {
			if cb := press(); cbType(cb) != cbUpdate {
				t.Fatalf("press %d: type %d", i+1, cbType(cb))
			}
		}
		cb := press()
		if d := replyData(t, cb); cbType(cb) != cbMessage || flags(d)&flagEphemeral == 0 || !strings.Contains(jsonText(d), "10 vragen per 10 seconden") {
			t.Errorf("eleventh press: type %d %s", cbType(cb), jsonText(d))
		}
		h.clock.Advance(10 * time.Second)
	})

	t.Run("cooldown of mentions", func(t *testing.T) {
		replies := func() int {
			return h.fake.Count(func(r fakediscord.Request) bool { return strings.HasPrefix(r.Path, "/channels/") })
		}
		before := replies()
		var last map[string]any
		for i := 0; i < 7; i++ {
			last = h.payload("message_create_mention.json")
			last["author"] = map[string]any{"id": "2000000000000000996", "username": "veel"}
			last["content"] = "<@" + h.fake.BotID + "> brugfiguur"
			h.fake.Dispatch("MESSAGE_CREATE", last)
			if i < 6 {
				id := last["id"].(string)
				h.fake.WaitFor(5*time.Second, "reply to mention", func(r fakediscord.Request) bool {
					return strings.Contains(string(r.Body), `"message_id":"`+id+`"`)
				})
			}
		}
		h.interact(setUser(h.command("help"), "2000000000000000995")) // marker
		time.Sleep(50 * time.Millisecond)
		if n := replies() - before; n != 6 {
			t.Errorf("%d replies to 7 mentions, want 5 answers and one request to wait", n)
		}
		r := h.fake.WaitFor(time.Second, "the cooldown reply", func(r fakediscord.Request) bool {
			return strings.HasPrefix(r.Path, "/channels/") && strings.Contains(string(r.Body), "Even op adem komen")
		})
		checkNoPing(t, r.JSON(t))
		h.clock.Advance(10 * time.Second)
	})

	t.Run("no stray requests", func(t *testing.T) {
		for _, r := range h.fake.Requests() {
			if r.Auth != "Bot "+testToken {
				t.Errorf("%s %s without the bot's authorization", r.Method, r.Path)
			}
			ok := r.Method == "GET" && strings.HasPrefix(r.Path, "/gateway") ||
				r.Method == "PUT" && strings.HasSuffix(r.Path, "/commands") ||
				r.Method == "POST" && strings.HasPrefix(r.Path, "/interactions/") ||
				r.Method == "POST" && strings.HasPrefix(r.Path, "/channels/")
			if !ok {
				t.Errorf("unexpected request %s %s", r.Method, r.Path)
			}
		}
	})

	t.Run("token never logged", func(t *testing.T) {
		logs := h.logs.String()
		if strings.Contains(logs, testToken) {
			t.Fatalf("the token appears in the logs")
		}
		if !strings.Contains(logs, redacted) {
			t.Errorf("expected discordgo's IDENTIFY debug line, redacted, in the logs")
		}
	})
}

// checkComponents checks Discord's limits on the components of a reply and
// that every custom_id is one the bot can read back.
func checkComponents(t testing.TB, d map[string]any) {
	t.Helper()
	rows, _ := d["components"].([]any)
	if len(rows) > 5 {
		t.Errorf("%d component rows", len(rows))
	}
	for _, row := range rows {
		inner, _ := row.(map[string]any)["components"].([]any)
		if len(inner) > 5 {
			t.Errorf("%d components in a row", len(inner))
		}
	}
	ids, values := customIDs(d)
	seen := map[string]bool{}
	for _, id := range ids {
		if len(id) > 100 {
			t.Errorf("custom_id longer than 100: %q", id)
		}
		if seen[id] {
			t.Errorf("custom_id %q twice in one message", id)
		}
		seen[id] = true
		if _, err := decodeView(id); err != nil {
			t.Errorf("custom_id %q does not decode: %v", id, err)
		}
	}
	for _, v := range values {
		if len(v) > 100 {
			t.Errorf("select value longer than 100: %q", v)
		}
	}
}

// TestE2EGlobalRegistrationAndAppIDFromReady registers globally without a
// guild and takes the application id from READY.
func TestE2EGlobalRegistrationAndAppIDFromReady(t *testing.T) {
	t.Parallel()
	h := startBot(t, func(c *Config) { c.GuildID = "" }, nil)
	n := h.fake.Count(func(r fakediscord.Request) bool { return r.Method == "PUT" })
	if n != 1 {
		t.Errorf("%d PUT requests, want 1", n)
	}
	if h.fake.Count(func(r fakediscord.Request) bool {
		return r.Method == "PUT" && r.Path == "/applications/"+h.fake.AppID+"/commands"
	}) != 1 {
		t.Errorf("no global bulk overwrite: %v", h.fake.Requests())
	}
}

// TestE2EAppIDFromConfig uses DISCORD_APP_ID over the id in READY.
func TestE2EAppIDFromConfig(t *testing.T) {
	t.Parallel()
	h := startBot(t, func(c *Config) { c.AppID = "123456789" }, nil)
	if h.fake.Count(func(r fakediscord.Request) bool {
		return r.Method == "PUT" && strings.HasPrefix(r.Path, "/applications/123456789/guilds/")
	}) != 1 {
		t.Errorf("bulk overwrite not on the configured application: %v", h.fake.Requests())
	}
}

// TestE2EDeferred: work slower than DeferAfter is deferred, then edited in;
// an error after deferring replaces the "thinking" message with an
// ephemeral follow-up.
func TestE2EDeferred(t *testing.T) {
	t.Parallel()
	h := startBot(t, func(c *Config) {
		c.DeferAfter = 30 * time.Millisecond
		c.Commands = append(chat.DefaultCommands(),
			chat.NewCommand("traag", "", func(ctx context.Context, s *answer.Service, _ chat.Args) (any, view, error) {
				time.Sleep(150 * time.Millisecond)
				return chat.Redo(ctx, s, view{Kind: "netwerk", Arg: "Duosprong"})
			}),
			chat.NewCommand("traagfout", "", func(context.Context, *answer.Service, chat.Args) (any, view, error) {
				time.Sleep(150 * time.Millisecond)
				return nil, view{}, &answer.UserError{Message: "Dat vond ik niet."}
			}),
		)
	}, nil)
	m := h.command("traag")
	cb := h.interact(m)
	if cbType(cb) != cbDeferredMessage {
		t.Fatalf("callback type %d, want %d", cbType(cb), cbDeferredMessage)
	}
	edit := h.fake.WaitFor(5*time.Second, "the edit of @original", func(r fakediscord.Request) bool {
		return r.Method == "PATCH" && r.Path == "/webhooks/"+h.fake.AppID+"/"+m["token"].(string)+"/messages/@original"
	})
	body := edit.JSON(t)
	checkNoPing(t, body)
	if !strings.Contains(string(edit.Body), "Duosprong") {
		t.Errorf("edit lacks the answer: %.300s", edit.Body)
	}

	m = h.command("traagfout")
	if cb := h.interact(m); cbType(cb) != cbDeferredMessage {
		t.Fatalf("callback type %d, want %d", cbType(cb), cbDeferredMessage)
	}
	prefix := "/webhooks/" + h.fake.AppID + "/" + m["token"].(string)
	h.fake.WaitFor(5*time.Second, "the delete of @original", func(r fakediscord.Request) bool {
		return r.Method == "DELETE" && r.Path == prefix+"/messages/@original"
	})
	fu := h.fake.WaitFor(5*time.Second, "the follow-up", func(r fakediscord.Request) bool {
		return r.Method == "POST" && r.Path == prefix
	})
	fb := fu.JSON(t)
	checkNoPing(t, fb)
	if flags(fb)&flagEphemeral == 0 || fb["content"] != "Dat vond ik niet." {
		t.Errorf("follow-up = %s", fu.Body)
	}

}

// TestE2EDeferredButton: a button press that is slower than DeferAfter is
// answered with a deferred update, then the message is edited.
func TestE2EDeferredButton(t *testing.T) {
	t.Parallel()
	h := startBot(t, func(c *Config) { c.DeferAfter = time.Nanosecond }, nil)
	cb := h.interact(h.command("zoek", "term", "school"))
	if cbType(cb) != cbDeferredMessage {
		t.Fatalf("callback type %d, want %d", cbType(cb), cbDeferredMessage)
	}
	edit := h.fake.WaitFor(5*time.Second, "the edit with the search page", func(r fakediscord.Request) bool {
		return r.Method == "PATCH" && strings.Contains(string(r.Body), "custom_id")
	})
	body := edit.JSON(t)
	checkNoPing(t, body)
	ids, _ := customIDs(body)
	if len(ids) == 0 {
		t.Fatalf("no buttons in %s", edit.Body)
	}
	bm := h.payload("interaction_button.json")
	bm["data"].(map[string]any)["custom_id"] = ids[0]
	if cb := h.interact(bm); cbType(cb) != cbDeferredUpdate {
		t.Fatalf("slow button: callback type %d, want %d", cbType(cb), cbDeferredUpdate)
	}
	tok := bm["token"].(string)
	h.fake.WaitFor(5*time.Second, "the edit after the button", func(r fakediscord.Request) bool {
		return r.Method == "PATCH" && strings.Contains(r.Path, "/"+tok+"/messages/@original")
	})
}

// TestE2EShutdown: cancelling Run's context closes the gateway connection
// and Run returns nil.
func TestE2EShutdown(t *testing.T) {
	t.Parallel()
	h := startBot(t, nil, nil)
	if !h.fake.Connected() {
		t.Fatal("not connected")
	}
	h.stop()
	deadline := time.Now().Add(5 * time.Second)
	for h.fake.Connected() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if h.fake.Connected() {
		t.Errorf("the gateway connection is still open after shutdown")
	}
}

// TestRunBadToken: Discord refusing the token ends Run with an error that
// does not contain the token.
func TestRunBadToken(t *testing.T) {
	t.Parallel()
	fake := fakediscord.New(t, "another-token-entirely-0123456789")
	defer fake.Close()
	logs := &syncBuffer{}
	b, err := New(Config{Token: testToken, APIURL: fake.URL(), Logger: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}, service(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = b.Run(ctx)
	if err == nil {
		t.Fatal("Run succeeded with a refused token")
	}
	if strings.Contains(err.Error(), testToken) || strings.Contains(logs.String(), testToken) {
		t.Errorf("the token leaks: %v\n%s", err, logs)
	}
}

// TestRunStopsWhileConnecting: a shutdown while the gateway is silent (no
// HELLO) still ends Run at once.
func TestRunStopsWhileConnecting(t *testing.T) {
	t.Parallel()
	srv := fakediscord.New(t, testToken)
	srv.Set(func(f *fakediscord.Discord) { f.Silent = true }) // never says HELLO
	defer srv.Close()
	b, err := New(Config{Token: testToken, APIURL: srv.URL()}, service(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	time.Sleep(100 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v, want nil after a shutdown", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Run did not return after the shutdown")
	}
}
