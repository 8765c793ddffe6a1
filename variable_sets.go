package tfe

import (
	"context"
	"iter"
	"net/http"
	"time"
)

// VariableSets manages variable sets and the workspaces and projects they
// apply to. Methods may be added in later versions.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets
type VariableSets interface {
	// List returns a page of an organization's variable sets.
	//
	// GET /organizations/:organization_name/varsets
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variable-sets
	List(ctx context.Context, organization string, opts *VariableSetListOptions) (*VariableSetList, error)

	// ListIter yields every variable set of an organization, page after
	// page.
	//
	// GET /organizations/:organization_name/varsets
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variable-sets
	ListIter(ctx context.Context, organization string, opts *VariableSetListOptions) iter.Seq2[*VariableSet, error]

	// ListForWorkspace returns a page of the variable sets that apply to a
	// workspace: those applied to it or to its project, and the global ones.
	//
	// GET /workspaces/:workspace_id/varsets
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variable-sets
	ListForWorkspace(ctx context.Context, workspaceID string, opts *VariableSetListOptions) (*VariableSetList, error)

	// ListForWorkspaceIter yields every variable set that applies to a
	// workspace, page after page.
	//
	// GET /workspaces/:workspace_id/varsets
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variable-sets
	ListForWorkspaceIter(ctx context.Context, workspaceID string, opts *VariableSetListOptions) iter.Seq2[*VariableSet, error]

	// ListForProject returns a page of the variable sets that apply to a
	// project, the organization's global ones included.
	//
	// GET /projects/:project_id/varsets
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variable-sets
	ListForProject(ctx context.Context, projectID string, opts *VariableSetListOptions) (*VariableSetList, error)

	// ListForProjectIter yields every variable set that applies to a
	// project, page after page.
	//
	// GET /projects/:project_id/varsets
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variable-sets
	ListForProjectIter(ctx context.Context, projectID string, opts *VariableSetListOptions) iter.Seq2[*VariableSet, error]

	// Create makes a variable set, with its variables and the workspaces
	// and projects it applies to.
	//
	// POST /organizations/:organization_name/varsets
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#create-a-variable-set
	Create(ctx context.Context, organization string, opts VariableSetCreateOptions) (*VariableSet, error)

	// Read returns a variable set.
	//
	// GET /varsets/:varset_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#show-variable-set
	Read(ctx context.Context, variableSetID string, opts *VariableSetReadOptions) (*VariableSet, error)

	// Update changes the attributes opts sets and leaves the others alone.
	//
	// PATCH /varsets/:varset_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#update-a-variable-set
	Update(ctx context.Context, variableSetID string, opts VariableSetUpdateOptions) (*VariableSet, error)

	// Delete deletes a variable set and its variables.
	//
	// DELETE /varsets/:varset_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#delete-a-variable-set
	Delete(ctx context.Context, variableSetID string) error

	// ApplyToWorkspaces applies a variable set to workspaces. The API
	// refuses it for a global set.
	//
	// POST /varsets/:varset_id/relationships/workspaces
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#apply-variable-set-to-workspaces
	ApplyToWorkspaces(ctx context.Context, variableSetID string, workspaceIDs []string) error

	// RemoveFromWorkspaces stops applying a variable set to workspaces.
	//
	// DELETE /varsets/:varset_id/relationships/workspaces
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#remove-a-variable-set-from-workspaces
	RemoveFromWorkspaces(ctx context.Context, variableSetID string, workspaceIDs []string) error

	// ApplyToProjects applies a variable set to projects, and so to all of
	// their workspaces.
	//
	// POST /varsets/:varset_id/relationships/projects
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#apply-variable-set-to-projects
	ApplyToProjects(ctx context.Context, variableSetID string, projectIDs []string) error

	// RemoveFromProjects stops applying a variable set to projects.
	//
	// DELETE /varsets/:varset_id/relationships/projects
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#remove-a-variable-set-from-projects
	RemoveFromProjects(ctx context.Context, variableSetID string, projectIDs []string) error
}

// variableSets implements VariableSets.
type variableSets struct {
	client *Client
}

var _ VariableSets = (*variableSets)(nil)

// VariableSet is a set of variables applied to workspaces and projects, or
// to every workspace of the organization (Global).
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#show-variable-set
type VariableSet struct {
	// ID is the variable set ID (varset-…).
	ID string `json:"-"`
	// Name is the set's name.
	Name string `json:"name"`
	// Description is the set's description.
	Description string `json:"description"`
	// Global reports whether the set applies to every workspace of the
	// organization.
	Global bool `json:"global"`
	// Priority reports whether the set's variables override values of a
	// more specific scope, command-line values included.
	Priority bool `json:"priority"`
	// UpdatedAt is when the set last changed.
	UpdatedAt time.Time `json:"updated-at"`
	// VarCount is the number of variables in the set.
	VarCount int `json:"var-count"`
	// WorkspaceCount is the number of workspaces the set is applied to.
	WorkspaceCount int `json:"workspace-count"`
	// ProjectCount is the number of projects the set is applied to.
	ProjectCount int `json:"project-count"`
	// Organization is the set's organization (Name only).
	Organization *Organization `json:"-"`
	// Workspaces are the workspaces the set is applied to: ID only unless
	// requested with VariableSetIncludeWorkspaces.
	Workspaces []*Workspace `json:"-"`
	// Projects are the projects the set is applied to: ID only unless
	// requested with VariableSetIncludeProjects.
	Projects []*Project `json:"-"`
	// Variables are the set's variables: ID only unless requested with
	// VariableSetIncludeVars or returned by Create and Update.
	Variables []*VariableSetVariable `json:"-"`
}

