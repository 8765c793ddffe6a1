package tfe

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const docsVarsetIDShown = "varset-kjkN545LH2Sfercv"

// shownVariableSet is the documented "Show Variable Set" (and "List Variable
// Sets") sample: related resources known by ID only.
func shownVariableSet() *VariableSet {
	vs := &VariableSet{
		ID:             docsVarsetIDShown,
		Name:           "MyVarset",
		Description:    "Full of vars and such for mass reuse",
		UpdatedAt:      time.Date(2023, 3, 6, 21, 48, 33, 588e6, time.UTC),
		VarCount:       5,
		WorkspaceCount: 2,
		ProjectCount:   2,
		Organization:   &Organization{Name: "hashicorp"},
		Workspaces:     []*Workspace{{ID: "ws-UohFdKAHUGsQ8Dtf"}, {ID: "ws-XhGhaaCrsx9ATson"}},
		Projects:       []*Project{{ID: "prj-1JMwvPHFsdpsPhnt"}, {ID: "prj-SLDGqbYqELXE1obp"}},
	}
	for _, id := range []string{"var-mMqadSCxZtrQJAv8", "var-hFxUUKSk35QMsRVH", "var-fkd6N48tXRmoaPxH", "var-abcbBMBMWcZw3WiV", "var-vqvRKK1ZoqQCiMwN"} {
		vs.Variables = append(vs.Variables, &VariableSetVariable{ID: id, VariableSet: &VariableSet{ID: docsVarsetIDShown}})
	}
	return vs
}

// inlineVariable is the variable the create and update samples carry
// inline in their "vars" relationship.
func inlineVariable() *VariableSetVariable {
	return &VariableSetVariable{
		ID:          "var-Nh0doz0hzj9hrm34qq",
		Key:         "c2e4612d993c18e42ef30405ea7d0e9ae",
		Value:       "8676328808c5bf56ac5c8c0def3b7071",
		Category:    CategoryTerraform,
		VariableSet: &VariableSet{ID: docsVarsetIDShown},
	}
}

func TestVariableSetsList(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/organizations/hashicorp/varsets", status: 200, fixture: "variable_sets/list.response.json"})

	list, err := ts.client.VariableSets.List(context.Background(), "hashicorp", nil)
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, &Pagination{CurrentPage: 1, TotalPages: 1, TotalCount: 1}, list.Pagination)
	assert.Equal(t, []*VariableSet{shownVariableSet()}, list.Items)
}

func TestVariableSetsListSendsSearchAndInclude(t *testing.T) {
	t.Parallel()
	opts := &VariableSetListOptions{
		ListOptions: ListOptions{PageNumber: 2, PageSize: 10},
		Query:       "aws creds",
		Include:     []VariableSetIncludeOpt{VariableSetIncludeVars, VariableSetIncludeWorkspaces, VariableSetIncludeProjects},
	}
	query := url.Values{"page[number]": {"2"}, "page[size]": {"10"}, "q": {"aws creds"}, "include": {"vars,workspaces,projects"}}
	for name, list := range map[string]func(context.Context, VariableSets) (*VariableSetList, error){
		"/organizations/my-org/varsets": func(ctx context.Context, s VariableSets) (*VariableSetList, error) {
			return s.List(ctx, "my-org", opts)
		},
		"/workspaces/ws-1/varsets": func(ctx context.Context, s VariableSets) (*VariableSetList, error) {
			return s.ListForWorkspace(ctx, "ws-1", opts)
		},
		"/projects/prj-1/varsets": func(ctx context.Context, s VariableSets) (*VariableSetList, error) {
			return s.ListForProject(ctx, "prj-1", opts)
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ts := setup(t)
			served := ts.expect(exchange{method: "GET", path: name, query: query, status: 200, fixture: "variable_sets/list.response.json"})
			got, err := list(context.Background(), ts.client.VariableSets)
			require.NoError(t, err)
			assertServedOnce(t, served)
			assert.Equal(t, docsVarsetIDShown, got.Items[0].ID)
		})
	}
}

