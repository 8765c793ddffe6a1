package tfe

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	fake := newNoCodeFake("pending", "plan_queued", "planning", "cost_estimating", "planned_and_finished")
	fake.mount(ts)

	out, err := runNoCodeLifecycle(context.Background(), ts.client, "my-org", "mod-abc123", "prj-abc123", plantedSensitiveValue)
	require.NoError(t, err)
	if assert.Len(t, out.variables, 2, "variables") {
		assert.Equal(t, "region", out.variables[0].Name)
		assert.True(t, out.variables[0].Required, "region is required")
	}
	assert.Len(t, out.module.VariableOptions, 3, "variable options after the update")
	agent := out.workspaces[1]
	assert.Equal(t, ExecutionModeAgent, agent.ExecutionMode, "the agent workspace's mode")
	assert.Equal(t, "apool-abc123", agent.AgentPoolID, "the agent workspace's pool")
	assert.Equal(t, "planned_and_finished", out.upgrade.Status, "upgrade")

	fake.mu.Lock()
	defer fake.mu.Unlock()
	assert.Equal(t, "ncvaropt-1:region,ncvaropt-2:instance_size,ncvaropt-3:tier", optionSets(fake.module.VariableOptions),
		"variable option sets: the sets of the first update keep their IDs when the third is added")
	assert.Equal(t, "1.4.0,1.5.0", strings.Join(fake.pins, ","), "version pins")
	first := fake.workspaces[out.workspaces[0].ID]
	require.NotNil(t, first, "the first workspace on the server")
	assert.Equal(t, "large", first.vars["instance_size"], "instance_size")
	assert.Equal(t, "us-east-1", first.vars["region"], "region")
	assert.True(t, first.vars["DB_PASSWORD"] == plantedSensitiveValue, "DB_PASSWORD holds the sent value")
	assert.Equal(t, []string{out.upgrade.ID}, fake.confirmed, "confirmed upgrades")
	assert.True(t, fake.deleted, "the no-code module is deleted")
	// The wait read the run once per state, sleeping 5 s between reads.
	polls := 0
	for _, d := range ts.clock.sleeps() {
		if d == defaultPollInterval {
			polls++
		}
	}
	require.Contains(t, fake.runs, out.upgrade.ID, "the upgrade's run on the server")
	assert.Equal(t, 5, fake.runs[out.upgrade.ID].reads, "upgrade reads")
	assert.Equal(t, 4, polls, "poll waits")
}

func TestNoCodeLifecycleUpgradeErrored(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	fake := newNoCodeFake("pending", "planning", "errored")
	fake.mount(ts)

	out, err := runNoCodeLifecycle(context.Background(), ts.client, "my-org", "mod-abc123", "prj-abc123", plantedSensitiveValue)
	require.Error(t, err, "want the lifecycle to stop")
	up := out.upgrade
	require.NotNil(t, up, "upgrade")
	require.Equal(t, "errored", up.Status, "upgrade")
	require.True(t, up.Failed(), "the upgrade failed")
	for _, want := range []string{"errored", up.PlanURL, "not confirmed"} {
		assert.Contains(t, err.Error(), want)
	}
	fake.mu.Lock()
	defer fake.mu.Unlock()
	assert.Empty(t, fake.confirmed, "confirmed: want the lifecycle to stop at the failed upgrade")
	assert.False(t, fake.deleted, "deleted: want the lifecycle to stop at the failed upgrade")
}

// optionSets lists option sets as id:variable, comma-separated.
func optionSets(opts []*NoCodeVariableOption) string {
	sets := make([]string, len(opts))
	for i, o := range opts {
		sets[i] = o.ID + ":" + o.VariableName
	}
	return strings.Join(sets, ",")
}
