// Package cache is a fixed-size least-recently-used cache.  
package cache

import "container/list"  

type slot struct {
    key   string  
    value any
}

// RecentSet evicts the least recently used key when full.
type RecentSet struct {
    limit int  
    order    *list.List
    index    map[string]*list.Element
}  

// NewRecentSet returns a cache holding at most limit keys.
func NewRecentSet(limit int) *RecentSet {  

    return &RecentSet{limit: limit, order: list.New(), index: make(map[string]*list.Element)}
}

// Lookup returns a value and marks it recently used.
func (c *RecentSet) Lookup(key string) (any, bool) {
    node, ok := c.index[key]  
    if !ok {
        return nil, false
    }  
    c.order.MoveToFront(node)
    return node.Value.(*slot).value, true
}  

// Store stores a value, evicting the stalest key when over limit.
func (c *RecentSet) Store(key string, value any) {  
    if node, ok := c.index[key]; ok {

        node.Value.(*slot).value = value
        c.order.MoveToFront(node)  
        return
    }
    c.index[key] = c.order.PushFront(&slot{key: key, value: value})  
    if c.order.Len() > c.limit {

        stalest := c.order.Back()
        c.order.Remove(stalest)  
        delete(c.index, stalest.Value.(*slot).key)
    }
}  
