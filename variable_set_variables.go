package tfe

import (
	"context"
	"iter"
	"time"
)

// VariableSetVariables manages the variables inside a variable set.
// Methods may be added in later versions.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#add-variable
type VariableSetVariables interface {
	// List returns the variables of a variable set. The API answers this
	// list whole: without page options List returns all of it and a nil
	// Pagination; with them, the SDK cuts the page they ask for (20 items
	// unless PageSize says) and Pagination describes it.
	//
	// GET /varsets/:varset_id/relationships/vars
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variables-in-a-variable-set
	List(ctx context.Context, variableSetID string, opts *VariableSetVariableListOptions) (*VariableSetVariableList, error)

	// ListIter yields the variables of a variable set, from the options'
	// page on. The API answers the whole list at once, so it sends one
	// request.
	//
	// GET /varsets/:varset_id/relationships/vars
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variables-in-a-variable-set
	ListIter(ctx context.Context, variableSetID string, opts *VariableSetVariableListOptions) iter.Seq2[*VariableSetVariable, error]

	// Create adds a variable to a variable set.
	//
	// POST /varsets/:varset_id/relationships/vars
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#add-variable
	Create(ctx context.Context, variableSetID string, opts VariableSetVariableCreateOptions) (*VariableSetVariable, error)

	// Read returns one variable of a variable set. The docs page does not
	// describe this endpoint; the API's OpenAPI description does
	// (showVarsetVar).
	//
	// GET /varsets/:varset_id/relationships/vars/:var_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets
	Read(ctx context.Context, variableSetID, variableID string) (*VariableSetVariable, error)

	// Update changes the attributes opts sets and leaves the others alone.
	//
	// PATCH /varsets/:varset_id/relationships/vars/:var_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#update-a-variable-in-a-variable-set
	Update(ctx context.Context, variableSetID, variableID string, opts VariableSetVariableUpdateOptions) (*VariableSetVariable, error)

	// Delete removes a variable from a variable set.
	//
	// DELETE /varsets/:varset_id/relationships/vars/:var_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#delete-a-variable-in-a-variable-set
	Delete(ctx context.Context, variableSetID, variableID string) error

	// Upsert makes the variable set hold the variable opts describes, and
	// is safe to repeat, exactly as Variables.Upsert: one list, then a
	// create when no variable has opts' Key and Category, an update of the
	// attributes that differ, or nothing more. A sensitive value cannot be
	// read back, so it is always re-sent (UpsertUpdated every time).
	//
	// GET /varsets/:varset_id/relationships/vars, then
	// POST /varsets/:varset_id/relationships/vars or
	// PATCH /varsets/:varset_id/relationships/vars/:var_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets
	Upsert(ctx context.Context, variableSetID string, opts VariableSetVariableCreateOptions) (*VariableSetVariableUpsertResult, error)
}

// VariableSetVariableUpsertResult is what VariableSetVariables.Upsert did,
// and the variable as the service holds it afterwards.
type VariableSetVariableUpsertResult struct {
	// Action is UpsertCreated, UpsertUpdated or UpsertUnchanged.
	Action UpsertAction
	// Changed names the attributes an update sent, by their wire names
	// ("value", "description", "hcl", "sensitive"); nil unless Action is
	// UpsertUpdated.
	Changed []string
	// Variable is the variable: as created or updated, or as listed when
	// unchanged.
	Variable *VariableSetVariable
}

// variableSetVariables implements VariableSetVariables.
type variableSetVariables struct {
	client *Client
}

var _ VariableSetVariables = (*variableSetVariables)(nil)

// VariableSetVariable is a variable inside a variable set.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variables-in-a-variable-set
type VariableSetVariable struct {
	// ID is the variable ID (var-…).
	ID string `json:"-"`
	// Key is the variable's name.
	Key string `json:"key"`
	// Value is the variable's value. A sensitive variable's value is
	// write-only: the API answers it empty, so Value is "" for every
	// sensitive variable the SDK returns.
	Value string `json:"value"`
	// Description is the variable's description.
	Description string `json:"description"`
	// Category says whether this is a Terraform or an environment variable.
	Category CategoryType `json:"category"`
	// HCL reports whether the value is evaluated as HCL code.
	HCL bool `json:"hcl"`
	// Sensitive reports whether the value is write-only.
	Sensitive bool `json:"sensitive"`
	// VersionID changes whenever the variable changes.
	VersionID string `json:"version-id"`
	// CreatedAt is when the variable was created, when the API says.
	CreatedAt time.Time `json:"created-at"`
	// VariableSet is the set the variable belongs to (ID only).
	VariableSet *VariableSet `json:"-"`
}

// VariableSetVariableList is a list of the variables of a variable set.
// The API answers these lists whole: Pagination is nil unless the options
// asked for a page, which the SDK then cut from the whole list.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variables-in-a-variable-set
type VariableSetVariableList struct {
	*Pagination
	// Items are the variables.
	Items []*VariableSetVariable
}

