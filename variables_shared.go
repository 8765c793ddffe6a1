package tfe

import (
	"context"
	"fmt"
	"iter"
)

// This file is what workspace variables and variable-set variables share:
// the rules of their create and update options (the variable-set option
// types are defined as the workspace ones, and the options' `json` tags
// are the request's attribute names), and the request plumbing of a
// collection of variables under a parent.

// validate checks a variable create; field names the options in errors.
func (o VariableCreateOptions) validate(field string) error {
	if o.Key == "" {
		return invalid(ErrRequiredKey, field+".Key", mustNotBeEmpty)
	}
	if o.Category == "" {
		return invalid(ErrRequiredCategory, field+".Category", mustNotBeEmpty)
	}
	return checkCategory(field+".Category", o.Category)
}

// validate checks a variable update; field names the options in errors.
func (o VariableUpdateOptions) validate(field string) error {
	if o == (VariableUpdateOptions{}) {
		return nothingToUpdate(field)
	}
	if o.Category != nil {
		return firstError(checkNotEmptied(ErrRequiredKey, field+".Key", o.Key), checkCategory(field+".Category", *o.Category))
	}
	return checkNotEmptied(ErrRequiredKey, field+".Key", o.Key)
}

// checkCategory refuses a category other than the known ones.
func checkCategory(field string, c CategoryType) error {
	if !c.valid() {
		return invalid(ErrInvalidCategory, field, "must be terraform, env or policy-set, not "+quoteShort(string(c)))
	}
	return nil
}

// quoteShort quotes s for an error message, cut to 40 bytes.
func quoteShort(s string) string { return `"` + cutString(s, 40) + `"` }

// checkNotEmptied refuses an update that sets a required field to "".
func checkNotEmptied(sentinel error, field string, v *string) error {
	if v != nil && *v == "" {
		return invalid(sentinel, field, mustNotBeEmpty)
	}
	return nil
}

// variableRelationships are the relationships of a vars resource. Its
// owner is "configurable" (a workspace or, in all-vars, a variable set);
// "workspace" and "varset" are read too, as the API describes them.
type variableRelationships struct {
	Configurable toOne `json:"configurable"`
	Workspace    toOne `json:"workspace"`
	Varset       toOne `json:"varset"`
}

// owners returns the relationships that may name the variable's owner.
func (r *variableRelationships) owners() [3]toOne {
	return [3]toOne{r.Configurable, r.Workspace, r.Varset}
}

// varKind is the request plumbing shared by the two collections of
// variables: those of a workspace (workspaces/:id/vars) and those of a
// variable set (varsets/:id/relationships/vars).
type varKind[T, R any] struct {
	parent      string   // the parent's collection: "workspaces" or "varsets"
	sub         []string // the segments between the parent ID and a variable ID
	parentErr   error    // the sentinel of a malformed parent ID
	parentField string   // the parent ID's argument name
	optsName    string   // the options' type name without "CreateOptions"
	decoder     *decoder[T, R, T]
	// attrs returns the attributes of a variable that Upsert compares.
	attrs func(*T) variableAttrs
}

// variableAttrs are the attributes of a variable an Upsert compares.
type variableAttrs struct {
	id, key, value, description string
	category                    CategoryType
	hcl, sensitive              bool
}

// withSub returns k for another collection under the same parent.
func (k varKind[T, R]) withSub(sub ...string) varKind[T, R] {
	k.sub = sub
	return k
}

// path is the collection's path, or a variable's when variableID is given.
func (k varKind[T, R]) path(parentID string, variableID ...string) string {
	segments := append([]string{k.parent, parentID}, k.sub...)
	return apiPath(append(segments, variableID...)...)
}

func (k varKind[T, R]) checkParent(parentID string) error {
	return checkID(k.parentErr, k.parentField, parentID)
}

func (k varKind[T, R]) checkIDs(parentID, variableID string) error {
	return firstError(k.checkParent(parentID), checkID(ErrInvalidVariableID, "variableID", variableID))
}

// listing is the collection's list with opts. The API answers these
// lists whole, so the page opts asks for is cut from the answer.
func (k varKind[T, R]) listing(parentID string, opts *VariableListOptions) listing {
	return newListing(k.path(parentID), opts, k.checkParent(parentID)).answeredWhole()
}

func (k varKind[T, R]) list(ctx context.Context, c *Client, parentID string, opts *VariableListOptions) ([]*T, *Pagination, error) {
	return listPage(ctx, c, k.listing(parentID, opts), k.decoder)
}

func (k varKind[T, R]) listIter(ctx context.Context, c *Client, parentID string, opts *VariableListOptions) iter.Seq2[*T, error] {
	return listIter(ctx, c, k.listing(parentID, opts), k.decoder)
}

func (k varKind[T, R]) create(ctx context.Context, c *Client, parentID string, opts VariableCreateOptions) (*T, error) {
	if err := firstError(k.checkParent(parentID), opts.validate(k.optsName+"CreateOptions")); err != nil {
		return nil, err
	}
	cl := post(k.path(parentID), newDocument("vars", opts)).hiding(sensitiveValue(opts.Sensitive, opts.Value))
	return requestOne(ctx, c, cl, k.decoder)
}

