package bot

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Deadlines of requests to Discord.
const (
	// interactionWindow is Discord's deadline for the first response to an
	// interaction; after it the token no longer accepts a callback.
	interactionWindow = 3 * time.Second
	// retryMargin is what a retried request needs after its wait: a retry
	// that would end later than this before the deadline is not made.
	retryMargin = 250 * time.Millisecond
)

// Rate limits from Discord.
//
// discordgo v0.29.0 answers a 429 by sleeping retry_after and trying again,
// without bound and without looking at the request's context; an answer to
// an interaction that waits behind that misses Discord's 3-second window
// and the user sees "the application did not respond". So every request
// that answers someone goes through discordCall: discordgo's retry is off
// (WithRetryOnRatelimit(false)), the request has a deadline
// (WithContext), and a *discordgo.RateLimitError is handled here: logged,
// counted, and retried once after retry_after when that still ends before
// the deadline; otherwise the bot gives up on that one reply and logs it.
//
// discordgo still sleeps before a request when its own bucket bookkeeping
// says a bucket (or, after a global 429, every bucket) is exhausted; an
// interaction callback has a bucket of its own, so that only matters for
// mentions in a busy channel.

// Transient errors.
//
// A 500, 502, 503 or 504 from Discord, or a request that failed on the
// network, is usually gone a moment later. discordCall tries such a request
// again after a short jittered backoff (about 100, 200, 400 ms …, at most
// maxTransientRetries times) as long as the retry still ends before the
// request's deadline: Discord's 3 seconds for the first response to an
// interaction, handlerTimeout for edits, follow-ups and mention replies
// (the interaction token itself lives 15 minutes). discordgo's own retry of
// a 502, immediately and without a deadline, is off (WithRestRetries(0)).
// A callback that Discord did take although the answer was lost is
// acknowledged already: a retry that hears so (code 40060) counts as sent.
// A mention reply carries a nonce with enforce_nonce, so a retry of one
// that did arrive is not posted twice. The daily post has its own retries
// (internal/daily).

const (
	maxTransientRetries = 5
	transientBackoff    = 100 * time.Millisecond
	// codeAlreadyAcknowledged: the interaction was answered already.
	codeAlreadyAcknowledged = 40060
)

// discordCall runs do, a REST request to Discord, under a deadline and
// with the rate-limit and retry policy above. what names the request in
// logs.
func (b *Bot) discordCall(deadline time.Time, what string, log *slog.Logger, do func(opts ...discordgo.RequestOption) error) error {
	ctx, cancel := context.WithDeadline(b.baseContext(), deadline)
	defer cancel()
	opts := []discordgo.RequestOption{discordgo.WithRetryOnRatelimit(false), discordgo.WithRestRetries(0), discordgo.WithContext(ctx)}
	limited, transient := 0, 0
	for {
		err := do(opts...)
		if err == nil {
			return nil
		}
		if limited+transient > 0 && discordCode(err) == codeAlreadyAcknowledged {
			log.Info("Discord had het antwoord al ontvangen", "request", what)
			return nil
		}
		var wait time.Duration
		var rl *discordgo.RateLimitError
		switch {
		case errors.As(err, &rl):
			b.metrics.RateLimited("discord")
			if limited > 0 {
				log.Warn("Discord beperkt het tempo opnieuw; opgegeven", "request", what, "retry_after", retryAfter(rl))
				return err
			}
			limited++
			wait = retryAfter(rl)
			if left := time.Until(deadline); wait+retryMargin > left {
				log.Warn("Discord beperkt het tempo; opgegeven", "request", what, "retry_after", wait, "time_left", left.Round(time.Millisecond))
				return err
			}
			log.Warn("Discord beperkt het tempo; nog één poging", "request", what, "retry_after", wait)
		case isTransient(ctx, err):
			if transient == maxTransientRetries {
				log.Warn("tijdelijke fout bij Discord; opgegeven na herhaalde pogingen", "request", what, "attempts", transient+1, "error", err)
				return err
			}
			wait = jitter(transientBackoff << transient)
			transient++
			if left := time.Until(deadline); wait+retryMargin > left {
				log.Warn("tijdelijke fout bij Discord; geen tijd meer voor een nieuwe poging", "request", what, "error", err, "time_left", left.Round(time.Millisecond))
				return err
			}
			log.Warn("tijdelijke fout bij Discord; nieuwe poging", "request", what, "attempt", transient+1, "wait", wait.Round(time.Millisecond), "error", err)
		default:
			return err
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return err
		}
	}
}

// isTransient reports whether err is worth another try: Discord answered
// 500, 502, 503 or 504, or the request failed on the network (not because
// ctx ended).
func isTransient(ctx context.Context, err error) bool {
	if err == nil || ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) {
		if re.Response == nil {
			return false
		}
		switch re.Response.StatusCode {
		case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			return true
		}
		return false
	}
	// discordgo turns a 502 it did not retry into a plain error.
	if strings.HasPrefix(err.Error(), "Exceeded Max retries HTTP 502") {
		return true
	}
	var ue *url.Error
	var ne net.Error
	return errors.As(err, &ue) || errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// discordCode is the JSON error code of a REST error, or 0.
func discordCode(err error) int {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Message != nil {
		return re.Message.Code
	}
	return 0
}

// jitter spreads d over [d/2, 3d/2), so that retries of many requests do
// not arrive together.
func jitter(d time.Duration) time.Duration {
	return d/2 + rand.N(d)
}

// retryAfter is the wait a 429 asks for.
func retryAfter(rl *discordgo.RateLimitError) time.Duration {
	if rl == nil || rl.RateLimit == nil || rl.TooManyRequests == nil {
		return 0
	}
	return max(rl.RetryAfter, 0)
}

// baseContext is the parent of the contexts of requests to Discord: it
// outlives a shutdown through Run's context, so answers in flight are
// still sent.
func (b *Bot) baseContext() context.Context {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.ctx
}

// restRotateEvery is how many requests a session of the restPool makes
// before a fresh one takes over.
const restRotateEvery = 1000

// restPool hands out the discordgo session for the responses to
// interactions: callbacks, webhook edits and follow-ups.
//
// discordgo keeps a rate-limit bucket for every URL it has requested, in a
// map it never prunes, and these URLs are unique per interaction (they hold
// its id and token): on the gateway's session a bot that runs for months
// would grow by a bucket per interaction. So these requests go through a
// session of their own that is replaced after restRotateEvery requests;
// requests in flight finish on the old one, which is then dropped. Nothing
// of value is lost: no two interactions share a bucket. Only REST is used
// on these sessions; the gateway connection stays on the main session.
type restPool struct {
	main *discordgo.Session // settings to copy

	mu   sync.Mutex
	cur  *discordgo.Session
	used int
}

func (p *restPool) get() *discordgo.Session {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cur == nil || p.used >= restRotateEvery {
		m := p.main // settings set once in New, never changed after
		r, _ := discordgo.New(m.Token)
		r.LogLevel, r.Debug, r.StateEnabled, r.Client, r.UserAgent = m.LogLevel, m.Debug, false, m.Client, m.UserAgent
		p.cur, p.used = r, 0
	}
	p.used++
	return p.cur
}

// lateDeadline is the deadline of requests that are not bound by the
// 3-second window: webhook edits and follow-ups (the interaction token
// lives 15 minutes) and replies to mentions.
func lateDeadline() time.Time { return time.Now().Add(handlerTimeout) }
