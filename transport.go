package tfe

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
)

// errTokenDestination refuses to send a request to a destination the API
// token must not travel to.
var errTokenDestination = errors.New("refusing to send the request: the destination is plain http:// on a host that is not loopback")

// callState follows one API call through its attempts, which run one
// after another on the caller's goroutine.
type callState struct {
	method   string
	attempts atomic.Int32
	// bodyErr is the error that cut short the last attempt's 2xx answer
	// body (see bufferBody); nil when the body arrived whole.
	bodyErr error
}

type callStateKey struct{}

// withCallState returns a context that carries a fresh callState.
func withCallState(ctx context.Context, method string) context.Context {
	return context.WithValue(ctx, callStateKey{}, &callState{method: method})
}

// callStateFrom returns the call's state, or a fresh one for a request that
// did not come through Client.do.
func callStateFrom(ctx context.Context, method string) *callState {
	if st, ok := ctx.Value(callStateKey{}).(*callState); ok {
		return st
	}
	return &callState{method: method}
}

// transport is the http.RoundTripper under the retrying client. Every
// attempt passes here: it waits for the rate limiter, checks the
// destination, keeps the token only on the API's own host, observes the
// server's rate limit, and logs the attempt.
type transport struct {
	client *Client
	base   http.RoundTripper
}

// newTransport wraps base (http.DefaultTransport when nil).
func newTransport(c *Client, base http.RoundTripper) *transport {
	if base == nil {
		base = http.DefaultTransport
	}
	return &transport{client: c, base: base}
}

// RoundTrip implements http.RoundTripper.
func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	c := t.client
	ctx := req.Context()
	st := callStateFrom(ctx, req.Method)
	attempt := int(st.attempts.Add(1))
	if err := c.checkDestination(req); err != nil {
		return nil, err
	}
	if err := c.waitForLimiter(ctx); err != nil {
		return nil, err
	}
	out := withoutForeignToken(c, req)
	start := c.clock.Now()
	resp, err := t.base.RoundTrip(out)
	st.bodyErr = nil
	if err == nil && idempotent(req.Method) && resp.StatusCode >= 200 && resp.StatusCode <= 299 {
		st.bodyErr = bufferBody(resp)
	}
	c.logAttempt(ctx, req, attempt, resp, cmp.Or(err, st.bodyErr), c.clock.Now().Sub(start))
	if resp != nil {
		c.observeRateLimit(resp.Header)
	}
	return resp, err
}

// bufferBody reads a 2xx answer's body whole (bounded as readAnswer
// bounds it) inside the attempt, so that a body the connection cuts short
// is a transport error of this attempt, which the retry policy repeats for
// a method safe to repeat. The body is replaced by the bytes read, followed
// by the read error if any: an attempt that is not repeated reads as it
// would have read unbuffered, and readAnswer takes the bytes without a copy.
func bufferBody(resp *http.Response) error {
	data, err := readBody(resp)
	resp.Body.Close()
	resp.Body = &bufferedBody{Reader: bytes.NewReader(data), data: data, err: err}
	return err
}

// bufferedBody is an answer body already read: its bytes, then the error
// that ended the read, if any.
type bufferedBody struct {
	*bytes.Reader
	data []byte
	err  error
}

// Read reads the buffered bytes, then returns the read error (or io.EOF).
func (b *bufferedBody) Read(p []byte) (int, error) {
	n, err := b.Reader.Read(p)
	if err == io.EOF && b.err != nil {
		return n, b.err
	}
	return n, err
}

// Close does nothing: the connection's body was closed when buffered.
func (b *bufferedBody) Close() error { return nil }

// withoutForeignToken returns req, or a copy without the Authorization
// header when req is bound for another host than the API's (a redirect):
// the token never leaves the API's host. Client.do sets the header, so the
// common case costs no copy.
func withoutForeignToken(c *Client, req *http.Request) *http.Request {
	if c.isAPIHost(req) || req.Header.Get("Authorization") == "" {
		return req
	}
	out := req.Clone(req.Context())
	out.Header.Del("Authorization")
	return out
}

// checkDestination refuses plain http to a host that is not loopback,
// unless the caller opted in (also when a redirect leads there).
func (c *Client) checkDestination(req *http.Request) error {
	if req.URL.Scheme == "https" || isLoopback(req.URL.Hostname()) {
		return nil
	}
	if c.plainHTTPAllowed && c.isAPIHost(req) {
		return nil
	}
	return fmt.Errorf("tfe: %s: %w", req.URL.Redacted(), errTokenDestination)
}

// isAPIHost reports whether req goes to the configured API's scheme and
// host, the only place the token is sent: a redirect elsewhere loses it.
func (c *Client) isAPIHost(req *http.Request) bool {
	return strings.EqualFold(req.URL.Scheme, c.baseURL.Scheme) && strings.EqualFold(req.URL.Host, c.baseURL.Host)
}