// servePagedVarsets answers GET path with total variable sets, in pages of
// the requested size, and counts the requests.
func servePagedVarsets(ts *testServer, path string, total int) *int {
	requests := new(int)
	ts.expect(exchange{method: "GET", path: path, anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		*requests++
		size, _ := strconv.Atoi(r.URL.Query().Get("page[size]"))
		page, _ := strconv.Atoi(r.URL.Query().Get("page[number]"))
		checkRequest(ts, r, "GET", url.Values{"page[size]": {"100"}, "page[number]": {strconv.Itoa(page)}, "q": {"prod"}})
		respond(w, 200, pageOfSets(page, size, total, true))
	}})
	return requests
}

func TestVariableSetsListIterPages(t *testing.T) {
	t.Parallel()
	opts := &VariableSetListOptions{Query: "prod"}
	for path, list := range map[string]func(VariableSets) ([]*VariableSet, error){
		"/organizations/my-org/varsets": func(s VariableSets) ([]*VariableSet, error) {
			return collect(s.ListIter(context.Background(), "my-org", opts))
		},
		"/workspaces/ws-1/varsets": func(s VariableSets) ([]*VariableSet, error) {
			return collect(s.ListForWorkspaceIter(context.Background(), "ws-1", opts))
		},
		"/projects/prj-1/varsets": func(s VariableSets) ([]*VariableSet, error) {
			return collect(s.ListForProjectIter(context.Background(), "prj-1", opts))
		},
	} {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			ts := setup(t)
			requests := servePagedVarsets(ts, path, 250)
			items, err := list(ts.client.VariableSets)
			require.NoError(t, err)
			require.Len(t, items, 250)
			assert.Equal(t, "varset-0", items[0].ID)
			assert.Equal(t, "varset-249", items[249].ID)
			assert.Equal(t, 3, *requests, "250 sets in pages of 100")
			assert.Equal(t, ListOptions{}, opts.ListOptions, "the caller's options are not modified")
		})
	}
}

func TestVariableSetsListIterCopiesTheOptions(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/organizations/hashicorp/varsets", query: url.Values{"page[number]": {"1"}, "page[size]": {"100"}, "q": {"MyVarset"}}, status: 200, fixture: "variable_sets/list.response.json"})

	opts := &VariableSetListOptions{Query: "MyVarset"}
	seq := ts.client.VariableSets.ListIter(context.Background(), "hashicorp", opts)
	opts.Query = "changed after the call"
	items, err := collect(seq)
	require.NoError(t, err)
	assert.Len(t, items, 1)
	assertServedOnce(t, served)
}

func TestVariableSetsCreate(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "POST", path: "/organizations/my-organization/varsets", golden: "variable_sets/create.request.json", status: 200, fixture: "variable_sets/create.response.json"})

	vs, err := ts.client.VariableSets.Create(context.Background(), "my-organization", VariableSetCreateOptions{
		Name:         "MyVarset",
		Description:  Ptr("Full of vars and such for mass reuse"),
		Global:       Ptr(false),
		Priority:     Ptr(false),
		WorkspaceIDs: []string{"ws-z6YvbWEYoE168kpq"},
		Variables: []VariableSetVariableCreateOptions{{
			Key:      "c2e4612d993c18e42ef30405ea7d0e9ae",
			Value:    Ptr("8676328808c5bf56ac5c8c0def3b7071"),
			Category: CategoryTerraform,
		}},
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, &VariableSet{
		ID:          docsVarsetIDShown,
		Name:        "MyVarset",
		Description: "Full of vars and such for mass reuse",
		Workspaces:  []*Workspace{{ID: "ws-z6YvbWEYoE168kpq"}},
		Projects:    []*Project{{ID: "prj-lkjasdlkfjs"}},
		Variables:   []*VariableSetVariable{inlineVariable()},
	}, vs)
}