// VariableSetVariableListOptions selects a page of a variable set's
// variables: the fields of VariableListOptions (ListOptions), cut by the
// SDK from the whole list the API answers.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variables-in-a-variable-set
type VariableSetVariableListOptions VariableListOptions

// VariableSetVariableCreateOptions are the attributes of a new variable in
// a variable set: the fields and rules of VariableCreateOptions (Key and
// Category required).
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#add-variable
type VariableSetVariableCreateOptions VariableCreateOptions

// VariableSetVariableUpdateOptions are the attributes to change: the fields
// and rules of VariableUpdateOptions (at least one set).
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#update-a-variable-in-a-variable-set
type VariableSetVariableUpdateOptions VariableUpdateOptions

// varsetVars are the variables of a variable set.
var varsetVars = varKind[VariableSetVariable, variableSetVariableRelationships]{
	parent:      "varsets",
	sub:         []string{"relationships", "vars"},
	parentErr:   ErrInvalidVariableSetID,
	parentField: "variableSetID",
	optsName:    "VariableSetVariable",
	decoder:     newDecoder(variableSetVariableKind),
	attrs: func(v *VariableSetVariable) variableAttrs {
		return variableAttrs{id: v.ID, key: v.Key, value: v.Value, description: v.Description, category: v.Category, hcl: v.HCL, sensitive: v.Sensitive}
	},
}

// List implements VariableSetVariables.
func (s *variableSetVariables) List(ctx context.Context, variableSetID string, opts *VariableSetVariableListOptions) (*VariableSetVariableList, error) {
	items, page, err := varsetVars.list(ctx, s.client, variableSetID, (*VariableListOptions)(opts))
	if err != nil {
		return nil, err
	}
	return &VariableSetVariableList{Pagination: page, Items: items}, nil
}

// ListIter implements VariableSetVariables.
func (s *variableSetVariables) ListIter(ctx context.Context, variableSetID string, opts *VariableSetVariableListOptions) iter.Seq2[*VariableSetVariable, error] {
	return varsetVars.listIter(ctx, s.client, variableSetID, (*VariableListOptions)(opts))
}

// Create implements VariableSetVariables.
func (s *variableSetVariables) Create(ctx context.Context, variableSetID string, opts VariableSetVariableCreateOptions) (*VariableSetVariable, error) {
	return varsetVars.create(ctx, s.client, variableSetID, VariableCreateOptions(opts))
}

// Read implements VariableSetVariables.
func (s *variableSetVariables) Read(ctx context.Context, variableSetID, variableID string) (*VariableSetVariable, error) {
	return varsetVars.read(ctx, s.client, variableSetID, variableID)
}

// Update implements VariableSetVariables.
func (s *variableSetVariables) Update(ctx context.Context, variableSetID, variableID string, opts VariableSetVariableUpdateOptions) (*VariableSetVariable, error) {
	return varsetVars.update(ctx, s.client, variableSetID, variableID, VariableUpdateOptions(opts))
}

// Delete implements VariableSetVariables.
func (s *variableSetVariables) Delete(ctx context.Context, variableSetID, variableID string) error {
	return varsetVars.delete(ctx, s.client, variableSetID, variableID)
}

// Upsert implements VariableSetVariables.
func (s *variableSetVariables) Upsert(ctx context.Context, variableSetID string, opts VariableSetVariableCreateOptions) (*VariableSetVariableUpsertResult, error) {
	v, action, changed, err := varsetVars.upsert(ctx, s.client, variableSetID, VariableCreateOptions(opts))
	if err != nil {
		return nil, err
	}
	return &VariableSetVariableUpsertResult{Action: action, Changed: changed, Variable: v}, nil
}

// variableSetVariableRelationships are the relationships of a variable
// set's vars resource that the SDK reads: its set.
type variableSetVariableRelationships struct {
	Varset toOne `json:"varset"`
}

// variableSetVariableKind reads the vars resources of variable sets.
var variableSetVariableKind = &kind[VariableSetVariable, variableSetVariableRelationships, VariableSetVariable]{typ: "vars", model: variableSetVariableModel}

// variableSetVariableModel finishes a VariableSetVariable: its set is the
// "varset" relationship. The set
// is never resolved from included resources: a set's included variables
// point back at it.
func variableSetVariableModel(res *resource[VariableSetVariable, variableSetVariableRelationships], _ *included) *VariableSetVariable {
	v := &res.Attributes
	v.ID = res.ID
	if id := res.Relationships.Varset.id(); id != "" {
		v.VariableSet = &VariableSet{ID: id}
	}
	return v
}

// variableSetVariableStub is a VariableSetVariable known by its ID only.
func variableSetVariableStub(id string) *VariableSetVariable { return &VariableSetVariable{ID: id} }
