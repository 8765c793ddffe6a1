package tfe

import (
	"context"
	"fmt"
	"iter"
	"testing"
)

// Test helpers of the variable services (workspace variables, variable
// sets, variable-set variables).

// collect ranges over seq and returns its items and the error it ended
// with.
func collect[T any](seq iter.Seq2[*T, error]) ([]*T, error) {
	var items []*T
	for item, err := range seq {
		if err != nil {
			return items, err
		}
		items = append(items, item)
	}
	return items, nil
}

// iterErr is the error an iterator yields first, for validation tests.
func iterErr[T any](seq iter.Seq2[*T, error]) error {
	_, err := collect(seq)
	return err
}

// plantSensitive returns v, a sensitive variable's value, registered as a
// secret the suite's debug log must not contain.
func plantSensitive(t *testing.T, v string) string {
	t.Helper()
	return plantSecret(v)
}

// errOf is the error of a call that also returns a value.
func errOf[T any](_ T, err error) error { return err }

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

// varService adapts Variables and VariableSetVariables, which share their
// rules, to one shape for the validation tests.
type varService struct {
	parentErr error // the sentinel of a malformed parent ID
	list      func(ctx context.Context, c *Client, parentID string, page ListOptions) error
	listIter  func(ctx context.Context, c *Client, parentID string, page ListOptions) error
	create    func(ctx context.Context, c *Client, parentID string, o VariableCreateOptions) error
	read      func(ctx context.Context, c *Client, parentID, variableID string) error
	update    func(ctx context.Context, c *Client, parentID, variableID string, o VariableUpdateOptions) error
	delete    func(ctx context.Context, c *Client, parentID, variableID string) error
}

// invalidCalls are the service's calls that must fail validation: a bad
// parent ID, variable ID or page on every method, and every shared option
// rule on Create and Update.
func (s varService) invalidCalls() []invalidCall {
	valid := VariableCreateOptions{Key: "k", Category: CategoryEnv}
	set := VariableUpdateOptions{HCL: Ptr(true)}
	badPages := []ListOptions{{PageSize: 101}, {PageSize: -1}, {PageNumber: -1}}
	badIDs := []string{"", ".", "..", "a/b", `a\b`, "a?b", "a#b", "a%2e", "a b"}
	var calls []invalidCall
	add := func(name string, want error, call func(ctx context.Context, c *Client) error) {
		calls = append(calls, invalidCall{name, want, call})
	}
	for _, page := range badPages {
		add(fmt.Sprintf("List/%+v", page), ErrInvalidPagination, func(ctx context.Context, c *Client) error { return s.list(ctx, c, "p-1", page) })
		add(fmt.Sprintf("ListIter/%+v", page), ErrInvalidPagination, func(ctx context.Context, c *Client) error { return s.listIter(ctx, c, "p-1", page) })
	}
	for _, id := range badIDs {
		add("List/parent "+id, s.parentErr, func(ctx context.Context, c *Client) error { return s.list(ctx, c, id, ListOptions{}) })
		add("ListIter/parent "+id, s.parentErr, func(ctx context.Context, c *Client) error { return s.listIter(ctx, c, id, ListOptions{}) })
		add("Create/parent "+id, s.parentErr, func(ctx context.Context, c *Client) error { return s.create(ctx, c, id, valid) })
		add("Read/parent "+id, s.parentErr, func(ctx context.Context, c *Client) error { return s.read(ctx, c, id, "var-1") })
		add("Read/variable "+id, ErrInvalidVariableID, func(ctx context.Context, c *Client) error { return s.read(ctx, c, "p-1", id) })
		add("Update/parent "+id, s.parentErr, func(ctx context.Context, c *Client) error { return s.update(ctx, c, id, "var-1", set) })
		add("Update/variable "+id, ErrInvalidVariableID, func(ctx context.Context, c *Client) error { return s.update(ctx, c, "p-1", id, set) })
		add("Delete/parent "+id, s.parentErr, func(ctx context.Context, c *Client) error { return s.delete(ctx, c, id, "var-1") })
		add("Delete/variable "+id, ErrInvalidVariableID, func(ctx context.Context, c *Client) error { return s.delete(ctx, c, "p-1", id) })
	}
	for _, r := range createRules {
		add("Create/"+r.name, r.want, func(ctx context.Context, c *Client) error { return s.create(ctx, c, "p-1", r.opts) })
	}
	for _, r := range updateRules {
		add("Update/"+r.name, r.want, func(ctx context.Context, c *Client) error { return s.update(ctx, c, "p-1", "var-1", r.opts) })
	}
	return calls
}
