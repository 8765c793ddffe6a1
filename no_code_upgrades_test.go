package tfe

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const upgradePathPattern = "/no-code-modules/nocode-1/workspaces/ws-1/upgrade/run-1"

// upgradeAnswer is a workspace-upgrade document in status.
func upgradeAnswer(id, status string) string {
	return fmt.Sprintf(`{"data":{"id":%q,"type":"workspace-upgrade","attributes":{"status":%q,"plan-url":"https://app.terraform.io/app/org/ws-1/runs/%s"},"relationships":{"workspace":{"data":{"id":"ws-1","type":"workspaces"}}}}}`, id, status, id)
}

// scriptedStates answers each read with the next state of states, and
// the last one from then on.
func scriptedStates(ts *testServer, states ...string) http.HandlerFunc {
	var mu sync.Mutex
	next := 0
	return func(w http.ResponseWriter, r *http.Request) {
		checkRequest(ts, r, "GET", nil)
		mu.Lock()
		state := states[min(next, len(states)-1)]
		next++
		mu.Unlock()
		respond(w, 200, upgradeAnswer("run-1", state))
	}
}

func TestNoCodeModulesReadWorkspaceUpgrade(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/no-code-modules/nocode-WGckovT2RQxupyt1/workspaces/ws-qACTToFUM5BvDKhC/upgrade/run-Cyij8ctBHM1g5xdX",
		status: 200, fixture: "no_code_modules/read_upgrade.response.json",
	})

	up, err := ts.client.NoCodeModules.ReadWorkspaceUpgrade(context.Background(),
		"nocode-WGckovT2RQxupyt1", "ws-qACTToFUM5BvDKhC", "run-Cyij8ctBHM1g5xdX")
	require.NoError(t, err)
	assert.Equal(t, "run-Cyij8ctBHM1g5xdX", up.ID)
	assert.Equal(t, "planned_and_finished", up.Status)
	if assert.NotNil(t, up.Workspace, "workspace") {
		assert.Equal(t, "ws-VvKtcfueHNkR6GqP", up.Workspace.ID)
	}
	assert.Equal(t, "https://app.terraform.io/app/my-organization/no-code-workspace/runs/run-Cyij8ctBHM1g5xdX", up.PlanURL)
	assert.True(t, up.Confirmable(), "planned_and_finished is confirmable")
	assert.False(t, up.InProgress(), "planned_and_finished is not in progress")
	assert.False(t, up.Failed(), "planned_and_finished is not failed")
	assert.False(t, up.Applied(), "planned_and_finished is not applied")
}

func TestNoCodeModulesConfirmWorkspaceUpgrade(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "POST", path: upgradePathPattern, anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		checkRequest(ts, r, "POST", nil)
		checkBody(ts, r, "")
		// The documented answer is plain text, not a JSON:API document.
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, "Workspace update completed")
	}})

	require.NoError(t, ts.client.NoCodeModules.ConfirmWorkspaceUpgrade(context.Background(), "nocode-1", "ws-1", "run-1"))
}

func TestNoCodeModulesConfirmWorkspaceUpgradeNotFound(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "POST", path: upgradePathPattern, anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		respond(w, 404, `{"errors":[{"status":"404","title":"not found"}]}`)
	}})
	err := ts.client.NoCodeModules.ConfirmWorkspaceUpgrade(context.Background(), "nocode-1", "ws-1", "run-1")
	assert.ErrorIs(t, err, ErrResourceNotFound)
}

func TestWorkspaceUpgradeRunStates(t *testing.T) {
	t.Parallel()
	want := map[string]string{
		"pending": "in progress", "fetching": "in progress", "fetching_completed": "in progress",
		"pre_plan_running": "in progress", "pre_plan_completed": "in progress", "queuing": "in progress",
		"plan_queued": "in progress", "planning": "in progress", "cost_estimating": "in progress",
		"policy_checking": "in progress", "post_plan_running": "in progress",
		"planned": "confirmable", "planned_and_finished": "confirmable", "cost_estimated": "confirmable",
		"policy_checked": "confirmable", "post_plan_completed": "confirmable",
		"confirmed": "in progress", "pre_apply_running": "in progress", "pre_apply_completed": "in progress",
		"queuing_apply": "in progress", "apply_queued": "in progress", "applying": "in progress",
		"post_apply_running": "in progress",
		"applied":            "applied", "post_apply_completed": "applied",
		"errored": "failed", "canceled": "failed", "force_canceled": "failed", "discarded": "failed",
		"policy_soft_failed": "failed",
		"policy_override":    "", "pre_plan_awaiting_decision": "", "post_plan_awaiting_decision": "",
		"some_future_state": "", "": "",
	}
	for state := range runStatePhases {
		assert.Contains(t, want, state, "state %q is in the table but not in this test", state)
	}
	for state, class := range want {
		u := &WorkspaceUpgrade{Status: state}
		got := ""
		for name, is := range map[string]bool{
			"in progress": u.InProgress(), "confirmable": u.Confirmable(), "applied": u.Applied(), "failed": u.Failed(),
		} {
			if is {
				assert.Empty(t, got, "%q is both %s and %s", state, got, name)
				got = name
			}
		}
		assert.Equal(t, class, got, "the class of %q", state)
	}
	var nilUpgrade *WorkspaceUpgrade
	assert.False(t, nilUpgrade.InProgress(), "a nil upgrade must be in no class")
	assert.False(t, nilUpgrade.Confirmable(), "a nil upgrade must be in no class")
	assert.False(t, nilUpgrade.Failed(), "a nil upgrade must be in no class")
	assert.False(t, nilUpgrade.Applied(), "a nil upgrade must be in no class")
}

