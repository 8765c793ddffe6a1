package main

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/examples/internal/demo"
	"github.com/tfe-sdk/tfe/examples/internal/demotest"
	"github.com/tfe-sdk/tfe/tfetest"
)

func start(t *testing.T) (*demo.Target, Env) { return demotest.Start(t, envFor) }

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
	target, env := start(t)
	res, out, err := runExample(t, env, 30*time.Second)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	srv := target.Fake

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
	target, env := start(t)
	env.Keep = true
	res, out, err := runExample(t, env, 30*time.Second)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	nc, err := target.Fake.Client().NoCodeModules.Read(context.Background(), res.NoCodeModule.ID, nil)
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
	target, env := start(t)
	target.Fake.SetUpgradeStates("pending", "planning", "errored")
	res, out, err := runExample(t, env, 30*time.Second)
	if !errors.Is(err, errNotConfirmable) || !strings.Contains(err.Error(), "step 8/10") {
		t.Fatalf("err = %v, want errNotConfirmable at step 8", err)
	}
	if !res.Upgrade.Failed() || res.Confirmed || confirms(target.Fake) != 0 {
		t.Errorf("status %s, confirmed %t, %d confirmations; want errored and none", res.Upgrade.Status, res.Confirmed, confirms(target.Fake))
	}
	for _, want := range []string{"✗ 8/10 wait for the upgrade's plan", "is errored", "the plan failed", res.Upgrade.PlanURL} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if ws, _ := target.Fake.Workspace(res.Workspace.ID); ws.ModuleVersion != "1.4.0" {
		t.Errorf("the workspace moved to %s", ws.ModuleVersion)
	}
	assertDisabled(t, target.Fake, res)
}

// Ctrl-C or the timeout ending the wait stops the run with the context's
// error, and the cleanup still runs.
func TestNoCodeLifecycleInterrupted(t *testing.T) {
	target, env := start(t)
	target.Fake.SetUpgradeStates("pending", "planning") // never finishes
	res, out, err := runExample(t, env, 300*time.Millisecond)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want DeadlineExceeded", err)
	}
	if confirms(target.Fake) != 0 || !strings.Contains(out, "cleanup: disable no-code provisioning") {
		t.Errorf("output:\n%s", out)
	}
	assertDisabled(t, target.Fake, res)
}

func TestEnvForRealService(t *testing.T) {
	vars := map[string]string{"TFE_REGISTRY_MODULE_ID": "mod-1", "TFE_PROJECT_ID": "prj-1", "TFE_AGENT_POOL_ID": "apool-1"}
	target := &demo.Target{Org: "acme", Getenv: func(k string) string { return vars[k] }}
	env, err := envFor(target)
	if err != nil || env.FromVersion != "1.4.0" || env.ToVersion != "1.5.0" || env.PollInterval != 0 {
		t.Fatalf("env = %+v, %v", env, err)
	}
	if !strings.HasPrefix(env.Workspace, "customer-acme-us-east-1-") || !strings.HasPrefix(env.AgentWorkspace, "private-network-ws-") {
		t.Errorf("workspace names %q, %q want a suffix", env.Workspace, env.AgentWorkspace)
	}
	vars["TFE_MODULE_VERSION"], vars["TFE_MODULE_UPGRADE_VERSION"] = "2.0.0", "2.1.0"
	if env, _ = envFor(target); env.FromVersion != "2.0.0" || env.ToVersion != "2.1.0" {
		t.Errorf("versions %s → %s", env.FromVersion, env.ToVersion)
	}
	delete(vars, "TFE_AGENT_POOL_ID")
	if _, err := envFor(target); err == nil || !strings.Contains(err.Error(), "TFE_AGENT_POOL_ID") {
		t.Errorf("missing pool: err = %v", err)
	}
}
