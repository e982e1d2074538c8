package fakeclock

import (
	"context"
	"testing"
	"time"
)

func TestSleepWaitsForTheClock(t *testing.T) {
	start := time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC)
	c := New(start)
	done := make(chan error, 1)
	go func() { done <- c.Sleep(context.Background(), time.Hour) }()
	for c.Sleepers() == 0 {
		time.Sleep(time.Millisecond)
	}
	c.Advance(59 * time.Minute)
	select {
	case <-done:
		t.Fatal("woke before its time")
	case <-time.After(20 * time.Millisecond):
	}
	c.Advance(time.Minute)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got, want := c.Now(), start.Add(time.Hour); !got.Equal(want) {
		t.Errorf("Now = %v, want %v", got, want)
	}
	if got := c.Slept(); len(got) != 1 || got[0] != time.Hour {
		t.Errorf("Slept = %v", got)
	}
}

func TestSleepEndsWithContext(t *testing.T) {
	c := New(time.Unix(0, 0))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Sleep(ctx, time.Hour) }()
	for c.Sleepers() == 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-done; err == nil {
		t.Fatal("Sleep returned nil after cancel")
	}
	if c.Sleepers() != 0 {
		t.Errorf("%d sleepers left", c.Sleepers())
	}
}

func TestAutoAdvance(t *testing.T) {
	c := New(time.Unix(0, 0)).AutoAdvance()
	if err := c.Sleep(context.Background(), 90*time.Second); err != nil {
		t.Fatal(err)
	}
	if got := c.Now(); !got.Equal(time.Unix(90, 0)) {
		t.Errorf("Now = %v, want 90 s later", got)
	}
}
