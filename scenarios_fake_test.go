package tfe_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// The user scenarios walked with the SDK against the tfetest fake, which
// checks every request as the service does (token, content type, resource
// types, attribute names against its allow-lists: a misspelled wire name
// is a 422 and fails the step).

// fakeClient returns a client for srv that logs into the suite's shared
// debug log, which TestMain checks for planted secrets.
func fakeClient(t *testing.T, srv *tfetest.Server) *tfe.Client {
	t.Helper()
	cfg := srv.Config()
	cfg.Logger = tfe.SuiteLogger()
	client, err := tfe.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
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
	if got := len(srv.Requests()); got != n {
		t.Errorf("%d requests sent, want none", got-n)
	}
}

func ttl(t *testing.T, s string) *time.Duration {
	t.Helper()
	d, err := tfe.ParseTTL(s)
	if err != nil {
		t.Fatal(err)
	}
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
	if err != nil {
		t.Fatal(err)
	}
	if smtp.Auth != tfe.SMTPAuthLogin || smtp.Username != "smtp-bot" || !smtp.Enabled {
		t.Errorf("SMTP settings = %+v", smtp)
	}
	if n := requests(srv, "PATCH", "admin/smtp-settings"); n != 1 || srv.TestEmailsSent() != 1 {
		t.Errorf("SMTP PATCHes = %d, test emails = %d, want 1 and 1", n, srv.TestEmailsSent())
	}
	if read, err := client.Admin.SMTP.Read(ctx); err != nil || *read != *smtp {
		t.Errorf("SMTP read back = %+v, %v; want %+v", read, err, smtp)
	}

	// Step 2: agent by default, with a pool; read back; reset. A pool with
	// another mode is refused before anything is sent.
	sent := len(srv.Requests())
	_, err = client.Organizations.UpdateDefaultSettings(ctx, "my-org", tfe.OrganizationDefaultSettingsUpdateOptions{
		DefaultExecutionMode: tfe.Ptr(tfe.ExecutionModeRemote), DefaultAgentPoolID: tfe.NullableOf(pool),
	})
	if !errors.Is(err, tfe.ErrAgentPoolNotAllowed) {
		t.Errorf("remote with a pool: err = %v, want ErrAgentPoolNotAllowed", err)
	}
	noRequestSince(t, srv, sent)
	if _, err := client.Organizations.UpdateDefaultSettings(ctx, "my-org", tfe.OrganizationDefaultSettingsUpdateOptions{
		DefaultExecutionMode: tfe.Ptr(tfe.ExecutionModeAgent), DefaultAgentPoolID: tfe.NullableOf(pool),
	}); err != nil {
		t.Fatal(err)
	}
	defaults, err := client.Organizations.ReadDefaultSettings(ctx, "my-org")
	if err != nil || *defaults != (tfe.OrganizationDefaultSettings{DefaultExecutionMode: tfe.ExecutionModeAgent, DefaultAgentPoolID: pool}) {
		t.Errorf("defaults read back = %+v, %v", defaults, err)
	}
	defaults, err = client.Organizations.ResetDefaultSettings(ctx, "my-org")
	if err != nil || *defaults != (tfe.OrganizationDefaultSettings{DefaultExecutionMode: tfe.ExecutionModeRemote}) {
		t.Errorf("defaults after the reset = %+v, %v", defaults, err)
	}

	// Step 3: enforce token lifetimes and cap them. An empty update is
	// refused locally.
	org, err := client.Organizations.Update(ctx, "my-org", tfe.OrganizationUpdateOptions{OrganizationSettingsOptions: tfe.OrganizationSettingsOptions{MaxTTLEnabled: tfe.Ptr(true)}})
	if err != nil || !org.MaxTTLEnabled {
		t.Fatalf("enabling max TTL: %+v, %v", org, err)
	}
	sent = len(srv.Requests())
	if _, err := client.TokenTTLPolicies.Update(ctx, "my-org", tfe.TokenTTLPolicyUpdateOptions{}); !errors.Is(err, tfe.ErrRequiredTokenTTLPolicy) {
		t.Errorf("empty update: err = %v, want ErrRequiredTokenTTLPolicy", err)
	}
	noRequestSince(t, srv, sent)
	if _, err := client.TokenTTLPolicies.Update(ctx, "my-org", tfe.TokenTTLPolicyUpdateOptions{
		Organization: ttl(t, "1y"), Team: ttl(t, "90d"), User: ttl(t, "30d"), AuditTrails: ttl(t, "2y"),
	}); err != nil {
		t.Fatal(err)
	}
	list, err := client.TokenTTLPolicies.List(ctx, "my-org", nil)
	if err != nil {
		t.Fatal(err)
	}
	const day = 24 * time.Hour
	want := map[tfe.TokenPolicyType]time.Duration{
		tfe.TokenPolicyOrganization: tfe.DefaultTokenTTL / 2, tfe.TokenPolicyTeam: 90 * day, tfe.TokenPolicyUser: 30 * day,
		tfe.TokenPolicyAuditTrails: tfe.DefaultTokenTTL,
	}
	for _, p := range list.Items {
		if p.MaxTTL != want[p.TokenType] {
			t.Errorf("%s cap = %v, want %v", p.TokenType, p.MaxTTL, want[p.TokenType])
		}
		delete(want, p.TokenType)
	}
	if len(want) != 0 {
		t.Errorf("policies missing from the list: %v", want)
	}

	// Reset to the two-year default.
	policies, err := client.TokenTTLPolicies.ResetToDefaults(ctx, "my-org")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range policies {
		if p.MaxTTL != tfe.DefaultTokenTTL {
			t.Errorf("%s cap after the reset = %v", p.TokenType, p.MaxTTL)
		}
	}
	for _, r := range srv.Requests() {
		if !r.Authorized {
			t.Errorf("%s %s went out without the token", r.Method, r.Path)
		}
		if r.Path != "/api/v2/admin/smtp-settings" && bytes.Contains(r.Body, []byte(password)) {
			t.Errorf("%s %s carries the SMTP password", r.Method, r.Path)
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
	if !errors.Is(err, tfe.ErrResourceNotFound) || srv.TestEmailsSent() != 0 {
		t.Errorf("err = %v, emails = %d; want ErrResourceNotFound and none", err, srv.TestEmailsSent())
	}
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
	if err != nil {
		t.Fatal(err)
	}
	if !nc.Enabled || nc.VersionPin != "1.4.0" || nc.RegistryModule.ID != d.RegistryModuleID {
		t.Errorf("no-code module = %+v", nc)
	}

	vars, err := noCode.ReadVariables(ctx, nc.ID, "1.4.0")
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]*tfe.RegistryModuleVariable{}
	for _, v := range vars {
		declared[v.Name] = v
	}
	if r, p := declared["region"], declared["db_password"]; len(vars) != 3 || r == nil || !r.Required || r.Type != "string" || p == nil || !p.Sensitive {
		t.Errorf("module variables = %v", declared)
	}

	// The update replaces the whole option list; Read includes it.
	if _, err := noCode.Update(ctx, nc.ID, tfe.NoCodeModuleUpdateOptions{
		VariableOptions: []*tfe.NoCodeVariableOption{
			{VariableName: "region", VariableType: "string", Options: []string{"us-east-1", "us-west-2", "eu-west-1"}},
			{VariableName: "instance_size", VariableType: "string", Options: []string{"small", "medium", "large"}},
		},
	}); err != nil {
		t.Fatal(err)
	}
	read, err := noCode.Read(ctx, nc.ID, nil)
	if err != nil || len(read.VariableOptions) != 2 || len(read.VariableOptions[0].Options) != 3 {
		t.Fatalf("options read back = %+v, %v", read, err)
	}

	ws, err := noCode.CreateWorkspace(ctx, nc.ID, tfe.NoCodeWorkspaceCreateOptions{
		Name: "customer-acme-us-east-1", ProjectID: d.ProjectID,
		Description:      tfe.Ptr("Production environment for ACME (us-east-1)"),
		TerraformVersion: tfe.Ptr("1.7.0"),
		Variables: []tfe.NoCodeWorkspaceVariable{
			{Key: "region", Value: "us-east-1", Category: tfe.CategoryTerraform},
			{Key: "instance_size", Value: "medium", Category: tfe.CategoryTerraform},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if ws.Name != "customer-acme-us-east-1" || ws.TerraformVersion != "1.7.0" || ws.Project.ID != d.ProjectID {
		t.Errorf("workspace = %+v", ws)
	}

	// Agent mode without a pool is refused before anything is sent.
	sent := len(srv.Requests())
	_, err = noCode.CreateWorkspace(ctx, nc.ID, tfe.NoCodeWorkspaceCreateOptions{
		Name: "private-network-ws", ProjectID: d.ProjectID, ExecutionMode: tfe.Ptr(tfe.ExecutionModeAgent),
	})
	if !errors.Is(err, tfe.ErrRequiredAgentPoolID) {
		t.Errorf("agent mode without a pool: err = %v", err)
	}
	noRequestSince(t, srv, sent)
	agentWS, err := noCode.CreateWorkspace(ctx, nc.ID, tfe.NoCodeWorkspaceCreateOptions{
		Name: "private-network-ws", ProjectID: d.ProjectID,
		ExecutionMode: tfe.Ptr(tfe.ExecutionModeAgent), AgentPoolID: tfe.Ptr(d.AgentPoolID),
	})
	if err != nil || agentWS.ExecutionMode != tfe.ExecutionModeAgent || agentWS.AgentPoolID != d.AgentPoolID {
		t.Fatalf("agent workspace = %+v, %v", agentWS, err)
	}

	// Bump the pin, upgrade with a changed (sensitive-free) variable, wait,
	// confirm. The wait reads until the plan is finished.
	if nc, err = noCode.Update(ctx, nc.ID, tfe.NoCodeModuleUpdateOptions{VersionPin: tfe.Ptr("1.5.0")}); err != nil || nc.VersionPin != "1.5.0" {
		t.Fatalf("bumping the pin: %+v, %v", nc, err)
	}
	up, err := noCode.UpgradeWorkspace(ctx, nc.ID, ws.ID, &tfe.NoCodeWorkspaceUpgradeOptions{
		Variables: []tfe.NoCodeWorkspaceVariable{{Key: "instance_size", Value: "large", Category: tfe.CategoryTerraform}},
	})
	if err != nil {
		t.Fatal(err)
	}
	up, err = noCode.WaitForWorkspaceUpgrade(ctx, nc.ID, ws.ID, up.ID, &tfe.WaitOptions{PollInterval: time.Millisecond})
	if err != nil || up.Status != "planned_and_finished" || !up.Confirmable() || up.PlanURL == "" {
		t.Fatalf("after the wait: %+v, %v", up, err)
	}
	if err := noCode.ConfirmWorkspaceUpgrade(ctx, nc.ID, ws.ID, up.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := srv.Workspace(ws.ID); got.ModuleVersion != "1.5.0" {
		t.Errorf("workspace on module %s after the confirm, want 1.5.0", got.ModuleVersion)
	}
	if got, _ := srv.Workspace(agentWS.ID); got.ModuleVersion != "1.4.0" {
		t.Errorf("the agent workspace moved to %s", got.ModuleVersion)
	}
	list, err := client.Variables.List(ctx, ws.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range list.Items {
		if v.Key == "instance_size" && v.Value != "large" {
			t.Errorf("instance_size = %q after the upgrade", v.Value)
		}
	}

	// Disable no-code; the workspaces stay.
	if err := noCode.Delete(ctx, nc.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := noCode.Read(ctx, nc.ID, nil); !errors.Is(err, tfe.ErrResourceNotFound) {
		t.Errorf("read after delete: err = %v", err)
	}
	if _, ok := srv.Workspace(ws.ID); !ok {
		t.Error("deleting the no-code module deleted its workspace")
	}
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
	if err != nil {
		t.Fatal(err)
	}
	ws, err := client.NoCodeModules.CreateWorkspace(ctx, nc.ID, tfe.NoCodeWorkspaceCreateOptions{Name: "w", ProjectID: d.ProjectID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.NoCodeModules.Update(ctx, nc.ID, tfe.NoCodeModuleUpdateOptions{VersionPin: tfe.Ptr("1.5.0")}); err != nil {
		t.Fatal(err)
	}
	up, err := client.NoCodeModules.UpgradeWorkspace(ctx, nc.ID, ws.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	up, err = client.NoCodeModules.WaitForWorkspaceUpgrade(ctx, nc.ID, ws.ID, up.ID, &tfe.WaitOptions{PollInterval: time.Millisecond})
	if err != nil || !up.Failed() || up.Confirmable() {
		t.Fatalf("after the wait: %+v, %v; want errored", up, err)
	}
	if err := client.NoCodeModules.ConfirmWorkspaceUpgrade(ctx, nc.ID, ws.ID, up.ID); !errors.Is(err, tfe.ErrConflict) {
		t.Errorf("confirming an errored upgrade: err = %v, want ErrConflict", err)
	}
}
