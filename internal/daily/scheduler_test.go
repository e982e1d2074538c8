package daily

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/internal/fakeclock"
)

// simClock is the fake clock whose Sleep blocks until the test moves the
// time past its end, so that a scheduler run by Run sees time pass as on a
// real clock.
type simClock = fakeclock.Clock

// channelPoster answers per channel: a rate limit for some, success for the
// others, and records when (on the simulated clock) each post was made.
type channelPoster struct {
	clock   *simClock
	limited map[string]time.Duration // channel → retry_after
	mu      sync.Mutex
	sent    map[string]time.Time
	tries   map[string]int
}

func (p *channelPoster) PostDaily(_ context.Context, channel string, _ Post, _ string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tries[channel]++
	if after, ok := p.limited[channel]; ok {
		return &RetryAfterError{After: after}
	}
	if _, ok := p.sent[channel]; !ok {
		p.sent[channel] = p.clock.Now()
	}
	return nil
}

// One server's 429 with retry_after=100000 s does not hold up another
// server's post due a minute later: it goes out in its minute. The limited
// server is tried again at the next minute (not after 27 hours, not in a
// loop) and /dagelijks status has what Discord asked. Before, the one loop
// over all servers slept the 27 hours.
func TestSchedulerOneServersRateLimitDelaysNoOther(t *testing.T) {
	clock := fakeclock.New(at("2026-12-01 08:59").Add(30 * time.Second))
	path := t.TempDir() + "/bondgenoot.db"
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, s := range []Settings{
		{Server: "A", ChannelID: "cA", Time: "09:00"},
		{Server: "B", ChannelID: "cB", Time: "09:01"},
	} {
		err := st.Update(s.Server, func(set *Settings) error {
			set.ChannelID, set.Time, set.Zone, set.Enabled = s.ChannelID, s.Time, "Europe/Brussels", true
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	poster := &channelPoster{clock: clock, limited: map[string]time.Duration{"cA": 100000 * time.Second},
		sent: map[string]time.Time{}, tries: map[string]int{}}
	sched := &Scheduler{Store: st, Corpus: corpusOnce(t), Poster: poster, Now: clock.Now, Sleep: clock.Sleep}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = sched.Run(ctx) }()

	// Let the scheduler settle (every goroutine in Sleep, no post under
	// way), then move the clock one second; for five simulated minutes.
	settle := func() {
		deadline := time.Now().Add(10 * time.Second)
		for clock.Sleepers() == 0 || sched.busy() > 0 {
			if time.Now().After(deadline) {
				t.Fatal("the scheduler does not come to rest")
			}
			time.Sleep(100 * time.Microsecond)
		}
	}
	for range 5 * 60 {
		settle()
		clock.Advance(time.Second)
	}
	settle()
	cancel()
	<-done

	poster.mu.Lock()
	sentB, okB := poster.sent["cB"]
	triesA := poster.tries["cA"]
	poster.mu.Unlock()
	if !okB {
		t.Fatalf("server B's post, due at 09:01, did not go out by 09:04 while server A was rate limited")
	}
	if from, to := at("2026-12-01 09:01"), at("2026-12-01 09:02"); sentB.Before(from) || !sentB.Before(to) {
		t.Errorf("server B posted at %v, want within 09:01", sentB.In(brussels))
	}
	// A: tried at 09:00, 09:01 and 09:03 (pauses of 1 and 2 minutes).
	if triesA < 2 || triesA > 4 {
		t.Errorf("server A was tried %d times in five minutes, want 2 to 4", triesA)
	}
	a, _, err := st.Get("A")
	if err != nil {
		t.Fatal(err)
	}
	if a.LastPosted != "" || a.RetryAfter != 100000*time.Second || !strings.Contains(a.LastError, "27 uur en 46 minuten") || a.RetryAt.IsZero() {
		t.Errorf("server A's status: posted %q, retry after %v, retry at %v, error %q", a.LastPosted, a.RetryAfter, a.RetryAt, a.LastError)
	}
	if b, _, _ := st.Get("B"); b.LastPosted != "2026-12-01" || b.LastError != "" {
		t.Errorf("server B's status: posted %q, error %q", b.LastPosted, b.LastError)
	}
}

// A short retry_after is honoured inside the post's own goroutine: the post
// waits it out and goes out in the same minute, while another server's post
// due in that minute is not held up by the wait.
func TestSchedulerShortRetryAfterWaitsAlone(t *testing.T) {
	clock := fakeclock.New(at("2026-12-01 08:59").Add(30 * time.Second))
	st, err := Open(t.TempDir() + "/bondgenoot.db")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, s := range []string{"A", "B"} {
		if err := st.Update(s, func(set *Settings) error {
			set.ChannelID, set.Time, set.Enabled = "c"+s, "09:00", true
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	sent := map[string]time.Time{}
	first := true
	poster := posterByChannel(func(channel string) error {
		mu.Lock()
		defer mu.Unlock()
		if channel == "cA" && first {
			first = false
			return &RetryAfterError{After: 20 * time.Second}
		}
		sent[channel] = clock.Now()
		return nil
	})
	sched := &Scheduler{Store: st, Corpus: corpusOnce(t), Poster: poster, Now: clock.Now, Sleep: clock.Sleep}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = sched.Run(ctx) }()
	for range 90 {
		deadline := time.Now().Add(10 * time.Second)
		// At rest: the Run loop sleeps, and so does A while it waits.
		for clock.Sleepers() < 1+sched.busy() {
			if time.Now().After(deadline) {
				t.Fatal("the scheduler does not come to rest")
			}
			time.Sleep(100 * time.Microsecond)
		}
		clock.Advance(time.Second)
	}
	cancel()
	<-done
	mu.Lock()
	defer mu.Unlock()
	nine := at("2026-12-01 09:00")
	if got := sent["cB"]; !got.Equal(nine) {
		t.Errorf("B posted at %v, want 09:00:00 (not after A's wait)", got.In(brussels))
	}
	if got := sent["cA"]; got.Before(nine.Add(20*time.Second)) || got.After(nine.Add(22*time.Second)) {
		t.Errorf("A posted at %v, want 20 s after 09:00", got.In(brussels))
	}
}

type posterByChannel func(channel string) error

func (f posterByChannel) PostDaily(_ context.Context, channel string, _ Post, _ string) error {
	return f(channel)
}

func TestDutchDuration(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{
		{90 * time.Second, "90 seconden"},
		{5 * time.Minute, "5 minuten"},
		{2 * time.Hour, "2 uur"},
		{100000 * time.Second, "27 uur en 46 minuten"},
	} {
		if got := dutchDuration(tt.d); got != tt.want {
			t.Errorf("dutchDuration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// An attempt that hangs (a request that does not return) holds up no other
// server: the tick goes on after AttemptWait, the other server's post goes
// out, and the hanging server is not tried twice at once.
func TestSchedulerHangingAttemptHoldsUpNoOther(t *testing.T) {
	r := newRig(t, "2026-12-01 08:00")
	r.enable(t, "A", "cA", "09:00")
	r.enable(t, "B", "cB", "09:01")
	release := make(chan struct{})
	var mu sync.Mutex
	calls := map[string]int{}
	r.sched.AttemptWait = 50 * time.Millisecond
	r.sched.Poster = posterByChannel(func(channel string) error {
		mu.Lock()
		calls[channel]++
		mu.Unlock()
		if channel == "cA" {
			<-release
		}
		return nil
	})
	defer close(release)
	for _, when := range []string{"2026-12-01 09:00", "2026-12-01 09:01", "2026-12-01 09:02"} {
		r.clock.Set(at(when))
		start := time.Now()
		if err := r.sched.Tick(context.Background()); err != nil {
			t.Fatal(err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Fatalf("tick at %s took %v", when, took)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if calls["cB"] != 1 || calls["cA"] != 1 {
		t.Errorf("attempts %v, want one for B and one (still hanging) for A", calls)
	}
}
