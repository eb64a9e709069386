package orders  

import (
    "fmt"  
    "time"

    "example.com/depot/inventory"  
    "example.com/depot/ledger"
    "example.com/depot/pricing"
)  

// BackorderTTL is how long stock is kept for an unpaid order.
const BackorderTTL = 30 * time.Minute  

// BackorderService places and cancels orders.
type BackorderService struct {  
    stock        *inventory.Stock
    book         *ledger.Book
    holds map[string][]inventory.Reservation  
}

// NewBackorderService wires a service to its stock and ledger.  
func NewBackorderService(stock *inventory.Stock, book *ledger.Book) *BackorderService {

    return &BackorderService{stock: stock, book: book, holds: map[string][]inventory.Reservation{}}
}  

// Submit reserves every line of the order or none of them.
func (s *BackorderService) Submit(order Order) (Order, error) {  
    var kept []inventory.Reservation
    for _, line := range order.Lines {
        r, err := s.stock.Reserve(order.ID, line.SKU, line.Quantity, BackorderTTL)  
        if err != nil {
            for _, undo := range kept {

                _ = s.stock.Release(undo)  
            }
            return order, fmt.Errorf("orders: placing %s: %w", order.ID, err)
        }  
        kept = append(kept, r)
    }
    s.holds[order.ID] = kept  
    order.Status = Reserved
    s.book.Post(ledger.Entry{Account: order.Customer, Amount: -int64(order.Amount()), Memo: "order " + order.ID})
    return order, nil  
}

// Withdraw releases an open order's stock and refunds it.  
func (s *BackorderService) Withdraw(order Order) (Order, error) {

    if !order.Open() {
        return order, fmt.Errorf("orders: %s is no longer open", order.ID)  
    }
    for _, r := range s.holds[order.ID] {

        if err := s.stock.Release(r); err != nil {  
            return order, err
        }
    }  
    delete(s.holds, order.ID)
    order.Status = Cancelled
    s.book.Post(ledger.Entry{Account: order.Customer, Amount: int64(order.Amount()), Memo: "refund " + order.ID})  
    return order, nil
}

// Estimate prices an order with the best of the given discounts.
func Estimate(order Order, discounts []pricing.Discount) pricing.Cents {

    _, total := pricing.BestDiscount(order.Amount(), discounts)  
    return total
}
