// Command variable-sets shares a set of provider credentials: it creates
// a variable set of environment variables (the keys sensitive), applies it
// to a project and to two workspaces, overrides one of its variables in
// the first workspace, and lists what each workspace's runs see, with
// sensitive values shown as "(sensitive)". It then deletes what it made.
//
// Without TFE_ADDRESS and TFE_TOKEN it runs against the embedded fake API
// (tfetest), seeded with a project and two workspaces. Against a real
// service it reads:
//
//	TFE_ADDRESS                    the service, e.g. https://app.terraform.io
//	TFE_TOKEN                      a token that may manage variable sets
//	TFE_ORG                        the organization
//	TFE_PROJECT_ID                 the project to apply the set to (prj-…)
//	TFE_WORKSPACE_IDS              two workspace IDs, comma-separated; the first gets the override
//	VARSET_AWS_ACCESS_KEY_ID       the credentials to share (never printed);
//	VARSET_AWS_SECRET_ACCESS_KEY   random placeholders when unset
//	TFE_KEEP                       set to leave the set and the override in place
//
// With TFE_KEEP set it prints how to delete what it kept by hand; a later
// run on the same first workspace finds the kept override in the way and
// says again what to delete.
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

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/examples/scenario"
	"github.com/tfe-sdk/tfe/tfetest"
)

// Env is what the example needs.
type Env struct {
	Client    *tfe.Client
	Org       string
	ProjectID string
	// WorkspaceIDs are the two workspaces; the first overrides a variable.
	WorkspaceIDs [2]string
	// SetName names the variable set to create.
	SetName string
	// AccessKeyID and SecretAccessKey are the credentials to share:
	// secrets, sent and never printed.
	AccessKeyID, SecretAccessKey string
	// Keep leaves the set and the override in place.
	Keep bool
}

// Result is what the run achieved.
type Result struct {
	// VariableSet is the set as created.
	VariableSet *tfe.VariableSet
	// Override is the first workspace's own variable.
	Override *tfe.Variable
	// Effective are the variables each workspace's runs see, by workspace
	// ID, as ListAll answered.
	Effective map[string][]*tfe.Variable
}

// The region the set gives every workspace, and the one the first
// workspace overrides it with.
const (
	setRegion      = "eu-west-1"
	overrideRegion = "us-east-1"
)

// The descriptions the example gives what it makes, by which a later run
// knows what an earlier one kept.
const (
	setDescription      = "AWS provider credentials, shared by the variable-sets example"
	overrideDescription = "this workspace deploys to " + overrideRegion + " (the variable-sets example)"
)

func main() { scenario.Main("variable-sets", scenario.Of(envFor, run)) }

// envFor builds the Env from the embedded fake's seed or the environment.
func envFor(t *scenario.Target) (Env, error) {
	env := Env{
		Client: t.Client, Org: t.Org, Keep: t.Keep, SetName: t.Unique("aws-credentials"),
		AccessKeyID:     t.Getenv("VARSET_AWS_ACCESS_KEY_ID"),
		SecretAccessKey: t.Getenv("VARSET_AWS_SECRET_ACCESS_KEY"),
	}
	if env.AccessKeyID == "" || env.SecretAccessKey == "" {
		env.AccessKeyID, env.SecretAccessKey = scenario.Placeholder("AKIA"), scenario.Placeholder("secret-")
	}
	if t.Fake != nil {
		env.ProjectID = t.Seeded.ProjectID
		env.WorkspaceIDs = [2]string{
			t.Fake.AddWorkspace(t.Org, tfetest.Workspace{Name: "web"}),
			t.Fake.AddWorkspace(t.Org, tfetest.Workspace{Name: "api"}),
		}
		return env, nil
	}
	v, err := t.Require("TFE_PROJECT_ID", "TFE_WORKSPACE_IDS")
	if err != nil {
		return env, err
	}
	env.ProjectID = v["TFE_PROJECT_ID"]
	ids := strings.Split(v["TFE_WORKSPACE_IDS"], ",")
	if len(ids) != 2 || strings.TrimSpace(ids[0]) == "" || strings.TrimSpace(ids[1]) == "" {
		return env, fmt.Errorf("TFE_WORKSPACE_IDS: want two workspace IDs separated by a comma, got %q", v["TFE_WORKSPACE_IDS"])
	}
	env.WorkspaceIDs = [2]string{strings.TrimSpace(ids[0]), strings.TrimSpace(ids[1])}
	if env.WorkspaceIDs[0] == env.WorkspaceIDs[1] {
		return env, fmt.Errorf("TFE_WORKSPACE_IDS names %s twice: name two different workspaces", env.WorkspaceIDs[0])
	}
	return env, nil
}