func TestVariableSetsCreateWithProjectsAndSensitiveVariable(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "POST", path: "/organizations/my-organization/varsets", golden: "variable_sets/create_projects.request.json", status: 201, fixture: "variable_sets/create.response.json"})

	_, err := ts.client.VariableSets.Create(context.Background(), "my-organization", VariableSetCreateOptions{
		Name:       "Cloud credentials",
		Global:     Ptr(false),
		ProjectIDs: []string{"prj-kFjgSzcZSr5c3imE"},
		Variables: []VariableSetVariableCreateOptions{{
			Key:       "AWS_SECRET_ACCESS_KEY",
			Value:     Ptr(plantSensitive(t, "wJalrXUtnFEMI-PLANTED-bPxRfiCY")),
			Category:  CategoryEnv,
			Sensitive: Ptr(true),
		}},
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
}

func TestVariableSetsRead(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/varsets/" + docsVarsetIDShown, status: 200, fixture: "variable_sets/read.response.json"})

	vs, err := ts.client.VariableSets.Read(context.Background(), docsVarsetIDShown, nil)
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, shownVariableSet(), vs)
}

func TestVariableSetsReadIncluded(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	query := url.Values{"include": {"vars,workspaces,projects"}}
	ts.expect(exchange{method: "GET", path: "/varsets/" + docsVarsetIDShown, query: query, status: 200, fixture: "variable_sets/read_include.response.json"})

	vs, err := ts.client.VariableSets.Read(context.Background(), docsVarsetIDShown, &VariableSetReadOptions{
		Include: []VariableSetIncludeOpt{VariableSetIncludeVars, VariableSetIncludeWorkspaces, VariableSetIncludeProjects},
	})
	require.NoError(t, err)
	created := time.Date(2021, 10, 29, 18, 54, 29, 379e6, time.UTC)
	set := &VariableSet{ID: docsVarsetIDShown}
	assert.Equal(t, []*VariableSetVariable{
		{ID: "var-mMqadSCxZtrQJAv8", Key: "region", Value: "eu-west-1", Description: "where to deploy", Category: CategoryTerraform, CreatedAt: created, VariableSet: set},
		{ID: "var-hFxUUKSk35QMsRVH", Key: "AWS_SECRET_ACCESS_KEY", Category: CategoryEnv, Sensitive: true, CreatedAt: created, VariableSet: set},
	}, vs.Variables)
	assert.Equal(t, []*Workspace{{ID: "ws-UohFdKAHUGsQ8Dtf", Name: "networking", ExecutionMode: ExecutionModeRemote}}, vs.Workspaces)
	assert.Equal(t, []*Project{{ID: "prj-1JMwvPHFsdpsPhnt", Name: "Default Project"}}, vs.Projects)
}

func TestVariableSetsUpdate(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "PATCH", path: "/varsets/" + docsVarsetIDShown, golden: "variable_sets/update.request.json", status: 200, fixture: "variable_sets/update.response.json"})

	vs, err := ts.client.VariableSets.Update(context.Background(), docsVarsetIDShown, VariableSetUpdateOptions{
		Name:        Ptr("MyVarset"),
		Description: Ptr("Full of vars and such for mass reuse. Now global!"),
		Global:      Ptr(true),
		Priority:    Ptr(true),
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, &VariableSet{
		ID:          docsVarsetIDShown,
		Name:        "MyVarset",
		Description: "Full of vars and such for mass reuse. Now global!",
		Global:      true,
		Priority:    true,
		Variables:   []*VariableSetVariable{inlineVariable()},
	}, vs)
}

func TestVariableSetsDelete(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "DELETE", path: "/varsets/" + docsVarsetIDShown, status: 204})

	require.NoError(t, ts.client.VariableSets.Delete(context.Background(), docsVarsetIDShown))
	assertServedOnce(t, served)
}

