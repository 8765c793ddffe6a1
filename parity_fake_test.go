package tfe_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// The go-tfe parity methods (variable sets, registry modules,
// organizations, token TTL policies, ErrForbidden) driven against the
// tfetest fake in strict mode: every wire name the SDK sends must be one
// the fake knows, and each step is checked in the answer, in what the
// fake received and in what it holds afterwards.

// newParityFake starts a strict fake with organization acme, plus opts.
func newParityFake(t *testing.T, opts ...tfetest.Option) (*tfetest.Server, *tfe.Client) {
	t.Helper()
	srv := tfetest.NewServer(append([]tfetest.Option{tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme")}, opts...)...)
	t.Cleanup(srv.Close)
	return srv, fakeClient(t, srv)
}

// lastRequest is the last request srv received with method to path
// (under /api/v2/ unless path starts with a slash).
func lastRequest(t *testing.T, srv *tfetest.Server, method, path string) tfetest.Request {
	t.Helper()
	if !strings.HasPrefix(path, "/") {
		path = "/api/v2/" + path
	}
	reqs := srv.Requests()
	for i := len(reqs) - 1; i >= 0; i-- {
		if reqs[i].Method == method && reqs[i].Path == path {
			return reqs[i]
		}
	}
	require.Failf(t, "request not sent", "%s %s", method, path)
	return tfetest.Request{}
}

// sentDocument decodes the JSON:API document of a request body.
func sentDocument(t *testing.T, req tfetest.Request) map[string]any {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(req.Body, &doc), "body of %s %s", req.Method, req.Path)
	return doc
}

// ids lists the IDs of items, read by id.
func ids[T any](items []*T, id func(*T) string) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}

func workspaceID(ws *tfe.Workspace) string { return ws.ID }
func stackID(s *tfe.Stack) string          { return s.ID }

// apiError returns err as an *tfe.APIError.
func apiError(t *testing.T, err error) *tfe.APIError {
	t.Helper()
	var apiErr *tfe.APIError
	require.ErrorAs(t, err, &apiErr)
	return apiErr
}

// pointers lists the source pointers of an API error's objects.
func pointers(e *tfe.APIError) []string {
	var out []string
	for _, obj := range e.Errors {
		if obj != nil && obj.Source != nil {
			out = append(out, obj.Source.Pointer)
		}
	}
	return out
}

func TestParityVariableSetParentOnFake(t *testing.T) {
	srv, client := newParityFake(t)
	ctx := context.Background()
	prj := srv.AddProject("acme", tfetest.Project{Name: "payments"})
	other := srv.AddProject("acme", tfetest.Project{Name: "search"})

	owned, err := client.VariableSets.Create(ctx, "acme", tfe.VariableSetCreateOptions{
		Name: "payments-creds", Parent: &tfe.VariableSetParentOptions{ProjectID: prj},
	})
	require.NoError(t, err)
	require.NotNil(t, owned.Parent)
	require.NotNil(t, owned.Parent.Project)
	assert.Equal(t, prj, owned.Parent.Project.ID)
	assert.Nil(t, owned.Parent.Organization)
	assert.Empty(t, owned.Projects, "the owner is not a project the set is applied to")

	body := sentDocument(t, lastRequest(t, srv, http.MethodPost, "organizations/acme/varsets"))
	assert.Equal(t, map[string]any{"data": map[string]any{"type": "projects", "id": prj}},
		body["data"].(map[string]any)["relationships"].(map[string]any)["parent"])

	read, err := client.VariableSets.Read(ctx, owned.ID, nil)
	require.NoError(t, err)
	require.NotNil(t, read.Parent)
	require.NotNil(t, read.Parent.Project)
	assert.Equal(t, prj, read.Parent.Project.ID)
	held, ok := srv.VariableSet(owned.ID)
	require.True(t, ok)
	assert.Equal(t, prj, held.ParentProjectID)

	// The owning project lists its set; another project does not.
	forPrj, err := client.VariableSets.ListForProject(ctx, prj, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{owned.ID}, ids(forPrj.Items, func(vs *tfe.VariableSet) string { return vs.ID }))
	forOther, err := client.VariableSets.ListForProject(ctx, other, nil)
	require.NoError(t, err)
	assert.Empty(t, forOther.Items)

	// An organization parent is the organization the set is made in.
	orgOwned, err := client.VariableSets.Create(ctx, "acme", tfe.VariableSetCreateOptions{
		Name: "shared", Parent: &tfe.VariableSetParentOptions{Organization: "acme"},
	})
	require.NoError(t, err)
	require.NotNil(t, orgOwned.Parent)
	require.NotNil(t, orgOwned.Parent.Organization)
	assert.Equal(t, "acme", orgOwned.Parent.Organization.Name)
	assert.Nil(t, orgOwned.Parent.Project)

	// Without a parent the organization owns it, and the answer says so.
	plain, err := client.VariableSets.Create(ctx, "acme", tfe.VariableSetCreateOptions{Name: "plain"})
	require.NoError(t, err)
	require.NotNil(t, plain.Parent)
	require.NotNil(t, plain.Parent.Organization)
	assert.Equal(t, "acme", plain.Parent.Organization.Name)

	// A project of nowhere is the service's 422 on the parent's ID.
	_, err = client.VariableSets.Create(ctx, "acme", tfe.VariableSetCreateOptions{
		Name: "lost", Parent: &tfe.VariableSetParentOptions{ProjectID: "prj-missing"},
	})
	require.ErrorIs(t, err, tfe.ErrUnprocessable)
	assert.Equal(t, []string{"/data/relationships/parent/data/id"}, pointers(apiError(t, err)))
}

func TestParityVariableSetUpdateWorkspacesOnFake(t *testing.T) {
	srv, client := newParityFake(t)
	ctx := context.Background()
	web := srv.AddWorkspace("acme", tfetest.Workspace{Name: "web"})
	api := srv.AddWorkspace("acme", tfetest.Workspace{Name: "api"})
	db := srv.AddWorkspace("acme", tfetest.Workspace{Name: "db"})

	vs, err := client.VariableSets.Create(ctx, "acme", tfe.VariableSetCreateOptions{
		Name: "common", Global: tfe.Ptr(true),
	})
	require.NoError(t, err)
	require.True(t, vs.Global)

	// A list of workspaces replaces the scope, and the set stops being
	// global.
	updated, err := client.VariableSets.UpdateWorkspaces(ctx, vs.ID, []string{web, api})
	require.NoError(t, err)
	assert.False(t, updated.Global)
	assert.ElementsMatch(t, []string{web, api}, ids(updated.Workspaces, workspaceID))
	names := []string{}
	for _, ws := range updated.Workspaces {
		names = append(names, ws.Name)
	}
	assert.ElementsMatch(t, []string{"web", "api"}, names, "the answer includes the workspaces")
	req := lastRequest(t, srv, http.MethodPatch, "varsets/"+vs.ID)
	assert.Equal(t, "include=workspaces", req.RawQuery)
	held, ok := srv.VariableSet(vs.ID)
	require.True(t, ok)
	assert.False(t, held.Global)
	assert.ElementsMatch(t, []string{web, api}, held.WorkspaceIDs)

	// Replacing again drops those left out.
	updated, err = client.VariableSets.UpdateWorkspaces(ctx, vs.ID, []string{db})
	require.NoError(t, err)
	assert.Equal(t, []string{db}, ids(updated.Workspaces, workspaceID))
	forWeb, err := client.VariableSets.ListForWorkspace(ctx, web, nil)
	require.NoError(t, err)
	assert.Empty(t, forWeb.Items, "web no longer gets the set")

	// An empty list removes the set from every workspace.
	updated, err = client.VariableSets.UpdateWorkspaces(ctx, vs.ID, nil)
	require.NoError(t, err)
	assert.Empty(t, updated.Workspaces)
	assert.Equal(t, 0, updated.WorkspaceCount)
	body := sentDocument(t, lastRequest(t, srv, http.MethodPatch, "varsets/"+vs.ID))
	assert.Equal(t, map[string]any{"data": []any{}}, body["data"].(map[string]any)["relationships"].(map[string]any)["workspaces"])
	held, _ = srv.VariableSet(vs.ID)
	assert.Empty(t, held.WorkspaceIDs)

	// A workspace the organization does not have is the service's 422.
	_, err = client.VariableSets.UpdateWorkspaces(ctx, vs.ID, []string{"ws-nowhere"})
	require.ErrorIs(t, err, tfe.ErrUnprocessable)
	assert.Equal(t, []string{"/data/relationships/workspaces/data/0/id"}, pointers(apiError(t, err)))
}

func TestParityVariableSetStacksOnFake(t *testing.T) {
	srv, client := newParityFake(t, tfetest.WithHCPTerraform())
	ctx := context.Background()
	blue := srv.AddStack("acme", tfetest.Stack{Name: "blue"})
	green := srv.AddStack("acme", tfetest.Stack{Name: "green"})
	red := srv.AddStack("acme", tfetest.Stack{Name: "red"})
	vs, err := client.VariableSets.Create(ctx, "acme", tfe.VariableSetCreateOptions{Name: "stack-vars"})
	require.NoError(t, err)
	withStacks := &tfe.VariableSetReadOptions{Include: []tfe.VariableSetIncludeOpt{tfe.VariableSetIncludeStacks}}

	require.NoError(t, client.VariableSets.ApplyToStacks(ctx, vs.ID, []string{blue, green}))
	body := sentDocument(t, lastRequest(t, srv, http.MethodPost, "varsets/"+vs.ID+"/relationships/stacks"))
	assert.Equal(t, []any{
		map[string]any{"type": "stacks", "id": blue},
		map[string]any{"type": "stacks", "id": green},
	}, body["data"])
	read, err := client.VariableSets.Read(ctx, vs.ID, withStacks)
	require.NoError(t, err)
	assert.Equal(t, 2, read.StackCount)
	assert.Equal(t, []string{blue, green}, ids(read.Stacks, stackID))
	require.Len(t, read.Stacks, 2)
	assert.Equal(t, "blue", read.Stacks[0].Name, "include=stacks fills the stacks' attributes")
	assert.Equal(t, "include=stacks", lastRequest(t, srv, http.MethodGet, "varsets/"+vs.ID).RawQuery)
	held, _ := srv.VariableSet(vs.ID)
	assert.Equal(t, []string{blue, green}, held.StackIDs)

	require.NoError(t, client.VariableSets.RemoveFromStacks(ctx, vs.ID, []string{blue}))
	held, _ = srv.VariableSet(vs.ID)
	assert.Equal(t, []string{green}, held.StackIDs)

	updated, err := client.VariableSets.UpdateStacks(ctx, vs.ID, []string{red})
	require.NoError(t, err)
	assert.Equal(t, []string{red}, ids(updated.Stacks, stackID))
	require.Len(t, updated.Stacks, 1)
	assert.Equal(t, "red", updated.Stacks[0].Name)
	assert.False(t, updated.Global)
	assert.Equal(t, "include=stacks", lastRequest(t, srv, http.MethodPatch, "varsets/"+vs.ID).RawQuery)
	held, _ = srv.VariableSet(vs.ID)
	assert.Equal(t, []string{red}, held.StackIDs)

	updated, err = client.VariableSets.UpdateStacks(ctx, vs.ID, []string{})
	require.NoError(t, err)
	assert.Empty(t, updated.Stacks)
	held, _ = srv.VariableSet(vs.ID)
	assert.Empty(t, held.StackIDs)

	// A global set is applied everywhere already: the service refuses.
	global, err := client.VariableSets.Create(ctx, "acme", tfe.VariableSetCreateOptions{Name: "everywhere", Global: tfe.Ptr(true)})
	require.NoError(t, err)
	err = client.VariableSets.ApplyToStacks(ctx, global.ID, []string{blue})
	require.ErrorIs(t, err, tfe.ErrUnprocessable)

	// An unknown stack is the 422 of its index.
	err = client.VariableSets.ApplyToStacks(ctx, vs.ID, []string{blue, "st-nowhere"})
	require.ErrorIs(t, err, tfe.ErrUnprocessable)
	assert.Equal(t, []string{"/data/1/id"}, pointers(apiError(t, err)))
}

func TestParityVariableSetReadByNameOnFake(t *testing.T) {
	srv, client := newParityFake(t)
	ctx := context.Background()
	for _, name := range []string{"web-prod", "Web", "web", "staging-web"} {
		_, err := client.VariableSets.Create(ctx, "acme", tfe.VariableSetCreateOptions{Name: name})
		require.NoError(t, err)
	}
	srv.ResetRequests()

	// q matches all four (the search ignores case); ReadByName keeps the
	// exact one.
	vs, err := client.VariableSets.ReadByName(ctx, "acme", "web")
	require.NoError(t, err)
	assert.Equal(t, "web", vs.Name)
	req := lastRequest(t, srv, http.MethodGet, "organizations/acme/varsets")
	assert.Contains(t, req.RawQuery, "q=web")
	assert.Equal(t, 1, len(srv.Requests()), "one page holds every match")

	vs, err = client.VariableSets.ReadByName(ctx, "acme", "Web")
	require.NoError(t, err)
	assert.Equal(t, "Web", vs.Name)

	_, err = client.VariableSets.ReadByName(ctx, "acme", "we")
	require.ErrorIs(t, err, tfe.ErrResourceNotFound, "a substring is not a name")
	assert.NotErrorIs(t, err, tfe.ErrAmbiguous)

	// The fake, as the service, keeps names unique in an organization, so
	// the ambiguous case cannot come from it: a second "web" is refused.
	_, err = client.VariableSets.Create(ctx, "acme", tfe.VariableSetCreateOptions{Name: "web"})
	require.ErrorIs(t, err, tfe.ErrUnprocessable)

	// Many matches over several pages: ReadByName walks them all.
	for i := range 120 {
		_, err := client.VariableSets.Create(ctx, "acme", tfe.VariableSetCreateOptions{Name: "bulk-" + string(rune('a'+i/26)) + string(rune('a'+i%26))})
		require.NoError(t, err)
	}
	srv.ResetRequests()
	vs, err = client.VariableSets.ReadByName(ctx, "acme", "bulk-ep")
	require.NoError(t, err)
	assert.Equal(t, "bulk-ep", vs.Name)
	_, err = client.VariableSets.ReadByName(ctx, "acme", "bulk-")
	require.ErrorIs(t, err, tfe.ErrResourceNotFound)
	assert.Equal(t, 3, requests(srv, http.MethodGet, "organizations/acme/varsets"), "two pages for 120 matches, one for bulk-ep")
}

func TestParityRegistryModuleVersionsOnFake(t *testing.T) {
	srv, client := newParityFake(t)
	ctx := context.Background()
	modules := client.RegistryModules
	_, err := modules.Create(ctx, "acme", tfe.RegistryModuleCreateOptions{Name: "vpc", Provider: "aws"})
	require.NoError(t, err)
	id := tfe.RegistryModuleID{Organization: "acme", Name: "vpc", Provider: "aws"}
	versionsPath := "organizations/acme/registry-modules/private/acme/vpc/aws/versions"

	v, err := modules.CreateVersion(ctx, id, tfe.RegistryModuleVersionCreateOptions{Version: "1.0.0"})
	require.NoError(t, err)
	assert.Equal(t, "1.0.0", v.Version)
	assert.Equal(t, "pending", v.Status)
	assert.NotEmpty(t, v.ID)
	require.NotEmpty(t, v.UploadURL)
	assert.True(t, strings.HasPrefix(v.UploadURL, srv.URL+"/_archivist/v1/object/"))
	body := sentDocument(t, lastRequest(t, srv, http.MethodPost, versionsPath))
	assert.Equal(t, map[string]any{"type": "registry-module-versions", "attributes": map[string]any{"version": "1.0.0"}}, body["data"])

	read, err := modules.ReadVersion(ctx, id, "1.0.0")
	require.NoError(t, err)
	assert.Equal(t, v.ID, read.ID)
	assert.Equal(t, "pending", read.Status)
	assert.Equal(t, v.UploadURL, read.UploadURL, "a pending version keeps its upload link")
	assert.Equal(t, "module_version=1.0.0", lastRequest(t, srv, http.MethodGet, "organizations/acme/registry-modules/private/acme/vpc/aws/version").RawQuery)

	archive, err := packModule("main.tf", "variable \"cidr\" {}\n")
	require.NoError(t, err)
	require.NoError(t, modules.Upload(ctx, read, bytes.NewReader(archive)))
	sent := srv.Requests()
	up := sent[len(sent)-1]
	assert.Equal(t, http.MethodPut, up.Method)
	assert.True(t, strings.HasPrefix(up.Path, "/_archivist/v1/object/"))
	assert.Equal(t, archive, up.Body)
	read, err = modules.ReadVersion(ctx, id, "1.0.0")
	require.NoError(t, err)
	assert.Equal(t, "ok", read.Status)
	mod, err := modules.Read(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, "setup_complete", mod.Status)
	assert.Equal(t, []tfe.RegistryModuleVersionStatus{{Version: "1.0.0", Status: "ok"}}, mod.VersionStatuses)

	// Not an archive: the fake's ingestion fails the version.
	bad, err := modules.CreateVersion(ctx, id, tfe.RegistryModuleVersionCreateOptions{Version: "1.1.0"})
	require.NoError(t, err)
	require.NoError(t, modules.Upload(ctx, bad, strings.NewReader("not a tarball")))
	bad, err = modules.ReadVersion(ctx, id, "1.1.0")
	require.NoError(t, err)
	assert.Equal(t, "reg_ingress_failed", bad.Status)

	// The service's refusals: a version taken, a version that is not one,
	// a version of nowhere.
	_, err = modules.CreateVersion(ctx, id, tfe.RegistryModuleVersionCreateOptions{Version: "1.0.0"})
	require.ErrorIs(t, err, tfe.ErrUnprocessable)
	assert.Equal(t, []string{"/data/attributes/version"}, pointers(apiError(t, err)))
	_, err = modules.CreateVersion(ctx, id, tfe.RegistryModuleVersionCreateOptions{Version: "one"})
	require.ErrorIs(t, err, tfe.ErrUnprocessable)
	_, err = modules.ReadVersion(ctx, id, "9.9.9")
	require.ErrorIs(t, err, tfe.ErrResourceNotFound)

	// DeleteVersion takes one version and leaves the module.
	require.NoError(t, modules.DeleteVersion(ctx, id, "1.1.0"))
	lastRequest(t, srv, http.MethodDelete, "organizations/acme/registry-modules/private/acme/vpc/aws/1.1.0")
	_, err = modules.ReadVersion(ctx, id, "1.1.0")
	require.ErrorIs(t, err, tfe.ErrResourceNotFound)
	mod, err = modules.Read(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, []tfe.RegistryModuleVersionStatus{{Version: "1.0.0", Status: "ok"}}, mod.VersionStatuses)
	err = modules.DeleteVersion(ctx, id, "1.1.0")
	require.ErrorIs(t, err, tfe.ErrResourceNotFound)
}

func TestParityRegistryModuleDeletesOnFake(t *testing.T) {
	srv, client := newParityFake(t)
	ctx := context.Background()
	modules := client.RegistryModules
	for _, p := range []string{"aws", "azurerm", "google"} {
		_, err := modules.Create(ctx, "acme", tfe.RegistryModuleCreateOptions{Name: "net", Provider: p})
		require.NoError(t, err)
	}
	_, err := modules.Create(ctx, "acme", tfe.RegistryModuleCreateOptions{Name: "dns", Provider: "aws"})
	require.NoError(t, err)
	names := func() []string {
		var out []string
		for m, err := range modules.ListIter(ctx, "acme", nil) {
			require.NoError(t, err)
			out = append(out, m.Name+"/"+m.Provider)
		}
		return out
	}

	require.NoError(t, modules.DeleteProvider(ctx, tfe.RegistryModuleID{Organization: "acme", Name: "net", Provider: "google"}))
	lastRequest(t, srv, http.MethodDelete, "organizations/acme/registry-modules/private/acme/net/google")
	assert.Equal(t, []string{"net/aws", "net/azurerm", "dns/aws"}, names())

	require.NoError(t, modules.DeleteByName(ctx, tfe.RegistryModuleID{Organization: "acme", Name: "net"}))
	lastRequest(t, srv, http.MethodDelete, "organizations/acme/registry-modules/private/acme/net")
	assert.Equal(t, []string{"dns/aws"}, names())

	err = modules.DeleteByName(ctx, tfe.RegistryModuleID{Organization: "acme", Name: "net"})
	require.ErrorIs(t, err, tfe.ErrResourceNotFound)
	err = modules.DeleteProvider(ctx, tfe.RegistryModuleID{Organization: "acme", Name: "net", Provider: "aws"})
	require.ErrorIs(t, err, tfe.ErrResourceNotFound)

	// A public module the organization curates goes by its namespace.
	srv.AddRegistryModule("acme", tfetest.RegistryModule{Name: "consul", Provider: "aws", RegistryName: "public", Namespace: "hashicorp"})
	public := tfe.RegistryModuleID{Organization: "acme", Name: "consul", Provider: "aws", Namespace: "hashicorp", RegistryName: tfe.PublicRegistry}
	require.NoError(t, modules.DeleteProvider(ctx, public))
	lastRequest(t, srv, http.MethodDelete, "organizations/acme/registry-modules/public/hashicorp/consul/aws")
	assert.Equal(t, []string{"dns/aws"}, names())
}

func TestParityRegistryModuleUpdateOnFake(t *testing.T) {
	srv, client := newParityFake(t)
	ctx := context.Background()
	modules := client.RegistryModules
	pool := srv.AddAgentPool("acme", tfetest.AgentPool{Name: "testers"})
	_, err := modules.Create(ctx, "acme", tfe.RegistryModuleCreateOptions{Name: "vpc", Provider: "aws"})
	require.NoError(t, err)
	id := tfe.RegistryModuleID{Organization: "acme", Name: "vpc", Provider: "aws"}
	path := "organizations/acme/registry-modules/private/acme/vpc/aws"

	agent := tfe.ExecutionModeAgent
	updated, err := modules.Update(ctx, id, tfe.RegistryModuleUpdateOptions{
		TestConfig: &tfe.RegistryModuleTestConfigOptions{AgentExecutionMode: &agent, AgentPoolID: tfe.Ptr(pool)},
	})
	require.NoError(t, err)
	require.NotNil(t, updated.TestConfig)
	assert.Equal(t, tfe.ExecutionModeAgent, updated.TestConfig.AgentExecutionMode)
	assert.Equal(t, pool, updated.TestConfig.AgentPoolID)
	body := sentDocument(t, lastRequest(t, srv, http.MethodPatch, path))
	assert.Equal(t, map[string]any{
		"type": "registry-modules",
		"attributes": map[string]any{"test-config": map[string]any{
			"agent-execution-mode": "agent", "agent-pool-id": pool,
		}},
	}, body["data"])

	updated, err = modules.Update(ctx, id, tfe.RegistryModuleUpdateOptions{NoCode: tfe.Ptr(true)})
	require.NoError(t, err)
	assert.True(t, updated.NoCode)
	read, err := modules.Read(ctx, id)
	require.NoError(t, err)
	assert.True(t, read.NoCode)
	require.NotNil(t, read.TestConfig, "an update of one setting keeps the others")
	assert.Equal(t, pool, read.TestConfig.AgentPoolID)

	// The fake has no VCS: publishing settings of a module without a
	// repository are refused as the service refuses them.
	_, err = modules.Update(ctx, id, tfe.RegistryModuleUpdateOptions{VCSRepo: &tfe.RegistryModuleVCSRepoUpdateOptions{Branch: tfe.Ptr("main")}})
	require.ErrorIs(t, err, tfe.ErrUnprocessable)

	_, err = modules.Update(ctx, tfe.RegistryModuleID{Organization: "acme", Name: "nope", Provider: "aws"}, tfe.RegistryModuleUpdateOptions{NoCode: tfe.Ptr(true)})
	require.ErrorIs(t, err, tfe.ErrResourceNotFound)
}

func TestParityRegistryModuleVCSOnFake(t *testing.T) {
	srv, client := newParityFake(t)
	ctx := context.Background()
	modules := client.RegistryModules

	// The fake has no VCS connection: it refuses the OAuth token as the
	// service refuses one it does not know, a 422 on the attribute.
	_, err := modules.CreateWithVCSConnection(ctx, "acme", tfe.RegistryModuleCreateWithVCSConnectionOptions{
		VCSRepo: tfe.RegistryModuleVCSRepoOptions{
			Identifier: "acme/terraform-aws-vpc", DisplayIdentifier: "acme/terraform-aws-vpc",
			OAuthTokenID:                       tfe.Ptr("ot-123"),
			RegistryModuleVCSPublishingOptions: tfe.RegistryModuleVCSPublishingOptions{Branch: tfe.Ptr("main")},
		},
		InitialVersion: tfe.Ptr("0.1.0"),
	})
	require.ErrorIs(t, err, tfe.ErrUnprocessable)
	e := apiError(t, err)
	assert.Equal(t, http.StatusUnprocessableEntity, e.StatusCode)
	assert.Equal(t, []string{"/data/attributes/vcs-repo/oauth-token-id"}, pointers(e))
	require.NotEmpty(t, e.Errors)
	assert.NotEmpty(t, e.Errors[0].Detail)
	assert.Contains(t, err.Error(), "/data/attributes/vcs-repo/oauth-token-id", "the message names the attribute")
	body := sentDocument(t, lastRequest(t, srv, http.MethodPost, "organizations/acme/registry-modules/vcs"))
	attrs := body["data"].(map[string]any)["attributes"].(map[string]any)
	assert.Equal(t, "0.1.0", attrs["initial-version"])
	assert.Equal(t, map[string]any{
		"identifier": "acme/terraform-aws-vpc", "display-identifier": "acme/terraform-aws-vpc",
		"oauth-token-id": "ot-123", "branch": "main",
	}, attrs["vcs-repo"])

	// A GitHub App installation instead: its ID is the attribute refused.
	_, err = modules.CreateWithVCSConnection(ctx, "acme", tfe.RegistryModuleCreateWithVCSConnectionOptions{
		VCSRepo: tfe.RegistryModuleVCSRepoOptions{
			Identifier: "acme/terraform-aws-vpc", DisplayIdentifier: "acme/terraform-aws-vpc",
			GHAInstallationID: tfe.Ptr("ghain-1"),
		},
	})
	require.ErrorIs(t, err, tfe.ErrUnprocessable)
	assert.Equal(t, []string{"/data/attributes/vcs-repo/github-app-installation-id"}, pointers(apiError(t, err)))

	list, err := modules.List(ctx, "acme", nil)
	require.NoError(t, err)
	assert.Empty(t, list.Items, "nothing was created")

	// No module of the fake comes from a repository: its commits are a 404.
	_, err = modules.Create(ctx, "acme", tfe.RegistryModuleCreateOptions{Name: "vpc", Provider: "aws"})
	require.NoError(t, err)
	_, err = modules.ListCommits(ctx, tfe.RegistryModuleID{Organization: "acme", Name: "vpc", Provider: "aws"})
	require.ErrorIs(t, err, tfe.ErrResourceNotFound)
	lastRequest(t, srv, http.MethodGet, "organizations/acme/registry-modules/private/acme/vpc/aws/commits")
}

func TestParityTerraformRegistryModuleOnFake(t *testing.T) {
	srv, client := newParityFake(t, tfetest.WithHCPTerraform())
	ctx := context.Background()
	modules := client.RegistryModules
	srv.AddRegistryModule("acme", tfetest.RegistryModule{Name: "vpc", Provider: "aws", Versions: []tfetest.ModuleVersion{
		{Version: "1.0.0"},
		{Version: "1.1.0", Variables: []tfetest.ModuleVariable{
			{Name: "cidr", Type: "string", Description: "The VPC's range", Default: "10.0.0.0/16"},
			{Name: "name", Type: "string", Required: true},
		}},
	}})
	srv.AddRegistryModule("acme", tfetest.RegistryModule{Name: "consul", Provider: "aws", RegistryName: "public", Namespace: "hashicorp",
		Versions: []tfetest.ModuleVersion{{Version: "0.12.0"}}})

	m, err := modules.ReadTerraformRegistryModule(ctx, tfe.RegistryModuleID{Organization: "acme", Name: "vpc", Provider: "aws"}, "1.1.0")
	require.NoError(t, err)
	lastRequest(t, srv, http.MethodGet, "/api/registry/v1/modules/acme/vpc/aws/1.1.0")
	assert.Equal(t, "acme/vpc/aws/1.1.0", m.ID)
	assert.Equal(t, "acme", m.Namespace)
	assert.Equal(t, "vpc", m.Name)
	assert.Equal(t, "aws", m.Provider)
	assert.Equal(t, "1.1.0", m.Version)
	assert.Equal(t, []string{"1.0.0", "1.1.0"}, m.Versions)
	assert.Equal(t, []string{"aws"}, m.Providers)
	assert.False(t, m.PublishedAt.IsZero())
	assert.Equal(t, []tfe.TerraformRegistryModuleInput{
		{Name: "cidr", Type: "string", Description: "The VPC's range", Default: `"10.0.0.0/16"`},
		{Name: "name", Type: "string", Required: true},
	}, m.Root.Inputs)

	public, err := modules.ReadTerraformRegistryModule(ctx, tfe.RegistryModuleID{Organization: "acme", Name: "consul", Provider: "aws", Namespace: "hashicorp", RegistryName: tfe.PublicRegistry}, "0.12.0")
	require.NoError(t, err)
	lastRequest(t, srv, http.MethodGet, "/api/registry/public/v1/modules/hashicorp/consul/aws/0.12.0")
	assert.Equal(t, "hashicorp/consul/aws/0.12.0", public.ID)
	assert.Equal(t, "hashicorp", public.Namespace)

	// A version, module or namespace of nowhere is the registry's 404.
	for _, c := range []struct {
		id      tfe.RegistryModuleID
		version string
	}{
		{tfe.RegistryModuleID{Organization: "acme", Name: "vpc", Provider: "aws"}, "2.0.0"},
		{tfe.RegistryModuleID{Organization: "acme", Name: "eks", Provider: "aws"}, "1.0.0"},
		{tfe.RegistryModuleID{Organization: "nowhere", Name: "vpc", Provider: "aws"}, "1.0.0"},
		{tfe.RegistryModuleID{Organization: "acme", Namespace: "acme", Name: "vpc", Provider: "aws", RegistryName: tfe.PublicRegistry}, "1.0.0"},
	} {
		_, err := modules.ReadTerraformRegistryModule(ctx, c.id, c.version)
		assert.ErrorIs(t, err, tfe.ErrResourceNotFound, "%+v %s", c.id, c.version)
	}

	// The registry protocol needs the token like the rest of the API.
	other := fakeClient(t, srv, func(c *tfe.Config) { c.Token = "wrong" })
	_, err = other.RegistryModules.ReadTerraformRegistryModule(ctx, tfe.RegistryModuleID{Organization: "acme", Name: "vpc", Provider: "aws"}, "1.1.0")
	require.ErrorIs(t, err, tfe.ErrUnauthorized)
}

func TestParityOrganizationsOnFake(t *testing.T) {
	srv, client := newParityFake(t)
	ctx := context.Background()
	orgs := client.Organizations

	org, err := orgs.ReadWithOptions(ctx, "acme", &tfe.OrganizationReadOptions{Include: []tfe.OrganizationIncludeOpt{tfe.OrganizationIncludeDefaultProject}})
	require.NoError(t, err)
	assert.Equal(t, "include=default-project", lastRequest(t, srv, http.MethodGet, "organizations/acme").RawQuery)
	require.NotNil(t, org.DefaultProject)
	assert.Equal(t, srv.DefaultProjectID("acme"), org.DefaultProject.ID)
	assert.Equal(t, "Default Project", org.DefaultProject.Name)
	require.NotNil(t, org.UserTokensEnabled)
	assert.True(t, *org.UserTokensEnabled)
	assert.Equal(t, 5, org.RemainingTestableCount)
	assert.True(t, org.Permissions.CanManageVarsets)

	plain, err := orgs.Read(ctx, "acme")
	require.NoError(t, err)
	require.NotNil(t, plain.DefaultProject)
	assert.Equal(t, srv.DefaultProjectID("acme"), plain.DefaultProject.ID)
	assert.Empty(t, plain.DefaultProject.Name, "without include only the ID")

	// The new writable settings go through strict mode and read back.
	updated, err := orgs.Update(ctx, "acme", tfe.OrganizationUpdateOptions{OrganizationSettingsOptions: tfe.OrganizationSettingsOptions{
		StacksEnabled: tfe.Ptr(true), RegistryMonorepoSupportEnabled: tfe.Ptr(true), UserTokensEnabled: tfe.Ptr(true),
	}})
	require.NoError(t, err)
	assert.True(t, updated.StacksEnabled)
	assert.True(t, updated.RegistryMonorepoSupportEnabled)
	body := sentDocument(t, lastRequest(t, srv, http.MethodPatch, "organizations/acme"))
	assert.Equal(t, map[string]any{
		"stacks-enabled": true, "registry-monorepo-support-enabled": true, "user-tokens-enabled": true,
	}, body["data"].(map[string]any)["attributes"])
	read, err := orgs.Read(ctx, "acme")
	require.NoError(t, err)
	assert.True(t, read.StacksEnabled)
	assert.True(t, read.RegistryMonorepoSupportEnabled)

	created, err := orgs.Create(ctx, tfe.OrganizationCreateOptions{Name: "beta", Email: "ops@beta.example", OrganizationSettingsOptions: tfe.OrganizationSettingsOptions{
		StacksEnabled: tfe.Ptr(true), UserTokensEnabled: tfe.Ptr(true),
	}})
	require.NoError(t, err)
	assert.True(t, created.StacksEnabled)

	capacity, err := orgs.ReadCapacity(ctx, "acme")
	require.NoError(t, err)
	assert.Equal(t, &tfe.OrganizationCapacity{Organization: "acme"}, capacity)
	_, err = orgs.ReadCapacity(ctx, "nowhere")
	require.ErrorIs(t, err, tfe.ErrResourceNotFound)

	ent, err := orgs.ReadEntitlements(ctx, "acme")
	require.NoError(t, err)
	assert.NotEmpty(t, ent.ID)
	assert.True(t, ent.Agents)
	assert.True(t, ent.PrivateModuleRegistry)
	assert.True(t, ent.StateStorage)
	assert.True(t, ent.Teams)

	queue, err := orgs.ReadRunQueue(ctx, "acme", &tfe.RunQueueOptions{ListOptions: tfe.ListOptions{PageSize: 5}})
	require.NoError(t, err)
	assert.Empty(t, queue.Items)
	require.NotNil(t, queue.Pagination)
	assert.Equal(t, 0, queue.TotalCount)
	assert.Contains(t, lastRequest(t, srv, http.MethodGet, "organizations/acme/runs/queue").RawQuery, "page%5Bsize%5D=5")
	n := 0
	for _, err := range orgs.ReadRunQueueIter(ctx, "acme", nil) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 0, n, "the fake runs nothing")
	for _, err := range orgs.ReadRunQueueIter(ctx, "nowhere", nil) {
		assert.ErrorIs(t, err, tfe.ErrResourceNotFound)
	}
}

