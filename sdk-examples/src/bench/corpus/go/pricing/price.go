// Package pricing turns list prices and quantities into amounts due, in cents.
package pricing

import "math"

// Cents is an amount of money in the smallest unit.
type Cents int64

// TaxRate is a fraction, 0.2 for twenty percent.
type TaxRate float64

// Line is one priced line of an order.
type Line struct {
	SKU       string
	UnitPrice Cents
	Quantity  int
}

// Subtotal is unit price times quantity.
func (l Line) Subtotal() Cents {
	return l.UnitPrice * Cents(l.Quantity)
}

// WithTax adds tax to an amount, rounding half away from zero.
func WithTax(amount Cents, rate TaxRate) Cents {
	taxed := float64(amount) * (1 + float64(rate))
	return Cents(math.Round(taxed))
}

// Total sums the subtotals of lines.
func Total(lines []Line) Cents {
	var sum Cents
	for _, line := range lines {
		sum += line.Subtotal()
	}
	return sum
}
