// Command admin-bootstrap brings a Terraform Enterprise installation and
// an organization into service: the SMTP relay (with a test email), the
// default execution mode for new workspaces, and caps on API token
// lifetimes. It is the Go version of the admin bootstrap scenario.
//
// Without TFE_ADDRESS and TFE_TOKEN it runs against the embedded fake API
// (tfetest), seeded with an organization and an agent pool. Against a real
// service it reads:
//
//	TFE_ADDRESS          the service, e.g. https://tfe.example.com
//	TFE_TOKEN            a site-admin token for SMTP, an org-owner token for the rest
//	TFE_ORG              the organization
//	TFE_AGENT_POOL_ID    the agent pool to make the default (apool-…)
//	TFE_SMTP_HOST        the SMTP relay; unset skips the SMTP step (HCP Terraform)
//	TFE_SMTP_PORT        its port (default 587)
//	TFE_SMTP_SENDER      the From address, e.g. noreply@example.com
//	TFE_SMTP_USERNAME    the login user
//	TFE_SMTP_PASSWORD    the login password (never printed)
//	TFE_SMTP_TEST_EMAIL  where the service sends its test email
//
// It leaves SMTP configured and token TTL enforcement on, and puts the
// default settings and the token TTL policies back to their defaults, also
// when a step fails or Ctrl-C stops it (TFE_KEEP does not change that).
//
// Connecting, the embedded fake, the progress lines and the cleanup come
// from github.com/tfe-sdk/tfe/examples/scenario, so this file, copied alone
// into a module that requires github.com/tfe-sdk/tfe, builds.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/examples/scenario"
)

// undoByRerun is how to undo an action the cleanup could not do: the
// example puts everything back at its end.
const undoByRerun = "run admin-bootstrap again with a working address and token: it resets them at its end"

// Env is what the example needs.
type Env struct {
	Client      *tfe.Client
	Org         string
	AgentPoolID string
	// SMTP is the relay to configure; nil skips the SMTP step.
	SMTP *SMTP
}

// SMTP is an SMTP relay with login authentication.
type SMTP struct {
	Host, Sender, Username string
	Port                   int
	// Password is a secret: it is sent, never printed.
	Password string
	// TestAddress receives the service's test email.
	TestAddress string
}

// Result is what the run achieved.
type Result struct {
	// SMTP is the relay as the service answered, nil when skipped.
	SMTP *tfe.AdminSMTPSettings
	// AgentDefaults are the default settings read back after the update.
	AgentDefaults *tfe.OrganizationDefaultSettings
	// Defaults are the default settings after the reset.
	Defaults *tfe.OrganizationDefaultSettings
	// MaxTTLEnabled is the organization's token TTL enforcement.
	MaxTTLEnabled bool
	// Capped are the token TTL policies listed after the update.
	Capped []*tfe.TokenTTLPolicy
	// Policies are the token TTL policies after the reset.
	Policies []*tfe.TokenTTLPolicy
}

// tokenCaps are the lifetimes set in step 6, by token type.
var tokenCaps = []struct {
	typ tfe.TokenPolicyType
	ttl string
}{
	{tfe.TokenPolicyOrganization, "1y"},
	{tfe.TokenPolicyTeam, "90d"},
	{tfe.TokenPolicyUser, "30d"},
	{tfe.TokenPolicyAuditTrails, "2y"},
}

func main() { scenario.Main("admin-bootstrap", scenario.Of(envFor, run)) }

// envFor builds the Env from the embedded fake's seed or the environment.
func envFor(t *scenario.Target) (Env, error) {
	env := Env{Client: t.Client, Org: t.Org}
	if t.Fake != nil {
		env.AgentPoolID = t.Seeded.AgentPoolID
		env.SMTP = &SMTP{
			Host: "smtp.example.com", Port: 587, Sender: "noreply@example.com", Username: "smtp-bot",
			Password: scenario.Placeholder("smtp-pw-"), TestAddress: "ops@example.com",
		}
		return env, nil
	}
	v, err := t.Require("TFE_AGENT_POOL_ID")
	if err != nil {
		return env, err
	}
	env.AgentPoolID = v["TFE_AGENT_POOL_ID"]
	if t.Getenv("TFE_SMTP_HOST") == "" {
		return env, nil
	}
	v, err = t.Require("TFE_SMTP_HOST", "TFE_SMTP_SENDER", "TFE_SMTP_USERNAME", "TFE_SMTP_PASSWORD", "TFE_SMTP_TEST_EMAIL")
	if err != nil {
		return env, err
	}
	port := 587
	if p := t.Getenv("TFE_SMTP_PORT"); p != "" {
		if port, err = strconv.Atoi(p); err != nil {
			return env, fmt.Errorf("TFE_SMTP_PORT: %w", err)
		}
	}
	env.SMTP = &SMTP{
		Host: v["TFE_SMTP_HOST"], Port: port, Sender: v["TFE_SMTP_SENDER"], Username: v["TFE_SMTP_USERNAME"],
		Password: v["TFE_SMTP_PASSWORD"], TestAddress: v["TFE_SMTP_TEST_EMAIL"],
	}
	return env, nil
}

