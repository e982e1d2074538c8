// Package fakediscord is a local stand-in for Discord for the tests of the
// project: REST, the gateway, and a signer for HTTP interactions. It is
// importable, so that every test that needs a Discord uses this one.
package fakediscord

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Discord is a local stand-in for Discord: an httptest REST server and a
// websocket gateway on the same port. It speaks just enough of API v10 for
// the bot: GET /gateway(/bot), the gateway handshake (HELLO, IDENTIFY →
// READY, heartbeats), command bulk overwrites, interaction callbacks, webhook
// edits and follow-ups, and channel messages. Every REST request is
// recorded; tests wait for the ones they expect and read the JSON the bot
// sent. It is hand-written: no mock of the bot's own interfaces.
type Discord struct {
	t         testing.TB
	srv       *httptest.Server
	Token     string // the bot token it accepts
	AppID     string
	BotID     string
	SessionID string
	mu        sync.Mutex
	OnRequest func(Request) // sees every REST request as it arrives
	reqs      []Request
	changed   chan struct{} // closed and replaced on every new request
	conn      *websocket.Conn
	identify  json.RawMessage // the IDENTIFY payload's d
	seq       int
	wmu       sync.Mutex // serialises writes to conn
	closed    bool

	// Gateway behaviour, for the watchdog tests and the soak test.
	Heartbeat   time.Duration // HELLO's heartbeat interval; zero: Discord's 41.25 s
	OnResume    string        // answer to RESUME: "" like Discord (see gateway), "reconnect" (op 7), "ignore"
	Refuse      bool          // refuse new gateway connections (HTTP 503)
	Invalidated bool          // the bot closed with 1000/1001: Discord drops the session
	Identifies  int           // IDENTIFYs received
	Resumes     int           // RESUMEs received
	Discard     bool          // keep no requests (the soak test sends too many)
	// CloseCode, when set, answers every IDENTIFY and RESUME with a close
	// frame with this code (4004 authentication failed, 4014 disallowed
	// intents, …) and CloseReason.
	CloseCode   int
	CloseReason string
	Dials       int // gateway connections opened
	// StartLimit is the session_start_limit of GET /gateway/bot; zero
	// Total: 1000 in all, 999 left.
	StartLimit SessionStartLimit
	limits     []*limitRule // 429 answers to give
	faults     []*faultRule // 5xx answers and dropped connections to give
	// Stall makes REST requests (and the gateway URL) wait until the
	// request is given up or the fake closes: a Discord that never answers.
	Stall bool
	// Silent makes the gateway accept connections and never say HELLO.
	Silent bool
	// Respond, when set, answers REST requests before the fake does: it
	// returns the status and JSON body, and false to let the fake answer.
	Respond  func(Request) (status int, body string, ok bool)
	gone     chan struct{} // closed by Close
	channels channelState  // deleted channels and message nonces (the daily post)
}

// SessionStartLimit is what GET /gateway/bot says of the IDENTIFYs left.
type SessionStartLimit struct {
	Total, Remaining int
	ResetAfter       time.Duration
}

// faultRule makes the fake answer the next n requests that match with an
// HTTP status (500, 502, 503, 504), or with status 0 by dropping the
// connection without an answer (a network error).
type faultRule struct {
	match  func(Request) bool
	status int
	n      int
}

// Fail makes the fake answer the next n requests that match with status
// (a 5xx), or drop their connection without an answer when status is 0.
// Failed requests are recorded like others.
func (f *Discord) Fail(n, status int, match func(Request) bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.faults = append(f.faults, &faultRule{match: match, status: status, n: n})
}

// fault returns the fault for req, if any.
func (f *Discord) fault(req Request) (status int, ok bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, r := range f.faults {
		if r.n > 0 && r.match(req) {
			r.n--
			return r.status, true
		}
	}
	return 0, false
}

// limitRule makes the fake answer the next n requests that match with a
// 429 and retry_after.
type limitRule struct {
	match      func(Request) bool
	retryAfter time.Duration
	n          int
}

// Request is one REST request the bot made.
type Request struct {
	Method string
	Path   string // without the /api/v10 prefix, e.g. "/interactions/1/tok/callback"
	Query  string
	Auth   string
	Body   []byte
	At     time.Time
	// ContentType is the request's Content-Type header: application/json,
	// or multipart/form-data for a message with files.
	ContentType string
}

// Part is a file of a multipart request.
type Part struct {
	Name, Filename, ContentType string
	Data                        []byte
}

