package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// discordStub counts the requests the bot makes; it refuses them all.
func discordStub(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"message": "401: Unauthorized", "code": 0}`))
	}))
	t.Cleanup(srv.Close)
	return srv, &calls
}

const storeToken = "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.store-token-0123456789abcdefghijkl"

// botConfig is the configuration of a bot against apiURL, run from an
// empty working directory (so DATA_DIR's default lands there).
func botConfig(t *testing.T, apiURL string) Config {
	t.Chdir(t.TempDir())
	return Config{Token: storeToken, APIURL: apiURL}
}

// A corrupt store file stops the start with a message that names the file,
// before the bot connects, with a non-zero exit and no token or stack
// trace; the file is left as it was.
func TestRunBotCorruptStore(t *testing.T) {
	for _, dataDir := range []string{"", "staat"} {
		srv, calls := discordStub(t)
		cfg := botConfig(t, srv.URL)
		token := cfg.Token
		cfg.DataDir = dataDir
		dir := dataDir
		if dir == "" {
			dir = "data"
		}
		file := filepath.Join(dir, "bondgenoot.db")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		garbage := bytes.Repeat([]byte("dit is geen bbolt-bestand "), 1000)
		if err := os.WriteFile(file, garbage, 0o600); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		var out, errb bytes.Buffer
		code, err := runMain(ctx, cfg, strings.NewReader(""), &out, &errb)
		cancel()
		if code == exitOK || err == nil {
			t.Fatalf("DATA_DIR=%q: run() = %d, %v; want a failure", dataDir, code, err)
		}
		msg := err.Error()
		if !strings.Contains(msg, file) || !strings.Contains(msg, "beschadigd") {
			t.Errorf("message %q does not name %s as damaged", msg, file)
		}
		for _, s := range []string{msg, errb.String(), out.String()} {
			if strings.Contains(s, token) || strings.Contains(s, "goroutine") {
				t.Errorf("output leaks the token or a stack trace: %q", s)
			}
		}
		if calls.Load() != 0 {
			t.Errorf("the bot connected (%d requests) despite the damaged store", calls.Load())
		}
		if got, _ := os.ReadFile(file); !bytes.Equal(got, garbage) {
			t.Errorf("the damaged store was changed")
		}
	}
}

// Bad daily settings stop the start with a message about the variable.
func TestRunBotBadDailySettings(t *testing.T) {
	for k, v := range map[string]string{"DAILY_TIME": "25:00", "DAILY_ZONE": "Vlaanderen/Gent", "DAILY_CHANNEL_ID": "#algemeen"} {
		srv, calls := discordStub(t)
		cfg := botConfig(t, srv.URL)
		cfg.DailyChannelID = "1200000000000000003"
		switch k {
		case "DAILY_TIME":
			cfg.DailyTime = v
		case "DAILY_ZONE":
			cfg.DailyZone = v
		case "DAILY_CHANNEL_ID":
			cfg.DailyChannelID = v
		}
		var out, errb bytes.Buffer
		code, err := runMain(context.Background(), cfg, strings.NewReader(""), &out, &errb)
		if code != exitUsage || err == nil || !strings.Contains(err.Error(), k) {
			t.Errorf("%s=%s: run() = %d, %v; want %d and a message about %s", k, v, code, err, exitUsage, k)
		}
		if calls.Load() != 0 {
			t.Errorf("%s=%s: the bot connected", k, v)
		}
	}
}

// DATA_DIR holds the store file, created on the first start.
func TestRunBotCreatesStore(t *testing.T) {
	srv, _ := discordStub(t)
	cfg := botConfig(t, srv.URL)
	cfg.DataDir = filepath.Join("var", "bondgenoot")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var out, errb bytes.Buffer
	if code, _ := runMain(ctx, cfg, strings.NewReader(""), &out, &errb); code != exitInternal {
		t.Errorf("run() = %d, want %d (Discord refuses the token)", code, exitInternal)
	}
	if _, err := os.Stat(filepath.Join("var", "bondgenoot", "bondgenoot.db")); err != nil {
		t.Errorf("no store file: %v", err)
	}
}