func TestVariableSetsApplyAndRemove(t *testing.T) {
	t.Parallel()
	path := "/varsets/" + docsVarsetIDShown + "/relationships/"
	for _, tc := range []struct {
		name, method, path, golden string
		call                       func(context.Context, VariableSets) error
	}{
		{"ApplyToWorkspaces", "POST", path + "workspaces", "variable_sets/apply_workspaces.request.json", func(ctx context.Context, s VariableSets) error {
			return s.ApplyToWorkspaces(ctx, docsVarsetIDShown, []string{"ws-YwfuBJZkdai4xj9w"})
		}},
		{"RemoveFromWorkspaces", "DELETE", path + "workspaces", "variable_sets/remove_workspaces.request.json", func(ctx context.Context, s VariableSets) error {
			return s.RemoveFromWorkspaces(ctx, docsVarsetIDShown, []string{"ws-YwfuBJZkdai4xj9w", "ws-YwfuBJZkdai4xj9w"})
		}},
		{"ApplyToProjects", "POST", path + "projects", "variable_sets/apply_projects.request.json", func(ctx context.Context, s VariableSets) error {
			return s.ApplyToProjects(ctx, docsVarsetIDShown, []string{"prj-YwfuBJZkdai4xj9w"})
		}},
		{"RemoveFromProjects", "DELETE", path + "projects", "variable_sets/remove_projects.request.json", func(ctx context.Context, s VariableSets) error {
			return s.RemoveFromProjects(ctx, docsVarsetIDShown, []string{"prj-YwfuBJZkdai4xj9w", "prj-lkjasdfiojwerlkj"})
		}},
		{"ApplyToStacks", "POST", path + "stacks", "variable_sets/apply_stacks.request.json", func(ctx context.Context, s VariableSets) error {
			return s.ApplyToStacks(ctx, docsVarsetIDShown, []string{"st-8HzKYu5RmsQMk5fS"})
		}},
		{"RemoveFromStacks", "DELETE", path + "stacks", "variable_sets/remove_stacks.request.json", func(ctx context.Context, s VariableSets) error {
			return s.RemoveFromStacks(ctx, docsVarsetIDShown, []string{"st-8HzKYu5RmsQMk5fS", "st-Q3jy1ixYkKNKJzvo"})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := setup(t)
			served := ts.expect(exchange{method: tc.method, path: tc.path, golden: tc.golden, status: 204})
			require.NoError(t, tc.call(context.Background(), ts.client.VariableSets))
			assertServedOnce(t, served)
		})
	}
}

func TestVariableSetsApplyToGlobalSetIsAnAPIError(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "POST", path: "/varsets/varset-1/relationships/workspaces", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		respond(w, 422, `{"errors":[{"status":"422","title":"invalid attribute","detail":"Global variable sets cannot be applied to workspaces"}]}`)
	}})
	err := ts.client.VariableSets.ApplyToWorkspaces(context.Background(), "varset-1", []string{"ws-1"})
	assert.ErrorIs(t, err, ErrUnprocessable)
	assert.ErrorContains(t, err, "Global variable sets")
}

