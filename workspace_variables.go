package tfe

import (
	"context"
	"iter"
	"time"
)

// Variables manages the variables of a workspace. Methods may be added in
// later versions.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables
type Variables interface {
	// List returns the workspace's own variables (not those it inherits from
	// variable sets). The API answers this list whole: without page
	// options List returns all of it and a nil Pagination; with them, the
	// SDK cuts the page they ask for (20 items unless PageSize says) and
	// Pagination describes it.
	//
	// GET /workspaces/:workspace_id/vars
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables#list-variables
	List(ctx context.Context, workspaceID string, opts *VariableListOptions) (*VariableList, error)

	// ListIter yields the workspace's own variables, from the options'
	// page on. The API answers the whole list at once, so it sends one
	// request.
	//
	// GET /workspaces/:workspace_id/vars
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables#list-variables
	ListIter(ctx context.Context, workspaceID string, opts *VariableListOptions) iter.Seq2[*Variable, error]

	// ListAll returns every variable a workspace's runs see: its own and
	// those inherited from variable sets (Variable.VariableSet says which).
	// Its page options work as List's. The docs page does not describe
	// this endpoint yet; the API's OpenAPI description does (listAllVars).
	//
	// GET /workspaces/:workspace_id/all-vars
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables
	ListAll(ctx context.Context, workspaceID string, opts *VariableListOptions) (*VariableList, error)

	// ListAllIter yields every variable ListAll would return, from the
	// options' page on, in one request.
	//
	// GET /workspaces/:workspace_id/all-vars
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables
	ListAllIter(ctx context.Context, workspaceID string, opts *VariableListOptions) iter.Seq2[*Variable, error]

	// Create adds a variable to a workspace.
	//
	// POST /workspaces/:workspace_id/vars
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables#create-a-variable
	Create(ctx context.Context, workspaceID string, opts VariableCreateOptions) (*Variable, error)

	// Read returns one variable of a workspace. The docs page does not
	// describe this endpoint; the API's OpenAPI description does
	// (showWorkspaceVar).
	//
	// GET /workspaces/:workspace_id/vars/:variable_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables
	Read(ctx context.Context, workspaceID, variableID string) (*Variable, error)

	// Update changes the attributes opts sets and leaves the others alone.
	//
	// PATCH /workspaces/:workspace_id/vars/:variable_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables#update-variables
	Update(ctx context.Context, workspaceID, variableID string, opts VariableUpdateOptions) (*Variable, error)

	// Delete removes a variable from a workspace.
	//
	// DELETE /workspaces/:workspace_id/vars/:variable_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables#delete-variables
	Delete(ctx context.Context, workspaceID, variableID string) error

	// Upsert makes the workspace hold the variable opts describes, and is
	// safe to repeat: it lists the workspace's variables (one request) and
	// finds the one with opts' Key and Category. None: it creates it
	// (UpsertCreated). One: it updates the attributes opts sets that
	// differ (UpsertUpdated, VariableUpsertResult.Changed names them), or
	// sends nothing more when none differ (UpsertUnchanged). Attributes
	// opts leaves nil are not compared and keep their value.
	//
	// A sensitive value cannot be read back, so when the variable is
	// sensitive (or opts makes it so) and opts has a Value, the value is
	// always re-sent: such an Upsert is UpsertUpdated every time. The API
	// refuses to make a sensitive variable non-sensitive (ErrUnprocessable).
	//
	// A pipeline of Upserts that runs twice, or runs again after being
	// killed half-way, ends in the same state, without duplicates: a run
	// only creates what the list did not show. Two runs at the same time
	// may both create the same key; the service refuses the second
	// (ErrUnprocessable), and a new run converges. Two variables with the
	// key and category (which the service does not allow) are an
	// *AmbiguousError (ErrAmbiguous):
	// Upsert does not pick one.
	//
	// GET /workspaces/:workspace_id/vars, then
	// POST /workspaces/:workspace_id/vars or
	// PATCH /workspaces/:workspace_id/vars/:variable_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables
	Upsert(ctx context.Context, workspaceID string, opts VariableCreateOptions) (*VariableUpsertResult, error)
}

