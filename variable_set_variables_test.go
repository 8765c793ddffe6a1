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
	docsVarsetVarsPath = "/varsets/varset-4q8f7H0NHG733bBH/relationships/vars"
	docsVarsetID       = "varset-4q8f7H0NHG733bBH"
	docsVarsetVarID    = "var-EavQ1LztoRTQHSNT"
)

// addedVariable is the documented "Add Variable" sample answer.
func addedVariable() *VariableSetVariable {
	return &VariableSetVariable{
		ID:          docsVarsetVarID,
		Key:         "g6e45ae7564a17e81ef62fd1c7fa86138",
		Value:       "61e400d5ccffb3782f215344481e6c82",
		Description: "cheeeese",
		Category:    CategoryTerraform,
	}
}

func TestVariableSetVariablesList(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/varsets/varset-992UMULdeDuebi1x/relationships/vars", status: 200, fixture: "variable_sets/var_list.response.json"})

	list, err := ts.client.VariableSetVariables.List(context.Background(), "varset-992UMULdeDuebi1x", nil)
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Nil(t, list.Pagination, "the documented answer has links but no pagination meta")
	assert.Equal(t, []*VariableSetVariable{{
		ID:          "var-134r1k34nj5kjn",
		Key:         "F115037558b045dd82da40b089e5db745",
		Value:       "1754288480dfd3060e2c37890422905f",
		Category:    CategoryTerraform,
		CreatedAt:   time.Date(2021, 10, 29, 18, 54, 29, 379e6, time.UTC),
		VariableSet: &VariableSet{ID: "varset-992UMULdeDuebi1x"},
	}}, list.Items)
}

func TestVariableSetVariablesListIterMakesOneRequestWithoutPaginationMeta(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	query := url.Values{"page[number]": {"1"}, "page[size]": {"100"}}
	served := ts.expect(exchange{method: "GET", path: "/varsets/varset-1/relationships/vars", query: query, status: 200, fixture: "variable_sets/var_list.response.json"})

	items, err := collect(ts.client.VariableSetVariables.ListIter(context.Background(), "varset-1", nil))
	require.NoError(t, err)
	require.Len(t, items, 1)
	assertServedOnce(t, served)
}

func TestVariableSetVariablesCreate(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "POST", path: docsVarsetVarsPath, golden: "variable_sets/var_create.request.json", status: 200, fixture: "variable_sets/var_create.response.json"})

	v, err := ts.client.VariableSetVariables.Create(context.Background(), docsVarsetID, VariableSetVariableCreateOptions{
		Key:         "g6e45ae7564a17e81ef62fd1c7fa86138",
		Value:       Ptr("61e400d5ccffb3782f215344481e6c82"),
		Description: Ptr("cheeeese"),
		Category:    CategoryTerraform,
		HCL:         Ptr(false),
		Sensitive:   Ptr(false),
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, addedVariable(), v)
}

func TestVariableSetVariablesCreateSensitive(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "POST", path: docsVarsetVarsPath, golden: "variable_sets/var_create_sensitive.request.json", status: 200, fixture: "variable_sets/var_create_sensitive.response.json"})

	v, err := ts.client.VariableSetVariables.Create(context.Background(), docsVarsetID, VariableSetVariableCreateOptions{
		Key:       "ARM_CLIENT_SECRET",
		Value:     Ptr(plantSensitive(t, "s3cr3t-PLANTED-8f1e2d")),
		Category:  CategoryEnv,
		Sensitive: Ptr(true),
	})
	require.NoError(t, err)
	assert.Equal(t, &VariableSetVariable{
		ID:          docsVarsetVarID,
		Key:         "ARM_CLIENT_SECRET",
		Category:    CategoryEnv,
		Sensitive:   true,
		VariableSet: &VariableSet{ID: docsVarsetID},
	}, v)
}

func TestVariableSetVariablesRead(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: docsVarsetVarsPath + "/" + docsVarsetVarID, status: 200, fixture: "variable_sets/var_create.response.json"})

	v, err := ts.client.VariableSetVariables.Read(context.Background(), docsVarsetID, docsVarsetVarID)
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, addedVariable(), v)
}

func TestVariableSetVariablesUpdate(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "PATCH", path: docsVarsetVarsPath + "/" + docsVarsetVarID, golden: "variable_sets/var_update.request.json", status: 200, fixture: "variable_sets/var_update.response.json"})

	v, err := ts.client.VariableSetVariables.Update(context.Background(), docsVarsetID, docsVarsetVarID, VariableSetVariableUpdateOptions{
		Key:         Ptr("g6e45ae7564a17e81ef62fd1c7fa86138"),
		Value:       Ptr("61e400d5ccffb3782f215344481e6c82"),
		Description: Ptr("new cheeeese"),
		Category:    Ptr(CategoryTerraform),
		HCL:         Ptr(false),
		Sensitive:   Ptr(false),
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
	want := addedVariable()
	want.Description = "new cheeeese"
	assert.Equal(t, want, v)
}

func TestVariableSetVariablesDelete(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "DELETE", path: docsVarsetVarsPath + "/" + docsVarsetVarID, status: 204})

	require.NoError(t, ts.client.VariableSetVariables.Delete(context.Background(), docsVarsetID, docsVarsetVarID))
	assertServedOnce(t, served)
}

func TestVariableSetVariablesValidation(t *testing.T) {
	t.Parallel()
	runInvalidCalls(t, varService{
		parentErr: ErrInvalidVariableSetID,
		list: func(ctx context.Context, c *Client, set string, page ListOptions) error {
			return errOf(c.VariableSetVariables.List(ctx, set, &VariableSetVariableListOptions{page}))
		},
		listIter: func(ctx context.Context, c *Client, set string, page ListOptions) error {
			return iterErr(c.VariableSetVariables.ListIter(ctx, set, &VariableSetVariableListOptions{page}))
		},
		create: func(ctx context.Context, c *Client, set string, o VariableCreateOptions) error {
			return errOf(c.VariableSetVariables.Create(ctx, set, VariableSetVariableCreateOptions(o)))
		},
		read: func(ctx context.Context, c *Client, set, v string) error {
			return errOf(c.VariableSetVariables.Read(ctx, set, v))
		},
		update: func(ctx context.Context, c *Client, set, v string, o VariableUpdateOptions) error {
			return errOf(c.VariableSetVariables.Update(ctx, set, v, VariableSetVariableUpdateOptions(o)))
		},
		delete: func(ctx context.Context, c *Client, set, v string) error {
			return c.VariableSetVariables.Delete(ctx, set, v)
		},
	}.invalidCalls())
}
