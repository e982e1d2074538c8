package stats

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// ErrBusy says that another process (the running bot) holds the store file.
var ErrBusy = errors.New("store file in use by another process")

// OpenReadOnly opens the bbolt file at path read-only, waiting at most
// timeout for a process that holds it for writing. A file that is not there
// is an error wrapping fs.ErrNotExist (nothing is created); a held file is
// ErrBusy.
func OpenReadOnly(path string, timeout time.Duration) (db *bolt.DB, err error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer func() {
		// bbolt may panic on a damaged file.
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("open %s: %v", path, r)
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: timeout})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return nil, fmt.Errorf("open %s: %w", path, ErrBusy)
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("open %s: %w", path, err)
	case err != nil:
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// ReadFile reads the report up to now (its days in Europe/Brussels, as the
// Store counts them) from the store file at path, read-only: for a stopped
// bot's DATA_DIR. See OpenReadOnly for its errors.
func ReadFile(path string, now time.Time, timeout time.Duration) (Report, error) {
	db, err := OpenReadOnly(path, timeout)
	if err != nil {
		return Report{}, err
	}
	defer db.Close()
	return Read(db, now.In(defaultLocation()))
}