// VariableUpsertResult is what Variables.Upsert did, and the variable as
// the service holds it afterwards.
type VariableUpsertResult struct {
	// Action is UpsertCreated, UpsertUpdated or UpsertUnchanged.
	Action UpsertAction
	// Changed names the attributes an update sent, by their wire names
	// ("value", "description", "hcl", "sensitive"); nil unless Action is
	// UpsertUpdated.
	Changed []string
	// Variable is the variable: as created or updated, or as listed when
	// unchanged.
	Variable *Variable
}

// variables implements Variables.
type variables struct {
	client *Client
}

var _ Variables = (*variables)(nil)

// CategoryType is what a variable is for.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables#create-a-variable
type CategoryType string

// The variable categories. The docs name terraform and env; policy-set is
// the category of policy set parameters.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables#create-a-variable
const (
	// CategoryTerraform is a Terraform input variable.
	CategoryTerraform CategoryType = "terraform"
	// CategoryEnv is an environment variable of the run.
	CategoryEnv CategoryType = "env"
	// CategoryPolicySet is a policy set parameter.
	CategoryPolicySet CategoryType = "policy-set"
)

// valid reports whether c is one of the known categories.
func (c CategoryType) valid() bool {
	return c == CategoryTerraform || c == CategoryEnv || c == CategoryPolicySet
}

// Variable is a workspace variable.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables
type Variable struct {
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
	// Category says whether this is a Terraform or an environment variable
	// (or a policy set parameter).
	Category CategoryType `json:"category"`
	// HCL reports whether the value is evaluated as HCL code.
	HCL bool `json:"hcl"`
	// Sensitive reports whether the value is write-only.
	Sensitive bool `json:"sensitive"`
	// VersionID changes whenever the variable changes.
	VersionID string `json:"version-id"`
	// CreatedAt is when the variable was created, when the API says.
	CreatedAt time.Time `json:"created-at"`
	// Workspace is the workspace the variable belongs to (ID only unless
	// the answer included it); nil for a variable from a variable set.
	Workspace *Workspace `json:"-"`
	// VariableSet is, in a ListAll answer, the variable set (ID only) a
	// variable is inherited from; nil for the workspace's own variables.
	VariableSet *VariableSet `json:"-"`
}

// VariableList is a list of workspace variables. The API answers these
// lists whole: Pagination is nil unless the options asked for a page,
// which the SDK then cut from the whole list.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables#list-variables
type VariableList struct {
	*Pagination
	// Items are the variables.
	Items []*Variable
}

// VariableListOptions selects a page of workspace variables. The API
// answers the whole list whatever page it is asked for, so the SDK cuts
// the page itself: the options work as on any paginated list.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables#list-variables
type VariableListOptions struct {
	ListOptions
}

// VariableCreateOptions are the attributes of a new variable. Key and
// Category are required.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables#create-a-variable
type VariableCreateOptions struct {
	// Key is the variable's name (required).
	Key string `json:"key"`
	// Value is the variable's value; the API's default is "". Once
	// Sensitive is set, the API never returns it again.
	Value *string `json:"value,omitempty"`
	// Description is the variable's description.
	Description *string `json:"description,omitempty"`
	// Category is what the variable is for (required).
	Category CategoryType `json:"category"`
	// HCL evaluates the value as HCL code; the API's default is false.
	HCL *bool `json:"hcl,omitempty"`
	// Sensitive makes the value write-only; the API's default is false.
	Sensitive *bool `json:"sensitive,omitempty"`
}

// VariableUpdateOptions are the attributes to change; those left nil keep
// their value. At least one must be set.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables#update-variables
type VariableUpdateOptions struct {
	// Key renames the variable; it must not be empty.
	Key *string `json:"key,omitempty"`
	// Value replaces the value.
	Value *string `json:"value,omitempty"`
	// Description replaces the description.
	Description *string `json:"description,omitempty"`
	// Category changes what the variable is for.
	Category *CategoryType `json:"category,omitempty"`
	// HCL changes whether the value is evaluated as HCL code.
	HCL *bool `json:"hcl,omitempty"`
	// Sensitive makes the value write-only. The API refuses to make a
	// sensitive variable non-sensitive again.
	Sensitive *bool `json:"sensitive,omitempty"`
}

