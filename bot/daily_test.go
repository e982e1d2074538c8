package bot

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
	"github.com/bondgenoot/bondgenoot/internal/chat"
	"github.com/bondgenoot/bondgenoot/internal/fakeclock"

	"github.com/bwmarrin/discordgo"

	"github.com/bondgenoot/bondgenoot/internal/daily"
)

const (
	dailyGuild   = "1200000000000000001" // the harness's DISCORD_GUILD_ID and the payloads' guild
	dailyChannel = "1200000000000000003" // the channel in interaction_dagelijks_aan.json
)

// sleepClock is the fake clock of the scheduler tests, with helpers that
// wait for the scheduler.
type sleepClock struct{ *fakeclock.Clock }

func newSleepClock(now time.Time) *sleepClock { return &sleepClock{fakeclock.New(now)} }

// lastSleep is the last wait the scheduler asked for.
func (c *sleepClock) lastSleep() time.Duration {
	slept := c.Slept()
	if len(slept) == 0 {
		return 0
	}
	return slept[len(slept)-1]
}

// waitAsleep waits until the scheduler sleeps again: then the tick the last
// set caused (its posts and retries included) is over.
func (c *sleepClock) waitAsleep(t testing.TB) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for c.Sleepers() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the scheduler did not go back to sleep")
		}
		time.Sleep(time.Millisecond)
	}
}

// to moves the clock to now and waits until the scheduler has done what
// that made due.
func (c *sleepClock) to(t testing.TB, now time.Time) {
	t.Helper()
	c.Set(now)
	c.waitAsleep(t)
}

