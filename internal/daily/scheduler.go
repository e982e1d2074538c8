package daily

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"
	_ "time/tzdata" // Europe/Brussels also on machines without zoneinfo

	"github.com/bondgenoot/bondgenoot/content"
)

// DefaultZone and DefaultTime apply when settings leave them empty.
const (
	DefaultZone = "Europe/Brussels"
	DefaultTime = "09:00"
)

// Poster posts a daily post in a channel. key identifies the post (server
// and date), so that a repeated call can be recognised as the same post.
type Poster interface {
	PostDaily(ctx context.Context, channelID string, p Post, key string) error
}

// ErrChannelGone is returned by a Poster when the channel no longer exists
// or the bot may not post there: the schedule is switched off.
var ErrChannelGone = errors.New("channel gone or not allowed")

// RetryAfterError is returned by a Poster when the platform asks to wait.
type RetryAfterError struct{ After time.Duration }

func (e *RetryAfterError) Error() string { return fmt.Sprintf("rate limited, retry after %v", e.After) }

// MaxRetryAfter is the longest wait asked by a rate limit (retry_after) that
// one post honours by waiting; a longer one ends the try, and the post is
// tried again at the next minute (spaced further when it keeps failing).
const MaxRetryAfter = time.Minute

// DefaultAttemptWait bounds how long a tick waits for its attempts: a
// little more than one request may take (the Poster bounds each).
const DefaultAttemptWait = 15 * time.Second

// Scheduler posts the daily post of every enabled server once a day, at or
// after its local post time, and never a day late. Each server's post runs
// on its own: a wait, a retry or a failure of one never delays another.
type Scheduler struct {
	Store  *Store
	Corpus *content.Corpus
	Poster Poster
	Logger *slog.Logger
	// Now is the clock; tests inject a fake one.
	Now func() time.Time
	// Sleep waits d or until ctx is done; tests inject one that advances
	// their clock.
	Sleep func(ctx context.Context, d time.Duration) error
	// Env are settings from the environment (DAILY_CHANNEL_ID, DAILY_TIME)
	// for a single-server setup; settings stored by commands for the same
	// server win.
	Env *Settings
	// Attempts is how often one post is tried per tick; 0 means 4.
	Attempts int
	// Observe, when set, is told of every post sent (true) or given up for
	// this tick (false), for metrics.
	Observe func(sent bool)
	// AttemptWait is how long (real time) a tick waits for its attempts
	// before it goes on; 0 means DefaultAttemptWait.
	AttemptWait time.Duration

	mu       sync.Mutex
	tries    map[string]*try // servers with a round of attempts under way
	inflight map[string]bool // servers with an attempt being made now
}

// Location returns the zone of the settings, Europe/Brussels by default.
func Location(set Settings) (*time.Location, error) {
	zone := set.Zone
	if zone == "" {
		zone = DefaultZone
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return nil, fmt.Errorf("onbekende tijdzone %q", zone)
	}
	return loc, nil
}

// Due reports whether the server's post for its local date of now is due,
// and that date.
func Due(set Settings, now time.Time) (date string, due bool, err error) {
	if !set.Enabled || set.ChannelID == "" {
		return "", false, nil
	}
	loc, err := Location(set)
	if err != nil {
		return "", false, err
	}
	clock := set.Time
	if clock == "" {
		clock = DefaultTime
	}
	h, m, err := ParseClock(clock)
	if err != nil {
		return "", false, err
	}
	local := now.In(loc)
	date = local.Format(DateLayout)
	if set.LastPosted == date {
		return date, false, nil
	}
	// Wall-clock comparison: a time in the skipped hour of spring posts at
	// the first minute after it; the repeated hour of autumn posts once.
	return date, local.Hour()*60+local.Minute() >= h*60+m, nil
}

