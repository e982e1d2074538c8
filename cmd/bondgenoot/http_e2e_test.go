package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
)

// binDir holds the binary that the tests build; TestMain removes it.
var binDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		_ = os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// binary builds the real bondgenoot binary once per test run.
var binary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "bondgenoot-bin-")
	if err != nil {
		return "", err
	}
	binDir = dir
	bin := filepath.Join(dir, "bondgenoot")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// freeAddr returns a loopback address with a free port.
func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// payload reads a recorded interaction of the bot's tests, with a fresh id
// and token.
func payload(t testing.TB, name string, n int) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "bot", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	m["id"] = fmt.Sprintf("15%017d", n)
	m["token"] = fmt.Sprintf("e2e-token-%d", n)
	return m
}

// TestBinaryHTTPInteractions runs the built binary with GATEWAY=uit against
// a fake Discord's REST API and drives its HTTP interactions endpoint as
// Discord does: signed requests, PING, a command, a button, a menu,
// autocomplete and a deferred answer, and the requests it must refuse.
func TestBinaryHTTPInteractions(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	t.Parallel()
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	const token = "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.http-e2e-token-0123456789abcdefgh"
	fake := fakediscord.New(t, token)
	signer := fakediscord.NewSigner("binary")
	addr := freeAddr(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(),
		"DISCORD_TOKEN="+token,
		"DISCORD_API_URL="+fake.URL(),
		"DISCORD_APP_ID="+fake.AppID,
		"DISCORD_GUILD_ID=1200000000000000001",
		"DISCORD_PUBLIC_KEY="+signer.PublicKey(),
		"HTTP_ADDR="+addr,
		"GATEWAY=uit",
		"DEFER_AFTER=1ns",
		"DATA_DIR="+t.TempDir(),
		"LOG_LEVEL=debug",
		"HEALTH_ADDR=",
		"DAILY_CHANNEL_ID=",
	)
	var logs lockedBuffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("the bot exited with %v\n%s", err, logs.String())
			}
		case <-time.After(15 * time.Second):
			t.Errorf("the bot did not stop after SIGINT")
			_ = cmd.Process.Kill()
		}
		if strings.Contains(logs.String(), token) {
			t.Errorf("the token appears in the output")
		}
	}()
	fake.WaitFor(20*time.Second, "the bulk overwrite of the commands", func(r fakediscord.Request) bool {
		return r.Method == "PUT" && strings.HasSuffix(r.Path, "/guilds/1200000000000000001/commands")
	})
	// The process's output reaches the buffer through a pipe: wait for it.
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(logs.String(), "vermeldingen") && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(logs.String(), "vermeldingen") {
		t.Errorf("the start does not say that mentions are off:\n%s", logs.String())
	}
	url := "http://" + addr + "/interactions"
	post := func(body []byte, ts time.Time, mutate func(*http.Request)) (int, map[string]any) {
		t.Helper()
		req, err := signer.Request(url, body, ts)
		if err != nil {
			t.Fatal(err)
		}
		if mutate != nil {
			mutate(req)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("POST /interactions: %v\n%s", err, logs.String())
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		var m map[string]any
		_ = json.Unmarshal(data, &m)
		return resp.StatusCode, m
	}
	mustJSON := func(v any) []byte {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	// The endpoint comes up; PING is what Discord sends when the URL is saved.
	ping := []byte(`{"id":"1","application_id":"` + fake.AppID + `","type":1,"token":"p","version":1}`)
	var status int
	var body map[string]any
	deadline := time.Now().Add(10 * time.Second)
	for {
		req, _ := signer.Request(url, ping, time.Now())
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			data, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			status = resp.StatusCode
			_ = json.Unmarshal(data, &body)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the endpoint did not come up: %v\n%s", err, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if status != http.StatusOK || body["type"] != float64(1) {
		t.Fatalf("PING: %d %v", status, body)
	}

	t.Run("bad signature", func(t *testing.T) {
		status, _ := post(ping, time.Now(), func(r *http.Request) {
			r.Header.Set("X-Signature-Ed25519", strings.Repeat("ab", 64))
		})
		if status != http.StatusUnauthorized {
			t.Errorf("status %d, want 401", status)
		}
		status, _ = post(ping, time.Now(), func(r *http.Request) { r.Header.Del("X-Signature-Ed25519") })
		if status != http.StatusUnauthorized {
			t.Errorf("no signature: status %d, want 401", status)
		}
		// Another key's good signature is no good either.
		other := fakediscord.NewSigner("someone else")
		req, _ := other.Request(url, ping, time.Now())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("other key: status %d, want 401", resp.StatusCode)
		}
	})
	t.Run("stale timestamp", func(t *testing.T) {
		if status, _ := post(ping, time.Now().Add(-10*time.Minute), nil); status != http.StatusUnauthorized {
			t.Errorf("status %d, want 401", status)
		}
	})
	t.Run("too big", func(t *testing.T) {
		if status, _ := post(bytes.Repeat([]byte(" "), 2<<20), time.Now(), nil); status < 400 || status > 499 {
			t.Errorf("status %d, want a 4xx", status)
		}
	})

	// A command: deferred (DEFER_AFTER=1ns), then the answer is edited in
	// over REST.
	n := 0
	next := func(name string) map[string]any { n++; return payload(t, name, n) }
	t.Run("command deferred and edited", func(t *testing.T) {
		m := next("interaction_zoek.json")
		status, body := post(mustJSON(m), time.Now(), nil)
		if status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
		switch body["type"] {
		case float64(5): // deferred: the edit brings the hits
			edit := fake.WaitFor(10*time.Second, "the edit", func(r fakediscord.Request) bool {
				return r.Method == "PATCH" && strings.Contains(r.Path, "/webhooks/"+fake.AppID+"/"+m["token"].(string)+"/messages/@original")
			})
			if !strings.Contains(string(edit.Body), "Brugfiguren basisonderwijs") {
				t.Errorf("edit: %.300s", edit.Body)
			}
			if !strings.Contains(string(edit.Body), `"parse":[]`) {
				t.Errorf("edit pings: %.300s", edit.Body)
			}
		case float64(4):
			t.Errorf("answered at once despite DEFER_AFTER=1ns: %.200v", body)
		default:
			t.Errorf("response %v", body)
		}
	})
	// A button, a menu and autocomplete, over HTTP.
	for _, tt := range []struct {
		name, file string
		customID   string    // of the button or menu
		values     []any     // chosen in the menu
		types      []float64 // accepted response types
		want       string    // in the response or its edit
	}{
		{"button", "interaction_button.json", "nz1|||brugfiguur", nil, []float64{6, 7}, "pagina 2"},
		{"menu", "interaction_select.json", "sz0|||school", []any{"sz0|onderwijs||school"}, []float64{6, 7}, "onderwijs"},
		{"autocomplete", "interaction_autocomplete_netwerk.json", "", nil, []float64{8}, "choices"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := next(tt.file)
			if tt.customID != "" {
				data := m["data"].(map[string]any)
				data["custom_id"] = tt.customID
				if tt.values != nil {
					data["values"] = tt.values
				}
			}
			status, body := post(mustJSON(m), time.Now(), nil)
			if status != http.StatusOK {
				t.Fatalf("status %d: %v", status, body)
			}
			ok := false
			for _, typ := range tt.types {
				ok = ok || body["type"] == typ
			}
			if !ok {
				t.Fatalf("response type %v, want one of %v: %.300v", body["type"], tt.types, body)
			}
			got := fmt.Sprint(body)
			if body["type"] == float64(6) { // a deferred update: the edit follows
				edit := fake.WaitFor(10*time.Second, "the edit of "+tt.name, func(r fakediscord.Request) bool {
					return r.Method == "PATCH" && strings.Contains(r.Path, m["token"].(string)+"/messages/@original")
				})
				got = string(edit.Body)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("answer lacks %q: %.300s", tt.want, got)
			}
			if strings.Contains(got, "werkt niet meer") {
				t.Errorf("a stale button: %.300s", got)
			}
		})
	}
	if fake.Connected() {
		t.Errorf("connected to the gateway with GATEWAY=uit")
	}
}
