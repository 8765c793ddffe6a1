package tfetest

import (
	"net/http"
	"time"

	"github.com/tfe-sdk/tfe"
)

// Config returns a tfe.Config for this server, to adjust before
// tfe.NewClient: its address and token, the /api/v2/ base path, and retry
// waits of 1 ms to 20 ms so retries against the fake are fast. The
// client-side rate limit is off (RateLimit -1): the fake limits nothing
// unless WithRateLimit is given, and then every answer's
// X-RateLimit-Limit lowers the client's limit to the server's.
func (s *Server) Config() *tfe.Config {
	return &tfe.Config{
		Address:      s.URL,
		BasePath:     "/api/v2/",
		Token:        s.Token,
		Headers:      http.Header{},
		RetryWaitMin: time.Millisecond,
		RetryWaitMax: 20 * time.Millisecond,
		RateLimit:    -1,
	}
}

// Client returns a *tfe.Client configured for this server by Config. It
// panics if tfe.NewClient refuses the configuration, which would be a bug
// in this package.
func (s *Server) Client() *tfe.Client {
	c, err := tfe.NewClient(s.Config())
	if err != nil {
		panic("tfetest: tfe.NewClient: " + err.Error())
	}
	return c
}
