package tfe_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// The user scenarios walked with the SDK against the tfetest fake, which
// checks every request as the service does (token, content type, resource
// types, attribute names against its allow-lists: a misspelled wire name
// is a 422 and fails the step).

// fakeClient returns a client for srv that logs into the suite's shared
// debug log, which TestMain checks for planted secrets; configure, when
// given, changes its configuration first (another token, fewer retries).
func fakeClient(t *testing.T, srv *tfetest.Server, configure ...func(*tfe.Config)) *tfe.Client {
	t.Helper()
	cfg := srv.Config()
	cfg.Logger = tfe.SuiteLogger()
	for _, f := range configure {
		f(cfg)
	}
	client, err := tfe.NewClient(cfg)
	require.NoError(t, err)
	return client
}

// requests counts what srv received with method to path (under /api/v2/).
func requests(srv *tfetest.Server, method, path string) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Method == method && r.Path == "/api/v2/"+path {
			n++
		}
	}
	return n
}

// noRequestSince fails when srv received anything after the first n
// requests: a local validation error must not reach the network.
func noRequestSince(t *testing.T, srv *tfetest.Server, n int) {
	t.Helper()
	assert.Equal(t, 0, len(srv.Requests())-n, "requests sent after a local validation error")
}

func ttl(t *testing.T, s string) *time.Duration {
	t.Helper()
	d, err := tfe.ParseTTL(s)
	require.NoError(t, err)
	return &d
}

