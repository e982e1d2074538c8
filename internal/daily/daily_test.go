package daily

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/internal/fakeclock"

	"github.com/bondgenoot/bondgenoot/content"
)

func corpus(t *testing.T) *content.Corpus {
	t.Helper()
	c, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestThirteenDaysThirteenFactorsThenOtherExamples(t *testing.T) {
	c := corpus(t)
	for _, server := range []string{"", "123456789012345678", "ander"} {
		for _, start := range []string{"2026-12-01", "2027-03-28", "2026-01-01"} {
			d0, _ := ParseDate(start)
			seen := map[string]Post{}
			for i := 0; i < 13; i++ {
				p := PostFor(c, server, d0.AddDate(0, 0, i))
				if _, dup := seen[p.FactorID]; dup {
					t.Fatalf("server %q from %s: factor %s twice in 13 days", server, start, p.FactorID)
				}
				seen[p.FactorID] = p
			}
			// The next 13 days show the same factors with other examples.
			for i := 13; i < 26; i++ {
				p := PostFor(c, server, d0.AddDate(0, 0, i))
				prev := seen[p.FactorID]
				f := c.Factor(p.FactorID)
				if len(f.Examples) >= 2 && p.Example.Text == prev.Example.Text {
					t.Errorf("server %q: factor %s shows the same example on day %d and %d", server, p.FactorID, i-13, i)
				}
			}
		}
	}
}

func TestPostIsAPureFunctionOfDateAndServer(t *testing.T) {
	c := corpus(t)
	d, _ := ParseDate("2026-12-01")
	a := PostFor(c, "s", d)
	b := PostFor(c, "s", time.Date(2026, 12, 1, 23, 59, 0, 0, brussels))
	if a.FactorID != b.FactorID || a.Date != b.Date {
		t.Errorf("same civil date gave %s/%s and %s/%s", a.FactorID, a.Date, b.FactorID, b.Date)
	}
	if a.Idea == "" || a.Page == 0 || a.Title == "" {
		t.Errorf("post lacks idea, page or title: %+v", a)
	}
}

func TestParseClock(t *testing.T) {
	good := map[string][2]int{"09:00": {9, 0}, "9:05": {9, 5}, "23:59": {23, 59}, "00:00": {0, 0}}
	for in, want := range good {
		h, m, err := ParseClock(in)
		if err != nil || h != want[0] || m != want[1] {
			t.Errorf("ParseClock(%q) = %d, %d, %v; want %v", in, h, m, err, want)
		}
	}
	for _, in := range []string{"25:00", "9u", "negen uur", "", "12:60", "12:5", "-1:00", "1200", "12:00:00", "١٢:٠٠"} {
		if _, _, err := ParseClock(in); err == nil {
			t.Errorf("ParseClock(%q) accepted", in)
		}
	}
}

// fakeClock is the tests' clock: moved by hand, and a Sleep that moves it.
type fakeClock = fakeclock.Clock

// fakePoster records posts and fails as told.
type fakePoster struct {
	mu    sync.Mutex
	posts []string // channel/date
	fail  []error  // errors to return first, in order
}

func (p *fakePoster) PostDaily(_ context.Context, channel string, post Post, key string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.fail) > 0 {
		err := p.fail[0]
		p.fail = p.fail[1:]
		return err
	}
	p.posts = append(p.posts, channel+"/"+post.Date)
	return nil
}

func (p *fakePoster) count() int { p.mu.Lock(); defer p.mu.Unlock(); return len(p.posts) }

var brussels = func() *time.Location {
	l, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		panic(err)
	}
	return l
}()

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, brussels)
	if err != nil {
		panic(err)
	}
	return t
}

type rig struct {
	clock  *fakeClock
	poster *fakePoster
	path   string
	store  *Store
	sched  *Scheduler
}

func newRig(t *testing.T, start string) *rig {
	t.Helper()
	r := &rig{clock: fakeclock.New(at(start)).AutoAdvance(), poster: &fakePoster{}, path: filepath.Join(t.TempDir(), "bondgenoot.db")}
	r.open(t)
	return r
}

