package tfe

import (
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	retryablehttp "github.com/hashicorp/go-retryablehttp"
	"golang.org/x/time/rate"
)

// Version is this SDK's version, sent in the User-Agent header.
const Version = "0.1.0"

// Defaults used when a Config field is left zero.
const (
	DefaultAddress      = "https://app.terraform.io"
	DefaultBasePath     = "/api/v2/"
	DefaultRetryMax     = 5
	DefaultRetryWaitMin = 500 * time.Millisecond
	DefaultRetryWaitMax = 8 * time.Second
	// DefaultRateLimit is the API's documented limit: 30 requests per
	// second per user.
	DefaultRateLimit = 30.0
)

// Config configures a Client. The zero value of each field means its
// default; DefaultConfig fills them from the environment.
type Config struct {
	// Address is the service's URL (default TFE_ADDRESS, else
	// https://app.terraform.io).
	Address string
	// BasePath is the API's path under Address (default /api/v2/).
	BasePath string
	// Token is the API token (default TFE_TOKEN, then TF_TOKEN_<host>, then
	// the Terraform CLI credentials file entry for the address's host).
	Token string
	// Headers are sent with every request. They cannot replace the
	// Authorization, Accept, Content-Type or User-Agent headers.
	Headers http.Header
	// HTTPClient is used for the requests. The client is not modified: the
	// SDK uses a shallow copy whose transport wraps this one's, and whose
	// redirect policy refuses to carry a request body to another origin
	// before applying this one's. Nil means a client with a connection pool
	// of its own.
	HTTPClient *http.Client
	// RetryMax is the number of retries after the first attempt: 0 means
	// the default (5), a negative value means none.
	RetryMax int
	// RetryWaitMin and RetryWaitMax bound the backoff of 5xx and transport
	// error retries (defaults 500 ms and 8 s). A 429 waits what the server
	// asks, even past RetryWaitMax, bounded by the context.
	RetryWaitMin time.Duration
	// RetryWaitMax is the longest backoff between 5xx or transport error
	// retries.
	RetryWaitMax time.Duration
	// RateLimit is the most requests per second this client sends, shared
	// by all its goroutines (default 30); it spaces them evenly at 97% of
	// it, so that a server allowing no burst refuses none. A negative value
	// turns the client-side limit off. A server answering X-RateLimit-Limit
	// with a lower figure lowers it.
	RateLimit float64
	// Logger receives a debug record per request attempt and, at debug
	// level, the redacted bodies. Nil means silent, unless TFE_LOG=debug is
	// set, in which case debug logs go to stderr.
	Logger *slog.Logger
	// UserAgent is appended after the SDK's own "tfe-go/<version>" token.
	UserAgent string
	// SendTokenOverPlainHTTP allows an http:// Address on a host that is
	// not loopback. The API token then travels in clear text: only use it
	// on a network you trust completely.
	SendTokenOverPlainHTTP bool
}

// DefaultConfig returns a Config with every default filled in, reading
// TFE_ADDRESS and TFE_TOKEN from the environment. The remaining token
// sources (TF_TOKEN_<host>, the credentials file) are read by NewClient
// when Token is empty.
func DefaultConfig() *Config {
	address := os.Getenv("TFE_ADDRESS")
	if address == "" {
		address = DefaultAddress
	}
	return &Config{
		Address:      address,
		BasePath:     DefaultBasePath,
		Token:        os.Getenv("TFE_TOKEN"),
		Headers:      make(http.Header),
		RetryMax:     DefaultRetryMax,
		RetryWaitMin: DefaultRetryWaitMin,
		RetryWaitMax: DefaultRetryWaitMax,
		RateLimit:    DefaultRateLimit,
	}
}

// Client talks to the API. It is safe for concurrent use; all its
// goroutines share one rate limiter.
type Client struct {
	// Workspaces manages workspaces and looks them up by name.
	Workspaces Workspaces
	// Projects manages projects.
	Projects Projects
	// Variables manages workspace variables.
	Variables Variables
	// VariableSets manages variable sets and where they apply.
	VariableSets VariableSets
	// VariableSetVariables manages the variables inside a variable set.
	VariableSetVariables VariableSetVariables
	// RegistryModules manages private registry modules.
	RegistryModules RegistryModules
	// NoCodeModules manages no-code provisioning.
	NoCodeModules NoCodeModules
	// Organizations manages organizations and their default settings.
	Organizations Organizations
	// TokenTTLPolicies manages the organization's API token lifetime caps.
	TokenTTLPolicies TokenTTLPolicies
	// Admin holds the Terraform Enterprise site-admin services.
	Admin Admin

	baseURL   *url.URL
	token     string
	userAgent string
	headers   http.Header
	logger    *slog.Logger
	limiter   *rate.Limiter // orders the requests (waitForLimiter)
	pacer     *rate.Limiter // spaces them as they leave (waitForLimiter)
	clock     clock
	retryMax  int
	waitMin   time.Duration
	waitMax   time.Duration
	http      *retryablehttp.Client
	server    serverInfoCache

	plainHTTPAllowed bool
}

