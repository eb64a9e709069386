package inventory

import (
	"fmt"
	"time"
)

// Reservation holds stock for an order until it ships or expires.
type Reservation struct {
	OrderID  string
	SKU      string
	Quantity int
	Expires  time.Time
}

// Reserve sets aside quantity of sku for an order, failing when not enough is available.
func (s *Stock) Reserve(orderID, sku string, quantity int, ttl time.Duration) (Reservation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	level, err := s.level(sku)
	if err != nil {
		return Reservation{}, err
	}
	if level.Available() < quantity {
		return Reservation{}, fmt.Errorf("inventory: %s has %d available, %d asked", sku, level.Available(), quantity)
	}
	level.Reserved += quantity
	return Reservation{OrderID: orderID, SKU: sku, Quantity: quantity, Expires: time.Now().Add(ttl)}, nil
}

// Release gives a reservation's quantity back.
func (s *Stock) Release(r Reservation) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	level, err := s.level(r.SKU)
	if err != nil {
		return err
	}
	level.Reserved -= r.Quantity
	if level.Reserved < 0 {
		level.Reserved = 0
	}
	return nil
}

// Expired tells whether the reservation lapsed at now.
func (r Reservation) Expired(now time.Time) bool {
	return !now.Before(r.Expires)
}
