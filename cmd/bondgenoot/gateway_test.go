package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
)

// When Discord answers every IDENTIFY with a close code after which
// reconnecting cannot help (4004: the token is refused; 4014: intents that
// are not enabled), the bot stops at once with exit code 78, which a
// supervisor is told not to restart, and a Dutch message that says what to
// do. Before, it identified about once a second until the watchdog ended
// it with exit 3, blaming "discordgo #513", and a supervisor restarted it.
func TestRunBotFatalCloseCodes(t *testing.T) {
	for _, tc := range []struct {
		code       int
		reason     string
		wantInText []string
	}{
		{4004, "Authentication failed.", []string{"4004", "DISCORD_TOKEN", "Reset Token"}},
		{4014, "Disallowed intent(s).", []string{"4014", "Privileged Gateway Intents"}},
		{4013, "Invalid intent(s).", []string{"4013", "intents"}},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			fake := fakediscord.New(t, storeToken)
			t.Cleanup(fake.Close)
			fake.Set(func(f *fakediscord.Discord) { f.CloseCode, f.CloseReason = tc.code, tc.reason })
			cfg := botConfig(t, fake.URL())
			cfg.Watchdog = time.Minute
			token := cfg.Token
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			var out, errb bytes.Buffer
			start := time.Now()
			code, err := runMain(ctx, cfg, strings.NewReader(""), &out, &errb)
			took := time.Since(start)
			if code != exitGatewayFatal || err == nil {
				t.Fatalf("run() = %d, %v; want %d and an error", code, err, exitGatewayFatal)
			}
			if took > 10*time.Second {
				t.Errorf("the bot took %v to stop", took)
			}
			for _, want := range tc.wantInText {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message %q lacks %q", err.Error(), want)
				}
			}
			all := err.Error() + errb.String()
			if strings.Contains(all, "#513") || strings.Contains(all, token) || strings.Contains(all, "goroutine") {
				t.Errorf("the output blames discordgo #513, or leaks the token or a stack trace:\n%s", all)
			}
			var n int
			fake.Set(func(f *fakediscord.Discord) { n = f.Identifies })
			if n > 2 {
				t.Errorf("%d IDENTIFYs after close code %d, want at most 2", n, tc.code)
			}
		})
	}
}
