package tfe

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// plantedSensitiveValue is a sensitive variable's value: sent to the service,
// never logged (TestMain checks the suite's log for it).
var plantedSensitiveValue = plantSecret("s3cr3t-db-password-7f1c2e")

func TestNoCodeModulesCreateWorkspace(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "POST", path: "/no-code-modules/nocode-WGckovT2RQxupyt1/workspaces",
		golden: "no_code_modules/create_workspace.request.json",
		status: 200, fixture: "no_code_modules/create_workspace.response.json",
	})

	ws, err := ts.client.NoCodeModules.CreateWorkspace(context.Background(), "nocode-WGckovT2RQxupyt1", NoCodeWorkspaceCreateOptions{
		Name:             "no-code-workspace",
		ProjectID:        "prj-yuEN6sJVra5t6XVy",
		Description:      Ptr("A workspace to enable the no-code provisioning workflow."),
		TerraformVersion: Ptr("1.7.0"),
		ExecutionMode:    Ptr(ExecutionModeRemote),
		AutoApply:        Ptr(true),
		SourceName:       Ptr("platform-portal"),
		SourceURL:        Ptr("https://portal.example.com/requests/42"),
		Variables: []NoCodeWorkspaceVariable{
			{Key: "region", Value: "eu-central-1", Category: CategoryTerraform, HCL: true},
			{Key: "ami", Value: "ami-077062", Description: "base image", Category: CategoryTerraform},
			{Key: "DB_PASSWORD", Value: plantedSensitiveValue, Category: CategoryEnv, Sensitive: true},
		},
	})
	require.NoError(t, err)
	assert.Equal(t, "ws-qACTToFUM5BvDKhC", ws.ID)
	assert.Equal(t, "no-code-workspace", ws.Name)
	assert.Equal(t, ExecutionModeRemote, ws.ExecutionMode)
	assert.Equal(t, "1.5.6", ws.TerraformVersion)
	assert.False(t, ws.AutoApply, "auto-apply")
	if assert.NotNil(t, ws.Project, "project") {
		assert.Equal(t, "prj-yuEN6sJVra5t6XVy", ws.Project.ID)
	}
	if assert.NotNil(t, ws.Organization, "organization") {
		assert.Equal(t, "my-organization", ws.Organization.Name)
	}
	assert.Equal(t, "private/my-organization/lambda/aws/1.0.9", ws.SourceModuleID)
	assert.False(t, ws.NoCodeUpgradeAvailable, "no-code upgrade available")
	assert.Empty(t, ws.AgentPoolID, "agent pool")
}

func TestNoCodeModulesCreateWorkspaceAgentMode(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "POST", path: "/no-code-modules/nocode-WGckovT2RQxupyt1/workspaces",
		golden: "no_code_modules/create_workspace_agent.request.json",
		status: 200, fixture: "no_code_modules/create_workspace.response.json",
	})

	_, err := ts.client.NoCodeModules.CreateWorkspace(context.Background(), "nocode-WGckovT2RQxupyt1", NoCodeWorkspaceCreateOptions{
		Name:          "private-network-ws",
		ProjectID:     "prj-abc123",
		ExecutionMode: Ptr(ExecutionModeAgent),
		AgentPoolID:   Ptr("apool-abc123"),
	})
	require.NoError(t, err)
}

func TestNoCodeModulesUpgradeWorkspace(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "POST", path: "/no-code-modules/nocode-WGckovT2RQxupyt1/workspaces/ws-qACTToFUM5BvDKhC/upgrade",
		golden: "no_code_modules/upgrade.request.json",
		status: 200, fixture: "no_code_modules/upgrade.response.json",
	})

	up, err := ts.client.NoCodeModules.UpgradeWorkspace(context.Background(), "nocode-WGckovT2RQxupyt1", "ws-qACTToFUM5BvDKhC",
		&NoCodeWorkspaceUpgradeOptions{Variables: []NoCodeWorkspaceVariable{
			{Key: "region", Value: "eu-central-1", Category: CategoryTerraform, HCL: true},
			{Key: "DB_PASSWORD", Value: plantedSensitiveValue, Category: CategoryEnv, Sensitive: true},
		}})
	require.NoError(t, err)
	assert.Equal(t, "run-Cyij8ctBHM1g5xdX", up.ID)
	assert.Equal(t, "planned", up.Status)
	assert.True(t, up.Confirmable(), "confirmable")
	assert.Equal(t, "https://app.terraform.io/app/my-organization/no-code-workspace/runs/run-Cyij8ctBHM1g5xdX", up.PlanURL)
	if assert.NotNil(t, up.Workspace, "workspace") {
		assert.Equal(t, "ws-VvKtcfueHNkR6GqP", up.Workspace.ID)
	}
}