// VariableSetList is a page of variable sets.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variable-sets
type VariableSetList struct {
	*Pagination
	// Items are the variable sets of this page.
	Items []*VariableSet
}

// List implements VariableSets.
func (s *variableSets) List(ctx context.Context, organization string, opts *VariableSetListOptions) (*VariableSetList, error) {
	return s.list(ctx, orgVarsets(organization, opts))
}

// ListIter implements VariableSets.
func (s *variableSets) ListIter(ctx context.Context, organization string, opts *VariableSetListOptions) iter.Seq2[*VariableSet, error] {
	return s.listIter(ctx, orgVarsets(organization, opts))
}

// ListForWorkspace implements VariableSets.
func (s *variableSets) ListForWorkspace(ctx context.Context, workspaceID string, opts *VariableSetListOptions) (*VariableSetList, error) {
	return s.list(ctx, workspaceVarsets(workspaceID, opts))
}

// ListForWorkspaceIter implements VariableSets.
func (s *variableSets) ListForWorkspaceIter(ctx context.Context, workspaceID string, opts *VariableSetListOptions) iter.Seq2[*VariableSet, error] {
	return s.listIter(ctx, workspaceVarsets(workspaceID, opts))
}

// ListForProject implements VariableSets.
func (s *variableSets) ListForProject(ctx context.Context, projectID string, opts *VariableSetListOptions) (*VariableSetList, error) {
	return s.list(ctx, projectVarsets(projectID, opts))
}

// ListForProjectIter implements VariableSets.
func (s *variableSets) ListForProjectIter(ctx context.Context, projectID string, opts *VariableSetListOptions) iter.Seq2[*VariableSet, error] {
	return s.listIter(ctx, projectVarsets(projectID, opts))
}

// orgVarsets, workspaceVarsets and projectVarsets are the three lists of
// variable sets, with opts.
func orgVarsets(organization string, opts *VariableSetListOptions) listing {
	return newListing(apiPath("organizations", organization, "varsets"), opts, checkID(ErrInvalidOrg, "organization", organization))
}

func workspaceVarsets(workspaceID string, opts *VariableSetListOptions) listing {
	return newListing(apiPath("workspaces", workspaceID, "varsets"), opts, checkID(ErrInvalidWorkspaceID, "workspaceID", workspaceID))
}

func projectVarsets(projectID string, opts *VariableSetListOptions) listing {
	return newListing(apiPath("projects", projectID, "varsets"), opts, checkID(ErrInvalidProjectID, "projectID", projectID))
}

// list returns the page of a list of variable sets.
func (s *variableSets) list(ctx context.Context, l listing) (*VariableSetList, error) {
	items, page, err := listPage(ctx, s.client, l, variableSetDecoder)
	if err != nil {
		return nil, err
	}
	return &VariableSetList{Pagination: page, Items: items}, nil
}

// listIter yields every variable set of a list.
func (s *variableSets) listIter(ctx context.Context, l listing) iter.Seq2[*VariableSet, error] {
	return listIter(ctx, s.client, l, variableSetDecoder)
}

// Create implements VariableSets.
func (s *variableSets) Create(ctx context.Context, organization string, opts VariableSetCreateOptions) (*VariableSet, error) {
	if err := firstError(checkID(ErrInvalidOrg, "organization", organization), opts.validate()); err != nil {
		return nil, err
	}
	cl := post(apiPath("organizations", organization, "varsets"), opts.document()).hiding(opts.sensitiveValues()...)
	return requestOne(ctx, s.client, cl, variableSetDecoder)
}

// Read implements VariableSets.
func (s *variableSets) Read(ctx context.Context, variableSetID string, opts *VariableSetReadOptions) (*VariableSet, error) {
	if err := checkVariableSetID(variableSetID); err != nil {
		return nil, err
	}
	return requestOne(ctx, s.client, get(apiPath("varsets", variableSetID), encodeQuery(opts)), variableSetDecoder)
}

