package tfe

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	docsWorkspaceID = "ws-4j8p6jX1w33MiDC7"
	docsVariableID  = "var-yRmifb4PJj7cLkMG"
)

// createdVariable is the documented "Create a Variable" sample answer.
func createdVariable() *Variable {
	return &Variable{
		ID:          "var-EavQ1LztoRTQHSNT",
		Key:         "some_key",
		Value:       "some_value",
		Description: "some description",
		Category:    CategoryTerraform,
		Workspace:   &Workspace{ID: docsWorkspaceID},
	}
}

func TestVariablesList(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/workspaces/ws-cZE9LERN3rGPRAmH/vars", status: 200, fixture: "workspace_variables/list.response.json"})

	list, err := ts.client.Variables.List(context.Background(), "ws-cZE9LERN3rGPRAmH", nil)
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Nil(t, list.Pagination, "the documented answer has no pagination meta")
	assert.Equal(t, []*Variable{{
		ID:          "var-AD4pibb9nxo1468E",
		Key:         "name",
		Value:       "hello",
		Description: "some description",
		Category:    CategoryTerraform,
		Workspace:   &Workspace{ID: "ws-cZE9LERN3rGPRAmH"},
	}}, list.Items)
}

func TestVariablesListSendsPageOptions(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	query := url.Values{"page[number]": {"2"}, "page[size]": {"5"}}
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1/vars", query: query, status: 200, fixture: "workspace_variables/list.response.json"})

	_, err := ts.client.Variables.List(context.Background(), "ws-1", &VariableListOptions{ListOptions{PageNumber: 2, PageSize: 5}})
	require.NoError(t, err)
}

func TestVariablesListIterMakesOneRequestWithoutPaginationMeta(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	query := url.Values{"page[number]": {"1"}, "page[size]": {"100"}}
	served := ts.expect(exchange{method: "GET", path: "/workspaces/ws-cZE9LERN3rGPRAmH/vars", query: query, status: 200, fixture: "workspace_variables/list.response.json"})

	items, err := collect(ts.client.Variables.ListIter(context.Background(), "ws-cZE9LERN3rGPRAmH", nil))
	require.NoError(t, err)
	require.Len(t, items, 1)
	assert.Equal(t, "var-AD4pibb9nxo1468E", items[0].ID)
	assertServedOnce(t, served)
}

func TestVariablesListIterStopsWhenTheConsumerDoes(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1/vars", query: url.Values{"page[number]": {"1"}, "page[size]": {"100"}}, status: 200, fixture: "workspace_variables/list_all.response.json"})

	var seen []string
	for v, err := range ts.client.Variables.ListIter(context.Background(), "ws-1", nil) {
		require.NoError(t, err)
		seen = append(seen, v.ID)
		break
	}
	assert.Equal(t, []string{"var-AD4pibb9nxo1468E"}, seen)
}

func TestVariablesListAll(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/workspaces/ws-cZE9LERN3rGPRAmH/all-vars", status: 200, fixture: "workspace_variables/list_all.response.json"})

	list, err := ts.client.Variables.ListAll(context.Background(), "ws-cZE9LERN3rGPRAmH", nil)
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Nil(t, list.Pagination)
	assert.Equal(t, []*Variable{{
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
	}}, list.Items)
}

func TestVariablesCreate(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "POST", path: "/workspaces/" + docsWorkspaceID + "/vars", golden: "workspace_variables/create.request.json", status: 201, fixture: "workspace_variables/create.response.json"})

	v, err := ts.client.Variables.Create(context.Background(), docsWorkspaceID, VariableCreateOptions{
		Key:         "some_key",
		Value:       Ptr("some_value"),
		Description: Ptr("some description"),
		Category:    CategoryTerraform,
		HCL:         Ptr(false),
		Sensitive:   Ptr(false),
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, createdVariable(), v)
}

func TestVariablesCreateSensitive(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "POST", path: "/workspaces/" + docsWorkspaceID + "/vars", golden: "workspace_variables/create_sensitive.request.json", status: 201, fixture: "workspace_variables/create_sensitive.response.json"})

	v, err := ts.client.Variables.Create(context.Background(), docsWorkspaceID, VariableCreateOptions{
		Key:       "db_password",
		Value:     Ptr(plantSensitive(t, "hunter2-PLANTED-c0ffee")),
		Category:  CategoryTerraform,
		Sensitive: Ptr(true),
	})
	require.NoError(t, err)
	assert.True(t, v.Sensitive)
	assert.Empty(t, v.Value, "the API answers a sensitive value empty")
}

