package bot

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"

	"github.com/bwmarrin/discordgo"

	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/chat"
	"github.com/bondgenoot/bondgenoot/internal/metrics"
)

// getText GETs url and returns the status and body.
func getText(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// eventually polls cond every 20 ms for up to timeout.
func eventually(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
	return true
}

// isCallback matches the interaction callback of interaction id.
func isCallback(id string) func(fakediscord.Request) bool {
	return func(r fakediscord.Request) bool {
		return r.Method == "POST" && strings.HasPrefix(r.Path, "/interactions/"+id+"/") && strings.HasSuffix(r.Path, "/callback")
	}
}

// TestE2EHealthAndMetrics serves HEALTH_ADDR's handler for the running bot
// over the fake Discord: /healthz follows the gateway connection and
// /metrics counts what the bot did.
func TestE2EHealthAndMetrics(t *testing.T) {
	t.Parallel()
	m := metrics.New()
	h := startBotOn(t, fastGateway(t), func(c *Config) {
		c.Metrics = m
		c.WatchdogTimeout = 30 * time.Second
		c.Commands = append(chat.DefaultCommands(), chat.NewCommand("paniek", "", func(context.Context, *answer.Service, chat.Args) (any, view, error) {
			panic("boem")
		}))
	}, nil)
	srv := httptest.NewServer(metrics.Handler(m, h.bot.IndexHealth, h.bot.GatewayHealth))
	defer srv.Close()

	if !eventually(5*time.Second, func() bool { code, _ := getText(t, srv.URL+"/healthz"); return code == 200 }) {
		code, body := getText(t, srv.URL+"/healthz")
		t.Fatalf("/healthz of a connected bot = %d %q", code, body)
	}

	h.interact(setUser(h.command("zoek", "term", "brugfiguur"), "2400000000000000001"))
	h.interact(setUser(h.command("netwerk", "naam", "bestaat helemaal niet"), "2400000000000000002"))
	h.interact(setUser(h.command("paniek"), "2400000000000000003"))
	for range 6 {
		h.interact(setUser(h.command("help"), "2400000000000000004"))
	}
	h.interact(h.payload("interaction_autocomplete_netwerk.json"))
	btn := h.payload("interaction_button.json")
	btn["data"].(map[string]any)["custom_id"] = encodeView(view{Kind: "factor", Arg: "laagdrempeligheid"})
	h.interact(btn)
	// Discord limits one callback once; the bot waits and tries again.
	zoek := setUser(h.command("zoek", "term", "school"), "2400000000000000005")
	h.fake.Limit(1, 100*time.Millisecond, isCallback(zoek["id"].(string)))
	h.interact(zoek)
	mention := h.payload("message_create_mention.json")
	h.fake.Dispatch("MESSAGE_CREATE", mention)

	want := []string{
		`bondgenoot_commands_total{command="zoek",outcome="ok"} 2`,
		`bondgenoot_commands_total{command="netwerk",outcome="user_error"} 1`,
		`bondgenoot_commands_total{command="paniek",outcome="internal_error"} 1`,
		`bondgenoot_commands_total{command="help",outcome="ok"} 5`,
		`bondgenoot_commands_total{command="help",outcome="cooldown"} 1`,
		`bondgenoot_commands_total{command="button:factor",outcome="ok"} 1`,
		`bondgenoot_reply_seconds_count{kind="command"} 11`,
		`bondgenoot_reply_seconds_count{kind="mention"} 1`,
		`bondgenoot_autocomplete_total 1`,
		`bondgenoot_mention_replies_total 1`,
		`bondgenoot_panics_recovered_total 1`,
		`bondgenoot_rate_limited_total{source="cooldown"} 1`,
		`bondgenoot_rate_limited_total{source="discord"} 1`,
		`bondgenoot_daily_posts_sent_total 0`,
		`go_goroutines`,
	}
	var body string
	ok := eventually(5*time.Second, func() bool {
		var code int
		code, body = getText(t, srv.URL+"/metrics")
		if code != 200 {
			return false
		}
		for _, w := range want {
			if !strings.Contains(body, w) {
				return false
			}
		}
		return true
	})
	if !ok {
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("/metrics lacks %q", w)
			}
		}
		var ours []string
		for _, l := range strings.Split(body, "\n") {
			if strings.HasPrefix(l, "bondgenoot_") {
				ours = append(ours, l)
			}
		}
		t.Logf("bondgenoot metrics:\n%s", strings.Join(ours, "\n"))
	}

	// The gateway goes away and does not let the bot back in for a while:
	// /healthz says so, then recovers.
	h.fake.Set(func(f *fakediscord.Discord) { f.Refuse = true })
	h.fake.DropAbruptly()
	var why string
	if !eventually(5*time.Second, func() bool {
		var code int
		code, why = getText(t, srv.URL+"/healthz")
		return code == http.StatusServiceUnavailable
	}) {
		t.Fatalf("/healthz stays ok while the gateway is down")
	}
	if !strings.Contains(why, "niet verbonden met de Discord-gateway") {
		t.Errorf("/healthz reason = %q", why)
	}
	h.fake.Set(func(f *fakediscord.Discord) { f.Refuse = false })
	if !eventually(10*time.Second, func() bool { code, _ := getText(t, srv.URL+"/healthz"); return code == 200 }) {
		t.Errorf("/healthz not ok after the gateway came back")
	}
}

