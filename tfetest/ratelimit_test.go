package tfetest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestRateLimitKinds(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	now := start
	clock := func() time.Time { return now }

	t.Run("no burst", func(t *testing.T) {
		now = start
		l := newRateLimiter(NoBurst, 10, clock)
		ok, _ := l.allow("Bearer a")
		assert.True(t, ok, "the first request")
		now = now.Add(99 * time.Millisecond)
		ok, wait := l.allow("Bearer a")
		assert.False(t, ok, "less than 1/10 s after the last one let in")
		assert.InDelta(t, time.Millisecond, wait, float64(time.Microsecond), "the remaining wait")
		now = now.Add(time.Millisecond)
		ok, _ = l.allow("Bearer a")
		assert.True(t, ok, "1/10 s after the last one let in")
		now = now.Add(10 * time.Second)
		ok, _ = l.allow("Bearer a")
		assert.True(t, ok)
		ok, _ = l.allow("Bearer a")
		assert.False(t, ok, "a long pause builds no burst")
	})
	t.Run("fixed window", func(t *testing.T) {
		now = start.Add(900 * time.Millisecond)
		l := newRateLimiter(FixedWindow, 3, clock)
		for range 3 {
			ok, _ := l.allow("Bearer a")
			assert.True(t, ok)
		}
		ok, wait := l.allow("Bearer a")
		assert.False(t, ok, "a fourth request in the same second")
		assert.Equal(t, 100*time.Millisecond, wait, "until the next second")
		ok, _ = l.allow("Bearer b")
		assert.True(t, ok, "windows are per token")
		now = start.Add(time.Second)
		ok, _ = l.allow("Bearer a")
		assert.True(t, ok, "a new second")
	})
}
