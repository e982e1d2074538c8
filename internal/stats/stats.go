// Package stats counts what people look for in the guide and whether the
// answers helped, and keeps the "Meld een fout" reports, for the people who
// keep the guide. It never stores a user id, a user name or a channel: a
// search is a count, a search without results is its normalised query text
// and a count, and a feedback press is a count plus a keyed hash that only
// stops the same person from counting twice on the same message.
//
// Everything lives in its own bucket of the bot's bbolt file and is kept per
// day for at most Window days.
package stats

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/bondgenoot/bondgenoot/internal/text"
)

// Limits of what is kept.
const (
	// Window is how many days are kept, today included.
	Window = 90
	// MaxQueriesPerDay bounds the distinct no-result queries kept per day;
	// further new queries that day are only counted as dropped.
	MaxQueriesPerDay = 200
	// MaxQueryRunes is the longest normalised query kept.
	MaxQueryRunes = 100
	// MaxReportRunes is the longest report text.
	MaxReportRunes = 1000
	// MaxReports bounds the reports kept; the oldest go first.
	MaxReports = 500
	// maxAboutLen bounds the card reference of a report ("netwerk:duosprong").
	maxAboutLen = 100
)

// Bucket is the name of the stats bucket in the bbolt file.
var Bucket = []byte("stats")

var (
	keySecret   = []byte("secret")
	bucketDays  = []byte("days")
	bucketVotes = []byte("votes")
	bucketRepts = []byte("reports")

	keySearches   = []byte("searches")
	keyHelpful    = []byte("helpful")
	keyNotHelpful = []byte("not_helpful")
	keyDropped    = []byte("dropped")
	keyDistinct   = []byte("distinct")
	bucketNoRes   = []byte("no_results")
)

const dateLayout = "2006-01-02"

// Errors of a report that cannot be stored; their messages are Dutch and
// meant for the person who sent it.
var (
	ErrReportEmpty   = errors.New("Je melding is leeg. Schrijf kort wat er niet klopt.")
	ErrReportTooLong = fmt.Errorf("Je melding is te lang: hoogstens %d tekens.", MaxReportRunes)
	ErrReportAbout   = errors.New("Deze melding hoort bij geen enkele fiche.")
)

// Store records counts in the stats bucket of a bbolt file that someone
// else opened (the daily store) and closes.
type Store struct {
	db     *bolt.DB
	now    func() time.Time
	loc    *time.Location
	secret []byte
}

// Options configure a Store.
type Options struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Location decides where a day starts; nil means Europe/Brussels.
	Location *time.Location
}

// Open creates the stats bucket in db if it is not there, with a random
// secret for the feedback hashes, and drops what is older than Window days.
func Open(db *bolt.DB, opt Options) (*Store, error) {
	s := &Store{db: db, now: opt.Now, loc: opt.Location}
	if s.now == nil {
		s.now = time.Now
	}
	if s.loc == nil {
		s.loc = defaultLocation()
	}
	err := s.update(func(b *bolt.Bucket) error {
		secret := b.Get(keySecret)
		if len(secret) != 32 {
			secret = make([]byte, 32)
			if _, err := rand.Read(secret); err != nil {
				return fmt.Errorf("make secret: %w", err)
			}
			if err := b.Put(keySecret, secret); err != nil {
				return err
			}
		}
		s.secret = bytes.Clone(secret)
		return prune(b, s.today())
	})
	if err != nil {
		return nil, fmt.Errorf("open stats: %w", err)
	}
	return s, nil
}

func defaultLocation() *time.Location {
	loc, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		return time.UTC
	}
	return loc
}

func (s *Store) today() string { return s.now().In(s.loc).Format(dateLayout) }

// NormalizeQuery is the form a query is kept in: folded, without
// punctuation, at most MaxQueryRunes runes (cut at a word).
func NormalizeQuery(q string) string {
	n := text.Normalize(q)
	if utf8.RuneCountInString(n) <= MaxQueryRunes {
		return n
	}
	r := []rune(n)[:MaxQueryRunes]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return cut
}

// Search counts one search; with results == 0 its normalised query is
// counted among the searches without results.
func (s *Store) Search(query string, results int) error {
	q := NormalizeQuery(query)
	err := s.batch(func(b *bolt.Bucket, day *bolt.Bucket) error {
		if err := incr(day, keySearches, 1); err != nil {
			return err
		}
		if results > 0 || q == "" {
			return nil
		}
		nr, err := day.CreateBucketIfNotExists(bucketNoRes)
		if err != nil {
			return err
		}
		if nr.Get([]byte(q)) == nil {
			if get(day, keyDistinct) >= MaxQueriesPerDay {
				return incr(day, keyDropped, 1)
			}
			if err := incr(day, keyDistinct, 1); err != nil {
				return err
			}
		}
		return incr(nr, []byte(q), 1)
	})
	if err != nil {
		return fmt.Errorf("count search: %w", err)
	}
	return nil
}