func TestNoCodeModulesUpgradeWorkspaceWithoutOptions(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "POST", path: "/no-code-modules/nocode-1/workspaces/ws-1/upgrade",
		golden: "no_code_modules/upgrade_empty.request.json",
		status: 200, fixture: "no_code_modules/upgrade.response.json",
	})

	_, err := ts.client.NoCodeModules.UpgradeWorkspace(context.Background(), "nocode-1", "ws-1", nil)
	require.NoError(t, err)
}

func TestNoCodeWorkspaceValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	valid := NoCodeWorkspaceCreateOptions{Name: "ws", ProjectID: "prj-1"}
	create := func(f func(*NoCodeWorkspaceCreateOptions)) func(_ context.Context, c *Client) error {
		o := valid
		f(&o)
		return func(_ context.Context, c *Client) error {
			_, err := c.NoCodeModules.CreateWorkspace(ctx, "nocode-1", o)
			return err
		}
	}
	upgrade := func(ncID, wsID string, vars ...NoCodeWorkspaceVariable) func(_ context.Context, c *Client) error {
		return func(_ context.Context, c *Client) error {
			_, err := c.NoCodeModules.UpgradeWorkspace(ctx, ncID, wsID, &NoCodeWorkspaceUpgradeOptions{Variables: vars})
			return err
		}
	}
	runInvalidCalls(t, []invalidCall{
		{"create bad module id", ErrInvalidNoCodeModuleID, func(_ context.Context, c *Client) error {
			_, err := c.NoCodeModules.CreateWorkspace(ctx, "", valid)
			return err
		}},
		{"create without name", ErrRequiredName, create(func(o *NoCodeWorkspaceCreateOptions) { o.Name = "" })},
		{"create blank name", ErrRequiredName, create(func(o *NoCodeWorkspaceCreateOptions) { o.Name = "  " })},
		{"create without project", ErrRequiredProjectID, create(func(o *NoCodeWorkspaceCreateOptions) { o.ProjectID = "" })},
		{"create bad project", ErrInvalidProjectID, create(func(o *NoCodeWorkspaceCreateOptions) { o.ProjectID = "prj/1" })},
		{"agent mode without pool", ErrRequiredAgentPoolID, create(func(o *NoCodeWorkspaceCreateOptions) {
			o.ExecutionMode = Ptr(ExecutionModeAgent)
		})},
		{"agent mode with empty pool", ErrRequiredAgentPoolID, create(func(o *NoCodeWorkspaceCreateOptions) {
			o.ExecutionMode, o.AgentPoolID = Ptr(ExecutionModeAgent), Ptr("")
		})},
		{"remote mode with pool", ErrAgentPoolNotAllowed, create(func(o *NoCodeWorkspaceCreateOptions) {
			o.ExecutionMode, o.AgentPoolID = Ptr(ExecutionModeRemote), Ptr("apool-1")
		})},
		{"local mode with pool", ErrAgentPoolNotAllowed, create(func(o *NoCodeWorkspaceCreateOptions) {
			o.ExecutionMode, o.AgentPoolID = Ptr(ExecutionModeLocal), Ptr("apool-1")
		})},
		{"pool without mode", ErrAgentPoolNotAllowed, create(func(o *NoCodeWorkspaceCreateOptions) {
			o.AgentPoolID = Ptr("apool-1")
		})},
		{"bad pool id", ErrInvalidAgentPoolID, create(func(o *NoCodeWorkspaceCreateOptions) {
			o.ExecutionMode, o.AgentPoolID = Ptr(ExecutionModeAgent), Ptr("apool 1")
		})},
		{"unknown execution mode", ErrValidation, create(func(o *NoCodeWorkspaceCreateOptions) {
			o.ExecutionMode = Ptr(ExecutionMode("cloud"))
		})},
		{"variable without key", ErrRequiredKey, create(func(o *NoCodeWorkspaceCreateOptions) {
			o.Variables = []NoCodeWorkspaceVariable{{Value: "v", Category: CategoryEnv}}
		})},
		{"variable without category", ErrRequiredCategory, create(func(o *NoCodeWorkspaceCreateOptions) {
			o.Variables = []NoCodeWorkspaceVariable{{Key: "k"}}
		})},
		{"variable policy-set category", ErrInvalidCategory, create(func(o *NoCodeWorkspaceCreateOptions) {
			o.Variables = []NoCodeWorkspaceVariable{{Key: "k", Category: CategoryPolicySet}}
		})},
		{"upgrade bad module id", ErrInvalidNoCodeModuleID, upgrade("nocode 1", "ws-1")},
		{"upgrade bad workspace id", ErrInvalidWorkspaceID, upgrade("nocode-1", "")},
		{"upgrade variable without category", ErrRequiredCategory, upgrade("nocode-1", "ws-1", NoCodeWorkspaceVariable{Key: "k"})},
	})
}