// Next returns when the next post will be made, in the server's zone.
func Next(set Settings, now time.Time) (time.Time, error) {
	loc, err := Location(set)
	if err != nil {
		return time.Time{}, err
	}
	clock := set.Time
	if clock == "" {
		clock = DefaultTime
	}
	h, m, err := ParseClock(clock)
	if err != nil {
		return time.Time{}, err
	}
	local := now.In(loc)
	if local.Format(DateLayout) != set.LastPosted {
		today := time.Date(local.Year(), local.Month(), local.Day(), h, m, 0, 0, loc)
		if today.After(now) {
			return today, nil
		}
		return now, nil // due now
	}
	return time.Date(local.Year(), local.Month(), local.Day()+1, h, m, 0, 0, loc), nil
}

// servers returns the settings to consider: the store's, plus the
// environment's when the store has none for that server. Settings that came
// from the environment follow it (a changed DAILY_TIME counts after a
// restart); settings an admin made with /dagelijks win over it.
func (s *Scheduler) servers() ([]Settings, error) {
	all, err := s.Store.All()
	if err != nil {
		return nil, err
	}
	if s.Env != nil && s.Env.ChannelID != "" {
		found := false
		for i, set := range all {
			if set.Server != s.Env.Server {
				continue
			}
			found = true
			if set.Source == SourceEnv {
				all[i].ChannelID, all[i].Time, all[i].Zone, all[i].Enabled = s.Env.ChannelID, s.Env.Time, s.Env.Zone, s.Env.Enabled
			}
		}
		if !found {
			env := *s.Env
			env.Source = SourceEnv
			all = append(all, env)
		}
	}
	return all, nil
}

// retryPause is how long a server whose post failed n ticks in a row waits
// before the next try: 1, 2, 4 … minutes, at most an hour, so that a
// lasting error does not hammer Discord all day.
func retryPause(n int) time.Duration {
	if n <= 0 {
		return 0
	}
	d := time.Minute << min(n-1, 6)
	return min(d, time.Hour)
}

// waiting reports whether a server's last failure asks to wait still.
func waiting(set Settings, now time.Time) bool {
	if set.Failures <= 0 {
		return false
	}
	if !set.RetryAt.IsZero() {
		return now.Before(set.RetryAt)
	}
	return now.Sub(set.LastErrorAt) < retryPause(set.Failures)
}

// try is the state of one server's post between the attempts of a round:
// a failed attempt is tried again at next, without anyone sleeping.
type try struct {
	date     string
	attempts int
	backoff  time.Duration
	next     time.Time
}

// Tick makes one attempt at every post that is due now and whose next
// attempt has come, all at the same time, each in a goroutine of its own,
// and returns when they are done: each takes at most one request (the
// Poster bounds it). Nothing in a tick sleeps: a retry, a backoff or a
// retry_after is a time for a later tick (Run wakes for it), so one
// server's wait never holds up another's post. It returns the first error
// that is not about one server (a store failure).
func (s *Scheduler) Tick(ctx context.Context) error {
	sets, err := s.servers()
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	defer s.waitAttempts(&wg)
	for _, set := range sets {
		if ctx.Err() != nil {
			return nil
		}
		now := s.Now()
		date, due, err := Due(set, now)
		if err != nil {
			s.recordError(set, fmt.Sprintf("De instellingen kloppen niet: %v.", err), 0)
			continue
		}
		tr, ok := s.claim(set, date, due && !waiting(set, now), now)
		if !ok {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer s.release(set.Server)
			s.attempt(ctx, set, tr)
		}()
	}
	return nil
}

// waitAttempts waits for the attempts of a tick, but at most AttemptWait
// (real time): an attempt that hangs goes on by itself (its server stays
// claimed until it ends) and holds up no other server's post.
func (s *Scheduler) waitAttempts(wg *sync.WaitGroup) {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	limit := s.AttemptWait
	if limit <= 0 {
		limit = DefaultAttemptWait
	}
	t := time.NewTimer(limit)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		s.log().Warn("een poging van de dagelijkse post duurt lang; de planner gaat verder zonder te wachten", "waited", limit)
	}
}