func TestWaitForWorkspaceUpgradeUntilConfirmable(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: upgradePathPattern, anyRequest: true, answer: scriptedStates(ts,
		"pending", "plan_queued", "planning", "cost_estimating", "policy_checking", "policy_checked")})

	up, err := ts.client.NoCodeModules.WaitForWorkspaceUpgrade(context.Background(), "nocode-1", "ws-1", "run-1",
		&WaitOptions{PollInterval: 2 * time.Second})
	require.NoError(t, err)
	assert.Equal(t, "policy_checked", up.Status)
	assert.True(t, up.Confirmable(), "confirmable")
	assertOneReadPerInterval(t, ts, 6, 2*time.Second)
}

// assertOneReadPerInterval checks that the wait made reads requests with
// exactly one sleep of interval between two of them.
func assertOneReadPerInterval(t *testing.T, ts *testServer, reads int, interval time.Duration) {
	t.Helper()
	sleeps := ts.clock.sleeps()
	assert.Equal(t, reads, ts.count(), "requests")
	assert.Len(t, sleeps, reads-1, "sleeps")
	for i, d := range sleeps {
		assert.Equal(t, interval, d, "sleep %d", i)
	}
}

func TestWaitForWorkspaceUpgradeDefaultInterval(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: upgradePathPattern, anyRequest: true, answer: scriptedStates(ts, "planning", "planned")})

	up, err := ts.client.NoCodeModules.WaitForWorkspaceUpgrade(context.Background(), "nocode-1", "ws-1", "run-1", nil)
	require.NoError(t, err)
	require.Equal(t, "planned", up.Status)
	assertOneReadPerInterval(t, ts, 2, 5*time.Second)
}

func TestWaitForWorkspaceUpgradeFailedRunIsNoError(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: upgradePathPattern, anyRequest: true, answer: scriptedStates(ts, "planning", "errored")})

	up, err := ts.client.NoCodeModules.WaitForWorkspaceUpgrade(context.Background(), "nocode-1", "ws-1", "run-1", nil)
	require.NoError(t, err)
	assert.True(t, up.Failed(), "failed")
	assert.Equal(t, "errored", up.Status)
	assert.NotEmpty(t, up.PlanURL, "want a failed run with its plan URL")
}

func TestWaitForWorkspaceUpgradeStopsOnUnknownState(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: upgradePathPattern, anyRequest: true, answer: scriptedStates(ts, "some_future_state", "planned")})

	up, err := ts.client.NoCodeModules.WaitForWorkspaceUpgrade(context.Background(), "nocode-1", "ws-1", "run-1", nil)
	require.NoError(t, err)
	require.Equal(t, "some_future_state", up.Status)
	assertOneReadPerInterval(t, ts, 1, 0)
}

func TestWaitForWorkspaceUpgradeContextCanceled(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	reads := 0
	ts.expect(exchange{method: "GET", path: upgradePathPattern, anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if reads++; reads == 2 {
			cancel()
		}
		respond(w, 200, upgradeAnswer("run-1", "planning"))
	}})

	done := make(chan struct{})
	var up *WorkspaceUpgrade
	var err error
	go func() {
		defer close(done)
		up, err = ts.client.NoCodeModules.WaitForWorkspaceUpgrade(ctx, "nocode-1", "ws-1", "run-1", nil)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		require.FailNow(t, "the wait did not return after the context was canceled")
	}
	assert.ErrorIs(t, err, context.Canceled)
	if assert.NotNil(t, up, "want the last read") {
		assert.Equal(t, "planning", up.Status, "want the last read")
	}
	assert.Equal(t, 2, ts.count(), "requests")
}

