package tfe

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Test helpers of the variable services (workspace variables, variable
// sets, variable-set variables), and the one table the tests of the two
// collections of variables share: Variables and VariableSetVariables run
// on the same plumbing (varKind), so each test runs once per collection,
// from that collection's row (workspace_variables_test.go,
// variable_set_variables_test.go).

// plantSensitive returns v, a sensitive variable's value, registered as a
// secret the suite's debug log must not contain.
func plantSensitive(t *testing.T, v string) string {
	t.Helper()
	return plantSecret(v)
}

// createRules are the VariableCreateOptions rules that workspace variables,
// variable-set variables and the variables of a new set share.
var createRules = []struct {
	name string
	want error
	opts VariableCreateOptions
}{
	{"no key", ErrRequiredKey, VariableCreateOptions{Category: CategoryEnv, Value: Ptr("v")}},
	{"no category", ErrRequiredCategory, VariableCreateOptions{Key: "k"}},
	{"unknown category", ErrInvalidCategory, VariableCreateOptions{Key: "k", Category: "Terraform"}},
}

// updateRules are the VariableUpdateOptions rules both variable services
// share.
var updateRules = []struct {
	name string
	want error
	opts VariableUpdateOptions
}{
	{"nothing", ErrNothingToUpdate, VariableUpdateOptions{}},
	{"empty key", ErrRequiredKey, VariableUpdateOptions{Key: Ptr(""), Value: Ptr("v")}},
	{"unknown category", ErrInvalidCategory, VariableUpdateOptions{Category: Ptr(CategoryType("secret"))}},
	{"empty category", ErrInvalidCategory, VariableUpdateOptions{Key: Ptr("k"), Category: Ptr(CategoryType(""))}},
}

// varView is what a test checks of a Variable or a VariableSetVariable:
// their shared fields, and the IDs of what they belong to.
type varView struct {
	ID, Key, Value, Description string
	Category                    CategoryType
	HCL, Sensitive              bool
	VersionID                   string
	CreatedAt                   time.Time
	// Owner is the workspace or variable set the variable belongs to.
	Owner string
	// From is, in a ListAll answer, the variable set a workspace's
	// variable is inherited from.
	From string
}

// viewOfVariable is v as a varView.
func viewOfVariable(v *Variable) varView {
	if v == nil {
		return varView{}
	}
	out := varView{ID: v.ID, Key: v.Key, Value: v.Value, Description: v.Description, Category: v.Category,
		HCL: v.HCL, Sensitive: v.Sensitive, VersionID: v.VersionID, CreatedAt: v.CreatedAt}
	if v.Workspace != nil {
		out.Owner = v.Workspace.ID
	}
	if v.VariableSet != nil {
		out.From = v.VariableSet.ID
	}
	return out
}

// viewOfSetVariable is v as a varView.
func viewOfSetVariable(v *VariableSetVariable) varView {
	if v == nil {
		return varView{}
	}
	out := varView{ID: v.ID, Key: v.Key, Value: v.Value, Description: v.Description, Category: v.Category,
		HCL: v.HCL, Sensitive: v.Sensitive, VersionID: v.VersionID, CreatedAt: v.CreatedAt}
	if v.VariableSet != nil {
		out.Owner = v.VariableSet.ID
	}
	return out
}

// views maps items with view.
func views[T any](items []*T, view func(*T) varView) []varView {
	out := make([]varView, len(items))
	for i, v := range items {
		out[i] = view(v)
	}
	return out
}

// upserted is an Upsert's result in the shape both services share.
type upserted struct {
	Action   UpsertAction
	Changed  []string
	Variable varView
}

// varAPI adapts Variables and VariableSetVariables, whose methods differ
// only in their types, to one shape.
type varAPI struct {
	list     func(ctx context.Context, c *Client, parentID string, opts *VariableListOptions) ([]varView, *Pagination, error)
	listIter func(ctx context.Context, c *Client, parentID string, opts *VariableListOptions) iter.Seq2[varView, error]
	create   func(ctx context.Context, c *Client, parentID string, o VariableCreateOptions) (varView, error)
	read     func(ctx context.Context, c *Client, parentID, variableID string) (varView, error)
	update   func(ctx context.Context, c *Client, parentID, variableID string, o VariableUpdateOptions) (varView, error)
	delete   func(ctx context.Context, c *Client, parentID, variableID string) error
	upsert   func(ctx context.Context, c *Client, parentID string, o VariableCreateOptions) (upserted, error)
}

// viewSeq maps an iterator's items with view.
func viewSeq[T any](seq iter.Seq2[*T, error], view func(*T) varView) iter.Seq2[varView, error] {
	return func(yield func(varView, error) bool) {
		for v, err := range seq {
			if !yield(view(v), err) {
				return
			}
		}
	}
}

// varOp is one documented exchange of a collection: the path's IDs, the
// golden request and answer fixture, and the variable the answer holds.
type varOp struct {
	parentID, variableID string
	golden, fixture      string
	status               int
	create               VariableCreateOptions
	update               VariableUpdateOptions
	want                 varView
}

// varCollection is one row of the table: a collection of variables, its
// paths, its documented samples, and its service adapted to varAPI.
type varCollection struct {
	name      string
	api       varAPI
	parentErr error
	// path is the collection's path under /api/v2 for parentID, with the
	// variable's ID appended when given.
	path func(parentID string, variableID ...string) string
	// ownerType and ownerRel are how an answer's variable names its
	// owner: the relationship name and the owner's resource type.
	ownerType, ownerRel string
	// dir is the collection's testdata directory, prefix the prefix of its
	// files there.
	dir, prefix string
	// The documented samples.
	list, create, createSensitive, read, update varOp
	wantList                                    []varView
}

// file is the collection's testdata file name (without directory
// prefix).
func (c varCollection) file(name string) string { return c.dir + "/" + c.prefix + name }

// varsBody is a list answer holding vars of parentID, without pagination
// meta, as the API answers these lists.
func (c varCollection) varsBody(t *testing.T, parentID string, vars ...varView) string {
	t.Helper()
	data := make([]map[string]any, len(vars))
	for i, v := range vars {
		data[i] = map[string]any{
			"id": v.ID, "type": "vars",
			"attributes": map[string]any{
				"key": v.Key, "value": v.Value, "description": v.Description, "category": v.Category,
				"hcl": v.HCL, "sensitive": v.Sensitive,
			},
			"relationships": map[string]any{c.ownerRel: map[string]any{"data": map[string]any{"id": parentID, "type": c.ownerType}}},
		}
	}
	body, err := json.Marshal(map[string]any{"data": data})
	require.NoError(t, err)
	return string(body)
}

// oneVarBody is an answer holding one variable v of parentID.
func (c varCollection) oneVarBody(t *testing.T, parentID string, v varView) string {
	t.Helper()
	var list struct {
		Data []json.RawMessage `json:"data"`
	}
	require.NoError(t, json.Unmarshal([]byte(c.varsBody(t, parentID, v)), &list))
	return `{"data":` + string(list.Data[0]) + `}`
}

// numbered returns n variables var-1…var-n with keys k1…kn, owned by
// owner.
func numbered(n int, owner string) []varView {
	out := make([]varView, n)
	for i := range out {
		out[i] = varView{ID: fmt.Sprintf("var-%d", i+1), Key: fmt.Sprintf("k%d", i+1), Value: "v", Category: CategoryEnv, Owner: owner}
	}
	return out
}

// invalidCalls are the collection's calls that must fail validation: a
// bad parent ID, variable ID or page on every method, and every shared
// option rule on Create, Update and Upsert.
func (c varCollection) invalidCalls() []invalidCall {
	s := c.api
	valid := VariableCreateOptions{Key: "k", Category: CategoryEnv}
	set := VariableUpdateOptions{HCL: Ptr(true)}
	badPages := []ListOptions{{PageSize: 101}, {PageSize: -1}, {PageNumber: -1}}
	badIDs := []string{"", ".", "..", "a/b", `a\b`, "a?b", "a#b", "a%2e", "a b"}
	var calls []invalidCall
	add := func(name string, want error, call func(ctx context.Context, cl *Client) error) {
		calls = append(calls, invalidCall{name, want, call})
	}
	for _, page := range badPages {
		opts := &VariableListOptions{page}
		add(fmt.Sprintf("List/%+v", page), ErrInvalidPagination, func(ctx context.Context, cl *Client) error {
			return errOf3(s.list(ctx, cl, "p-1", opts))
		})
		add(fmt.Sprintf("ListIter/%+v", page), ErrInvalidPagination, func(ctx context.Context, cl *Client) error {
			return iterErr(s.listIter(ctx, cl, "p-1", opts))
		})
	}
	for _, id := range badIDs {
		add("List/parent "+id, c.parentErr, func(ctx context.Context, cl *Client) error { return errOf3(s.list(ctx, cl, id, nil)) })
		add("ListIter/parent "+id, c.parentErr, func(ctx context.Context, cl *Client) error {
			return iterErr(s.listIter(ctx, cl, id, nil))
		})
		add("Create/parent "+id, c.parentErr, func(ctx context.Context, cl *Client) error { return errOf(s.create(ctx, cl, id, valid)) })
		add("Upsert/parent "+id, c.parentErr, func(ctx context.Context, cl *Client) error { return errOf(s.upsert(ctx, cl, id, valid)) })
		add("Read/parent "+id, c.parentErr, func(ctx context.Context, cl *Client) error { return errOf(s.read(ctx, cl, id, "var-1")) })
		add("Read/variable "+id, ErrInvalidVariableID, func(ctx context.Context, cl *Client) error { return errOf(s.read(ctx, cl, "p-1", id)) })
		add("Update/parent "+id, c.parentErr, func(ctx context.Context, cl *Client) error { return errOf(s.update(ctx, cl, id, "var-1", set)) })
		add("Update/variable "+id, ErrInvalidVariableID, func(ctx context.Context, cl *Client) error {
			return errOf(s.update(ctx, cl, "p-1", id, set))
		})
		add("Delete/parent "+id, c.parentErr, func(ctx context.Context, cl *Client) error { return s.delete(ctx, cl, id, "var-1") })
		add("Delete/variable "+id, ErrInvalidVariableID, func(ctx context.Context, cl *Client) error { return s.delete(ctx, cl, "p-1", id) })
	}
	for _, r := range createRules {
		add("Create/"+r.name, r.want, func(ctx context.Context, cl *Client) error { return errOf(s.create(ctx, cl, "p-1", r.opts)) })
		add("Upsert/"+r.name, r.want, func(ctx context.Context, cl *Client) error { return errOf(s.upsert(ctx, cl, "p-1", r.opts)) })
	}
	for _, r := range updateRules {
		add("Update/"+r.name, r.want, func(ctx context.Context, cl *Client) error { return errOf(s.update(ctx, cl, "p-1", "var-1", r.opts)) })
	}
	return calls
}