// run walks the scenario, printing one line per step to out.
func run(ctx context.Context, env Env, out io.Writer) (res *Result, err error) {
	res = &Result{Effective: map[string][]*tfe.Variable{}}
	steps := scenario.NewSteps(out, 7)
	cleanup := scenario.NewCleanup(out, env.Keep)
	defer cleanup.Finish(ctx, &err)
	sets, vars := env.Client.VariableSets, env.Client.Variables

	steps.Begin("create the variable set " + env.SetName)
	res.VariableSet, err = sets.Create(ctx, env.Org, tfe.VariableSetCreateOptions{
		Name:        env.SetName,
		Description: tfe.Ptr(setDescription),
		Variables: []tfe.VariableSetVariableCreateOptions{
			{Key: "AWS_ACCESS_KEY_ID", Value: tfe.Ptr(env.AccessKeyID), Category: tfe.CategoryEnv, Sensitive: tfe.Ptr(true)},
			{Key: "AWS_SECRET_ACCESS_KEY", Value: tfe.Ptr(env.SecretAccessKey), Category: tfe.CategoryEnv, Sensitive: tfe.Ptr(true)},
			{Key: "AWS_REGION", Value: tfe.Ptr(setRegion), Category: tfe.CategoryEnv},
		},
	})
	if err != nil {
		return res, steps.Fail(err)
	}
	set := res.VariableSet
	cleanup.Add("delete the variable set "+set.ID+" ("+set.Name+")", scenario.UndoDelete("varsets/"+set.ID),
		func(ctx context.Context) error { return sets.Delete(ctx, set.ID) })
	steps.Done("%s, %d environment variables (%d sensitive)", set.ID, len(set.Variables), countSensitive(set.Variables))

	steps.Begin("apply it to project " + env.ProjectID)
	if err := sets.ApplyToProjects(ctx, set.ID, []string{env.ProjectID}); err != nil {
		return res, steps.Fail(err)
	}
	steps.Done("every workspace of the project gets the credentials")

	steps.Begin("apply it to two workspaces")
	if err := sets.ApplyToWorkspaces(ctx, set.ID, env.WorkspaceIDs[:]); err != nil {
		return res, steps.Fail(err)
	}
	steps.Done("%s and %s", env.WorkspaceIDs[0], env.WorkspaceIDs[1])

	steps.Begin("read the set back")
	applied, err := sets.Read(ctx, set.ID, &tfe.VariableSetReadOptions{
		Include: []tfe.VariableSetIncludeOpt{tfe.VariableSetIncludeWorkspaces, tfe.VariableSetIncludeProjects},
	})
	if err != nil {
		return res, steps.Fail(err)
	}
	names := workspaceNames(applied.Workspaces)
	steps.Done("applied to project %s and to workspaces %s", projectNames(applied.Projects), strings.Join(names, ", "))

	first := env.WorkspaceIDs[0]
	steps.Begin("override AWS_REGION in " + named(first, applied.Workspaces))
	res.Override, err = vars.Create(ctx, first, tfe.VariableCreateOptions{
		Key: "AWS_REGION", Value: tfe.Ptr(overrideRegion), Category: tfe.CategoryEnv,
		Description: tfe.Ptr(overrideDescription),
	})
	if errors.Is(err, tfe.ErrUnprocessable) {
		err = explainOverride(ctx, env, set.ID, err)
	}
	if err != nil {
		return res, steps.Fail(err)
	}
	override := res.Override
	cleanup.Add("delete the variable "+override.ID+" ("+override.Key+") of "+first, scenario.UndoDelete("workspaces/"+first+"/vars/"+override.ID), func(ctx context.Context) error {
		return vars.Delete(ctx, first, override.ID)
	})
	steps.Done("%s=%s (the set says %s)", override.Key, override.Value, setRegion)

	for _, wsID := range env.WorkspaceIDs {
		steps.Begin("list what runs in " + named(wsID, applied.Workspaces) + " see")
		list, err := vars.ListAll(ctx, wsID, nil)
		if err != nil {
			return res, steps.Fail(err)
		}
		res.Effective[wsID] = list.Items
		steps.Done("%d variables", len(list.Items))
		for _, v := range list.Items {
			fmt.Fprintf(out, "      %-22s %-12s %s\n", v.Key, shown(v), origin(v, set))
		}
	}

	if err := cleanup.Run(ctx, nil); err != nil {
		return res, err
	}
	second := env.WorkspaceIDs[1]
	fmt.Fprintf(out, "Done: %s deploys to %s (its own override), %s to %s (from the set); secrets not shown; %s.\n",
		nameOf(first, applied.Workspaces), regionOf(res.Effective[first]),
		nameOf(second, applied.Workspaces), regionOf(res.Effective[second]), leftBehind(env.Keep))
	return res, nil
}