func TestIndexHealth(t *testing.T) {
	t.Parallel()
	b := &Bot{svc: &answer.Service{}}
	if ok, why := b.IndexHealth(); ok || why == "" {
		t.Errorf("IndexHealth without an index = %v %q", ok, why)
	}
	b.svc = service(t)
	if ok, why := b.IndexHealth(); !ok {
		t.Errorf("IndexHealth = %v %q", ok, why)
	}
}

// TestE2ERateLimits: a 429 from Discord is never waited out by discordgo.
// The bot retries an answer once after retry_after when that still fits in
// Discord's 3-second window (or the deadline of a later request), and
// otherwise gives up at once and logs it.
func TestE2ERateLimits(t *testing.T) {
	t.Parallel()
	h := startBot(t, func(c *Config) {
		c.Metrics = metrics.New()
		c.Commands = append(chat.DefaultCommands(), chat.NewCommand("traag", "", func(ctx context.Context, s *answer.Service, _ chat.Args) (any, view, error) {
			time.Sleep(chat.DefaultDeferAfter + 100*time.Millisecond) // deferred, then edited in
			return chat.Redo(ctx, s, view{Kind: "netwerk", Arg: "Duosprong"})
		}))
	}, nil)
	users := 0
	cmd := func(name string, opts ...string) map[string]any {
		users++
		return setUser(h.command(name, opts...), fmt.Sprintf("25%017d", users))
	}
	count := func(match func(fakediscord.Request) bool) int { return h.fake.Count(match) }

	t.Run("retry after a short wait", func(t *testing.T) {
		m := cmd("zoek", "term", "brugfiguur")
		id := m["id"].(string)
		h.fake.Limit(1, 300*time.Millisecond, isCallback(id))
		h.fake.Dispatch("INTERACTION_CREATE", m)
		second := h.fake.WaitNth(5*time.Second, "the second callback", 2, isCallback(id))
		first := h.fake.Callback(id)
		if gap := second.At.Sub(first.At); gap < 300*time.Millisecond || gap > 2*time.Second {
			t.Errorf("retried after %v, want retry_after (300 ms)", gap)
		}
		if !strings.Contains(string(second.Body), "Brugfiguren basisonderwijs") {
			t.Errorf("retried callback lacks the answer: %.300s", second.Body)
		}
	})

	t.Run("give up when the window would close", func(t *testing.T) {
		m := cmd("zoek", "term", "school")
		id := m["id"].(string)
		h.fake.Limit(1, 5*time.Second, isCallback(id))
		start := time.Now()
		h.fake.Dispatch("INTERACTION_CREATE", m)
		h.fake.Callback(id)
		if !eventually(2*time.Second, func() bool {
			return strings.Contains(h.logs.String(), "Discord beperkt het tempo; opgegeven")
		}) {
			t.Fatalf("no give-up logged within 2 s (discordgo waiting out the 5 s?)")
		}
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("gave up after %v", took)
		}
		// The bot is not blocked: the next user gets an answer at once.
		cb := h.interact(cmd("zoek", "term", "brugfiguur"))
		if !strings.Contains(jsonText(cb), "Brugfiguren basisonderwijs") {
			t.Errorf("no answer after a give-up")
		}
		time.Sleep(200 * time.Millisecond)
		if n := count(isCallback(id)); n != 1 {
			t.Errorf("%d callbacks for the limited interaction, want 1", n)
		}
	})

	t.Run("only one retry", func(t *testing.T) {
		m := cmd("zoek", "term", "gezin")
		id := m["id"].(string)
		h.fake.Limit(2, 100*time.Millisecond, isCallback(id))
		h.fake.Dispatch("INTERACTION_CREATE", m)
		if !eventually(3*time.Second, func() bool {
			return strings.Contains(h.logs.String(), "Discord beperkt het tempo opnieuw; opgegeven")
		}) {
			t.Fatalf("no second give-up logged")
		}
		time.Sleep(300 * time.Millisecond)
		if n := count(isCallback(id)); n != 2 {
			t.Errorf("%d callbacks, want 2 (one retry)", n)
		}
	})

	t.Run("autocomplete", func(t *testing.T) {
		m := h.payload("interaction_autocomplete_netwerk.json")
		id := m["id"].(string)
		h.fake.Limit(1, 100*time.Millisecond, isCallback(id))
		h.fake.Dispatch("INTERACTION_CREATE", m)
		h.fake.WaitNth(3*time.Second, "the retried autocomplete", 2, isCallback(id))
	})

	t.Run("webhook edit after deferring", func(t *testing.T) {
		m := cmd("traag")
		tok := m["token"].(string)
		isEdit := func(r fakediscord.Request) bool {
			return r.Method == "PATCH" && strings.Contains(r.Path, "/"+tok+"/messages/@original")
		}
		h.fake.Limit(1, 200*time.Millisecond, isEdit)
		h.fake.Dispatch("INTERACTION_CREATE", m)
		edit := h.fake.WaitNth(5*time.Second, "the retried edit", 2, isEdit)
		if !strings.Contains(string(edit.Body), "Duosprong") {
			t.Errorf("edit lacks the answer: %.300s", edit.Body)
		}
	})

	t.Run("mention reply", func(t *testing.T) {
		m := h.payload("message_create_mention.json")
		m["author"] = map[string]any{"id": "2500000000000009999", "username": "x"}
		id := m["id"].(string)
		isReply := func(r fakediscord.Request) bool {
			return r.Method == "POST" && strings.HasPrefix(r.Path, "/channels/") && strings.Contains(string(r.Body), `"message_id":"`+id+`"`)
		}
		h.fake.Limit(1, 200*time.Millisecond, isReply)
		h.fake.Dispatch("MESSAGE_CREATE", m)
		h.fake.WaitNth(5*time.Second, "the retried mention reply", 2, isReply)
	})

	if n := strings.Count(h.logs.String(), "Discord beperkt het tempo"); n < 7 {
		t.Errorf("%d rate limits logged, want every one", n)
	}
}

