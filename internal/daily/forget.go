package daily

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// DB returns the bbolt file of the store, for other buckets in the same
// file (the stats). The store keeps owning it: do not close it.
func (s *Store) DB() *bolt.DB { return s.db }

// Forget removes the settings of a server. It reports whether there were
// any.
func (s *Store) Forget(server string) (found bool, err error) {
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketServers)
		if b == nil || b.Get([]byte(server)) == nil {
			return nil
		}
		found = true
		return b.Delete([]byte(server))
	})
	if err != nil {
		return false, fmt.Errorf("forget server %s: %w", server, err)
	}
	return found, nil
}
