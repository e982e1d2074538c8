package main

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
)

// With a token, running with no subcommand connects to DISCORD_API_URL;
// when Discord refuses the token, the run ends with exit code 3 and neither
// the error nor the logs show the token.
func TestRunBotRefusedToken(t *testing.T) {
	const token = "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.refused-token-0123456789abcdefghij"
	t.Parallel()
	// The fake knows another bot's token, so it refuses this one.
	srv := fakediscord.New(t, "another-bots-token")
	defer srv.Close()
	cfg := Config{Token: token, APIURL: srv.URL(), LogLevel: "debug", DataDir: t.TempDir()}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var out, errb bytes.Buffer
	code, err := runMain(ctx, cfg, strings.NewReader(""), &out, &errb)
	if code != exitInternal || err == nil {
		t.Fatalf("run() = %d, %v; want %d and an error", code, err, exitInternal)
	}
	reqs := srv.Requests()
	if len(reqs) == 0 {
		t.Errorf("the bot never called DISCORD_API_URL")
	}
	for _, r := range reqs {
		if r.Auth != "Bot "+token {
			t.Errorf("%s %s: authorization %q", r.Method, r.Path, r.Auth)
		}
		if strings.HasPrefix(r.Path, "/api/") { // the fake strips /api/v10 only
			t.Errorf("request to %s, want it under /api/v10/", r.Path)
		}
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
	t.Parallel()
	cfg := Config{Token: "some-token-value", APIURL: "ftp://example.org", DataDir: t.TempDir()}
	var out, errb bytes.Buffer
	code, err := runMain(context.Background(), cfg, strings.NewReader(""), &out, &errb)
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

// The environment is read once into a Config: every variable, the
// spellings of GATEWAY, and warnings for values replaced by a default.
func TestConfigFromEnv(t *testing.T) {
	t.Parallel()
	env := map[string]string{
		"DISCORD_TOKEN": " tok ", "DISCORD_APP_ID": "1", "DISCORD_GUILD_ID": "2", "DISCORD_API_URL": "http://127.0.0.1:1",
		"DISCORD_PUBLIC_KEY": "ab", "HTTP_ADDR": ":8080", "GATEWAY": "uit", "LOG_LEVEL": "debug", "DATA_DIR": "/d",
		"DAILY_CHANNEL_ID": "3", "DAILY_TIME": "10:00", "DAILY_ZONE": "Europe/Brussels", "HEALTH_ADDR": ":9090",
		"WATCHDOG_TIMEOUT": "90s", "DEFER_AFTER": "200ms",
	}
	got := ConfigFromEnv(func(k string) string { return env[k] })
	want := Config{
		Token: "tok", AppID: "1", GuildID: "2", APIURL: "http://127.0.0.1:1", LogLevel: "debug",
		PublicKey: "ab", HTTPAddr: ":8080", NoGateway: true, DataDir: "/d",
		DailyChannelID: "3", DailyTime: "10:00", DailyZone: "Europe/Brussels",
		DeferAfter: 200 * time.Millisecond, HealthAddr: ":9090", Watchdog: 90 * time.Second,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ConfigFromEnv =\n%+v\nwant\n%+v", got, want)
	}
	for _, tt := range []struct {
		key, value string
		warns      bool
	}{
		{"GATEWAY", "aan", false},
		{"GATEWAY", "misschien", true},
		{"WATCHDOG_TIMEOUT", "10s", true},
		{"WATCHDOG_TIMEOUT", "soms", true},
		{"DEFER_AFTER", "5s", true},
		{"DEFER_AFTER", "-1s", true},
	} {
		c := ConfigFromEnv(func(k string) string {
			if k == tt.key {
				return tt.value
			}
			return ""
		})
		if (len(c.Warnings) > 0) != tt.warns {
			t.Errorf("%s=%s: warnings %q", tt.key, tt.value, c.Warnings)
		}
	}
}