// run walks the scenario, printing one line per step to out.
func run(ctx context.Context, env Env, out io.Writer) (res *Result, err error) {
	res = &Result{}
	steps := scenario.NewSteps(out, 8)
	cleanup := scenario.NewCleanup(out, false)
	defer cleanup.Finish(ctx, &err)
	orgs, ttls := env.Client.Organizations, env.Client.TokenTTLPolicies

	steps.Begin("configure the SMTP relay")
	if res.SMTP, err = configureSMTP(ctx, env, steps); err != nil {
		return res, err
	}

	// Registered before the update, so that an update the service applied
	// but did not answer is undone too.
	resetDefaults := cleanup.Add("reset the default execution mode of "+env.Org, undoByRerun, func(ctx context.Context) (err error) {
		res.Defaults, err = orgs.ResetDefaultSettings(ctx, env.Org)
		return err
	})
	steps.Begin("make agent the default execution mode")
	if _, err := orgs.UpdateDefaultSettings(ctx, env.Org, tfe.OrganizationDefaultSettingsUpdateOptions{
		DefaultExecutionMode: tfe.Ptr(tfe.ExecutionModeAgent),
		DefaultAgentPoolID:   tfe.NullableOf(env.AgentPoolID),
	}); err != nil {
		return res, steps.Fail(err)
	}
	steps.Done("pool %s", env.AgentPoolID)

	steps.Begin("read the default settings back")
	if res.AgentDefaults, err = orgs.ReadDefaultSettings(ctx, env.Org); err != nil {
		return res, steps.Fail(err)
	}
	steps.Done("%s", describeDefaults(res.AgentDefaults))

	steps.Begin("reset the default settings")
	if err := resetDefaults(ctx); err != nil {
		return res, steps.Fail(err)
	}
	steps.Done("%s", describeDefaults(res.Defaults))

	steps.Begin("enforce token lifetimes")
	org, err := orgs.Update(ctx, env.Org, tfe.OrganizationUpdateOptions{OrganizationSettingsOptions: tfe.OrganizationSettingsOptions{MaxTTLEnabled: tfe.Ptr(true)}})
	if err != nil {
		return res, steps.Fail(err)
	}
	res.MaxTTLEnabled = org.MaxTTLEnabled
	steps.Done("max TTL enabled on %s", org.Name)

	resetTTLs := cleanup.Add("reset the token TTL policies of "+env.Org, undoByRerun, func(ctx context.Context) (err error) {
		res.Policies, err = ttls.ResetToDefaults(ctx, env.Org)
		return err
	})
	steps.Begin("cap token lifetimes")
	opts, err := capOptions()
	if err != nil {
		return res, steps.Fail(err)
	}
	if _, err := ttls.Update(ctx, env.Org, opts); err != nil {
		return res, steps.Fail(err)
	}
	steps.Done("%s", describeCaps())

	steps.Begin("list the token TTL policies")
	if res.Capped, err = ttls.List(ctx, env.Org); err != nil {
		return res, steps.Fail(err)
	}
	steps.Done("%s", describePolicies(res.Capped))

	steps.Begin("reset the token TTL policies")
	if err := resetTTLs(ctx); err != nil {
		return res, steps.Fail(err)
	}
	steps.Done("%s", describePolicies(res.Policies))

	fmt.Fprintf(out, "Done: %s; new workspaces of %s run remotely again; token lifetimes enforced, capped at the default %s.\n",
		smtpSummary(res, env), env.Org, formatTTL(tfe.DefaultTokenTTL))
	return res, nil
}

