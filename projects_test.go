package tfe

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// docsProject is the project of the documented "Show project" sample.
func docsProject() *Project {
	return &Project{
		ID:                   docsProjectID,
		Name:                 "Infrastructure Project",
		Description:          "Resources for the platform team",
		CreatedAt:            time.Date(2023, 9, 11, 14, 45, 25, 447e6, time.UTC),
		WorkspaceCount:       4,
		DefaultExecutionMode: ExecutionModeRemote,
		Organization:         &Organization{Name: "my-organization"},
	}
}

func TestProjectsList(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	query := url.Values{"filter[names]": {"Default Project,Infrastructure Project"}, "q": {"Project"}, "page[size]": {"50"}}
	served := ts.expect(exchange{method: "GET", path: "/organizations/my-organization/projects", query: query, status: 200, fixture: "projects/list.response.json"})

	list, err := ts.client.Projects.List(context.Background(), "my-organization", &ProjectListOptions{
		ListOptions: ListOptions{PageSize: 50},
		Names:       []string{"Default Project", "Infrastructure Project"},
		Query:       "Project",
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, &Pagination{CurrentPage: 1, TotalPages: 1, TotalCount: 2}, list.Pagination)
	require.Len(t, list.Items, 2)
	assert.Equal(t, "Default Project", list.Items[0].Name)
	assert.Equal(t, ExecutionModeAgent, list.Items[0].DefaultExecutionMode)
	assert.Equal(t, docsAgentPoolID, list.Items[0].DefaultAgentPoolID)
	assert.Equal(t, docsProject(), list.Items[1])
}

func TestProjectsListIter(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	query := url.Values{"page[number]": {"1"}, "page[size]": {"100"}}
	served := ts.expect(exchange{method: "GET", path: "/organizations/my-organization/projects", query: query, status: 200, fixture: "projects/list.response.json"})

	items, err := collect(ts.client.Projects.ListIter(context.Background(), "my-organization", nil))
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Len(t, items, 2)
}

func TestProjectsRead(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/projects/" + docsProjectID, status: 200, fixture: "projects/read.response.json"})

	p, err := ts.client.Projects.Read(context.Background(), docsProjectID)
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, docsProject(), p)
}

func TestProjectsCreate(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "POST", path: "/organizations/my-organization/projects", golden: "projects/create.request.json", status: 201, fixture: "projects/create.response.json"})

	p, err := ts.client.Projects.Create(context.Background(), "my-organization", ProjectCreateOptions{
		Name:        "Infrastructure Project",
		Description: Ptr("Resources for the platform team"),
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
	want := docsProject()
	want.WorkspaceCount = 0
	assert.Equal(t, want, p)
}

func TestProjectsUpdate(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "PATCH", path: "/projects/" + docsProjectID, golden: "projects/update.request.json", status: 200, fixture: "projects/update.response.json"})

	p, err := ts.client.Projects.Update(context.Background(), docsProjectID, ProjectUpdateOptions{
		Name:        Ptr("Platform"),
		Description: Ptr("Owned by the platform team"),
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, "Platform", p.Name)
	assert.Equal(t, "Owned by the platform team", p.Description)
}

func TestProjectsDelete(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "DELETE", path: "/projects/" + docsProjectID, status: 204})
	ts.expect(exchange{method: "DELETE", path: "/projects/prj-full", status: 409,
		body: `{"errors":[{"status":"409","title":"conflict","detail":"project still contains workspaces"}]}`})

	require.NoError(t, ts.client.Projects.Delete(context.Background(), docsProjectID))
	assertServedOnce(t, served)
	assert.ErrorIs(t, ts.client.Projects.Delete(context.Background(), "prj-full"), ErrConflict)
}

func TestProjectsValidation(t *testing.T) {
	t.Parallel()
	prj := func(f func(ctx context.Context, s Projects) error) func(context.Context, *Client) error {
		return func(ctx context.Context, c *Client) error { return f(ctx, c.Projects) }
	}
	runInvalidCalls(t, []invalidCall{
		{"List/org", ErrInvalidOrg, prj(func(ctx context.Context, s Projects) error { return errOf(s.List(ctx, "", nil)) })},
		{"List/page", ErrInvalidPagination, prj(func(ctx context.Context, s Projects) error {
			return errOf(s.List(ctx, "acme", &ProjectListOptions{ListOptions: ListOptions{PageNumber: -1}}))
		})},
		{"List/name with comma", ErrValidation, prj(func(ctx context.Context, s Projects) error {
			return errOf(s.List(ctx, "acme", &ProjectListOptions{Names: []string{"a,b"}}))
		})},
		{"ListIter/org", ErrInvalidOrg, prj(func(ctx context.Context, s Projects) error { return iterErr(s.ListIter(ctx, "a b", nil)) })},
		{"Read", ErrInvalidProjectID, prj(func(ctx context.Context, s Projects) error { return errOf(s.Read(ctx, "..")) })},
		{"Create/org", ErrInvalidOrg, prj(func(ctx context.Context, s Projects) error {
			return errOf(s.Create(ctx, "a?b", ProjectCreateOptions{Name: "p"}))
		})},
		{"Create/no name", ErrRequiredName, prj(func(ctx context.Context, s Projects) error {
			return errOf(s.Create(ctx, "acme", ProjectCreateOptions{Name: " "}))
		})},
		{"Update/id", ErrInvalidProjectID, prj(func(ctx context.Context, s Projects) error {
			return errOf(s.Update(ctx, "prj/1", ProjectUpdateOptions{Name: Ptr("p")}))
		})},
		{"Update/nothing", ErrNothingToUpdate, prj(func(ctx context.Context, s Projects) error {
			return errOf(s.Update(ctx, "prj-1", ProjectUpdateOptions{}))
		})},
		{"Update/empty name", ErrRequiredName, prj(func(ctx context.Context, s Projects) error {
			return errOf(s.Update(ctx, "prj-1", ProjectUpdateOptions{Name: Ptr("")}))
		})},
		{"Delete", ErrInvalidProjectID, prj(func(ctx context.Context, s Projects) error { return s.Delete(ctx, "") })},
	})
}
