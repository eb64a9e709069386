package pricing

import (
	"sort"
	"strings"
)

// Discount lowers a total when its code is applied.
type Discount interface {
	Code() string
	Apply(total Cents) Cents
}

// PercentOff takes a percentage off, never below zero.
type PercentOff struct {
	Name    string
	Percent int
}

// Code is the code customers type.
func (p PercentOff) Code() string { return strings.ToUpper(p.Name) }

// Apply returns the discounted total.
func (p PercentOff) Apply(total Cents) Cents {
	off := total * Cents(p.Percent) / 100
	if off > total {
		return 0
	}
	return total - off
}

// BestDiscount picks the discount that leaves the smallest total; ties go to the first code.
func BestDiscount(total Cents, discounts []Discount) (Discount, Cents) {
	sorted := append([]Discount(nil), discounts...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Code() < sorted[j].Code() })
	var best Discount
	lowest := total
	for _, d := range sorted {
		if after := d.Apply(total); after < lowest {
			best, lowest = d, after
		}
	}
	return best, lowest
}
