package main

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/examples/internal/demotest"
	"github.com/tfe-sdk/tfe/examples/scenario"
	"github.com/tfe-sdk/tfe/tfetest"
)

// runExample runs the example with a deadline of timeout.
func runExample(t *testing.T, env Env, timeout time.Duration) (*Result, string, error) {
	return demotest.Run(t, run, env, timeout)
}

// confirms counts the confirmations srv received: POSTs to an upgrade run.
func confirms(srv *tfetest.Server) int {
	return demotest.Count(srv, "POST", "no-code-modules/*/workspaces/*/upgrade/*")
}

// assertDisabled checks that the no-code module is gone from the fake.
func assertDisabled(t *testing.T, srv *tfetest.Server, res *Result) {
	t.Helper()
	_, err := srv.Client().NoCodeModules.Read(context.Background(), res.NoCodeModule.ID, nil)
	if !errors.Is(err, tfe.ErrResourceNotFound) {
		t.Errorf("reading the no-code module after the run: err = %v, want ErrResourceNotFound", err)
	}
}

// workspaceVars returns the values of ws's own variables on the fake.
func workspaceVars(t *testing.T, srv *tfetest.Server, ws string) map[string]string {
	t.Helper()
	list, err := srv.Client().Variables.List(context.Background(), ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, v := range list.Items {
		out[v.Key] = v.Value
	}
	return out
}

func TestNoCodeLifecycle(t *testing.T) {
	tgt, env := demotest.Start(t, envFor)
	res, out, err := runExample(t, env, 30*time.Second)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	srv := tgt.Fake

	// The upgraded workspace runs 1.5.0 with the changed variable.
	ws, ok := srv.Workspace(res.Workspace.ID)
	if !ok || ws.ModuleVersion != "1.5.0" || ws.Name != "customer-acme-us-east-1" || ws.ProjectID != env.ProjectID {
		t.Errorf("upgraded workspace on the server = %+v", ws)
	}
	if vars := workspaceVars(t, srv, ws.ID); vars["instance_size"] != "large" || vars["region"] != "us-east-1" {
		t.Errorf("its variables = %v, want instance_size large and region us-east-1", vars)
	}
	if !res.Confirmed || !res.Upgrade.Applied() || confirms(srv) != 1 {
		t.Errorf("confirmed = %t, status %s, %d confirmations; want one, applied", res.Confirmed, res.Upgrade.Status, confirms(srv))
	}

	// The agent workspace was not upgraded and runs on the pool.
	agent, ok := srv.Workspace(res.AgentWorkspace.ID)
	if !ok || agent.ExecutionMode != "agent" || agent.AgentPoolID != env.AgentPoolID || agent.ModuleVersion != "1.4.0" {
		t.Errorf("agent workspace on the server = %+v", agent)
	}

	// What the example reported along the way: the bump kept the options.
	if m := res.NoCodeModule; len(res.Variables) != 3 || m.VersionPin != "1.5.0" || len(m.VariableOptions) != 2 {
		t.Errorf("variables %d, pin %s, options %d; want 3, 1.5.0, 2", len(res.Variables), m.VersionPin, len(m.VariableOptions))
	}
	assertDisabled(t, srv, res)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if n := strings.Count(out, "✓ "); n != 10 || !strings.HasPrefix(lines[len(lines)-1], "Done: customer-acme-us-east-1 upgraded to 1.5.0") {
		t.Errorf("%d steps done; output:\n%s", n, out)
	}
}

func TestNoCodeLifecycleKeep(t *testing.T) {
	tgt, env := demotest.Start(t, envFor)
	env.Keep = true
	res, out, err := runExample(t, env, 30*time.Second)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	nc, err := tgt.Fake.Client().NoCodeModules.Read(context.Background(), res.NoCodeModule.ID, nil)
	if err != nil || nc.VersionPin != "1.5.0" || !nc.Enabled || len(nc.VariableOptions) != 2 {
		t.Fatalf("no-code module kept on the server = %+v, %v", nc, err)
	}
	for _, o := range nc.VariableOptions {
		if len(o.Options) != 3 {
			t.Errorf("options of %s = %v", o.VariableName, o.Options)
		}
	}
}

// An upgrade whose plan errors is not confirmed: the run stops at the
// wait, says why and where the plan is, and still disables no-code.
func TestNoCodeLifecycleErroredUpgrade(t *testing.T) {
	tgt, env := demotest.Start(t, envFor)
	tgt.Fake.SetUpgradeStates("pending", "planning", "errored")
	res, out, err := runExample(t, env, 30*time.Second)
	if !errors.Is(err, errNotConfirmable) || !strings.Contains(err.Error(), "step 8/10") {
		t.Fatalf("err = %v, want errNotConfirmable at step 8", err)
	}
	if !res.Upgrade.Failed() || res.Confirmed || confirms(tgt.Fake) != 0 {
		t.Errorf("status %s, confirmed %t, %d confirmations; want errored and none", res.Upgrade.Status, res.Confirmed, confirms(tgt.Fake))
	}
	for _, want := range []string{"✗ 8/10 wait for the upgrade's plan", "is errored", "the plan failed", res.Upgrade.PlanURL} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if ws, _ := tgt.Fake.Workspace(res.Workspace.ID); ws.ModuleVersion != "1.4.0" {
		t.Errorf("the workspace moved to %s", ws.ModuleVersion)
	}
	assertDisabled(t, tgt.Fake, res)
}

// Ctrl-C or the timeout ending the wait stops the run with the context's
// error, and the cleanup still runs.
func TestNoCodeLifecycleInterrupted(t *testing.T) {
	tgt, env := demotest.Start(t, envFor)
	tgt.Fake.SetUpgradeStates("pending", "planning") // never finishes
	res, out, err := runExample(t, env, 300*time.Millisecond)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want DeadlineExceeded", err)
	}
	if confirms(tgt.Fake) != 0 || !strings.Contains(out, "cleanup: disable no-code provisioning") {
		t.Errorf("output:\n%s", out)
	}
	assertDisabled(t, tgt.Fake, res)
}

