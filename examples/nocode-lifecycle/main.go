// Command nocode-lifecycle walks the no-code provisioning lifecycle of a
// platform team: it enables a private registry module for no-code use,
// pinned at a version; reads the variables that version declares; limits
// region and instance_size to curated values; creates a workspace from the
// module with variables and one that runs on an agent pool; bumps the pin;
// upgrades the first workspace with a changed variable, waits for the
// upgrade's plan and confirms it (or says why it cannot); and finally
// disables no-code provisioning for the module again.
//
// Without TFE_ADDRESS and TFE_TOKEN it runs against the embedded fake API
// (tfetest), seeded with a project, an agent pool and a module "app/aws"
// published at 1.4.0 and 1.5.0. Against a real service it reads:
//
//	TFE_ADDRESS                  the service, e.g. https://app.terraform.io
//	TFE_TOKEN                    a user or team token (the no-code endpoints refuse organization tokens)
//	TFE_ORG                      the organization
//	TFE_REGISTRY_MODULE_ID       a private registry module (mod-…) declaring string variables region and instance_size
//	TFE_PROJECT_ID               the project to create the workspaces in (prj-…)
//	TFE_AGENT_POOL_ID            the agent pool of the second workspace (apool-…)
//	TFE_MODULE_VERSION           the version to pin first (default 1.4.0)
//	TFE_MODULE_UPGRADE_VERSION   the version to upgrade to (default 1.5.0)
//	TFE_KEEP                     set to leave no-code provisioning enabled
//
// The workspaces it creates stay (deleting the no-code module does not
// delete them); against a real service their names get a random suffix.
// With TFE_KEEP set it prints how to disable no-code provisioning by hand,
// and a later run that finds the module still enabled says so again
// instead of creating a second no-code module.
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
	"strings"
	"time"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/examples/scenario"
)

// Env is what the example needs.
type Env struct {
	Client           *tfe.Client
	Org              string
	RegistryModuleID string
	ProjectID        string
	AgentPoolID      string
	// FromVersion is pinned first, ToVersion is upgraded to.
	FromVersion, ToVersion string
	// Workspace and AgentWorkspace name the two workspaces to create.
	Workspace, AgentWorkspace string
	// PollInterval paces the wait for the upgrade's plan; zero means the
	// SDK's default (5 s).
	PollInterval time.Duration
	// Keep leaves no-code provisioning enabled.
	Keep bool
}

// Result is what the run achieved.
type Result struct {
	// NoCodeModule is the no-code module after its last update.
	NoCodeModule *tfe.NoCodeModule
	// Variables are the variables FromVersion declares.
	Variables []*tfe.RegistryModuleVariable
	// Workspace and AgentWorkspace are the workspaces created.
	Workspace, AgentWorkspace *tfe.Workspace
	// Upgrade is the upgrade as last read.
	Upgrade *tfe.WorkspaceUpgrade
	// Confirmed reports that the upgrade was confirmed.
	Confirmed bool
}

// errNotConfirmable is an upgrade whose plan failed or waits on a person.
var errNotConfirmable = errors.New("the upgrade cannot be confirmed")

func main() { scenario.Main("nocode-lifecycle", scenario.Of(envFor, run)) }

// envFor builds the Env from the embedded fake's seed or the environment.
func envFor(t *scenario.Target) (Env, error) {
	env := Env{
		Client: t.Client, Org: t.Org, Keep: t.Keep, FromVersion: "1.4.0", ToVersion: "1.5.0",
		Workspace: t.Unique("customer-acme-us-east-1"), AgentWorkspace: t.Unique("private-network-ws"),
	}
	if t.Fake != nil {
		env.RegistryModuleID, env.ProjectID, env.AgentPoolID = t.Seeded.RegistryModuleID, t.Seeded.ProjectID, t.Seeded.AgentPoolID
		env.PollInterval = 10 * time.Millisecond
		return env, nil
	}
	v, err := t.Require("TFE_REGISTRY_MODULE_ID", "TFE_PROJECT_ID", "TFE_AGENT_POOL_ID")
	if err != nil {
		return env, err
	}
	env.RegistryModuleID, env.ProjectID, env.AgentPoolID = v["TFE_REGISTRY_MODULE_ID"], v["TFE_PROJECT_ID"], v["TFE_AGENT_POOL_ID"]
	if from := t.Getenv("TFE_MODULE_VERSION"); from != "" {
		env.FromVersion = from
	}
	if to := t.Getenv("TFE_MODULE_UPGRADE_VERSION"); to != "" {
		env.ToVersion = to
	}
	return env, nil
}

