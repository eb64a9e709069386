// Package retry computes waits between attempts of an operation that may fail transiently.
package retry

import (
	"context"
	"math/rand"
	"time"
)

// Policy is an exponential backoff with full jitter.
type Policy struct {
	Base     time.Duration
	Cap      time.Duration
	Attempts int
}

// Delay is the wait before attempt n (0-based), drawn from rnd.
func (p Policy) Delay(n int, rnd *rand.Rand) time.Duration {
	ceiling := p.Base << uint(n)
	if ceiling <= 0 || ceiling > p.Cap {
		ceiling = p.Cap
	}
	return time.Duration(rnd.Int63n(int64(ceiling) + 1))
}

// Do runs op until it succeeds, the attempts run out, or ctx is done.
func Do(ctx context.Context, p Policy, rnd *rand.Rand, op func() error) error {
	var err error
	for n := 0; n < p.Attempts; n++ {
		if err = op(); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(p.Delay(n, rnd)):
		}
	}
	return err
}
