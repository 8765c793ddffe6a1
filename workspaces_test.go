package tfe

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	docsWorkspaceIDRead = "ws-6jrRyVDv1J8zQMB5"
	docsAgentPoolID     = "apool-QxGd2tRjympfMvQr"
	docsProjectID       = "prj-WsVcWRr7SSxRqq4d"
)

// docsWorkspace is the workspace of the documented "Show workspace" sample.
func docsWorkspace() *Workspace {
	at := time.Date(2021, 8, 16, 21, 22, 49, 566e6, time.UTC)
	return &Workspace{
		ID:               docsWorkspaceIDRead,
		Name:             "workspace-1",
		ExecutionMode:    ExecutionModeAgent,
		TerraformVersion: "1.9.4",
		TagNames:         []string{},
		Locked:           true,
		ResourceCount:    10,
		CreatedAt:        at,
		UpdatedAt:        at,
		Permissions:      WorkspacePermissions{CanUpdate: true, CanDestroy: true, CanQueueRun: true, CanReadVariable: true, CanUpdateVariable: true},
		AgentPoolID:      docsAgentPoolID,
		Project:          &Project{ID: "prj-7HWWPGY3fYxztELU"},
		Organization:     &Organization{Name: "my-organization"},
	}
}

func TestWorkspacesRead(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/organizations/my-organization/workspaces/workspace-1", status: 200, fixture: "workspaces/read.response.json"})

	ws, err := ts.client.Workspaces.Read(context.Background(), "my-organization", "workspace-1")
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, docsWorkspace(), ws)
}

func TestWorkspacesReadByID(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/workspaces/" + docsWorkspaceIDRead, status: 200, fixture: "workspaces/read.response.json"})

	ws, err := ts.client.Workspaces.ReadByID(context.Background(), docsWorkspaceIDRead)
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, docsWorkspace(), ws)
}

func TestWorkspacesReadNotFound(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations/acme/workspaces/nope", status: 404, body: `{"errors":[{"status":"404","title":"not found"}]}`})

	_, err := ts.client.Workspaces.Read(context.Background(), "acme", "nope")
	assert.ErrorIs(t, err, ErrResourceNotFound)
}

func TestWorkspacesListSendsEveryFilter(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	query := url.Values{
		"page[number]":          {"2"},
		"page[size]":            {"10"},
		"search[name]":          {"app"},
		"search[wildcard-name]": {"prod-*"},
		"search[tags]":          {"prod,app"},
		"search[exclude-tags]":  {"legacy"},
		"filter[project][id]":   {"prj-7HWWPGY3fYxztELU"},
		"include":               {"project"},
	}
	served := ts.expect(exchange{method: "GET", path: "/organizations/my-organization/workspaces", query: query, status: 200, fixture: "workspaces/list_include.response.json"})

	list, err := ts.client.Workspaces.List(context.Background(), "my-organization", &WorkspaceListOptions{
		ListOptions:  ListOptions{PageNumber: 2, PageSize: 10},
		Search:       "app",
		WildcardName: "prod-*",
		Tags:         []string{"prod", "app"},
		ExcludeTags:  []string{"legacy"},
		ProjectID:    "prj-7HWWPGY3fYxztELU",
		Include:      []WorkspaceIncludeOpt{WorkspaceIncludeProject},
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, &Pagination{CurrentPage: 1, TotalPages: 1, TotalCount: 2}, list.Pagination)
	require.Len(t, list.Items, 2)
	project := &Project{
		ID: "prj-7HWWPGY3fYxztELU", Name: "Default Project", WorkspaceCount: 2,
		CreatedAt:    time.Date(2021, 8, 16, 21, 20, 0, 0, time.UTC),
		Organization: &Organization{Name: "my-organization"},
	}
	assert.Equal(t, project, list.Items[0].Project, "the included project is resolved")
	assert.Same(t, list.Items[0].Project, list.Items[1].Project, "one project model per answer")
	second := list.Items[1]
	assert.Equal(t, "workspace-2", second.Name)
	assert.Equal(t, "the second", second.Description)
	assert.Equal(t, []string{"prod", "app"}, second.TagNames)
	assert.Equal(t, "infra", second.WorkingDirectory)
	assert.Empty(t, second.AgentPoolID)
}

func TestWorkspacesListIter(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	query := url.Values{"page[number]": {"1"}, "page[size]": {"100"}, "search[name]": {"workspace"}}
	served := ts.expect(exchange{method: "GET", path: "/organizations/my-organization/workspaces", query: query, status: 200, fixture: "workspaces/list.response.json"})

	items, err := collect(ts.client.Workspaces.ListIter(context.Background(), "my-organization", &WorkspaceListOptions{Search: "workspace"}))
	require.NoError(t, err)
	assertServedOnce(t, served)
	require.Len(t, items, 2)
	assert.Equal(t, []string{docsWorkspaceIDRead, "ws-SihZTyXKfNXUWuUa"}, []string{items[0].ID, items[1].ID})
	assert.Equal(t, &Project{ID: "prj-7HWWPGY3fYxztELU"}, items[0].Project, "without the include, the project is its ID")
}

func TestWorkspacesCreate(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "POST", path: "/organizations/my-organization/workspaces", golden: "workspaces/create.request.json", status: 201, fixture: "workspaces/create.response.json"})

	ws, err := ts.client.Workspaces.Create(context.Background(), "my-organization", WorkspaceCreateOptions{
		Name:             "workspace-1",
		Description:      Ptr("the app"),
		ExecutionMode:    Ptr(ExecutionModeAgent),
		AgentPoolID:      Ptr(docsAgentPoolID),
		TerraformVersion: Ptr("1.9.4"),
		AutoApply:        Ptr(true),
		ProjectID:        Ptr(docsProjectID),
		WorkingDirectory: Ptr("infra"),
		TagNames:         []string{"prod", "app"},
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, "ws-YnyXLq9fy38afEeb", ws.ID)
	assert.Equal(t, docsAgentPoolID, ws.AgentPoolID)
	assert.Equal(t, &Project{ID: docsProjectID}, ws.Project)
	assert.True(t, ws.AutoApply)
}

