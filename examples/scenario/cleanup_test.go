package scenario_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/examples/internal/demotest"
	"github.com/tfe-sdk/tfe/examples/scenario"
	"github.com/tfe-sdk/tfe/tfetest"
)

func TestCleanup(t *testing.T) {
	var out bytes.Buffer
	var order []string
	c := scenario.NewCleanup(&out, false)
	record := func(name string, err error) func(context.Context) error {
		return func(ctx context.Context) error {
			assert.NoError(t, ctx.Err(), "%s ran on an ended context", name)
			order = append(order, name)
			return err
		}
	}
	c.Add("a", "undo a", record("a", nil))
	now := c.Add("b", "", record("b", nil))
	c.Add("c", "", record("c", errors.New("gone")))
	require.NoError(t, now(context.Background()))
	// An interrupted run still cleans up.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := errors.New("step failed")
	c.Finish(ctx, &err)
	assert.Equal(t, "bca", strings.Join(order, ""), "b (now), then c and a in reverse")
	assert.ErrorContains(t, err, "step failed")
	assert.ErrorContains(t, err, "cleanup (c): gone")
	assert.Equal(t, "✗ cleanup: c: gone\n  cleanup: a\n", out.String())
	assert.NoError(t, c.Run(context.Background(), nil))
	assert.Len(t, order, 3, "an action ran twice")
}

// With keep, after a 401 and when the service cannot be reached, the
// cleanup calls nothing and says what is left and how to undo it; after
// any other error, Ctrl-C or the timeout included, it cleans up.
func TestCleanupAfter(t *testing.T) {
	refused := "left in place (the service refused the token)"
	unreachable := "left in place (the service cannot be reached)"
	for _, tc := range []struct {
		name  string
		keep  bool
		cause error
		want  string
	}{
		{"keep", true, nil, "left in place (TFE_KEEP is set)"},
		{"401", false, stepFailed(&tfe.APIError{StatusCode: http.StatusUnauthorized}), refused},
		{"unreachable", false, fmt.Errorf("tfe: GET /x: %w", &netError{}), unreachable},
		{"success", false, nil, "cleanup"},
		{"Ctrl-C", false, context.Canceled, "cleanup"},
		{"a request the deadline ended", false, fmt.Errorf("x: %w", &netError{timeout: true, ctx: true}), "cleanup"},
		{"503", false, &tfe.APIError{StatusCode: http.StatusServiceUnavailable}, "cleanup"},
		{"answered, not read", false, &tfe.DecodeError{StatusCode: http.StatusCreated, Err: &netError{}}, "cleanup"},
		{"the scenario's own", false, errors.New("the upgrade cannot be confirmed"), "cleanup"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			c := scenario.NewCleanup(&out, tc.keep)
			ran := false
			c.Add("delete x", "curl x", func(context.Context) error {
				ran = true
				return nil
			})
			assert.NoError(t, c.Run(context.Background(), tc.cause))
			if tc.want == "cleanup" {
				assert.True(t, ran)
				assert.Equal(t, "  cleanup: delete x\n", out.String())
				return
			}
			assert.False(t, ran)
			assert.Equal(t, "  "+tc.want+", not done: delete x\n    undo: curl x\n", out.String())
		})
	}
}

// A cleanup action answered 401, or not answered, stops the cleanup: the
// actions after it are listed, not tried.
func TestCleanupStops(t *testing.T) {
	for _, tc := range []struct {
		err error
		why string
	}{
		{&tfe.APIError{StatusCode: http.StatusUnauthorized}, "the service refused the token"},
		{&netError{}, "the service cannot be reached"},
	} {
		t.Run(tc.why, func(t *testing.T) {
			var out bytes.Buffer
			c := scenario.NewCleanup(&out, false)
			c.Add("first", "undo first", func(context.Context) error {
				t.Error("the cleanup went on")
				return nil
			})
			c.Add("second", "", func(context.Context) error { return tc.err })
			err := c.Run(context.Background(), nil)
			assert.ErrorIs(t, err, tc.err)
			assert.Equal(t, "✗ cleanup: second: "+tc.err.Error()+"\n  left in place ("+tc.why+"), not done: first\n    undo: undo first\n", out.String())
		})
	}
}

// The command UndoDelete writes deletes what it names.
func TestUndoDelete(t *testing.T) {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes())
	defer srv.Close()
	d := srv.SeedDemo("acme")
	v := srv.AddWorkspaceVariable(d.WorkspaceID, tfetest.Variable{Key: "k", Value: "v", Category: "env"})
	cmd := scenario.UndoDelete("workspaces/" + d.WorkspaceID + "/vars/" + v)
	assert.NotContains(t, cmd, srv.Token)
	assert.Equal(t, []string{"/api/v2/workspaces/" + d.WorkspaceID + "/vars/" + v}, demotest.Undo(t, srv, cmd))
	assert.Empty(t, srv.WorkspaceVariables(d.WorkspaceID))
}

// stepFailed is err as a failed step returns it.
func stepFailed(err error) error {
	s := scenario.NewSteps(&bytes.Buffer{}, 1)
	s.Begin("x")
	return s.Fail(err)
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
