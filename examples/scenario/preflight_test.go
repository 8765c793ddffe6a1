package scenario_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tfe-sdk/tfe/examples/internal/demotest"
	"github.com/tfe-sdk/tfe/examples/scenario"
	"github.com/tfe-sdk/tfe/tfetest"
)

// noop is a scenario that does nothing.
func noop(context.Context, *scenario.Target, io.Writer) error { return nil }

// The preflight stops a run whose token or organization is wrong, with
// one request, no retry and the token not shown; any other answer lets
// the run go on.
func TestPreflight(t *testing.T) {
	srv, vars := demotest.Service(t, nil)
	for _, tc := range []struct {
		name, setting, value string
		code                 int
		stderr, status       string
	}{
		{"wrong token", "TFE_TOKEN", "not-the-token", 1, "demo: the service refused the token, check TFE_TOKEN: ", "401 Unauthorized"},
		{"unknown organization", "TFE_ORG", "nobody", 1, `demo: organization "nobody" is not there, or the token may not see it; check TFE_ORG: `, "404 Not Found"},
		{"right", "TFE_ORG", "demo-org", 0, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv.ResetRequests()
			run := map[string]string{}
			for k, v := range vars {
				run[k] = v
			}
			run[tc.setting] = tc.value
			code, stdout, stderr := demotest.Main("demo", noop, run)
			assert.Equal(t, tc.code, code)
			assert.Empty(t, stdout)
			assert.True(t, strings.HasPrefix(stderr, tc.stderr), stderr)
			assert.NotContains(t, stderr, "not-the-token")
			if tc.status != "" {
				assert.Equal(t, 1, strings.Count(stderr, tc.status), "the error is printed once")
			}
			assert.Len(t, srv.Requests(), 1)
		})
	}

	srv.ResetRequests()
	srv.InjectFault(tfetest.Fault{Path: "organizations/demo-org", Kind: tfetest.FaultStatus, Status: http.StatusServiceUnavailable})
	code, _, stderr := demotest.Main("demo", noop, vars)
	assert.Equal(t, 0, code, "a 503 is the run's retries' business: %s", stderr)
	assert.Len(t, srv.Requests(), 1, "no retry")
}

// Against an address nothing listens on, the run fails at once, with the
// transport's error printed once.
func TestPreflightNothingListening(t *testing.T) {
	dead := demotest.DeadAddress(t)
	started := time.Now()
	code, stdout, stderr := demotest.Main("demo", noop, map[string]string{"TFE_ADDRESS": dead, "TFE_TOKEN": "tok", "TFE_ORG": "acme"})
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.True(t, strings.HasPrefix(stderr, "demo: cannot reach "+dead+" (TFE_ADDRESS): "), stderr)
	assert.Equal(t, 1, strings.Count(stderr, "connection refused"))
	assert.Less(t, time.Since(started), 2*time.Second)
}