func TestParityDataRetentionOnFake(t *testing.T) {
	srv, client := newParityFake(t)
	ctx := context.Background()
	orgs := client.Organizations
	const path = "organizations/acme/relationships/data-retention-policy"

	none, err := orgs.ReadDataRetentionPolicy(ctx, "acme")
	require.NoError(t, err)
	assert.Nil(t, none)

	older, err := orgs.SetDataRetentionPolicyDeleteOlder(ctx, "acme", tfe.DataRetentionPolicyDeleteOlderOptions{DeleteOlderThanNDays: 30})
	require.NoError(t, err)
	assert.Equal(t, tfe.DataRetentionDeleteOlder, older.Kind)
	assert.Equal(t, 30, older.DeleteOlderThanNDays)
	assert.NotEmpty(t, older.ID)
	assert.Equal(t, map[string]any{
		"type": "data-retention-policy-delete-olders", "attributes": map[string]any{"delete-older-than-n-days": float64(30)},
	}, sentDocument(t, lastRequest(t, srv, http.MethodPost, path))["data"])
	read, err := orgs.ReadDataRetentionPolicy(ctx, "acme")
	require.NoError(t, err)
	assert.Equal(t, older, read)

	// Changing the days keeps the policy; the other kind replaces it.
	again, err := orgs.SetDataRetentionPolicyDeleteOlder(ctx, "acme", tfe.DataRetentionPolicyDeleteOlderOptions{DeleteOlderThanNDays: 90})
	require.NoError(t, err)
	assert.Equal(t, older.ID, again.ID)
	assert.Equal(t, 90, again.DeleteOlderThanNDays)
	keep, err := orgs.SetDataRetentionPolicyDontDelete(ctx, "acme")
	require.NoError(t, err)
	assert.Equal(t, tfe.DataRetentionDontDelete, keep.Kind)
	assert.NotEqual(t, older.ID, keep.ID)
	assert.Equal(t, map[string]any{
		"type": "data-retention-policy-dont-deletes", "attributes": map[string]any{},
	}, sentDocument(t, lastRequest(t, srv, http.MethodPost, path))["data"])
	read, err = orgs.ReadDataRetentionPolicy(ctx, "acme")
	require.NoError(t, err)
	assert.Equal(t, keep, read)

	require.NoError(t, orgs.DeleteDataRetentionPolicy(ctx, "acme"))
	read, err = orgs.ReadDataRetentionPolicy(ctx, "acme")
	require.NoError(t, err)
	assert.Nil(t, read)

	// A 404 from Terraform Enterprise may be a release without the
	// endpoint: the error names the release that added it.
	_, err = orgs.ReadDataRetentionPolicy(ctx, "nowhere")
	require.ErrorIs(t, err, tfe.ErrResourceNotFound)
	assert.Equal(t, "v202311-1", apiError(t, err).EndpointAddedIn)
	assert.Contains(t, err.Error(), "added in v202311-1")
	err = orgs.DeleteDataRetentionPolicy(ctx, "nowhere")
	assert.Equal(t, "v202311-1", apiError(t, err).EndpointAddedIn)
	_, err = orgs.SetDataRetentionPolicyDontDelete(ctx, "nowhere")
	assert.Equal(t, "v202401-1", apiError(t, err).EndpointAddedIn)
	_, err = orgs.SetDataRetentionPolicyDeleteOlder(ctx, "nowhere", tfe.DataRetentionPolicyDeleteOlderOptions{DeleteOlderThanNDays: 1})
	assert.Equal(t, "v202401-1", apiError(t, err).EndpointAddedIn)

	// HCP Terraform has no data retention policies and no releases: a
	// plain 404, whose detail says why.
	hcp, hcpClient := newParityFake(t, tfetest.WithHCPTerraform())
	_, err = hcpClient.Organizations.ReadDataRetentionPolicy(ctx, "acme")
	require.ErrorIs(t, err, tfe.ErrResourceNotFound)
	e := apiError(t, err)
	assert.Empty(t, e.EndpointAddedIn)
	assert.NotContains(t, err.Error(), "release")
	assert.Contains(t, err.Error(), "only available in Terraform Enterprise")
	_, err = hcpClient.Organizations.SetDataRetentionPolicyDontDelete(ctx, "acme")
	require.ErrorIs(t, err, tfe.ErrResourceNotFound)
	err = hcpClient.Organizations.DeleteDataRetentionPolicy(ctx, "acme")
	require.ErrorIs(t, err, tfe.ErrResourceNotFound)
	assert.Equal(t, 3, len(hcp.Requests()))
}

