package main

import (
	"bytes"
	"context"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a log destination safe for the reload's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func websites(t *testing.T, lc *liveContent, id string) []string {
	t.Helper()
	card, err := lc.Service().Network(id)
	if err != nil {
		t.Fatal(err)
	}
	return card.Network.Websites
}

func search(t *testing.T, lc *liveContent, q string) int {
	t.Helper()
	page, err := lc.Service().Search(context.Background(), q, "", "", 0, 5)
	if err != nil {
		t.Fatal(err)
	}
	return page.Result.Total
}

// A reload picks up an edited file and re-indexes it; a reload of a broken
// directory keeps the running content and logs every problem's file and
// line; a later good reload works again.
func TestReload(t *testing.T) {
	dir := copyContent(t)
	var logs syncBuffer
	lc, err := newLiveContent(dir, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	lc.retire = 10 * time.Millisecond
	defer lc.Close()
	first := lc.Service()
	if n := search(t, lc, "zeepbellenfabriek"); n != 0 {
		t.Fatalf("unexpected hits for a made-up word: %d", n)
	}

	// Edited: a website and a word the search can find.
	edit(t, dir, "netwerken/duosprong.md", "www.beringen.be/duosprong", "https://www.beringen.be/duosprong-nieuw")
	edit(t, dir, "netwerken/duosprong.md", "DuoSprong biedt", "DuoSprong (met een zeepbellenfabriek) biedt")
	if err := lc.Reload(); err != nil {
		t.Fatalf("reload of a good directory: %v", err)
	}
	if got := websites(t, lc, "duosprong"); !slices.Contains(got, "https://www.beringen.be/duosprong-nieuw") {
		t.Errorf("after reload websites = %q", got)
	}
	if n := search(t, lc, "zeepbellenfabriek"); n == 0 {
		t.Error("the re-indexed content does not find the new word")
	}
	// The replaced index is closed once its grace period is over.
	deadline := time.Now().Add(5 * time.Second)
	for {
		lc.retiring.Lock()
		n := len(lc.pending)
		lc.retiring.Unlock()
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the replaced index was never closed")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if _, err := first.Search(context.Background(), "brugfiguur", "", "", 0, 5); err == nil {
		t.Error("the replaced index still answers; it should be closed")
	}

	// Broken: the running content stays, and the log says why.
	line := edit(t, dir, "netwerken/duosprong.md", "provincie: Limburg", "provincie: Henegouwen")
	running := lc.Service()
	if err := lc.Reload(); err == nil {
		t.Fatal("reload of a broken directory succeeded")
	}
	if lc.Service() != running {
		t.Error("a failed reload replaced the running content")
	}
	if n := search(t, lc, "zeepbellenfabriek"); n == 0 {
		t.Error("after a failed reload the running content no longer answers")
	}
	out := logs.String()
	for _, want := range []string{"herladen mislukt: de vorige inhoud blijft in gebruik", "duosprong.md:" + strconv.Itoa(line), "Henegouwen"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}

	// Fixed again: the reload works.
	edit(t, dir, "netwerken/duosprong.md", "provincie: Henegouwen", "provincie: Limburg")
	if err := lc.Reload(); err != nil {
		t.Fatalf("reload after the fix: %v", err)
	}
}

// Answers keep coming while a reload swaps the content.
func TestReloadWhileAnswering(t *testing.T) {
	dir := copyContent(t)
	lc, err := newLiveContent(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	lc.retire = time.Second
	defer lc.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				if _, err := lc.Service().Search(ctx, "brugfiguur", "", "", 0, 5); err != nil && ctx.Err() == nil {
					t.Errorf("search during reload: %v", err)
					return
				}
			}
		}()
	}
	for range 3 {
		if err := lc.Reload(); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	wg.Wait()
}

// SIGHUP reloads CONTENT_DIR (and no longer ends the process).
func TestReloadOnSIGHUP(t *testing.T) {
	dir := copyContent(t)
	lc, err := newLiveContent(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lc.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := reloadOnHUP(ctx, lc) // SIGHUP is caught from here on
	defer func() { cancel(); <-done }()

	edit(t, dir, "netwerken/duosprong.md", "www.beringen.be/duosprong", "https://www.beringen.be/duosprong-hup")
	deadline := time.Now().Add(10 * time.Second)
	for !slices.Contains(websites(t, lc, "duosprong"), "https://www.beringen.be/duosprong-hup") {
		if time.Now().After(deadline) {
			t.Fatal("SIGHUP did not reload the content")
		}
		if err := syscall.Kill(syscall.Getpid(), syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
