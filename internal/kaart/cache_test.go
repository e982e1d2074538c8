package kaart

import (
	"errors"
	"strconv"
	"sync"
	"testing"
)

func TestCacheKeepsRecentAndBounds(t *testing.T) {
	c := &Cache{Max: 3}
	made := map[string]int{}
	get := func(k string) *Picture {
		t.Helper()
		p, err := c.Get(k, func() (*Picture, error) {
			made[k]++
			return &Picture{Width: len(made)}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := get("a")
	get("b")
	get("c")
	if got := get("a"); got != a {
		t.Errorf("a: got a new picture, want the kept one")
	}
	get("d") // evicts b, the least recently used
	if got, want := c.Len(), 3; got != want {
		t.Errorf("Len = %d, want %d", got, want)
	}
	get("b")
	get("a")
	tests := []struct {
		key  string
		want int
	}{{"a", 1}, {"b", 2}, {"c", 1}, {"d", 1}}
	for _, tc := range tests {
		if made[tc.key] != tc.want {
			t.Errorf("%s made %d times, want %d", tc.key, made[tc.key], tc.want)
		}
	}
	hits, misses := c.Stats()
	if hits != 2 || misses != 5 {
		t.Errorf("Stats = %d hits, %d misses; want 2, 5", hits, misses)
	}
}

func TestCacheKeepsNoErrors(t *testing.T) {
	var c Cache
	boom := errors.New("boom")
	if _, err := c.Get("x", func() (*Picture, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if c.Len() != 0 {
		t.Errorf("Len = %d after an error, want 0", c.Len())
	}
}

func TestCacheConcurrent(t *testing.T) {
	c := &Cache{Max: 8}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				k := strconv.Itoa((g + i) % 20)
				if _, err := c.Get(k, func() (*Picture, error) { return &Picture{}, nil }); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if c.Len() > 8 {
		t.Errorf("Len = %d, want at most 8", c.Len())
	}
}
