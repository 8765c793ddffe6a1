package tfe

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	retryablehttp "github.com/hashicorp/go-retryablehttp"
)

// The retry policy, in one place:
//   - 429 is always retried (the server did not act on it), after at least
//     the wait the server names in X-RateLimit-Reset or Retry-After, plus
//     jitter; without such a header, after the backoff. When that wait
//     would outlast the context's deadline, the 429 is final at once
//     (ErrRateLimited).
//   - 502, 503, 504 and transport errors are retried only for GET, HEAD,
//     PUT, DELETE and OPTIONS, whose repetition is harmless. POST and PATCH
//     are never re-sent once the server may have acted on them: a retried
//     POST can create a duplicate, a retried SMTP PATCH re-sends its test
//     email. A connection that was never established (dial error) is
//     retried for every method: the server never saw it. A 2xx answer
//     whose body the connection cuts short is a transport error too (see
//     readBody); for POST and PATCH it stays a *DecodeError carrying the
//     2xx status, which tells the caller that the server acted.
//   - Every other answer and error is final, a refused destination or
//     redirect included.
//
// go-retryablehttp runs the loop: CheckRetry (checkRetry) decides whether
// to retry, Backoff (backoff) how long to wait, and the library waits,
// ending the wait when the context ends. A redirect is followed inside
// one attempt, so RetryMax counts retries of the endpoint only.

// newRetryClient builds the retrying client over a copy of hc (which is
// not modified) whose transport is the SDK's.
func (c *Client) newRetryClient(hc *http.Client) *retryablehttp.Client {
	var copied http.Client
	if hc != nil {
		copied = *hc
	}
	copied.Transport = newTransport(c, copied.Transport)
	copied.CheckRedirect = checkRedirect(copied.CheckRedirect)
	return &retryablehttp.Client{
		HTTPClient:   &copied,
		RetryMax:     c.retryMax,
		RetryWaitMin: c.waitMin,
		RetryWaitMax: c.waitMax,
		CheckRetry:   c.checkRetry,
		Backoff:      c.backoff,
		PrepareRetry: nextAttempt,
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
}

// checkRetry is go-retryablehttp's CheckRetry: whether the attempt that
// ended with resp or err is repeated.
func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	method := originalMethod(resp, err)
	if !retryable(method, resp, err) {
		return false, nil
	}
	if wait, named := c.namedWait(resp); named {
		if deadline, ok := ctx.Deadline(); ok && deadline.Before(c.clock.Now().Add(wait)) {
			return false, nil // the 429 goes back to the caller as ErrRateLimited
		}
	}
	c.logger.InfoContext(ctx, "tfe: retrying", "method", method, "status", statusOf(resp), "error", errString(err), "attempt", attemptOf(ctx))
	return true, nil
}

// backoff is go-retryablehttp's Backoff: the wait before retry number
// attempt+1. A 429 waits what the server names plus jitter; anything else
// backs off exponentially, with jitter, between minWait and maxWait.
func (c *Client) backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	wait, named := c.namedWait(resp)
	if named {
		wait += jitter(minWait / 4)
	} else {
		wait = exponential(minWait, maxWait, attempt+1)
	}
	return c.clock.Backoff(wait)
}

// namedWait is the wait a 429 answer names, if it names one.
func (c *Client) namedWait(resp *http.Response) (time.Duration, bool) {
	if resp == nil || resp.StatusCode != http.StatusTooManyRequests {
		return 0, false
	}
	return serverWait(resp.Header, c.clock.Now())
}

// attemptKey is the context key of an attempt's number.
type attemptKey struct{}

// nextAttempt is go-retryablehttp's PrepareRetry: it gives the request of
// each retry its attempt number, which the transport logs.
func nextAttempt(req *http.Request) error {
	*req = *req.WithContext(context.WithValue(req.Context(), attemptKey{}, attemptOf(req.Context())+1))
	return nil
}

// attemptOf returns the number of the attempt ctx belongs to, from 1.
func attemptOf(ctx context.Context) int {
	n, _ := ctx.Value(attemptKey{}).(int)
	return max(n, 1)
}

// originalMethod is the method of the call an attempt's outcome belongs
// to, before any redirect changed it ("" when unknown).
func originalMethod(resp *http.Response, err error) string {
	if resp != nil && resp.Request != nil {
		req := resp.Request
		for req.Response != nil && req.Response.Request != nil {
			req = req.Response.Request
		}
		return req.Method
	}
	var urlErr *url.Error // http.Client names the first request's method
	if errors.As(err, &urlErr) {
		return strings.ToUpper(urlErr.Op)
	}
	return ""
}

// retryable applies the policy to one attempt's outcome.
func retryable(method string, resp *http.Response, err error) bool {
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) ||
			errors.Is(err, errTokenDestination) || errors.Is(err, errBodyToOtherOrigin) {
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

// exponential doubles from minWait for each attempt, capped at maxWait, and
// keeps a random half of the step so that clients do not retry in
// lockstep.
func exponential(minWait, maxWait time.Duration, attempt int) time.Duration {
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