func TestEnvForRealService(t *testing.T) {
	vars := map[string]string{"TFE_REGISTRY_MODULE_ID": "mod-1", "TFE_PROJECT_ID": "prj-1", "TFE_AGENT_POOL_ID": "apool-1"}
	tgt := &scenario.Target{Org: "acme", Getenv: func(k string) string { return vars[k] }}
	env, err := envFor(tgt)
	if err != nil || env.FromVersion != "1.4.0" || env.ToVersion != "1.5.0" || env.PollInterval != 0 {
		t.Fatalf("env = %+v, %v", env, err)
	}
	if !strings.HasPrefix(env.Workspace, "customer-acme-us-east-1-") || !strings.HasPrefix(env.AgentWorkspace, "private-network-ws-") {
		t.Errorf("workspace names %q, %q want a suffix", env.Workspace, env.AgentWorkspace)
	}
	vars["TFE_MODULE_VERSION"], vars["TFE_MODULE_UPGRADE_VERSION"] = "2.0.0", "2.1.0"
	if env, _ = envFor(tgt); env.FromVersion != "2.0.0" || env.ToVersion != "2.1.0" {
		t.Errorf("versions %s → %s", env.FromVersion, env.ToVersion)
	}
	delete(vars, "TFE_AGENT_POOL_ID")
	if _, err := envFor(tgt); err == nil || !strings.Contains(err.Error(), "TFE_AGENT_POOL_ID") {
		t.Errorf("missing pool: err = %v", err)
	}
}

// runMain runs the example as main does, with the settings vars, but
// polls the upgrade every millisecond instead of every 5 s.
func runMain(vars map[string]string) (code int, stdout, stderr string) {
	fastPolls := func(t *scenario.Target) (Env, error) {
		env, err := envFor(t)
		env.PollInterval = time.Millisecond
		return env, err
	}
	return demotest.Main("nocode-lifecycle", scenario.Of(fastPolls, run), vars)
}

// After a run with TFE_KEEP, a rerun says that the module is still
// enabled and how to disable it, before it makes anything; the command
// it prints works, and the run after it succeeds.
func TestKeepThenRerun(t *testing.T) {
	srv, vars := demotest.Service(t, map[string]string{"TFE_KEEP": "1"})
	code, out, stderr := runMain(vars)
	require.Equal(t, 0, code, out+stderr)
	assert.Regexp(t, `  left in place \(TFE_KEEP is set\), not done: disable no-code provisioning \(delete nocode-\w+\)\n    undo: curl `, out)

	workspaces := demotest.Count(srv, "POST", "no-code-modules/*/workspaces")
	code, out, stderr = runMain(vars)
	require.Equal(t, 1, code, out+stderr)
	assert.Contains(t, out, "✗ 1/10 enable no-code provisioning for "+vars["TFE_REGISTRY_MODULE_ID"])
	assert.Contains(t, out, "(a run with TFE_KEEP set leaves it enabled); disable it, then run again: curl ")
	assert.Equal(t, "nocode-lifecycle: failed at step 1/10 (enable no-code provisioning for "+vars["TFE_REGISTRY_MODULE_ID"]+")\n", stderr)
	assert.Equal(t, workspaces, demotest.Count(srv, "POST", "no-code-modules/*/workspaces"), "the rerun made nothing")
	assert.Len(t, demotest.Undo(t, srv, out), 1)

	delete(vars, "TFE_KEEP")
	code, out, stderr = runMain(vars)
	require.Equal(t, 0, code, out+stderr)
	assert.Contains(t, out, "no-code provisioning disabled again.")
}

// A 401 after the module was enabled ends the calls: the cleanup does not
// try to disable it, it prints the command that does, and the 401 is
// printed once.
func TestUnauthorizedMidRun(t *testing.T) {
	srv, vars := demotest.Service(t, nil)
	srv.InjectFault(tfetest.Fault{Method: "POST", Path: "no-code-modules/*", Kind: tfetest.FaultStatus, Status: http.StatusUnauthorized})
	code, stdout, stderr := runMain(vars)
	assert.Equal(t, 1, code)
	assert.Regexp(t, `^nocode-lifecycle: failed at step 4/10 \(create workspace customer-acme-us-east-1-\w+\)\n$`, stderr)
	assert.Equal(t, 1, strings.Count(stdout+stderr, "401 Unauthorized"), stdout+stderr)
	assert.Regexp(t, `  left in place \(the service refused the token\), not done: disable no-code provisioning \(delete nocode-\w+\)\n    undo: curl `, stdout)
	assert.Zero(t, demotest.Count(srv, "DELETE", "no-code-modules/*"), "the cleanup called after the 401")
	assert.Len(t, demotest.Undo(t, srv, stdout), 1, "the undo command works")
}
