package tfetest

import (
	"crypto/sha256"
	"sync"
	"time"
)

// rateLimiter is a token bucket per bearer token: rate n per second, burst
// n. Buckets are keyed by a hash of the Authorization header, so the token
// itself is not kept.
type rateLimiter struct {
	mu      sync.Mutex
	rate    float64
	burst   float64
	now     func() time.Time
	buckets map[[32]byte]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newRateLimiter(n int, now func() time.Time) *rateLimiter {
	return &rateLimiter{rate: float64(n), burst: float64(n), now: now, buckets: map[[32]byte]*bucket{}}
}

// allow takes one token from the bucket of auth. When the bucket is empty
// it reports false and how long until a token is free.
func (l *rateLimiter) allow(auth string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	key := sha256.Sum256([]byte(auth))
	now := l.now()
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	if elapsed := now.Sub(b.last).Seconds(); elapsed > 0 {
		b.tokens = min(l.burst, b.tokens+elapsed*l.rate)
	}
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
	return false, wait
}
