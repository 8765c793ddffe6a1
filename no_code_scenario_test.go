package tfe

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// This file walks the platform team's no-code lifecycle (seed 000) end to
// end against a scripted server that keeps state: enable a module pinned
// at 1.4.0, read its variables, restrict their values, create a workspace
// with variables and one in agent mode, bump the pin to 1.5.0, upgrade the
// first workspace with a changed variable, wait until the plan can be
// confirmed, confirm, and disable no-code provisioning.

// noCodeLifecycle is what the lifecycle created along the way.
type noCodeLifecycle struct {
	module     *NoCodeModule
	variables  []*RegistryModuleVariable
	workspaces []*Workspace
	upgrade    *WorkspaceUpgrade
}

// runNoCodeLifecycle is seed 000 in Go. It stops at the first error, and
// without confirming when the upgrade's plan cannot be confirmed, saying
// why (status and plan URL).
func runNoCodeLifecycle(ctx context.Context, c *Client, org, registryModuleID, projectID, secret string) (*noCodeLifecycle, error) {
	nc, out := c.NoCodeModules, &noCodeLifecycle{}
	m, err := nc.Create(ctx, org, NoCodeModuleCreateOptions{
		RegistryModuleID: registryModuleID, Enabled: Ptr(true), VersionPin: Ptr("1.4.0"),
	})
	if err != nil {
		return out, fmt.Errorf("enabling no-code provisioning: %w", err)
	}
	if out.variables, err = nc.ReadVariables(ctx, m.ID, "1.4.0"); err != nil {
		return out, fmt.Errorf("reading the module's variables: %w", err)
	}
	if m, err = nc.Update(ctx, m.ID, NoCodeModuleUpdateOptions{VariableOptions: []*NoCodeVariableOption{
		{VariableName: "region", VariableType: "string", Options: []string{"us-east-1", "us-west-2", "eu-west-1"}},
		{VariableName: "instance_size", VariableType: "string", Options: []string{"small", "medium", "large"}},
	}}); err != nil {
		return out, fmt.Errorf("setting variable options: %w", err)
	}
	// Add a set and keep the others: read them, append, send them back.
	if m, err = nc.Read(ctx, m.ID, nil); err != nil {
		return out, err
	}
	if m, err = nc.Update(ctx, m.ID, NoCodeModuleUpdateOptions{VariableOptions: append(m.VariableOptions,
		&NoCodeVariableOption{VariableName: "tier", VariableType: "string", Options: []string{"dev", "prod"}})}); err != nil {
		return out, fmt.Errorf("adding a variable option set: %w", err)
	}
	out.module = m

	for _, opts := range []NoCodeWorkspaceCreateOptions{{
		Name: "customer-acme-us-east-1", ProjectID: projectID,
		Description:      Ptr("Production environment for ACME (us-east-1)"),
		TerraformVersion: Ptr("1.7.0"),
		Variables: []NoCodeWorkspaceVariable{
			{Key: "region", Value: "us-east-1", Category: CategoryTerraform},
			{Key: "instance_size", Value: "medium", Category: CategoryTerraform},
			{Key: "DB_PASSWORD", Value: secret, Category: CategoryEnv, Sensitive: true},
		},
	}, {
		Name: "private-network-ws", ProjectID: projectID,
		ExecutionMode: Ptr(ExecutionModeAgent), AgentPoolID: Ptr("apool-abc123"),
	}} {
		ws, err := nc.CreateWorkspace(ctx, m.ID, opts)
		if err != nil {
			return out, fmt.Errorf("creating workspace %s: %w", opts.Name, err)
		}
		out.workspaces = append(out.workspaces, ws)
	}

	if _, err := nc.Update(ctx, m.ID, NoCodeModuleUpdateOptions{VersionPin: Ptr("1.5.0")}); err != nil {
		return out, fmt.Errorf("bumping the version pin: %w", err)
	}
	ws := out.workspaces[0]
	up, err := nc.UpgradeWorkspace(ctx, m.ID, ws.ID, &NoCodeWorkspaceUpgradeOptions{Variables: []NoCodeWorkspaceVariable{
		{Key: "instance_size", Value: "large", Category: CategoryTerraform},
	}})
	if err != nil {
		return out, fmt.Errorf("starting the upgrade of %s: %w", ws.Name, err)
	}
	if out.upgrade, err = nc.WaitForWorkspaceUpgrade(ctx, m.ID, ws.ID, up.ID, nil); err != nil {
		return out, fmt.Errorf("waiting for the upgrade of %s: %w", ws.Name, err)
	}
	if up = out.upgrade; !up.Confirmable() {
		return out, fmt.Errorf("the upgrade %s of %s stopped in state %s, not confirmed; see %s", up.ID, ws.Name, up.Status, up.PlanURL)
	}
	if err := nc.ConfirmWorkspaceUpgrade(ctx, m.ID, ws.ID, up.ID); err != nil {
		return out, fmt.Errorf("confirming the upgrade of %s: %w", ws.Name, err)
	}
	if err := nc.Delete(ctx, m.ID); err != nil {
		return out, fmt.Errorf("disabling no-code provisioning: %w", err)
	}
	return out, nil
}

