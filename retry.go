package tfe

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"time"

	retryablehttp "github.com/hashicorp/go-retryablehttp"
)

// The retry policy, in one place:
//   - 429 is always retried (the server did not act on it), after at least
//     the wait the server names in X-RateLimit-Reset or Retry-After, plus
//     jitter; without such a header, after the backoff.
//   - 502, 503, 504 and transport errors are retried only for GET, HEAD,
//     PUT, DELETE and OPTIONS, whose repetition is harmless. POST and PATCH
//     are never re-sent once the server may have acted on them: a retried
//     POST can create a duplicate, a retried SMTP PATCH re-sends its test
//     email. A connection that was never established (dial error) is
//     retried for every method: the server never saw it. A 2xx answer
//     whose body the connection cuts short is a transport error too (the
//     transport reads such bodies inside the attempt, see bufferBody);
//     for POST and PATCH it stays a *DecodeError carrying the 2xx status,
//     which tells the caller that the server acted.
//   - Every other answer and error is final.
//
// go-retryablehttp runs the loop: it rewinds the body and re-sends. Its own
// timer cannot be replaced, so the wait happens here, in CheckRetry, on the
// client's clock (tests inject one that does not sleep), and Backoff
// returns zero.

// newRetryClient builds the retrying client over a copy of hc (which is
// not modified) whose transport is the SDK's.
func (c *Client) newRetryClient(hc *http.Client) *retryablehttp.Client {
	var copied http.Client
	if hc != nil {
		copied = *hc
	}
	copied.Transport = newTransport(c, copied.Transport)
	return &retryablehttp.Client{
		HTTPClient:   &copied,
		RetryMax:     c.retryMax,
		RetryWaitMin: c.waitMin,
		RetryWaitMax: c.waitMax,
		CheckRetry:   c.checkRetry,
		Backoff:      func(time.Duration, time.Duration, int, *http.Response) time.Duration { return 0 },
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
}

// checkRetry is go-retryablehttp's CheckRetry: it decides whether the
// attempt just made is re-sent and, if so, waits before saying yes.
func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	st := callStateFrom(ctx, "")
	if err == nil && st.bodyErr != nil {
		err = st.bodyErr // the answer's body was cut short
	}
	attempt := int(st.attempts.Load())
	if attempt > c.retryMax || !retryable(st.method, resp, err) {
		return false, nil
	}
	wait := c.retryWait(resp, attempt)
	if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
		if deadline, ok := ctx.Deadline(); ok && deadline.Before(c.clock.Now().Add(wait)) {
			return false, nil // the 429 goes back to the caller as ErrRateLimited
		}
	}
	drain(resp)
	c.logger.InfoContext(ctx, "tfe: retrying", "method", st.method, "status", statusOf(resp), "error", errString(err), "attempt", attempt, "wait", wait)
	if err := c.clock.Sleep(ctx, wait); err != nil {
		return false, err
	}
	return true, nil
}

// retryable applies the policy to one attempt's outcome.
func retryable(method string, resp *http.Response, err error) bool {
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, errTokenDestination) {
			return false
		}
		return neverReachedServer(err) || idempotent(method)
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests:
		return true
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return idempotent(method)
	}
	return false
}

// idempotent reports whether repeating a request of this method is
// harmless.
func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// neverReachedServer reports whether err happened while dialling, before
// any byte of the request was sent.
func neverReachedServer(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// retryWait is the wait before retry number attempt: the server's named
// wait for a 429 plus jitter, else exponential backoff with jitter between
// RetryWaitMin and RetryWaitMax.
func (c *Client) retryWait(resp *http.Response, attempt int) time.Duration {
	if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
		if wait, ok := serverWait(resp.Header, c.clock.Now()); ok {
			return wait + jitter(c.waitMin/4)
		}
	}
	return backoff(c.waitMin, c.waitMax, attempt)
}

// backoff doubles from min for each attempt, capped at max, and keeps a
// random half of the step so that clients do not retry in lockstep.
func backoff(minWait, maxWait time.Duration, attempt int) time.Duration {
	d := minWait
	for i := 1; i < attempt && d < maxWait; i++ {
		d *= 2
	}
	d = min(d, maxWait)
	return d/2 + jitter(d/2)
}

// jitter returns a random duration in [0, upTo).
func jitter(upTo time.Duration) time.Duration {
	if upTo <= 0 {
		return 0
	}
	return rand.N(upTo)
}

// drain reads what is left of a body (bounded) and closes it, so the
// connection can be reused while the client waits.
func drain(resp *http.Response) {
	if resp == nil || resp.Body == nil {
		return
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	resp.Body.Close()
}

func statusOf(resp *http.Response) int {
	if resp == nil {
		return 0
	}
	return resp.StatusCode
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