// configureSMTP sends the one SMTP update of the scenario, which makes the
// service send a test email, and ends the step. It skips the step when
// env.SMTP is nil or the service has no admin API.
func configureSMTP(ctx context.Context, env Env, steps *scenario.Steps) (*tfe.AdminSMTPSettings, error) {
	if env.SMTP == nil {
		steps.Skip("TFE_SMTP_HOST is not set")
		return nil, nil
	}
	settings, err := env.Client.Admin.SMTP.Update(ctx, tfe.AdminSMTPSettingsUpdateOptions{
		Enabled:          tfe.Ptr(true),
		Host:             tfe.Ptr(env.SMTP.Host),
		Port:             tfe.Ptr(env.SMTP.Port),
		Sender:           tfe.Ptr(env.SMTP.Sender),
		Auth:             tfe.Ptr(tfe.SMTPAuthLogin),
		Username:         tfe.Ptr(env.SMTP.Username),
		Password:         tfe.Ptr(env.SMTP.Password),
		TestEmailAddress: tfe.Ptr(env.SMTP.TestAddress),
	})
	switch {
	case errors.Is(err, tfe.ErrResourceNotFound):
		steps.Skip("no admin API here (HCP Terraform, or not a site-admin token)")
		return nil, nil
	case err != nil:
		return nil, steps.Fail(err)
	}
	steps.Done("%s:%d, auth %s as %s; test email sent to %s",
		settings.Host, settings.Port, settings.Auth, settings.Username, env.SMTP.TestAddress)
	return settings, nil
}

// capOptions parses tokenCaps into the update options.
func capOptions() (tfe.TokenTTLPolicyUpdateOptions, error) {
	var opts tfe.TokenTTLPolicyUpdateOptions
	fields := map[tfe.TokenPolicyType]**time.Duration{
		tfe.TokenPolicyOrganization: &opts.Organization,
		tfe.TokenPolicyTeam:         &opts.Team,
		tfe.TokenPolicyUser:         &opts.User,
		tfe.TokenPolicyAuditTrails:  &opts.AuditTrails,
	}
	for _, c := range tokenCaps {
		d, err := tfe.ParseTTL(c.ttl)
		if err != nil {
			return opts, err
		}
		*fields[c.typ] = &d
	}
	return opts, nil
}

func describeDefaults(d *tfe.OrganizationDefaultSettings) string {
	if d.DefaultAgentPoolID == "" {
		return "mode " + string(d.DefaultExecutionMode) + ", no pool"
	}
	return "mode " + string(d.DefaultExecutionMode) + ", pool " + d.DefaultAgentPoolID
}

func describeCaps() string {
	parts := make([]string, len(tokenCaps))
	for i, c := range tokenCaps {
		parts[i] = string(c.typ) + " " + c.ttl
	}
	return strings.Join(parts, ", ")
}

// describePolicies lists each type's cap, or says they are all at the
// default.
func describePolicies(policies []*tfe.TokenTTLPolicy) string {
	parts := make([]string, len(policies))
	atDefault := true
	for i, p := range policies {
		parts[i] = string(p.TokenType) + " " + formatTTL(p.MaxTTL)
		atDefault = atDefault && p.MaxTTL == tfe.DefaultTokenTTL
	}
	if atDefault {
		return fmt.Sprintf("all %d at the default, %s", len(policies), formatTTL(tfe.DefaultTokenTTL))
	}
	return strings.Join(parts, ", ")
}

// ttlUnits are the units formatTTL writes, longest first, each as
// tfe.ParseTTL reads it; y is the service's year of 365.2425 days.
var ttlUnits = []struct {
	name string
	per  time.Duration
}{
	{"y", mustParseTTL("1y")}, {"d", mustParseTTL("1d")}, {"h", time.Hour},
	{"m", time.Minute}, {"s", time.Second}, {"ms", time.Millisecond},
}

// formatTTL writes d as tfe.ParseTTL reads it, in the longest unit d is a
// whole number of: the default cap, two years of 365.2425 days, is "2y",
// and tfe.ParseTTL(formatTTL(d)) is d for every whole number of ms.
func formatTTL(d time.Duration) string {
	for _, u := range ttlUnits {
		if d > 0 && d%u.per == 0 {
			return strconv.FormatInt(int64(d/u.per), 10) + u.name
		}
	}
	return d.String()
}

// mustParseTTL is tfe.ParseTTL for the constant units above.
func mustParseTTL(s string) time.Duration {
	d, err := tfe.ParseTTL(s)
	if err != nil {
		panic(err)
	}
	return d
}

func smtpSummary(res *Result, env Env) string {
	if res.SMTP == nil {
		return "SMTP left as it was"
	}
	return "SMTP relay " + res.SMTP.Host + " configured (test email to " + env.SMTP.TestAddress + ")"
}