// Multipart splits a multipart/form-data request like Discord does: the
// JSON of its payload_json part, and the files. It fails the test for a
// request that is not multipart.
func (r Request) Multipart(t testing.TB) (map[string]any, []Part) {
	t.Helper()
	payload, parts, err := parseMultipart(r.ContentType, r.Body)
	if err != nil {
		t.Fatalf("%s %s: %v", r.Method, r.Path, err)
	}
	var m map[string]any
	if err := json.Unmarshal(payload, &m); err != nil {
		t.Fatalf("%s %s: payload_json is no JSON object: %v\n%s", r.Method, r.Path, err, payload)
	}
	return m, parts
}

// IsMultipart reports whether the request is multipart/form-data.
func (r Request) IsMultipart() bool {
	mt, _, err := mime.ParseMediaType(r.ContentType)
	return err == nil && mt == "multipart/form-data"
}

// parseMultipart returns the payload_json part and the file parts.
func parseMultipart(contentType string, body []byte) ([]byte, []Part, error) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "multipart/form-data" {
		return nil, nil, fmt.Errorf("content type %q is not multipart/form-data", contentType)
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var payload []byte
	var parts []Part
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("multipart: %w", err)
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, nil, fmt.Errorf("multipart part: %w", err)
		}
		if p.FormName() == "payload_json" {
			payload = data
			continue
		}
		parts = append(parts, Part{Name: p.FormName(), Filename: p.FileName(), ContentType: p.Header.Get("Content-Type"), Data: data})
	}
	if payload == nil {
		return nil, nil, errors.New("multipart without payload_json")
	}
	return payload, parts, nil
}

// jsonOf is the JSON of a request body: the body, or its payload_json.
func jsonOf(r Request) []byte {
	if r.IsMultipart() {
		payload, _, err := parseMultipart(r.ContentType, r.Body)
		if err != nil {
			return nil
		}
		return payload
	}
	return r.Body
}

// json decodes the request body into a generic value.
func (r Request) JSON(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("%s %s: body is no JSON object: %v\n%s", r.Method, r.Path, err, r.Body)
	}
	return m
}

// APIPrefix is the path of the REST API the fake serves.
const APIPrefix = "/api/v10"

// New starts a fake Discord that accepts token; t ends it.
func New(t testing.TB, token string) *Discord {
	f := &Discord{
		t:         t,
		Token:     token,
		AppID:     "900000000000000001",
		BotID:     "900000000000000001",
		SessionID: "fake-session-1",
		changed:   make(chan struct{}),
		gone:      make(chan struct{}),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/gateway/", f.gateway)
	mux.HandleFunc("/gateway", f.gateway)
	mux.HandleFunc(APIPrefix+"/", f.rest)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		f.record(r, nil)
		http.Error(w, `{"message": "404: Not Found", "code": 0}`, http.StatusNotFound)
	})
	f.srv = httptest.NewServer(mux)
	return f
}

// URL is the base URL to give the bot as DISCORD_API_URL.
func (f *Discord) URL() string { return f.srv.URL }