// run walks the scenario, printing one line per step to out.
func run(ctx context.Context, env Env, out io.Writer) (res *Result, err error) {
	res = &Result{}
	steps := scenario.NewSteps(out, 10)
	cleanup := scenario.NewCleanup(out, env.Keep)
	defer cleanup.Finish(ctx, &err)
	noCode := env.Client.NoCodeModules

	steps.Begin("enable no-code provisioning for " + env.RegistryModuleID)
	nc, err := noCode.Create(ctx, env.Org, tfe.NoCodeModuleCreateOptions{
		RegistryModuleID: env.RegistryModuleID,
		Enabled:          tfe.Ptr(true),
		VersionPin:       tfe.Ptr(env.FromVersion),
	})
	if errors.Is(err, tfe.ErrUnprocessable) {
		err = explainEnabled(ctx, env, err)
	}
	if err != nil {
		return res, steps.Fail(err)
	}
	res.NoCodeModule = nc
	cleanup.Add("disable no-code provisioning (delete "+nc.ID+")", scenario.UndoDelete("no-code-modules/"+nc.ID), func(ctx context.Context) error {
		return noCode.Delete(ctx, nc.ID)
	})
	steps.Done("%s, pinned at %s", nc.ID, nc.VersionPin)

	steps.Begin("read the variables of " + env.FromVersion)
	if res.Variables, err = noCode.ReadVariables(ctx, nc.ID, env.FromVersion); err != nil {
		return res, steps.Fail(err)
	}
	steps.Done("%s", describeVariables(res.Variables))

	// The update replaces the whole list of options; its answer names them
	// by ID only, so the module is read back to show them.
	steps.Begin("limit region and instance_size to curated values")
	if _, err := noCode.Update(ctx, nc.ID, tfe.NoCodeModuleUpdateOptions{
		RegistryModuleID: tfe.Ptr(env.RegistryModuleID),
		VariableOptions: []*tfe.NoCodeVariableOption{
			{VariableName: "region", VariableType: "string", Options: []string{"us-east-1", "us-west-2", "eu-west-1"}},
			{VariableName: "instance_size", VariableType: "string", Options: []string{"small", "medium", "large"}},
		},
	}); err != nil {
		return res, steps.Fail(err)
	}
	if res.NoCodeModule, err = noCode.Read(ctx, nc.ID, nil); err != nil {
		return res, steps.Fail(err)
	}
	steps.Done("%s (read back)", describeOptions(res.NoCodeModule.VariableOptions))

	steps.Begin("create workspace " + env.Workspace)
	if res.Workspace, err = noCode.CreateWorkspace(ctx, nc.ID, tfe.NoCodeWorkspaceCreateOptions{
		Name:             env.Workspace,
		ProjectID:        env.ProjectID,
		Description:      tfe.Ptr("Production environment for ACME (us-east-1)"),
		TerraformVersion: tfe.Ptr("1.7.0"),
		Variables: []tfe.NoCodeWorkspaceVariable{
			{Key: "region", Value: "us-east-1", Category: tfe.CategoryTerraform},
			{Key: "instance_size", Value: "medium", Category: tfe.CategoryTerraform},
		},
	}); err != nil {
		return res, steps.Fail(err)
	}
	steps.Done("%s, region us-east-1, instance_size medium", res.Workspace.ID)

	steps.Begin("create workspace " + env.AgentWorkspace + " on agents")
	if res.AgentWorkspace, err = noCode.CreateWorkspace(ctx, nc.ID, tfe.NoCodeWorkspaceCreateOptions{
		Name:          env.AgentWorkspace,
		ProjectID:     env.ProjectID,
		ExecutionMode: tfe.Ptr(tfe.ExecutionModeAgent),
		AgentPoolID:   tfe.Ptr(env.AgentPoolID),
	}); err != nil {
		return res, steps.Fail(err)
	}
	steps.Done("%s, execution mode %s, pool %s", res.AgentWorkspace.ID, res.AgentWorkspace.ExecutionMode, res.AgentWorkspace.AgentPoolID)

	steps.Begin("bump the pin to " + env.ToVersion)
	if res.NoCodeModule, err = noCode.Update(ctx, nc.ID, tfe.NoCodeModuleUpdateOptions{
		RegistryModuleID: tfe.Ptr(env.RegistryModuleID),
		VersionPin:       tfe.Ptr(env.ToVersion),
	}); err != nil {
		return res, steps.Fail(err)
	}
	steps.Done("%s now pins %s", nc.ID, res.NoCodeModule.VersionPin)

	ws := res.Workspace.ID
	steps.Begin("upgrade " + env.Workspace + " with instance_size=large")
	if res.Upgrade, err = noCode.UpgradeWorkspace(ctx, nc.ID, ws, &tfe.NoCodeWorkspaceUpgradeOptions{
		Variables: []tfe.NoCodeWorkspaceVariable{{Key: "instance_size", Value: "large", Category: tfe.CategoryTerraform}},
	}); err != nil {
		return res, steps.Fail(err)
	}
	steps.Done("run %s, %s", res.Upgrade.ID, res.Upgrade.Status)

	steps.Begin("wait for the upgrade's plan")
	runID, started := res.Upgrade.ID, time.Now()
	if res.Upgrade, err = noCode.WaitForWorkspaceUpgrade(ctx, nc.ID, ws, runID, &tfe.WaitOptions{PollInterval: env.PollInterval}); err != nil {
		return res, steps.Fail(err)
	}
	if !res.Upgrade.Confirmable() {
		return res, steps.Fail(fmt.Errorf("%w: run %s is %s (%s); see %s",
			errNotConfirmable, runID, res.Upgrade.Status, why(res.Upgrade), res.Upgrade.PlanURL))
	}
	steps.Done("%s after %s; plan at %s", res.Upgrade.Status, time.Since(started).Round(time.Millisecond), res.Upgrade.PlanURL)

	steps.Begin("confirm the upgrade")
	if err := noCode.ConfirmWorkspaceUpgrade(ctx, nc.ID, ws, runID); err != nil {
		return res, steps.Fail(err)
	}
	res.Confirmed = true
	steps.Done("run %s confirmed", runID)

	steps.Begin("wait for the apply")
	if res.Upgrade, err = noCode.WaitForWorkspaceUpgrade(ctx, nc.ID, ws, runID, &tfe.WaitOptions{PollInterval: env.PollInterval}); err != nil {
		return res, steps.Fail(err)
	}
	if !res.Upgrade.Applied() {
		return res, steps.Fail(fmt.Errorf("run %s ended %s (%s); see %s", runID, res.Upgrade.Status, why(res.Upgrade), res.Upgrade.PlanURL))
	}
	steps.Done("%s: %s runs module %s", res.Upgrade.Status, env.Workspace, env.ToVersion)

	if err := cleanup.Run(ctx, nil); err != nil {
		return res, err
	}
	fmt.Fprintf(out, "Done: %s upgraded to %s with instance_size=large; %s and %s stay%s.\n",
		env.Workspace, env.ToVersion, res.Workspace.ID, res.AgentWorkspace.ID, keptOrDisabled(env.Keep))
	return res, nil
}

