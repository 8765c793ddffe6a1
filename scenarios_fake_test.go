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
	srv := tfetest.NewServer(tfetest.WithOrganization("my-org"))
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
	org, err := client.Organizations.Update(ctx, "my-org", tfe.OrganizationUpdateOptions{MaxTTLEnabled: tfe.Ptr(true)})
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
	policies, err := client.TokenTTLPolicies.List(ctx, "my-org")
	if err != nil {
		t.Fatal(err)
	}
	const day = 24 * time.Hour
	want := map[tfe.TokenPolicyType]time.Duration{
		tfe.TokenPolicyOrganization: 365 * day, tfe.TokenPolicyTeam: 90 * day, tfe.TokenPolicyUser: 30 * day,
		tfe.TokenPolicyAuditTrails: 730 * day, tfe.TokenPolicyMetrics: tfe.DefaultTokenTTL,
	}
	for _, p := range policies {
		if p.MaxTTL != want[p.TokenType] {
			t.Errorf("%s cap = %v, want %v", p.TokenType, p.MaxTTL, want[p.TokenType])
		}
		delete(want, p.TokenType)
	}
	if len(want) != 0 {
		t.Errorf("policies missing from the list: %v", want)
	}

	// Reset to the two-year default.
	policies, err = client.TokenTTLPolicies.ResetToDefaults(ctx, "my-org")
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
	srv := tfetest.NewServer(tfetest.WithHCPTerraform())
	defer srv.Close()
	_, err := fakeClient(t, srv).Admin.SMTP.Update(context.Background(), tfe.AdminSMTPSettingsUpdateOptions{
		Enabled: tfe.Ptr(true), TestEmailAddress: tfe.Ptr("ops@example.com"),
	})
	if !errors.Is(err, tfe.ErrResourceNotFound) || srv.TestEmailsSent() != 0 {
		t.Errorf("err = %v, emails = %d; want ErrResourceNotFound and none", err, srv.TestEmailsSent())
	}
}
