// Package daily is the daily success-factor post: what is posted on a date
// (a pure function of the date and the server), the per-server settings in
// an embedded store, and the scheduler that posts exactly once a day.
package daily

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/internal/text"
)

// DateLayout is the layout of dates in settings, the CLI and JSON.
const DateLayout = "2006-01-02"

// epoch is day 0 of the cycles of posts.
var epoch = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// Post is what is posted on one date.
type Post struct {
	Date     string           `json:"date"`
	FactorID string           `json:"factor_id"`
	Title    string           `json:"title"`
	Page     int              `json:"page"`
	Idea     string           `json:"idea"`
	Example  *content.Example `json:"example"`
	Quote    *content.Quote   `json:"quote"`
	// QuoteSource says whose words the quote is (content.QuoteSource).
	QuoteSource string `json:"quote_source,omitempty"`
	Cycle       int    `json:"cycle"` // which round of the 13 factors
}

// ideaRunes caps the core idea of a post.
const ideaRunes = 600

// PostFor returns the post for a civil date (year, month, day; the clock and
// zone of date are ignored) and a server. The 13 factors come in an order
// fixed per server, so any 13 consecutive days show 13 different factors;
// each round shows the next example and quote of every factor.
func PostFor(c *content.Corpus, server string, date time.Time) Post {
	day := civilDays(date)
	n := len(c.Factors)
	cycle, pos := floorDiv(day, n)
	order := factorOrder(n, server)
	f := c.Factors[order[pos]]
	p := Post{
		Date:     time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC).Format(DateLayout),
		FactorID: f.ID,
		Title:    f.Title,
		Page:     f.Page,
		Idea:     idea(f.Text),
		Cycle:    cycle,
	}
	off := int(seed(server+"/"+f.ID) % 1000)
	if len(f.Examples) > 0 {
		e := f.Examples[mod(cycle+off, len(f.Examples))]
		p.Example = &e
	}
	if len(f.Quotes) > 0 {
		q := f.Quotes[mod(cycle+off, len(f.Quotes))]
		// Next to an example, a quote of the same network when there is
		// one, so that the post never reads as if one network said what
		// another did; any other quote says whose it is.
		if p.Example != nil && p.Example.NetworkID != "" && q.NetworkID != p.Example.NetworkID {
			for _, o := range f.Quotes {
				if o.NetworkID == p.Example.NetworkID {
					q = o
					break
				}
			}
		}
		p.Quote = &q
		p.QuoteSource = c.QuoteSource(q)
		if p.QuoteSource == "" && p.Example != nil {
			p.QuoteSource = "uit de gids, die niet zegt van wie"
		}
	}
	return p
}

// idea returns the first paragraph of a factor's text, cut to ideaRunes at a
// sentence.
func idea(t string) string {
	first, _, _ := strings.Cut(t, "\n\n")
	return text.Truncate(first, ideaRunes, "")
}

// civilDays counts days from epoch to the civil date of t.
func civilDays(t time.Time) int {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return int(d.Sub(epoch).Hours() / 24)
}

// factorOrder is a permutation of 0..n-1 fixed for a server.
func factorOrder(n int, server string) []int {
	r := rand.New(rand.NewPCG(seed(server), 0x626f6e6467656e))
	return r.Perm(n)
}

func seed(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func floorDiv(a, b int) (q, r int) {
	q, r = a/b, a%b
	if r < 0 {
		q, r = q-1, r+b
	}
	return q, r
}

func mod(a, b int) int {
	_, r := floorDiv(a, b)
	return r
}

// ParseDate parses a date given as YYYY-MM-DD, with a Dutch error.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("ongeldige datum %q: schrijf ze als JJJJ-MM-DD, bijvoorbeeld 2026-12-01", s)
	}
	return t, nil
}

// ParseClock parses a post time "HH:MM" (24 hours). The error is a Dutch
// message that explains the format.
func ParseClock(s string) (hour, minute int, err error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("ongeldige tijd %q: geef een uur als UU:MM op 24 uur, bijvoorbeeld 09:00 of 17:30", s)
	if len(s) < 4 || len(s) > 5 {
		return 0, 0, bad
	}
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(m) != 2 || len(h) < 1 || len(h) > 2 {
		return 0, 0, bad
	}
	for _, r := range h + m {
		if r < '0' || r > '9' {
			return 0, 0, bad
		}
	}
	hour = int(h[0] - '0')
	if len(h) == 2 {
		hour = hour*10 + int(h[1]-'0')
	}
	minute = int(m[0]-'0')*10 + int(m[1]-'0')
	if hour > 23 || minute > 59 {
		return 0, 0, bad
	}
	return hour, minute, nil
}

// Text renders the post as plain Dutch text.
func (p Post) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Succesfactor van de dag (%s): %s\n\n%s\n", p.Date, p.Title, p.Idea)
	if p.Example != nil {
		fmt.Fprintf(&b, "\nVoorbeeld uit %s:\n%s\n", p.Example.NetworkName, text.Truncate(p.Example.Text, 700, ""))
	}
	if p.Quote != nil {
		fmt.Fprintf(&b, "\n%s\n", content.QuoteText(p.Quote.Text))
		if p.QuoteSource != "" {
			fmt.Fprintf(&b, "— %s\n", p.QuoteSource)
		}
	}
	fmt.Fprintf(&b, "\nBron: Word bondgenoot in de strijd tegen (kinder)armoede, p. %d. Lees alles met /succesfactor %s\n", p.Page, p.Title)
	return b.String()
}