// TestScenarioAdminBootstrapOnFake walks seed 002: SMTP with login auth
// and a test email, agent as the default execution mode with a pool (read
// back, reset), token TTL enforcement on, caps of 1y/90d/30d/2y, list,
// reset to the defaults.
func TestScenarioAdminBootstrapOnFake(t *testing.T) {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("my-org"))
	defer srv.Close()
	pool := srv.AddAgentPool("my-org", tfetest.AgentPool{Name: "private-net"})
	client, ctx := fakeClient(t, srv), context.Background()
	password := tfe.PlantSecret("smtp-Pa55-" + t.Name())

	// Step 1: SMTP. The PATCH goes out once and sends one test email.
	smtp, err := client.Admin.SMTP.Update(ctx, tfe.AdminSMTPSettingsUpdateOptions{
		Enabled: tfe.Ptr(true), Host: tfe.Ptr("smtp.example.com"), Port: tfe.Ptr(587),
		Sender: tfe.Ptr("noreply@example.com"), Auth: tfe.Ptr(tfe.SMTPAuthLogin),
		Username: tfe.Ptr("smtp-bot"), Password: tfe.Ptr(password),
		TestEmailAddress: tfe.Ptr("ops@example.com"),
	})
	require.NoError(t, err)
	assert.Equal(t, tfe.SMTPAuthLogin, smtp.Auth, "SMTP auth")
	assert.Equal(t, "smtp-bot", smtp.Username, "SMTP username")
	assert.True(t, smtp.Enabled, "SMTP enabled")
	assert.Equal(t, 1, requests(srv, "PATCH", "admin/smtp-settings"), "SMTP PATCHes")
	assert.Equal(t, 1, srv.TestEmailsSent(), "test emails")
	if read, err := client.Admin.SMTP.Read(ctx); assert.NoError(t, err, "SMTP read back") {
		assert.Equal(t, *smtp, *read, "SMTP read back")
	}

	// Step 2: agent by default, with a pool; read back; reset. A pool with
	// another mode is refused before anything is sent.
	sent := len(srv.Requests())
	_, err = client.Organizations.UpdateDefaultSettings(ctx, "my-org", tfe.OrganizationDefaultSettingsUpdateOptions{
		DefaultExecutionMode: tfe.Ptr(tfe.ExecutionModeRemote), DefaultAgentPoolID: tfe.NullableOf(pool),
	})
	assert.ErrorIs(t, err, tfe.ErrAgentPoolNotAllowed, "remote with a pool")
	noRequestSince(t, srv, sent)
	_, err = client.Organizations.UpdateDefaultSettings(ctx, "my-org", tfe.OrganizationDefaultSettingsUpdateOptions{
		DefaultExecutionMode: tfe.Ptr(tfe.ExecutionModeAgent), DefaultAgentPoolID: tfe.NullableOf(pool),
	})
	require.NoError(t, err)
	defaults, err := client.Organizations.ReadDefaultSettings(ctx, "my-org")
	if assert.NoError(t, err, "defaults read back") {
		assert.Equal(t, tfe.OrganizationDefaultSettings{DefaultExecutionMode: tfe.ExecutionModeAgent, DefaultAgentPoolID: pool}, *defaults, "defaults read back")
	}
	defaults, err = client.Organizations.ResetDefaultSettings(ctx, "my-org")
	if assert.NoError(t, err, "defaults after the reset") {
		assert.Equal(t, tfe.OrganizationDefaultSettings{DefaultExecutionMode: tfe.ExecutionModeRemote}, *defaults, "defaults after the reset")
	}

	// Step 3: enforce token lifetimes and cap them. An empty update is
	// refused locally.
	org, err := client.Organizations.Update(ctx, "my-org", tfe.OrganizationUpdateOptions{OrganizationSettingsOptions: tfe.OrganizationSettingsOptions{MaxTTLEnabled: tfe.Ptr(true)}})
	require.NoError(t, err, "enabling max TTL")
	require.True(t, org.MaxTTLEnabled, "enabling max TTL")
	sent = len(srv.Requests())
	_, err = client.TokenTTLPolicies.Update(ctx, "my-org", tfe.TokenTTLPolicyUpdateOptions{})
	assert.ErrorIs(t, err, tfe.ErrRequiredTokenTTLPolicy, "empty update")
	noRequestSince(t, srv, sent)
	_, err = client.TokenTTLPolicies.Update(ctx, "my-org", tfe.TokenTTLPolicyUpdateOptions{
		Organization: ttl(t, "1y"), Team: ttl(t, "90d"), User: ttl(t, "30d"), AuditTrails: ttl(t, "2y"),
	})
	require.NoError(t, err)
	list, err := client.TokenTTLPolicies.List(ctx, "my-org", nil)
	require.NoError(t, err)
	const day = 24 * time.Hour
	want := map[tfe.TokenPolicyType]time.Duration{
		tfe.TokenPolicyOrganization: tfe.DefaultTokenTTL / 2, tfe.TokenPolicyTeam: 90 * day, tfe.TokenPolicyUser: 30 * day,
		tfe.TokenPolicyAuditTrails: tfe.DefaultTokenTTL,
	}
	for _, p := range list.Items {
		assert.Equal(t, want[p.TokenType], p.MaxTTL, "%s cap", p.TokenType)
		delete(want, p.TokenType)
	}
	assert.Empty(t, want, "policies missing from the list")

	// Reset to the two-year default.
	policies, err := client.TokenTTLPolicies.ResetToDefaults(ctx, "my-org")
	require.NoError(t, err)
	for _, p := range policies {
		assert.Equal(t, tfe.DefaultTokenTTL, p.MaxTTL, "%s cap after the reset", p.TokenType)
	}
	for _, r := range srv.Requests() {
		assert.True(t, r.Authorized, "%s %s went out without the token", r.Method, r.Path)
		if r.Path != "/api/v2/admin/smtp-settings" {
			assert.False(t, bytes.Contains(r.Body, []byte(password)), "%s %s carries the SMTP password", r.Method, r.Path)
		}
	}
}

// On HCP Terraform step 1 answers 404, surfaced as ErrResourceNotFound,
// and sends no test email.
func TestScenarioAdminBootstrapSMTPOnHCP(t *testing.T) {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithHCPTerraform())
	defer srv.Close()
	_, err := fakeClient(t, srv).Admin.SMTP.Update(context.Background(), tfe.AdminSMTPSettingsUpdateOptions{
		Enabled: tfe.Ptr(true), TestEmailAddress: tfe.Ptr("ops@example.com"),
	})
	assert.ErrorIs(t, err, tfe.ErrResourceNotFound)
	assert.Zero(t, srv.TestEmailsSent(), "test emails")
}