// claim returns the round of a server's post when an attempt is to be made
// now, and marks it as under way; ok is false when the post is not due, is
// under way already, or its next attempt is later.
func (s *Scheduler) claim(set Settings, date string, due bool, now time.Time) (tr *try, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tries == nil {
		s.tries, s.inflight = map[string]*try{}, map[string]bool{}
	}
	tr = s.tries[set.Server]
	if !due {
		if !s.inflight[set.Server] {
			delete(s.tries, set.Server)
		}
		return nil, false
	}
	if s.inflight[set.Server] || tr != nil && tr.date == date && now.Before(tr.next) {
		return nil, false
	}
	if tr == nil || tr.date != date {
		tr = &try{date: date, backoff: 2 * time.Second}
		s.tries[set.Server] = tr
	}
	s.inflight[set.Server] = true
	return tr, true
}

func (s *Scheduler) release(server string) {
	s.mu.Lock()
	delete(s.inflight, server)
	s.mu.Unlock()
}

// busy is how many attempts are under way.
func (s *Scheduler) busy() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.inflight)
}

// nextAttempt is the earliest retry after now that is waiting, if any.
func (s *Scheduler) nextAttempt(now time.Time) (time.Time, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var first time.Time
	for _, tr := range s.tries {
		if tr.next.After(now) && (first.IsZero() || tr.next.Before(first)) {
			first = tr.next
		}
	}
	return first, !first.IsZero()
}

// endRound forgets a server's round: it posted, or gave up for this tick.
func (s *Scheduler) endRound(server string) {
	s.mu.Lock()
	delete(s.tries, server)
	s.mu.Unlock()
}

