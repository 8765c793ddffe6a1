package tfe

import (
	"context"
	"iter"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests Variables shares with VariableSetVariables run from this row
// in variables_shared_test.go; the tests below are of what only workspace
// variables have (all-vars).

const (
	docsWorkspaceID = "ws-4j8p6jX1w33MiDC7"
	docsVariableID  = "var-yRmifb4PJj7cLkMG"
)

// workspaceVariables is the row of workspace variables, with the
// documented samples of the Workspace Variables API page.
var workspaceVariables = varCollection{
	name:      "workspace",
	parentErr: ErrInvalidWorkspaceID,
	path: func(parentID string, variableID ...string) string {
		return "/" + workspaceVars.path(parentID, variableID...)
	},
	ownerType: "workspaces", ownerRel: "configurable",
	dir: "workspace_variables",
	api: varAPI{
		list: func(ctx context.Context, c *Client, ws string, opts *VariableListOptions) ([]varView, *Pagination, error) {
			list, err := c.Variables.List(ctx, ws, opts)
			if err != nil {
				return nil, nil, err
			}
			return views(list.Items, viewOfVariable), list.Pagination, nil
		},
		listIter: func(ctx context.Context, c *Client, ws string, opts *VariableListOptions) iter.Seq2[varView, error] {
			return viewSeq(c.Variables.ListIter(ctx, ws, opts), viewOfVariable)
		},
		create: func(ctx context.Context, c *Client, ws string, o VariableCreateOptions) (varView, error) {
			v, err := c.Variables.Create(ctx, ws, o)
			return viewOfVariable(v), err
		},
		read: func(ctx context.Context, c *Client, ws, id string) (varView, error) {
			v, err := c.Variables.Read(ctx, ws, id)
			return viewOfVariable(v), err
		},
		update: func(ctx context.Context, c *Client, ws, id string, o VariableUpdateOptions) (varView, error) {
			v, err := c.Variables.Update(ctx, ws, id, o)
			return viewOfVariable(v), err
		},
		delete: func(ctx context.Context, c *Client, ws, id string) error { return c.Variables.Delete(ctx, ws, id) },
		upsert: func(ctx context.Context, c *Client, ws string, o VariableCreateOptions) (upserted, error) {
			r, err := c.Variables.Upsert(ctx, ws, o)
			if err != nil {
				return upserted{}, err
			}
			return upserted{r.Action, r.Changed, viewOfVariable(r.Variable)}, nil
		},
	},
	list: varOp{parentID: "ws-cZE9LERN3rGPRAmH", fixture: "workspace_variables/list.response.json"},
	wantList: []varView{{
		ID: "var-AD4pibb9nxo1468E", Key: "name", Value: "hello", Description: "some description",
		Category: CategoryTerraform, Owner: "ws-cZE9LERN3rGPRAmH",
	}},
	create: varOp{
		parentID: docsWorkspaceID, golden: "workspace_variables/create.request.json", fixture: "workspace_variables/create.response.json", status: 201,
		create: VariableCreateOptions{
			Key: "some_key", Value: Ptr("some_value"), Description: Ptr("some description"),
			Category: CategoryTerraform, HCL: Ptr(false), Sensitive: Ptr(false),
		},
		want: docsCreatedVariable,
	},
	createSensitive: varOp{
		parentID: docsWorkspaceID, golden: "workspace_variables/create_sensitive.request.json", fixture: "workspace_variables/create_sensitive.response.json", status: 201,
		create: VariableCreateOptions{
			Key: "db_password", Value: Ptr(plantSecret("hunter2-PLANTED-c0ffee")), Category: CategoryTerraform, Sensitive: Ptr(true),
		},
		want: varView{ID: "var-EavQ1LztoRTQHSNT", Key: "db_password", Category: CategoryTerraform, Sensitive: true, Owner: docsWorkspaceID},
	},
	read: varOp{
		parentID: docsWorkspaceID, variableID: "var-EavQ1LztoRTQHSNT", fixture: "workspace_variables/create.response.json",
		want: docsCreatedVariable,
	},
	update: varOp{
		parentID: docsWorkspaceID, variableID: docsVariableID, golden: "workspace_variables/update.request.json", fixture: "workspace_variables/update.response.json",
		update: VariableUpdateOptions{
			Key: Ptr("name"), Value: Ptr("mars"), Description: Ptr("some description"),
			Category: Ptr(CategoryTerraform), HCL: Ptr(false), Sensitive: Ptr(false),
		},
		want: varView{ID: docsVariableID, Key: "name", Value: "mars", Description: "some description", Category: CategoryTerraform, Owner: docsWorkspaceID},
	},
}

// docsCreatedVariable is the documented "Create a Variable" sample answer.
var docsCreatedVariable = varView{
	ID: "var-EavQ1LztoRTQHSNT", Key: "some_key", Value: "some_value", Description: "some description",
	Category: CategoryTerraform, Owner: docsWorkspaceID,
}

// listAllVars are the variables of the all-vars fixture: the workspace's
// own and one inherited from a variable set.
var listAllVars = []*Variable{{
	ID:          "var-AD4pibb9nxo1468E",
	Key:         "name",
	Value:       "hello",
	Description: "some description",
	Category:    CategoryTerraform,
	Workspace:   &Workspace{ID: "ws-cZE9LERN3rGPRAmH"},
}, {
	ID:          "var-Nh0doz0hzj9hrm34qq",
	Key:         "AWS_SECRET_ACCESS_KEY",
	Category:    CategoryEnv,
	Sensitive:   true,
	VersionID:   "58b040512cfc5e82430a06f93962a410bf11fd3125da71f7a4e6060636a29217",
	CreatedAt:   time.Date(2021, 10, 29, 18, 54, 29, 379e6, time.UTC),
	VariableSet: &VariableSet{ID: "varset-kjkN545LH2Sfercv"},
}}

func TestVariablesListAll(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/workspaces/ws-cZE9LERN3rGPRAmH/all-vars", status: 200, fixture: "workspace_variables/list_all.response.json"})

	list, err := ts.client.Variables.ListAll(context.Background(), "ws-cZE9LERN3rGPRAmH", nil)
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Nil(t, list.Pagination)
	assert.Equal(t, listAllVars, list.Items)
}

func TestVariablesListAllIter(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	query := url.Values{"page[number]": {"1"}, "page[size]": {"100"}}
	served := ts.expect(exchange{method: "GET", path: "/workspaces/ws-cZE9LERN3rGPRAmH/all-vars", query: query, status: 200, fixture: "workspace_variables/list_all.response.json"})

	items, err := collect(ts.client.Variables.ListAllIter(context.Background(), "ws-cZE9LERN3rGPRAmH", nil))
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, listAllVars, items)
}

