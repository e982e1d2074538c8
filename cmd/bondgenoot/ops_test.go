package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
)

func TestWatchdogTimeout(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"": 0, "3m": 3 * time.Minute, " 90s ": 90 * time.Second, "120": 2 * time.Minute,
		"uit": -1, "OFF": -1, "0": -1,
	} {
		if got, ok := watchdogTimeout(in); !ok || got != want {
			t.Errorf("watchdogTimeout(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"drie minuten", "-5m", "5x", "0s"} {
		if _, ok := watchdogTimeout(in); ok {
			t.Errorf("watchdogTimeout(%q) accepted", in)
		}
	}
}

// lockedBuffer is a bytes.Buffer for a logger and a test reading it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// slowDiscord is the fake Discord when it never answers: the bot stays
// "connecting" for as long as the test needs.
func slowDiscord(t *testing.T) *fakediscord.Discord {
	f := fakediscord.New(t, "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.health-token-0123456789abcdefghij")
	f.Set(func(f *fakediscord.Discord) { f.Stall = true })
	t.Cleanup(f.Close)
	return f
}

// With HEALTH_ADDR the bot serves /healthz and /metrics; while it is not
// connected to the gateway, /healthz says so with 503.
func TestRunBotHealthAddr(t *testing.T) {
	srv := slowDiscord(t)
	cfg := Config{
		Token:      "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.health-token-0123456789abcdefghij",
		APIURL:     srv.URL(),
		LogLevel:   "info",
		HealthAddr: "127.0.0.1:0",
		Watchdog:   10 * time.Minute,
		DataDir:    t.TempDir(),
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errb := &lockedBuffer{}
	type result struct {
		code int
		err  error
	}
	done := make(chan result, 1)
	go func() {
		code, err := runMain(ctx, cfg, strings.NewReader(""), io.Discard, errb)
		done <- result{code, err}
	}()
	addrRE := regexp.MustCompile(`health and metrics listening.* addr=(\S+)`)
	var addr string
	for deadline := time.Now().Add(10 * time.Second); addr == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addrRE.FindStringSubmatch(errb.String()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		t.Fatalf("no health address logged:\n%s", errb)
	}
	get := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/healthz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "gateway") || strings.Contains(body, "zoekindex") {
		t.Errorf("/healthz while connecting = %d %q", code, body)
	}
	if code, body := get("/metrics"); code != 200 || !strings.Contains(body, "bondgenoot_autocomplete_total 0") || !strings.Contains(body, "process_resident_memory_bytes") {
		t.Errorf("/metrics = %d %.300q", code, body)
	}
	cancel()
	select {
	case r := <-done:
		if r.code != exitOK || r.err != nil {
			t.Errorf("run() after shutdown = %d, %v", r.code, r.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run() did not return after shutdown")
	}
}

// A HEALTH_ADDR that cannot be used stops the bot with a clear error.
func TestRunBotBadHealthAddr(t *testing.T) {
	srv := slowDiscord(t)
	cfg := Config{
		Token:      "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.health-token-0123456789abcdefghij",
		APIURL:     srv.URL(),
		HealthAddr: "127.0.0.1:geenpoort",
		DataDir:    t.TempDir(),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	code, err := runMain(ctx, cfg, strings.NewReader(""), io.Discard, io.Discard)
	if code != exitUsage || err == nil || !strings.Contains(err.Error(), "HEALTH_ADDR") {
		t.Fatalf("run() = %d, %v; want %d and an error about HEALTH_ADDR", code, err, exitUsage)
	}
}
