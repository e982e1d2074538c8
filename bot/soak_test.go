//go:build soak

package bot

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"

	"github.com/bondgenoot/bondgenoot/internal/answer"
	"github.com/bondgenoot/bondgenoot/internal/chat"
	"github.com/bondgenoot/bondgenoot/internal/daily"
	"github.com/bondgenoot/bondgenoot/internal/metrics"
)

// The soak test (make soak; the build tag keeps it out of make test) drives
// the real bot over the fake Discord for SOAK_DURATION (default 3m), all on
// loopback:
//
//   - bursts of 500 concurrent interactions (searches, cards, lists,
//     autocomplete, button presses, a user who floods and meets the
//     cooldown), with hostile queries mixed in and a command that panics,
//     plus mentions;
//   - the gateway dropped and resumed four times: twice like Discord asking
//     for a reconnect in the middle of a burst (discordgo closes with 1000,
//     the RESUME is refused, it identifies anew), twice like a network
//     failure between bursts (it resumes);
//   - the daily post due halfway, on a clock that runs at real speed from
//     half the duration before 09:00 in Brussels;
//   - a supervisor that restarts the bot when Run ends with the watchdog's
//     error, as systemd would.
//
// It fails when an interaction or mention goes unanswered, when goroutines
// or the heap grow beyond a small margin, or when the daily post is not
// made exactly once.

const (
	soakBurst        = 500                   // concurrent interactions per burst
	soakMentions     = 20                    // mentions per burst
	soakUsers        = 5000                  // distinct users the interactions come from
	soakDailyChannel = "1200000000000000009" // DAILY_CHANNEL_ID
	soakAnswerWait   = 20 * time.Second      // for one answer
	soakGoroutines   = 25                    // allowed goroutine growth
)

