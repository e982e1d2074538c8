package stats

import (
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// BenchmarkSearchParallel measures counting searches from many goroutines
// at once, as the bot does under load: bbolt's Batch shares one write
// transaction (and one fsync) between them.
func BenchmarkSearchParallel(b *testing.B) {
	db, err := bolt.Open(filepath.Join(b.TempDir(), "bondgenoot.db"), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	s, err := Open(db, Options{})
	if err != nil {
		b.Fatal(err)
	}
	var n atomic.Int64
	b.SetParallelism(16)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			if err := s.Search(fmt.Sprintf("vraag %d", i%300), int(i%2)); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
