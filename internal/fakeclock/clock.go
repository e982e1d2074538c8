// Package fakeclock is the one fake clock of the project's tests: a time
// that moves only when a test moves it, and a Sleep that waits for that
// (or, with AutoAdvance, moves the clock itself).
package fakeclock

import (
	"context"
	"sync"
	"time"
)

// Clock is a fake clock, safe for concurrent use.
type Clock struct {
	mu       sync.Mutex
	now      time.Time
	auto     bool
	sleepers []*sleeper
	slept    []time.Duration
}

type sleeper struct {
	until time.Time
	wake  chan struct{}
}

// New returns a clock at t.
func New(t time.Time) *Clock { return &Clock{now: t} }

// AutoAdvance makes Sleep move the clock forward by its duration and return
// at once, instead of waiting for Set or Advance.
func (c *Clock) AutoAdvance() *Clock {
	c.mu.Lock()
	c.auto = true
	c.mu.Unlock()
	return c
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Set moves the clock to t and wakes the sleepers whose time has come.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
	keep := c.sleepers[:0]
	for _, s := range c.sleepers {
		if !s.until.After(t) {
			close(s.wake)
			continue
		}
		keep = append(keep, s)
	}
	c.sleepers = keep
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) { c.Set(c.Now().Add(d)) }

// Sleep waits until the clock has moved d forward or ctx is done. With
// AutoAdvance it moves the clock itself.
func (c *Clock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.slept = append(c.slept, d)
	if d <= 0 {
		c.mu.Unlock()
		return ctx.Err()
	}
	if c.auto {
		c.now = c.now.Add(d)
		c.mu.Unlock()
		return ctx.Err()
	}
	s := &sleeper{until: c.now.Add(d), wake: make(chan struct{})}
	c.sleepers = append(c.sleepers, s)
	c.mu.Unlock()
	select {
	case <-s.wake:
		return nil
	case <-ctx.Done():
		c.mu.Lock()
		for i, o := range c.sleepers {
			if o == s {
				c.sleepers = append(c.sleepers[:i], c.sleepers[i+1:]...)
				break
			}
		}
		c.mu.Unlock()
		return ctx.Err()
	}
}

// Sleepers is the number of Sleep calls waiting.
func (c *Clock) Sleepers() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.sleepers)
}

// Slept returns the durations Sleep was called with, in order.
func (c *Clock) Slept() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.slept...)
}
