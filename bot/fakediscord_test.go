package bot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// fakeDiscord is a local stand-in for Discord: an httptest REST server and a
// websocket gateway on the same port. It speaks just enough of API v10 for
// the bot: GET /gateway(/bot), the gateway handshake (HELLO, IDENTIFY →
// READY, heartbeats), command bulk overwrites, interaction callbacks, webhook
// edits and follow-ups, and channel messages. Every REST request is
// recorded; tests wait for the ones they expect and read the JSON the bot
// sent. It is hand-written: no mock of the bot's own interfaces.
type fakeDiscord struct {
	t         testing.TB
	srv       *httptest.Server
	token     string // the bot token it accepts
	appID     string
	botID     string
	sessionID string
	mu        sync.Mutex
	onRequest func(fakeRequest) // sees every REST request as it arrives
	reqs      []fakeRequest
	changed   chan struct{} // closed and replaced on every new request
	conn      *websocket.Conn
	identify  json.RawMessage // the IDENTIFY payload's d
	seq       int
	wmu       sync.Mutex // serialises writes to conn
	closed    bool
}

// fakeRequest is one REST request the bot made.
type fakeRequest struct {
	Method string
	Path   string // without the /api/v10 prefix, e.g. "/interactions/1/tok/callback"
	Query  string
	Auth   string
	Body   []byte
	At     time.Time
}

// json decodes the request body into a generic value.
func (r fakeRequest) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("%s %s: body is no JSON object: %v\n%s", r.Method, r.Path, err, r.Body)
	}
	return m
}

const fakeAPIPrefix = "/api/v10"

func newFakeDiscord(t testing.TB, token string) *fakeDiscord {
	f := &fakeDiscord{
		t:         t,
		token:     token,
		appID:     "900000000000000001",
		botID:     "900000000000000001",
		sessionID: "fake-session-1",
		changed:   make(chan struct{}),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/gateway/", f.gateway)
	mux.HandleFunc("/gateway", f.gateway)
	mux.HandleFunc(fakeAPIPrefix+"/", f.rest)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		f.record(r, nil)
		http.Error(w, `{"message": "404: Not Found", "code": 0}`, http.StatusNotFound)
	})
	f.srv = httptest.NewServer(mux)
	return f
}

// URL is the base URL to give the bot as DISCORD_API_URL.
func (f *fakeDiscord) URL() string { return f.srv.URL }

func (f *fakeDiscord) record(r *http.Request, body []byte) fakeRequest {
	req := fakeRequest{
		Method: r.Method, Path: strings.TrimPrefix(r.URL.Path, fakeAPIPrefix), Query: r.URL.RawQuery,
		Auth: r.Header.Get("Authorization"), Body: body, At: time.Now(),
	}
	f.mu.Lock()
	if f.onRequest != nil {
		f.onRequest(req)
	}
	f.reqs = append(f.reqs, req)
	close(f.changed)
	f.changed = make(chan struct{})
	f.mu.Unlock()
	return req
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// fakeMessage is the message object the fake returns for created or edited
// messages.
func (f *fakeDiscord) fakeMessage(channelID string, body []byte) map[string]any {
	m := map[string]any{}
	_ = json.Unmarshal(body, &m)
	m["id"] = fmt.Sprintf("8%017d", time.Now().UnixNano()%1e17)
	m["channel_id"] = channelID
	m["author"] = map[string]any{"id": f.botID, "username": "bondgenoot", "bot": true}
	m["timestamp"] = time.Now().UTC().Format(time.RFC3339)
	delete(m, "allowed_mentions")
	delete(m, "message_reference")
	return m
}

func (f *fakeDiscord) rest(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req := f.record(r, body)
	if req.Auth != "Bot "+f.token {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"message": "401: Unauthorized", "code": 0})
		return
	}
	p := strings.Split(strings.Trim(req.Path, "/"), "/")
	route := func(method string, pattern ...string) bool {
		if r.Method != method || len(p) != len(pattern) {
			return false
		}
		for i, s := range pattern {
			if s != "*" && s != p[i] {
				return false
			}
		}
		return true
	}
	wsURL := "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/gateway"
	switch {
	case route("GET", "gateway"):
		writeJSON(w, 200, map[string]any{"url": wsURL})
	case route("GET", "gateway", "bot"):
		writeJSON(w, 200, map[string]any{"url": wsURL, "shards": 1,
			"session_start_limit": map[string]any{"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}})
	case route("GET", "users", "@me"):
		writeJSON(w, 200, map[string]any{"id": f.botID, "username": "bondgenoot", "bot": true})
	case route("PUT", "applications", "*", "commands"), route("PUT", "applications", "*", "guilds", "*", "commands"):
		var cmds []map[string]any
		if err := json.Unmarshal(body, &cmds); err != nil {
			writeJSON(w, 400, map[string]any{"message": "Invalid Form Body", "code": 50035})
			return
		}
		for i, c := range cmds {
			c["id"] = fmt.Sprintf("70000000000000000%d", i)
			c["application_id"] = p[1]
			c["version"] = "1"
		}
		writeJSON(w, 200, cmds)
	case route("POST", "interactions", "*", "*", "callback"):
		if !json.Valid(body) {
			writeJSON(w, 400, map[string]any{"message": "Invalid JSON", "code": 50109})
			return
		}
		w.WriteHeader(http.StatusNoContent)
	case route("PATCH", "webhooks", "*", "*", "messages", "*"):
		writeJSON(w, 200, f.fakeMessage("channel", body))
	case route("DELETE", "webhooks", "*", "*", "messages", "*"):
		w.WriteHeader(http.StatusNoContent)
	case route("POST", "webhooks", "*", "*"):
		writeJSON(w, 200, f.fakeMessage("channel", body))
	case route("POST", "channels", "*", "messages"):
		writeJSON(w, 200, f.fakeMessage(p[1], body))
	default:
		writeJSON(w, http.StatusNotFound, map[string]any{"message": "404: Not Found", "code": 0})
	}
}

// gateway is the websocket gateway: HELLO, then IDENTIFY → READY, then
// heartbeat ACKs until the connection ends. Dispatches are pushed with
// dispatch.
func (f *fakeDiscord) gateway(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	conn, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer func() {
		conn.Close()
		f.mu.Lock()
		if f.conn == conn {
			f.conn = nil
		}
		f.mu.Unlock()
	}()
	if err := conn.WriteJSON(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 41250}}); err != nil {
		return
	}
	for {
		var msg struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := conn.ReadJSON(&msg); err != nil {
			return
		}
		switch msg.Op {
		case 1: // heartbeat
			f.write(conn, map[string]any{"op": 11})
		case 2: // identify
			var id struct {
				Token string `json:"token"`
			}
			_ = json.Unmarshal(msg.D, &id)
			if id.Token != "Bot "+f.token {
				_ = conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."))
				return
			}
			f.mu.Lock()
			f.identify = msg.D
			f.conn = conn
			f.mu.Unlock()
			f.dispatch("READY", map[string]any{
				"v":           10,
				"session_id":  f.sessionID,
				"user":        map[string]any{"id": f.botID, "username": "bondgenoot", "discriminator": "0", "bot": true},
				"application": map[string]any{"id": f.appID, "flags": 0},
				"guilds":      []any{},
				"shard":       []int{0, 1},
			})
		}
	}
}

