package main

import (
	"bytes"
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

func start(t *testing.T) (*demo.Target, Env) { return demotest.Start(t, envFor) }

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
	target, env := start(t)
	env.Keep = true // leave the state in the fake to check it
	res, out, err := runExample(t, env)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	srv, ctx, set := target.Fake, context.Background(), res.VariableSet
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
	if !strings.Contains(out, "kept (TFE_KEEP is set)") || !strings.HasSuffix(out, "set and override kept.\n") {
		t.Errorf("output does not say what was kept:\n%s", out)
	}
}

func TestVariableSetsCleansUp(t *testing.T) {
	target, env := start(t)
	_, out, err := runExample(t, env)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	assertNothingLeft(t, target, env)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "Done: web deploys to us-east-1") {
		t.Errorf("last line = %q, want the summary", last)
	}
}

// A step failing after the set was made still deletes it and the override.
func TestVariableSetsCleansUpAfterAFailedStep(t *testing.T) {
	target, env := start(t)
	target.Fake.InjectFault(tfetest.Fault{Method: "GET", Path: "workspaces/" + env.WorkspaceIDs[1] + "/all-vars",
		Kind: tfetest.FaultStatus, Status: http.StatusInternalServerError})
	_, out, err := runExample(t, env)
	var apiErr *tfe.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusInternalServerError || !strings.Contains(err.Error(), "step 7/7") {
		t.Fatalf("err = %v, want the 500 at step 7", err)
	}
	if !strings.Contains(out, "✗ 7/7") || strings.Count(out, "  cleanup: ") != 2 {
		t.Errorf("output does not report the failure and both cleanups:\n%s", out)
	}
	assertNothingLeft(t, target, env)
}

// assertNothingLeft checks that the fake holds no variable set and no
// workspace variable.
func assertNothingLeft(t *testing.T, target *demo.Target, env Env) {
	t.Helper()
	sets, err := target.Fake.Client().VariableSets.List(context.Background(), target.Org, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(sets.Items) != 0 {
		t.Errorf("%d variable sets left", len(sets.Items))
	}
	for _, ws := range env.WorkspaceIDs {
		if vars := effective(t, target.Fake, ws); len(vars) != 0 {
			t.Errorf("variables left in %s: %v", ws, vars)
		}
	}
}

func TestEnvForRealService(t *testing.T) {
	vars := map[string]string{"TFE_PROJECT_ID": "prj-1", "TFE_WORKSPACE_IDS": "ws-1, ws-2"}
	target := &demo.Target{Org: "acme", Getenv: func(k string) string { return vars[k] }}
	env, err := envFor(target)
	if err != nil || env.WorkspaceIDs != [2]string{"ws-1", "ws-2"} || env.ProjectID != "prj-1" {
		t.Fatalf("env = %+v, %v", env, err)
	}
	if !strings.HasPrefix(env.SetName, "aws-credentials-") || env.AccessKeyID == "" || env.SecretAccessKey == "" {
		t.Errorf("want a unique set name and placeholder credentials, got %q", env.SetName)
	}
	vars["VARSET_AWS_ACCESS_KEY_ID"], vars["VARSET_AWS_SECRET_ACCESS_KEY"] = "AKIA1", "s3cret"
	if env, _ = envFor(target); env.AccessKeyID != "AKIA1" || env.SecretAccessKey != "s3cret" {
		t.Error("the credentials from the environment are not used")
	}
	for _, bad := range []string{"ws-1", "ws-1,", "ws-1,ws-2,ws-3"} {
		vars["TFE_WORKSPACE_IDS"] = bad
		if _, err := envFor(target); err == nil {
			t.Errorf("TFE_WORKSPACE_IDS=%q accepted", bad)
		}
	}
	delete(vars, "TFE_PROJECT_ID")
	if _, err := envFor(target); err == nil || !strings.Contains(err.Error(), "TFE_PROJECT_ID") {
		t.Errorf("missing project: err = %v", err)
	}
}