func TestVariablesListAllCutsThePage(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	query := url.Values{"page[number]": {"2"}, "page[size]": {"1"}}
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1/all-vars", query: query, status: 200, fixture: "workspace_variables/list_all.response.json"})

	list, err := ts.client.Variables.ListAll(context.Background(), "ws-1", &VariableListOptions{ListOptions{PageNumber: 2, PageSize: 1}})
	require.NoError(t, err)
	assert.Equal(t, listAllVars[1:], list.Items)
	assert.Equal(t, &Pagination{CurrentPage: 2, PreviousPage: 1, TotalPages: 2, TotalCount: 2}, list.Pagination)
}

func TestVariablesListAllValidation(t *testing.T) {
	t.Parallel()
	runInvalidCalls(t, []invalidCall{
		{"ListAll/workspace", ErrInvalidWorkspaceID, func(ctx context.Context, c *Client) error {
			return errOf(c.Variables.ListAll(ctx, "ws 1", nil))
		}},
		{"ListAll/page size", ErrInvalidPagination, func(ctx context.Context, c *Client) error {
			return errOf(c.Variables.ListAll(ctx, "ws-1", &VariableListOptions{ListOptions{PageSize: 101}}))
		}},
		{"ListAllIter/workspace", ErrInvalidWorkspaceID, func(ctx context.Context, c *Client) error {
			return iterErr(c.Variables.ListAllIter(ctx, "", nil))
		}},
		{"ListAllIter/page number", ErrInvalidPagination, func(ctx context.Context, c *Client) error {
			return iterErr(c.Variables.ListAllIter(ctx, "ws-1", &VariableListOptions{ListOptions{PageNumber: -1}}))
		}},
	})
}
