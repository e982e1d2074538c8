package daily

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Settings are the daily-post settings of one server.
type Settings struct {
	Server      string    `json:"server"`     // guild ID
	ChannelID   string    `json:"channel_id"` // where to post
	Time        string    `json:"time"`       // local post time, "09:00"
	Zone        string    `json:"zone"`       // IANA zone, "Europe/Brussels"
	Enabled     bool      `json:"enabled"`
	LastPosted  string    `json:"last_posted"` // local date of the last post, YYYY-MM-DD
	LastPostAt  time.Time `json:"last_post_at"`
	LastError   string    `json:"last_error"` // Dutch, shown by /dagelijks status
	LastErrorAt time.Time `json:"last_error_at"`
	// Failures counts failed ticks since the last post, to space retries.
	Failures int `json:"failures,omitempty"`
	// RetryAt is when the scheduler tries again after a failure (only
	// while Failures > 0), for /dagelijks status.
	RetryAt time.Time `json:"retry_at,omitzero"`
	// RetryAfter is the wait Discord last asked for when it was longer than
	// the scheduler honours (MaxRetryAfter); zero otherwise.
	RetryAfter time.Duration `json:"retry_after,omitempty"`
	// Source says who chose channel and time: SourceCommand (an admin, with
	// /dagelijks) or SourceEnv (the environment, which may change them at a
	// restart).
	Source string `json:"source,omitempty"`
}

// Sources of settings.
const (
	SourceCommand = "command"
	SourceEnv     = "env"
)

var bucketServers = []byte("servers")

// Store keeps the settings in a bbolt file. Every write is a transaction;
// what Put or Update returned without error is on disk.
type Store struct {
	db   *bolt.DB
	path string
}

// StoreError says that the store file cannot be used; its message names the
// file and is meant for the person who runs the bot.
type StoreError struct {
	Path string
	Err  error
}

func (e *StoreError) Error() string {
	return fmt.Sprintf("de opslag %s is onleesbaar of beschadigd (%v); de bot start niet, zodat geen enkele dagelijkse post dubbel of te laat komt. Herstel het bestand uit een reservekopie of verwijder het bewust", e.Path, e.Err)
}

func (e *StoreError) Unwrap() error { return e.Err }

// Open opens or creates the store at path. An unreadable, empty, truncated
// or otherwise damaged file is a *StoreError: never a silent fresh start
// and never a crash. The file is checked before bbolt maps it (size against
// the meta pages, see checkFile), and opening and reading it all once run
// with memory faults turned into errors.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, &StoreError{Path: path, Err: err}
	}
	if err := checkFile(path); err != nil {
		return nil, &StoreError{Path: path, Err: err}
	}
	var db *bolt.DB
	err := guard(func() error {
		var err error
		db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: 2 * time.Second})
		if err != nil {
			if errors.Is(err, bolt.ErrTimeout) {
				return errors.New("het bestand is in gebruik door een ander proces")
			}
			return err
		}
		return verify(db)
	})
	if err != nil {
		if db != nil {
			// Closing unmaps the file; a fault there is damage too.
			_ = guard(db.Close)
		}
		return nil, &StoreError{Path: path, Err: err}
	}
	return &Store{db: db, path: path}, nil
}

// verify reads every page of the file that is in use once, in this
// goroutine (so that guard covers it): every record of the servers bucket
// must decode, and every other bucket is walked to its last key. Then
// bbolt's own consistency check runs; it reads from a goroutine of its own,
// which guard cannot cover, but every page it reads has been read safely by
// then. Only a file that passes is written to: the servers bucket is
// created when it is missing.
func verify(db *bolt.DB) error {
	missing := false
	err := db.View(func(tx *bolt.Tx) error {
		missing = tx.Bucket(bucketServers) == nil
		err := tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return walk(name, b, bytes.Equal(name, bucketServers))
		})
		if err != nil {
			return err
		}
		for err := range tx.Check() {
			return err
		}
		return nil
	})
	if err != nil || !missing {
		return err
	}
	return db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(bucketServers)
		return err
	})
}

// walk reads every key and value of b and of its nested buckets.
func walk(name []byte, b *bolt.Bucket, settings bool) error {
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v == nil {
			child := b.Bucket(k)
			if child == nil {
				return fmt.Errorf("bucket %q: sleutel %q zonder waarde", name, k)
			}
			if err := walk(k, child, false); err != nil {
				return err
			}
			continue
		}
		if settings {
			var set Settings
			if err := json.Unmarshal(v, &set); err != nil {
				return fmt.Errorf("record %q: %w", k, err)
			}
		}
	}
	return nil
}

// Path returns the file of the store.
func (s *Store) Path() string { return s.path }

// Close closes the file.
func (s *Store) Close() error { return s.db.Close() }

// Get returns the settings of a server and whether it has any.
func (s *Store) Get(server string) (set Settings, ok bool, err error) {
	err = s.view(func(b *bolt.Bucket) error {
		v := b.Get([]byte(server))
		if v == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(v, &set)
	})
	if err != nil {
		return Settings{}, false, fmt.Errorf("read settings %s: %w", server, err)
	}
	return set, ok, nil
}

// All returns the settings of every server.
func (s *Store) All() ([]Settings, error) {
	var out []Settings
	err := s.view(func(b *bolt.Bucket) error {
		return b.ForEach(func(_, v []byte) error {
			var set Settings
			if err := json.Unmarshal(v, &set); err != nil {
				return err
			}
			out = append(out, set)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read settings: %w", err)
	}
	return out, nil
}

// Update changes the settings of a server in one transaction: fn gets the
// current settings (zero with Server set when there are none) and changes
// them; an error from fn changes nothing.
func (s *Store) Update(server string, fn func(*Settings) error) error {
	err := guard(func() error {
		return s.db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketServers)
			set := Settings{Server: server}
			if v := b.Get([]byte(server)); v != nil {
				if err := json.Unmarshal(v, &set); err != nil {
					return err
				}
			}
			if err := fn(&set); err != nil {
				return err
			}
			set.Server = server
			data, err := json.Marshal(set)
			if err != nil {
				return err
			}
			return b.Put([]byte(server), data)
		})
	})
	if err != nil {
		return fmt.Errorf("update settings %s: %w", server, err)
	}
	return nil
}

func (s *Store) view(fn func(*bolt.Bucket) error) error {
	return guard(func() error {
		return s.db.View(func(tx *bolt.Tx) error { return fn(tx.Bucket(bucketServers)) })
	})
}
