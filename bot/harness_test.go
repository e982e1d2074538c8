package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/internal/testcorpus"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/fakeclock"

	"github.com/bwmarrin/discordgo"
)

// testToken looks like a real bot token, so that redaction applies.
const testToken = "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.0123456789abcdefghijklmnopqrstuvwxyzAB"

// syncBuffer is a bytes.Buffer for logs written from several goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newTestClock is the fake clock of the harness: 12 May 2025, 09:00 UTC.
func newTestClock() *fakeclock.Clock {
	return fakeclock.New(time.Date(2025, 5, 12, 9, 0, 0, 0, time.UTC))
}

// harness is a real Bot connected to a fake Discord.
type harness struct {
	t      testing.TB
	bot    *Bot
	fake   *fakediscord.Discord
	logs   *syncBuffer
	clock  *fakeclock.Clock
	runErr chan error
	cancel context.CancelFunc
	ids    atomic.Int64
}

// startBot starts a bot against a fresh fake Discord and waits until it has
// registered its commands. tweak may change the config and the bot before
// it runs (for example to add a command that panics).
func startBot(t testing.TB, tweak func(*Config), tweakBot func(*Bot)) *harness {
	t.Helper()
	return startBotOn(t, fakediscord.New(t, testToken), tweak, tweakBot)
}

// startBotOn is startBot against a fake Discord the test has set up.
func startBotOn(t testing.TB, fake *fakediscord.Discord, tweak func(*Config), tweakBot func(*Bot)) *harness {
	t.Helper()
	h := &harness{t: t, logs: &syncBuffer{}, clock: newTestClock(), runErr: make(chan error, 1)}
	h.fake = fake
	cfg := Config{
		Token:   testToken,
		GuildID: "1200000000000000001",
		APIURL:  h.fake.URL(),
		Logger:  slog.New(slog.NewJSONHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug - 4})),
		Now:     h.clock.Now,
	}
	if tweak != nil {
		tweak(&cfg)
	}
	// Each bot has a service of its own over the shared corpus and index,
	// so that what one test caches (maps) never makes another's faster.
	shared := service(t)
	b, err := New(cfg, &answer.Service{Corpus: shared.Corpus, Index: shared.Index})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	// The most verbose discordgo output: its IDENTIFY log line holds the
	// token, which the redactor must remove.
	b.session.LogLevel = discordgo.LogDebug
	if tweakBot != nil {
		tweakBot(b)
	}
	h.bot = b
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.runErr <- b.Run(ctx) }()
	h.fake.WaitFor(10*time.Second, "the bulk overwrite of the commands", func(r fakediscord.Request) bool {
		return r.Method == "PUT" && strings.HasSuffix(r.Path, "/commands")
	})
	t.Cleanup(h.stop)
	return h
}

// stop shuts the bot down through its context and checks it ends cleanly.
func (h *harness) stop() {
	if h.cancel == nil {
		return
	}
	h.cancel()
	h.cancel = nil
	select {
	case err := <-h.runErr:
		if err != nil {
			h.t.Errorf("Run returned %v after shutdown", err)
		}
	case <-time.After(10 * time.Second):
		h.t.Errorf("Run did not return after shutdown")
	}
	h.fake.Close()
	if logs := h.logs.String(); strings.Contains(logs, testToken) {
		h.t.Errorf("the token appears in the logs")
	}
}

// payload loads a recorded payload from testdata and gives it a fresh id
// and token.
func (h *harness) payload(name string) map[string]any {
	h.t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		h.t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		h.t.Fatalf("%s: %v", name, err)
	}
	n := h.ids.Add(1)
	m["id"] = fmt.Sprintf("14%017d", n)
	if _, ok := m["token"]; ok {
		m["token"] = fmt.Sprintf("interaction-token-%d", n)
	}
	return m
}

// command builds a slash-command interaction from the zoek payload with
// another name and options (name, value pairs).
func (h *harness) command(name string, opts ...string) map[string]any {
	m := h.payload("interaction_zoek.json")
	data := m["data"].(map[string]any)
	data["name"] = name
	var list []any
	for i := 0; i+1 < len(opts); i += 2 {
		list = append(list, map[string]any{"name": opts[i], "type": 3, "value": opts[i+1]})
	}
	data["options"] = list
	return m
}

// setUser makes a payload come from another user.
func setUser(m map[string]any, id string) map[string]any {
	if mem, ok := m["member"].(map[string]any); ok {
		u := mem["user"].(map[string]any)
		cp := map[string]any{}
		for k, v := range u {
			cp[k] = v
		}
		cp["id"] = id
		mem2 := map[string]any{}
		for k, v := range mem {
			mem2[k] = v
		}
		mem2["user"] = cp
		m["member"] = mem2
	}
	if u, ok := m["user"].(map[string]any); ok {
		cp := map[string]any{}
		for k, v := range u {
			cp[k] = v
		}
		cp["id"] = id
		m["user"] = cp
	}
	return m
}

// interact dispatches an interaction and returns the callback body.
func (h *harness) interact(m map[string]any) map[string]any {
	h.t.Helper()
	h.fake.Dispatch("INTERACTION_CREATE", m)
	return h.fake.Callback(m["id"].(string)).JSON(h.t)
}

// replyData returns the data of a callback, checking what every message
// reply must have: allowed_mentions with an empty parse list.
func replyData(t testing.TB, cb map[string]any) map[string]any {
	t.Helper()
	d, ok := cb["data"].(map[string]any)
	if !ok {
		t.Fatalf("callback without data: %v", cb)
	}
	checkNoPing(t, d)
	return d
}

// checkNoPing asserts allowed_mentions is {"parse": []}.
func checkNoPing(t testing.TB, d map[string]any) {
	t.Helper()
	am, ok := d["allowed_mentions"].(map[string]any)
	if !ok {
		t.Fatalf("no allowed_mentions in %v", d)
	}
	parse, ok := am["parse"].([]any)
	if !ok || len(parse) != 0 {
		t.Errorf("allowed_mentions.parse = %#v, want []", am["parse"])
	}
	if len(am) != 2 || am["replied_user"] != false {
		t.Errorf("allowed_mentions = %v, want only parse [] and replied_user false", am)
	}
}

func flags(d map[string]any) int {
	f, _ := d["flags"].(float64)
	return int(f)
}

func cbType(cb map[string]any) int {
	f, _ := cb["type"].(float64)
	return int(f)
}

// jsonText is the whole value as JSON, for "contains" checks.
func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// customIDs returns every custom_id in the components of d, with the
// values of select options.
func customIDs(d map[string]any) (ids []string, values []string) {
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if id, ok := x["custom_id"].(string); ok {
				ids = append(ids, id)
			}
			if opts, ok := x["options"].([]any); ok {
				for _, o := range opts {
					if om, ok := o.(map[string]any); ok {
						if val, ok := om["value"].(string); ok {
							values = append(values, val)
						}
					}
				}
			}
			for k, c := range x {
				if k != "options" {
					walk(c)
				}
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	walk(d["components"])
	return ids, values
}

// service is the answer service over the real corpus and index.
func service(t testing.TB) *answer.Service { return testcorpus.Service(t) }
