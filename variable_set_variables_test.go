package tfe

import (
	"context"
	"iter"
	"time"
)

// The tests VariableSetVariables shares with Variables run from this row
// in variables_shared_test.go.

const (
	docsVarsetID    = "varset-4q8f7H0NHG733bBH"
	docsVarsetVarID = "var-EavQ1LztoRTQHSNT"
)

// variableSetVariablesRow is the row of variable-set variables, with the
// documented samples of the Variable Sets API page.
var variableSetVariablesRow = varCollection{
	name:      "variable set",
	parentErr: ErrInvalidVariableSetID,
	path: func(parentID string, variableID ...string) string {
		return "/" + varsetVars.path(parentID, variableID...)
	},
	ownerType: "varsets", ownerRel: "varset",
	dir: "variable_sets", prefix: "var_",
	api: varAPI{
		list: func(ctx context.Context, c *Client, set string, opts *VariableListOptions) ([]varView, *Pagination, error) {
			list, err := c.VariableSetVariables.List(ctx, set, (*VariableSetVariableListOptions)(opts))
			if err != nil {
				return nil, nil, err
			}
			return views(list.Items, viewOfSetVariable), list.Pagination, nil
		},
		listIter: func(ctx context.Context, c *Client, set string, opts *VariableListOptions) iter.Seq2[varView, error] {
			return viewSeq(c.VariableSetVariables.ListIter(ctx, set, (*VariableSetVariableListOptions)(opts)), viewOfSetVariable)
		},
		create: func(ctx context.Context, c *Client, set string, o VariableCreateOptions) (varView, error) {
			v, err := c.VariableSetVariables.Create(ctx, set, VariableSetVariableCreateOptions(o))
			return viewOfSetVariable(v), err
		},
		read: func(ctx context.Context, c *Client, set, id string) (varView, error) {
			v, err := c.VariableSetVariables.Read(ctx, set, id)
			return viewOfSetVariable(v), err
		},
		update: func(ctx context.Context, c *Client, set, id string, o VariableUpdateOptions) (varView, error) {
			v, err := c.VariableSetVariables.Update(ctx, set, id, VariableSetVariableUpdateOptions(o))
			return viewOfSetVariable(v), err
		},
		delete: func(ctx context.Context, c *Client, set, id string) error {
			return c.VariableSetVariables.Delete(ctx, set, id)
		},
		upsert: func(ctx context.Context, c *Client, set string, o VariableCreateOptions) (upserted, error) {
			r, err := c.VariableSetVariables.Upsert(ctx, set, VariableSetVariableCreateOptions(o))
			if err != nil {
				return upserted{}, err
			}
			return upserted{r.Action, r.Changed, viewOfSetVariable(r.Variable)}, nil
		},
	},
	list: varOp{parentID: "varset-992UMULdeDuebi1x", fixture: "variable_sets/var_list.response.json"},
	wantList: []varView{{
		ID: "var-134r1k34nj5kjn", Key: "F115037558b045dd82da40b089e5db745", Value: "1754288480dfd3060e2c37890422905f",
		Category: CategoryTerraform, CreatedAt: time.Date(2021, 10, 29, 18, 54, 29, 379e6, time.UTC), Owner: "varset-992UMULdeDuebi1x",
	}},
	create: varOp{
		parentID: docsVarsetID, golden: "variable_sets/var_create.request.json", fixture: "variable_sets/var_create.response.json", status: 200,
		create: VariableCreateOptions{
			Key: "g6e45ae7564a17e81ef62fd1c7fa86138", Value: Ptr("61e400d5ccffb3782f215344481e6c82"), Description: Ptr("cheeeese"),
			Category: CategoryTerraform, HCL: Ptr(false), Sensitive: Ptr(false),
		},
		want: docsAddedVariable,
	},
	createSensitive: varOp{
		parentID: docsVarsetID, golden: "variable_sets/var_create_sensitive.request.json", fixture: "variable_sets/var_create_sensitive.response.json", status: 200,
		create: VariableCreateOptions{
			Key: "ARM_CLIENT_SECRET", Value: Ptr(plantSecret("s3cr3t-PLANTED-8f1e2d")), Category: CategoryEnv, Sensitive: Ptr(true),
		},
		want: varView{ID: docsVarsetVarID, Key: "ARM_CLIENT_SECRET", Category: CategoryEnv, Sensitive: true, Owner: docsVarsetID},
	},
	read: varOp{
		parentID: docsVarsetID, variableID: docsVarsetVarID, fixture: "variable_sets/var_create.response.json",
		want: docsAddedVariable,
	},
	update: varOp{
		parentID: docsVarsetID, variableID: docsVarsetVarID, golden: "variable_sets/var_update.request.json", fixture: "variable_sets/var_update.response.json",
		update: VariableUpdateOptions{
			Key: Ptr("g6e45ae7564a17e81ef62fd1c7fa86138"), Value: Ptr("61e400d5ccffb3782f215344481e6c82"), Description: Ptr("new cheeeese"),
			Category: Ptr(CategoryTerraform), HCL: Ptr(false), Sensitive: Ptr(false),
		},
		want: varView{
			ID: docsVarsetVarID, Key: "g6e45ae7564a17e81ef62fd1c7fa86138", Value: "61e400d5ccffb3782f215344481e6c82",
			Description: "new cheeeese", Category: CategoryTerraform,
		},
	},
}

// docsAddedVariable is the documented "Add Variable" sample answer.
var docsAddedVariable = varView{
	ID: docsVarsetVarID, Key: "g6e45ae7564a17e81ef62fd1c7fa86138", Value: "61e400d5ccffb3782f215344481e6c82",
	Description: "cheeeese", Category: CategoryTerraform,
}
