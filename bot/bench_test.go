package bot

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/bot/fakediscord"
)

// BenchmarkInteractionReply measures interaction → reply inside the process
// over the fake Discord: from writing the INTERACTION_CREATE dispatch on the
// gateway to the bot's callback arriving at the fake REST server. Each
// iteration sends 1,000 interactions of every kind (searches, cards, lists,
// autocomplete, button presses), the first half one at a time and the second
// half from 8 concurrent senders, each from its own user. It reports the
// median and the 99th percentile in milliseconds.
func BenchmarkInteractionReply(b *testing.B) {
	h := startBot(b, nil, nil)
	var mu sync.Mutex
	waiting := map[string]chan time.Time{}
	h.fake.Watch(func(r fakediscord.Request) {
		if !strings.HasSuffix(r.Path, "/callback") {
			return
		}
		id := strings.Split(strings.TrimPrefix(r.Path, "/interactions/"), "/")[0]
		mu.Lock()
		ch := waiting[id]
		mu.Unlock()
		if ch != nil {
			ch <- r.At
		}
	})

	// A page-2 button of a search, for the button presses.
	cb := h.interact(setUser(h.command("zoek", "term", "school"), "3999999999999999999"))
	ids, _ := customIDs(replyData(b, cb))
	next := ""
	for _, id := range ids {
		if vw, err := decodeView(id); err == nil && vw.Page == 1 {
			next = id
		}
	}
	if next == "" {
		b.Fatalf("no page-2 button in %q", ids)
	}
	kinds := []func() map[string]any{
		func() map[string]any { return h.command("zoek", "term", "brugfiguur") },
		func() map[string]any {
			return h.command("zoek", "term", "vrije tijd voor gezinnen", "provincie", "Limburg")
		},
		func() map[string]any { return h.command("netwerk", "naam", "Duosprong") },
		func() map[string]any { return h.command("partner", "organisatie", "SAAMO") },
		func() map[string]any { return h.command("thema", "thema", "onderwijs") },
		func() map[string]any { return h.command("regio", "plaats-of-provincie", "Gent") },
		func() map[string]any { return h.command("succesfactor", "naam", "laagdrempeligheid") },
		func() map[string]any { return h.payload("interaction_autocomplete_netwerk.json") },
		func() map[string]any {
			m := h.payload("interaction_button.json")
			m["data"].(map[string]any)["custom_id"] = next
			return m
		},
	}
	const total, concurrent = 1000, 8
	var lat, conc []time.Duration // all, and those sent concurrently
	var latMu sync.Mutex
	user := 0
	one := func(m map[string]any, concurrently bool) {
		ch := make(chan time.Time, 1)
		id := m["id"].(string)
		mu.Lock()
		waiting[id] = ch
		mu.Unlock()
		start := time.Now()
		h.fake.Dispatch("INTERACTION_CREATE", m)
		select {
		case at := <-ch:
			latMu.Lock()
			lat = append(lat, at.Sub(start))
			if concurrently {
				conc = append(conc, at.Sub(start))
			}
			latMu.Unlock()
		case <-time.After(5 * time.Second):
			b.Errorf("no reply to interaction %s", id)
		}
		mu.Lock()
		delete(waiting, id)
		mu.Unlock()
	}
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		payloads := make([]map[string]any, total)
		for i := range payloads {
			user++
			payloads[i] = setUser(kinds[i%len(kinds)](), fmt.Sprintf("3%018d", user))
		}
		for _, m := range payloads[:total/2] {
			one(m, false)
		}
		work := make(chan map[string]any)
		var wg sync.WaitGroup
		for w := 0; w < concurrent; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for m := range work {
					one(m, true)
				}
			}()
		}
		for _, m := range payloads[total/2:] {
			work <- m
		}
		close(work)
		wg.Wait()
	}
	b.StopTimer()
	slices.Sort(lat)
	slices.Sort(conc)
	ms := func(l []time.Duration, q float64) float64 {
		if len(l) == 0 {
			return 0
		}
		return float64(l[int(q*float64(len(l)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(lat, 0.5), "p50-ms")
	b.ReportMetric(ms(lat, 0.99), "p99-ms")
	b.ReportMetric(ms(conc, 0.99), "p99-concurrent-ms")
	b.ReportMetric(ms(lat, 1), "max-ms")
	b.ReportMetric(0, "ns/op")
	b.Logf("%d interactions: median %.2f ms, p99 %.2f ms (concurrent half: median %.2f ms, p99 %.2f ms), max %.2f ms",
		len(lat), ms(lat, 0.5), ms(lat, 0.99), ms(conc, 0.5), ms(conc, 0.99), ms(lat, 1))
}
