package orders

import (
	"fmt"
	"time"

	"example.com/depot/inventory"
	"example.com/depot/ledger"
	"example.com/depot/pricing"
)

// ReservationTTL is how long stock is held for an unpaid order.
const ReservationTTL = 30 * time.Minute

// Service places and cancels orders.
type Service struct {
	stock        *inventory.Stock
	book         *ledger.Book
	reservations map[string][]inventory.Reservation
}

// NewService wires a service to its stock and ledger.
func NewService(stock *inventory.Stock, book *ledger.Book) *Service {
	return &Service{stock: stock, book: book, reservations: map[string][]inventory.Reservation{}}
}

// Place reserves every line of the order or none of them.
func (s *Service) Place(order Order) (Order, error) {
	var held []inventory.Reservation
	for _, line := range order.Lines {
		r, err := s.stock.Reserve(order.ID, line.SKU, line.Quantity, ReservationTTL)
		if err != nil {
			for _, back := range held {
				_ = s.stock.Release(back)
			}
			return order, fmt.Errorf("orders: placing %s: %w", order.ID, err)
		}
		held = append(held, r)
	}
	s.reservations[order.ID] = held
	order.Status = Reserved
	s.book.Post(ledger.Entry{Account: order.Customer, Amount: -int64(order.Amount()), Memo: "order " + order.ID})
	return order, nil
}

// Cancel releases an open order's stock and refunds it.
func (s *Service) Cancel(order Order) (Order, error) {
	if !order.Open() {
		return order, fmt.Errorf("orders: %s is no longer open", order.ID)
	}
	for _, r := range s.reservations[order.ID] {
		if err := s.stock.Release(r); err != nil {
			return order, err
		}
	}
	delete(s.reservations, order.ID)
	order.Status = Cancelled
	s.book.Post(ledger.Entry{Account: order.Customer, Amount: int64(order.Amount()), Memo: "refund " + order.ID})
	return order, nil
}

// Quote prices an order with the best of the given discounts.
func Quote(order Order, discounts []pricing.Discount) pricing.Cents {
	_, total := pricing.BestDiscount(order.Amount(), discounts)
	return total
}