func TestVariableSetsValidation(t *testing.T) {
	t.Parallel()
	bigPage := &VariableSetListOptions{ListOptions: ListOptions{PageSize: 101}}
	create := func(opts VariableSetCreateOptions) func(context.Context, *Client) error {
		return func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.Create(ctx, "my-org", opts))
		}
	}
	calls := []invalidCall{
		{"List/organization", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.List(ctx, "", nil))
		}},
		{"List/page size", ErrInvalidPagination, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.List(ctx, "my-org", bigPage))
		}},
		{"ListIter/organization", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			return iterErr(c.VariableSets.ListIter(ctx, "my/org", nil))
		}},
		{"ListIter/page number", ErrInvalidPagination, func(ctx context.Context, c *Client) error {
			return iterErr(c.VariableSets.ListIter(ctx, "my-org", &VariableSetListOptions{ListOptions: ListOptions{PageNumber: -2}}))
		}},
		{"ListForWorkspace/workspace", ErrInvalidWorkspaceID, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.ListForWorkspace(ctx, "..", nil))
		}},
		{"ListForWorkspace/page size", ErrInvalidPagination, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.ListForWorkspace(ctx, "ws-1", bigPage))
		}},
		{"ListForWorkspaceIter/workspace", ErrInvalidWorkspaceID, func(ctx context.Context, c *Client) error {
			return iterErr(c.VariableSets.ListForWorkspaceIter(ctx, "", nil))
		}},
		{"ListForProject/project", ErrInvalidProjectID, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.ListForProject(ctx, "prj 1", nil))
		}},
		{"ListForProjectIter/project", ErrInvalidProjectID, func(ctx context.Context, c *Client) error {
			return iterErr(c.VariableSets.ListForProjectIter(ctx, "prj#1", nil))
		}},
		{"ListForProjectIter/page size", ErrInvalidPagination, func(ctx context.Context, c *Client) error {
			return iterErr(c.VariableSets.ListForProjectIter(ctx, "prj-1", bigPage))
		}},
		{"Create/organization", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.Create(ctx, "%", VariableSetCreateOptions{Name: "n"}))
		}},
		{"Create/no name", ErrRequiredName, create(VariableSetCreateOptions{Description: Ptr("d")})},
		{"Create/workspace ID", ErrInvalidWorkspaceID, create(VariableSetCreateOptions{Name: "n", WorkspaceIDs: []string{"ws-1", ""}})},
		{"Create/project ID", ErrInvalidProjectID, create(VariableSetCreateOptions{Name: "n", ProjectIDs: []string{"prj/1"}})},
		{"Read/variable set", ErrInvalidVariableSetID, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.Read(ctx, "", nil))
		}},
		{"Update/variable set", ErrInvalidVariableSetID, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.Update(ctx, "varset-1/x", VariableSetUpdateOptions{Global: Ptr(true)}))
		}},
		{"Update/nothing", ErrNothingToUpdate, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.Update(ctx, "varset-1", VariableSetUpdateOptions{}))
		}},
		{"Update/empty name", ErrRequiredName, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.Update(ctx, "varset-1", VariableSetUpdateOptions{Name: Ptr(""), Priority: Ptr(true)}))
		}},
		{"Delete/variable set", ErrInvalidVariableSetID, func(ctx context.Context, c *Client) error {
			return c.VariableSets.Delete(ctx, "..")
		}},
		{"ApplyToWorkspaces/variable set", ErrInvalidVariableSetID, func(ctx context.Context, c *Client) error {
			return c.VariableSets.ApplyToWorkspaces(ctx, "", []string{"ws-1"})
		}},
		{"ApplyToWorkspaces/no workspaces", ErrInvalidWorkspaceID, func(ctx context.Context, c *Client) error {
			return c.VariableSets.ApplyToWorkspaces(ctx, "varset-1", nil)
		}},
		{"RemoveFromWorkspaces/no workspaces", ErrInvalidWorkspaceID, func(ctx context.Context, c *Client) error {
			return c.VariableSets.RemoveFromWorkspaces(ctx, "varset-1", []string{})
		}},
		{"RemoveFromWorkspaces/bad workspace", ErrInvalidWorkspaceID, func(ctx context.Context, c *Client) error {
			return c.VariableSets.RemoveFromWorkspaces(ctx, "varset-1", []string{"ws-1", "ws 2"})
		}},
		{"ApplyToProjects/variable set", ErrInvalidVariableSetID, func(ctx context.Context, c *Client) error {
			return c.VariableSets.ApplyToProjects(ctx, "a?b", []string{"prj-1"})
		}},
		{"ApplyToProjects/no projects", ErrInvalidProjectID, func(ctx context.Context, c *Client) error {
			return c.VariableSets.ApplyToProjects(ctx, "varset-1", nil)
		}},
		{"RemoveFromProjects/bad project", ErrInvalidProjectID, func(ctx context.Context, c *Client) error {
			return c.VariableSets.RemoveFromProjects(ctx, "varset-1", []string{"."})
		}},
		{"RemoveFromProjects/no projects", ErrInvalidProjectID, func(ctx context.Context, c *Client) error {
			return c.VariableSets.RemoveFromProjects(ctx, "varset-1", nil)
		}},
	}
	valid := VariableSetVariableCreateOptions{Key: "k", Category: CategoryEnv}
	for _, r := range createRules {
		bad := VariableSetVariableCreateOptions(r.opts)
		calls = append(calls, invalidCall{"Create/variable: " + r.name, r.want, create(VariableSetCreateOptions{Name: "n", Variables: []VariableSetVariableCreateOptions{valid, bad}})})
	}
	runInvalidCalls(t, calls)
}

