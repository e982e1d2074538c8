package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// With a token, running with no subcommand connects to DISCORD_API_URL;
// when Discord refuses the token, the run ends with exit code 3 and neither
// the error nor the logs show the token.
func TestRunBotRefusedToken(t *testing.T) {
	const token = "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.refused-token-0123456789abcdefghij"
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if r.Header.Get("Authorization") != "Bot "+token {
			t.Errorf("%s %s: authorization %q", r.Method, r.URL.Path, r.Header.Get("Authorization"))
		}
		if !strings.HasPrefix(r.URL.Path, "/api/v10/") {
			t.Errorf("request to %s, want it under /api/v10/", r.URL.Path)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"message": "401: Unauthorized", "code": 0}`))
	}))
	defer srv.Close()
	t.Chdir(t.TempDir()) // no .env here
	t.Setenv("DISCORD_TOKEN", token)
	t.Setenv("DISCORD_API_URL", srv.URL)
	t.Setenv("DISCORD_APP_ID", "")
	t.Setenv("DISCORD_GUILD_ID", "")
	t.Setenv("LOG_LEVEL", "debug")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var out, errb bytes.Buffer
	code, err := run(ctx, nil, strings.NewReader(""), &out, &errb)
	if code != exitInternal || err == nil {
		t.Fatalf("run() = %d, %v; want %d and an error", code, err, exitInternal)
	}
	if calls.Load() == 0 {
		t.Errorf("the bot never called DISCORD_API_URL")
	}
	for _, s := range []string{err.Error(), errb.String(), out.String()} {
		if strings.Contains(s, token) {
			t.Errorf("the token leaks: %q", s)
		}
	}
	if strings.Contains(errb.String(), "console") {
		t.Errorf("opened the console despite the token")
	}
}

func TestRunBotBadAPIURL(t *testing.T) {
	t.Chdir(t.TempDir())
	t.Setenv("DISCORD_TOKEN", "some-token-value")
	t.Setenv("DISCORD_API_URL", "ftp://example.org")
	var out, errb bytes.Buffer
	code, err := run(context.Background(), nil, strings.NewReader(""), &out, &errb)
	if code != exitUsage || err == nil || !strings.Contains(err.Error(), "DISCORD_API_URL") {
		t.Fatalf("run() = %d, %v; want %d and a message about DISCORD_API_URL", code, err, exitUsage)
	}
}

func TestLogLevel(t *testing.T) {
	for in, ok := range map[string]bool{"": true, "debug": true, "INFO": true, "warn": true, "error": true, "luid": false} {
		if _, got := logLevel(in); got != ok {
			t.Errorf("logLevel(%q) ok = %v, want %v", in, got, ok)
		}
	}
}
