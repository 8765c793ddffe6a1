package tfetest

import (
	"crypto/sha256"
	"sync"
	"time"
)

// rateLimiter counts the requests of each bearer token: a token bucket of
// rate n per second (burst n, or 1 for NoBurst), or a count per whole
// second (FixedWindow). Buckets are keyed by a hash of the Authorization
// header, so the token itself is not kept.
type rateLimiter struct {
	mu      sync.Mutex
	rate    float64
	burst   float64
	window  bool
	now     func() time.Time
	buckets map[[32]byte]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newRateLimiter(kind RateLimitKind, n int, now func() time.Time) *rateLimiter {
	l := &rateLimiter{rate: float64(n), burst: float64(n), now: now, buckets: map[[32]byte]*bucket{}}
	switch kind {
	case NoBurst:
		l.burst = 1
	case FixedWindow:
		l.window = true
	}
	return l
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
	if l.window {
		return b.allowInWindow(now, l.rate)
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

// allowInWindow counts a request in the whole second now falls in: the
// bucket holds the requests left in the second that began at last.
func (b *bucket) allowInWindow(now time.Time, perSecond float64) (bool, time.Duration) {
	if second := now.Truncate(time.Second); !second.Equal(b.last) {
		b.last, b.tokens = second, perSecond
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, b.last.Add(time.Second).Sub(now)
}
