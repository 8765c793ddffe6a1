package tfe_test

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// A pipeline of Upserts, killed at each of its requests in turn (before
// the request reaches the server, and after the server acted on it but
// before the answer arrives), then run again to the end, ends in the
// state a clean run leaves, with no duplicate variable; and a run over
// that state writes nothing but the sensitive values.

// pipelineSecrets are the sensitive values the pipeline sends.
var pipelineSecrets = struct{ dbPassword, awsSecret string }{
	dbPassword: tfe.PlantSecret("pipeline-db-PLANTED-7f3a"),
	awsSecret:  tfe.PlantSecret("pipeline-aws-PLANTED-91bc"),
}

// pipelineScene is a fake server with a workspace and a variable set in
// the state the pipeline starts from.
type pipelineScene struct {
	srv         *tfetest.Server
	wsID, setID string
}

func newPipelineScene(t *testing.T) *pipelineScene {
	t.Helper()
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	t.Cleanup(srv.Close)
	wsID := srv.AddWorkspace("acme", tfetest.Workspace{Name: "prod-app"})
	srv.AddWorkspaceVariable(wsID, tfetest.Variable{Key: "region", Value: "us-west-2", Category: "env"})
	srv.AddWorkspaceVariable(wsID, tfetest.Variable{Key: "environment", Value: "prod", Category: "terraform"})
	setID := srv.AddVariableSet("acme", tfetest.VariableSet{Name: "aws", Variables: []tfetest.Variable{
		{Key: "AWS_SECRET_ACCESS_KEY", Value: "old-secret", Category: "env", Sensitive: true},
	}})
	return &pipelineScene{srv: srv, wsID: wsID, setID: setID}
}

// runPipeline upserts the pipeline's variables in order and returns what
// each did; it stops at the first error.
func runPipeline(ctx context.Context, c *tfe.Client, wsID, setID string) ([]tfe.UpsertAction, error) {
	var actions []tfe.UpsertAction
	for _, o := range []tfe.VariableCreateOptions{
		{Key: "region", Value: tfe.Ptr("eu-west-1"), Category: tfe.CategoryEnv},
		{Key: "environment", Value: tfe.Ptr("prod"), Category: tfe.CategoryTerraform},
		{Key: "db_password", Value: tfe.Ptr(pipelineSecrets.dbPassword), Category: tfe.CategoryTerraform, Sensitive: tfe.Ptr(true)},
		{Key: "instance_count", Value: tfe.Ptr("3"), Description: tfe.Ptr("web servers"), Category: tfe.CategoryTerraform, HCL: tfe.Ptr(true)},
	} {
		r, err := c.Variables.Upsert(ctx, wsID, o)
		if err != nil {
			return actions, fmt.Errorf("workspace variable %s: %w", o.Key, err)
		}
		actions = append(actions, r.Action)
	}
	for _, o := range []tfe.VariableSetVariableCreateOptions{
		{Key: "AWS_ACCESS_KEY_ID", Value: tfe.Ptr("AKIAEXAMPLE"), Category: tfe.CategoryEnv},
		{Key: "AWS_SECRET_ACCESS_KEY", Value: tfe.Ptr(pipelineSecrets.awsSecret), Category: tfe.CategoryEnv, Sensitive: tfe.Ptr(true)},
		{Key: "AWS_REGION", Value: tfe.Ptr("eu-west-1"), Category: tfe.CategoryEnv},
	} {
		r, err := c.VariableSetVariables.Upsert(ctx, setID, o)
		if err != nil {
			return actions, fmt.Errorf("variable set variable %s: %w", o.Key, err)
		}
		actions = append(actions, r.Action)
	}
	return actions, nil
}

// state is what the server holds, without the generated IDs, sorted.
func (s *pipelineScene) state(t *testing.T) (ws, set []tfetest.Variable) {
	t.Helper()
	strip := func(vars []tfetest.Variable) []tfetest.Variable {
		out := make([]tfetest.Variable, len(vars))
		for i, v := range vars {
			v.ID = ""
			out[i] = v
		}
		slices.SortFunc(out, func(a, b tfetest.Variable) int {
			return cmp.Or(cmp.Compare(a.Key, b.Key), cmp.Compare(a.Category, b.Category))
		})
		return out
	}
	vs, ok := s.srv.VariableSet(s.setID)
	require.True(t, ok)
	return strip(s.srv.WorkspaceVariables(s.wsID)), strip(vs.Variables)
}

// assertNoDuplicates fails when two variables share a key and category.
func assertNoDuplicates(t *testing.T, vars []tfetest.Variable) {
	t.Helper()
	seen := map[[2]string]bool{}
	for _, v := range vars {
		k := [2]string{v.Key, v.Category}
		assert.False(t, seen[k], "duplicate variable %s (%s)", v.Key, v.Category)
		seen[k] = true
	}
}

