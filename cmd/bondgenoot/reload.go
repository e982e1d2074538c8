package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/bondgenoot/bondgenoot/content"
	"github.com/bondgenoot/bondgenoot/index"
	"github.com/bondgenoot/bondgenoot/internal/answer"
)

// retireAfter is how long a replaced index stays open for the answers that
// were still using it when a reload swapped it out.
const retireAfter = time.Minute

// liveContent is the content the bot answers from: the embedded copy, or
// CONTENT_DIR, which Reload reads and indexes again while the bot runs. A
// reload that fails keeps the content that was running.
type liveContent struct {
	dir    string
	log    *slog.Logger
	retire time.Duration // 0: retireAfter

	cur atomic.Pointer[answer.Service]
	mu  sync.Mutex // one reload at a time

	retiring sync.Mutex
	pending  map[*answer.Service]*time.Timer // replaced, not yet closed
}

// newLiveContent loads and indexes the content of dir (empty: embedded).
func newLiveContent(dir string, log *slog.Logger) (*liveContent, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	lc := &liveContent{dir: dir, log: log}
	svc, err := buildService(dir)
	if err != nil {
		return nil, err
	}
	lc.cur.Store(svc)
	return lc, nil
}

// buildService loads the corpus of dir and builds its index.
func buildService(dir string) (*answer.Service, error) {
	corpus, err := loadCorpus(dir)
	if err != nil {
		return nil, fmt.Errorf("de inhoud kan niet geladen worden: %w", err)
	}
	ix, err := index.Build(corpus)
	if err != nil {
		return nil, fmt.Errorf("de zoekindex kan niet gebouwd worden: %w", err)
	}
	return &answer.Service{Corpus: corpus, Index: ix}, nil
}

// Service returns the content answering now.
func (lc *liveContent) Service() *answer.Service { return lc.cur.Load() }

// Reload reads and indexes the content again. When the new content fails
// validation (or cannot be indexed), the running content stays and the
// error, with every problem's file and line, is logged and returned.
func (lc *liveContent) Reload() error {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	if lc.dir == "" {
		lc.log.Warn("herladen gevraagd zonder CONTENT_DIR: de ingebouwde inhoud verandert niet")
		return nil
	}
	start := time.Now()
	svc, err := buildService(lc.dir)
	if err != nil {
		args := []any{"dir", lc.dir}
		var probs content.Problems
		if errors.As(err, &probs) {
			args = append(args, "problems", len(probs))
			for i, p := range probs {
				if i == 20 {
					args = append(args, "more", len(probs)-i)
					break
				}
				args = append(args, fmt.Sprintf("problem%d", i+1), p.String())
			}
		} else {
			args = append(args, "error", err)
		}
		lc.log.Error("herladen mislukt: de vorige inhoud blijft in gebruik", args...)
		return err
	}
	prev := lc.cur.Swap(svc)
	lc.log.Info("inhoud herladen", "dir", lc.dir, "networks", len(svc.Corpus.Networks),
		"factors", len(svc.Corpus.Factors), "took", time.Since(start).Round(time.Millisecond))
	lc.retireIndex(prev)
	return nil
}

// retireIndex closes a replaced index once the answers that may still use
// it are done.
func (lc *liveContent) retireIndex(prev *answer.Service) {
	if prev == nil || prev.Index == nil {
		return
	}
	d := lc.retire
	if d == 0 {
		d = retireAfter
	}
	lc.retiring.Lock()
	defer lc.retiring.Unlock()
	if lc.pending == nil {
		lc.pending = map[*answer.Service]*time.Timer{}
	}
	lc.pending[prev] = time.AfterFunc(d, func() {
		lc.retiring.Lock()
		_, ok := lc.pending[prev]
		delete(lc.pending, prev)
		lc.retiring.Unlock()
		if ok {
			prev.Index.Close()
		}
	})
}

// Close closes the running index and the replaced ones at once.
func (lc *liveContent) Close() error {
	lc.retiring.Lock()
	for prev, t := range lc.pending {
		if t.Stop() { // else its timer is closing it now
			prev.Index.Close()
			delete(lc.pending, prev)
		}
	}
	lc.retiring.Unlock()
	if svc := lc.cur.Load(); svc != nil && svc.Index != nil {
		return svc.Index.Close()
	}
	return nil
}

// reloadOnHUP reloads lc on every SIGHUP until ctx is done; it returns once
// SIGHUP is caught (which also keeps it from ending the bot), and done is
// closed when it stops.
func reloadOnHUP(ctx context.Context, lc *liveContent) (done <-chan struct{}) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		defer signal.Stop(hup)
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				lc.log.Info("SIGHUP: inhoud herladen", "dir", lc.dir)
				_ = lc.Reload() // logged
			}
		}
	}()
	return stopped
}
