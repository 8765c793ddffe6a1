package main

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/examples/internal/demo"
	"github.com/tfe-sdk/tfe/examples/internal/demotest"
	"github.com/tfe-sdk/tfe/tfetest"
)

func start(t *testing.T, opts ...tfetest.Option) (*demo.Target, Env) {
	return demotest.Start(t, envFor, opts...)
}

// runExample runs the example and checks that neither its output nor its
// error contains the SMTP password.
func runExample(t *testing.T, env Env) (*Result, string, error) {
	return demotest.Run(t, run, env, 30*time.Second, env.SMTP.Password)
}

// assertBackToDefaults checks the fake's state: default settings reset and
// the four token types at tfe.DefaultTokenTTL.
func assertBackToDefaults(t *testing.T, target *demo.Target) {
	t.Helper()
	ctx := context.Background()
	check := target.Fake.Client()
	defaults, err := check.Organizations.ReadDefaultSettings(ctx, target.Org)
	if err != nil {
		t.Fatal(err)
	}
	if *defaults != (tfe.OrganizationDefaultSettings{DefaultExecutionMode: tfe.ExecutionModeRemote}) {
		t.Errorf("default settings on the server = %+v, want remote and no pool", defaults)
	}
	policies, err := check.TokenTTLPolicies.List(ctx, target.Org)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range policies {
		if p.MaxTTL != tfe.DefaultTokenTTL {
			t.Errorf("%s cap on the server = %v, want the default", p.TokenType, p.MaxTTL)
		}
	}
}

func TestBootstrap(t *testing.T) {
	target, env := start(t)
	res, out, err := runExample(t, env)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	srv, ctx := target.Fake, context.Background()

	// SMTP: configured once, with login auth, one test email.
	if n := srv.TestEmailsSent(); n != 1 {
		t.Errorf("test emails sent = %d, want 1", n)
	}
	if n := demotest.Count(srv, "PATCH", "admin/smtp-settings"); n != 1 {
		t.Errorf("SMTP PATCHes = %d, want 1", n)
	}
	smtp, err := srv.Client().Admin.SMTP.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := tfe.AdminSMTPSettings{ID: smtp.ID, Enabled: true, Host: "smtp.example.com", Port: 587,
		Sender: "noreply@example.com", Auth: tfe.SMTPAuthLogin, Username: "smtp-bot"}
	if *smtp != want || *res.SMTP != want {
		t.Errorf("SMTP on the server = %+v, reported %+v, want %+v", smtp, res.SMTP, want)
	}

	// Default settings: agent with the pool when read back, then reset.
	if *res.AgentDefaults != (tfe.OrganizationDefaultSettings{DefaultExecutionMode: tfe.ExecutionModeAgent, DefaultAgentPoolID: env.AgentPoolID}) {
		t.Errorf("defaults read back = %+v", res.AgentDefaults)
	}
	assertBackToDefaults(t, target)

	// Token lifetimes: enforced, capped at 1y/90d/30d/2y, then reset.
	org, err := srv.Client().Organizations.Read(ctx, target.Org)
	if err != nil {
		t.Fatal(err)
	}
	if !org.MaxTTLEnabled || !res.MaxTTLEnabled {
		t.Error("MaxTTLEnabled is off on the server")
	}
	const day = 24 * time.Hour
	wantCaps := map[tfe.TokenPolicyType]time.Duration{
		tfe.TokenPolicyOrganization: 365 * day, tfe.TokenPolicyTeam: 90 * day,
		tfe.TokenPolicyUser: 30 * day, tfe.TokenPolicyAuditTrails: 730 * day,
	}
	if len(res.Capped) != len(wantCaps) {
		t.Errorf("listed %d policies, want %d", len(res.Capped), len(wantCaps))
	}
	for _, p := range res.Capped {
		if p.MaxTTL != wantCaps[p.TokenType] {
			t.Errorf("listed cap of %s = %v, want %v", p.TokenType, p.MaxTTL, wantCaps[p.TokenType])
		}
	}

	// Output: the banner is printed by Connect, not run; one line per step
	// and a summary.
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 9 || !strings.HasPrefix(lines[0], "✓ 1/8 configure the SMTP relay") || !strings.HasPrefix(lines[8], "Done: ") {
		t.Errorf("output:\n%s", out)
	}
}