func brussels(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func openStore(t testing.TB, path string) *daily.Store {
	t.Helper()
	st, err := daily.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// startDailyBot starts a bot with a store and the scheduler on clk, and
// waits until the scheduler sleeps.
func startDailyBot(t testing.TB, clk *sleepClock, st *daily.Store, tweak func(*Config)) *harness {
	t.Helper()
	h := startBot(t, func(c *Config) {
		c.Store, c.Now, c.Sleep = st, clk.Now, clk.Sleep
		c.CommandLimit = -1 // an admin trying things is no flood
		if tweak != nil {
			tweak(c)
		}
	}, nil)
	clk.waitAsleep(t)
	return h
}

// dagelijks builds a /dagelijks interaction with a subcommand and its
// options (name, value pairs; "kanaal" is a channel option).
func (h *harness) dagelijks(sub string, opts ...string) map[string]any {
	m := h.payload("interaction_dagelijks_aan.json")
	var list []any
	for i := 0; i+1 < len(opts); i += 2 {
		typ := 3
		if opts[i] == "kanaal" {
			typ = 7
		}
		list = append(list, map[string]any{"name": opts[i], "type": typ, "value": opts[i+1]})
	}
	m["data"].(map[string]any)["options"] = []any{map[string]any{"name": sub, "type": 1, "options": list}}
	return m
}

// ephemeralReply sends an interaction and returns the data of its reply,
// which must be an ephemeral message.
func (h *harness) ephemeralReply(m map[string]any) map[string]any {
	h.t.Helper()
	cb := h.interact(m)
	d := replyData(h.t, cb)
	if cbType(cb) != cbMessage || flags(d)&flagEphemeral == 0 {
		h.t.Fatalf("/dagelijks: callback type %d, flags %d; want an ephemeral message: %s", cbType(cb), flags(d), jsonText(d))
	}
	return d
}

func settingsOf(t testing.TB, st *daily.Store, server string) daily.Settings {
	t.Helper()
	set, _, err := st.Get(server)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// plainJSON is v as JSON without HTML escapes ("<#1>" stays as it is).
func plainJSON(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return b.String()
}

func containsAll(t testing.TB, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q: %.1500s", what, w, text)
		}
	}
}

// postsTo counts the requests that tried to post in a channel.
func postsTo(f *fakediscord.Discord, channel string) int {
	return f.Count(func(r fakediscord.Request) bool {
		return r.Method == "POST" && r.Path == "/channels/"+channel+"/messages"
	})
}

// TestDailyE2E: /dagelijks aan stores the settings; the scheduler posts the
// embed once at the chosen minute, also across a restart on the same day;
// status and voorbeeld show what they should; invalid times change
// nothing; a deleted channel switches the schedule off and status says why.
func TestDailyE2E(t *testing.T) {
	t.Parallel()
	loc := brussels(t)
	day := func(d, h, m, s int) time.Time { return time.Date(2026, 3, d, h, m, s, 0, loc) }
	clk := newSleepClock(day(2, 8, 0, 0)) // Monday 2 March 2026, 08:00
	path := filepath.Join(t.TempDir(), "bondgenoot.db")
	st := openStore(t, path)
	h := startDailyBot(t, clk, st, nil)

	t.Run("registration", func(t *testing.T) {
		var put fakediscord.Request
		for _, r := range h.fake.Requests() {
			if r.Method == "PUT" {
				put = r
			}
		}
		var cmds []map[string]any
		if err := json.Unmarshal(put.Body, &cmds); err != nil {
			t.Fatal(err)
		}
		var def map[string]any
		for _, c := range cmds {
			if c["name"] == "dagelijks" {
				def = c
			} else if c["default_member_permissions"] != nil && c["name"] != "rapport" {
				t.Errorf("/%s carries default_member_permissions %v", c["name"], c["default_member_permissions"])
			}
		}
		if def == nil {
			t.Fatal("/dagelijks is not registered")
		}
		// Discord shows the command only to members with Manage Server
		// (1 << 5), and only on servers.
		if def["default_member_permissions"] != "32" || jsonText(def["contexts"]) != "[0]" {
			t.Errorf("default_member_permissions %v, contexts %v; want \"32\" and [0]", def["default_member_permissions"], def["contexts"])
		}
		var subs []string
		for _, o := range def["options"].([]any) {
			om := o.(map[string]any)
			if om["type"] != float64(1) {
				t.Errorf("option %v is no subcommand", om["name"])
			}
			subs = append(subs, om["name"].(string))
			if om["name"] != "aan" {
				continue
			}
			opts := om["options"].([]any)
			kanaal, tijd := opts[0].(map[string]any), opts[1].(map[string]any)
			if kanaal["name"] != "kanaal" || kanaal["type"] != float64(7) || kanaal["required"] != true || jsonText(kanaal["channel_types"]) != "[0]" {
				t.Errorf("kanaal = %s, want a required text-channel option", jsonText(kanaal))
			}
			if tijd["name"] != "tijd" || tijd["type"] != float64(3) || tijd["required"] == true {
				t.Errorf("tijd = %s, want an optional text option", jsonText(tijd))
			}
		}
		if got := strings.Join(subs, " "); got != "aan uit status voorbeeld" {
			t.Errorf("subcommands %q", got)
		}
	})

	d := h.ephemeralReply(h.dagelijks("aan", "kanaal", dailyChannel, "tijd", "09:30"))
	containsAll(t, "the reply to aan", d["content"].(string), "<#"+dailyChannel+">", "09:30", "Europe/Brussels", "vandaag om 09:30", "/dagelijks voorbeeld")
	set := settingsOf(t, st, dailyGuild)
	if !set.Enabled || set.ChannelID != dailyChannel || set.Time != "09:30" || set.Zone != "Europe/Brussels" || set.LastPosted != "" {
		t.Fatalf("stored settings %+v", set)
	}

	t.Run("invalid times change nothing", func(t *testing.T) {
		before := settingsOf(t, st, dailyGuild)
		for _, bad := range []string{"25:00", "9u", "negen uur", "12:60", "09.30"} {
			d := h.ephemeralReply(h.dagelijks("aan", "kanaal", "1200000000000000099", "tijd", bad))
			containsAll(t, "the reply to tijd:"+bad, d["content"].(string), "Ongeldige tijd", "UU:MM", "bijvoorbeeld 09:00", "niets veranderd")
			if after := settingsOf(t, st, dailyGuild); after != before {
				t.Errorf("tijd:%s changed the settings to %+v", bad, after)
			}
		}
	})

	t.Run("status before the first post", func(t *testing.T) {
		d := h.ephemeralReply(h.dagelijks("status"))
		containsAll(t, "status", plainJSON(d["embeds"]), "Staat **aan**", "**09:30**", "<#"+dailyChannel+">",
			"Volgende post", "vandaag om 09:30", "Laatste post", "nog geen", "Laatste fout", "geen")
	})

	preview := h.ephemeralReply(h.dagelijks("voorbeeld"))
	containsAll(t, "voorbeeld", preview["content"].(string), "maandag 2 maart 2026", "Alleen jij ziet dit")
	if title := jsonText(preview["embeds"]); !strings.Contains(title, `"title":"Succesfactor van de dag: `) {
		t.Errorf("voorbeeld has no daily post: %s", title)
	}

	clk.to(t, day(2, 9, 29, 59))
	if n := postsTo(h.fake, dailyChannel); n != 0 {
		t.Fatalf("%d posts before 09:30", n)
	}
	clk.to(t, day(2, 9, 30, 0))
	posts := h.fake.CreatedIn(dailyChannel)
	if len(posts) != 1 {
		t.Fatalf("%d posts at 09:30, want 1", len(posts))
	}
	body := posts[0].JSON(t)
	checkNoPing(t, body)
	checkComponents(t, body)
	if body["nonce"] != dailyNonce(dailyGuild+"/2026-03-02") || body["enforce_nonce"] != true {
		t.Errorf("nonce %v, enforce_nonce %v; want %q and true", body["nonce"], body["enforce_nonce"], dailyNonce(dailyGuild+"/2026-03-02"))
	}
	// The preview is the post, exactly.
	if jsonText(body["embeds"]) != jsonText(preview["embeds"]) || jsonText(body["components"]) != jsonText(preview["components"]) {
		t.Errorf("the post differs from /dagelijks voorbeeld:\npost    %s\npreview %s", jsonText(body["embeds"]), jsonText(preview["embeds"]))
	}
	ids, _ := customIDs(body)
	if len(ids) != 1 || !chat.OpensPrivately(ids[0]) {
		t.Fatalf("custom_ids %q, want one button that opens privately", ids)
	}
	firstFactor := mustDecode(t, ids[0]).Arg

	clk.to(t, day(2, 9, 31, 0))
	clk.to(t, day(2, 12, 0, 0))
	if n := postsTo(h.fake, dailyChannel); n != 1 {
		t.Fatalf("%d posts on 2 March, want 1", n)
	}
	d = h.ephemeralReply(h.dagelijks("status"))
	containsAll(t, "status after the post", plainJSON(d["embeds"]), "maandag 2 maart 2026 om 09:30", "morgen om 09:30")

	// Restart on the same day: a new process, the same store file.
	h.stop()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st = openStore(t, path)
	h = startDailyBot(t, clk, st, nil)
	clk.to(t, day(2, 12, 1, 0))
	clk.to(t, day(2, 23, 59, 0))
	clk.to(t, day(3, 9, 29, 30))
	if n := postsTo(h.fake, dailyChannel); n != 0 {
		t.Fatalf("after the restart: %d posts before 09:30 on the next day", n)
	}
	clk.to(t, day(3, 9, 30, 0))
	posts = h.fake.CreatedIn(dailyChannel)
	if len(posts) != 1 {
		t.Fatalf("after the restart: %d posts on 3 March, want 1", len(posts))
	}
	body = posts[0].JSON(t)
	if body["nonce"] != dailyNonce(dailyGuild+"/2026-03-03") {
		t.Errorf("nonce of 3 March %v", body["nonce"])
	}
	ids, _ = customIDs(body)
	if f := mustDecode(t, ids[0]).Arg; f == firstFactor {
		t.Errorf("factor %s on two days in a row", f)
	}

	t.Run("the button opens the whole factor privately", func(t *testing.T) {
		m := h.payload("interaction_button.json")
		m["data"].(map[string]any)["custom_id"] = ids[0]
		d := h.ephemeralReply(m) // a new message, not an update of the post
		if !strings.Contains(plainJSON(d["embeds"]), "Succesfactor ") || strings.Contains(plainJSON(d["embeds"]), "van de dag") {
			t.Errorf("the button did not open the factor card: %.300s", jsonText(d["embeds"]))
		}
	})

	// The channel is deleted between two posts.
	h.fake.DeleteChannel(dailyChannel)
	clk.to(t, day(4, 9, 30, 0))
	if n := postsTo(h.fake, dailyChannel); n != 2 {
		t.Errorf("%d requests to the channel, want 2 (one post, one 404 without retries)", n)
	}
	set = settingsOf(t, st, dailyGuild)
	if set.Enabled || !strings.Contains(set.LastError, "bestaat niet meer") {
		t.Errorf("after the 404: %+v", set)
	}
	d = h.ephemeralReply(h.dagelijks("status"))
	containsAll(t, "status after the 404", plainJSON(d["embeds"]), "Staat **uit**", "Het kanaal bestaat niet meer", "woensdag 4 maart 2026 om 09:30", "geen, want de dagelijkse post staat uit")
	clk.to(t, day(5, 9, 30, 0))
	if n := postsTo(h.fake, dailyChannel); n != 2 {
		t.Errorf("the schedule kept posting after the channel was gone: %d requests", n)
	}

	t.Run("uit", func(t *testing.T) {
		d := h.ephemeralReply(h.dagelijks("uit"))
		containsAll(t, "uit", d["content"].(string), "stond al uit")
		h.ephemeralReply(h.dagelijks("aan", "kanaal", "1200000000000000004"))
		if set := settingsOf(t, st, dailyGuild); !set.Enabled || set.Time != "09:30" || set.LastError != "" {
			t.Errorf("aan without tijd: %+v; want the earlier 09:30 and no old error", set)
		}
		d = h.ephemeralReply(h.dagelijks("uit"))
		containsAll(t, "uit", d["content"].(string), "staat uit")
		if set := settingsOf(t, st, dailyGuild); set.Enabled {
			t.Errorf("still enabled after uit")
		}
	})
}

// TestDailyRetryAfter: a 429 with retry_after makes the scheduler wait
// exactly that long (on its clock) and post once.
func TestDailyRetryAfter(t *testing.T) {
	t.Parallel()
	loc := brussels(t)
	clk := newSleepClock(time.Date(2026, 10, 25, 8, 0, 0, 0, loc))
	st := openStore(t, filepath.Join(t.TempDir(), "bondgenoot.db"))
	h := startDailyBot(t, clk, st, nil)
	h.ephemeralReply(h.dagelijks("aan", "kanaal", dailyChannel, "tijd", "09:00"))
	const retryAfter = 250 * time.Millisecond // discordgo's bucket also waits this long, for real
	h.fake.Limit(1, retryAfter, func(r fakediscord.Request) bool { return r.Path == "/channels/"+dailyChannel+"/messages" })

	clk.to(t, time.Date(2026, 10, 25, 9, 0, 0, 0, loc))
	if got := clk.lastSleep(); got != retryAfter {
		t.Fatalf("after the 429 the scheduler sleeps %v, want retry_after %v", got, retryAfter)
	}
	if n, made := postsTo(h.fake, dailyChannel), len(h.fake.CreatedIn(dailyChannel)); n != 1 || made != 0 {
		t.Fatalf("%d requests, %d messages after the 429; want 1 and 0 (discordgo must not retry by itself)", n, made)
	}
	clk.to(t, time.Date(2026, 10, 25, 9, 0, 0, int(retryAfter), loc))
	posts := h.fake.CreatedIn(dailyChannel)
	if len(posts) != 1 {
		t.Fatalf("%d posts after waiting retry_after, want 1", len(posts))
	}
	var nonces []any
	for _, r := range h.fake.Requests() {
		if r.Path == "/channels/"+dailyChannel+"/messages" {
			nonces = append(nonces, r.JSON(t)["nonce"])
		}
	}
	if len(nonces) != 2 || nonces[0] != nonces[1] {
		t.Errorf("nonces of the attempts %v, want the same twice", nonces)
	}
	if set := settingsOf(t, st, dailyGuild); set.LastPosted != "2026-10-25" || set.LastError != "" {
		t.Errorf("settings after the post: %+v", set)
	}
}

// TestDailyNonce: the poster sends a nonce derived from the key with
// enforce_nonce, so a repeat (after a crash before the post was recorded)
// does not post twice.
func TestDailyNonce(t *testing.T) {
	t.Parallel()
	h := startBot(t, nil, nil)
	p := daily.PostFor(service(t).Corpus, dailyGuild, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	key := dailyGuild + "/2026-12-01"
	for range 2 {
		if err := h.bot.PostDaily(context.Background(), dailyChannel, p, key); err != nil {
			t.Fatal(err)
		}
	}
	var nonces []string
	for _, r := range h.fake.Requests() {
		if r.Path == "/channels/"+dailyChannel+"/messages" {
			b := r.JSON(t)
			if b["enforce_nonce"] != true {
				t.Errorf("enforce_nonce = %v", b["enforce_nonce"])
			}
			nonces = append(nonces, b["nonce"].(string))
		}
	}
	if len(nonces) != 2 || nonces[0] != nonces[1] || len(nonces[0]) > 25 || nonces[0] == "" {
		t.Fatalf("nonces %q: want the same non-empty nonce of at most 25 characters twice", nonces)
	}
	if n := len(h.fake.CreatedIn(dailyChannel)); n != 1 {
		t.Errorf("%d messages from two posts with one key, want 1", n)
	}
	if err := h.bot.PostDaily(context.Background(), dailyChannel, p, dailyGuild+"/2026-12-02"); err != nil {
		t.Fatal(err)
	}
	if n := len(h.fake.CreatedIn(dailyChannel)); n != 2 {
		t.Errorf("another key made %d messages in all, want 2", n)
	}
	if dailyNonce("a/2026-12-01") == dailyNonce("b/2026-12-01") {
		t.Errorf("two servers share a nonce")
	}
}

// TestPostDailyErrors maps Discord's answers to what the scheduler
// understands, with exactly one request each: discordgo neither retries
// nor waits.
func TestPostDailyErrors(t *testing.T) {
	t.Parallel()
	type answer struct {
		status int
		body   string
	}
	var (
		mu    sync.Mutex
		next  answer
		calls atomic.Int32
	)
	srv := fakediscord.New(t, testToken)
	srv.Set(func(f *fakediscord.Discord) {
		f.Respond = func(fakediscord.Request) (int, string, bool) {
			calls.Add(1)
			mu.Lock()
			defer mu.Unlock()
			return next.status, next.body, true
		}
	})
	defer srv.Close()
	b, err := New(Config{Token: testToken, APIURL: srv.URL()}, service(t))
	if err != nil {
		t.Fatal(err)
	}
	p := daily.PostFor(service(t).Corpus, "s", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	for _, tt := range []struct {
		answer
		gone  bool
		after time.Duration // a *daily.RetryAfterError with this wait
	}{
		{answer{200, `{"id": "1", "channel_id": "1"}`}, false, 0},
		{answer{404, `{"message": "Unknown Channel", "code": 10003}`}, true, 0},
		{answer{403, `{"message": "Missing Access", "code": 50001}`}, true, 0},
		{answer{403, `{"message": "Missing Permissions", "code": 50013}`}, true, 0},
		{answer{400, `{"message": "Invalid Form Body", "code": 50035}`}, false, 0},
		{answer{500, `{"message": "Internal Server Error", "code": 0}`}, false, 0},
		{answer{502, `<html>Bad Gateway</html>`}, false, 0},
		{answer{429, `{"message": "You are being rate limited.", "retry_after": 3.5, "global": false}`}, false, 3500 * time.Millisecond},
	} {
		mu.Lock()
		next = tt.answer
		mu.Unlock()
		calls.Store(0)
		err := b.PostDaily(context.Background(), "1200000000000000003", p, "s/2026-12-01")
		if n := calls.Load(); n != 1 {
			t.Errorf("HTTP %d: %d requests, want 1", tt.status, n)
		}
		var ra *daily.RetryAfterError
		switch {
		case tt.status == 200:
			if err != nil {
				t.Errorf("HTTP 200: %v", err)
			}
		case tt.gone != errors.Is(err, daily.ErrChannelGone):
			t.Errorf("HTTP %d %s: error %v, gone %v", tt.status, tt.body, err, tt.gone)
		case tt.after > 0 && (!errors.As(err, &ra) || ra.After != tt.after):
			t.Errorf("HTTP 429: error %v, want a RetryAfterError of %v", err, tt.after)
		case tt.after == 0 && errors.As(err, &ra):
			t.Errorf("HTTP %d: unexpected RetryAfterError", tt.status)
		case !tt.gone && tt.after == 0 && err == nil:
			t.Errorf("HTTP %d: no error", tt.status)
		}
		if err != nil && strings.Contains(err.Error(), testToken) {
			t.Errorf("the error shows the token")
		}
	}
	if err := b.PostDaily(context.Background(), "../../users/@me", p, "k"); !errors.Is(err, daily.ErrChannelGone) {
		t.Errorf("a channel id that is no snowflake: %v", err)
	}
}

// TestDailyFromEnvironment: DAILY_CHANNEL_ID and DAILY_TIME post without
// any command; status shows them and /dagelijks uit overrides them.
func TestDailyFromEnvironment(t *testing.T) {
	t.Parallel()
	loc := brussels(t)
	clk := newSleepClock(time.Date(2026, 6, 1, 7, 0, 0, 0, loc))
	st := openStore(t, filepath.Join(t.TempDir(), "bondgenoot.db"))
	const envChannel = "1200000000000000005"
	h := startDailyBot(t, clk, st, func(c *Config) { c.DailyChannelID, c.DailyTime = envChannel, "7:15" })
	d := h.ephemeralReply(h.dagelijks("status"))
	containsAll(t, "status", plainJSON(d["embeds"]), "Staat **aan**", "**07:15**", "<#"+envChannel+">", "DAILY\\\\_CHANNEL\\\\_ID", "vandaag om 07:15")
	clk.to(t, time.Date(2026, 6, 1, 7, 15, 0, 0, loc))
	if n := len(h.fake.CreatedIn(envChannel)); n != 1 {
		t.Fatalf("%d posts at DAILY_TIME, want 1", n)
	}
	h.ephemeralReply(h.dagelijks("uit"))
	clk.to(t, time.Date(2026, 6, 2, 7, 15, 0, 0, loc))
	if n := len(h.fake.CreatedIn(envChannel)); n != 1 {
		t.Errorf("%d posts after /dagelijks uit, want still 1", n)
	}
}

// TestDailyConfigErrors: bad daily settings stop New with a message that
// names the variable.
func TestDailyConfigErrors(t *testing.T) {
	t.Parallel()
	st := openStore(t, filepath.Join(t.TempDir(), "bondgenoot.db"))
	for _, tt := range []struct {
		cfg  Config
		want string
	}{
		{Config{DailyTime: "25:00", DailyChannelID: "123", Store: st}, "DAILY_TIME"},
		{Config{DailyZone: "Europe/Gent", Store: st}, "DAILY_ZONE"},
		{Config{DailyChannelID: "#algemeen", Store: st}, "DAILY_CHANNEL_ID"},
		{Config{DailyChannelID: "123"}, "DAILY_CHANNEL_ID"},
	} {
		tt.cfg.Token = testToken
		_, err := New(tt.cfg, service(t))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: error %v, want one about %s", tt.cfg, err, tt.want)
		}
	}
}

// TestDailyOutsideServers: /dagelijks in a DM, or on a bot without a store,
// answers with a Dutch message only the user sees.
func TestDailyOutsideServers(t *testing.T) {
	t.Parallel()
	h := startBot(t, nil, nil)
	m := h.payload("interaction_help_dm.json")
	m["data"].(map[string]any)["name"] = "dagelijks"
	m["data"].(map[string]any)["options"] = []any{map[string]any{"name": "status", "type": 1}}
	d := h.ephemeralReply(m)
	containsAll(t, "in a DM", d["content"].(string), "alleen op een server")
	d = h.ephemeralReply(h.dagelijks("status"))
	containsAll(t, "without a store", d["content"].(string), "niet beschikbaar")
	m = h.dagelijks("bestaatniet")
	d = h.ephemeralReply(m)
	containsAll(t, "an unknown subcommand", d["content"].(string), "aan, uit, status of voorbeeld")
}

// The daily post's embed, as a golden file.
func TestDailyPostGolden(t *testing.T) {
	t.Parallel()
	p := daily.PostFor(service(t).Corpus, dailyGuild, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	r := finish(renderDailyPost(p))
	for _, prob := range replyProblems(r) {
		t.Errorf("limit: %s", prob)
	}
	checkGolden(t, "dagelijks-2026-12-01", replyJSON(t, r))
}

// Every post of a year, for a few servers, fits Discord's limits and has
// its button.
func TestDailyPostLimits(t *testing.T) {
	t.Parallel()
	c := service(t).Corpus
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, server := range []string{"", dailyGuild, chat.EnvServer} {
		for i := 0; i < 366; i++ {
			p := daily.PostFor(c, server, start.AddDate(0, 0, i))
			r := render(p, view{})
			for _, prob := range replyProblems(r) {
				t.Fatalf("%s %s: %s", server, p.Date, prob)
			}
			e := r.Embeds[0]
			if !strings.HasPrefix(e.Title, "Succesfactor van de dag: ") || e.Description == "" || e.Footer == nil || !strings.Contains(e.Footer.Text, "p. ") {
				t.Fatalf("%s %s: embed %+v", server, p.Date, e)
			}
			if p.Example != nil && (len(e.Fields) == 0 || !strings.HasPrefix(e.Fields[0].Name, "Voorbeeld uit ")) {
				t.Fatalf("%s %s: no example field", server, p.Date)
			}
			if p.Quote != nil && e.Fields[len(e.Fields)-1].Name != "Citaat" {
				t.Fatalf("%s %s: no quote field", server, p.Date)
			}
			btn := r.Components[0].(discordgo.ActionsRow).Components[0].(discordgo.Button)
			vw, err := decodeView(btn.CustomID)
			if btn.Label != dailyButtonLabel || err != nil || vw.Kind != "factor" || vw.Arg != p.FactorID || !chat.OpensPrivately(btn.CustomID) {
				t.Fatalf("%s %s: button %+v (%v)", server, p.Date, btn, err)
			}
			if r.Ephemeral {
				t.Fatalf("the post is ephemeral")
			}
		}
	}
	// The preview and the status fit too.
	p := daily.PostFor(c, dailyGuild, start)
	for _, r := range []*reply{
		renderPrivate(t, chat.DailyPreview{Post: p}),
		renderPrivate(t, &chat.DailyStatus{Set: daily.Settings{Enabled: true, ChannelID: "1", LastError: strings.Repeat("fout ", 500)}, Source: chat.FromStore, Now: start}),
	} {
		for _, prob := range replyProblems(r) {
			t.Errorf("limit: %s", prob)
		}
		if !r.Ephemeral {
			t.Errorf("not ephemeral: %+v", r)
		}
	}
}

// The console answers /dagelijks voorbeeld with today's post as text.
func TestConsoleDaily(t *testing.T) {
	t.Parallel()
	con := &chat.Console{Router: testRouter(t)}
	for line, want := range map[string]string{
		"/dagelijks voorbeeld": "Succesfactor van de dag",
		"/dagelijks":           "Succesfactor van de dag",
		"/dagelijks aan":       "werkt alleen in Discord",
		"/dagelijks zomaar":    "aan, uit, status of voorbeeld",
	} {
		if got := con.Answer(context.Background(), line); !strings.Contains(got, want) {
			t.Errorf("%s: %.200q, want %q", line, got, want)
		}
	}
}

func TestWhenDutch(t *testing.T) {
	t.Parallel()
	loc := brussels(t)
	now := time.Date(2026, 12, 31, 22, 0, 0, 0, loc)
	for _, tt := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2026, 12, 31, 23, 0, 0, 0, loc), "vandaag om 23:00"},
		{time.Date(2027, 1, 1, 9, 0, 0, 0, loc), "morgen om 09:00"},
		{time.Date(2027, 1, 5, 9, 5, 0, 0, loc), "dinsdag 5 januari 2027 om 09:05"},
	} {
		if got := chat.WhenDutch(tt.t, now, loc); got != tt.want {
			t.Errorf("chat.WhenDutch(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
}