// attempt makes one attempt at a server's post and decides what comes next:
// done, switched off, another attempt at a later time, or (after Attempts
// failures, or a retry_after beyond MaxRetryAfter) a recorded failure that
// is tried again from the next minute on.
func (s *Scheduler) attempt(ctx context.Context, set Settings, tr *try) {
	defer func() {
		// One server's post never takes the others down.
		if r := recover(); r != nil {
			s.log().Error("paniek in de dagelijkse post", "server", set.Server, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			s.endRound(set.Server)
			s.recordError(set, "De post van vandaag is nog niet gelukt door een interne fout; ik probeer het straks opnieuw.", 0)
		}
	}()
	date := tr.date
	day, _ := time.Parse(DateLayout, date)
	p := PostFor(s.Corpus, set.Server, day)
	err := s.Poster.PostDaily(ctx, set.ChannelID, p, set.Server+"/"+date)
	switch {
	case err == nil:
		s.endRound(set.Server)
		if s.Observe != nil {
			s.Observe(true)
		}
		s.log().Info("daily post sent", "server", set.Server, "date", date, "factor", p.FactorID)
		s.update(set, func(st *Settings) {
			adopt(st, set)
			st.LastPosted = date
			st.LastPostAt = s.Now()
			st.LastError = ""
			st.Failures = 0
			st.RetryAt = time.Time{}
			st.RetryAfter = 0
		})
		return
	case errors.Is(err, ErrChannelGone):
		s.endRound(set.Server)
		s.log().Warn("daily channel gone; schedule switched off", "server", set.Server, "channel", set.ChannelID)
		s.update(set, func(st *Settings) {
			st.Enabled = false
			st.LastError = "Het kanaal bestaat niet meer of de bot mag er niet posten, dus de dagelijkse post staat uit. Kies een kanaal met /dagelijks aan."
			st.LastErrorAt = s.Now()
		})
		return
	}
	attempts := s.Attempts
	if attempts <= 0 {
		attempts = 4
	}
	s.mu.Lock()
	tr.attempts++
	wait := tr.backoff
	var ra *RetryAfterError
	if errors.As(err, &ra) && ra.After > 0 {
		wait = ra.After
	}
	tooLong := wait > MaxRetryAfter
	last := tr.attempts >= attempts || tooLong
	if !last {
		tr.next = s.Now().Add(wait)
		tr.backoff *= 2
	}
	s.mu.Unlock()
	if !last {
		s.log().Warn("daily post failed; retrying", "server", set.Server, "attempt", tr.attempts, "wait", wait, "err", err)
		return
	}
	s.endRound(set.Server)
	if s.Observe != nil {
		s.Observe(false)
	}
	msg := "De post van vandaag is nog niet gelukt; ik probeer het straks opnieuw."
	if tooLong {
		s.log().Warn("daily post rate limited longer than honoured; trying again at the next minute", "server", set.Server, "retry_after", wait, "max", MaxRetryAfter)
		msg = fmt.Sprintf("Discord vroeg om %s te wachten met posten in dit kanaal; zo lang wacht ik niet, ik probeer het na een minuut opnieuw (en daarna met langere pauzes).", dutchDuration(wait))
	} else {
		wait = 0
	}
	s.log().Error("daily post failed", "server", set.Server, "date", date, "err", err)
	s.recordError(set, msg, wait)
}

// dutchDuration says a wait in Dutch: "27 uur en 47 minuten", "90 seconden".
func dutchDuration(d time.Duration) string {
	d = d.Round(time.Second)
	if d < 2*time.Minute {
		return fmt.Sprintf("%d seconden", int(d.Seconds()))
	}
	h, m := int(d.Hours()), int(d.Minutes())%60
	switch {
	case h == 0:
		return fmt.Sprintf("%d minuten", m)
	case m == 0:
		return fmt.Sprintf("%d uur", h)
	}
	return fmt.Sprintf("%d uur en %d minuten", h, m)
}

// adopt keeps what an admin set; settings that come from the environment
// (or that the store does not have yet) are taken from set.
func adopt(st *Settings, set Settings) {
	if st.ChannelID == "" || st.Source == SourceEnv || st.Source == "" && set.Source == SourceEnv {
		st.ChannelID, st.Time, st.Zone, st.Enabled = set.ChannelID, set.Time, set.Zone, set.Enabled
		if set.Source != "" {
			st.Source = set.Source
		}
	}
}

// recordError records a failed try: the message for /dagelijks status, and
// when the next try is (the next minute, then 2, 4 … up to 60 minutes).
// retryAfter is a wait Discord asked for that was not honoured, or zero.
func (s *Scheduler) recordError(set Settings, msg string, retryAfter time.Duration) {
	now := s.Now()
	s.update(set, func(st *Settings) {
		adopt(st, set)
		st.LastError = msg
		st.LastErrorAt = now
		st.Failures++
		st.RetryAt = now.Truncate(time.Minute).Add(retryPause(st.Failures))
		st.RetryAfter = retryAfter
	})
}

func (s *Scheduler) update(set Settings, fn func(*Settings)) {
	if err := s.Store.Update(set.Server, func(st *Settings) error { fn(st); return nil }); err != nil {
		s.log().Error("save daily settings", "server", set.Server, "err", err)
	}
}

func (s *Scheduler) log() *slog.Logger {
	if s.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Logger
}

// Run ticks at the start of every minute, and when a retry is due, until
// ctx is done.
func (s *Scheduler) Run(ctx context.Context) error {
	for {
		if err := s.Tick(ctx); err != nil {
			s.log().Error("daily tick", "err", err)
		}
		now := s.Now()
		wait := now.Truncate(time.Minute).Add(time.Minute).Sub(now)
		if next, ok := s.nextAttempt(now); ok && next.Sub(now) < wait {
			wait = next.Sub(now)
		}
		if err := s.Sleep(ctx, wait); err != nil {
			return nil
		}
	}
}

// SleepContext waits d or until ctx is done; it is the real Sleep.
func SleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
