package tfe

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"golang.org/x/time/rate"
)

// limiterMargin is the share of a limit the client's token buckets run
// at. A server that allows no burst refuses a request that arrives less
// than 1/limit after the last one it let in. Requests that leave exactly
// 1/limit apart (the pacer sees to that, waitForLimiter) still reach the
// server a little closer now and then, as the network and the scheduler
// delay one more than the next; and each refusal costs a slot and a retry.
// Spacing requests 3% wider absorbs that: 0.96 of the limit or more,
// measured against a no-burst and a fixed-window server (BENCHMARKS.md,
// bulk creates), where spacing them at the limit itself lost a slot to a
// refusal in one request of ten.
const limiterMargin = 0.97

// newLimiter returns the client's token bucket: limiterMargin of
// perSecond requests a second (0 means DefaultRateLimit, negative means no
// limit) with a burst of one, so requests go out evenly spaced and a server
// that counts per second never sees more than the limit.
func newLimiter(perSecond float64) *rate.Limiter {
	switch {
	case perSecond == 0:
		perSecond = DefaultRateLimit
	case perSecond < 0:
		return rate.NewLimiter(rate.Inf, 1)
	}
	return rate.NewLimiter(rate.Limit(perSecond*limiterMargin), 1)
}

// waitForLimiter waits, on the client's clock, for the request's turn:
// first its slot in c.limiter, reserved when it asks, which orders the
// requests of all the client's goroutines and refuses at once a wait that
// would outlast the context's deadline; then a token of c.pacer, taken at
// the moment the request goes out. Both run at the same rate. A sleeping
// goroutine wakes a little late now and then, so slots alone would let a
// late request and the next, on time, leave less than an interval apart,
// and a server that allows no burst refuses the second. The pacer counts
// from when requests actually leave, so it holds that next one back by as
// much. Every wait ends with ctx.Err() when the context ends.
func (c *Client) waitForLimiter(ctx context.Context) error {
	if err := c.waitForToken(ctx, c.limiter); err != nil {
		return err
	}
	return c.pace(ctx)
}

// pace takes a token of c.pacer when the request goes out: at once when
// one is due, else after the wait for the next one, taken at the time the
// goroutine actually wakes.
func (c *Client) pace(ctx context.Context) error {
	now := c.clock.Now()
	if c.pacer.AllowN(now, 1) {
		return nil
	}
	if err := c.clock.Sleep(ctx, untilToken(c.pacer, now)); err != nil {
		return err
	}
	return c.waitForToken(ctx, c.pacer)
}

// untilToken is how long after now l has a whole token.
func untilToken(l *rate.Limiter, now time.Time) time.Duration {
	missing := 1 - l.TokensAt(now)
	return time.Duration(missing / float64(l.Limit()) * float64(time.Second))
}

// waitForToken reserves a token of l now and waits until it is due. It
// returns at once with an error matching context.DeadlineExceeded when
// the wait would outlast the context's deadline.
func (c *Client) waitForToken(ctx context.Context, l *rate.Limiter) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	now := c.clock.Now()
	r := l.ReserveN(now, 1)
	if !r.OK() {
		return fmt.Errorf("tfe: the rate limiter refused a request")
	}
	delay := r.DelayFrom(now)
	if delay <= 0 {
		return nil
	}
	if deadline, ok := ctx.Deadline(); ok && deadline.Before(now.Add(delay)) {
		r.CancelAt(now)
		return fmt.Errorf("tfe: the client rate limit's wait of %s outlasts the context deadline: %w", delay, context.DeadlineExceeded)
	}
	if err := c.clock.Sleep(ctx, delay); err != nil {
		r.CancelAt(c.clock.Now())
		return err
	}
	return nil
}

// observeRateLimit lowers the client's rate when the server's
// X-RateLimit-Limit header announces a lower one. It never raises it.
func (c *Client) observeRateLimit(h http.Header) {
	raw := strings.TrimSpace(h.Get("X-RateLimit-Limit"))
	if raw == "" {
		return // most answers carry none; ParseFloat would allocate an error
	}
	limit, err := strconv.ParseFloat(raw, 64)
	if err != nil || limit <= 0 || math.IsInf(limit, 0) || math.IsNaN(limit) {
		return
	}
	if lowered := rate.Limit(limit * limiterMargin); lowered < c.limiter.Limit() {
		c.limiter.SetLimitAt(c.clock.Now(), lowered)
		c.pacer.SetLimitAt(c.clock.Now(), lowered)
		c.logger.Debug("tfe: lowering the client rate limit", "requests_per_second", limit)
	}
}

// serverWait returns how long a 429 answer asks the client to wait: the
// larger of X-RateLimit-Reset (fractional seconds until the bucket
// refills) and Retry-After (seconds or an HTTP date). ok is false when the
// answer names no wait.
func serverWait(h http.Header, now time.Time) (wait time.Duration, ok bool) {
	if secs, err := strconv.ParseFloat(strings.TrimSpace(h.Get("X-RateLimit-Reset")), 64); err == nil && secs >= 0 && !math.IsInf(secs, 0) {
		wait, ok = secondsToDuration(secs), true
	}
	if ra := strings.TrimSpace(h.Get("Retry-After")); ra != "" {
		var d time.Duration
		if secs, err := strconv.ParseFloat(ra, 64); err == nil && secs >= 0 && !math.IsInf(secs, 0) {
			d, ok = secondsToDuration(secs), true
		} else if at, err := http.ParseTime(ra); err == nil {
			d, ok = min(at.Sub(now), maxServerWait), true
		}
		wait = max(wait, d)
	}
	return max(wait, 0), ok
}

// maxServerWait caps an absurd server-announced wait, in every form it
// takes, so that no arithmetic on it overflows; the context bounds it
// further.
const maxServerWait = 24 * time.Hour

func secondsToDuration(secs float64) time.Duration {
	if secs*float64(time.Second) > float64(maxServerWait) {
		return maxServerWait
	}
	return time.Duration(secs * float64(time.Second))
}
