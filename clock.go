package tfe

import (
	"context"
	"time"
)

// clock is the time source of the rate limiter and the retry waits. Tests
// replace it so that nothing sleeps.
type clock interface {
	// Now returns the current time.
	Now() time.Time
	// Sleep waits for d or until ctx ends, returning ctx.Err() then.
	Sleep(ctx context.Context, d time.Duration) error
	// Backoff returns how long the retry library is to wait for a retry
	// backoff of d: d itself on the wall clock.
	Backoff(d time.Duration) time.Duration
}

// realClock is the wall clock.
type realClock struct{}

// Now returns time.Now().
func (realClock) Now() time.Time { return time.Now() }

// Backoff returns d: the library waits for real.
func (realClock) Backoff(d time.Duration) time.Duration { return d }

// Sleep waits for d or until ctx ends.
func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
