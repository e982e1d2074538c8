package stats

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bondgenoot/bondgenoot/internal/fakeclock"

	bolt "go.etcd.io/bbolt"
)

// clock is the tests' fake clock; AddDays moves it by calendar days.
type clock struct{ *fakeclock.Clock }

func (c clock) AddDays(n int)     { c.Set(c.Now().AddDate(0, 0, n)) }
func newClock(s string) *clock    { return &clock{fakeclock.New(mustTime(s))} }
func mustTime(s string) time.Time { t, err := time.Parse(time.RFC3339, s); must(err); return t }
func must(err error) {
	if err != nil {
		panic(err)
	}
}
func day(c *clock, loc *time.Location) string { return c.Now().In(loc).Format(dateLayout) }

type rig struct {
	path  string
	db    *bolt.DB
	clock *clock
	s     *Store
}

func newRig(t *testing.T, start string) *rig {
	t.Helper()
	r := &rig{path: filepath.Join(t.TempDir(), "bondgenoot.db"), clock: newClock(start)}
	r.open(t)
	return r
}

func (r *rig) open(t *testing.T) {
	t.Helper()
	db, err := bolt.Open(r.path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	db.MaxBatchDelay = time.Millisecond // sequential writes in tests
	s, err := Open(db, Options{Now: r.clock.Now})
	if err != nil {
		db.Close()
		t.Fatal(err)
	}
	r.db, r.s = db, s
	t.Cleanup(func() { r.db.Close() })
}

func (r *rig) reopen(t *testing.T) {
	t.Helper()
	if err := r.db.Close(); err != nil {
		t.Fatal(err)
	}
	r.open(t)
}

func (r *rig) report(t *testing.T) Report {
	t.Helper()
	rep, err := r.s.Report()
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func (r *rig) search(t *testing.T, q string, results int) {
	t.Helper()
	if err := r.s.Search(q, results); err != nil {
		t.Fatal(err)
	}
}

func (r *rig) vote(t *testing.T, msg, user string, helpful bool) bool {
	t.Helper()
	ok, err := r.s.Feedback(msg, user, helpful)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

func TestCounting(t *testing.T) {
	r := newRig(t, "2026-12-02T10:00:00Z")
	r.search(t, "brugfiguur", 7)
	r.search(t, "Brugfiguer!", 0)
	r.search(t, "  brugfiguer ", 0)
	r.search(t, "BRÜGFIGUER", 0) // folds to the same query
	r.search(t, "kinderopvang in Gent", 0)
	r.search(t, "?!", 0) // nothing left after normalising: only a search
	r.clock.AddDays(1)
	r.search(t, "kinderopvang  in gent", 0)
	r.search(t, "zwemmen", 0)
	r.search(t, "vrije tijd", 3)
	if !r.vote(t, "m1", "u1", true) || !r.vote(t, "m1", "u2", false) || !r.vote(t, "m2", "u1", true) {
		t.Fatal("a first press was not counted")
	}

	got := r.report(t)
	want := Report{
		Since:    "2026-12-02",
		Searches: 9,
		NoResults: []QueryCount{
			{Query: "brugfiguer", Count: 3},
			{Query: "kinderopvang in gent", Count: 2},
			{Query: "zwemmen", Count: 1},
		},
		Feedback: FeedbackCounts{Helpful: 2, NotHelpful: 1},
		Reports:  []ErrorReport{},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("report:\n got %+v\nwant %+v", got, want)
	}
}

func TestFeedbackOncePerPersonAndMessage(t *testing.T) {
	r := newRig(t, "2026-12-02T10:00:00Z")
	steps := []struct {
		msg, user string
		helpful   bool
		counted   bool
	}{
		{"m1", "u1", true, true},
		{"m1", "u1", true, false},  // same button again
		{"m1", "u1", false, false}, // the other button
		{"m1", "u2", false, true},  // someone else
		{"m2", "u1", false, true},  // another message
	}
	for i, st := range steps {
		if got := r.vote(t, st.msg, st.user, st.helpful); got != st.counted {
			t.Errorf("step %d (%s, %s, %v): counted = %v, want %v", i, st.msg, st.user, st.helpful, got, st.counted)
		}
	}
	// The secret survives a restart, and so does the once-only rule, also
	// on another day.
	r.reopen(t)
	r.clock.AddDays(30)
	if r.vote(t, "m1", "u2", true) {
		t.Error("a press after a restart was counted again")
	}
	if got, want := r.report(t).Feedback, (FeedbackCounts{Helpful: 1, NotHelpful: 2}); got != want {
		t.Errorf("feedback = %+v, want %+v", got, want)
	}
}

func TestConcurrentSearchesAreAllCounted(t *testing.T) {
	r := newRig(t, "2026-12-02T10:00:00Z")
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := r.s.Search(fmt.Sprintf("vraag %d", i%5), 0); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	rep := r.report(t)
	if rep.Searches != 50 || len(rep.NoResults) != 5 {
		t.Fatalf("searches = %d, distinct = %d; want 50 and 5", rep.Searches, len(rep.NoResults))
	}
	for _, q := range rep.NoResults {
		if q.Count != 10 {
			t.Errorf("%q counted %d times, want 10", q.Query, q.Count)
		}
	}
}

// The report sums exactly the last Window days, and a new day drops what
// fell out of the window from the file.
func TestNinetyDayWindow(t *testing.T) {
	r := newRig(t, "2026-09-02T10:00:00Z")
	r.search(t, "oud", 0)
	r.vote(t, "m-old", "u1", true)
	if err := r.s.AddReport("netwerk:duosprong", "Oude melding"); err != nil {
		t.Fatal(err)
	}
	r.clock.AddDays(1)
	r.search(t, "tweede dag", 0)

	// 89 days after the first day: both days are still there.
	r.clock.AddDays(Window - 2)
	rep := r.report(t)
	if rep.Since != "2026-09-02" || rep.Searches != 2 || len(rep.Reports) != 1 || rep.Feedback.Helpful != 1 {
		t.Fatalf("day %d: %+v", Window, rep)
	}

	// One day later the first day is out of the report, before anything
	// new is written ...
	r.clock.AddDays(1)
	rep = r.report(t)
	want := Report{Since: "2026-09-03", Searches: 1, NoResults: []QueryCount{{"tweede dag", 1}}, Reports: []ErrorReport{}}
	if !reflect.DeepEqual(rep, want) {
		t.Fatalf("after the window:\n got %+v\nwant %+v", rep, want)
	}
	// ... and out of the file once the new day starts.
	r.search(t, "nieuw", 3)
	if n := countKeys(t, r.db, "2026-09-02"); n != 0 {
		t.Errorf("%d keys of the dropped day are still in the file", n)
	}
	var votes, reports int
	r.db.View(func(tx *bolt.Tx) error {
		votes = tx.Bucket(Bucket).Bucket(bucketVotes).Stats().KeyN
		reports = tx.Bucket(Bucket).Bucket(bucketRepts).Stats().KeyN
		return nil
	})
	if votes != 0 || reports != 0 {
		t.Errorf("after the window %d votes and %d reports remain, want none", votes, reports)
	}
	// The vote expired with its day: the same press counts again.
	if !r.vote(t, "m-old", "u1", true) {
		t.Error("an expired vote still blocks a press")
	}
}

// Opening a file after a long pause drops the old days too.
func TestOpenPrunes(t *testing.T) {
	r := newRig(t, "2026-01-10T12:00:00Z")
	r.search(t, "iets", 0)
	r.clock.AddDays(200)
	r.reopen(t)
	if n := countKeys(t, r.db, "2026-01-10"); n != 0 {
		t.Errorf("%d keys of a day 200 days old remain after Open", n)
	}
}

func TestDistinctQueriesAreBounded(t *testing.T) {
	r := newRig(t, "2026-12-02T10:00:00Z")
	for i := range MaxQueriesPerDay + 50 {
		r.search(t, fmt.Sprintf("vraag %03d", i), 0)
	}
	r.search(t, "vraag 000", 0) // a known query still counts
	rep := r.report(t)
	if len(rep.NoResults) != MaxQueriesPerDay {
		t.Errorf("distinct queries kept = %d, want %d", len(rep.NoResults), MaxQueriesPerDay)
	}
	if rep.Dropped != 50 {
		t.Errorf("dropped = %d, want 50", rep.Dropped)
	}
	if rep.Searches != MaxQueriesPerDay+51 {
		t.Errorf("searches = %d, want %d", rep.Searches, MaxQueriesPerDay+51)
	}
	if rep.NoResults[0] != (QueryCount{"vraag 000", 2}) {
		t.Errorf("most frequent = %+v, want vraag 000 twice", rep.NoResults[0])
	}
	// A long query is cut at a word.
	long := strings.Repeat("woord ", 40)
	r.clock.AddDays(1)
	r.search(t, long, 0)
	for _, q := range r.report(t).NoResults {
		if strings.HasPrefix(q.Query, "woord") {
			if n := len([]rune(q.Query)); n > MaxQueryRunes || strings.HasSuffix(q.Query, " ") || strings.HasSuffix(q.Query, "woor") {
				t.Errorf("long query kept as %q (%d runes)", q.Query, n)
			}
		}
	}
}

func TestReports(t *testing.T) {
	r := newRig(t, "2026-12-02T10:00:00Z")
	cases := []struct {
		about, text string
		err         error
		stored      string
	}{
		{"netwerk:duosprong", "De website is verhuisd naar duosprong.be", nil, "De website is verhuisd naar duosprong.be"},
		{"succesfactor:laagdrempeligheid", "  twee\n\nregels\u200b\x07 ", nil, "twee regels"},
		{"netwerk:duosprong", strings.Repeat("é", MaxReportRunes), nil, strings.Repeat("é", MaxReportRunes)},
		{"netwerk:duosprong", strings.Repeat("a", MaxReportRunes+1), ErrReportTooLong, ""},
		{"netwerk:duosprong", " \n\u200b ", ErrReportEmpty, ""},
		{"netwerk:duosprong", "", ErrReportEmpty, ""},
		{"", "tekst", ErrReportAbout, ""},
		{"netwerk", "tekst", ErrReportAbout, ""},
		{"netwerk:<script>", "tekst", ErrReportAbout, ""},
		{"Netwerk:duosprong", "tekst", ErrReportAbout, ""},
	}
	var want []ErrorReport
	for i, c := range cases {
		err := r.s.AddReport(c.about, c.text)
		if !errors.Is(err, c.err) {
			t.Errorf("case %d: err = %v, want %v", i, err, c.err)
		}
		if c.err == nil {
			want = append([]ErrorReport{{About: c.about, Text: c.stored, Date: "2026-12-02"}}, want...)
		}
	}
	if got := r.report(t).Reports; !reflect.DeepEqual(got, want) {
		t.Errorf("reports:\n got %+v\nwant %+v", got, want)
	}
}

func TestReportsAreBounded(t *testing.T) {
	r := newRig(t, "2026-12-02T10:00:00Z")
	for i := range MaxReports + 10 {
		if err := r.s.AddReport("netwerk:duosprong", fmt.Sprintf("melding %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	got := r.report(t).Reports
	if len(got) != MaxReports {
		t.Fatalf("reports kept = %d, want %d", len(got), MaxReports)
	}
	if first, last := got[0].Text, got[len(got)-1].Text; first != fmt.Sprintf("melding %d", MaxReports+9) || last != "melding 10" {
		t.Errorf("kept from %q to %q, want the newest %d", first, last, MaxReports)
	}
}

// Read works on a file opened read-only, as `bondgenoot rapport` does, and
// on a file without stats.
func TestReadReadOnly(t *testing.T) {
	r := newRig(t, "2026-12-02T10:00:00Z")
	r.search(t, "zwemmen", 0)
	r.db.Close()
	db, err := bolt.Open(r.path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rep, err := Read(db, r.clock.Now().In(defaultLocation()))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Searches != 1 || len(rep.NoResults) != 1 {
		t.Errorf("read-only report = %+v", rep)
	}

	empty, err := bolt.Open(filepath.Join(t.TempDir(), "leeg.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()
	rep, err = Read(empty, mustTime("2026-12-02T10:00:00Z"))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Report{Since: "2026-12-02", NoResults: []QueryCount{}, Reports: []ErrorReport{}}); !reflect.DeepEqual(rep, want) {
		t.Errorf("empty report = %+v, want %+v", rep, want)
	}
}

// Not one key or value in the whole file, nor any byte of the file itself,
// holds a user id, a user name, a channel id or a message id.
func TestNoUserIDInTheStore(t *testing.T) {
	r := newRig(t, "2026-12-02T10:00:00Z")
	users := []string{"123456789012345678", "223456789012345679", "323456789012345670"}
	names := []string{"jantje.peeters", "Fatima El Amrani"}
	channel, message := "923456789012345671", "823456789012345672"
	for i, u := range users {
		r.search(t, "zwemmen", 0)
		r.vote(t, message, u, i%2 == 0)
		r.vote(t, message+"9", u, true)
		r.vote(t, names[i%2], u, true)
	}
	if err := r.s.AddReport("netwerk:duosprong", "De website klopt niet"); err != nil {
		t.Fatal(err)
	}
	r.clock.AddDays(1)
	r.search(t, "brugfiguur", 2)

	forbidden := append(append(append([]string{}, users...), names...), channel, message, message+"9")
	err := r.db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return walk(b, [][]byte{name}, func(path [][]byte, k, v []byte) {
				for _, f := range forbidden {
					for _, data := range [][]byte{k, v} {
						if bytes.Contains(bytes.ToLower(data), bytes.ToLower([]byte(f))) {
							t.Errorf("%q found in %s key %q", f, bytes.Join(path, []byte("/")), k)
						}
					}
				}
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	r.db.Close()
	raw, err := os.ReadFile(r.path)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range forbidden {
		if bytes.Contains(bytes.ToLower(raw), bytes.ToLower([]byte(f))) {
			t.Errorf("%q found in the bytes of the file", f)
		}
	}
	r.open(t)
	if got := r.report(t).Feedback; got != (FeedbackCounts{Helpful: 8, NotHelpful: 1}) {
		t.Errorf("feedback = %+v", got)
	}
}

// walk calls fn for every key and value in b and its nested buckets.
func walk(b *bolt.Bucket, path [][]byte, fn func(path [][]byte, k, v []byte)) error {
	return b.ForEach(func(k, v []byte) error {
		fn(path, k, v)
		if v == nil {
			if nb := b.Bucket(k); nb != nil {
				return walk(nb, append(path, k), fn)
			}
		}
		return nil
	})
}

// countKeys counts the keys (at any depth) in the stats bucket whose path
// or key contains s.
func countKeys(t *testing.T, db *bolt.DB, s string) int {
	t.Helper()
	n := 0
	err := db.View(func(tx *bolt.Tx) error {
		return walk(tx.Bucket(Bucket), nil, func(path [][]byte, k, v []byte) {
			if bytes.Contains(bytes.Join(append(path, k), []byte("/")), []byte(s)) {
				n++
			}
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestReportText(t *testing.T) {
	rep := Report{
		Since:     "2026-09-04",
		Searches:  12,
		NoResults: []QueryCount{{"brugfiguer", 3}, {"zwemmen", 1}},
		Feedback:  FeedbackCounts{Helpful: 4, NotHelpful: 1},
		Reports:   []ErrorReport{{"netwerk:duosprong", "Website verhuisd", "2026-12-01"}},
		Dropped:   2,
	}
	got := rep.Text(1)
	for _, want := range []string{
		"Rapport sinds 2026-09-04",
		"Zoekvragen: 12",
		"ja (👍): 4, nee (👎): 1",
		"   3× brugfiguer",
		"… en nog 1",
		"2 zoekvragen zonder resultaat zijn alleen geteld",
		"- 2026-12-01, over netwerk:duosprong: Website verhuisd",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "zwemmen") {
		t.Errorf("text shows more than the limit:\n%s", got)
	}
	empty := Report{Since: "2026-12-02"}.Text(0)
	for _, want := range []string{"Geen zoekvragen zonder resultaat.", "Geen meldingen van fouten."} {
		if !strings.Contains(empty, want) {
			t.Errorf("empty text lacks %q:\n%s", want, empty)
		}
	}
}
