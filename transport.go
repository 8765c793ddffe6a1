package tfe

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// errTokenDestination refuses to send a request to a destination the API
// token must not travel to.
var errTokenDestination = errors.New("refusing to send the request: the destination is plain http:// on a host that is not loopback")

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

// RoundTrip implements http.RoundTripper. It runs for each attempt and for
// each redirect an attempt follows.
func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	c := t.client
	ctx := req.Context()
	if err := c.checkDestination(req); err != nil {
		return nil, err
	}
	if err := c.waitForLimiter(ctx); err != nil {
		return nil, err
	}
	out := withoutForeignToken(c, req)
	start := c.clock.Now()
	resp, err := t.base.RoundTrip(out)
	c.logAttempt(ctx, req, attemptOf(ctx), resp, err, c.clock.Now().Sub(start))
	if resp != nil {
		c.observeRateLimit(resp.Header)
	}
	c.observeServer(req, resp)
	return resp, err
}

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
