// Package inventory tracks what the depot holds, per stock-keeping unit.
package inventory

import (
	"errors"
	"sort"
	"sync"
)

// ErrUnknownSKU is returned when a SKU was never received.
var ErrUnknownSKU = errors.New("inventory: unknown sku")

// Level is the quantity on hand and reserved for one SKU.
type Level struct {
	SKU      string
	OnHand   int
	Reserved int
}

// Available is what can still be promised to a customer.
func (l Level) Available() int {
	if l.Reserved > l.OnHand {
		return 0
	}
	return l.OnHand - l.Reserved
}

// Stock is a concurrency-safe table of levels.
type Stock struct {
	mu     sync.Mutex
	levels map[string]*Level
}

// NewStock returns an empty table.
func NewStock() *Stock {
	return &Stock{levels: make(map[string]*Level)}
}

// Receive adds quantity to a SKU, creating it on first use.
func (s *Stock) Receive(sku string, quantity int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	level, ok := s.levels[sku]
	if !ok {
		level = &Level{SKU: sku}
		s.levels[sku] = level
	}
	level.OnHand += quantity
}

// Snapshot lists every level sorted by SKU.
func (s *Stock) Snapshot() []Level {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Level, 0, len(s.levels))
	for _, level := range s.levels {
		out = append(out, *level)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SKU < out[j].SKU })
	return out
}

func (s *Stock) level(sku string) (*Level, error) {
	level, ok := s.levels[sku]
	if !ok {
		return nil, ErrUnknownSKU
	}
	return level, nil
}