func TestWorkspacesCreateNameOnly(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "POST", path: "/organizations/acme/workspaces", golden: "workspaces/create_name_only.request.json", status: 201, fixture: "workspaces/create.response.json"})

	_, err := ts.client.Workspaces.Create(context.Background(), "acme", WorkspaceCreateOptions{Name: "workspace-1"})
	require.NoError(t, err)
}

func TestWorkspacesUpdate(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "PATCH", path: "/workspaces/ws-YnyXLq9fy38afEeb", golden: "workspaces/update.request.json", status: 200, fixture: "workspaces/update.response.json"})

	ws, err := ts.client.Workspaces.Update(context.Background(), "ws-YnyXLq9fy38afEeb", WorkspaceUpdateOptions{
		Name:             Ptr("workspace-2"),
		ExecutionMode:    Ptr(ExecutionModeRemote),
		AgentPoolID:      Null[string](),
		TerraformVersion: Ptr("~> 1.9.0"),
		ProjectID:        Ptr(docsProjectID),
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, "workspace-2", ws.Name)
	assert.Equal(t, ExecutionModeRemote, ws.ExecutionMode)
	assert.Empty(t, ws.AgentPoolID)
}

func TestWorkspacesUpdateToAgent(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "PATCH", path: "/workspaces/ws-1", golden: "workspaces/update_agent.request.json", status: 200, fixture: "workspaces/create.response.json"})

	_, err := ts.client.Workspaces.Update(context.Background(), "ws-1", WorkspaceUpdateOptions{
		ExecutionMode: Ptr(ExecutionModeAgent),
		AgentPoolID:   NullableOf(docsAgentPoolID),
	})
	require.NoError(t, err)
}

func TestWorkspacesDeletes(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	deleted := ts.expect(exchange{method: "DELETE", path: "/workspaces/ws-1", status: 204})
	safe := ts.expect(exchange{method: "POST", path: "/workspaces/ws-2/actions/safe-delete", status: 204})
	ts.expect(exchange{method: "POST", path: "/workspaces/ws-3/actions/safe-delete", status: 409,
		body: `{"errors":[{"status":"409","title":"conflict","detail":"The workspace is managing resources"}]}`})

	ctx := context.Background()
	require.NoError(t, ts.client.Workspaces.Delete(ctx, "ws-1"))
	require.NoError(t, ts.client.Workspaces.SafeDelete(ctx, "ws-2"))
	assertServedOnce(t, deleted)
	assertServedOnce(t, safe)
	assert.ErrorIs(t, ts.client.Workspaces.SafeDelete(ctx, "ws-3"), ErrConflict, "a workspace that still manages resources")
}

