package bot

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestRedactor(t *testing.T) {
	t.Parallel()
	for _, json := range []bool{false, true} {
		var buf bytes.Buffer
		var h slog.Handler = slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})
		if json {
			h = slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})
		}
		log := slog.New(newRedactor(h, testToken)).With("early", "Bot "+testToken).WithGroup("g")
		log.Info("identify "+testToken,
			"token", testToken,
			"err", fmt.Errorf("wrapped: %w", errors.New("bad "+testToken)),
			"any", struct{ T string }{testToken},
			slog.Group("inner", "x", "pre"+testToken+"post"),
			"n", 42,
		)
		out := buf.String()
		if strings.Contains(out, testToken) {
			t.Errorf("json=%v: the token is in the log: %s", json, out)
		}
		if strings.Count(out, redacted) < 6 || !strings.Contains(out, "42") {
			t.Errorf("json=%v: unexpected log: %s", json, out)
		}
	}
}

func TestRedactorShortSecret(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	h := slog.NewTextHandler(&buf, nil)
	if newRedactor(h, "x") != slog.Handler(h) {
		t.Errorf("a one-letter token is redacted (it would mangle every line)")
	}
}

// discordgo's own log lines reach the bot's logger, at the right level,
// without the token.
func TestRouteDiscordgoLogs(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(newRedactor(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}), testToken))
	prev := discordgoLog.Load()
	routeDiscordgoLogs(log)
	t.Cleanup(func() { routeDiscordgoLogs(prev) })
	discordgo.Logger(discordgo.LogError, 1, "error sending %s", "Bot "+testToken)
	discordgo.Logger(discordgo.LogWarning, 1, "warning %d", 7)
	discordgo.Logger(discordgo.LogInformational, 1, "informational")
	discordgo.Logger(discordgo.LogDebug, 1, "debug packet")
	out := buf.String()
	for _, want := range []string{"level=ERROR msg=\"error sending Bot " + redacted, "level=WARN msg=\"warning 7\"", "level=DEBUG msg=informational"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "debug packet") || strings.Contains(out, testToken) {
		t.Errorf("unexpected log:\n%s", out)
	}
	for level, want := range map[slog.Level]int{slog.LevelDebug - 4: discordgo.LogDebug, slog.LevelDebug: discordgo.LogInformational, slog.LevelInfo: discordgo.LogWarning, slog.LevelError: discordgo.LogError} {
		l := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: level}))
		if got := discordgoLevel(l); got != want {
			t.Errorf("discordgoLevel(%v) = %d, want %d", level, got, want)
		}
	}
}