// TestScenarioNoCodeLifecycleOnFake walks seed 000: enable a registry
// module for no-code pinned at 1.4.0, read its variables, curate the
// options of two of them, create a workspace with variables and one on
// agents, bump the pin to 1.5.0, upgrade the first workspace with a
// changed variable, wait for the plan, confirm, disable no-code.
func TestScenarioNoCodeLifecycleOnFake(t *testing.T) {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithUpgradeStates("pending", "planning", "planned_and_finished"))
	defer srv.Close()
	d := srv.SeedDemo("my-organization")
	client, ctx := fakeClient(t, srv), context.Background()
	noCode := client.NoCodeModules

	nc, err := noCode.Create(ctx, "my-organization", tfe.NoCodeModuleCreateOptions{
		RegistryModuleID: d.RegistryModuleID, Enabled: tfe.Ptr(true), VersionPin: tfe.Ptr("1.4.0"),
	})
	require.NoError(t, err)
	assert.True(t, nc.Enabled, "the no-code module is enabled")
	assert.Equal(t, "1.4.0", nc.VersionPin, "version pin")
	if assert.NotNil(t, nc.RegistryModule, "registry module") {
		assert.Equal(t, d.RegistryModuleID, nc.RegistryModule.ID, "registry module")
	}

	vars, err := noCode.ReadVariables(ctx, nc.ID, "1.4.0")
	require.NoError(t, err)
	declared := map[string]*tfe.RegistryModuleVariable{}
	for _, v := range vars {
		declared[v.Name] = v
	}
	assert.Len(t, vars, 3, "module variables")
	if r := declared["region"]; assert.NotNil(t, r, "module variable region") {
		assert.True(t, r.Required, "region is required")
		assert.Equal(t, "string", r.Type, "region's type")
	}
	if p := declared["db_password"]; assert.NotNil(t, p, "module variable db_password") {
		assert.True(t, p.Sensitive, "db_password is sensitive")
	}

	// The update replaces the whole option list; Read includes it.
	_, err = noCode.Update(ctx, nc.ID, tfe.NoCodeModuleUpdateOptions{
		VariableOptions: []*tfe.NoCodeVariableOption{
			{VariableName: "region", VariableType: "string", Options: []string{"us-east-1", "us-west-2", "eu-west-1"}},
			{VariableName: "instance_size", VariableType: "string", Options: []string{"small", "medium", "large"}},
		},
	})
	require.NoError(t, err)
	read, err := noCode.Read(ctx, nc.ID, nil)
	require.NoError(t, err, "options read back")
	require.Len(t, read.VariableOptions, 2, "option sets read back")
	require.Len(t, read.VariableOptions[0].Options, 3, "options of the first set read back")

	ws, err := noCode.CreateWorkspace(ctx, nc.ID, tfe.NoCodeWorkspaceCreateOptions{
		Name: "customer-acme-us-east-1", ProjectID: d.ProjectID,
		Description:      tfe.Ptr("Production environment for ACME (us-east-1)"),
		TerraformVersion: tfe.Ptr("1.7.0"),
		Variables: []tfe.NoCodeWorkspaceVariable{
			{Key: "region", Value: "us-east-1", Category: tfe.CategoryTerraform},
			{Key: "instance_size", Value: "medium", Category: tfe.CategoryTerraform},
		},
	})
	require.NoError(t, err)
	assert.Equal(t, "customer-acme-us-east-1", ws.Name, "workspace name")
	assert.Equal(t, "1.7.0", ws.TerraformVersion, "workspace Terraform version")
	if assert.NotNil(t, ws.Project, "workspace project") {
		assert.Equal(t, d.ProjectID, ws.Project.ID, "workspace project")
	}

	// Agent mode without a pool is refused before anything is sent.
	sent := len(srv.Requests())
	_, err = noCode.CreateWorkspace(ctx, nc.ID, tfe.NoCodeWorkspaceCreateOptions{
		Name: "private-network-ws", ProjectID: d.ProjectID, ExecutionMode: tfe.Ptr(tfe.ExecutionModeAgent),
	})
	assert.ErrorIs(t, err, tfe.ErrRequiredAgentPoolID, "agent mode without a pool")
	noRequestSince(t, srv, sent)
	agentWS, err := noCode.CreateWorkspace(ctx, nc.ID, tfe.NoCodeWorkspaceCreateOptions{
		Name: "private-network-ws", ProjectID: d.ProjectID,
		ExecutionMode: tfe.Ptr(tfe.ExecutionModeAgent), AgentPoolID: tfe.Ptr(d.AgentPoolID),
	})
	require.NoError(t, err, "agent workspace")
	require.Equal(t, tfe.ExecutionModeAgent, agentWS.ExecutionMode, "agent workspace's mode")
	require.Equal(t, d.AgentPoolID, agentWS.AgentPoolID, "agent workspace's pool")

	// Bump the pin, upgrade with a changed (sensitive-free) variable, wait,
	// confirm. The wait reads until the plan is finished.
	nc, err = noCode.Update(ctx, nc.ID, tfe.NoCodeModuleUpdateOptions{VersionPin: tfe.Ptr("1.5.0")})
	require.NoError(t, err, "bumping the pin")
	require.Equal(t, "1.5.0", nc.VersionPin, "bumping the pin")
	up, err := noCode.UpgradeWorkspace(ctx, nc.ID, ws.ID, &tfe.NoCodeWorkspaceUpgradeOptions{
		Variables: []tfe.NoCodeWorkspaceVariable{{Key: "instance_size", Value: "large", Category: tfe.CategoryTerraform}},
	})
	require.NoError(t, err)
	up, err = noCode.WaitForWorkspaceUpgrade(ctx, nc.ID, ws.ID, up.ID, &tfe.WaitOptions{PollInterval: time.Millisecond})
	require.NoError(t, err, "the wait")
	require.Equal(t, "planned_and_finished", up.Status, "after the wait")
	require.True(t, up.Confirmable(), "confirmable after the wait")
	require.NotEmpty(t, up.PlanURL, "the plan URL after the wait")
	require.NoError(t, noCode.ConfirmWorkspaceUpgrade(ctx, nc.ID, ws.ID, up.ID))
	got, _ := srv.Workspace(ws.ID)
	assert.Equal(t, "1.5.0", got.ModuleVersion, "the workspace's module version after the confirm")
	got, _ = srv.Workspace(agentWS.ID)
	assert.Equal(t, "1.4.0", got.ModuleVersion, "the agent workspace's module version: it was not upgraded")
	list, err := client.Variables.List(ctx, ws.ID, nil)
	require.NoError(t, err)
	for _, v := range list.Items {
		if v.Key == "instance_size" {
			assert.Equal(t, "large", v.Value, "instance_size after the upgrade")
		}
	}

	// Disable no-code; the workspaces stay.
	require.NoError(t, noCode.Delete(ctx, nc.ID))
	_, err = noCode.Read(ctx, nc.ID, nil)
	assert.ErrorIs(t, err, tfe.ErrResourceNotFound, "read after delete")
	_, ok := srv.Workspace(ws.ID)
	assert.True(t, ok, "deleting the no-code module deleted its workspace")
}

