package tfe

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strconv"
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

	// ReadByName returns the organization's variable set named name (an
	// exact, case-sensitive match). It lists the sets whose names contain
	// name (q) and keeps the exact matches: none is an error matching
	// ErrResourceNotFound, more than one an *AmbiguousError (ErrAmbiguous)
	// that names them all, rather than a pick.
	//
	// GET /organizations/:organization_name/varsets?q=:name, page after page
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variable-sets
	ReadByName(ctx context.Context, organization, name string) (*VariableSet, error)

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

	// UpdateWorkspaces makes workspaceIDs the whole list of workspaces the
	// set is applied to: those left out stop getting it, and an empty list
	// removes it from every workspace. A list only makes sense for a set
	// that is not global, so the update also sets Global to false. The
	// answer includes the workspaces.
	//
	// PATCH /varsets/:varset_id?include=workspaces
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#update-a-variable-set
	UpdateWorkspaces(ctx context.Context, variableSetID string, workspaceIDs []string) (*VariableSet, error)

	// ApplyToStacks applies a variable set to Terraform Stacks (HCP
	// Terraform; stacks are beta). The API refuses it for a global set.
	//
	// POST /varsets/:varset_id/relationships/stacks
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#apply-variable-set-to-stacks
	ApplyToStacks(ctx context.Context, variableSetID string, stackIDs []string) error

	// RemoveFromStacks stops applying a variable set to stacks (HCP
	// Terraform; stacks are beta).
	//
	// DELETE /varsets/:varset_id/relationships/stacks
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#remove-a-variable-set-from-stacks
	RemoveFromStacks(ctx context.Context, variableSetID string, stackIDs []string) error

	// UpdateStacks makes stackIDs the whole list of stacks the set is
	// applied to, as UpdateWorkspaces does for workspaces (HCP Terraform;
	// stacks are beta). It also sets Global to false. The answer includes
	// the stacks.
	//
	// PATCH /varsets/:varset_id?include=stacks
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#update-a-variable-set
	UpdateStacks(ctx context.Context, variableSetID string, stackIDs []string) (*VariableSet, error)
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
	// StackCount is the number of stacks the set is applied to.
	StackCount int `json:"stack-count"`
	// Organization is the set's organization (Name only).
	Organization *Organization `json:"-"`
	// Parent is the set's owner: the organization, or one project for a
	// project-owned set, which only that project's administrators manage
	// and which can only be applied within that project. It is not
	// where the set applies: Projects lists those. Nil when the answer
	// does not say (older releases). Beta.
	Parent *VariableSetParent `json:"-"`
	// Workspaces are the workspaces the set is applied to: ID only unless
	// requested with VariableSetIncludeWorkspaces.
	Workspaces []*Workspace `json:"-"`
	// Projects are the projects the set is applied to: ID only unless
	// requested with VariableSetIncludeProjects.
	Projects []*Project `json:"-"`
	// Stacks are the stacks the set is applied to: ID only unless
	// requested with VariableSetIncludeStacks.
	Stacks []*Stack `json:"-"`
	// Variables are the set's variables: ID only unless requested with
	// VariableSetIncludeVars or returned by Create and Update.
	Variables []*VariableSetVariable `json:"-"`
}

// VariableSetParent is the owner of a variable set: exactly one of
// Organization and Project is set. A project here owns the set; it is
// not (necessarily) one the set is applied to (VariableSet.Projects).
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#show-variable-set
type VariableSetParent struct {
	// Organization owns an organization-level set (Name only).
	Organization *Organization
	// Project owns a project-level set (ID, and Name when included).
	Project *Project
}

// Stack is a Terraform Stack, as related to a variable set (HCP
// Terraform; stacks are beta).
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/stacks
type Stack struct {
	// ID is the stack ID (st-…).
	ID string `json:"-"`
	// Name is the stack's name; empty when only the ID was returned.
	Name string `json:"name"`
	// Description is the stack's description.
	Description string `json:"description"`
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
	if p := opts.Parent; p != nil && p.Organization != "" && p.Organization != organization {
		return nil, invalid(ErrValidation, "VariableSetCreateOptions.Parent.Organization", "must be the organization the set is created in")
	}
	cl := post(apiPath("organizations", organization, "varsets"), opts.document()).hiding(opts.sensitiveValues()...)
	return requestOne(ctx, s.client, cl, variableSetDecoder)
}