func (k varKind[T, R]) read(ctx context.Context, c *Client, parentID, variableID string) (*T, error) {
	if err := k.checkIDs(parentID, variableID); err != nil {
		return nil, err
	}
	return requestOne(ctx, c, get(k.path(parentID, variableID), nil), k.decoder)
}

func (k varKind[T, R]) update(ctx context.Context, c *Client, parentID, variableID string, opts VariableUpdateOptions) (*T, error) {
	if err := firstError(k.checkIDs(parentID, variableID), opts.validate(k.optsName+"UpdateOptions")); err != nil {
		return nil, err
	}
	return k.patch(ctx, c, parentID, variableID, opts, sensitiveValue(opts.Sensitive, opts.Value))
}

// patch sends a checked update; secret is the value no log or error may
// show ("" when none).
func (k varKind[T, R]) patch(ctx context.Context, c *Client, parentID, variableID string, opts VariableUpdateOptions, secret string) (*T, error) {
	cl := patch(k.path(parentID, variableID), newDocument("vars", opts)).hiding(secret)
	return requestOne(ctx, c, cl, k.decoder)
}

// UpsertAction says what an Upsert did.
type UpsertAction string

// The actions of an Upsert.
const (
	// UpsertCreated means no variable had the key and category: one was
	// created (one list and one create request).
	UpsertCreated UpsertAction = "created"
	// UpsertUpdated means the variable existed and differed, or has a
	// sensitive value, which is always re-sent: the attributes in Changed
	// were updated (one list and one update request).
	UpsertUpdated UpsertAction = "updated"
	// UpsertUnchanged means the variable existed as the options describe
	// it: nothing was sent beyond the list.
	UpsertUnchanged UpsertAction = "unchanged"
)

// upsert makes the collection hold one variable with opts' key and
// category and the attributes opts sets: it lists the collection (one
// request), then creates the variable when none has the key and category,
// updates the attributes that differ when one does, and sends nothing more
// when nothing differs. It returns the variable, what it did, and the wire
// names of the attributes an update sent.
func (k varKind[T, R]) upsert(ctx context.Context, c *Client, parentID string, opts VariableCreateOptions) (*T, UpsertAction, []string, error) {
	if err := firstError(k.checkParent(parentID), opts.validate(k.optsName+"CreateOptions")); err != nil {
		return nil, "", nil, err
	}
	items, _, err := k.list(ctx, c, parentID, nil)
	if err != nil {
		return nil, "", nil, err
	}
	var found []*T
	for _, v := range items {
		if a := k.attrs(v); a.key == opts.Key && a.category == opts.Category {
			found = append(found, v)
		}
	}
	if len(found) == 0 {
		v, err := k.create(ctx, c, parentID, opts)
		if err != nil {
			return nil, "", nil, err
		}
		return v, UpsertCreated, nil, nil
	}
	scope := fmt.Sprintf("category %s of %s %s", opts.Category, k.parentField, quoteShort(parentID))
	if _, err := exactlyOne(found, "variable", opts.Key, scope, func(v *T) string { return k.attrs(v).id }); err != nil {
		return nil, "", nil, err
	}
	current := k.attrs(found[0])
	diff, changed := upsertDiff(current, opts)
	if len(changed) == 0 {
		return found[0], UpsertUnchanged, nil, nil
	}
	secret := ""
	if current.sensitive || deref(opts.Sensitive) {
		secret = deref(opts.Value)
	}
	v, err := k.patch(ctx, c, parentID, current.id, diff, secret)
	if err != nil {
		return nil, "", nil, err
	}
	return v, UpsertUpdated, changed, nil
}

// upsertDiff returns the update that makes current what opts describes,
// and the wire names of the attributes it sets. An attribute opts leaves
// nil is not compared. A sensitive value (current, or made sensitive by
// opts) cannot be read back, so it is always sent.
func upsertDiff(current variableAttrs, opts VariableCreateOptions) (VariableUpdateOptions, []string) {
	var diff VariableUpdateOptions
	var changed []string
	if opts.Value != nil && (current.sensitive || deref(opts.Sensitive) || *opts.Value != current.value) {
		diff.Value, changed = opts.Value, append(changed, "value")
	}
	if opts.Description != nil && *opts.Description != current.description {
		diff.Description, changed = opts.Description, append(changed, "description")
	}
	if opts.HCL != nil && *opts.HCL != current.hcl {
		diff.HCL, changed = opts.HCL, append(changed, "hcl")
	}
	if opts.Sensitive != nil && *opts.Sensitive != current.sensitive {
		diff.Sensitive, changed = opts.Sensitive, append(changed, "sensitive")
	}
	return diff, changed
}

func (k varKind[T, R]) delete(ctx context.Context, c *Client, parentID, variableID string) error {
	if err := k.checkIDs(parentID, variableID); err != nil {
		return err
	}
	return c.requestNoContent(ctx, del(k.path(parentID, variableID), nil))
}

// sensitiveValue returns the value a call sends as sensitive, which no
// log or error may show; "" when the call does not mark it sensitive.
func sensitiveValue(sensitive *bool, value *string) string {
	if deref(sensitive) {
		return deref(value)
	}
	return ""
}
