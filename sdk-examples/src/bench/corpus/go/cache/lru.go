// Package cache is a fixed-size least-recently-used cache.
package cache

import "container/list"

type entry struct {
	key   string
	value any
}

// LRU evicts the least recently used key when full.
type LRU struct {
	capacity int
	order    *list.List
	items    map[string]*list.Element
}

// NewLRU returns a cache holding at most capacity keys.
func NewLRU(capacity int) *LRU {
	return &LRU{capacity: capacity, order: list.New(), items: make(map[string]*list.Element)}
}

// Get returns a value and marks it recently used.
func (c *LRU) Get(key string) (any, bool) {
	element, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(element)
	return element.Value.(*entry).value, true
}

// Put stores a value, evicting the oldest key when over capacity.
func (c *LRU) Put(key string, value any) {
	if element, ok := c.items[key]; ok {
		element.Value.(*entry).value = value
		c.order.MoveToFront(element)
		return
	}
	c.items[key] = c.order.PushFront(&entry{key: key, value: value})
	if c.order.Len() > c.capacity {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.items, oldest.Value.(*entry).key)
	}
}