// ReadByName implements VariableSets.
func (s *variableSets) ReadByName(ctx context.Context, organization, name string) (*VariableSet, error) {
	if err := firstError(checkID(ErrInvalidOrg, "organization", organization), checkName("name", name)); err != nil {
		return nil, err
	}
	var matches []*VariableSet
	for vs, err := range s.ListIter(ctx, organization, &VariableSetListOptions{Query: name}) {
		if err != nil {
			return nil, err
		}
		if vs.Name == name {
			matches = append(matches, vs)
		}
	}
	return exactlyOne(matches, "variable set", name, "organization "+strconv.Quote(organization), func(vs *VariableSet) string { return vs.ID })
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

// UpdateWorkspaces implements VariableSets.
func (s *variableSets) UpdateWorkspaces(ctx context.Context, variableSetID string, workspaceIDs []string) (*VariableSet, error) {
	return s.replaceTargets(ctx, variableSetID, workspaceTargets, workspaceIDs)
}

// ApplyToStacks implements VariableSets.
func (s *variableSets) ApplyToStacks(ctx context.Context, variableSetID string, stackIDs []string) error {
	return s.relate(ctx, http.MethodPost, variableSetID, stackTargets, stackIDs)
}

// RemoveFromStacks implements VariableSets.
func (s *variableSets) RemoveFromStacks(ctx context.Context, variableSetID string, stackIDs []string) error {
	return s.relate(ctx, http.MethodDelete, variableSetID, stackTargets, stackIDs)
}

// UpdateStacks implements VariableSets.
func (s *variableSets) UpdateStacks(ctx context.Context, variableSetID string, stackIDs []string) (*VariableSet, error) {
	return s.replaceTargets(ctx, variableSetID, stackTargets, stackIDs)
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
	stackTargets     = varsetTargets{"stacks", "stackIDs", ErrInvalidStackID}
)

// relate adds (POST) or removes (DELETE) targets of a variable set.
func (s *variableSets) relate(ctx context.Context, method, variableSetID string, t varsetTargets, ids []string) error {
	if err := firstError(checkVariableSetID(variableSetID), checkIDs(t.sentinel, t.field, ids)); err != nil {
		return err
	}
	path := apiPath("varsets", variableSetID, "relationships", t.typ)
	return s.client.requestNoContent(ctx, call{method: method, path: path, body: manyRefs(t.typ, ids)})
}

// replaceTargets makes ids the whole list of the set's targets of one
// kind (an empty list clears it), with global false, and returns the set
// with those targets included.
func (s *variableSets) replaceTargets(ctx context.Context, variableSetID string, t varsetTargets, ids []string) (*VariableSet, error) {
	if err := firstError(checkVariableSetID(variableSetID), checkOptionalIDs(t.sentinel, t.field, ids)); err != nil {
		return nil, err
	}
	targets := &toMany{Data: []ref{}}
	if refs := manyRefs(t.typ, ids); refs != nil {
		targets = refs
	}
	var rels varsetTargetRelationships
	if t.typ == stackTargets.typ {
		rels.Stacks = targets
	} else {
		rels.Workspaces = targets
	}
	doc := newDocumentWith("varsets", varsetGlobal{Global: Ptr(false)}, rels)
	query := url.Values{"include": {t.typ}}
	return requestOne(ctx, s.client, call{method: http.MethodPatch, path: apiPath("varsets", variableSetID), query: query, body: doc}, variableSetDecoder)
}

// varsetGlobal is the attribute an update of a set's targets sends.
type varsetGlobal struct {
	Global *bool `json:"global"` // a pointer: a zero struct is left out
}

// varsetTargetRelationships is the one list of targets such an update
// replaces.
type varsetTargetRelationships struct {
	Workspaces *toMany `json:"workspaces,omitempty"`
	Stacks     *toMany `json:"stacks,omitempty"`
}

func checkVariableSetID(id string) error {
	return checkID(ErrInvalidVariableSetID, "variableSetID", id)
}

// variableSetRelationships are the relationships of a varsets resource.
// The create and update answers carry the variables inline, with their
// attributes, in "vars".
type variableSetRelationships struct {
	Organization toOne  `json:"organization"`
	Parent       toOne  `json:"parent"`
	Workspaces   toMany `json:"workspaces"`
	Projects     toMany `json:"projects"`
	Stacks       toMany `json:"stacks"`
	Vars         struct {
		Data []resource[*VariableSetVariable, variableSetVariableRelationships] `json:"data"`
	} `json:"vars"`
}

// variableSetKind reads varsets resources.
var variableSetKind = &kind[VariableSet, variableSetRelationships, VariableSet]{typ: "varsets", model: variableSetModel}

// variableSetDecoder decodes variable sets with the workspaces, projects
// and variables an answer may include.
var variableSetDecoder = newDecoder(variableSetKind, variableSetVariableKind, workspaceKind, projectKind, stackKind)

// stackKind reads stacks resources.
var stackKind = attributesOnly("stacks", func(st *Stack, id string) { st.ID = id })

// variableSetModel finishes a VariableSet, resolving its workspaces,
// projects and variables from the included resources, and its variables
// also from the attributes carried inline.
func variableSetModel(res *resource[VariableSet, variableSetRelationships], inc *included) *VariableSet {
	vs := &res.Attributes
	vs.ID = res.ID
	rels := &res.Relationships
	vs.Organization = idOnly(rels.Organization, organizationStub)
	vs.Parent = variableSetParent(rels.Parent, inc)
	vs.Workspaces = resolveMany(inc, rels.Workspaces, workspaceStub)
	vs.Projects = resolveMany(inc, rels.Projects, projectStub)
	vs.Stacks = resolveMany(inc, rels.Stacks, func(id string) *Stack { return &Stack{ID: id} })
	if len(rels.Vars.Data) > 0 {
		vs.Variables = make([]*VariableSetVariable, len(rels.Vars.Data))
	}
	for i, member := range rels.Vars.Data {
		v := resolve[VariableSetVariable](inc, ref{Type: member.Type, ID: member.ID})
		switch {
		case v != nil:
		case member.Attributes != nil:
			v = variableSetVariableModel(&resource[VariableSetVariable, variableSetVariableRelationships]{
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

// variableSetParent is the owner the parent relationship names: a
// project (from the included resources when there), or an organization;
// nil when the relationship is absent or of a type the SDK does not know.
func variableSetParent(rel toOne, inc *included) *VariableSetParent {
	if rel.Data == nil || rel.Data.ID == "" {
		return nil
	}
	switch rel.Data.Type {
	case "projects":
		return &VariableSetParent{Project: resolveOne(inc, rel, projectStub)}
	case "organizations":
		return &VariableSetParent{Organization: organizationStub(rel.Data.ID)}
	}
	return nil
}
