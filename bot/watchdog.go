package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// defaultWatchdogTimeout is how long the gateway may stay unhealthy before
// Run gives up (WATCHDOG_TIMEOUT). It is well above Discord's heartbeat
// interval (about 41 s), so a quiet server never looks dead.
const defaultWatchdogTimeout = 3 * time.Minute

// WatchdogError is what Run returns when the gateway connection did not
// recover within the watchdog's timeout. The process should exit non-zero
// so that its supervisor (systemd, Docker, …) starts it afresh.
type WatchdogError struct {
	Reason  string        // Dutch, for the person who runs the bot
	Timeout time.Duration // the configured timeout
}

func (e *WatchdogError) Error() string {
	return fmt.Sprintf("waakhond: %s (langer dan %s); de bot stopt zodat hij opnieuw gestart kan worden", e.Reason, e.Timeout)
}

// sessionProbe reads what the watchdog needs from the discordgo session
// without ever blocking: locked is true when the session's lock is held
// (then lastAck is zero and unknown).
type sessionProbe func() (locked bool, lastAck time.Time)

// probeSession reads the time of the last heartbeat ACK under the
// session's lock, but only when the lock is free. discordgo v0.29.0 holds
// that lock for the whole of Open, and Open can hang for good (its issue
// #513: an op 7 RECONNECT or other packet during the handshake makes Open
// call Close, which waits for the lock Open holds). A watchdog that waited
// for the lock would hang with it.
func probeSession(s *discordgo.Session) sessionProbe {
	return func() (bool, time.Time) {
		if !s.TryRLock() {
			return true, time.Time{}
		}
		defer s.RUnlock()
		return false, s.LastHeartbeatAck
	}
}

// watchdog tracks the health of the gateway connection:
//   - connected: a dispatch (READY, RESUMED or any other event) came after
//     the last disconnect. discordgo's Connect event does not count: after
//     a close with code 1000 Discord has invalidated the session, the
//     RESUME is answered with INVALID_SESSION and only a new READY means
//     the bot is back;
//   - alive: a heartbeat ACK or an event within the timeout;
//   - not stuck: the session's lock is not held longer than the timeout
//     (discordgo #513).
//
// It reports unhealthy at once (for /healthz) and fails when the trouble
// lasts longer than the timeout (for Run). Its clock is injected.
type watchdog struct {
	timeout time.Duration
	now     func() time.Time
	probe   sessionProbe
	log     *slog.Logger

	mu          sync.Mutex
	up          time.Time // last dispatch from the gateway
	down        time.Time // last disconnect, or the start of Run
	ack         time.Time // last heartbeat ACK seen
	lockedSince time.Time // zero while the session lock is free
	downs       int       // disconnects seen
	healthy     bool      // last verdict, to log changes once

	// How Discord closed the gateway last (noteGatewayClose), and how
	// often since the last dispatch: the diagnosis of a connection that
	// keeps being closed.
	closeCode   int
	closeText   string
	closeAt     time.Time
	closes      int
	limitResets time.Time // the session start limit is used up until then
}

func newWatchdog(timeout time.Duration, now func() time.Time, probe sessionProbe, log *slog.Logger) *watchdog {
	if now == nil {
		now = time.Now
	}
	return &watchdog{timeout: timeout, now: now, probe: probe, log: log, down: now()}
}

// start marks the beginning of a connection attempt: not connected yet.
func (w *watchdog) start() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.down, w.up, w.lockedSince, w.healthy = w.now(), time.Time{}, time.Time{}, false
}

// event records a dispatch from the gateway.
func (w *watchdog) event() {
	now := w.now()
	w.mu.Lock()
	wasDown := !w.up.After(w.down)
	downFor := now.Sub(w.down)
	w.up = now
	w.closes = 0
	downs := w.downs
	w.mu.Unlock()
	if wasDown && downs > 0 {
		w.log.Info("verbinding met de gateway hersteld", "after", downFor.Round(time.Millisecond))
	}
}

// closed records that Discord closed the gateway with code and text.
func (w *watchdog) closed(code int, text string) {
	now := w.now()
	w.mu.Lock()
	w.closeCode, w.closeText, w.closeAt = code, text, now
	w.closes++
	w.mu.Unlock()
}

// startLimit records that no session may start until resetAt.
func (w *watchdog) startLimit(resetAt time.Time) {
	w.mu.Lock()
	w.limitResets = resetAt
	w.mu.Unlock()
}

// closeDiagnosis says how Discord has been closing the connection since
// since, or "" when it has not.
func (w *watchdog) closeDiagnosis(since time.Time) string {
	var parts []string
	if w.closeCode != 0 && !w.closeAt.Before(since) {
		s := fmt.Sprintf("Discord sloot de verbinding %d keer, het laatst met code %d", w.closes, w.closeCode)
		if w.closeText != "" {
			s += fmt.Sprintf(" (%s)", w.closeText)
		}
		parts = append(parts, s)
	}
	if !w.limitResets.IsZero() && w.now().Before(w.limitResets) {
		parts = append(parts, "de sessiestartlimiet van Discord is op tot "+w.limitResets.Format("15:04"))
	}
	return strings.Join(parts, "; ")
}

// disconnected records that discordgo closed the connection; it reconnects
// by itself unless the bot is shutting down (quiet).
func (w *watchdog) disconnected(quiet bool) {
	now := w.now()
	w.mu.Lock()
	w.down = now
	w.downs++
	w.mu.Unlock()
	if !quiet {
		w.log.Warn("verbinding met de gateway verbroken; discordgo verbindt opnieuw", "timeout", w.timeout)
	}
}