// An errored plan ends the wait with a nil error: the caller checks
// Failed and does not confirm (the service would answer 409).
func TestScenarioNoCodeErroredUpgradeOnFake(t *testing.T) {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithUpgradeStates("pending", "planning", "errored"))
	defer srv.Close()
	d := srv.SeedDemo("my-organization")
	client, ctx := fakeClient(t, srv), context.Background()
	nc, err := client.NoCodeModules.Create(ctx, "my-organization", tfe.NoCodeModuleCreateOptions{
		RegistryModuleID: d.RegistryModuleID, VersionPin: tfe.Ptr("1.4.0"), Enabled: tfe.Ptr(true),
	})
	require.NoError(t, err)
	ws, err := client.NoCodeModules.CreateWorkspace(ctx, nc.ID, tfe.NoCodeWorkspaceCreateOptions{Name: "w", ProjectID: d.ProjectID})
	require.NoError(t, err)
	_, err = client.NoCodeModules.Update(ctx, nc.ID, tfe.NoCodeModuleUpdateOptions{VersionPin: tfe.Ptr("1.5.0")})
	require.NoError(t, err)
	up, err := client.NoCodeModules.UpgradeWorkspace(ctx, nc.ID, ws.ID, nil)
	require.NoError(t, err)
	up, err = client.NoCodeModules.WaitForWorkspaceUpgrade(ctx, nc.ID, ws.ID, up.ID, &tfe.WaitOptions{PollInterval: time.Millisecond})
	require.NoError(t, err, "the wait")
	require.True(t, up.Failed(), "after the wait: want errored, got %s", up.Status)
	require.False(t, up.Confirmable(), "after the wait: want errored, got %s", up.Status)
	err = client.NoCodeModules.ConfirmWorkspaceUpgrade(ctx, nc.ID, ws.ID, up.ID)
	assert.ErrorIs(t, err, tfe.ErrConflict, "confirming an errored upgrade")
}