func TestVariableServicesReportUndecodableAnswers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, pattern, body string
		call                func(context.Context, *Client) error
	}{
		{"VariableSets.List", "GET /organizations/my-org/varsets", `{"data":[{"id":"varset-1","type":"varsets","attributes":{"var-count":"five"}}]}`,
			func(ctx context.Context, c *Client) error { return errOf(c.VariableSets.List(ctx, "my-org", nil)) }},
		{"VariableSets.Read", "GET /varsets/varset-1", `{"data":{"id":"varset-1","type":"varsets","attributes":{"global":"yes"}}}`,
			func(ctx context.Context, c *Client) error { return errOf(c.VariableSets.Read(ctx, "varset-1", nil)) }},
		{"Variables.Read", "GET /workspaces/ws-1/vars/var-1", `{"data":{"id":"var-1","type":"vars","attributes":{"hcl":"no"}}}`,
			func(ctx context.Context, c *Client) error { return errOf(c.Variables.Read(ctx, "ws-1", "var-1")) }},
		{"VariableSetVariables.Read", "GET /varsets/varset-1/relationships/vars/var-1", `{"data":{"id":"var-1","type":"vars","attributes":{"sensitive":1}}}`,
			func(ctx context.Context, c *Client) error {
				return errOf(c.VariableSetVariables.Read(ctx, "varset-1", "var-1"))
			}},
		{"VariableSetVariables.List", "GET /varsets/varset-1/relationships/vars", `{"data":{"id":"var-1","type":"vars"}}`,
			func(ctx context.Context, c *Client) error {
				return errOf(c.VariableSetVariables.List(ctx, "varset-1", nil))
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := setup(t)
			method, path, _ := strings.Cut(tc.pattern, " ")
			ts.expect(exchange{method: method, path: path, anyRequest: true, status: 200, body: tc.body})
			var decodeErr *DecodeError
			assert.ErrorAs(t, tc.call(context.Background(), ts.client), &decodeErr)
		})
	}
}

func TestVariableSetsCreateOwnedByAProject(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "POST", path: "/organizations/hashicorp/varsets", golden: "variable_sets/create_parent.request.json", status: 201, fixture: "variable_sets/read_parent_stacks.response.json"})

	vs, err := ts.client.VariableSets.Create(context.Background(), "hashicorp", VariableSetCreateOptions{
		Name:       "MyVarset",
		Parent:     &VariableSetParentOptions{ProjectID: "prj-SLDGqbYqELXE1obp"},
		ProjectIDs: []string{"prj-1JMwvPHFsdpsPhnt"},
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, &VariableSetParent{Project: &Project{ID: "prj-SLDGqbYqELXE1obp", Name: "Platform"}}, vs.Parent, "the owner")
	assert.Equal(t, []*Project{{ID: "prj-1JMwvPHFsdpsPhnt"}}, vs.Projects, "where the set applies, not its owner")
}

func TestVariableSetsReadParentAndStacks(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/varsets/" + docsVarsetIDShown, query: url.Values{"include": {"stacks,projects"}}, status: 200, fixture: "variable_sets/read_parent_stacks.response.json"})

	vs, err := ts.client.VariableSets.Read(context.Background(), docsVarsetIDShown, &VariableSetReadOptions{Include: []VariableSetIncludeOpt{VariableSetIncludeStacks, VariableSetIncludeProjects}})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, 2, vs.StackCount)
	assert.Equal(t, []*Stack{{ID: "st-8HzKYu5RmsQMk5fS", Name: "network", Description: "VPCs in every region"}, {ID: "st-Q3jy1ixYkKNKJzvo"}}, vs.Stacks)
	assert.Equal(t, &VariableSetParent{Project: &Project{ID: "prj-SLDGqbYqELXE1obp", Name: "Platform"}}, vs.Parent)
	assert.Empty(t, vs.Workspaces)
}

