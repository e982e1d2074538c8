package daily

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
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

// Scheduler posts the daily post of every enabled server once a day, at or
// after its local post time, and never a day late.
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

// Tick posts every post that is due now. It returns the first error that is
// not about one server (a store failure).
func (s *Scheduler) Tick(ctx context.Context) error {
	sets, err := s.servers()
	if err != nil {
		return err
	}
	for _, set := range sets {
		if ctx.Err() != nil {
			return nil
		}
		date, due, err := Due(set, s.Now())
		if err != nil {
			s.recordError(set, fmt.Sprintf("De instellingen kloppen niet: %v.", err))
			continue
		}
		if !due {
			continue
		}
		if set.Failures > 0 && s.Now().Sub(set.LastErrorAt) < retryPause(set.Failures) {
			continue
		}
		s.post(ctx, set, date)
	}
	return nil
}

func (s *Scheduler) post(ctx context.Context, set Settings, date string) {
	day, _ := time.Parse(DateLayout, date)
	p := PostFor(s.Corpus, set.Server, day)
	key := set.Server + "/" + date
	attempts := s.Attempts
	if attempts <= 0 {
		attempts = 4
	}
	backoff := 2 * time.Second
	var err error
	for i := 0; i < attempts; i++ {
		err = s.Poster.PostDaily(ctx, set.ChannelID, p, key)
		if err == nil {
			break
		}
		if errors.Is(err, ErrChannelGone) {
			s.log().Warn("daily channel gone; schedule switched off", "server", set.Server, "channel", set.ChannelID)
			s.update(set, func(st *Settings) {
				st.Enabled = false
				st.LastError = "Het kanaal bestaat niet meer of de bot mag er niet posten, dus de dagelijkse post staat uit. Kies een kanaal met /dagelijks aan."
				st.LastErrorAt = s.Now()
			})
			return
		}
		wait := backoff
		var ra *RetryAfterError
		if errors.As(err, &ra) && ra.After > 0 {
			wait = ra.After
		}
		s.log().Warn("daily post failed; retrying", "server", set.Server, "attempt", i+1, "wait", wait, "err", err)
		if i == attempts-1 || s.Sleep(ctx, wait) != nil {
			break
		}
		backoff *= 2
	}
	if s.Observe != nil {
		s.Observe(err == nil)
	}
	if err != nil {
		s.log().Error("daily post failed", "server", set.Server, "date", date, "err", err)
		s.recordError(set, "De post van vandaag is nog niet gelukt; ik probeer het straks opnieuw.")
		return
	}
	s.log().Info("daily post sent", "server", set.Server, "date", date, "factor", p.FactorID)
	s.update(set, func(st *Settings) {
		adopt(st, set)
		st.LastPosted = date
		st.LastPostAt = s.Now()
		st.LastError = ""
		st.Failures = 0
	})
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

func (s *Scheduler) recordError(set Settings, msg string) {
	s.update(set, func(st *Settings) {
		adopt(st, set)
		st.LastError = msg
		st.LastErrorAt = s.Now()
		st.Failures++
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

// Run ticks at the start of every minute until ctx is done.
func (s *Scheduler) Run(ctx context.Context) error {
	for {
		if err := s.Tick(ctx); err != nil {
			s.log().Error("daily tick", "err", err)
		}
		now := s.Now()
		wait := now.Truncate(time.Minute).Add(time.Minute).Sub(now)
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
