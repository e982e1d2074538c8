package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
)

// refusingDiscord is the fake Discord with another bot's token: it refuses
// every request the bot makes with 401, and counts them.
type refusingDiscord struct{ *fakediscord.Discord }

func discordStub(t *testing.T) (refusingDiscord, refusingDiscord) {
	f := fakediscord.New(t, "another-bots-token")
	t.Cleanup(f.Close)
	return refusingDiscord{f}, refusingDiscord{f}
}

// URL is the base for DISCORD_API_URL.
func (r refusingDiscord) URL() string { return r.Discord.URL() }

// Load is the number of requests the bot made.
func (r refusingDiscord) Load() int {
	return r.Count(func(fakediscord.Request) bool { return true })
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
		cfg := botConfig(t, srv.URL())
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
		cfg := botConfig(t, srv.URL())
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
	cfg := botConfig(t, srv.URL())
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
