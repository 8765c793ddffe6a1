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

// runMain runs the example as main does, with the settings vars.
func runMain(vars map[string]string) (code int, stdout, stderr string) {
	return demotest.Main("admin-bootstrap", scenario.Of(envFor, run), vars)
}

// runExample runs the example and checks that neither its output nor its
// error contains the SMTP password.
func runExample(t *testing.T, env Env) (*Result, string, error) {
	return demotest.Run(t, run, env, 30*time.Second, env.SMTP.Password)
}

// assertBackToDefaults checks the fake's state: default settings reset and
// the four token types at tfe.DefaultTokenTTL.
func assertBackToDefaults(t *testing.T, tgt *scenario.Target) {
	t.Helper()
	ctx := context.Background()
	check := tgt.Fake.Client()
	defaults, err := check.Organizations.ReadDefaultSettings(ctx, tgt.Org)
	if err != nil {
		t.Fatal(err)
	}
	if *defaults != (tfe.OrganizationDefaultSettings{DefaultExecutionMode: tfe.ExecutionModeRemote}) {
		t.Errorf("default settings on the server = %+v, want remote and no pool", defaults)
	}
	policies, err := check.TokenTTLPolicies.List(ctx, tgt.Org)
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
	tgt, env := demotest.Start(t, envFor)
	res, out, err := runExample(t, env)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	srv, ctx := tgt.Fake, context.Background()

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
	assertBackToDefaults(t, tgt)

	// Token lifetimes: enforced, capped at 1y/90d/30d/2y, then reset.
	org, err := srv.Client().Organizations.Read(ctx, tgt.Org)
	if err != nil {
		t.Fatal(err)
	}
	if !org.MaxTTLEnabled || !res.MaxTTLEnabled {
		t.Error("MaxTTLEnabled is off on the server")
	}
	const day = 24 * time.Hour
	wantCaps := map[tfe.TokenPolicyType]time.Duration{
		tfe.TokenPolicyOrganization: tfe.DefaultTokenTTL / 2, tfe.TokenPolicyTeam: 90 * day,
		tfe.TokenPolicyUser: 30 * day, tfe.TokenPolicyAuditTrails: tfe.DefaultTokenTTL,
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
	tgt, env := demotest.Start(t, envFor)
	tgt.Fake.InjectFault(tfetest.Fault{Method: "PATCH", Path: "organizations/" + tgt.Org + "/token-ttl-policies",
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
	assertBackToDefaults(t, tgt)
}

// On HCP Terraform the admin API answers 404: the SMTP step is skipped and
// the organization steps still run.
func TestBootstrapOnHCPTerraformSkipsSMTP(t *testing.T) {
	tgt, env := demotest.Start(t, envFor, tfetest.WithHCPTerraform())
	res, out, err := runExample(t, env)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	if res.SMTP != nil || tgt.Fake.TestEmailsSent() != 0 || !strings.Contains(out, "- 1/8 configure the SMTP relay: skipped") {
		t.Errorf("SMTP was not skipped:\n%s", out)
	}
	if !strings.Contains(out, "SMTP left as it was") {
		t.Errorf("the summary does not say SMTP was left alone:\n%s", out)
	}
	assertBackToDefaults(t, tgt)
}

// The SMTP server refusing the login stops the run before anything else
// changes, with an error that says so and does not repeat the password.
func TestBootstrapSMTPCredentialsRefused(t *testing.T) {
	tgt, env := demotest.Start(t, envFor)
	tgt.Fake.FailNextSMTPUpdate(http.StatusUnauthorized)
	_, out, err := runExample(t, env)
	if !errors.Is(err, tfe.ErrSMTPCredentials) {
		t.Fatalf("err = %v, want ErrSMTPCredentials", err)
	}
	if n := demotest.Count(tgt.Fake, "PATCH", "organizations/"+tgt.Org); n != 0 {
		t.Errorf("the organization was changed %d times after the SMTP step failed", n)
	}
	if !strings.Contains(out, "✗ 1/8 configure the SMTP relay") {
		t.Errorf("output:\n%s", out)
	}
}

func TestEnvForRealService(t *testing.T) {
	vars := map[string]string{"TFE_AGENT_POOL_ID": "apool-1"}
	tgt := &scenario.Target{Org: "acme", Getenv: func(k string) string { return vars[k] }}
	env, err := envFor(tgt)
	if err != nil || env.AgentPoolID != "apool-1" || env.SMTP != nil {
		t.Fatalf("without TFE_SMTP_HOST: %+v, %v", env, err)
	}
	vars["TFE_SMTP_HOST"] = "smtp.acme.test"
	if _, err := envFor(tgt); err == nil || !strings.Contains(err.Error(), "TFE_SMTP_PASSWORD") {
		t.Errorf("missing SMTP settings: err = %v", err)
	}
	for k, v := range map[string]string{"TFE_SMTP_SENDER": "no@acme.test", "TFE_SMTP_USERNAME": "bot",
		"TFE_SMTP_PASSWORD": "pw", "TFE_SMTP_TEST_EMAIL": "ops@acme.test", "TFE_SMTP_PORT": "2525"} {
		vars[k] = v
	}
	if env, err = envFor(tgt); err != nil || env.SMTP.Port != 2525 || env.SMTP.Password != "pw" {
		t.Errorf("with every setting: %+v, %v", env.SMTP, err)
	}
	vars["TFE_SMTP_PORT"] = "smtp"
	if _, err := envFor(tgt); err == nil {
		t.Error("a bad port was accepted")
	}
	delete(vars, "TFE_AGENT_POOL_ID")
	if _, err := envFor(tgt); err == nil || !strings.Contains(err.Error(), "TFE_AGENT_POOL_ID") {
		t.Errorf("missing pool: err = %v", err)
	}
}

// The example prints a cap the way it was asked for: "2y" and the default
// are the same thing, and what formatTTL writes, tfe.ParseTTL reads back.
func TestFormatTTLAgreesWithParseTTL(t *testing.T) {
	assert.Equal(t, "2y", formatTTL(tfe.DefaultTokenTTL))
	for _, s := range []string{"1y", "2y", "90d", "30d", "365d", "12h", "90m", "45s", "500ms", "292y"} {
		d, err := tfe.ParseTTL(s)
		require.NoError(t, err)
		assert.Equal(t, s, formatTTL(d), "formatTTL(ParseTTL(%q))", s)
	}
	for _, d := range []time.Duration{tfe.DefaultTokenTTL, 730 * 24 * time.Hour, 36*time.Hour + time.Millisecond, 7 * 24 * time.Hour, time.Millisecond} {
		back, err := tfe.ParseTTL(formatTTL(d))
		require.NoError(t, err, "formatTTL(%s) = %q", d, formatTTL(d))
		assert.Equal(t, d, back, "ParseTTL(formatTTL(%s))", d)
	}
	assert.Equal(t, "730d", formatTTL(730*24*time.Hour), "730 days are not two of the service's years")
}

// A 401 in the middle of the run (a token revoked while it runs) ends the
// calls: the cleanup does not try, it says what is left, and the 401 is
// printed once. The SMTP password read from TFE_SMTP_PASSWORD is sent,
// never printed.
func TestUnauthorizedMidRun(t *testing.T) {
	srv, vars := demotest.Service(t, nil)
	srv.InjectFault(tfetest.Fault{Method: "PATCH", Path: "organizations/demo-org/token-ttl-policies",
		Kind: tfetest.FaultStatus, Status: http.StatusUnauthorized})
	code, stdout, stderr := runMain(vars)
	assert.Equal(t, 1, code)
	assert.Equal(t, "admin-bootstrap: failed at step 6/8 (cap token lifetimes)\n", stderr)
	assert.Contains(t, stdout, "✓ 1/8 configure the SMTP relay: smtp.example.com:587")
	assert.NotContains(t, stdout+stderr, vars["TFE_SMTP_PASSWORD"])
	assert.Equal(t, 1, strings.Count(stdout+stderr, "401 Unauthorized"), "the 401 is printed once:\n%s%s", stdout, stderr)
	assert.Contains(t, stdout, "  left in place (the service refused the token), not done: reset the token TTL policies of demo-org\n"+
		"    undo: "+undoByRerun+"\n")
	requests := srv.Requests()
	last := requests[len(requests)-1]
	assert.Equal(t, "PATCH /api/v2/organizations/demo-org/token-ttl-policies", last.Method+" "+last.Path, "no request after the 401")
}