// verdict says whether the gateway is healthy at now; when it is not, why,
// and whether that has lasted longer than the timeout.
func (w *watchdog) verdict(now time.Time) (ok bool, why string, expired bool) {
	locked, ack := w.probe()
	w.mu.Lock()
	defer w.mu.Unlock()
	if !locked && ack.After(w.ack) {
		w.ack = ack
	}
	switch {
	case !locked:
		w.lockedSince = time.Time{}
	case w.lockedSince.IsZero():
		w.lockedSince = now
	}
	if locked && now.Sub(w.lockedSince) > w.timeout {
		// discordgo holds the lock while it reconnects: when Discord keeps
		// closing the connection, that is the cause, not discordgo #513.
		if why := w.closeDiagnosis(w.lockedSince.Add(-w.timeout)); why != "" {
			return false, fmt.Sprintf("al %s bezig met opnieuw verbinden: %s", roundDur(now.Sub(w.lockedSince)), why), true
		}
		return false, fmt.Sprintf("de discordgo-sessie zit al %s vast tijdens het (her)verbinden (discordgo #513)", roundDur(now.Sub(w.lockedSince))), true
	}
	if !w.up.After(w.down) {
		d := now.Sub(w.down)
		why = fmt.Sprintf("al %s niet verbonden met de Discord-gateway", roundDur(d))
		if w.downs == 0 {
			why = fmt.Sprintf("na %s nog niet verbonden met de Discord-gateway", roundDur(d))
		}
		if diag := w.closeDiagnosis(w.down.Add(-time.Second)); diag != "" {
			why += ": " + diag
		}
		return false, why, d > w.timeout
	}
	life := w.up
	if w.ack.After(life) {
		life = w.ack
	}
	if d := now.Sub(life); d > w.timeout {
		return false, fmt.Sprintf("de Discord-gateway zwijgt al %s (geen hartslag-ACK en geen gebeurtenis)", roundDur(d)), true
	}
	return true, "", false
}

// health is the /healthz check of the gateway.
func (w *watchdog) health() (bool, string) {
	ok, why, _ := w.verdict(w.now())
	if !ok {
		return false, "gateway: " + why
	}
	return true, ""
}

// run checks the connection a few times per timeout until ctx is done
// (nil) or the gateway stays unhealthy too long (a *WatchdogError).
func (w *watchdog) run(ctx context.Context) error {
	every := w.timeout / 8
	every = max(every, 10*time.Millisecond)
	every = min(every, 5*time.Second)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		ok, why, expired := w.verdict(w.now())
		w.mu.Lock()
		changed := ok != w.healthy
		w.healthy = ok
		w.mu.Unlock()
		if changed && !ok {
			w.log.Warn("gateway niet gezond", "reason", why, "timeout", w.timeout)
		}
		if expired {
			w.log.Error("waakhond: de verbinding met Discord herstelt niet; de bot stopt", "reason", why, "timeout", w.timeout)
			return &WatchdogError{Reason: why, Timeout: w.timeout}
		}
	}
}

// roundDur rounds d for messages: whole seconds, or milliseconds below one
// second.
func roundDur(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(time.Second)
}

// sessionCloseWait bounds the wait for discordgo's Close, which sleeps a
// second by itself and never returns while its session is stuck (#513).
const sessionCloseWait = 3 * time.Second

// startWatchdog starts the watchdog for a run; the channel receives a
// *WatchdogError when the gateway does not recover in time (never without
// a watchdog). stop ends the watchdog.
func (b *Bot) startWatchdog(ctx context.Context) (failed <-chan error, stop func()) {
	if b.wd == nil {
		return nil, func() {}
	}
	b.wd.start()
	ctx, cancel := context.WithCancel(ctx)
	ch := make(chan error, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := b.wd.run(ctx); err != nil {
			ch <- err
		}
	}()
	return ch, func() { cancel(); <-done }
}

// closeSession closes the connection to Discord, giving up after
// sessionCloseWait: the process is about to end anyway.
func (b *Bot) closeSession() error {
	done := make(chan error, 1)
	go func() { done <- b.session.Close() }()
	select {
	case err := <-done:
		return err
	case <-time.After(sessionCloseWait):
		b.log.Error("de verbinding met Discord sluit niet: de discordgo-sessie hangt", "waited", sessionCloseWait)
		return errors.New("de discordgo-sessie sluit niet")
	}
}

// addHealthHandlers lets the watchdog see the gateway's events and counts
// the rate limits discordgo waits out by itself (requests that keep its
// retries, such as the registration of the commands).
func (b *Bot) addHealthHandlers(s *discordgo.Session) {
	if b.wd != nil {
		s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Event) { b.wd.event() })
		s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
			b.mu.Lock()
			closing := b.closing
			b.mu.Unlock()
			b.wd.disconnected(closing)
		})
	}
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.RateLimit) {
		b.metrics.RateLimited("discord")
		after := time.Duration(0)
		if r.TooManyRequests != nil {
			after = r.RetryAfter
		}
		b.log.Warn("Discord beperkt het tempo; discordgo wacht", "retry_after", after)
	})
}

// GatewayHealth is the health check of the connection to Discord's
// gateway, for /healthz: not ok while the bot is not connected, is stuck
// reconnecting or hears nothing from Discord, with the reason.
func (b *Bot) GatewayHealth() (ok bool, reason string) {
	if b.wd == nil {
		return true, ""
	}
	return b.wd.health()
}

// IndexHealth is the health check of the search index, for /healthz.
func (b *Bot) IndexHealth() (ok bool, reason string) {
	svc := b.svc
	if b.router != nil {
		svc = b.router.Service() // the reloaded content, if any
	}
	if svc == nil || svc.Index == nil {
		return false, "zoekindex niet geladen"
	}
	return true, ""
}