func (f *Discord) record(r *http.Request, body []byte) Request {
	req := Request{
		Method: r.Method, Path: strings.TrimPrefix(r.URL.Path, APIPrefix), Query: r.URL.RawQuery,
		Auth: r.Header.Get("Authorization"), Body: body, At: time.Now(),
		ContentType: r.Header.Get("Content-Type"),
	}
	f.mu.Lock()
	if f.OnRequest != nil {
		f.OnRequest(req)
	}
	if !f.Discard {
		f.reqs = append(f.reqs, req)
	}
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
func (f *Discord) fakeMessage(channelID string, body []byte) map[string]any {
	m := map[string]any{}
	_ = json.Unmarshal(body, &m)
	m["id"] = fmt.Sprintf("8%017d", time.Now().UnixNano()%1e17)
	m["channel_id"] = channelID
	m["author"] = map[string]any{"id": f.BotID, "username": "bondgenoot", "bot": true}
	m["timestamp"] = time.Now().UTC().Format(time.RFC3339)
	delete(m, "allowed_mentions")
	delete(m, "message_reference")
	return m
}

func (f *Discord) rest(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req := f.record(r, body)
	f.mu.Lock()
	stall := f.Stall
	f.mu.Unlock()
	if stall {
		select {
		case <-r.Context().Done():
		case <-f.gone:
		}
		http.Error(w, "gone", http.StatusServiceUnavailable)
		return
	}
	f.mu.Lock()
	respond := f.Respond
	f.mu.Unlock()
	if respond != nil {
		if status, body, ok := respond(req); ok {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			_, _ = io.WriteString(w, body)
			return
		}
	}
	if req.Auth != "Bot "+f.Token {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"message": "401: Unauthorized", "code": 0})
		return
	}
	if status, ok := f.fault(req); ok {
		if status == 0 {
			if hj, ok := w.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					conn.Close()
					return
				}
			}
			status = http.StatusBadGateway
		}
		writeJSON(w, status, map[string]any{"message": http.StatusText(status), "code": 0})
		return
	}
	if after, limited := f.limited(req); limited {
		// Like Discord: the body's retry_after in seconds, and the
		// bucket's headers (not global).
		secs := strconv.FormatFloat(after.Seconds(), 'f', 3, 64)
		w.Header().Set("Retry-After", secs)
		w.Header().Set("X-RateLimit-Limit", "1")
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.Header().Set("X-RateLimit-Reset-After", secs)
		w.Header().Set("X-RateLimit-Scope", "user")
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"message": "You are being rate limited.", "retry_after": after.Seconds(), "global": false})
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
		f.mu.Lock()
		sl := f.StartLimit
		f.mu.Unlock()
		if sl.Total == 0 {
			sl = SessionStartLimit{Total: 1000, Remaining: 999}
		}
		writeJSON(w, 200, map[string]any{"url": wsURL, "shards": 1,
			"session_start_limit": map[string]any{"total": sl.Total, "remaining": sl.Remaining, "reset_after": sl.ResetAfter.Milliseconds(), "max_concurrency": 1}})
	case route("GET", "users", "@me"):
		writeJSON(w, 200, map[string]any{"id": f.BotID, "username": "bondgenoot", "bot": true})
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
		if !json.Valid(jsonOf(req)) {
			writeJSON(w, 400, map[string]any{"message": "Invalid JSON", "code": 50109})
			return
		}
		w.WriteHeader(http.StatusNoContent)
	case route("PATCH", "webhooks", "*", "*", "messages", "*"):
		writeJSON(w, 200, f.fakeMessage("channel", jsonOf(req)))
	case route("DELETE", "webhooks", "*", "*", "messages", "*"):
		w.WriteHeader(http.StatusNoContent)
	case route("POST", "webhooks", "*", "*"):
		writeJSON(w, 200, f.fakeMessage("channel", jsonOf(req)))
	case route("POST", "channels", "*", "messages"):
		f.channelMessage(w, req, p[1])
	default:
		writeJSON(w, http.StatusNotFound, map[string]any{"message": "404: Not Found", "code": 0})
	}
}

// gateway is the websocket gateway: HELLO, then IDENTIFY → READY, then
// heartbeat ACKs until the connection ends. Dispatches are pushed with
// dispatch.
//
// A RESUME is answered like Discord does: with INVALID_SESSION (op 9, not
// resumable) when the bot's last close frame had code 1000 or 1001, which
// ends a session, and with RESUMED otherwise. discordgo v0.29.0 always
// closes with 1000 before it reconnects, so it resumes only after a
// connection that broke without its close frame (see dropAbruptly). onResume
// can make the fake answer a RESUME with op 7 RECONNECT instead, which
// deadlocks discordgo's Open (its issue #513), or not at all.
func (f *Discord) gateway(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	refuse, hb, silent := f.Refuse, f.Heartbeat, f.Silent
	f.mu.Unlock()
	if refuse {
		http.Error(w, "gateway unavailable", http.StatusServiceUnavailable)
		return
	}
	if hb <= 0 {
		hb = 41250 * time.Millisecond
	}
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	conn, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	f.mu.Lock()
	f.Dials++
	f.mu.Unlock()
	defer func() {
		conn.Close()
		f.mu.Lock()
		if f.conn == conn {
			f.conn = nil
		}
		f.mu.Unlock()
	}()
	if silent {
		select {
		case <-f.gone:
		case <-r.Context().Done():
		}
		return
	}
	if err := conn.WriteJSON(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": hb.Milliseconds()}}); err != nil {
		return
	}
	for {
		var msg struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := conn.ReadJSON(&msg); err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) && (ce.Code == websocket.CloseNormalClosure || ce.Code == websocket.CloseGoingAway) {
				f.mu.Lock()
				f.Invalidated = true
				f.mu.Unlock()
			}
			return
		}
		switch msg.Op {
		case 1: // heartbeat
			f.write(conn, map[string]any{"op": 11})
		case 6: // resume
			f.mu.Lock()
			f.Resumes++
			mode, invalid := f.OnResume, f.Invalidated
			code, reason := f.CloseCode, f.CloseReason
			f.mu.Unlock()
			if code != 0 {
				_ = conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason))
				return
			}
			switch {
			case mode == "reconnect":
				f.write(conn, map[string]any{"op": 7, "d": nil})
			case mode == "ignore":
			case invalid:
				f.write(conn, map[string]any{"op": 9, "d": false})
			default:
				f.mu.Lock()
				f.conn = conn
				f.mu.Unlock()
				f.Dispatch("RESUMED", map[string]any{})
			}
		case 2: // identify
			var id struct {
				Token string `json:"token"`
			}
			_ = json.Unmarshal(msg.D, &id)
			f.mu.Lock()
			code, reason := f.CloseCode, f.CloseReason
			if code != 0 {
				f.Identifies++
			}
			f.mu.Unlock()
			if code != 0 {
				_ = conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason))
				return
			}
			if id.Token != "Bot "+f.Token {
				_ = conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."))
				return
			}
			f.mu.Lock()
			f.identify = msg.D
			f.conn = conn
			f.Identifies++
			f.Invalidated = false
			f.mu.Unlock()
			f.Dispatch("READY", map[string]any{
				"v":           10,
				"session_id":  f.SessionID,
				"user":        map[string]any{"id": f.BotID, "username": "bondgenoot", "discriminator": "0", "bot": true},
				"application": map[string]any{"id": f.AppID, "flags": 0},
				"guilds":      []any{},
				"shard":       []int{0, 1},
			})
		}
	}
}

