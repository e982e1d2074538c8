package main

import (
	"bytes"
	"context"
	"io"
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

// The running program (here its console) answers from CONTENT_DIR, reloads
// it on SIGHUP, and keeps answering from the old content when a reload
// fails validation.
func TestMainReloadsOnSIGHUP(t *testing.T) {
	dir := copyContent(t)
	t.Chdir(t.TempDir()) // no .env here
	in, feed := io.Pipe()
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() {
		code, _ := runMain(context.Background(), Config{ContentDir: dir}, in, &out, &errb)
		done <- code
	}()
	ask := func(line, want string, seen int) {
		t.Helper()
		if _, err := io.WriteString(feed, line+"\n"); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(10 * time.Second)
		for strings.Count(out.String(), want) < seen {
			if time.Now().After(deadline) {
				t.Fatalf("no %q after %q (%d answers):\n%s\nstderr:\n%s", want, line, strings.Count(out.String(), "Website:"), grepLines(out.String(), "Website"), errb.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitLog := func(want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(errb.String(), want) {
			if time.Now().After(deadline) {
				t.Fatalf("log lacks %q:\n%s", want, errb.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	hup := func() {
		t.Helper()
		if err := syscall.Kill(syscall.Getpid(), syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
	}

	ask("/netwerk duosprong", "www.beringen.be/duosprong", 1) // the console runs: SIGHUP is caught
	edit(t, dir, "netwerken/duosprong.md", "www.beringen.be/duosprong", "https://www.beringen.be/duosprong-nieuw")
	hup()
	waitLog(`msg="inhoud herladen"`) // not "SIGHUP: inhoud herladen", which comes first
	ask("/netwerk duosprong", "duosprong-nieuw", 1)

	edit(t, dir, "netwerken/duosprong.md", "provincie: Limburg", "provincie: Henegouwen")
	hup()
	waitLog("herladen mislukt: de vorige inhoud blijft in gebruik")
	ask("/netwerk duosprong", "duosprong-nieuw", 2)
	if !strings.Contains(errb.String(), "duosprong.md:9") {
		t.Errorf("the log does not name the broken file and line:\n%s", errb.String())
	}

	feed.Close()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit code %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the console did not end")
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// BenchmarkReload measures one reload of CONTENT_DIR: reading and checking
// every file and building the search index again.
func BenchmarkReload(b *testing.B) {
	dir := copyContent(b)
	lc, err := newLiveContent(dir, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer lc.Close()
	lc.retire = time.Millisecond
	b.ResetTimer()
	for b.Loop() {
		if err := lc.Reload(); err != nil {
			b.Fatal(err)
		}
	}
}
