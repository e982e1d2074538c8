package chat

import (
	"fmt"
	"sync"
	"time"
)

// cooldown limits how often one user may ask something: at most limit
// requests in any window. It is safe for concurrent use.
type cooldown struct {
	limit  int
	window time.Duration
	now    func() time.Time

	mu    sync.Mutex
	users map[string]*userWindow
	swept time.Time
}

// userWindow holds the times of a user's recent requests, oldest first, and
// whether the user was already told to slow down in this window.
type userWindow struct {
	times  []time.Time
	warned bool
}

func newCooldown(limit int, window time.Duration, now func() time.Time) *cooldown {
	if now == nil {
		now = time.Now
	}
	return &cooldown{limit: limit, window: window, now: now, users: map[string]*userWindow{}}
}

// allow records a request of user and reports whether it may be answered.
// When it may not, wait says how long until it may, and first is true the
// first time in a row the user is refused (so a reply can be sent once).
// A limit of zero or less turns the cooldown off.
func (c *cooldown) allow(user string) (ok bool, wait time.Duration, first bool) {
	if c == nil || c.limit <= 0 {
		return true, 0, false
	}
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sweep(now)
	w := c.users[user]
	if w == nil {
		w = &userWindow{}
		c.users[user] = w
	}
	w.times = dropBefore(w.times, now.Add(-c.window))
	if len(w.times) >= c.limit {
		first = !w.warned
		w.warned = true
		return false, w.times[0].Add(c.window).Sub(now), first
	}
	w.times = append(w.times, now)
	w.warned = false
	return true, 0, false
}

// dropBefore removes the times at or before cut (times are sorted).
func dropBefore(times []time.Time, cut time.Time) []time.Time {
	i := 0
	for i < len(times) && !times[i].After(cut) {
		i++
	}
	return append(times[:0], times[i:]...)
}

// sweep forgets users without recent requests, at most once per window, so
// the map does not grow with every user ever seen.
func (c *cooldown) sweep(now time.Time) {
	if now.Sub(c.swept) < c.window {
		return
	}
	c.swept = now
	cut := now.Add(-c.window)
	for u, w := range c.users {
		if len(w.times) == 0 || !w.times[len(w.times)-1].After(cut) {
			delete(c.users, u)
		}
	}
}

// size is the number of users tracked (for tests).
func (c *cooldown) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.users)
}

// cooldownMessage is the friendly Dutch answer to a user who asks too much.
func CooldownMessage(limit int, window, wait time.Duration) string {
	secs := int((wait + time.Second - 1) / time.Second)
	if secs < 1 {
		secs = 1
	}
	unit := "seconden"
	if secs == 1 {
		unit = "seconde"
	}
	return fmt.Sprintf("Even op adem komen: ik beantwoord tot %d vragen per %d seconden per persoon. Probeer het over %d %s opnieuw.",
		limit, int(window/time.Second), secs, unit)
}
