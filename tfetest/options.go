package tfetest

import (
	"slices"
	"time"
)

// Option configures a Server made by NewServer.
type Option func(*config)

type config struct {
	token         string
	addr          string
	latency       time.Duration
	rateLimit     int
	rateLimitKind RateLimitKind
	pingLimit     int
	clock         func() time.Time
	upgradeStates []string
	hcp           bool
	orgs          []string
	strict        bool
}

// defaultToken is the bearer token a Server accepts unless WithToken says
// otherwise.
const defaultToken = "tfetest-token"

// defaultUpgradeStates is the run-state script a no-code workspace upgrade
// walks through, one step per read, unless WithUpgradeStates says otherwise.
var defaultUpgradeStates = []string{"pending", "planning", "planning", "planned"}

// WithToken sets the only bearer token the server accepts (default
// "tfetest-token").
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithAddr makes the server listen on addr (for example "127.0.0.1:8080")
// instead of a free loopback port.
func WithAddr(addr string) Option { return func(c *config) { c.addr = addr } }

// WithLatency delays every answer by d.
func WithLatency(d time.Duration) Option { return func(c *config) { c.latency = d } }

// WithRateLimit limits each token to n requests per second, as a token
// bucket with rate n and burst n. Beyond it the server answers 429 with
// X-RateLimit-Limit: n and X-RateLimit-Reset: the seconds (fractional)
// until a request would be allowed. Zero (the default) means no limit.
func WithRateLimit(n int) Option { return WithRateLimitOf(TokenBucket, n) }

// RateLimitKind is how a rate-limited server counts requests.
type RateLimitKind int

// The kinds of rate limit the server can enforce.
const (
	// TokenBucket lets a token send n requests a second with a burst of n:
	// what WithRateLimit enforces.
	TokenBucket RateLimitKind = iota
	// NoBurst refuses a request that comes less than 1/n second after the
	// last one it let in.
	NoBurst
	// FixedWindow lets in n requests in each whole second of the clock and
	// refuses the rest until the next second begins.
	FixedWindow
)

// WithRateLimitOf limits each token to n requests per second, counted the
// way kind says; beyond it the server answers 429 as WithRateLimit says,
// X-RateLimit-Reset naming the wait until the next request would be let
// in. It is for testing clients against strict servers.
func WithRateLimitOf(kind RateLimitKind, n int) Option {
	return func(c *config) { c.rateLimit, c.rateLimitKind = n, kind }
}

// WithPingRateLimit sets the X-RateLimit-Limit that GET /api/v2/ping
// announces while the server enforces no limit (no WithRateLimit): n
// requests per second, or no header at all for a negative n. The default
// is 30, the service's documented limit. Nothing is enforced either way.
// It is for benchmarks of clients that limit themselves from the ping's
// figure (go-tfe runs at two thirds of it): a high n keeps such a client
// from throttling itself against a server that does not limit. With
// WithRateLimit, ping announces the enforced limit and n is ignored.
func WithPingRateLimit(n int) Option { return func(c *config) { c.pingLimit = n } }

// WithClock replaces time.Now for the rate limiter and for the timestamps
// the server reports, so tests can move time without sleeping.
func WithClock(now func() time.Time) Option { return func(c *config) { c.clock = now } }

// WithUpgradeStates scripts the run states a no-code workspace upgrade goes
// through: the initiating POST answers states[0] and each later read moves
// one step on, staying at the last. The default is pending, planning,
// planning, planned. Any string is allowed, so a test can end the script in
// errored, planned_and_finished or a state the SDK does not know.
func WithUpgradeStates(states ...string) Option {
	return func(c *config) { c.upgradeStates = slices.Clone(states) }
}

// WithHCPTerraform makes the server act as HCP Terraform rather than
// Terraform Enterprise: every admin/* endpoint answers 404.
func WithHCPTerraform() Option { return func(c *config) { c.hcp = true } }

// WithOrganization seeds an organization named name (email
// <name>@example.com) before the server starts.
func WithOrganization(name string) Option {
	return func(c *config) { c.orgs = append(c.orgs, name) }
}

// WithStrictAttributes makes the server refuse, with 422 and a
// source.pointer, any attribute or relationship in a request body that is
// not on its lists, instead of ignoring it as the service does with names
// it does not use. It is for SDK authors: a misspelled wire name fails
// loudly. This SDK's own tests run strict.
func WithStrictAttributes() Option { return func(c *config) { c.strict = true } }