func TestVariableSetsParentOfAnOrganizationOrUnknownType(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		rel  string
		want *VariableSetParent
	}{
		{`{"data":{"id":"hashicorp","type":"organizations"}}`, &VariableSetParent{Organization: &Organization{Name: "hashicorp"}}},
		{`{"data":{"id":"x-1","type":"teams"}}`, nil},
		{`{"data":null}`, nil},
	} {
		vs, err := variableSetDecoder.one([]byte(`{"data":{"id":"varset-1","type":"varsets","relationships":{"parent":` + tc.rel + `}}}`))
		require.NoError(t, err)
		assert.Equal(t, tc.want, vs.Parent, tc.rel)
	}
}

func TestVariableSetsUpdateWorkspacesAndStacks(t *testing.T) {
	t.Parallel()
	path := "/varsets/" + docsVarsetIDShown
	for _, tc := range []struct {
		name, golden, include string
		call                  func(context.Context, VariableSets) (*VariableSet, error)
	}{
		{"workspaces", "variable_sets/update_workspaces.request.json", "workspaces", func(ctx context.Context, s VariableSets) (*VariableSet, error) {
			return s.UpdateWorkspaces(ctx, docsVarsetIDShown, []string{"ws-UohFdKAHUGsQ8Dtf"})
		}},
		{"no workspaces", "variable_sets/update_workspaces_empty.request.json", "workspaces", func(ctx context.Context, s VariableSets) (*VariableSet, error) {
			return s.UpdateWorkspaces(ctx, docsVarsetIDShown, nil)
		}},
		{"stacks", "variable_sets/update_stacks.request.json", "stacks", func(ctx context.Context, s VariableSets) (*VariableSet, error) {
			return s.UpdateStacks(ctx, docsVarsetIDShown, []string{"st-8HzKYu5RmsQMk5fS", "st-Q3jy1ixYkKNKJzvo"})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := setup(t)
			served := ts.expect(exchange{method: "PATCH", path: path, query: url.Values{"include": {tc.include}}, golden: tc.golden, status: 200, fixture: "variable_sets/update_workspaces.response.json"})
			vs, err := tc.call(context.Background(), ts.client.VariableSets)
			require.NoError(t, err)
			assertServedOnce(t, served)
			assert.Equal(t, []*Workspace{{ID: "ws-UohFdKAHUGsQ8Dtf", Name: "web"}}, vs.Workspaces)
			assert.Equal(t, &VariableSetParent{Organization: &Organization{Name: "hashicorp"}}, vs.Parent)
		})
	}
}

// serveVarsetNames answers the organization's list, narrowed by q, with
// sets of the given names, all on one page.
func serveVarsetNames(ts *testServer, q string, names ...string) {
	var items []string
	for i, name := range names {
		items = append(items, fmt.Sprintf(`{"id":"varset-%d","type":"varsets","attributes":{"name":%q}}`, i+1, name))
	}
	ts.expect(exchange{method: "GET", path: "/organizations/acme/varsets",
		query:  url.Values{"q": {q}, "page[number]": {"1"}, "page[size]": {"100"}},
		status: 200,
		body: fmt.Sprintf(`{"data":[%s],"meta":{"pagination":{"current-page":1,"total-pages":1,"total-count":%d}}}`,
			strings.Join(items, ","), len(names)),
	})
}

