package main

import (
	"bytes"
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
	return demotest.Main("variable-sets", scenario.Of(envFor, run), vars)
}

// runExample runs the example and checks that neither its output nor its
// error contains a credential.
func runExample(t *testing.T, env Env) (*Result, string, error) {
	return demotest.Run(t, run, env, 30*time.Second, env.AccessKeyID, env.SecretAccessKey)
}

// effective returns what the fake says runs in ws see, by key.
func effective(t *testing.T, srv *tfetest.Server, ws string) map[string]*tfe.Variable {
	t.Helper()
	list, err := srv.Client().Variables.ListAll(context.Background(), ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*tfe.Variable{}
	for _, v := range list.Items {
		out[v.Key] = v
	}
	return out
}

func TestVariableSets(t *testing.T) {
	tgt, env := demotest.Start(t, envFor)
	env.Keep = true // leave the state in the fake to check it
	res, out, err := runExample(t, env)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	srv, ctx, set := tgt.Fake, context.Background(), res.VariableSet
	first, second := env.WorkspaceIDs[0], env.WorkspaceIDs[1]

	// The set is applied to the project and to both workspaces.
	got, err := srv.Client().VariableSets.Read(ctx, set.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.ProjectCount != 1 || got.Projects[0].ID != env.ProjectID || got.WorkspaceCount != 2 || got.VarCount != 3 {
		t.Errorf("set on the server = %+v", got)
	}

	// The first workspace's override wins; the second gets the set's value.
	ws1, ws2 := effective(t, srv, first), effective(t, srv, second)
	if r := ws1["AWS_REGION"]; r == nil || r.ID != res.Override.ID || r.VariableSet != nil || r.Value != overrideRegion {
		t.Errorf("effective AWS_REGION of the first workspace = %+v, want its own override", r)
	}
	if r := ws2["AWS_REGION"]; r == nil || r.VariableSet == nil || r.VariableSet.ID != set.ID || r.Value != setRegion {
		t.Errorf("effective AWS_REGION of the second workspace = %+v, want the set's", r)
	}
	for _, ws := range []map[string]*tfe.Variable{ws1, ws2} {
		if k := ws["AWS_SECRET_ACCESS_KEY"]; len(ws) != 3 || k == nil || !k.Sensitive || k.Value != "" {
			t.Errorf("effective variables = %v, want 3 with a sensitive secret key", ws)
		}
	}
	// What the example reported is what the server holds.
	for ws, want := range map[string]map[string]*tfe.Variable{first: ws1, second: ws2} {
		for _, v := range res.Effective[ws] {
			if want[v.Key] == nil || want[v.Key].ID != v.ID {
				t.Errorf("reported %s in %s as %s, the server has %+v", v.Key, ws, v.ID, want[v.Key])
			}
		}
	}

	// The credentials were sent (once, in the create), never printed.
	sent := 0
	for _, r := range srv.Requests() {
		if bytes.Contains(r.Body, []byte(env.SecretAccessKey)) {
			sent++
		}
	}
	if sent != 1 {
		t.Errorf("the secret key went out in %d requests, want 1", sent)
	}
	if n := strings.Count(out, "(sensitive)"); n != 4 {
		t.Errorf("output shows (sensitive) %d times, want 4:\n%s", n, out)
	}
	if !strings.Contains(out, "left in place (TFE_KEEP is set)") || !strings.HasSuffix(out, "set and override kept.\n") {
		t.Errorf("output does not say what was kept:\n%s", out)
	}
}

func TestVariableSetsCleansUp(t *testing.T) {
	tgt, env := demotest.Start(t, envFor)
	_, out, err := runExample(t, env)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	assertNothingLeft(t, tgt, env)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "Done: web deploys to us-east-1") {
		t.Errorf("last line = %q, want the summary", last)
	}
}

// A step failing after the set was made still deletes it and the override.
func TestVariableSetsCleansUpAfterAFailedStep(t *testing.T) {
	tgt, env := demotest.Start(t, envFor)
	tgt.Fake.InjectFault(tfetest.Fault{Method: "GET", Path: "workspaces/" + env.WorkspaceIDs[1] + "/all-vars",
		Kind: tfetest.FaultStatus, Status: http.StatusInternalServerError})
	_, out, err := runExample(t, env)
	var apiErr *tfe.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusInternalServerError || !strings.Contains(err.Error(), "step 7/7") {
		t.Fatalf("err = %v, want the 500 at step 7", err)
	}
	if !strings.Contains(out, "✗ 7/7") || strings.Count(out, "  cleanup: ") != 2 {
		t.Errorf("output does not report the failure and both cleanups:\n%s", out)
	}
	assertNothingLeft(t, tgt, env)
}

// assertNothingLeft checks that the fake holds no variable set and no
// workspace variable.
func assertNothingLeft(t *testing.T, tgt *scenario.Target, env Env) {
	t.Helper()
	sets, err := tgt.Fake.Client().VariableSets.List(context.Background(), tgt.Org, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(sets.Items) != 0 {
		t.Errorf("%d variable sets left", len(sets.Items))
	}
	for _, ws := range env.WorkspaceIDs {
		if vars := effective(t, tgt.Fake, ws); len(vars) != 0 {
			t.Errorf("variables left in %s: %v", ws, vars)
		}
	}
}

func TestEnvForRealService(t *testing.T) {
	vars := map[string]string{"TFE_PROJECT_ID": "prj-1", "TFE_WORKSPACE_IDS": "ws-1, ws-2"}
	tgt := &scenario.Target{Org: "acme", Getenv: func(k string) string { return vars[k] }}
	env, err := envFor(tgt)
	if err != nil || env.WorkspaceIDs != [2]string{"ws-1", "ws-2"} || env.ProjectID != "prj-1" {
		t.Fatalf("env = %+v, %v", env, err)
	}
	if !strings.HasPrefix(env.SetName, "aws-credentials-") || env.AccessKeyID == "" || env.SecretAccessKey == "" {
		t.Errorf("want a unique set name and placeholder credentials, got %q", env.SetName)
	}
	vars["VARSET_AWS_ACCESS_KEY_ID"], vars["VARSET_AWS_SECRET_ACCESS_KEY"] = "AKIA1", "s3cret"
	if env, _ = envFor(tgt); env.AccessKeyID != "AKIA1" || env.SecretAccessKey != "s3cret" {
		t.Error("the credentials from the environment are not used")
	}
	for _, bad := range []string{"ws-1", "ws-1,", "ws-1,ws-2,ws-3", "ws-1,ws-1", " ws-1 , ws-1"} {
		vars["TFE_WORKSPACE_IDS"] = bad
		if _, err := envFor(tgt); err == nil {
			t.Errorf("TFE_WORKSPACE_IDS=%q accepted", bad)
		}
	}
	delete(vars, "TFE_PROJECT_ID")
	if _, err := envFor(tgt); err == nil || !strings.Contains(err.Error(), "TFE_PROJECT_ID") {
		t.Errorf("missing project: err = %v", err)
	}
}

// The same workspace twice would apply the set once and list one
// workspace twice under two names: it is refused before anything is sent.
func TestSameWorkspaceTwiceIsRefused(t *testing.T) {
	srv, vars := demotest.Service(t, nil)
	ws := strings.Split(vars["TFE_WORKSPACE_IDS"], ",")[0]
	vars["TFE_WORKSPACE_IDS"] = ws + ", " + ws
	code, stdout, stderr := runMain(vars)
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Equal(t, "variable-sets: TFE_WORKSPACE_IDS names "+ws+" twice: name two different workspaces\n", stderr)
	assert.Equal(t, 1, len(srv.Requests()), "only the preflight")
}

// After a run with TFE_KEEP, a rerun says what the first run kept and how
// to delete it; the commands it prints work, and the run after them
// succeeds.
func TestKeepThenRerun(t *testing.T) {
	srv, vars := demotest.Service(t, map[string]string{"TFE_KEEP": "1"})
	code, out, stderr := runMain(vars)
	require.Equal(t, 0, code, out+stderr)
	assert.Equal(t, 2, strings.Count(out, "    undo: curl "), out)
	assert.True(t, strings.HasSuffix(out, "set and override kept.\n"), out)

	code, out, stderr = runMain(vars)
	require.Equal(t, 1, code, out+stderr)
	assert.Contains(t, out, "✗ 5/7 override AWS_REGION in demo-workspace")
	assert.Contains(t, out, "still has the AWS_REGION override")
	assert.Contains(t, out, "  left in place (TFE_KEEP is set), not done: delete the variable set", "this run's own set is kept too")
	assert.Equal(t, "variable-sets: failed at step 5/7 (override AWS_REGION in demo-workspace ("+strings.Split(vars["TFE_WORKSPACE_IDS"], ",")[0]+"))\n", stderr)
	deleted := demotest.Undo(t, srv, out)
	assert.Len(t, deleted, 3, "the first run's override and set, the second run's set: %v", deleted)

	delete(vars, "TFE_KEEP")
	code, out, stderr = runMain(vars)
	require.Equal(t, 0, code, out+stderr)
	sets, err := srv.Client().VariableSets.List(context.Background(), "demo-org", nil)
	require.NoError(t, err)
	assert.Empty(t, sets.Items, "nothing is left")
}

// A workspace with an AWS_REGION of its own is not the example's to
// override: the run says so and cleans up.
func TestOwnOverrideIsNotTouched(t *testing.T) {
	srv, vars := demotest.Service(t, nil)
	first := strings.Split(vars["TFE_WORKSPACE_IDS"], ",")[0]
	own := srv.AddWorkspaceVariable(first, tfetest.Variable{Key: "AWS_REGION", Value: "ap-south-1", Category: "env"})
	code, out, _ := runMain(vars)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "has an AWS_REGION of its own ("+own+")")
	assert.Equal(t, []tfetest.Variable{{ID: own, Key: "AWS_REGION", Value: "ap-south-1", Category: "env"}}, srv.WorkspaceVariables(first))
}

// A 401 after the set was made ends the calls: the cleanup does not try
// to delete it, it prints the command that does, and the 401 is printed
// once.
func TestUnauthorizedMidRun(t *testing.T) {
	srv, vars := demotest.Service(t, nil)
	srv.InjectFault(tfetest.Fault{Method: "POST", Path: "varsets/*", Kind: tfetest.FaultStatus, Status: http.StatusUnauthorized})
	code, stdout, stderr := runMain(vars)
	assert.Equal(t, 1, code)
	assert.Regexp(t, `^variable-sets: failed at step 2/7 \(apply it to project prj-\w+\)\n$`, stderr)
	assert.Equal(t, 1, strings.Count(stdout+stderr, "401 Unauthorized"), stdout+stderr)
	assert.Contains(t, stdout, "  left in place (the service refused the token), not done: delete the variable set")
	assert.Zero(t, demotest.Count(srv, "DELETE", "varsets/*"), "the cleanup called after the 401")
	assert.Len(t, demotest.Undo(t, srv, stdout), 1, "the undo command works")
}