func (f *fakeDiscord) write(conn *websocket.Conn, v any) {
	f.wmu.Lock()
	defer f.wmu.Unlock()
	_ = conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
	_ = conn.WriteJSON(v)
}

// dispatch sends an event (op 0) to the connected bot.
func (f *fakeDiscord) dispatch(event string, d any) {
	f.mu.Lock()
	conn := f.conn
	f.seq++
	seq := f.seq
	f.mu.Unlock()
	if conn == nil {
		f.t.Fatalf("dispatch %s: no bot connected", event)
	}
	f.write(conn, map[string]any{"op": 0, "t": event, "s": seq, "d": d})
}

// watch makes fn see every REST request as it arrives (the benchmark times
// replies with it). fn must be quick: it runs under the fake's lock.
func (f *fakeDiscord) watch(fn func(fakeRequest)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.onRequest = fn
}

// requests returns a copy of the requests so far.
func (f *fakeDiscord) requests() []fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeRequest(nil), f.reqs...)
}

// waitFor returns the first request that matches, waiting up to timeout.
func (f *fakeDiscord) waitFor(timeout time.Duration, what string, match func(fakeRequest) bool) fakeRequest {
	f.t.Helper()
	deadline := time.After(timeout)
	for {
		f.mu.Lock()
		for _, r := range f.reqs {
			if match(r) {
				f.mu.Unlock()
				return r
			}
		}
		changed := f.changed
		f.mu.Unlock()
		select {
		case <-changed:
		case <-deadline:
			var b bytes.Buffer
			for _, r := range f.requests() {
				fmt.Fprintf(&b, "  %s %s %.200s\n", r.Method, r.Path, r.Body)
			}
			f.t.Fatalf("waited %v for %s; requests so far:\n%s", timeout, what, b.String())
		}
	}
}

// callback waits for the interaction callback of interaction id.
func (f *fakeDiscord) callback(id string) fakeRequest {
	f.t.Helper()
	return f.waitFor(5*time.Second, "callback of interaction "+id, func(r fakeRequest) bool {
		return r.Method == "POST" && strings.HasPrefix(r.Path, "/interactions/"+id+"/") && strings.HasSuffix(r.Path, "/callback")
	})
}

// count returns how many requests match.
func (f *fakeDiscord) count(match func(fakeRequest) bool) int {
	n := 0
	for _, r := range f.requests() {
		if match(r) {
			n++
		}
	}
	return n
}

// identified returns the IDENTIFY payload the bot sent.
func (f *fakeDiscord) identified() json.RawMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.identify
}

// connected reports whether a bot holds the gateway connection.
func (f *fakeDiscord) connected() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.conn != nil && !f.closed
}

// Close ends the gateway connection and the server.
func (f *fakeDiscord) Close() {
	f.mu.Lock()
	conn := f.conn
	f.closed = true
	f.mu.Unlock()
	if conn != nil {
		conn.Close()
	}
	f.srv.Close()
}
