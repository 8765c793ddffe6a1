package main

// The tests of scaffold.go, which is the same in every example (see
// examples/standalone_test.go): they run here, once.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/examples/internal/demotest"
	"github.com/tfe-sdk/tfe/tfetest"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestConnectWithoutSettingsStartsTheFake(t *testing.T) {
	var out bytes.Buffer
	target, release, err := connect(context.Background(), env(nil), &out)
	require.NoError(t, err)
	defer release()
	assert.Equal(t, fakeBanner+"\n", out.String())
	require.NotNil(t, target.fake)
	assert.Equal(t, fakeOrg, target.org)
	assert.NotEmpty(t, target.seeded.AgentPoolID)
	_, err = target.client.Organizations.Read(context.Background(), fakeOrg)
	assert.NoError(t, err, "the client cannot reach the fake")
}

func TestConnectToAService(t *testing.T) {
	srv := tfetest.NewServer(tfetest.WithOrganization("acme"))
	defer srv.Close()
	var out bytes.Buffer
	vars := map[string]string{"TFE_ADDRESS": srv.URL, "TFE_TOKEN": srv.Token}
	_, _, err := connect(context.Background(), env(vars), &out)
	assert.ErrorContains(t, err, "TFE_ORG")

	vars["TFE_ORG"], vars["TFE_KEEP"] = "acme", "1"
	target, release, err := connect(context.Background(), env(vars), &out)
	require.NoError(t, err)
	release()
	assert.Nil(t, target.fake)
	assert.Equal(t, "acme", target.org)
	assert.True(t, target.keep)
	assert.Empty(t, out.String(), "nothing is printed for a real service")
	assert.Equal(t, 1, demotest.Count(srv, "GET", "organizations/acme"), "the preflight reads the organization once")

	_, err = target.require("TFE_ORG", "TFE_X", "TFE_Y")
	assert.ErrorContains(t, err, "TFE_X, TFE_Y")

	vars["TFE_ADDRESS"] = "http://tfe.example.com"
	_, _, err = connect(context.Background(), env(vars), &out)
	assert.ErrorIs(t, err, tfe.ErrInsecureAddress, "a token over plain HTTP to a remote host")
}

// The preflight stops a run whose address, token or organization is
// wrong, with one request and no retry; any other answer lets it go on.
func TestPreflight(t *testing.T) {
	srv := tfetest.NewServer(tfetest.WithOrganization("acme"))
	defer srv.Close()
	ctx := context.Background()
	cfg := func(address, token string) tfe.Config { return tfe.Config{Address: address, Token: token} }

	err := preflight(ctx, cfg(srv.URL, "wrong"), "acme")
	assert.ErrorIs(t, err, tfe.ErrUnauthorized)
	assert.ErrorContains(t, err, "check TFE_TOKEN")
	assert.NotContains(t, err.Error(), "wrong", "the token is not shown")

	err = preflight(ctx, cfg(srv.URL, srv.Token), "nobody")
	assert.ErrorIs(t, err, tfe.ErrResourceNotFound)
	assert.ErrorContains(t, err, "check TFE_ORG")

	srv.InjectFault(tfetest.Fault{Path: "organizations/acme", Kind: tfetest.FaultStatus, Status: http.StatusServiceUnavailable})
	assert.NoError(t, preflight(ctx, cfg(srv.URL, srv.Token), "acme"), "a 503 is the run's retries' business")
	assert.Equal(t, 3, demotest.Count(srv, "GET", "organizations/*"), "one request each, no retry")

	dead := demotest.DeadAddress(t)
	started := time.Now()
	err = preflight(ctx, cfg(dead, "tok"), "acme")
	assert.ErrorContains(t, err, "cannot reach "+dead+" (TFE_ADDRESS)")
	assert.Less(t, time.Since(started), 2*time.Second)
}

func TestSteps(t *testing.T) {
	var out bytes.Buffer
	s := newSteps(&out, 2)
	s.begin("first")
	s.done("%d things", 2)
	s.begin("second")
	err := s.fail(errors.New("broken"))
	assert.Equal(t, "✓ 1/2 first: 2 things\n✗ 2/2 second: broken\n", out.String())
	assert.EqualError(t, err, "step 2/2 (second): broken")
	assert.Equal(t, []string{"step 2/2 (second)"}, shownAt(err))
}

