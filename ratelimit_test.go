package tfe

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

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
		if err != nil {
			t.Fatal(err)
		}
	}
	// Each goroutine waits for its own reservation; the last one's wait is
	// how long the 60 requests took on the injected clock.
	var longest time.Duration
	for _, d := range ts.clock.sleeps() {
		longest = max(longest, d)
	}
	if longest < 1500*time.Millisecond {
		t.Fatalf("60 requests at 30/s were let through in %s, want at least 1.5 s", longest)
	}
	if ts.count() != 60 {
		t.Errorf("requests = %d", ts.count())
	}
}

func TestServerRateLimitHeaderLowersTheClientRate(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-RateLimit-Limit", "10")
		respond(w, 200, okWorkspace)
	}})
	if err := send(ts, context.Background(), "GET"); err != nil {
		t.Fatal(err)
	}
	if got := ts.client.limiter.Limit(); got != 10*limiterMargin {
		t.Fatalf("limit = %v, want %v (10 with the margin)", got, 10*limiterMargin)
	}
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-2", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-RateLimit-Limit", "100")
		respond(w, 200, okWorkspace)
	}})
	if _, err := requestOne(context.Background(), ts.client, get(apiPath("workspaces", "ws-2"), nil), workspaceDecoder); err != nil {
		t.Fatal(err)
	}
	if got := ts.client.limiter.Limit(); got != 10*limiterMargin {
		t.Fatalf("a higher server limit raised the client's to %v", got)
	}
}

func TestLimiterWaitEndsWithTheContext(t *testing.T) {
	c := &Client{limiter: rate.NewLimiter(1, 1), clock: realClock{}, logger: suiteLogger()}
	if err := c.waitForLimiter(context.Background()); err != nil {
		t.Fatal(err)
	}
	// The next token is a second away; a 10 ms deadline fails at once with
	// an error matching context.DeadlineExceeded, not the limiter's own.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := c.waitForLimiter(ctx)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 50*time.Millisecond {
		t.Fatalf("err = %v after %s", err, time.Since(start))
	}
	// Cancelled while waiting.
	ctx2, cancel2 := context.WithCancel(context.Background())
	time.AfterFunc(10*time.Millisecond, cancel2)
	if err := c.waitForLimiter(ctx2); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	// Already cancelled.
	if err := c.waitForLimiter(ctx2); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

func TestRateLimitSettings(t *testing.T) {
	if got, want := newLimiter(0).Limit(), DefaultRateLimit; got != rate.Limit(want*limiterMargin) {
		t.Errorf("default = %v", got)
	}
	if got := newLimiter(-1).Limit(); got != rate.Inf {
		t.Errorf("negative = %v, want no limit", got)
	}
	if got := newLimiter(5).Limit(); got != 5*limiterMargin {
		t.Errorf("5 = %v", got)
	}
}
