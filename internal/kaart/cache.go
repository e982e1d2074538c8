package kaart

import (
	"container/list"
	"sync"
)

// DefaultCacheSize bounds a Cache whose Max is zero: 64 maps of at most
// 300 KB each is under 20 MB.
const DefaultCacheSize = 64

// Cache keeps the most recently used pictures by key (a normalised filter),
// at most Max of them. The zero value is ready to use. Safe for concurrent
// use.
type Cache struct {
	Max int

	mu      sync.Mutex
	order   *list.List // of *cacheEntry, most recent first
	entries map[string]*list.Element
	hits    uint64
	misses  uint64
}

type cacheEntry struct {
	key string
	pic *Picture
}

func (c *Cache) max() int {
	if c.Max <= 0 {
		return DefaultCacheSize
	}
	return c.Max
}

// Get returns the picture for key, or calls make, keeps its result (not its
// error) and returns it. Two callers with the same missing key may both
// make it; the pictures are the same.
func (c *Cache) Get(key string, make func() (*Picture, error)) (*Picture, error) {
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[string]*list.Element{}
		c.order = list.New()
	}
	if el, ok := c.entries[key]; ok {
		c.order.MoveToFront(el)
		c.hits++
		pic := el.Value.(*cacheEntry).pic
		c.mu.Unlock()
		return pic, nil
	}
	c.misses++
	c.mu.Unlock()

	pic, err := make()
	if err != nil {
		return nil, err
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		c.order.MoveToFront(el)
		return el.Value.(*cacheEntry).pic, nil
	}
	c.entries[key] = c.order.PushFront(&cacheEntry{key, pic})
	for c.order.Len() > c.max() {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.entries, last.Value.(*cacheEntry).key)
	}
	return pic, nil
}

// Len is the number of pictures kept.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// Stats returns how often Get found a picture and how often it made one.
func (c *Cache) Stats() (hits, misses uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses
}
