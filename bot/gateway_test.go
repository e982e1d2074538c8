package bot

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
)

// runResult waits for Run to end by itself and gives the harness a nil
// result back for its shutdown check.
func (h *harness) runResult(timeout time.Duration) (error, bool) {
	select {
	case err := <-h.runErr:
		h.runErr <- nil
		return err, true
	case <-time.After(timeout):
		return nil, false
	}
}

// A close with a fatal code in the middle of a run (the connection drops,
// and Discord answers the next IDENTIFY or RESUME with 4004 or 4014) ends
// Run with a *GatewayError at once: no IDENTIFY a second until the
// watchdog gives up.
func TestFatalCloseDuringRun(t *testing.T) {
	t.Parallel()
	for _, code := range []int{4004, 4014} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			h := startBot(t, func(c *Config) { c.WatchdogTimeout = 10 * time.Minute }, nil)
			h.fake.Set(func(f *fakediscord.Discord) { f.CloseCode, f.CloseReason = code, "nee" })
			h.fake.DropGracefully()
			err, ended := h.runResult(10 * time.Second)
			if !ended {
				t.Fatalf("Run still runs 10 s after close code %d", code)
			}
			var gerr *GatewayError
			if !errors.As(err, &gerr) || gerr.Code != code {
				t.Fatalf("Run = %v, want a GatewayError with code %d", err, code)
			}
			var tries int
			h.fake.Set(func(f *fakediscord.Discord) { tries = f.Identifies + f.Resumes })
			time.Sleep(1500 * time.Millisecond) // discordgo's reconnect loop would try again by now
			var later, dials int
			h.fake.Set(func(f *fakediscord.Discord) { later, dials = f.Identifies+f.Resumes, f.Dials })
			if later != tries || tries > 3 {
				t.Errorf("IDENTIFY or RESUME %d times, then %d: the bot kept trying after code %d (%d connections)", tries, later, code, dials)
			}
			if logs := h.logs.String(); !strings.Contains(logs, "wat_te_doen") || strings.Contains(logs, "#513") {
				t.Errorf("the log does not say what to do, or blames discordgo #513:\n%s", logs)
			}
		})
	}
}

// When Discord keeps closing the connection with a code that is not fatal,
// the watchdog says so (the code and how often) instead of blaming
// discordgo #513 for the session lock its reconnects hold.
func TestWatchdogDiagnosesCloses(t *testing.T) {
	t.Parallel()
	clock := newTestClock()
	sess := &fakeSession{}
	const timeout = time.Minute
	w := newWatchdog(timeout, clock.Now, sess.probe, slog.New(slog.DiscardHandler))
	w.start()
	w.event()
	w.disconnected(false)
	for range 3 {
		clock.Advance(time.Second)
		w.closed(4000, "Unknown error")
	}
	_, why, _ := w.verdict(clock.Now())
	if !strings.Contains(why, "code 4000") || !strings.Contains(why, "3 keer") {
		t.Errorf("down after closes: %q", why)
	}
	sess.locked = true
	w.verdict(clock.Now())
	clock.Advance(timeout + time.Second)
	w.closed(4000, "Unknown error")
	_, why, expired := w.verdict(clock.Now())
	if !expired || strings.Contains(why, "#513") || !strings.Contains(why, "code 4000") {
		t.Errorf("locked while Discord keeps closing: %q, expired %v", why, expired)
	}
	// Without closes, a lock held that long is still discordgo #513.
	w2 := newWatchdog(timeout, clock.Now, sess.probe, slog.New(slog.DiscardHandler))
	w2.start()
	w2.verdict(clock.Now())
	clock.Advance(timeout + time.Second)
	if _, why, _ := w2.verdict(clock.Now()); !strings.Contains(why, "#513") {
		t.Errorf("locked without closes: %q", why)
	}
}

// session_start_limit from GET /gateway/bot is respected: with none left
// the bot waits until Discord resets them before it identifies, and a bot
// whose connection keeps dropping stops dialling when the starts it was
// told of are used up.
func TestSessionStartLimit(t *testing.T) {
	t.Parallel()
	t.Run("none left", func(t *testing.T) {
		fake := fakediscord.New(t, testToken)
		const reset = 700 * time.Millisecond
		fake.Set(func(f *fakediscord.Discord) {
			f.StartLimit = fakediscord.SessionStartLimit{Total: 1000, Remaining: 0, ResetAfter: reset}
		})
		start := time.Now()
		h := startBotOn(t, fake, nil, nil)
		if took := time.Since(start); took < reset {
			t.Errorf("the bot identified after %v, before the limit reset (%v)", took, reset)
		}
		if !strings.Contains(h.logs.String(), "sessiestartlimiet van Discord is op") {
			t.Errorf("the log does not say why the bot waits")
		}
	})
	t.Run("used up while running", func(t *testing.T) {
		fake := fakediscord.New(t, testToken)
		fake.Set(func(f *fakediscord.Discord) {
			f.StartLimit = fakediscord.SessionStartLimit{Total: 1000, Remaining: 2, ResetAfter: time.Hour}
		})
		h := startBotOn(t, fake, func(c *Config) { c.WatchdogTimeout = 10 * time.Minute }, nil)
		// Drop each connection as soon as it is up: the first start was
		// the first connection, the second the reconnect, then none.
		for range 2 {
			if !fake.WaitConnected(5 * time.Second) {
				break
			}
			fake.DropGracefully()
		}
		deadline := time.Now().Add(5 * time.Second)
		for !strings.Contains(h.logs.String(), "sessiestartlimiet van Discord is op") && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		var dials int
		fake.Set(func(f *fakediscord.Discord) { dials = f.Dials })
		if dials > 2 {
			t.Errorf("%d gateway connections with 2 session starts left", dials)
		}
		if !strings.Contains(h.logs.String(), "sessiestartlimiet van Discord is op") {
			t.Errorf("the log does not say why the bot stopped reconnecting")
		}
		if ok, why := h.bot.GatewayHealth(); ok || !strings.Contains(why, "sessiestartlimiet") {
			t.Errorf("health = %v %q, want unhealthy because of the limit", ok, why)
		}
	})
}