// voteKey is the keyed hash of one person on one message. Without the
// secret it cannot be tied to the user; it only says "counted".
func (s *Store) voteKey(messageID, userID string) []byte {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte("vote\x00"))
	m.Write([]byte(messageID))
	m.Write([]byte{0})
	m.Write([]byte(userID))
	return m.Sum(nil)[:16]
}

// Feedback counts a helpful (true) or not helpful press by one person on one
// message. A second press by the same person on the same message, either
// button, is not counted: counted is false.
func (s *Store) Feedback(messageID, userID string, helpful bool) (counted bool, err error) {
	key := s.voteKey(messageID, userID)
	err = s.batch(func(b *bolt.Bucket, day *bolt.Bucket) error {
		counted = false // Batch may run fn again
		votes := b.Bucket(bucketVotes)
		if votes.Get(key) != nil {
			return nil
		}
		if err := votes.Put(key, []byte(s.today())); err != nil {
			return err
		}
		k := keyNotHelpful
		if helpful {
			k = keyHelpful
		}
		counted = true
		return incr(day, k, 1)
	})
	if err != nil {
		return false, fmt.Errorf("count feedback: %w", err)
	}
	return counted, nil
}

// ErrorReport is one "Meld een fout" report.
type ErrorReport struct {
	About string `json:"about"` // the card, e.g. "netwerk:duosprong"
	Text  string `json:"text"`
	Date  string `json:"date"` // YYYY-MM-DD
}

// ValidAbout reports whether about looks like a card reference: a kind and
// an id of lowercase letters, digits and dashes, "netwerk:duosprong".
func ValidAbout(about string) bool {
	kind, id, ok := strings.Cut(about, ":")
	if !ok || kind == "" || id == "" || len(about) > maxAboutLen {
		return false
	}
	for _, r := range kind + id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// CleanReport checks and cleans the text of a report: control and
// zero-width characters go, runs of space become one. The error is one of
// the ErrReport values.
func CleanReport(raw string) (string, error) {
	if utf8.RuneCountInString(raw) > MaxReportRunes {
		return "", ErrReportTooLong
	}
	t := text.Clean(raw, MaxReportRunes)
	if t == "" {
		return "", ErrReportEmpty
	}
	return t, nil
}

// AddReport stores a report about a card with today's date. Bad input
// (empty, too long, no card) is one of the ErrReport errors and stores
// nothing.
func (s *Store) AddReport(about, raw string) error {
	if !ValidAbout(about) {
		return ErrReportAbout
	}
	t, err := CleanReport(raw)
	if err != nil {
		return err
	}
	date := s.today()
	data, err := json.Marshal(ErrorReport{About: about, Text: t, Date: date})
	if err != nil {
		return err
	}
	err = s.update(func(b *bolt.Bucket) error {
		rb := b.Bucket(bucketRepts)
		seq, err := rb.NextSequence()
		if err != nil {
			return err
		}
		if err := rb.Put(reportKey(date, seq), data); err != nil {
			return err
		}
		// Keep the newest MaxReports.
		for n := rb.Stats().KeyN + 1 - MaxReports; n > 0; n-- {
			k, _ := rb.Cursor().First()
			if k == nil {
				break
			}
			if err := rb.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store report: %w", err)
	}
	return nil
}

// reportKey sorts reports by date, then by arrival.
func reportKey(date string, seq uint64) []byte {
	k := make([]byte, 0, len(date)+1+8)
	k = append(k, date...)
	k = append(k, '/')
	return binary.BigEndian.AppendUint64(k, seq)
}

// QueryCount is a query without results and how often it was asked.
type QueryCount struct {
	Query string `json:"query"`
	Count int    `json:"count"`
}

// FeedbackCounts are the "Nuttig?" presses.
type FeedbackCounts struct {
	Helpful    int `json:"helpful"`
	NotHelpful int `json:"not_helpful"`
}

// Report is what the stats say over the kept days: the field names are
// those of `bondgenoot rapport --json`.
type Report struct {
	Since     string         `json:"since"` // first day counted, YYYY-MM-DD
	Searches  int            `json:"searches"`
	NoResults []QueryCount   `json:"no_results"` // most frequent first
	Feedback  FeedbackCounts `json:"feedback"`
	Reports   []ErrorReport  `json:"reports"` // newest first
	// Dropped counts no-result searches whose query was not kept because
	// that day already had MaxQueriesPerDay distinct queries.
	Dropped int `json:"-"`
}

// Report sums the kept days.
func (s *Store) Report() (Report, error) {
	return Read(s.db, s.now().In(s.loc))
}

// Read sums the stats in db over the Window days up to now (in now's
// location), in a read-only transaction: it works on a file opened
// read-only. A file without a stats bucket gives an empty report.
func Read(db *bolt.DB, now time.Time) (rep Report, err error) {
	today := now.Format(dateLayout)
	first := firstDay(today)
	rep = Report{Since: today, NoResults: []QueryCount{}, Reports: []ErrorReport{}}
	err = db.View(func(tx *bolt.Tx) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("stats: %v", r)
			}
		}()
		b := tx.Bucket(Bucket)
		if b == nil {
			return nil
		}
		counts := map[string]int{}
		if days := b.Bucket(bucketDays); days != nil {
			c := days.Cursor()
			for k, _ := c.Seek([]byte(first)); k != nil && string(k) <= today; k, _ = c.Next() {
				day := days.Bucket(k)
				if day == nil {
					continue
				}
				if string(k) < rep.Since {
					rep.Since = string(k)
				}
				rep.Searches += get(day, keySearches)
				rep.Feedback.Helpful += get(day, keyHelpful)
				rep.Feedback.NotHelpful += get(day, keyNotHelpful)
				rep.Dropped += get(day, keyDropped)
				if nr := day.Bucket(bucketNoRes); nr != nil {
					if err := nr.ForEach(func(q, v []byte) error {
						counts[string(q)] += decode(v)
						return nil
					}); err != nil {
						return err
					}
				}
			}
		}
		for q, n := range counts {
			rep.NoResults = append(rep.NoResults, QueryCount{Query: q, Count: n})
		}
		sort.Slice(rep.NoResults, func(i, j int) bool {
			a, b := rep.NoResults[i], rep.NoResults[j]
			if a.Count != b.Count {
				return a.Count > b.Count
			}
			return a.Query < b.Query
		})
		if rb := b.Bucket(bucketRepts); rb != nil {
			c := rb.Cursor()
			for k, v := c.Last(); k != nil && string(k[:min(len(k), len(dateLayout))]) >= first; k, v = c.Prev() {
				var r ErrorReport
				if err := json.Unmarshal(v, &r); err != nil {
					return fmt.Errorf("report %q: %w", k, err)
				}
				if r.Date > today {
					continue
				}
				rep.Reports = append(rep.Reports, r)
			}
		}
		return nil
	})
	if err != nil {
		return Report{}, fmt.Errorf("read stats: %w", err)
	}
	return rep, nil
}