// named is "name (ID)" for a workspace of ws, else its ID.
func named(id string, ws []*tfe.Workspace) string {
	if name := nameOf(id, ws); name != id {
		return name + " (" + id + ")"
	}
	return id
}

// nameOf is the name of a workspace of ws, else its ID.
func nameOf(id string, ws []*tfe.Workspace) string {
	for _, w := range ws {
		if w.ID == id && w.Name != "" {
			return w.Name
		}
	}
	return id
}

func workspaceNames(ws []*tfe.Workspace) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Name
	}
	return out
}

func projectNames(ps []*tfe.Project) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return strings.Join(out, ", ")
}

func leftBehind(keep bool) string {
	if keep {
		return "set and override kept"
	}
	return "set and override deleted"
}

// shown is a variable's value as it may be printed.
func shown(v *tfe.Variable) string {
	if v.Sensitive {
		return "(sensitive)"
	}
	return v.Value
}

// origin says where a workspace's effective variable comes from.
func origin(v *tfe.Variable, set *tfe.VariableSet) string {
	switch {
	case v.VariableSet == nil && overrides(v, set):
		return "workspace variable, overrides " + set.Name
	case v.VariableSet == nil:
		return "workspace variable"
	case v.VariableSet.ID == set.ID:
		return "from " + set.Name
	}
	return "from variable set " + v.VariableSet.ID
}

// overrides reports whether set has a variable of v's key and category.
func overrides(v *tfe.Variable, set *tfe.VariableSet) bool {
	for _, sv := range set.Variables {
		if sv.Key == v.Key && sv.Category == v.Category {
			return true
		}
	}
	return false
}

func countSensitive(vars []*tfe.VariableSetVariable) int {
	n := 0
	for _, v := range vars {
		if v.Sensitive {
			n++
		}
	}
	return n
}

// regionOf is the effective AWS_REGION in vars.
func regionOf(vars []*tfe.Variable) string {
	for _, v := range vars {
		if v.Key == "AWS_REGION" && v.Category == tfe.CategoryEnv {
			return v.Value
		}
	}
	return "(none)"
}

// explainOverride turns the 422 of creating the override in the first
// workspace into an error that says what is in the way: the override a
// run with TFE_KEEP set leaves, with the commands that delete it and the
// sets that run kept (not newSet, this run's own, which the cleanup
// deletes), or an AWS_REGION of the workspace's own. Else it returns err.
func explainOverride(ctx context.Context, env Env, newSet string, err error) error {
	first := env.WorkspaceIDs[0]
	list, listErr := env.Client.Variables.List(ctx, first, nil)
	if listErr != nil {
		return err
	}
	for _, v := range list.Items {
		if v.Key != "AWS_REGION" || v.Category != tfe.CategoryEnv {
			continue
		}
		if v.Description != overrideDescription {
			return fmt.Errorf("workspace %s has an AWS_REGION of its own (%s), which the example would override: "+
				"name another first workspace in TFE_WORKSPACE_IDS", first, v.ID)
		}
		undo := []string{scenario.UndoDelete("workspaces/" + first + "/vars/" + v.ID)}
		for set, setErr := range env.Client.VariableSets.ListForWorkspaceIter(ctx, first, nil) {
			if setErr != nil {
				break
			}
			if set.ID != newSet && set.Description == setDescription {
				undo = append(undo, scenario.UndoDelete("varsets/"+set.ID))
			}
		}
		return fmt.Errorf("workspace %s still has the AWS_REGION override %s of a run with TFE_KEEP set; "+
			"delete what that run kept, then run again:\n    %s", first, v.ID, strings.Join(undo, "\n    "))
	}
	return err
}