func TestParityTokenTTLPoliciesListOnFake(t *testing.T) {
	srv, client := newParityFake(t)
	ctx := context.Background()

	first, err := client.TokenTTLPolicies.List(ctx, "acme", &tfe.TokenTTLPolicyListOptions{ListOptions: tfe.ListOptions{PageSize: 3}})
	require.NoError(t, err)
	require.NotNil(t, first.Pagination)
	assert.Len(t, first.Items, 3)
	assert.Equal(t, 4, first.TotalCount, "Terraform Enterprise has four policies")
	assert.Equal(t, 2, first.TotalPages)
	assert.Equal(t, 2, first.NextPage)
	second, err := client.TokenTTLPolicies.List(ctx, "acme", &tfe.TokenTTLPolicyListOptions{ListOptions: tfe.ListOptions{PageNumber: 2, PageSize: 3}})
	require.NoError(t, err)
	assert.Len(t, second.Items, 1)

	srv.ResetRequests()
	var types []tfe.TokenPolicyType
	for p, err := range client.TokenTTLPolicies.ListIter(ctx, "acme", &tfe.TokenTTLPolicyListOptions{ListOptions: tfe.ListOptions{PageSize: 2}}) {
		require.NoError(t, err)
		assert.Equal(t, tfe.DefaultTokenTTL, p.MaxTTL)
		types = append(types, p.TokenType)
	}
	assert.Equal(t, []tfe.TokenPolicyType{tfe.TokenPolicyOrganization, tfe.TokenPolicyTeam, tfe.TokenPolicyUser, tfe.TokenPolicyAuditTrails}, types)
	assert.Equal(t, 2, requests(srv, http.MethodGet, "organizations/acme/token-ttl-policies"))

	_, hcp := newParityFake(t, tfetest.WithHCPTerraform())
	n := 0
	for _, err := range hcp.TokenTTLPolicies.ListIter(ctx, "acme", nil) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 5, n, "HCP Terraform adds the metrics policy")
}

