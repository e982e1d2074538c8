package chat

import (
	"github.com/bondgenoot/bondgenoot/internal/fakeclock"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCooldown(t *testing.T) {
	clock := fakeclock.New(time.Date(2025, 5, 12, 9, 0, 0, 0, time.UTC))
	c := newCooldown(5, 10*time.Second, clock.Now)
	for i := 0; i < 5; i++ {
		if ok, _, _ := c.allow("lies"); !ok {
			t.Fatalf("request %d refused", i+1)
		}
		clock.Advance(time.Second)
	}
	// 5 s after the first request: refused until it is 10 s old.
	ok, wait, first := c.allow("lies")
	if ok || !first || wait != 5*time.Second {
		t.Fatalf("sixth = %v, %v, %v; want refused, first, 5s", ok, wait, first)
	}
	if ok, _, first := c.allow("lies"); ok || first {
		t.Errorf("seventh = %v first %v; want refused, not first", ok, first)
	}
	if ok, _, _ := c.allow("jan"); !ok {
		t.Errorf("another user refused")
	}
	clock.Advance(5 * time.Second) // the first request is now 10 s old
	if ok, _, _ := c.allow("lies"); !ok {
		t.Errorf("refused after the window moved")
	}
	if ok, _, _ := c.allow("lies"); ok {
		t.Errorf("a sixth request within 10 s allowed")
	}
	// Users without recent requests are forgotten.
	clock.Advance(time.Minute)
	c.allow("nieuw")
	if n := c.size(); n != 1 {
		t.Errorf("%d users tracked, want 1", n)
	}
}

func TestCooldownOff(t *testing.T) {
	c := newCooldown(-1, time.Second, nil)
	for i := 0; i < 100; i++ {
		if ok, _, _ := c.allow("x"); !ok {
			t.Fatal("refused with the cooldown off")
		}
	}
}

func TestCooldownConcurrent(t *testing.T) {
	c := newCooldown(5, 10*time.Second, fakeclock.New(time.Date(2025, 5, 12, 9, 0, 0, 0, time.UTC)).Now)
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed := 0
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ok, _, _ := c.allow("lies"); ok {
				mu.Lock()
				allowed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if allowed != 5 {
		t.Errorf("%d allowed, want 5", allowed)
	}
}

func TestCooldownMessage(t *testing.T) {
	for _, tt := range []struct {
		wait time.Duration
		want string
	}{
		{4200 * time.Millisecond, "over 5 seconden"},
		{time.Second, "over 1 seconde "},
		{0, "over 1 seconde "},
	} {
		got := CooldownMessage(5, 10*time.Second, tt.wait)
		if !strings.Contains(got, tt.want) || !strings.Contains(got, "5 vragen per 10 seconden") {
			t.Errorf("cooldownMessage(%v) = %q, want %q", tt.wait, got, tt.want)
		}
	}
}