// Only errors that every part of was printed already count as shown.
func TestShownAt(t *testing.T) {
	a := &shownError{where: "step 1/2 (a)", err: errors.New("x")}
	b := &shownError{where: "cleanup (b)", err: errors.New("y")}
	assert.Equal(t, []string{"step 1/2 (a)", "cleanup (b)"}, shownAt(errors.Join(a, errors.Join(b))))
	assert.Nil(t, shownAt(errors.Join(a, errors.New("not printed"))))
	assert.Nil(t, shownAt(fmt.Errorf("wrapped: %w", a)), "a wrapped error carries more text than was printed")
	assert.Nil(t, shownAt(errors.New("plain")))
}

func TestCleanup(t *testing.T) {
	var out bytes.Buffer
	var order []string
	c := newCleanup(&out, false)
	record := func(name string, err error) func(context.Context) error {
		return func(ctx context.Context) error {
			assert.NoError(t, ctx.Err(), "%s ran on an ended context", name)
			order = append(order, name)
			return err
		}
	}
	c.add("a", "undo a", record("a", nil))
	now := c.add("b", "", record("b", nil))
	c.add("c", "", record("c", errors.New("gone")))
	require.NoError(t, now(context.Background()))
	// An interrupted run still cleans up.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := errors.New("step failed")
	c.finish(ctx, &err)
	assert.Equal(t, "bca", strings.Join(order, ""), "b (now), then c and a in reverse")
	assert.ErrorContains(t, err, "step failed")
	assert.ErrorContains(t, err, "cleanup (c): gone")
	assert.Equal(t, "✗ cleanup: c: gone\n  cleanup: a\n", out.String())
	assert.NoError(t, c.run(context.Background(), nil))
	assert.Len(t, order, 3, "an action ran twice")
}

// With TFE_KEEP, after a 401 and when the service cannot be reached, the
// cleanup calls nothing and says what is left and how to undo it.
func TestCleanupLeavesInPlace(t *testing.T) {
	unauthorized := &tfe.APIError{StatusCode: http.StatusUnauthorized}
	unreachable := fmt.Errorf("tfe: GET /x: %w", &netError{})
	for _, tc := range []struct {
		name  string
		keep  bool
		cause error
		why   string
	}{
		{"keep", true, nil, "TFE_KEEP is set"},
		{"401", false, &shownError{where: "step 1/1 (x)", err: unauthorized}, "the service refused the token"},
		{"unreachable", false, unreachable, "the service cannot be reached"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			c := newCleanup(&out, tc.keep)
			c.add("delete x", "curl x", func(context.Context) error {
				t.Error("ran")
				return nil
			})
			assert.NoError(t, c.run(context.Background(), tc.cause))
			assert.Equal(t, "  left in place ("+tc.why+"), not done: delete x\n    undo: curl x\n", out.String())
		})
	}
}

// A cleanup action answered 401 stops the cleanup: the actions after it
// are listed, not tried.
func TestCleanupStopsAfterA401(t *testing.T) {
	var out bytes.Buffer
	c := newCleanup(&out, false)
	c.add("first", "undo first", func(context.Context) error {
		t.Error("the cleanup went on after a 401")
		return nil
	})
	c.add("second", "undo second", func(context.Context) error {
		return &tfe.APIError{StatusCode: http.StatusUnauthorized}
	})
	err := c.run(context.Background(), nil)
	assert.ErrorIs(t, err, tfe.ErrUnauthorized)
	assert.Contains(t, out.String(), "✗ cleanup: second: ")
	assert.Contains(t, out.String(), "  left in place (the service refused the token), not done: first\n    undo: undo first\n")
}

func TestStopReason(t *testing.T) {
	assert.Empty(t, stopReason(nil))
	assert.Empty(t, stopReason(context.Canceled), "after Ctrl-C the cleanup runs")
	assert.Empty(t, stopReason(fmt.Errorf("x: %w", &netError{timeout: true, ctx: true})), "a request the deadline ended")
	assert.Empty(t, stopReason(&tfe.APIError{StatusCode: http.StatusServiceUnavailable}))
	assert.Empty(t, stopReason(errors.New("the upgrade cannot be confirmed")))
	assert.NotEmpty(t, stopReason(&tfe.APIError{StatusCode: http.StatusUnauthorized}))
	assert.Empty(t, stopReason(&tfe.DecodeError{StatusCode: http.StatusCreated, Err: &netError{}}), "the service answered")
	assert.NotEmpty(t, stopReason(&netError{}))
}

// netError is a transport error, as a refused connection gives.
type netError struct{ timeout, ctx bool }

func (e *netError) Error() string   { return "dial tcp 127.0.0.1:1: connect: connection refused" }
func (e *netError) Timeout() bool   { return e.timeout }
func (e *netError) Temporary() bool { return false }
func (e *netError) Unwrap() error {
	if e.ctx {
		return context.DeadlineExceeded
	}
	return nil
}