// bucketCount is the number of rate-limit buckets discordgo keeps for s.
func bucketCount(s *discordgo.Session) int {
	return reflect.ValueOf(s.Ratelimiter).Elem().FieldByName("buckets").Len()
}

// TestRateLimitBucketsBounded: discordgo keeps a bucket per URL forever,
// and every interaction has URLs of its own. The bot's memory must not grow
// with the number of interactions: responses go through sessions that are
// replaced every restRotateEvery requests.
func TestRateLimitBucketsBounded(t *testing.T) {
	t.Parallel()
	h := startBot(t, func(c *Config) { c.CommandLimit = -1 }, nil)
	before := bucketCount(h.bot.session)
	for range 30 {
		h.interact(h.command("help"))
	}
	if after := bucketCount(h.bot.session); after != before {
		t.Errorf("the gateway session's buckets grew from %d to %d", before, after)
	}

	p := &restPool{main: h.bot.session}
	first := p.get()
	for range restRotateEvery - 1 {
		if p.get() != first {
			t.Fatal("rotated too early")
		}
	}
	next := p.get()
	if next == first {
		t.Fatalf("no new session after %d requests", restRotateEvery)
	}
	if next.Token != h.bot.session.Token || next.Client != h.bot.session.Client || next.StateEnabled {
		t.Errorf("the new session lacks the main session's settings")
	}
}