func TestNoCodeLifecycle(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	fake := newNoCodeFake(t, "pending", "plan_queued", "planning", "cost_estimating", "planned_and_finished")
	fake.mount(ts)

	out, err := runNoCodeLifecycle(context.Background(), ts.client, "my-org", "mod-abc123", "prj-abc123", plantedSensitiveValue)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.variables) != 2 || out.variables[0].Name != "region" || !out.variables[0].Required {
		t.Errorf("variables = %+v", out.variables)
	}
	if len(out.module.VariableOptions) != 3 {
		t.Errorf("variable options after the update = %+v, want 3 sets", out.module.VariableOptions)
	}
	if ws := out.workspaces[1]; ws.ExecutionMode != ExecutionModeAgent || ws.AgentPoolID != "apool-abc123" {
		t.Errorf("agent workspace = %+v", ws)
	}
	if out.upgrade.Status != "planned_and_finished" {
		t.Errorf("upgrade = %+v", out.upgrade)
	}

	fake.mu.Lock()
	defer fake.mu.Unlock()
	// The sets of the first update kept their IDs when the third was added.
	if got := optionSets(fake.module.VariableOptions); got != "ncvaropt-1:region,ncvaropt-2:instance_size,ncvaropt-3:tier" {
		t.Errorf("variable option sets = %s", got)
	}
	if got := strings.Join(fake.pins, ","); got != "1.4.0,1.5.0" {
		t.Errorf("version pins = %s", got)
	}
	first := fake.workspaces[out.workspaces[0].ID]
	if first.vars["instance_size"] != "large" || first.vars["region"] != "us-east-1" || first.vars["DB_PASSWORD"] != plantedSensitiveValue {
		t.Errorf("workspace variables = %v", first.vars)
	}
	if len(fake.confirmed) != 1 || fake.confirmed[0] != out.upgrade.ID || !fake.deleted {
		t.Errorf("confirmed %v, deleted %v", fake.confirmed, fake.deleted)
	}
	// The wait read the run once per state, sleeping 5 s between reads.
	polls := 0
	for _, d := range ts.clock.sleeps() {
		if d == defaultPollInterval {
			polls++
		}
	}
	if reads := fake.runs[out.upgrade.ID].reads; reads != 5 || polls != 4 {
		t.Errorf("upgrade reads = %d with %d poll waits, want 5 and 4", reads, polls)
	}
}

func TestNoCodeLifecycleUpgradeErrored(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	fake := newNoCodeFake(t, "pending", "planning", "errored")
	fake.mount(ts)

	out, err := runNoCodeLifecycle(context.Background(), ts.client, "my-org", "mod-abc123", "prj-abc123", plantedSensitiveValue)
	if err == nil {
		t.Fatal("want the lifecycle to stop")
	}
	up := out.upgrade
	if up == nil || !up.Failed() || up.Status != "errored" {
		t.Fatalf("upgrade = %+v", up)
	}
	for _, want := range []string{"errored", up.PlanURL, "not confirmed"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %q, want it to say %q", err, want)
		}
	}
	fake.mu.Lock()
	defer fake.mu.Unlock()
	if len(fake.confirmed) != 0 || fake.deleted {
		t.Errorf("confirmed %v, deleted %v: want the lifecycle to stop at the failed upgrade", fake.confirmed, fake.deleted)
	}
}

// optionSets lists option sets as id:variable, comma-separated.
func optionSets(opts []*NoCodeVariableOption) string {
	sets := make([]string, len(opts))
	for i, o := range opts {
		sets[i] = o.ID + ":" + o.VariableName
	}
	return strings.Join(sets, ",")
}