func TestWaitForWorkspaceUpgradeContextCanceledBeforeStart(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ts.client.NoCodeModules.WaitForWorkspaceUpgrade(ctx, "nocode-1", "ws-1", "run-1", nil)
	assert.ErrorIs(t, err, context.Canceled)
	ts.assertNoRequests()
}

func TestWaitForWorkspaceUpgradeReadFails(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	var mu sync.Mutex
	reads := 0
	ts.expect(exchange{method: "GET", path: upgradePathPattern, anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if reads++; reads > 1 {
			respond(w, 404, `{"errors":[{"status":"404","title":"not found"}]}`)
			return
		}
		respond(w, 200, upgradeAnswer("run-1", "planning"))
	}})

	up, err := ts.client.NoCodeModules.WaitForWorkspaceUpgrade(context.Background(), "nocode-1", "ws-1", "run-1", nil)
	assert.ErrorIs(t, err, ErrResourceNotFound)
	if assert.NotNil(t, up, "want the last successful read") {
		assert.Equal(t, "planning", up.Status, "want the last successful read")
	}
}

func TestNoCodeUpgradeValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	type call func(c *Client, nc, ws, up string) error
	read := func(c *Client, nc, ws, up string) error {
		_, err := c.NoCodeModules.ReadWorkspaceUpgrade(ctx, nc, ws, up)
		return err
	}
	confirm := func(c *Client, nc, ws, up string) error {
		return c.NoCodeModules.ConfirmWorkspaceUpgrade(ctx, nc, ws, up)
	}
	wait := func(c *Client, nc, ws, up string) error {
		_, err := c.NoCodeModules.WaitForWorkspaceUpgrade(ctx, nc, ws, up, nil)
		return err
	}
	var cases []invalidCall
	for name, fn := range map[string]call{"read": read, "confirm": confirm, "wait": wait} {
		cases = append(cases,
			invalidCall{name + " bad module id", ErrInvalidNoCodeModuleID, func(_ context.Context, c *Client) error { return fn(c, "", "ws-1", "run-1") }},
			invalidCall{name + " bad workspace id", ErrInvalidWorkspaceID, func(_ context.Context, c *Client) error { return fn(c, "nocode-1", "ws/1", "run-1") }},
			invalidCall{name + " bad upgrade id", ErrInvalidUpgradeID, func(_ context.Context, c *Client) error { return fn(c, "nocode-1", "ws-1", "run-1?x") }},
		)
	}
	runInvalidCalls(t, cases)
}

func TestMalformedAnswersAreDecodeErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, tc := range []struct {
		name, pattern, body string
		call                func(_ context.Context, c *Client) error
	}{
		{"registry module", "GET /organizations/org/registry-modules",
			`{"data":[{"id":"mod-1","type":"registry-modules","attributes":{"created-at":"yesterday"}}]}`,
			func(_ context.Context, c *Client) error {
				_, err := c.RegistryModules.List(ctx, "org", nil)
				return err
			}},
		{"no-code module", "GET /no-code-modules/nocode-1",
			`{"data":{"id":"nocode-1","type":"no-code-modules","attributes":{"enabled":"yes"}}}`,
			func(_ context.Context, c *Client) error {
				_, err := c.NoCodeModules.Read(ctx, "nocode-1", nil)
				return err
			}},
		{"module variable", "GET /no-code-modules/nocode-1/versions/1.0.0/module-variables",
			`{"data":[{"id":"modvar-1","type":"registry-module-variables","attributes":{"required":"no"}}]}`,
			func(_ context.Context, c *Client) error {
				_, err := c.NoCodeModules.ReadVariables(ctx, "nocode-1", "1.0.0")
				return err
			}},
		{"workspace upgrade", "GET " + upgradePathPattern,
			`{"data":{"id":"run-1","type":"workspace-upgrade","attributes":{"status":7}}}`,
			func(_ context.Context, c *Client) error {
				_, err := c.NoCodeModules.ReadWorkspaceUpgrade(ctx, "nocode-1", "ws-1", "run-1")
				return err
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := setup(t)
			method, path, _ := strings.Cut(tc.pattern, " ")
			ts.expect(exchange{method: method, path: path, anyRequest: true, status: 200, body: tc.body})
			var de *DecodeError
			if err := tc.call(ctx, ts.client); assert.ErrorAs(t, err, &de) {
				assert.Equal(t, 200, de.StatusCode, "the status of the *DecodeError")
			}
		})
	}
}