func TestVariableSetsReadByName(t *testing.T) {
	t.Parallel()
	t.Run("the exact match among partial ones", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		serveVarsetNames(ts, "creds", "aws-creds", "creds", "Creds", "creds-old")
		vs, err := ts.client.VariableSets.ReadByName(context.Background(), "acme", "creds")
		require.NoError(t, err)
		assert.Equal(t, "varset-2", vs.ID)
	})
	t.Run("none", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		serveVarsetNames(ts, "creds", "aws-creds")
		vs, err := ts.client.VariableSets.ReadByName(context.Background(), "acme", "creds")
		assert.Nil(t, vs)
		assert.ErrorIs(t, err, ErrResourceNotFound)
		assert.ErrorContains(t, err, `no variable set named "creds" in organization "acme"`)
	})
	t.Run("more than one", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		serveVarsetNames(ts, "creds", "creds", "aws", "creds")
		vs, err := ts.client.VariableSets.ReadByName(context.Background(), "acme", "creds")
		assert.Nil(t, vs)
		assert.ErrorIs(t, err, ErrAmbiguous)
		var amb *AmbiguousError
		require.ErrorAs(t, err, &amb)
		assert.Equal(t, []string{"varset-1", "varset-3"}, amb.IDs)
		assert.ErrorContains(t, err, "2 variable sets")
	})
	t.Run("an API error", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		ts.expect(exchange{method: "GET", path: "/organizations/acme/varsets", anyRequest: true, status: 404, body: `{"errors":[{"status":"404","title":"not found"}]}`})
		_, err := ts.client.VariableSets.ReadByName(context.Background(), "acme", "creds")
		var apiErr *APIError
		assert.ErrorAs(t, err, &apiErr)
	})
}

func TestVariableSetsValidationOfTheNewMethods(t *testing.T) {
	t.Parallel()
	create := func(opts VariableSetCreateOptions) func(context.Context, *Client) error {
		return func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.Create(ctx, "my-org", opts))
		}
	}
	runInvalidCalls(t, []invalidCall{
		{"Create/parent project", ErrInvalidProjectID, create(VariableSetCreateOptions{Name: "n", Parent: &VariableSetParentOptions{ProjectID: "prj/1"}})},
		{"Create/parent both", ErrValidation, create(VariableSetCreateOptions{Name: "n", Parent: &VariableSetParentOptions{ProjectID: "prj-1", Organization: "my-org"}})},
		{"Create/parent neither", ErrValidation, create(VariableSetCreateOptions{Name: "n", Parent: &VariableSetParentOptions{}})},
		{"Create/parent organization", ErrInvalidOrg, create(VariableSetCreateOptions{Name: "n", Parent: &VariableSetParentOptions{Organization: ".."}})},
		{"Create/parent another organization", ErrValidation, create(VariableSetCreateOptions{Name: "n", Parent: &VariableSetParentOptions{Organization: "other-org"}})},
		{"ReadByName/organization", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.ReadByName(ctx, "", "creds"))
		}},
		{"ReadByName/no name", ErrRequiredName, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.ReadByName(ctx, "acme", ""))
		}},
		{"UpdateWorkspaces/variable set", ErrInvalidVariableSetID, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.UpdateWorkspaces(ctx, "", nil))
		}},
		{"UpdateWorkspaces/workspace", ErrInvalidWorkspaceID, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.UpdateWorkspaces(ctx, "varset-1", []string{"ws-1", ""}))
		}},
		{"UpdateStacks/stack", ErrInvalidStackID, func(ctx context.Context, c *Client) error {
			return errOf(c.VariableSets.UpdateStacks(ctx, "varset-1", []string{"st/1"}))
		}},
		{"ApplyToStacks/no stacks", ErrInvalidStackID, func(ctx context.Context, c *Client) error {
			return c.VariableSets.ApplyToStacks(ctx, "varset-1", nil)
		}},
		{"ApplyToStacks/variable set", ErrInvalidVariableSetID, func(ctx context.Context, c *Client) error {
			return c.VariableSets.ApplyToStacks(ctx, "a#b", []string{"st-1"})
		}},
		{"RemoveFromStacks/bad stack", ErrInvalidStackID, func(ctx context.Context, c *Client) error {
			return c.VariableSets.RemoveFromStacks(ctx, "varset-1", []string{"st-1", " "})
		}},
	})
}
