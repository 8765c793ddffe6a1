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
	// variable sets). The API does not paginate this list.
	//
	// GET /workspaces/:workspace_id/vars
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables#list-variables
	List(ctx context.Context, workspaceID string, opts *VariableListOptions) (*VariableList, error)

	// ListIter yields the workspace's own variables. The API answers the
	// whole list at once, so it sends one request.
	//
	// GET /workspaces/:workspace_id/vars
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables#list-variables
	ListIter(ctx context.Context, workspaceID string, opts *VariableListOptions) iter.Seq2[*Variable, error]

	// ListAll returns every variable a workspace's runs see: its own and
	// those inherited from variable sets (Variable.VariableSet says which).
	// The docs page does not describe this endpoint yet; the API's OpenAPI
	// description does (listAllVars).
	//
	// GET /workspaces/:workspace_id/all-vars
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables
	ListAll(ctx context.Context, workspaceID string, opts *VariableListOptions) (*VariableList, error)

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

// VariableList is a list of workspace variables. Pagination is nil: the
// API answers these lists whole.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables#list-variables
type VariableList struct {
	*Pagination
	// Items are the variables.
	Items []*Variable
}

// VariableListOptions selects a page of workspace variables.
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

func (s *variables) list(ctx context.Context, kind varKind[Variable], workspaceID string, opts *VariableListOptions) (*VariableList, error) {
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
var workspaceVars = varKind[Variable]{
	parent:      "workspaces",
	sub:         []string{"vars"},
	parentErr:   ErrInvalidWorkspaceID,
	parentField: "workspaceID",
	optsName:    "Variable",
	decoder:     newDecoder(variableKind, workspaceKind),
}

// allWorkspaceVars are all the variables a workspace's runs see, those of
// its variable sets included.
var allWorkspaceVars = workspaceVars.withSub("all-vars")
