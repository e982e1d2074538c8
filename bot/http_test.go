package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/chat"
)

// httpHarness is a bot with the HTTP interactions endpoint, next to the
// fake Discord of its harness.
type httpHarness struct {
	*harness
	signer *fakediscord.Signer
	url    string
}

// startHTTPBot starts a bot that serves POST /interactions; gateway says
// whether it also connects to the gateway.
func startHTTPBot(t *testing.T, gateway bool, tweak func(*Config)) *httpHarness {
	t.Helper()
	signer := fakediscord.NewSigner(t.Name())
	fake := fakediscord.New(t, testToken)
	h := startBotOn(t, fake, func(c *Config) {
		c.PublicKey = signer.PublicKey()
		c.HTTPAddr = "127.0.0.1:0"
		c.AppID = fake.AppID
		c.NoGateway = !gateway
		if tweak != nil {
			tweak(c)
		}
	}, nil)
	var addr string
	if !eventually(5*time.Second, func() bool { addr = h.bot.HTTPAddr(); return addr != "" }) {
		t.Fatal("the HTTP endpoint did not start")
	}
	return &httpHarness{harness: h, signer: signer, url: "http://" + addr + InteractionsPath}
}

// post sends an interaction signed at ts and returns the status and the
// decoded body (nil when it is no JSON object).
func (h *httpHarness) post(body []byte, ts time.Time) (int, map[string]any) {
	h.t.Helper()
	req, err := h.signer.Request(h.url, body, ts)
	if err != nil {
		h.t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	var m map[string]any
	_ = json.Unmarshal(data, &m)
	return resp.StatusCode, m
}

// interactHTTP posts interaction m signed now and returns the response
// body, which must be a 200.
func (h *httpHarness) interactHTTP(m map[string]any) map[string]any {
	h.t.Helper()
	status, body := h.post(mustJSON(h.t, m), time.Now())
	if status != http.StatusOK || body == nil {
		h.t.Fatalf("status %d, body %v", status, body)
	}
	return body
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The signature decides: a good one is answered, a bad one, a missing
// one, a stale or future timestamp get 401; PING gets PONG.
func TestHTTPDoorSignatures(t *testing.T) {
	t.Parallel()
	h := startHTTPBot(t, false, nil)
	ping := []byte(`{"id":"1","application_id":"900000000000000001","type":1,"token":"t","version":1}`)
	if status, body := h.post(ping, time.Now()); status != http.StatusOK || body["type"] != float64(1) || len(body) != 1 {
		t.Errorf("PING: %d %v, want 200 {\"type\":1}", status, body)
	}
	for name, mutate := range map[string]func(*http.Request){
		"bad signature": func(r *http.Request) {
			sig := []byte(r.Header.Get("X-Signature-Ed25519"))
			if sig[0] == '0' {
				sig[0] = '1'
			} else {
				sig[0] = '0'
			}
			r.Header.Set("X-Signature-Ed25519", string(sig))
		},
		"no signature":  func(r *http.Request) { r.Header.Del("X-Signature-Ed25519") },
		"no timestamp":  func(r *http.Request) { r.Header.Del("X-Signature-Timestamp") },
		"hex garbage":   func(r *http.Request) { r.Header.Set("X-Signature-Ed25519", "zz") },
		"other message": func(r *http.Request) { r.Header.Set("X-Signature-Timestamp", "1") },
	} {
		req, _ := h.signer.Request(h.url, ping, time.Now())
		mutate(req)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", name, resp.StatusCode)
		}
	}
	for _, ts := range []time.Time{time.Now().Add(-6 * time.Minute), time.Now().Add(6 * time.Minute)} {
		if status, _ := h.post(ping, ts); status != http.StatusUnauthorized {
			t.Errorf("timestamp %v: status %d, want 401", ts, status)
		}
	}
	// A body over 1 MB is refused before any work.
	big := bytes.Repeat([]byte("x"), maxInteractionBody+10)
	if status, _ := h.post(big, time.Now()); status != http.StatusRequestEntityTooLarge {
		t.Errorf("big body: status %d, want 413", status)
	}
	// Only POST.
	resp, err := http.Get(h.url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: status %d", resp.StatusCode)
	}
	// A signed body that is no interaction.
	if status, _ := h.post([]byte("not json"), time.Now()); status != http.StatusBadRequest {
		t.Errorf("garbage: status %d, want 400", status)
	}
	if n := h.fake.Count(func(r fakediscord.Request) bool { return strings.Contains(r.Path, "/callback") }); n != 0 {
		t.Errorf("%d callbacks over REST: the HTTP door answers in its response", n)
	}
}

// Commands, buttons, menus and autocomplete answer over HTTP exactly as
// over the gateway.
func TestHTTPDoorSameRepliesAsGateway(t *testing.T) {
	t.Parallel()
	h := startHTTPBot(t, true, nil)
	for i, name := range []string{"interaction_zoek.json", "interaction_netwerk.json", "interaction_partner.json", "interaction_regio.json",
		"interaction_button.json", "interaction_select.json", "interaction_autocomplete_netwerk.json"} {
		prepare := func(m map[string]any) map[string]any {
			data := m["data"].(map[string]any)
			switch name {
			case "interaction_button.json":
				data["custom_id"] = chat.EncodeViewAs(chat.RoleNext, view{Kind: "zoek", Arg: "brugfiguur", Page: 1})
			case "interaction_select.json":
				data["custom_id"] = chat.EncodeViewAs(chat.RoleSelect, view{Kind: "zoek", Arg: "school"})
				data["values"] = []any{chat.EncodeView(view{Kind: "zoek", Arg: "school", Theme: "onderwijs"})}
			}
			return m
		}
		overHTTP := h.interactHTTP(prepare(setUser(h.payload(name), fmt.Sprintf("20000000000000%02d01", i))))
		overGateway := h.interact(prepare(setUser(h.payload(name), fmt.Sprintf("20000000000000%02d02", i))))
		if strings.Contains(jsonText(overHTTP), "werkt niet meer") {
			t.Errorf("%s: a stale button: %.300s", name, jsonText(overHTTP))
		}
		if a, b := jsonText(overHTTP), jsonText(overGateway); a != b {
			t.Errorf("%s: HTTP answered\n%.400s\ngateway answered\n%.400s", name, a, b)
		}
		if cbType(overHTTP) == 0 {
			t.Errorf("%s: no response type: %v", name, overHTTP)
		}
	}
}

// Without the gateway, the bot registers its commands over REST and
// answers over HTTP; a slow answer is deferred and edited in.
func TestHTTPDoorWithoutGatewayDefers(t *testing.T) {
	t.Parallel()
	h := startHTTPBot(t, false, func(c *Config) {
		c.DeferAfter = 30 * time.Millisecond
		c.Commands = append(chat.DefaultCommands(), chat.NewCommand("traag", "", func(ctx context.Context, s *answer.Service, _ chat.Args) (any, view, error) {
			time.Sleep(150 * time.Millisecond)
			return chat.Redo(ctx, s, view{Kind: "netwerk", Arg: "Duosprong"})
		}))
	})
	if h.fake.Connected() {
		t.Error("connected to the gateway with NoGateway")
	}
	m := h.command("traag")
	body := h.interactHTTP(m)
	if cbType(body) != cbDeferredMessage {
		t.Fatalf("first response %v, want a deferral (type %d)", body, cbDeferredMessage)
	}
	edit := h.fake.WaitFor(5*time.Second, "the edit of the deferred answer", func(r fakediscord.Request) bool {
		return r.Method == "PATCH" && strings.Contains(r.Path, "/messages/@original") && strings.Contains(r.Path, m["token"].(string))
	})
	if !strings.Contains(string(edit.Body), "Duosprong") {
		t.Errorf("edit without the card: %.300s", edit.Body)
	}
	// A normal command still answers in the response.
	body = h.interactHTTP(h.command("zoek", "term", "brugfiguur"))
	if !strings.Contains(jsonText(body), "Brugfiguren basisonderwijs") {
		t.Errorf("zoek over HTTP: %.300s", jsonText(body))
	}
}

// verify accepts exactly Discord's signatures.
func TestVerify(t *testing.T) {
	t.Parallel()
	s := fakediscord.NewSigner("verify")
	key := mustHex(t, s.PublicKey())
	now := time.Unix(1_800_000_000, 0)
	body := []byte(`{"type":1}`)
	sig, ts := s.Sign(body, now)
	tests := []struct {
		name      string
		sig, ts   string
		body      []byte
		now       time.Time
		wantValid bool
	}{
		{"good", sig, ts, body, now, true},
		{"4 minutes late", sig, ts, body, now.Add(4 * time.Minute), true},
		{"6 minutes late", sig, ts, body, now.Add(6 * time.Minute), false},
		{"6 minutes early", sig, ts, body, now.Add(-6 * time.Minute), false},
		{"other body", sig, ts, []byte(`{"type":2}`), now, false},
		{"other timestamp", sig, "1800000001", body, now, false},
		{"timestamp not a number", sig, "soon", body, now, false},
		{"short signature", sig[:10], ts, body, now, false},
		{"empty", "", "", body, now, false},
	}
	for _, tt := range tests {
		if got := verify(key, tt.sig, tt.ts, tt.body, tt.now); got != tt.wantValid {
			t.Errorf("%s: verify = %v, want %v", tt.name, got, tt.wantValid)
		}
	}
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b := make([]byte, len(s)/2)
	for i := range b {
		var v byte
		for _, c := range s[2*i : 2*i+2] {
			v <<= 4
			switch {
			case c >= '0' && c <= '9':
				v |= byte(c - '0')
			case c >= 'a' && c <= 'f':
				v |= byte(c-'a') + 10
			default:
				t.Fatalf("not hex: %q", s)
			}
		}
		b[i] = v
	}
	return b
}

// The configuration of the HTTP door is checked at New.
func TestHTTPDoorConfigErrors(t *testing.T) {
	t.Parallel()
	key := fakediscord.NewSigner("x").PublicKey()
	for _, tt := range []struct {
		cfg  Config
		want string
	}{
		{Config{PublicKey: key}, "HTTP_ADDR"},
		{Config{HTTPAddr: "127.0.0.1:0"}, "DISCORD_PUBLIC_KEY"},
		{Config{PublicKey: "abc", HTTPAddr: "127.0.0.1:0", AppID: "1"}, "DISCORD_PUBLIC_KEY"},
		{Config{PublicKey: key, HTTPAddr: "127.0.0.1:0"}, "DISCORD_APP_ID"},
		{Config{NoGateway: true}, "GATEWAY=uit"},
	} {
		tt.cfg.Token = testToken
		if _, err := New(tt.cfg, service(t)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: %v, want an error about %s", tt.cfg, err, tt.want)
		}
	}
}

// A deferred button press whose answer is an error (only the presser sees
// it) comes as a follow-up; the message with the button stays.
func TestDeferredButtonErrorKeepsTheMessage(t *testing.T) {
	t.Parallel()
	h := startBot(t, func(c *Config) { c.DeferAfter = time.Nanosecond }, nil)
	m := setUser(h.payload("interaction_button.json"), "2000000000000000301")
	m["data"].(map[string]any)["custom_id"] = chat.EncodeView(view{Kind: "netwerk", Arg: "zzzqqq"}) // a network that is not there
	h.fake.Dispatch("INTERACTION_CREATE", m)
	tok := m["token"].(string)
	h.fake.WaitFor(5*time.Second, "the follow-up", func(r fakediscord.Request) bool {
		return r.Method == "POST" && strings.HasSuffix(r.Path, "/webhooks/"+h.fake.AppID+"/"+tok)
	})
	if n := h.fake.Count(func(r fakediscord.Request) bool { return r.Method == "DELETE" && strings.Contains(r.Path, tok) }); n != 0 {
		t.Errorf("the message with the button was deleted (%d DELETE)", n)
	}
}