func soakDuration(t *testing.T) time.Duration {
	s := os.Getenv("SOAK_DURATION")
	if s == "" {
		return 3 * time.Minute
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 30*time.Second {
		t.Fatalf("SOAK_DURATION %q: want a duration of at least 30s", s)
	}
	return d
}

// soakProbe sees every REST request of the bot (through fakeDiscord.watch)
// and tells the sender waiting for it.
type soakProbe struct {
	mu      sync.Mutex
	waiting map[string]chan soakSeen // "i"+interaction id, "t"+token, "m"+message id
}

type soakSeen struct {
	at  time.Time
	typ int // callback type
}

func (p *soakProbe) expect(key string) chan soakSeen {
	ch := make(chan soakSeen, 4)
	p.mu.Lock()
	p.waiting[key] = ch
	p.mu.Unlock()
	return ch
}

func (p *soakProbe) forget(keys ...string) {
	p.mu.Lock()
	for _, k := range keys {
		delete(p.waiting, k)
	}
	p.mu.Unlock()
}

func (p *soakProbe) see(r fakediscord.Request) {
	parts := strings.Split(strings.Trim(r.Path, "/"), "/")
	var key string
	seen := soakSeen{at: r.At}
	switch {
	case r.Method == "POST" && len(parts) == 4 && parts[0] == "interactions" && parts[3] == "callback":
		key = "i" + parts[1]
		var cb struct {
			Type int `json:"type"`
		}
		_ = json.Unmarshal(r.Body, &cb)
		seen.typ = cb.Type
	case parts[0] == "webhooks" && len(parts) >= 3 && r.Method != "DELETE":
		key = "t" + parts[2]
	case r.Method == "POST" && len(parts) == 3 && parts[0] == "channels" && parts[1] != soakDailyChannel:
		var msg struct {
			Ref struct {
				ID string `json:"message_id"`
			} `json:"message_reference"`
		}
		_ = json.Unmarshal(r.Body, &msg)
		key = "m" + msg.Ref.ID
	default:
		return
	}
	p.mu.Lock()
	ch := p.waiting[key]
	p.mu.Unlock()
	if ch != nil {
		select {
		case ch <- seen:
		default:
		}
	}
}

// soakStats are the figures of the run.
type soakStats struct {
	mu                     sync.Mutex
	sent, answered         int
	deferred               int
	mentions, mentionsDone int
	latency                []time.Duration
	unanswered             []string
}

func (s *soakStats) add(f func(s *soakStats)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

// soakPayloads makes interaction payloads from the recorded ones.
type soakPayloads struct {
	raw map[string][]byte
	n   atomic.Int64
}

func (p *soakPayloads) get(t testing.TB, name string) map[string]any {
	if p.raw == nil {
		p.raw = map[string][]byte{}
	}
	data, ok := p.raw[name]
	if !ok {
		var err error
		if data, err = os.ReadFile(filepath.Join("testdata", name)); err != nil {
			t.Fatal(err)
		}
		p.raw[name] = data
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	n := p.n.Add(1)
	m["id"] = fmt.Sprintf("16%017d", n)
	if _, ok := m["token"]; ok {
		m["token"] = fmt.Sprintf("soak-token-%d", n)
	}
	return m
}

func (p *soakPayloads) command(t testing.TB, name string, opts ...string) map[string]any {
	m := p.get(t, "interaction_zoek.json")
	data := m["data"].(map[string]any)
	data["name"] = name
	var list []any
	for i := 0; i+1 < len(opts); i += 2 {
		list = append(list, map[string]any{"name": opts[i], "type": 3, "value": opts[i+1]})
	}
	data["options"] = list
	return m
}

var soakQueries = []string{
	"brugfiguur", "vrije tijd voor gezinnen", "school", "armoede", "huisvesting", "gezondheid",
	"ervaringsdeskundige", "brugfiguer", "kinderopvang", "laagdrempelig", "samenwerking met het OCMW",
	"\"vrije tijd\"", "jeugdwerk in Gent", "Duosprong", "1G1P",
}

var soakHostile = []string{
	`@everyone @here <@&123456> <@42> ") OR 1=1 -- ` + "```" + `*_~|| ` + "\u202e",
	strings.Repeat("brugfiguur ", 200),
	"+-:*/()[]{}^~\"\\ AND OR NOT",
	"\x00\x01\x1b[31m\u200b\ufeff",
	`{"$where": "sleep(1000)"} ../../etc/passwd %s %v %d`,
	"\xff\xfe\xfd ongeldig",
	"\u202eedeomrarednik\u202c",
	"zero\u200bwidth\u200djoiner\u2060",
	"title:brugfiguur^10 +school -gezin",
	"/.*/", "*", "~", `"`, strings.Repeat("é", 500),
	"مرحبا בעולם kinderarmoede",
	strings.Repeat("a", 5000),
}

var soakOther = [][]string{
	{"netwerk", "naam", "Duosprong"},
	{"partner", "organisatie", "SAAMO"},
	{"thema", "thema", "onderwijs"},
	{"regio", "plaats-of-provincie", "Gent"},
	{"regio", "plaats-of-provincie", "Limburg"},
	{"succesfactor", "naam", "laagdrempeligheid"},
	{"succesfactor"},
	{"help"},
	{"netwerk", "naam", "bestaat niet"},
}

func peakRSS() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "?"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}

// settledGoroutines waits briefly for transient goroutines (connections
// closing, handlers ending) and returns the count.
func settledGoroutines(limit int) int {
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(15 * time.Second); n > limit && time.Now().Before(deadline); {
		time.Sleep(200 * time.Millisecond)
		runtime.GC()
		n = runtime.NumGoroutine()
	}
	return n
}

// trimFake drops what the fake keeps of the mention replies, so that the
// heap measures the bot.
func trimFake(f *fakediscord.Discord) {
	f.PruneCreated(func(r fakediscord.Request) bool {
		return r.Path == "/channels/"+soakDailyChannel+"/messages"
	})
}

func heapAlloc() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func percentile(l []time.Duration, q float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	return l[int(q*float64(len(l)-1))]
}

func TestSoak(t *testing.T) {
	t.Parallel()
	dur := soakDuration(t)
	loc := brussels(t)
	started := time.Now()
	postAt := time.Date(2026, 3, 2, 9, 0, 0, 0, loc)
	offset := postAt.Add(-dur / 2).Sub(started)
	clock := func() time.Time { return time.Now().Add(offset) }
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "bondgenoot.db"))
	logFile, err := os.Create(filepath.Join(dir, "soak.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()

	fake := fakediscord.New(t, testToken)
	fake.Heartbeat = time.Second
	defer fake.Close()
	probe := &soakProbe{waiting: map[string]chan soakSeen{}}
	fake.Watch(probe.see)

	m := metrics.New()
	svc := service(t)
	cfg := Config{
		Token:           testToken,
		GuildID:         "1200000000000000001",
		APIURL:          fake.URL(),
		Logger:          slog.New(slog.NewJSONHandler(logFile, &slog.HandlerOptions{Level: slog.LevelInfo})),
		Now:             clock,
		Metrics:         m,
		WatchdogTimeout: 20 * time.Second,
		Store:           st,
		DailyChannelID:  soakDailyChannel,
		DailyTime:       "09:00",
	}
	// The supervisor: a new bot whenever Run ends with the watchdog's error.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var current atomic.Pointer[Bot]
	var restarts atomic.Int32
	runDone := make(chan error, 1)
	go func() {
		cfg.Commands = append(chat.DefaultCommands(), chat.NewCommand("paniek", "", func(context.Context, *answer.Service, chat.Args) (any, view, error) {
			panic("soak: injected panic")
		}))
		for {
			b, err := New(cfg, svc)
			if err != nil {
				runDone <- err
				return
			}
			current.Store(b)
			err = b.Run(ctx)
			var we *WatchdogError
			if ctx.Err() == nil && errors.As(err, &we) {
				restarts.Add(1)
				continue
			}
			runDone <- err
			return
		}
	}()
	fake.WaitFor(30*time.Second, "the registration of the commands", func(r fakediscord.Request) bool {
		return r.Method == "PUT" && strings.HasSuffix(r.Path, "/commands")
	})
	fake.Reset(true)
	health := httptest.NewServer(metrics.Handler(m,
		func() (bool, string) { return current.Load().IndexHealth() },
		func() (bool, string) { return current.Load().GatewayHealth() }))
	defer health.Close()
	healthz := func() int {
		resp, err := http.Get(health.URL + "/healthz")
		if err != nil {
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}

	stats := &soakStats{}
	pl := &soakPayloads{}
	var userN atomic.Int64
	nextUser := func() string { return fmt.Sprintf("3%018d", userN.Add(1)%soakUsers) }
	const flooder = "3999999999999999999"

	// interact sends one interaction and waits for its answer: the
	// callback, and for a deferred one the edit or follow-up after it.
	interact := func(m map[string]any) {
		id, token := m["id"].(string), m["token"].(string)
		cbCh, tokCh := probe.expect("i"+id), probe.expect("t"+token)
		defer probe.forget("i"+id, "t"+token)
		stats.add(func(s *soakStats) { s.sent++ })
		var start time.Time
		for {
			start = time.Now()
			if fake.Send("INTERACTION_CREATE", m) == nil {
				break
			}
			if !fake.WaitConnected(soakAnswerWait) {
				stats.add(func(s *soakStats) { s.unanswered = append(s.unanswered, id+" (never connected)") })
				return
			}
		}
		select {
		case cb := <-cbCh:
			if cb.typ == cbDeferredMessage || cb.typ == cbDeferredUpdate {
				stats.add(func(s *soakStats) { s.deferred++ })
				select {
				case <-tokCh:
				case <-time.After(soakAnswerWait):
					stats.add(func(s *soakStats) { s.unanswered = append(s.unanswered, id+" (deferred, never edited)") })
					return
				}
			}
			stats.add(func(s *soakStats) { s.answered++; s.latency = append(s.latency, cb.at.Sub(start)) })
		case <-time.After(soakAnswerWait):
			stats.add(func(s *soakStats) { s.unanswered = append(s.unanswered, id) })
		}
	}
	mention := func(k int) {
		msg := pl.get(t, "message_create_mention.json")
		msg["id"] = fmt.Sprintf("17%017d", pl.n.Add(1))
		msg["author"] = map[string]any{"id": nextUser(), "username": "soak"}
		q := soakQueries[k%len(soakQueries)]
		if k%4 == 0 {
			q = soakHostile[k%len(soakHostile)]
		}
		msg["content"] = "<@" + fake.BotID + "> " + q
		id := msg["id"].(string)
		ch := probe.expect("m" + id)
		defer probe.forget("m" + id)
		stats.add(func(s *soakStats) { s.mentions++ })
		for fake.Send("MESSAGE_CREATE", msg) != nil {
			if !fake.WaitConnected(soakAnswerWait) {
				break
			}
		}
		select {
		case <-ch:
			stats.add(func(s *soakStats) { s.mentionsDone++ })
		case <-time.After(soakAnswerWait):
			stats.add(func(s *soakStats) { s.unanswered = append(s.unanswered, "mention "+id) })
		}
	}
	button := encodeView(view{Kind: "zoek", Arg: "school", Page: 1})
	payload := func(k int) map[string]any {
		switch {
		case k%50 == 0:
			return setUser(pl.command(t, "paniek"), nextUser())
		case k%100 == 5:
			return setUser(pl.command(t, "help"), flooder)
		case k%10 == 1:
			p := pl.get(t, "interaction_autocomplete_netwerk.json")
			opt := p["data"].(map[string]any)["options"].([]any)[0].(map[string]any)
			opt["value"] = []string{"", "duo", "gent", "brug", "\u202e", strings.Repeat("x", 300)}[k%6]
			return setUser(p, nextUser())
		case k%10 == 2:
			p := pl.get(t, "interaction_button.json")
			p["data"].(map[string]any)["custom_id"] = button
			return setUser(p, nextUser())
		case k%10 == 3:
			o := soakOther[k%len(soakOther)]
			return setUser(pl.command(t, o[0], o[1:]...), nextUser())
		case k%10 == 4:
			return setUser(pl.command(t, "zoek", "term", soakHostile[k%len(soakHostile)]), nextUser())
		}
		return setUser(pl.command(t, "zoek", "term", soakQueries[k%len(soakQueries)]), nextUser())
	}
	burst := func(n int, withMentions bool) {
		var wg sync.WaitGroup
		for k := range n {
			p := payload(k)
			wg.Go(func() { interact(p) })
		}
		if withMentions {
			for k := range soakMentions {
				wg.Go(func() { mention(k) })
			}
		}
		wg.Wait()
	}

	// Warm up, then take the starting figures.
	burst(50, true)
	time.Sleep(2 * time.Second)
	trimFake(fake)
	heapStart := heapAlloc()
	goStart := runtime.NumGoroutine()
	heapSamples := []string{fmt.Sprintf("%.1f", float64(heapStart)/(1<<20))}
	lastSample := time.Now()
	t.Logf("start: %d goroutines, heap %.1f MiB, /healthz %d", goStart, float64(heapStart)/(1<<20), healthz())

	// The run: bursts until the end, with four drops of the gateway.
	end := started.Add(dur - 10*time.Second)
	drops := []struct {
		at       time.Duration
		graceful bool
	}{{dur * 15 / 100, true}, {dur * 35 / 100, false}, {dur * 55 / 100, true}, {dur * 75 / 100, false}}
	dropped, recovered := 0, 0
	var recoverTimes []time.Duration
	bursts := 0
	for time.Now().Before(end) {
		var during chan struct{}
		if len(drops) > 0 && time.Since(started) >= drops[0].at {
			d := drops[0]
			drops = drops[1:]
			dropped++
			dropAt := time.Now()
			if d.graceful {
				// In the middle of the next burst.
				during = make(chan struct{})
				go func() {
					defer close(during)
					time.Sleep(300 * time.Millisecond)
					dropAt = time.Now()
					fake.DropGracefully()
				}()
			} else {
				fake.DropAbruptly() // between bursts: nothing in flight
			}
			check := func() {
				if fake.WaitConnected(30*time.Second) && eventually(30*time.Second, func() bool { return healthz() == 200 }) {
					recovered++
					recoverTimes = append(recoverTimes, time.Since(dropAt).Round(time.Millisecond))
				} else {
					t.Errorf("the gateway did not come back after drop %d", dropped)
				}
			}
			if during == nil {
				check()
			} else {
				burst(soakBurst, true)
				bursts++
				<-during
				check()
			}
		}
		burst(soakBurst, true)
		bursts++
		if time.Since(lastSample) >= dur/5 {
			trimFake(fake)
			heapSamples = append(heapSamples, fmt.Sprintf("%.1f", float64(heapAlloc())/(1<<20)))
			lastSample = time.Now()
		}
		time.Sleep(time.Second)
	}
	// Let the last answers, the daily post and the checks settle.
	for time.Since(started) < dur-3*time.Second {
		time.Sleep(100 * time.Millisecond)
	}
	if !eventually(30*time.Second, func() bool { return healthz() == 200 }) {
		t.Errorf("/healthz not ok at the end")
	}
	goEnd := settledGoroutines(goStart + soakGoroutines)
	posts := len(fake.CreatedIn(soakDailyChannel))
	trimFake(fake)
	heapEnd := heapAlloc()
	heapSamples = append(heapSamples, fmt.Sprintf("%.1f", float64(heapEnd)/(1<<20)))

	// The daily post.
	set, _, err := st.Get("1200000000000000001")
	if err != nil {
		t.Fatal(err)
	}

	// The metrics, as a Prometheus scrape sees them.
	resp, err := http.Get(health.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var ours []string
	for _, l := range strings.Split(string(body), "\n") {
		if strings.HasPrefix(l, "bondgenoot_") && !strings.Contains(l, "_bucket") {
			ours = append(ours, l)
		}
	}

	buckets := bucketCount(current.Load().session)
	cancel()
	select {
	case err := <-runDone:
		if err != nil {
			t.Errorf("Run after shutdown: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Errorf("Run did not end after shutdown")
	}

	// Errors and warnings in the logs, by message.
	logFile.Sync()
	levels := map[string]map[string]int{}
	if data, err := os.ReadFile(logFile.Name()); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			var rec struct {
				Level string `json:"level"`
				Msg   string `json:"msg"`
			}
			if json.Unmarshal([]byte(line), &rec) != nil || (rec.Level != "ERROR" && rec.Level != "WARN") {
				continue
			}
			if levels[rec.Level] == nil {
				levels[rec.Level] = map[string]int{}
			}
			msg := rec.Msg
			if len(msg) > 90 {
				msg = msg[:90] + "…"
			}
			levels[rec.Level][msg]++
		}
	}

	stats.mu.Lock()
	defer stats.mu.Unlock()
	slices.Sort(stats.latency)
	var r strings.Builder
	fmt.Fprintf(&r, "SOAK REPORT (%v, GOMAXPROCS %d)\n", dur, runtime.GOMAXPROCS(0))
	fmt.Fprintf(&r, "  interactions answered / sent: %d / %d (%d deferred and edited in), in %d bursts of %d\n", stats.answered, stats.sent, stats.deferred, bursts, soakBurst)
	fmt.Fprintf(&r, "  mentions answered / sent:     %d / %d\n", stats.mentionsDone, stats.mentions)
	fmt.Fprintf(&r, "  reply latency p50 %v, p99 %v, max %v\n", percentile(stats.latency, .5).Round(time.Microsecond), percentile(stats.latency, .99).Round(time.Microsecond), percentile(stats.latency, 1).Round(time.Microsecond))
	fmt.Fprintf(&r, "  peak RSS (VmHWM): %s\n", peakRSS())
	fmt.Fprintf(&r, "  heap after GC (MiB, start … end, without the fake's records): %s\n", strings.Join(heapSamples, " → "))
	fmt.Fprintf(&r, "  goroutines: %d at start, %d at end\n", goStart, goEnd)
	fmt.Fprintf(&r, "  gateway drops: %d, recovered: %d (after %v)\n", dropped, recovered, recoverTimes)
	fmt.Fprintf(&r, "  watchdog restarts: %d\n", restarts.Load())
	fmt.Fprintf(&r, "  discordgo rate-limit buckets of the gateway session: %d\n", buckets)
	fmt.Fprintf(&r, "  daily posts sent: %d (last posted %q)\n", posts, set.LastPosted)
	fmt.Fprintf(&r, "  metrics:\n    %s\n", strings.Join(ours, "\n    "))
	for _, lv := range []string{"ERROR", "WARN"} {
		var msgs []string
		for msg, n := range levels[lv] {
			msgs = append(msgs, strconv.Itoa(n)+"× "+msg)
		}
		sort.Strings(msgs)
		fmt.Fprintf(&r, "  %s logs: %v\n", lv, msgs)
	}
	t.Log("\n" + r.String())

	if len(stats.unanswered) > 0 || stats.answered != stats.sent || stats.mentionsDone != stats.mentions {
		t.Errorf("%d unanswered: %.20q", len(stats.unanswered), stats.unanswered)
	}
	if goEnd > goStart+soakGoroutines {
		t.Errorf("goroutines grew from %d to %d", goStart, goEnd)
	}
	if heapEnd > heapStart+heapStart/2 && heapEnd-heapStart > 32<<20 {
		t.Errorf("the heap grew from %d to %d bytes", heapStart, heapEnd)
	}
	if posts != 1 || set.LastPosted != postAt.Format(daily.DateLayout) {
		t.Errorf("%d daily posts (last posted %q), want exactly one on %s", posts, set.LastPosted, postAt.Format(daily.DateLayout))
	}
	if buckets > 50 {
		t.Errorf("discordgo keeps %d rate-limit buckets on the gateway session", buckets)
	}
	if dropped != 4 || recovered != dropped {
		t.Errorf("%d drops, %d recovered; want 4 and 4", dropped, recovered)
	}
}
