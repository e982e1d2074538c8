package daily

import (
	"testing"
	"time"
)

// A year of posts on two servers: a quote next to an example is the same
// network's, or says whose it is.
func TestPostQuoteSaysWhoseItIs(t *testing.T) {
	c := corpus(t)
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	paired, other := 0, 0
	for _, server := range []string{"1200000000000000001", "42"} {
		for d := 0; d < 365; d++ {
			p := PostFor(c, server, start.AddDate(0, 0, d))
			if p.Quote == nil || p.Example == nil {
				continue
			}
			if p.Quote.NetworkID == p.Example.NetworkID {
				paired++
				continue
			}
			other++
			if p.QuoteSource == "" {
				t.Fatalf("%s, server %s: the example of %s next to a quote without source: %q", p.Date, server, p.Example.NetworkID, p.Quote.Text)
			}
		}
	}
	if paired == 0 {
		t.Errorf("no post pairs an example with its own network's quote")
	}
	t.Logf("%d posts with the example's own quote, %d with a quote that names its source", paired, other)
}