// A failure after the caps were applied still puts them back: the service
// applies the PATCH, then the client sees a 503 (PATCH is not retried).
func TestBootstrapCleansUpAfterAFailedStep(t *testing.T) {
	target, env := start(t)
	target.Fake.InjectFault(tfetest.Fault{Method: "PATCH", Path: "organizations/" + target.Org + "/token-ttl-policies",
		Kind: tfetest.FaultStatus, Status: http.StatusServiceUnavailable, When: tfetest.AfterApply})
	_, out, err := runExample(t, env)
	if err == nil || !strings.Contains(err.Error(), "step 6/8 (cap token lifetimes)") {
		t.Fatalf("err = %v, want a failure at step 6", err)
	}
	var apiErr *tfe.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("err = %v, want the 503 as an *APIError", err)
	}
	if !strings.Contains(out, "✗ 6/8 cap token lifetimes") || !strings.Contains(out, "cleanup: reset the token TTL policies of demo-org") {
		t.Errorf("output does not report the failure and the cleanup:\n%s", out)
	}
	assertBackToDefaults(t, target)
}

// On HCP Terraform the admin API answers 404: the SMTP step is skipped and
// the organization steps still run.
func TestBootstrapOnHCPTerraformSkipsSMTP(t *testing.T) {
	target, env := start(t, tfetest.WithHCPTerraform())
	res, out, err := runExample(t, env)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	if res.SMTP != nil || target.Fake.TestEmailsSent() != 0 || !strings.Contains(out, "- 1/8 configure the SMTP relay: skipped") {
		t.Errorf("SMTP was not skipped:\n%s", out)
	}
	if !strings.Contains(out, "SMTP left as it was") {
		t.Errorf("the summary does not say SMTP was left alone:\n%s", out)
	}
	assertBackToDefaults(t, target)
}

// The SMTP server refusing the login stops the run before anything else
// changes, with an error that says so and does not repeat the password.
func TestBootstrapSMTPCredentialsRefused(t *testing.T) {
	target, env := start(t)
	target.Fake.FailNextSMTPUpdate(http.StatusUnauthorized)
	_, out, err := runExample(t, env)
	if !errors.Is(err, tfe.ErrSMTPCredentials) {
		t.Fatalf("err = %v, want ErrSMTPCredentials", err)
	}
	if n := demotest.Count(target.Fake, "PATCH", "organizations/"+target.Org); n != 0 {
		t.Errorf("the organization was changed %d times after the SMTP step failed", n)
	}
	if !strings.Contains(out, "✗ 1/8 configure the SMTP relay") {
		t.Errorf("output:\n%s", out)
	}
}

func TestEnvForRealService(t *testing.T) {
	vars := map[string]string{"TFE_AGENT_POOL_ID": "apool-1"}
	target := &demo.Target{Org: "acme", Getenv: func(k string) string { return vars[k] }}
	env, err := envFor(target)
	if err != nil || env.AgentPoolID != "apool-1" || env.SMTP != nil {
		t.Fatalf("without TFE_SMTP_HOST: %+v, %v", env, err)
	}
	vars["TFE_SMTP_HOST"] = "smtp.acme.test"
	if _, err := envFor(target); err == nil || !strings.Contains(err.Error(), "TFE_SMTP_PASSWORD") {
		t.Errorf("missing SMTP settings: err = %v", err)
	}
	for k, v := range map[string]string{"TFE_SMTP_SENDER": "no@acme.test", "TFE_SMTP_USERNAME": "bot",
		"TFE_SMTP_PASSWORD": "pw", "TFE_SMTP_TEST_EMAIL": "ops@acme.test", "TFE_SMTP_PORT": "2525"} {
		vars[k] = v
	}
	if env, err = envFor(target); err != nil || env.SMTP.Port != 2525 || env.SMTP.Password != "pw" {
		t.Errorf("with every setting: %+v, %v", env.SMTP, err)
	}
	vars["TFE_SMTP_PORT"] = "smtp"
	if _, err := envFor(target); err == nil {
		t.Error("a bad port was accepted")
	}
	delete(vars, "TFE_AGENT_POOL_ID")
	if _, err := envFor(target); err == nil || !strings.Contains(err.Error(), "TFE_AGENT_POOL_ID") {
		t.Errorf("missing pool: err = %v", err)
	}
}