func TestWorkspacesValidation(t *testing.T) {
	t.Parallel()
	ws := func(f func(ctx context.Context, s Workspaces) error) func(context.Context, *Client) error {
		return func(ctx context.Context, c *Client) error { return f(ctx, c.Workspaces) }
	}
	runInvalidCalls(t, []invalidCall{
		{"List/org", ErrInvalidOrg, ws(func(ctx context.Context, s Workspaces) error { return errOf(s.List(ctx, "a/b", nil)) })},
		{"List/page", ErrInvalidPagination, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.List(ctx, "acme", &WorkspaceListOptions{ListOptions: ListOptions{PageSize: 101}}))
		})},
		{"List/tag with comma", ErrInvalidTagName, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.List(ctx, "acme", &WorkspaceListOptions{Tags: []string{"a,b"}}))
		})},
		{"List/empty excluded tag", ErrInvalidTagName, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.List(ctx, "acme", &WorkspaceListOptions{ExcludeTags: []string{" "}}))
		})},
		{"List/project", ErrInvalidProjectID, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.List(ctx, "acme", &WorkspaceListOptions{ProjectID: "prj 1"}))
		})},
		{"List/include", ErrValidation, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.List(ctx, "acme", &WorkspaceListOptions{Include: []WorkspaceIncludeOpt{"current_run"}}))
		})},
		{"ListIter/org", ErrInvalidOrg, ws(func(ctx context.Context, s Workspaces) error { return iterErr(s.ListIter(ctx, "", nil)) })},
		{"Read/org", ErrInvalidOrg, ws(func(ctx context.Context, s Workspaces) error { return errOf(s.Read(ctx, "..", "web")) })},
		{"Read/name", ErrInvalidWorkspaceName, ws(func(ctx context.Context, s Workspaces) error { return errOf(s.Read(ctx, "acme", "a?b")) })},
		{"ReadByID", ErrInvalidWorkspaceID, ws(func(ctx context.Context, s Workspaces) error { return errOf(s.ReadByID(ctx, "ws 1")) })},
		{"Create/org", ErrInvalidOrg, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.Create(ctx, "a#b", WorkspaceCreateOptions{Name: "web"}))
		})},
		{"Create/no name", ErrRequiredName, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.Create(ctx, "acme", WorkspaceCreateOptions{}))
		})},
		{"Create/bad name", ErrInvalidWorkspaceName, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.Create(ctx, "acme", WorkspaceCreateOptions{Name: "prod app"}))
		})},
		{"Create/agent without pool", ErrRequiredAgentPoolID, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.Create(ctx, "acme", WorkspaceCreateOptions{Name: "web", ExecutionMode: Ptr(ExecutionModeAgent)}))
		})},
		{"Create/pool without agent", ErrAgentPoolNotAllowed, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.Create(ctx, "acme", WorkspaceCreateOptions{Name: "web", AgentPoolID: Ptr("apool-1")}))
		})},
		{"Create/unknown mode", ErrValidation, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.Create(ctx, "acme", WorkspaceCreateOptions{Name: "web", ExecutionMode: Ptr(ExecutionMode("cloud"))}))
		})},
		{"Create/project", ErrInvalidProjectID, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.Create(ctx, "acme", WorkspaceCreateOptions{Name: "web", ProjectID: Ptr("")}))
		})},
		{"Create/tag", ErrInvalidTagName, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.Create(ctx, "acme", WorkspaceCreateOptions{Name: "web", TagNames: []string{""}}))
		})},
		{"Update/id", ErrInvalidWorkspaceID, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.Update(ctx, "", WorkspaceUpdateOptions{AutoApply: Ptr(true)}))
		})},
		{"Update/nothing", ErrNothingToUpdate, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.Update(ctx, "ws-1", WorkspaceUpdateOptions{}))
		})},
		{"Update/bad name", ErrInvalidWorkspaceName, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.Update(ctx, "ws-1", WorkspaceUpdateOptions{Name: Ptr("")}))
		})},
		{"Update/agent with pool cleared", ErrRequiredAgentPoolID, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.Update(ctx, "ws-1", WorkspaceUpdateOptions{ExecutionMode: Ptr(ExecutionModeAgent), AgentPoolID: Null[string]()}))
		})},
		{"Update/pool with remote", ErrAgentPoolNotAllowed, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.Update(ctx, "ws-1", WorkspaceUpdateOptions{ExecutionMode: Ptr(ExecutionModeRemote), AgentPoolID: NullableOf("apool-1")}))
		})},
		{"Update/project", ErrInvalidProjectID, ws(func(ctx context.Context, s Workspaces) error {
			return errOf(s.Update(ctx, "ws-1", WorkspaceUpdateOptions{ProjectID: Ptr("a/b")}))
		})},
		{"Delete", ErrInvalidWorkspaceID, ws(func(ctx context.Context, s Workspaces) error { return s.Delete(ctx, ".") })},
		{"SafeDelete", ErrInvalidWorkspaceID, ws(func(ctx context.Context, s Workspaces) error { return s.SafeDelete(ctx, "ws%2F1") })},
	})
}