func (f *Discord) write(conn *websocket.Conn, v any) {
	f.wmu.Lock()
	defer f.wmu.Unlock()
	_ = conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
	_ = conn.WriteJSON(v)
}

// dispatch sends an event (op 0) to the connected bot.
func (f *Discord) Dispatch(event string, d any) {
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
func (f *Discord) Watch(fn func(Request)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.OnRequest = fn
}

// requests returns a copy of the requests so far.
func (f *Discord) Requests() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Request(nil), f.reqs...)
}

// waitFor returns the first request that matches, waiting up to timeout.
func (f *Discord) WaitFor(timeout time.Duration, what string, match func(Request) bool) Request {
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
			for _, r := range f.Requests() {
				fmt.Fprintf(&b, "  %s %s %.200s\n", r.Method, r.Path, r.Body)
			}
			f.t.Fatalf("waited %v for %s; requests so far:\n%s", timeout, what, b.String())
		}
	}
}

// callback waits for the interaction callback of interaction id.
func (f *Discord) Callback(id string) Request {
	f.t.Helper()
	return f.WaitFor(5*time.Second, "callback of interaction "+id, func(r Request) bool {
		return r.Method == "POST" && strings.HasPrefix(r.Path, "/interactions/"+id+"/") && strings.HasSuffix(r.Path, "/callback")
	})
}

// count returns how many requests match.
func (f *Discord) Count(match func(Request) bool) int {
	n := 0
	for _, r := range f.Requests() {
		if match(r) {
			n++
		}
	}
	return n
}

// identified returns the IDENTIFY payload the bot sent.
func (f *Discord) Identified() json.RawMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.identify
}

// connected reports whether a bot holds the gateway connection.
func (f *Discord) Connected() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.conn != nil && !f.closed
}

// Close ends the gateway connection and the server.
func (f *Discord) Close() {
	f.mu.Lock()
	conn := f.conn
	if !f.closed {
		close(f.gone)
	}
	f.closed = true
	f.mu.Unlock()
	if conn != nil {
		conn.Close()
	}
	f.srv.Close()
}

// Limit makes the fake answer the next n requests that match with a 429
// asking to retry after after.
func (f *Discord) Limit(n int, after time.Duration, match func(Request) bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.limits = append(f.limits, &limitRule{match: match, retryAfter: after, n: n})
}

// limited reports whether req gets a 429, and its retry_after.
func (f *Discord) limited(req Request) (time.Duration, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, l := range f.limits {
		if l.n > 0 && l.match(req) {
			l.n--
			return l.retryAfter, true
		}
	}
	return 0, false
}

// set changes the fake's gateway behaviour under its lock.
func (f *Discord) Set(fn func(f *Discord)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

// dropGracefully ends the gateway connection like Discord does when it
// wants a client to reconnect: a close frame with code 4000 (unknown
// error, reconnect). discordgo answers with its own close frame, code
// 1000, which ends the session: its RESUME will be refused.
//
// Every event sent before it reaches the bot: send writes under the same
// lock and checks the connection under it.
func (f *Discord) DropGracefully() {
	f.wmu.Lock()
	defer f.wmu.Unlock()
	f.mu.Lock()
	conn := f.conn
	f.conn = nil
	f.mu.Unlock()
	if conn == nil {
		return
	}
	_ = conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
	_ = conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4000, "fake drop"))
	// The gateway goroutine reads the bot's close frame and closes.
}

