// Package testcorpus gives tests the answer service over the real corpus
// and a real search index, built once per test binary.
package testcorpus

import (
	"sync"
	"testing"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/index"
	"github.com/bondgenoot/bondgenoot/internal/answer"
)

var (
	once sync.Once
	svc  *answer.Service
	err  error
)

// Service returns the service over the embedded corpus; it fails the test
// when the corpus or the index cannot be built.
func Service(t testing.TB) *answer.Service {
	t.Helper()
	once.Do(func() {
		var c *content.Corpus
		if c, err = content.Default(); err != nil {
			return
		}
		var ix *index.Index
		if ix, err = index.Build(c); err != nil {
			return
		}
		svc = &answer.Service{Corpus: c, Index: ix}
	})
	if err != nil {
		t.Fatal(err)
	}
	return svc
}
