package tfe

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	cleanhttp "github.com/hashicorp/go-cleanhttp"
)

// errTokenDestination refuses to send a request to a destination the API
// token must not travel to.
var errTokenDestination = errors.New("refusing to send the request: the destination is plain http:// on a host that is not loopback")

// errBodyToOtherOrigin refuses a redirect that would carry the request
// body to another origin.
var errBodyToOtherOrigin = errors.New("refusing to follow a redirect to another origin with the request body")

// maxRedirects is how many redirects a request follows, as net/http's
// default policy allows.
const maxRedirects = 10

// checkRedirect returns the CheckRedirect of the SDK's copy of the HTTP
// client: a redirect that would re-send the request body (a 307 or 308 of
// a POST, PATCH or PUT) to another origin (scheme, host or port) fails,
// naming the target origin, before anything is sent there. Others go on
// to next, the caller's own policy, or net/http's default one.
func checkRedirect(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		hasBody := req.ContentLength > 0 || (req.Body != nil && req.Body != http.NoBody)
		if hasBody && !sameOrigin(req.URL, via[0].URL) {
			return fmt.Errorf("tfe: redirect to %s: %w", origin(req.URL), errBodyToOtherOrigin)
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= maxRedirects {
			return fmt.Errorf("tfe: stopped after %d redirects", maxRedirects)
		}
		return nil
	}
}

// sameOrigin reports whether a and b have the same scheme, host and port.
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && portOf(a) == portOf(b)
}

// portOf is u's port, the scheme's default when it names none.
func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "http") {
		return "80"
	}
	return "443"
}

// origin is u's scheme and host, without path, query or user information.
func origin(u *url.URL) string {
	return u.Scheme + "://" + u.Host
}

// isHTTPURL reports whether u is an absolute http(s) URL: the address a
// client is made for, or an upload link.
func isHTTPURL(u *url.URL) bool {
	return (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// transport is the http.RoundTripper under the retrying client. Every
// attempt passes here: it waits for the rate limiter, checks the
// destination, keeps the token only on the API's own host, observes the
// server's rate limit, and logs the attempt.
type transport struct {
	client *Client
	base   http.RoundTripper
}

// newTransport wraps base (a pooled transport of the Client's own when nil).
func newTransport(c *Client, base http.RoundTripper) *transport {
	if base == nil {
		// A connection pool of the Client's own, as go-retryablehttp's
		// default client has: http.DefaultTransport is shared by the whole
		// process, and whoever closes its idle connections (an
		// httptest.Server closing, another library) breaks a POST that was
		// about to reuse one, which no retry may repeat.
		base = cleanhttp.DefaultPooledTransport()
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
	if c.isAPIOrigin(req.URL) || req.Header.Get("Authorization") == "" {
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
	if c.plainHTTPAllowed && c.isAPIOrigin(req.URL) {
		return nil
	}
	return fmt.Errorf("tfe: %s: %w", req.URL.Redacted(), errTokenDestination)
}
