package tfe

import (
	"context"
	"iter"
	"net/http"

	"github.com/google/jsonapi"
)

// This file is what workspace variables and variable-set variables share:
// the rules and request documents of their create and update options (the
// variable-set option types are defined as the workspace ones), and the
// request plumbing of a collection of variables under a parent.

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

// node is the vars resource of a variable create.
func (o VariableCreateOptions) node() *jsonapi.Node {
	n := newNode("vars")
	n.Attributes["key"] = o.Key
	n.Attributes["category"] = o.Category
	setAttr(n.Attributes, "value", o.Value)
	setAttr(n.Attributes, "description", o.Description)
	setAttr(n.Attributes, "hcl", o.HCL)
	setAttr(n.Attributes, "sensitive", o.Sensitive)
	return n
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

// node is the vars resource of a variable update. It carries no id: the
// path names the variable, and the API marks the id read-only.
func (o VariableUpdateOptions) node() *jsonapi.Node {
	n := newNode("vars")
	setAttr(n.Attributes, "key", o.Key)
	setAttr(n.Attributes, "value", o.Value)
	setAttr(n.Attributes, "description", o.Description)
	setAttr(n.Attributes, "category", o.Category)
	setAttr(n.Attributes, "hcl", o.HCL)
	setAttr(n.Attributes, "sensitive", o.Sensitive)
	return n
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

// varKind is the request plumbing shared by the two collections of
// variables: those of a workspace (workspaces/:id/vars) and those of a
// variable set (varsets/:id/relationships/vars).
type varKind[T any] struct {
	parent      string   // the parent's collection: "workspaces" or "varsets"
	sub         []string // the segments between the parent ID and a variable ID
	parentErr   error    // the sentinel of a malformed parent ID
	parentField string   // the parent ID's argument name
	optsName    string   // the options' type name without "CreateOptions"
	decode      decodeFunc[T]
}

// withSub returns k for another collection under the same parent.
func (k varKind[T]) withSub(sub ...string) varKind[T] {
	k.sub = sub
	return k
}

// path is the collection's path, or a variable's when variableID is given.
func (k varKind[T]) path(parentID string, variableID ...string) string {
	segments := append([]string{k.parent, parentID}, k.sub...)
	return apiPath(append(segments, variableID...)...)
}

func (k varKind[T]) checkParent(parentID string) error {
	return checkID(k.parentErr, k.parentField, parentID)
}

func (k varKind[T]) checkIDs(parentID, variableID string) error {
	return firstError(k.checkParent(parentID), checkID(ErrInvalidVariableID, "variableID", variableID))
}

// list returns one page of the collection.
func (k varKind[T]) list(ctx context.Context, c *Client, parentID string, page ListOptions) ([]*T, *Pagination, error) {
	if err := firstError(k.checkParent(parentID), page.validate()); err != nil {
		return nil, nil, err
	}
	return k.fetch(ctx, c, parentID, page)
}

// listIter yields every variable of the collection, or the validation
// error alone.
func (k varKind[T]) listIter(ctx context.Context, c *Client, parentID string, page ListOptions) iter.Seq2[*T, error] {
	if err := firstError(k.checkParent(parentID), page.validate()); err != nil {
		return iterError[T](err)
	}
	return iterate(ctx, page, func(ctx context.Context, page ListOptions) ([]*T, *Pagination, error) {
		return k.fetch(ctx, c, parentID, page)
	})
}

func (k varKind[T]) fetch(ctx context.Context, c *Client, parentID string, page ListOptions) ([]*T, *Pagination, error) {
	return requestMany(ctx, c, http.MethodGet, k.path(parentID), encodeQuery(page), nil, k.decode)
}

func (k varKind[T]) create(ctx context.Context, c *Client, parentID string, opts VariableCreateOptions) (*T, error) {
	if err := firstError(k.checkParent(parentID), opts.validate(k.optsName+"CreateOptions")); err != nil {
		return nil, err
	}
	return requestOne(ctx, c, http.MethodPost, k.path(parentID), nil, onePayload(opts.node()), k.decode)
}

func (k varKind[T]) read(ctx context.Context, c *Client, parentID, variableID string) (*T, error) {
	if err := k.checkIDs(parentID, variableID); err != nil {
		return nil, err
	}
	return requestOne(ctx, c, http.MethodGet, k.path(parentID, variableID), nil, nil, k.decode)
}

func (k varKind[T]) update(ctx context.Context, c *Client, parentID, variableID string, opts VariableUpdateOptions) (*T, error) {
	if err := firstError(k.checkIDs(parentID, variableID), opts.validate(k.optsName+"UpdateOptions")); err != nil {
		return nil, err
	}
	return requestOne(ctx, c, http.MethodPatch, k.path(parentID, variableID), nil, onePayload(opts.node()), k.decode)
}

func (k varKind[T]) delete(ctx context.Context, c *Client, parentID, variableID string) error {
	if err := k.checkIDs(parentID, variableID); err != nil {
		return err
	}
	return c.requestNoContent(ctx, http.MethodDelete, k.path(parentID, variableID), nil)
}