// dropAbruptly ends the gateway connection as a network failure does: no
// close frame reaches Discord, so the session can be resumed.
func (f *Discord) DropAbruptly() {
	f.mu.Lock()
	conn := f.conn
	f.conn = nil
	f.mu.Unlock()
	if conn != nil {
		conn.Close()
	}
}

// waitConnected waits until a bot holds the gateway connection; false
// after timeout.
func (f *Discord) WaitConnected(timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for !f.Connected() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
	return true
}

// send dispatches an event like dispatch, but reports a missing
// connection instead of failing the test, for goroutines other than the
// test's.
func (f *Discord) Send(event string, d any) error {
	f.wmu.Lock()
	defer f.wmu.Unlock()
	f.mu.Lock()
	conn := f.conn
	f.seq++
	seq := f.seq
	f.mu.Unlock()
	if conn == nil {
		return errors.New("no bot connected")
	}
	_ = conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return conn.WriteJSON(map[string]any{"op": 0, "t": event, "s": seq, "d": d})
}

// channelState is what the fake knows of channels, for the daily post:
// which were deleted, and the messages made with a nonce and enforce_nonce,
// so that a repeat returns the first message as Discord does (Discord
// remembers nonces for a few minutes; the fake, for its lifetime).
type channelState struct {
	deleted map[string]bool
	nonces  map[string]map[string]any // channel → nonce → message
	created []Request                 // requests that made a message
}

// channelMessage answers POST /channels/{id}/messages: 404 Unknown Channel
// (code 10003) for a deleted channel, the message already made for a nonce
// with enforce_nonce, else a new message.
func (f *Discord) channelMessage(w http.ResponseWriter, req Request, channelID string) {
	var n struct {
		Nonce        any  `json:"nonce"`
		EnforceNonce bool `json:"enforce_nonce"`
	}
	_ = json.Unmarshal(req.Body, &n)
	f.mu.Lock()
	c := &f.channels
	if c.deleted[channelID] {
		f.mu.Unlock()
		writeJSON(w, http.StatusNotFound, map[string]any{"message": "Unknown Channel", "code": 10003})
		return
	}
	nonce := ""
	if n.EnforceNonce && n.Nonce != nil {
		nonce = fmt.Sprint(n.Nonce)
		if prev, ok := c.nonces[channelID][nonce]; ok {
			f.mu.Unlock()
			writeJSON(w, 200, prev)
			return
		}
	}
	msg := f.fakeMessage(channelID, req.Body)
	if nonce != "" {
		if c.nonces == nil {
			c.nonces = map[string]map[string]any{}
		}
		if c.nonces[channelID] == nil {
			c.nonces[channelID] = map[string]any{}
		}
		c.nonces[channelID][nonce] = msg
	}
	c.created = append(c.created, req)
	f.mu.Unlock()
	writeJSON(w, 200, msg)
}

// deleteChannel makes every message to a channel fail with 404 Unknown
// Channel (code 10003), as Discord answers for a deleted channel.
func (f *Discord) DeleteChannel(channelID string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.channels.deleted == nil {
		f.channels.deleted = map[string]bool{}
	}
	f.channels.deleted[channelID] = true
}

// createdIn returns the requests that made a message in a channel.
func (f *Discord) CreatedIn(channelID string) []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Request
	for _, r := range f.channels.created {
		if r.Path == "/channels/"+channelID+"/messages" {
			out = append(out, r)
		}
	}
	return out
}

// waitNth returns the nth request (from 1) that matches, waiting up to
// timeout.
func (f *Discord) WaitNth(timeout time.Duration, what string, n int, match func(Request) bool) Request {
	f.t.Helper()
	deadline := time.After(timeout)
	for {
		f.mu.Lock()
		seen := 0
		for _, r := range f.reqs {
			if match(r) {
				if seen++; seen == n {
					f.mu.Unlock()
					return r
				}
			}
		}
		changed := f.changed
		f.mu.Unlock()
		select {
		case <-changed:
		case <-deadline:
			f.t.Fatalf("waited %v for %s: %d of %d requests", timeout, what, seen, n)
		}
	}
}

// Reset forgets the requests recorded so far; with discard, it keeps none
// from now on.
func (f *Discord) Reset(discard bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.Discard, f.reqs = discard, nil
}

// PruneCreated forgets the messages made that keep does not keep.
func (f *Discord) PruneCreated(keep func(Request) bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := f.channels.created[:0]
	for _, r := range f.channels.created {
		if keep(r) {
			out = append(out, r)
		}
	}
	f.channels.created = slices.Clip(out)
}
