package tfe

import (
	"context"
	"iter"
	"strings"
	"time"
)

// Projects manages projects, the groups of workspaces of an organization.
// Methods may be added in later versions.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects
type Projects interface {
	// List returns a page of the organization's projects, narrowed by the
	// options' name filter and search.
	//
	// GET /organizations/:organization_name/projects
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#list-projects
	List(ctx context.Context, organization string, opts *ProjectListOptions) (*ProjectList, error)

	// ListIter yields every project List would return, page after page
	// (100 per page unless opts sets a size). opts is copied.
	//
	// GET /organizations/:organization_name/projects
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#list-projects
	ListIter(ctx context.Context, organization string, opts *ProjectListOptions) iter.Seq2[*Project, error]

	// Read returns a project by its ID (prj-…).
	//
	// GET /projects/:project_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#show-project
	Read(ctx context.Context, projectID string) (*Project, error)

	// Create creates a project in the organization.
	//
	// POST /organizations/:organization_name/projects
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#create-a-project
	Create(ctx context.Context, organization string, opts ProjectCreateOptions) (*Project, error)

	// Update changes the attributes opts sets and leaves the others.
	//
	// PATCH /projects/:project_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#update-a-project
	Update(ctx context.Context, projectID string, opts ProjectUpdateOptions) (*Project, error)

	// Delete deletes an empty project. The service refuses to delete the
	// organization's default project and a project that still holds
	// workspaces or stacks.
	//
	// DELETE /projects/:project_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#delete-a-project
	Delete(ctx context.Context, projectID string) error
}

// projects implements Projects.
type projects struct {
	client *Client
}

var _ Projects = (*projects)(nil)

// Project is a group of workspaces. Where another resource refers to a
// project, the fields its answer holds are set: often the ID alone.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#show-project
type Project struct {
	// ID is the project ID (prj-…).
	ID string `json:"-"`
	// Name is the project's name; empty when only the ID was returned.
	Name string `json:"name"`
	// Description is the project's description.
	Description string `json:"description"`
	// CreatedAt is when the project was created.
	CreatedAt time.Time `json:"created-at"`
	// WorkspaceCount is the number of workspaces in the project, when the
	// answer says.
	WorkspaceCount int `json:"workspace-count"`
	// DefaultExecutionMode is the execution mode of the project's new
	// workspaces, when the answer says.
	DefaultExecutionMode ExecutionMode `json:"default-execution-mode"`
	// DefaultAgentPoolID is the agent pool of the project's new
	// workspaces in agent mode.
	DefaultAgentPoolID string `json:"-"`
	// Organization is the project's organization (Name only).
	Organization *Organization `json:"-"`
}

// ProjectList is a page of projects.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#list-projects
type ProjectList struct {
	*Pagination
	// Items are the projects of this page.
	Items []*Project
}

// ProjectListOptions narrows and pages Projects.List.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#query-parameters
type ProjectListOptions struct {
	ListOptions
	// Names keeps the projects with exactly one of these names
	// (filter[names]): the lookup that turns a project name into its ID.
	Names []string `query:"filter[names]"`
	// Query keeps the projects whose name contains it (q).
	Query string `query:"q"`
}

// validate checks the list options before any request.
func (o ProjectListOptions) validate() error {
	for i, n := range o.Names {
		if n == "" || strings.Contains(n, ",") {
			return invalid(ErrValidation, fieldIndex("ProjectListOptions.Names", i), "must not be empty or contain a comma")
		}
	}
	return o.ListOptions.validate()
}

// ProjectCreateOptions creates a project. Name is required.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#create-a-project
type ProjectCreateOptions struct {
	// Name is the project's name, unique in the organization (required).
	Name string `json:"name"`
	// Description describes the project.
	Description *string `json:"description,omitempty"`
}

// validate checks the create options before any request.
func (o ProjectCreateOptions) validate() error {
	return checkNewName("ProjectCreateOptions.Name", o.Name)
}

// ProjectUpdateOptions changes a project: nil leaves an attribute as it
// is. At least one field must be set.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#update-a-project
type ProjectUpdateOptions struct {
	// Name renames the project.
	Name *string `json:"name,omitempty"`
	// Description replaces the description.
	Description *string `json:"description,omitempty"`
}

// validate checks the update options before any request.
func (o ProjectUpdateOptions) validate() error {
	const options = "ProjectUpdateOptions"
	if o == (ProjectUpdateOptions{}) {
		return nothingToUpdate(options)
	}
	if o.Name != nil {
		return checkNewName(options+".Name", *o.Name)
	}
	return nil
}

// List implements Projects.
func (s *projects) List(ctx context.Context, organization string, opts *ProjectListOptions) (*ProjectList, error) {
	items, page, err := listPage(ctx, s.client, projectList(organization, opts), projectDecoder)
	if err != nil {
		return nil, err
	}
	return &ProjectList{Pagination: page, Items: items}, nil
}

// ListIter implements Projects.
func (s *projects) ListIter(ctx context.Context, organization string, opts *ProjectListOptions) iter.Seq2[*Project, error] {
	return listIter(ctx, s.client, projectList(organization, opts), projectDecoder)
}

// projectList is the list of the organization's projects with opts.
func projectList(organization string, opts *ProjectListOptions) listing {
	return newListing(apiPath("organizations", organization, "projects"), opts, checkID(ErrInvalidOrg, "organization", organization))
}

// Read implements Projects.
func (s *projects) Read(ctx context.Context, projectID string) (*Project, error) {
	if err := checkID(ErrInvalidProjectID, "projectID", projectID); err != nil {
		return nil, err
	}
	return requestOne(ctx, s.client, get(apiPath("projects", projectID), nil), projectDecoder)
}

// Create implements Projects.
func (s *projects) Create(ctx context.Context, organization string, opts ProjectCreateOptions) (*Project, error) {
	if err := firstError(checkID(ErrInvalidOrg, "organization", organization), opts.validate()); err != nil {
		return nil, err
	}
	doc := newDocument("projects", opts)
	return requestOne(ctx, s.client, post(apiPath("organizations", organization, "projects"), doc), projectDecoder)
}

// Update implements Projects.
func (s *projects) Update(ctx context.Context, projectID string, opts ProjectUpdateOptions) (*Project, error) {
	if err := firstError(checkID(ErrInvalidProjectID, "projectID", projectID), opts.validate()); err != nil {
		return nil, err
	}
	doc := newDocument("projects", opts)
	return requestOne(ctx, s.client, patch(apiPath("projects", projectID), doc), projectDecoder)
}

// Delete implements Projects.
func (s *projects) Delete(ctx context.Context, projectID string) error {
	if err := checkID(ErrInvalidProjectID, "projectID", projectID); err != nil {
		return err
	}
	return s.client.requestNoContent(ctx, del(apiPath("projects", projectID), nil))
}

// projectRelationships are the relationships of a projects resource.
type projectRelationships struct {
	Organization     toOne `json:"organization"`
	DefaultAgentPool toOne `json:"default-agent-pool"`
}

// projectKind reads projects resources.
var projectKind = &kind[Project, projectRelationships, Project]{
	typ: "projects",
	model: func(res *resource[Project, projectRelationships], _ *included) *Project {
		p := &res.Attributes
		p.ID = res.ID
		p.DefaultAgentPoolID = res.Relationships.DefaultAgentPool.id()
		p.Organization = idOnly(res.Relationships.Organization, organizationStub)
		return p
	},
}

// projectDecoder decodes projects.
var projectDecoder = newDecoder(projectKind)

// projectStub is a Project known by its ID only.
func projectStub(id string) *Project { return &Project{ID: id} }
