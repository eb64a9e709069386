// Package ledger keeps an append-only book of money movements per account.
package ledger

import "sync"

// Entry is one movement; negative amounts are charges.
type Entry struct {
	Account string
	Amount  int64
	Memo    string
}

// Book is the ledger itself.
type Book struct {
	mu      sync.RWMutex
	entries []Entry
}

// Post appends an entry.
func (b *Book) Post(e Entry) {
	b.mu.Lock()
	b.entries = append(b.entries, e)
	b.mu.Unlock()
}

// Balance sums an account's entries.
func (b *Book) Balance(account string) int64 {
	b.mu.RLock()
	defer b.mu.RUnlock()
	var balance int64
	for _, e := range b.entries {
		if e.Account == account {
			balance += e.Amount
		}
	}
	return balance
}

// Statement returns an account's entries in posting order.
func (b *Book) Statement(account string) []Entry {
	b.mu.RLock()
	defer b.mu.RUnlock()
	var out []Entry
	for _, e := range b.entries {
		if e.Account == account {
			out = append(out, e)
		}
	}
	return out
}