// why explains a run state that is neither in progress nor confirmable.
func why(u *tfe.WorkspaceUpgrade) string {
	switch {
	case u.Message != "":
		return u.Message
	case u.Failed():
		return "the plan failed, nothing was applied"
	}
	return "the run waits on a person"
}

func describeVariables(vars []*tfe.RegistryModuleVariable) string {
	parts := make([]string, len(vars))
	for i, v := range vars {
		var traits []string
		if v.Required {
			traits = append(traits, "required")
		} else if v.Default != nil {
			traits = append(traits, fmt.Sprintf("default %v", v.Default))
		}
		if v.Sensitive {
			traits = append(traits, "sensitive")
		}
		parts[i] = v.Name + " (" + strings.Join(append([]string{v.Type}, traits...), ", ") + ")"
	}
	return strings.Join(parts, ", ")
}

func describeOptions(opts []*tfe.NoCodeVariableOption) string {
	parts := make([]string, len(opts))
	for i, o := range opts {
		parts[i] = o.VariableName + " ∈ {" + strings.Join(o.Options, ", ") + "}"
	}
	return strings.Join(parts, "; ")
}

func keptOrDisabled(keep bool) string {
	if keep {
		return "; no-code provisioning stays enabled"
	}
	return "; no-code provisioning disabled again"
}

// explainEnabled turns the 422 of enabling no-code provisioning into an
// error that says how to undo it when the registry module is enabled
// already, as a run with TFE_KEEP set leaves it; else it returns err.
func explainEnabled(ctx context.Context, env Env, err error) error {
	opts := &tfe.RegistryModuleListOptions{Include: []tfe.RegistryModuleIncludeOpt{tfe.RegistryModuleIncludeNoCodeModules}}
	for m, listErr := range env.Client.RegistryModules.ListIter(ctx, env.Org, opts) {
		if listErr != nil {
			return err
		}
		if m.ID == env.RegistryModuleID && len(m.NoCodeModules) > 0 {
			nc := m.NoCodeModules[0].ID
			return fmt.Errorf("%s already has no-code module %s (a run with TFE_KEEP set leaves it enabled); "+
				"disable it, then run again: %s", m.ID, nc, scenario.UndoDelete("no-code-modules/"+nc))
		}
	}
	return err
}