// firstDay is the oldest day kept when today is today.
func firstDay(today string) string {
	t, err := time.Parse(dateLayout, today)
	if err != nil {
		return today
	}
	return t.AddDate(0, 0, -(Window - 1)).Format(dateLayout)
}

// prune drops days, votes and reports from before the window.
func prune(b *bolt.Bucket, today string) error {
	first := []byte(firstDay(today))
	days := b.Bucket(bucketDays)
	var old [][]byte
	c := days.Cursor()
	for k, _ := c.First(); k != nil && bytes.Compare(k, first) < 0; k, _ = c.Next() {
		old = append(old, bytes.Clone(k))
	}
	for _, k := range old {
		if err := days.DeleteBucket(k); err != nil {
			return err
		}
	}
	old = old[:0]
	votes := b.Bucket(bucketVotes)
	if err := votes.ForEach(func(k, v []byte) error {
		if bytes.Compare(v, first) < 0 {
			old = append(old, bytes.Clone(k))
		}
		return nil
	}); err != nil {
		return err
	}
	for _, k := range old {
		if err := votes.Delete(k); err != nil {
			return err
		}
	}
	old = old[:0]
	rb := b.Bucket(bucketRepts)
	c = rb.Cursor()
	for k, _ := c.First(); k != nil && bytes.Compare(k[:min(len(k), len(first))], first) < 0; k, _ = c.Next() {
		old = append(old, bytes.Clone(k))
	}
	for _, k := range old {
		if err := rb.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// update runs fn on the stats bucket, with its sub-buckets present, in one
// write transaction.
func (s *Store) update(fn func(b *bolt.Bucket) error) error {
	return s.db.Update(func(tx *bolt.Tx) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("stats: %v", r)
			}
		}()
		b, err := bucket(tx)
		if err != nil {
			return err
		}
		return fn(b)
	})
}

// batch runs fn with the stats bucket and today's bucket; concurrent calls
// share one write transaction (bbolt's Batch), and fn may run more than
// once. A new day first drops what fell out of the window.
func (s *Store) batch(fn func(b, day *bolt.Bucket) error) error {
	today := []byte(s.today())
	return s.db.Batch(func(tx *bolt.Tx) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("stats: %v", r)
			}
		}()
		b, err := bucket(tx)
		if err != nil {
			return err
		}
		days := b.Bucket(bucketDays)
		day := days.Bucket(today)
		if day == nil {
			if err := prune(b, string(today)); err != nil {
				return err
			}
			if day, err = days.CreateBucket(today); err != nil {
				return err
			}
		}
		return fn(b, day)
	})
}

func bucket(tx *bolt.Tx) (*bolt.Bucket, error) {
	b, err := tx.CreateBucketIfNotExists(Bucket)
	if err != nil {
		return nil, err
	}
	for _, name := range [][]byte{bucketDays, bucketVotes, bucketRepts} {
		if _, err := b.CreateBucketIfNotExists(name); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func incr(b *bolt.Bucket, key []byte, n int) error {
	return b.Put(key, binary.BigEndian.AppendUint64(nil, uint64(get(b, key)+n)))
}

func get(b *bolt.Bucket, key []byte) int { return decode(b.Get(key)) }

func decode(v []byte) int {
	if len(v) != 8 {
		return 0
	}
	return int(binary.BigEndian.Uint64(v))
}