// Admin groups the Terraform Enterprise site-admin services.
type Admin struct {
	// SMTP manages the SMTP relay settings.
	SMTP AdminSMTP
}

// NewClient returns a Client for cfg (nil means DefaultConfig()). It makes
// no network request; it fails on an unusable address, a missing token or
// an inconsistent setting.
func NewClient(cfg *Config) (*Client, error) {
	if cfg == nil {
		cfg = DefaultConfig()
	}
	c := &Client{clock: realClock{}}
	if err := c.configure(cfg); err != nil {
		return nil, err
	}
	c.http = c.newRetryClient(cfg.HTTPClient)
	c.Workspaces = &workspaces{client: c}
	c.Projects = &projects{client: c}
	c.Variables = &variables{client: c}
	c.VariableSets = &variableSets{client: c}
	c.VariableSetVariables = &variableSetVariables{client: c}
	c.RegistryModules = &registryModules{client: c}
	c.NoCodeModules = &noCodeModules{client: c}
	c.Organizations = &organizations{client: c}
	c.TokenTTLPolicies = &tokenTTLPolicies{client: c}
	c.Admin = Admin{SMTP: &adminSMTP{client: c}}
	return c, nil
}

// configure copies cfg into c, filling defaults and checking each setting.
func (c *Client) configure(cfg *Config) error {
	base, err := baseURL(cfg)
	if err != nil {
		return err
	}
	if base.Scheme == "http" && !isLoopback(base.Hostname()) && !cfg.SendTokenOverPlainHTTP {
		return fmt.Errorf("tfe: address %s: %w", base.Redacted(), ErrInsecureAddress)
	}
	c.baseURL = base
	c.plainHTTPAllowed = cfg.SendTokenOverPlainHTTP
	if c.token, err = resolveToken(cfg, base); err != nil {
		return err
	}
	c.retryMax = cfg.RetryMax
	switch {
	case c.retryMax == 0:
		c.retryMax = DefaultRetryMax
	case c.retryMax < 0:
		c.retryMax = 0
	}
	c.waitMin = orDefault(cfg.RetryWaitMin, DefaultRetryWaitMin)
	c.waitMax = orDefault(cfg.RetryWaitMax, DefaultRetryWaitMax)
	if c.waitMin > c.waitMax {
		return fmt.Errorf("tfe: RetryWaitMin %s is longer than RetryWaitMax %s", c.waitMin, c.waitMax)
	}
	c.limiter, c.pacer = newLimiter(cfg.RateLimit), newLimiter(cfg.RateLimit)
	c.logger = newLogger(cfg.Logger, os.Getenv)
	c.userAgent = strings.TrimSpace("tfe-go/" + Version + " " + cfg.UserAgent)
	c.headers = cfg.Headers.Clone()
	return nil
}

// baseURL joins Address and BasePath into the URL every path is relative
// to.
func baseURL(cfg *Config) (*url.URL, error) {
	address := cfg.Address
	if address == "" {
		address = os.Getenv("TFE_ADDRESS")
	}
	if address == "" {
		address = DefaultAddress
	}
	u, err := url.Parse(address)
	if err != nil {
		return nil, fmt.Errorf("tfe: invalid address: %w", err)
	}
	if !isHTTPURL(u) {
		return nil, fmt.Errorf("tfe: invalid address %q: want https://host[:port]", u.Redacted())
	}
	if u.User != nil {
		return nil, fmt.Errorf("tfe: invalid address %q: credentials in the URL are not supported", u.Redacted())
	}
	basePath := cfg.BasePath
	if basePath == "" {
		basePath = DefaultBasePath
	}
	u.Path = strings.TrimSuffix(u.Path, "/") + "/" + strings.Trim(basePath, "/") + "/"
	u.RawPath, u.RawQuery, u.Fragment = "", "", ""
	return u, nil
}

// resolveToken returns Config.Token or, when it is empty, the first token
// found by tokenLookup.
func resolveToken(cfg *Config, base *url.URL) (string, error) {
	if cfg.Token != "" {
		return cfg.Token, nil
	}
	token, _, err := tokenLookup(base.String(), os.Getenv, runtime.GOOS)
	if err != nil {
		return "", fmt.Errorf("tfe: reading the API token: %w", err)
	}
	if token == "" {
		return "", fmt.Errorf("tfe: %w", ErrMissingToken)
	}
	return token, nil
}

// isLoopback reports whether host is localhost or a loopback IP address.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
