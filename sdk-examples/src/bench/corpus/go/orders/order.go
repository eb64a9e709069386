// Package orders takes orders, reserves their stock and prices them.
package orders

import (
	"time"

	"example.com/depot/pricing"
)

// Status is where an order is in its life.
type Status int

const (
	Pending Status = iota
	Reserved
	Shipped
	Cancelled
)

// Order is what a customer asked for.
type Order struct {
	ID       string
	Customer string
	Lines    []pricing.Line
	Status   Status
	Placed   time.Time
}

// Amount is the order's total before discounts.
func (o Order) Amount() pricing.Cents {
	return pricing.Total(o.Lines)
}

// Open reports whether the order can still change.
func (o Order) Open() bool {
	return o.Status == Pending || o.Status == Reserved
}