func TestVariablesRead(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/workspaces/" + docsWorkspaceID + "/vars/var-EavQ1LztoRTQHSNT", status: 200, fixture: "workspace_variables/create.response.json"})

	v, err := ts.client.Variables.Read(context.Background(), docsWorkspaceID, "var-EavQ1LztoRTQHSNT")
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, createdVariable(), v)
}

func TestVariablesUpdate(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "PATCH", path: "/workspaces/" + docsWorkspaceID + "/vars/" + docsVariableID, golden: "workspace_variables/update.request.json", status: 200, fixture: "workspace_variables/update.response.json"})

	v, err := ts.client.Variables.Update(context.Background(), docsWorkspaceID, docsVariableID, VariableUpdateOptions{
		Key:         Ptr("name"),
		Value:       Ptr("mars"),
		Description: Ptr("some description"),
		Category:    Ptr(CategoryTerraform),
		HCL:         Ptr(false),
		Sensitive:   Ptr(false),
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, &Variable{
		ID:          docsVariableID,
		Key:         "name",
		Value:       "mars",
		Description: "some description",
		Category:    CategoryTerraform,
		Workspace:   &Workspace{ID: docsWorkspaceID},
	}, v)
}

func TestVariablesUpdateSendsOnlyWhatIsSet(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "PATCH", path: "/workspaces/ws-1/vars/var-1", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		require.NoError(t, json.NewDecoder(r.Body).Decode(&body))
		assert.Equal(t, map[string]any{"data": map[string]any{"type": "vars", "attributes": map[string]any{"value": ""}}}, body)
		respond(w, 200, fixture(ts, "workspace_variables/update.response.json"))
	}})

	_, err := ts.client.Variables.Update(context.Background(), "ws-1", "var-1", VariableUpdateOptions{Value: Ptr("")})
	require.NoError(t, err)
}

func TestVariablesDelete(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "DELETE", path: "/workspaces/" + docsWorkspaceID + "/vars/" + docsVariableID, status: 204})

	require.NoError(t, ts.client.Variables.Delete(context.Background(), docsWorkspaceID, docsVariableID))
	assertServedOnce(t, served)
}

func TestVariablesAPIErrors(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1/vars/var-1", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		respond(w, 404, `{"errors":[{"status":"404","title":"not found"}]}`)
	}})
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1/vars", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		respond(w, 200, `{"data": {"id": "var-1", "type": "vars"}}`)
	}})

	_, err := ts.client.Variables.Read(context.Background(), "ws-1", "var-1")
	assert.ErrorIs(t, err, ErrResourceNotFound)
	_, err = ts.client.Variables.List(context.Background(), "ws-1", nil)
	var decodeErr *DecodeError
	assert.ErrorAs(t, err, &decodeErr, "a list answer whose data is not a list")
	_, err = collect(ts.client.Variables.ListIter(context.Background(), "ws-1", nil))
	assert.ErrorAs(t, err, &decodeErr)
}

func TestVariablesValidation(t *testing.T) {
	t.Parallel()
	vars := varService{
		parentErr: ErrInvalidWorkspaceID,
		list: func(ctx context.Context, c *Client, ws string, page ListOptions) error {
			return errOf(c.Variables.List(ctx, ws, &VariableListOptions{page}))
		},
		listIter: func(ctx context.Context, c *Client, ws string, page ListOptions) error {
			return iterErr(c.Variables.ListIter(ctx, ws, &VariableListOptions{page}))
		},
		create: func(ctx context.Context, c *Client, ws string, o VariableCreateOptions) error {
			return errOf(c.Variables.Create(ctx, ws, o))
		},
		read: func(ctx context.Context, c *Client, ws, v string) error {
			return errOf(c.Variables.Read(ctx, ws, v))
		},
		update: func(ctx context.Context, c *Client, ws, v string, o VariableUpdateOptions) error {
			return errOf(c.Variables.Update(ctx, ws, v, o))
		},
		delete: func(ctx context.Context, c *Client, ws, v string) error {
			return c.Variables.Delete(ctx, ws, v)
		},
	}
	runInvalidCalls(t, append(vars.invalidCalls(),
		invalidCall{"ListAll/workspace", ErrInvalidWorkspaceID, func(ctx context.Context, c *Client) error {
			return errOf(c.Variables.ListAll(ctx, "ws 1", nil))
		}},
		invalidCall{"ListAll/page size", ErrInvalidPagination, func(ctx context.Context, c *Client) error {
			return errOf(c.Variables.ListAll(ctx, "ws-1", &VariableListOptions{ListOptions{PageSize: 101}}))
		}},
	))
}