// killer kills a run at its request number kill (from 0): it cancels the
// run's context and fails the attempt, either before the request reaches
// the server or after the server applied it, as a crash or a cut
// connection would.
type killer struct {
	base   http.RoundTripper
	kill   int
	after  bool
	cancel context.CancelFunc

	mu   sync.Mutex
	seen int
}

var errKilled = errors.New("killed after the server acted")

func (k *killer) RoundTrip(r *http.Request) (*http.Response, error) {
	k.mu.Lock()
	n := k.seen
	k.seen++
	k.mu.Unlock()
	if n != k.kill {
		return k.base.RoundTrip(r)
	}
	k.cancel()
	if !k.after {
		return nil, context.Canceled
	}
	resp, err := k.base.RoundTrip(r.WithContext(context.WithoutCancel(r.Context())))
	if err == nil {
		_, _ = io.Copy(io.Discard, resp.Body) // the server's answer, which the run never sees
		resp.Body.Close()
	}
	return nil, errKilled
}

// viaTransport makes a client's requests go through rt.
func viaTransport(rt http.RoundTripper) func(*tfe.Config) {
	return func(c *tfe.Config) { c.HTTPClient = &http.Client{Transport: rt} }
}

func TestUpsertPipelineKilledAtEveryStepConverges(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	clean := newPipelineScene(t)
	actions, err := runPipeline(ctx, fakeClient(t, clean.srv), clean.wsID, clean.setID)
	require.NoError(t, err)
	assert.Equal(t, []tfe.UpsertAction{
		tfe.UpsertUpdated, tfe.UpsertUnchanged, tfe.UpsertCreated, tfe.UpsertCreated,
		tfe.UpsertCreated, tfe.UpsertUpdated, tfe.UpsertCreated,
	}, actions)
	steps := len(clean.srv.Requests())
	require.Equal(t, 7+6, steps, "seven lists and six writes")
	wantWS, wantSet := clean.state(t)
	assertNoDuplicates(t, wantWS)
	assertNoDuplicates(t, wantSet)
	require.Len(t, wantWS, 4)
	require.Len(t, wantSet, 3)

	for kill := range steps {
		for _, after := range []bool{false, true} {
			name := fmt.Sprintf("request %d, %s", kill+1, map[bool]string{false: "before the server", true: "after the server acted"}[after])
			t.Run(name, func(t *testing.T) { // one after the other: 26 fake servers at once would crowd the timing tests
				s := newPipelineScene(t)
				runCtx, cancel := context.WithCancel(ctx)
				defer cancel()
				k := &killer{base: http.DefaultTransport, kill: kill, after: after, cancel: cancel}
				_, err := runPipeline(runCtx, fakeClient(t, s.srv, viaTransport(k)), s.wsID, s.setID)
				require.Error(t, err, "the run dies at its request %d", kill+1)

				_, err = runPipeline(ctx, fakeClient(t, s.srv), s.wsID, s.setID)
				require.NoError(t, err, "the run again goes to the end")
				gotWS, gotSet := s.state(t)
				assert.Equal(t, wantWS, gotWS, "the workspace's variables")
				assert.Equal(t, wantSet, gotSet, "the variable set's variables")
				assertNoDuplicates(t, gotWS)
				assertNoDuplicates(t, gotSet)
			})
		}
	}
}

func TestUpsertPipelineRunTwiceWritesOnlySensitiveValues(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newPipelineScene(t)
	c := fakeClient(t, s.srv)
	_, err := runPipeline(ctx, c, s.wsID, s.setID)
	require.NoError(t, err)
	wantWS, wantSet := s.state(t)
	s.srv.ResetRequests()

	actions, err := runPipeline(ctx, c, s.wsID, s.setID)
	require.NoError(t, err)
	assert.Equal(t, []tfe.UpsertAction{
		tfe.UpsertUnchanged, tfe.UpsertUnchanged, tfe.UpsertUpdated, tfe.UpsertUnchanged,
		tfe.UpsertUnchanged, tfe.UpsertUpdated, tfe.UpsertUnchanged,
	}, actions, "only the two sensitive values are sent again")
	var writes []string
	for _, r := range s.srv.Requests() {
		if r.Method != http.MethodGet {
			writes = append(writes, r.Method+" "+r.Path)
		}
	}
	assert.Len(t, writes, 2, "the second run writes the two sensitive values and nothing else: %v", writes)
	gotWS, gotSet := s.state(t)
	assert.Equal(t, wantWS, gotWS)
	assert.Equal(t, wantSet, gotSet)
}