// Update implements VariableSets.
func (s *variableSets) Update(ctx context.Context, variableSetID string, opts VariableSetUpdateOptions) (*VariableSet, error) {
	if err := firstError(checkVariableSetID(variableSetID), opts.validate()); err != nil {
		return nil, err
	}
	return requestOne(ctx, s.client, patch(apiPath("varsets", variableSetID), newDocument("varsets", opts)), variableSetDecoder)
}

// Delete implements VariableSets.
func (s *variableSets) Delete(ctx context.Context, variableSetID string) error {
	if err := checkVariableSetID(variableSetID); err != nil {
		return err
	}
	return s.client.requestNoContent(ctx, del(apiPath("varsets", variableSetID), nil))
}

// ApplyToWorkspaces implements VariableSets.
func (s *variableSets) ApplyToWorkspaces(ctx context.Context, variableSetID string, workspaceIDs []string) error {
	return s.relate(ctx, http.MethodPost, variableSetID, workspaceTargets, workspaceIDs)
}

// RemoveFromWorkspaces implements VariableSets.
func (s *variableSets) RemoveFromWorkspaces(ctx context.Context, variableSetID string, workspaceIDs []string) error {
	return s.relate(ctx, http.MethodDelete, variableSetID, workspaceTargets, workspaceIDs)
}

// ApplyToProjects implements VariableSets.
func (s *variableSets) ApplyToProjects(ctx context.Context, variableSetID string, projectIDs []string) error {
	return s.relate(ctx, http.MethodPost, variableSetID, projectTargets, projectIDs)
}

// RemoveFromProjects implements VariableSets.
func (s *variableSets) RemoveFromProjects(ctx context.Context, variableSetID string, projectIDs []string) error {
	return s.relate(ctx, http.MethodDelete, variableSetID, projectTargets, projectIDs)
}

// varsetTargets describes what a variable set is applied to.
type varsetTargets struct {
	typ      string // the JSON:API type and relationship name
	field    string // the IDs' argument name
	sentinel error  // the error of a malformed ID
}

var (
	workspaceTargets = varsetTargets{"workspaces", "workspaceIDs", ErrInvalidWorkspaceID}
	projectTargets   = varsetTargets{"projects", "projectIDs", ErrInvalidProjectID}
)

// relate adds (POST) or removes (DELETE) targets of a variable set.
func (s *variableSets) relate(ctx context.Context, method, variableSetID string, t varsetTargets, ids []string) error {
	if err := firstError(checkVariableSetID(variableSetID), checkIDs(t.sentinel, t.field, ids)); err != nil {
		return err
	}
	path := apiPath("varsets", variableSetID, "relationships", t.typ)
	return s.client.requestNoContent(ctx, call{method: method, path: path, body: manyRefs(t.typ, ids)})
}

func checkVariableSetID(id string) error {
	return checkID(ErrInvalidVariableSetID, "variableSetID", id)
}

// variableSetRelationships are the relationships of a varsets resource.
// The create and update answers carry the variables inline, with their
// attributes, in "vars".
type variableSetRelationships struct {
	Organization toOne  `json:"organization"`
	Workspaces   toMany `json:"workspaces"`
	Projects     toMany `json:"projects"`
	Vars         struct {
		Data []resource[*VariableSetVariable, variableRelationships] `json:"data"`
	} `json:"vars"`
}

// variableSetKind reads varsets resources.
var variableSetKind = &kind[VariableSet, variableSetRelationships, VariableSet]{typ: "varsets", model: variableSetModel}

// variableSetDecoder decodes variable sets with the workspaces, projects
// and variables an answer may include.
var variableSetDecoder = newDecoder(variableSetKind, variableSetVariableKind, workspaceKind, projectKind)

// variableSetModel finishes a VariableSet, resolving its workspaces,
// projects and variables from the included resources, and its variables
// also from the attributes carried inline.
func variableSetModel(res *resource[VariableSet, variableSetRelationships], inc *included) *VariableSet {
	vs := &res.Attributes
	vs.ID = res.ID
	rels := &res.Relationships
	if name := rels.Organization.id(); name != "" {
		vs.Organization = &Organization{Name: name}
	}
	vs.Workspaces = resolveMany(inc, rels.Workspaces, workspaceStub)
	vs.Projects = resolveMany(inc, rels.Projects, projectStub)
	if len(rels.Vars.Data) > 0 {
		vs.Variables = make([]*VariableSetVariable, len(rels.Vars.Data))
	}
	for i, member := range rels.Vars.Data {
		v := resolve[VariableSetVariable](inc, ref{Type: member.Type, ID: member.ID})
		switch {
		case v != nil:
		case member.Attributes != nil:
			v = variableSetVariableModel(&resource[VariableSetVariable, variableRelationships]{
				Type: member.Type, ID: member.ID, Attributes: *member.Attributes, Relationships: member.Relationships,
			}, inc)
		default:
			v = variableSetVariableStub(member.ID)
		}
		if v.VariableSet == nil {
			v.VariableSet = &VariableSet{ID: vs.ID}
		}
		vs.Variables[i] = v
	}
	return vs
}