// open (re)opens the store and a new scheduler, as a restart does.
func (r *rig) open(t *testing.T) {
	t.Helper()
	if r.store != nil {
		r.store.Close()
	}
	st, err := Open(r.path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r.store = st
	r.sched = &Scheduler{Store: st, Corpus: corpusOnce(t), Poster: r.poster, Now: r.clock.Now, Sleep: r.clock.Sleep}
}

var (
	cOnce sync.Once
	cVal  *content.Corpus
)

func corpusOnce(t *testing.T) *content.Corpus {
	cOnce.Do(func() { cVal = corpus(t) })
	return cVal
}

func (r *rig) enable(t *testing.T, server, channel, clock string) {
	t.Helper()
	err := r.store.Update(server, func(s *Settings) error {
		s.ChannelID, s.Time, s.Zone, s.Enabled = channel, clock, "Europe/Brussels", true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (r *rig) tickAt(t *testing.T, when string) {
	t.Helper()
	r.clock.Set(at(when))
	drain(t, r.sched, r.clock)
}

// drain ticks as Run does within the minute of the clock: now, and at every
// retry that falls due before the next minute.
func drain(t *testing.T, s *Scheduler, c *fakeClock) {
	t.Helper()
	end := c.Now().Truncate(time.Minute).Add(time.Minute)
	for {
		if err := s.Tick(context.Background()); err != nil {
			t.Fatal(err)
		}
		next, ok := s.nextAttempt(c.Now())
		if !ok || !next.Before(end) {
			return
		}
		c.Set(next)
	}
}

func TestSchedulerExactlyOncePerDay(t *testing.T) {
	r := newRig(t, "2026-12-01 08:00")
	r.enable(t, "g1", "c1", "09:00")
	r.tickAt(t, "2026-12-01 08:59")
	if r.poster.count() != 0 {
		t.Fatalf("posted before 09:00")
	}
	r.tickAt(t, "2026-12-01 09:00")
	r.tickAt(t, "2026-12-01 09:01")
	r.open(t) // restart right after the post
	r.tickAt(t, "2026-12-01 09:02")
	r.tickAt(t, "2026-12-01 23:59")
	if got := r.poster.count(); got != 1 {
		t.Fatalf("posts on one day = %d, want 1 (%v)", got, r.poster.posts)
	}
	r.tickAt(t, "2026-12-02 00:00") // midnight: not yet 09:00
	if got := r.poster.count(); got != 1 {
		t.Fatalf("posted at midnight")
	}
	r.tickAt(t, "2026-12-02 09:00")
	if got := r.poster.count(); got != 2 {
		t.Fatalf("posts after two days = %d, want 2", got)
	}
}

func TestSchedulerRestartBeforePostAndDowntime(t *testing.T) {
	r := newRig(t, "2026-12-01 08:00")
	r.enable(t, "g1", "c1", "09:00")
	r.tickAt(t, "2026-12-01 08:58")
	r.open(t) // restart right before the post
	r.tickAt(t, "2026-12-01 09:00")
	if r.poster.count() != 1 {
		t.Fatalf("restart before the post time lost the post")
	}
	// Down from 2 Dec 08:00 to 14:30: posts when back, the same day.
	r.open(t)
	r.tickAt(t, "2026-12-02 14:30")
	if r.poster.count() != 2 || r.poster.posts[1] != "c1/2026-12-02" {
		t.Fatalf("downtime across the post time: posts %v", r.poster.posts)
	}
	// Down across midnight (3 Dec 08:00 to 4 Dec 10:00): 3 Dec is never
	// posted a day late, 4 Dec is posted.
	r.open(t)
	r.tickAt(t, "2026-12-04 10:00")
	if got := r.poster.posts; len(got) != 3 || got[2] != "c1/2026-12-04" {
		t.Fatalf("downtime across midnight: posts %v", got)
	}
}

func TestSchedulerDaylightSaving(t *testing.T) {
	// 29 March 2026: 02:00 → 03:00. A post at 02:30 happens at 03:00.
	r := newRig(t, "2026-03-29 00:00")
	r.enable(t, "g1", "c1", "02:30")
	r.tickAt(t, "2026-03-29 01:59")
	if r.poster.count() != 0 {
		t.Fatal("posted before the skipped hour")
	}
	r.clock.Set(at("2026-03-29 01:59").Add(time.Minute)) // wall clock 03:00
	drain(t, r.sched, r.clock)
	if r.poster.count() != 1 {
		t.Fatalf("post in the skipped hour did not happen at 03:00")
	}
	// 25 October 2026: 03:00 → 02:00. 02:30 comes twice; one post.
	r2 := newRig(t, "2026-10-25 00:00")
	r2.enable(t, "g1", "c1", "02:30")
	first := time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC) // 02:30 CEST
	second := first.Add(time.Hour)                          // 02:30 CET
	for _, ts := range []time.Time{first, first.Add(10 * time.Minute), second, second.Add(time.Minute)} {
		r2.clock.Set(ts)
		drain(t, r2.sched, r2.clock)
	}
	if r2.poster.count() != 1 {
		t.Fatalf("doubled hour: %d posts, want 1", r2.poster.count())
	}
	// The day after DST, 09:00 local is still 09:00 local.
	r3 := newRig(t, "2026-03-30 08:59")
	r3.enable(t, "g1", "c1", "09:00")
	r3.tickAt(t, "2026-03-30 08:59")
	r3.tickAt(t, "2026-03-30 09:00")
	if r3.poster.count() != 1 {
		t.Fatalf("post after DST change: %d", r3.poster.count())
	}
}

func TestSchedulerTwoServers(t *testing.T) {
	r := newRig(t, "2026-12-01 08:00")
	r.enable(t, "g1", "c1", "09:00")
	r.enable(t, "g2", "c2", "17:30")
	r.tickAt(t, "2026-12-01 09:00")
	r.tickAt(t, "2026-12-01 17:29")
	if got := r.poster.posts; len(got) != 1 || got[0] != "c1/2026-12-01" {
		t.Fatalf("posts %v", got)
	}
	r.tickAt(t, "2026-12-01 17:30")
	if got := r.poster.posts; len(got) != 2 || got[1] != "c2/2026-12-01" {
		t.Fatalf("posts %v", got)
	}
}

func TestSchedulerChannelGoneDisables(t *testing.T) {
	r := newRig(t, "2026-12-01 08:00")
	r.enable(t, "g1", "c1", "09:00")
	r.tickAt(t, "2026-12-01 09:00")
	r.poster.fail = []error{ErrChannelGone}
	r.tickAt(t, "2026-12-02 09:00")
	set, _, err := r.store.Get("g1")
	if err != nil {
		t.Fatal(err)
	}
	if set.Enabled || set.LastError == "" {
		t.Fatalf("after a deleted channel: enabled %v, last error %q", set.Enabled, set.LastError)
	}
	r.tickAt(t, "2026-12-03 09:00")
	if r.poster.count() != 1 {
		t.Fatalf("posted to a deleted channel")
	}
}

func TestSchedulerRetriesRateLimitAndErrors(t *testing.T) {
	r := newRig(t, "2026-12-01 08:00")
	r.enable(t, "g1", "c1", "09:00")
	r.poster.fail = []error{&RetryAfterError{After: 3 * time.Second}, errors.New("503")}
	r.tickAt(t, "2026-12-01 09:00")
	if r.poster.count() != 1 {
		t.Fatalf("429 then 503: %d posts, want 1 after retries", r.poster.count())
	}
	if got := r.clock.Now().Sub(at("2026-12-01 09:00")); got < 3*time.Second {
		t.Errorf("did not wait for retry_after: waited %v", got)
	}
	// Every attempt fails: recorded, and tried again next tick, same day.
	r.poster.fail = []error{errors.New("x"), errors.New("x"), errors.New("x"), errors.New("x")}
	r.tickAt(t, "2026-12-02 09:00")
	set, _, _ := r.store.Get("g1")
	if set.LastError == "" || set.LastPosted == "2026-12-02" {
		t.Fatalf("failed post: %+v", set)
	}
	r.tickAt(t, "2026-12-02 09:05")
	if r.poster.count() != 2 {
		t.Fatalf("failed post not retried later the same day")
	}
}

func TestSchedulerEnvSettingsAndOverride(t *testing.T) {
	r := newRig(t, "2026-12-01 08:00")
	r.sched.Env = &Settings{Server: "env", ChannelID: "c9", Time: "10:00", Enabled: true}
	r.tickAt(t, "2026-12-01 10:00")
	r.open(t)
	r.sched.Env = &Settings{Server: "env", ChannelID: "c9", Time: "10:00", Enabled: true}
	r.tickAt(t, "2026-12-01 11:00")
	if got := r.poster.posts; len(got) != 1 || got[0] != "c9/2026-12-01" {
		t.Fatalf("env posts %v", got)
	}
	// A command switches it off: the store wins over the environment.
	if err := r.store.Update("env", func(s *Settings) error { s.Enabled, s.Source = false, SourceCommand; return nil }); err != nil {
		t.Fatal(err)
	}
	r.tickAt(t, "2026-12-02 10:00")
	if r.poster.count() != 1 {
		t.Fatalf("environment overrode the command")
	}
}

// Settings from the environment follow it after a restart (a new
// DAILY_TIME counts); they do not freeze at the first post.
func TestSchedulerEnvChangeAfterRestart(t *testing.T) {
	r := newRig(t, "2026-12-01 08:00")
	r.sched.Env = &Settings{Server: "env", ChannelID: "c9", Time: "10:00", Enabled: true}
	r.tickAt(t, "2026-12-01 10:00")
	r.open(t)
	r.sched.Env = &Settings{Server: "env", ChannelID: "c10", Time: "07:00", Enabled: true}
	r.tickAt(t, "2026-12-02 07:00")
	if got := r.poster.posts; len(got) != 2 || got[1] != "c10/2026-12-02" {
		t.Fatalf("posts after changing the environment: %v", got)
	}
}

// A lasting error is retried with growing pauses, not every minute.
func TestSchedulerSpacesRetriesOfALastingError(t *testing.T) {
	r := newRig(t, "2026-12-01 08:00")
	r.enable(t, "g1", "c1", "09:00")
	calls := 0
	r.sched.Poster = posterFunc(func() error { calls++; return errors.New("400") })
	start := at("2026-12-01 09:00")
	for m := 0; m < 120; m++ {
		r.clock.Set(start.Add(time.Duration(m) * time.Minute))
		drain(t, r.sched, r.clock)
	}
	// 4 attempts per try; tries at 0, 1, 3, 7, 15, 31, 63 minutes: 7 tries.
	if tries := calls / 4; tries > 8 {
		t.Errorf("%d tries in two hours for a lasting error, want at most 8", tries)
	}
}

type posterFunc func() error

func (f posterFunc) PostDaily(context.Context, string, Post, string) error { return f() }

func TestCorruptStoreStopsStartup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bondgenoot.db")
	if err := os.WriteFile(path, []byte("dit is geen database, maar wel een bestand van 4 kB\n"+string(make([]byte, 4096))), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	var se *StoreError
	if !errors.As(err, &se) || se.Path != path {
		t.Fatalf("Open(corrupt) = %v, want a StoreError naming %s", err, path)
	}
	// A store that was written properly survives a reopen.
	good := filepath.Join(dir, "goed.db")
	st, err := Open(good)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Update("g", func(s *Settings) error { s.ChannelID = "c"; return nil }); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st, err = Open(good)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if s, ok, _ := st.Get("g"); !ok || s.ChannelID != "c" {
		t.Fatalf("acknowledged write lost: %+v", s)
	}
}

func TestNext(t *testing.T) {
	set := Settings{Time: "09:00", Enabled: true, ChannelID: "c"}
	n, err := Next(set, at("2026-12-01 08:00"))
	if err != nil || !n.Equal(at("2026-12-01 09:00")) {
		t.Errorf("Next before = %v, %v", n, err)
	}
	set.LastPosted = "2026-12-01"
	n, err = Next(set, at("2026-12-01 10:00"))
	if err != nil || !n.Equal(at("2026-12-02 09:00")) {
		t.Errorf("Next after = %v, %v", n, err)
	}
}

// FuzzParseClock: any input is either a valid time or a Dutch message; never
// a panic. Seeds live in testdata/fuzz/FuzzParseClock.
func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"09:00", "25:00", "9u", "negen uur", "", "١٢:٠٠", "\xff:00", "12:\u200b00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, m, err := ParseClock(s)
		if err == nil && (h < 0 || h > 23 || m < 0 || m > 59) {
			t.Fatalf("ParseClock(%q) = %d:%d", s, h, m)
		}
		if err != nil && !strings.Contains(err.Error(), "UU:MM") {
			t.Fatalf("ParseClock(%q) error %q does not explain the format", s, err)
		}
	})
}
