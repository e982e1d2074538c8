package bot

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
)

// quantileMS is the q-quantile of sorted durations, in milliseconds.
func quantileMS(l []time.Duration, q float64) float64 {
	if len(l) == 0 {
		return 0
	}
	return float64(l[int(q*float64(len(l)-1))]) / float64(time.Millisecond)
}

// BenchmarkHTTPDoor measures signed /zoek requests to the HTTP interactions
// endpoint over loopback, from sending the request to reading the whole
// response: 500 per iteration, one at a time, each from its own user. It
// reports the median and the 99th percentile in milliseconds.
func BenchmarkHTTPDoor(b *testing.B) {
	signer := fakediscord.NewSigner("bench")
	fake := fakediscord.New(b, testToken)
	h := startBotOn(b, fake, func(c *Config) {
		c.PublicKey, c.HTTPAddr, c.AppID, c.NoGateway = signer.PublicKey(), "127.0.0.1:0", fake.AppID, true
	}, nil)
	url := "http://" + h.bot.HTTPAddr() + InteractionsPath
	queries := []string{"brugfiguur", "vrije tijd voor gezinnen", "hoe start je een netwerk", "schulden", "ontbijt op school"}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	var lat []time.Duration
	user := 0
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		for i := 0; i < 500; i++ {
			user++
			m := setUser(h.command("zoek", "term", queries[i%len(queries)]), fmt.Sprintf("4%018d", user))
			body := mustJSON(b, m)
			start := time.Now()
			resp, err := signer.Post(client, url, body)
			if err != nil {
				b.Fatal(err)
			}
			data, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			lat = append(lat, time.Since(start))
			if resp.StatusCode != http.StatusOK || !strings.Contains(string(data), `"type":4`) {
				b.Fatalf("status %d: %.200s", resp.StatusCode, data)
			}
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(quantileMS(lat, 0.5), "p50-ms")
	b.ReportMetric(quantileMS(lat, 0.99), "p99-ms")
	b.ReportMetric(0, "ns/op")
}

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkCPUPerReply compares the CPU time of one reply of the bot with
// that of a bare discordgo bot that answers every interaction with "ok",
// both over the same fake Discord in the same run: 1,000 /zoek, /netwerk
// and /thema interactions each, one at a time. The process's CPU time
// includes the fake's work, which is the same for both. It reports the CPU
// microseconds per reply of each and their ratio.
func BenchmarkCPUPerReply(b *testing.B) {
	const n = 1000
	run := func(fake *fakediscord.Discord, payload func(i int) map[string]any) time.Duration {
		var mu sync.Mutex
		waiting := map[string]chan struct{}{}
		fake.Watch(func(r fakediscord.Request) {
			if !strings.HasSuffix(r.Path, "/callback") {
				return
			}
			id := strings.Split(strings.TrimPrefix(r.Path, "/interactions/"), "/")[0]
			mu.Lock()
			ch := waiting[id]
			mu.Unlock()
			if ch != nil {
				close(ch)
			}
		})
		start := cpuTime(b)
		for i := 0; i < n; i++ {
			m := payload(i)
			ch := make(chan struct{})
			mu.Lock()
			waiting[m["id"].(string)] = ch
			mu.Unlock()
			fake.Dispatch("INTERACTION_CREATE", m)
			select {
			case <-ch:
			case <-time.After(5 * time.Second):
				b.Fatalf("no reply to %v", m["id"])
			}
		}
		return cpuTime(b) - start
	}

	// The bare bot: discordgo, the same transport, "ok" for everything.
	bareFake := fakediscord.New(b, testToken)
	s, _ := discordgo.New("Bot " + testToken)
	tr, err := newAPITransport(bareFake.URL(), nil)
	if err != nil {
		b.Fatal(err)
	}
	s.Client, s.StateEnabled, s.LogLevel = &http.Client{Transport: tr}, false, discordgo.LogError
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		_ = s.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "ok"},
		})
	})
	if err := s.Open(); err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if !bareFake.WaitConnected(5 * time.Second) {
		b.Fatal("the bare bot did not connect")
	}
	h := startBot(b, func(c *Config) { c.CommandLimit = -1 }, nil)
	kinds := []func() map[string]any{
		func() map[string]any { return h.command("zoek", "term", "brugfiguur") },
		func() map[string]any { return h.command("netwerk", "naam", "Duosprong") },
		func() map[string]any { return h.command("thema", "thema", "onderwijs") },
	}
	payload := func(i int) map[string]any { return setUser(kinds[i%len(kinds)](), fmt.Sprintf("5%018d", i)) }
	var bare, ours time.Duration
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		bare += run(bareFake, payload)
		ours += run(h.fake, payload)
	}
	b.StopTimer()
	per := func(d time.Duration) float64 { return float64(d) / float64(b.N*n) / float64(time.Microsecond) }
	b.ReportMetric(per(bare), "bare-cpu-µs/reply")
	b.ReportMetric(per(ours), "bot-cpu-µs/reply")
	b.ReportMetric(per(ours)/per(bare), "ratio")
	b.ReportMetric(0, "ns/op")
}