// List implements Variables.
func (s *variables) List(ctx context.Context, workspaceID string, opts *VariableListOptions) (*VariableList, error) {
	return s.list(ctx, workspaceVars, workspaceID, opts)
}

// ListAll implements Variables.
func (s *variables) ListAll(ctx context.Context, workspaceID string, opts *VariableListOptions) (*VariableList, error) {
	return s.list(ctx, allWorkspaceVars, workspaceID, opts)
}

func (s *variables) list(ctx context.Context, kind varKind[Variable, variableRelationships], workspaceID string, opts *VariableListOptions) (*VariableList, error) {
	items, page, err := kind.list(ctx, s.client, workspaceID, opts)
	if err != nil {
		return nil, err
	}
	return &VariableList{Pagination: page, Items: items}, nil
}

// ListIter implements Variables.
func (s *variables) ListIter(ctx context.Context, workspaceID string, opts *VariableListOptions) iter.Seq2[*Variable, error] {
	return workspaceVars.listIter(ctx, s.client, workspaceID, opts)
}

// ListAllIter implements Variables.
func (s *variables) ListAllIter(ctx context.Context, workspaceID string, opts *VariableListOptions) iter.Seq2[*Variable, error] {
	return allWorkspaceVars.listIter(ctx, s.client, workspaceID, opts)
}

// Create implements Variables.
func (s *variables) Create(ctx context.Context, workspaceID string, opts VariableCreateOptions) (*Variable, error) {
	return workspaceVars.create(ctx, s.client, workspaceID, opts)
}

// Read implements Variables.
func (s *variables) Read(ctx context.Context, workspaceID, variableID string) (*Variable, error) {
	return workspaceVars.read(ctx, s.client, workspaceID, variableID)
}

// Update implements Variables.
func (s *variables) Update(ctx context.Context, workspaceID, variableID string, opts VariableUpdateOptions) (*Variable, error) {
	return workspaceVars.update(ctx, s.client, workspaceID, variableID, opts)
}

// Delete implements Variables.
func (s *variables) Delete(ctx context.Context, workspaceID, variableID string) error {
	return workspaceVars.delete(ctx, s.client, workspaceID, variableID)
}

// Upsert implements Variables.
func (s *variables) Upsert(ctx context.Context, workspaceID string, opts VariableCreateOptions) (*VariableUpsertResult, error) {
	v, action, changed, err := workspaceVars.upsert(ctx, s.client, workspaceID, opts)
	if err != nil {
		return nil, err
	}
	return &VariableUpsertResult{Action: action, Changed: changed, Variable: v}, nil
}

// variableKind reads the vars resources of workspace variables.
var variableKind = &kind[Variable, variableRelationships, Variable]{typ: "vars", model: variableModel}

// variableModel finishes a Variable: its owner is a workspace or, in
// all-vars, a variable set.
func variableModel(res *resource[Variable, variableRelationships], inc *included) *Variable {
	v := &res.Attributes
	v.ID = res.ID
	for _, owner := range res.Relationships.owners() {
		switch {
		case owner.Data == nil:
		case owner.Data.Type == "workspaces" && v.Workspace == nil:
			v.Workspace = resolveOne(inc, owner, workspaceStub)
		case owner.Data.Type == "varsets" && v.VariableSet == nil:
			v.VariableSet = &VariableSet{ID: owner.Data.ID}
		}
	}
	return v
}

// workspaceVars are the variables of a workspace.
var workspaceVars = varKind[Variable, variableRelationships]{
	parent:      "workspaces",
	sub:         []string{"vars"},
	parentErr:   ErrInvalidWorkspaceID,
	parentField: "workspaceID",
	optsName:    "Variable",
	decoder:     newDecoder(variableKind, workspaceKind),
	attrs: func(v *Variable) variableAttrs {
		return variableAttrs{id: v.ID, key: v.Key, value: v.Value, description: v.Description, category: v.Category, hcl: v.HCL, sensitive: v.Sensitive}
	},
}

// allWorkspaceVars are all the variables a workspace's runs see, those of
// its variable sets included.
var allWorkspaceVars = workspaceVars.withSub("all-vars")
