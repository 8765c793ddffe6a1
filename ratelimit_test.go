package tfe

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

func TestConcurrentRequestsShareOneRateLimit(t *testing.T) {
	ts := setup(t) // RateLimit defaults to 30/s
	ts.clock.frozen = true
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) { respond(w, 200, okWorkspace) }})
	var wg sync.WaitGroup
	errs := make(chan error, 60)
	for range 60 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- send(ts, context.Background(), "GET")
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	// Each goroutine waits for its own reservation; the last one's wait is
	// how long the 60 requests took on the injected clock.
	var longest time.Duration
	for _, d := range ts.clock.sleeps() {
		longest = max(longest, d)
	}
	require.GreaterOrEqual(t, longest, 1500*time.Millisecond, "60 requests at 30/s were let through in %s, want at least 1.5 s", longest)
	assert.Equal(t, 60, ts.count(), "requests")
}

func TestServerRateLimitHeaderLowersTheClientRate(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-RateLimit-Limit", "10")
		respond(w, 200, okWorkspace)
	}})
	require.NoError(t, send(ts, context.Background(), "GET"))
	require.Equal(t, rate.Limit(10*limiterMargin), ts.client.limiter.Limit(), "limit: 10 with the margin")
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-2", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-RateLimit-Limit", "100")
		respond(w, 200, okWorkspace)
	}})
	_, err := requestOne(context.Background(), ts.client, get(apiPath("workspaces", "ws-2"), nil), workspaceDecoder)
	require.NoError(t, err)
	require.Equal(t, rate.Limit(10*limiterMargin), ts.client.limiter.Limit(), "a higher server limit must not raise the client's")
}

func TestLimiterWaitEndsWithTheContext(t *testing.T) {
	c := &Client{limiter: rate.NewLimiter(1, 1), pacer: rate.NewLimiter(rate.Inf, 1), clock: realClock{}, logger: suiteLogger()}
	require.NoError(t, c.waitForLimiter(context.Background()))
	// The next token is a second away; a 10 ms deadline fails at once with
	// an error matching context.DeadlineExceeded, not the limiter's own.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := c.waitForLimiter(ctx)
	took := time.Since(start)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.LessOrEqual(t, took, 50*time.Millisecond, "a wait past the deadline returns at once")
	// Cancelled while waiting.
	ctx2, cancel2 := context.WithCancel(context.Background())
	time.AfterFunc(10*time.Millisecond, cancel2)
	require.ErrorIs(t, c.waitForLimiter(ctx2), context.Canceled, "cancelled while waiting")
	// Already cancelled.
	require.ErrorIs(t, c.waitForLimiter(ctx2), context.Canceled, "already cancelled")
}

// TestThePacerHoldsBackTheRequestAfterALateOne: a request whose goroutine
// woke 5 ms late for its slot leaves late, and the next request, on time
// for its own slot, waits those 5 ms, so the two leave an interval apart.
func TestThePacerHoldsBackTheRequestAfterALateOne(t *testing.T) {
	clk := newFakeClock()
	c := &Client{pacer: newLimiter(30), clock: clk}
	interval := time.Duration(float64(time.Second) / float64(c.pacer.Limit()))
	start := clk.Now()
	clk.now = start.Add(5 * time.Millisecond)
	require.NoError(t, c.pace(context.Background()), "the late one")
	clk.now = start.Add(interval)
	require.NoError(t, c.pace(context.Background()), "the next one, on time")
	sleeps := clk.sleeps()
	require.Len(t, sleeps, 1, "one wait, then the token is taken when the goroutine wakes")
	assert.InDelta(t, 5*time.Millisecond, sleeps[0], float64(10*time.Microsecond))
	assert.InDelta(t, 0, c.pacer.TokensAt(clk.Now()), 1e-6, "the token was taken")

	// Every request takes the pacer's token after its slot.
	clk = newFakeClock()
	c = &Client{limiter: rate.NewLimiter(rate.Inf, 1), pacer: newLimiter(30), clock: clk}
	require.NoError(t, c.waitForLimiter(context.Background()))
	require.NoError(t, c.waitForLimiter(context.Background()))
	require.Len(t, clk.sleeps(), 1)
	assert.InDelta(t, interval, clk.sleeps()[0], float64(10*time.Microsecond), "the second request waits for the pacer")
}

func TestRateLimitSettings(t *testing.T) {
	rateLimit := DefaultRateLimit // a float64 variable: the product rounds as newLimiter's does
	assert.Equal(t, rate.Limit(rateLimit*limiterMargin), newLimiter(0).Limit(), "default, with the margin")
	assert.Equal(t, rate.Inf, newLimiter(-1).Limit(), "negative: want no limit")
	assert.Equal(t, rate.Limit(5*limiterMargin), newLimiter(5).Limit(), "5, with the margin")
}