func TestParityForbiddenOnFake(t *testing.T) {
	srv, _ := newParityFake(t)
	ctx := context.Background()
	devs := srv.AddTeam("acme", "devs")
	client := fakeClient(t, srv, func(c *tfe.Config) { c.Token = srv.AddTeamToken(devs) })

	// A team other than owners may read the organization, not its TTL
	// policies or its data retention policy's changes: a 403.
	_, err := client.Organizations.Read(ctx, "acme")
	require.NoError(t, err)
	_, err = client.TokenTTLPolicies.List(ctx, "acme", nil)
	require.ErrorIs(t, err, tfe.ErrForbidden)
	assert.NotErrorIs(t, err, tfe.ErrResourceNotFound)
	e := apiError(t, err)
	assert.Equal(t, http.StatusForbidden, e.StatusCode)
	assert.Contains(t, err.Error(), "403 Forbidden")
	for _, err := range client.TokenTTLPolicies.ListIter(ctx, "acme", nil) {
		assert.ErrorIs(t, err, tfe.ErrForbidden)
	}
	_, err = client.Organizations.SetDataRetentionPolicyDontDelete(ctx, "acme")
	require.ErrorIs(t, err, tfe.ErrForbidden)
	assert.Empty(t, apiError(t, err).EndpointAddedIn, "only a 404 may mean an older release")
	_, err = client.Organizations.Update(ctx, "acme", tfe.OrganizationUpdateOptions{OrganizationSettingsOptions: tfe.OrganizationSettingsOptions{StacksEnabled: tfe.Ptr(true)}})
	require.ErrorIs(t, err, tfe.ErrForbidden)

}
