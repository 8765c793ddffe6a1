package tfe

import (
	"context"
	"fmt"
	"iter"
	"time"
)

// ExecutionMode is where a workspace's runs execute.
type ExecutionMode string

// The execution modes.
const (
	// ExecutionModeRemote runs on HCP Terraform's or Terraform Enterprise's
	// own workers.
	ExecutionModeRemote ExecutionMode = "remote"
	// ExecutionModeLocal runs on the user's machine; the service only keeps
	// state.
	ExecutionModeLocal ExecutionMode = "local"
	// ExecutionModeAgent runs on the organization's self-hosted agents, in
	// an agent pool.
	ExecutionModeAgent ExecutionMode = "agent"
)

// valid reports whether m is one of the known modes.
func (m ExecutionMode) valid() bool {
	return m == ExecutionModeRemote || m == ExecutionModeLocal || m == ExecutionModeAgent
}

// checkExecutionModeKnown refuses a mode other than the known ones; field
// names the option in the error.
func checkExecutionModeKnown(field string, m ExecutionMode) error {
	if m.valid() {
		return nil
	}
	return invalid(ErrValidation, field, fmt.Sprintf("%q is not one of remote, local, agent", cutString(string(m), 32)))
}

// executionSettings are an execution mode and an agent pool as a create
// or update sets them, with the names of the options' fields for errors.
type executionSettings struct {
	mode      *ExecutionMode
	pool      Nullable[string]
	modeField string
	poolField string
	// creating is true for a create, where no mode means the service's
	// default (remote); on an update it keeps the current mode, and no
	// pool keeps the current pool.
	creating bool
}

// check is the one rule every create and update that sets an execution
// mode or an agent pool follows: the mode is a known one; only agent mode
// takes a pool (ErrAgentPoolNotAllowed); agent mode needs one
// (ErrRequiredAgentPoolID): given on a create, and not cleared with Null
// on an update; a pool is a well-formed ID.
func (e executionSettings) check() error {
	if e.mode != nil {
		if err := checkExecutionModeKnown(e.modeField, *e.mode); err != nil {
			return err
		}
	}
	mode := deref(e.mode)
	if mode == "" && e.creating {
		mode = ExecutionModeRemote
	}
	id, hasPool := e.pool.Get()
	if mode == ExecutionModeAgent && hasPool && id == "" {
		return invalid(ErrRequiredAgentPoolID, e.poolField, "must not be empty with execution mode agent")
	}
	if hasPool {
		if err := checkID(ErrInvalidAgentPoolID, e.poolField, id); err != nil {
			return err
		}
	}
	switch {
	case mode == "":
		return nil
	case mode != ExecutionModeAgent && hasPool:
		return invalid(ErrAgentPoolNotAllowed, e.poolField, fmt.Sprintf("execution mode %s takes no agent pool: leave it unset, or set the mode to agent", mode))
	case mode == ExecutionModeAgent && e.pool.IsNull():
		return invalid(ErrRequiredAgentPoolID, e.poolField, "execution mode agent needs a pool: give one, or leave it unset to keep the current one")
	case mode == ExecutionModeAgent && e.creating && !hasPool:
		return invalid(ErrRequiredAgentPoolID, e.poolField, "must be set with execution mode agent")
	}
	return nil
}

// Workspaces manages workspaces: the lookup of a workspace by name, lists
// with search and filters, and create, update and delete. Methods may be
// added in later versions.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces
type Workspaces interface {
	// List returns a page of the organization's workspaces, narrowed by
	// the options' search and filters.
	//
	// GET /organizations/:organization_name/workspaces
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#list-workspaces
	List(ctx context.Context, organization string, opts *WorkspaceListOptions) (*WorkspaceList, error)

	// ListIter yields every workspace List would return, page after page
	// (100 per page unless opts sets a size). opts is copied.
	//
	// GET /organizations/:organization_name/workspaces
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#list-workspaces
	ListIter(ctx context.Context, organization string, opts *WorkspaceListOptions) iter.Seq2[*Workspace, error]

	// Read returns the workspace named workspace in the organization: the
	// lookup that turns a pipeline's "org / name" into a workspace and its
	// ID. Names are unique in an organization, so it matches one or none
	// (ErrResourceNotFound).
	//
	// GET /organizations/:organization_name/workspaces/:name
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#show-workspace
	Read(ctx context.Context, organization, workspace string) (*Workspace, error)

	// ReadByID returns a workspace by its ID (ws-…).
	//
	// GET /workspaces/:workspace_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#show-workspace
	ReadByID(ctx context.Context, workspaceID string) (*Workspace, error)

	// Create creates a workspace in the organization: in its default
	// project unless opts names one, with the organization's (or the
	// project's) default execution mode unless opts sets one.
	//
	// POST /organizations/:organization_name/workspaces
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#create-a-workspace
	Create(ctx context.Context, organization string, opts WorkspaceCreateOptions) (*Workspace, error)

	// Update changes the settings opts sets and leaves the others.
	//
	// PATCH /workspaces/:workspace_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#update-a-workspace
	Update(ctx context.Context, workspaceID string, opts WorkspaceUpdateOptions) (*Workspace, error)

	// Delete deletes a workspace, whatever it still manages: the
	// infrastructure stays, and its state goes with the workspace.
	//
	// DELETE /workspaces/:workspace_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#force-delete-a-workspace
	Delete(ctx context.Context, workspaceID string) error

	// SafeDelete deletes a workspace only when it manages no resources
	// and is not locked; otherwise the service refuses with 409
	// (ErrConflict).
	//
	// POST /workspaces/:workspace_id/actions/safe-delete
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#safe-delete-a-workspace
	SafeDelete(ctx context.Context, workspaceID string) error
}

// workspaces implements Workspaces.
type workspaces struct {
	client *Client
}

var _ Workspaces = (*workspaces)(nil)

// Workspace is a workspace: its settings, where its runs execute, and the
// project and organization it belongs to. Services that only refer to a
// workspace (a variable's, a variable set's) fill what their answer holds,
// often the ID alone.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#show-workspace
type Workspace struct {
	// ID is the workspace ID (ws-…).
	ID string `json:"-"`
	// Name is the workspace name, unique in its organization.
	Name string `json:"name"`
	// Description is the workspace's description.
	Description string `json:"description"`
	// ExecutionMode is where the workspace's runs execute.
	ExecutionMode ExecutionMode `json:"execution-mode"`
	// TerraformVersion is the Terraform version or constraint runs use.
	TerraformVersion string `json:"terraform-version"`
	// AutoApply reports whether successful plans apply without
	// confirmation.
	AutoApply bool `json:"auto-apply"`
	// WorkingDirectory is the directory Terraform runs in, relative to
	// the configuration's root; empty for the root.
	WorkingDirectory string `json:"working-directory"`
	// TagNames are the workspace's single-value tags.
	TagNames []string `json:"tag-names"`
	// Locked reports whether the workspace is locked (no runs start).
	Locked bool `json:"locked"`
	// ResourceCount is the number of resources in the current state.
	ResourceCount int `json:"resource-count"`
	// CreatedAt is when the workspace was created.
	CreatedAt time.Time `json:"created-at"`
	// UpdatedAt is when the workspace last changed.
	UpdatedAt time.Time `json:"updated-at"`
	// Permissions are what the token may do in the workspace; all false
	// when the answer does not say.
	Permissions WorkspacePermissions `json:"permissions"`
	// AgentPoolID is the agent pool of a workspace in agent mode.
	AgentPoolID string `json:"-"`
	// Project is the project the workspace belongs to: its ID, and its
	// other fields when the answer included it (WorkspaceIncludeProject).
	Project *Project `json:"-"`
	// Organization is the workspace's organization (Name only).
	Organization *Organization `json:"-"`
	// SourceName names the application that created the workspace.
	SourceName string `json:"source-name"`
	// SourceURL links to the application that created the workspace.
	SourceURL string `json:"source-url"`
	// SourceModuleID is the registry module version a no-code workspace
	// was created from, such as "private/my-org/lambda/aws/1.0.9".
	SourceModuleID string `json:"source-module-id"`
	// NoCodeUpgradeAvailable reports whether the workspace's no-code
	// module has newer settings to upgrade to
	// (NoCodeModules.UpgradeWorkspace).
	NoCodeUpgradeAvailable bool `json:"no-code-upgrade-available"`
}

// WorkspacePermissions are what the token may do in a workspace.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#show-workspace
type WorkspacePermissions struct {
	// CanUpdate allows Workspaces.Update.
	CanUpdate bool `json:"can-update"`
	// CanDestroy allows Workspaces.Delete and SafeDelete.
	CanDestroy bool `json:"can-destroy"`
	// CanQueueRun allows starting plans.
	CanQueueRun bool `json:"can-queue-run"`
	// CanReadVariable allows reading the workspace's variables.
	CanReadVariable bool `json:"can-read-variable"`
	// CanUpdateVariable allows changing the workspace's variables.
	CanUpdateVariable bool `json:"can-update-variable"`
}

// WorkspaceList is a page of workspaces.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#list-workspaces
type WorkspaceList struct {
	*Pagination
	// Items are the workspaces of this page.
	Items []*Workspace
}

// List implements Workspaces.
func (s *workspaces) List(ctx context.Context, organization string, opts *WorkspaceListOptions) (*WorkspaceList, error) {
	items, page, err := listPage(ctx, s.client, workspaceList(organization, opts), workspaceDecoder)
	if err != nil {
		return nil, err
	}
	return &WorkspaceList{Pagination: page, Items: items}, nil
}

// ListIter implements Workspaces.
func (s *workspaces) ListIter(ctx context.Context, organization string, opts *WorkspaceListOptions) iter.Seq2[*Workspace, error] {
	return listIter(ctx, s.client, workspaceList(organization, opts), workspaceDecoder)
}

// workspaceList is the list of the organization's workspaces with opts.
func workspaceList(organization string, opts *WorkspaceListOptions) listing {
	return newListing(apiPath("organizations", organization, "workspaces"), opts, checkID(ErrInvalidOrg, "organization", organization))
}

// Read implements Workspaces.
func (s *workspaces) Read(ctx context.Context, organization, workspace string) (*Workspace, error) {
	if err := firstError(checkID(ErrInvalidOrg, "organization", organization), checkID(ErrInvalidWorkspaceName, "workspace", workspace)); err != nil {
		return nil, err
	}
	return requestOne(ctx, s.client, get(apiPath("organizations", organization, "workspaces", workspace), nil), workspaceDecoder)
}

// ReadByID implements Workspaces.
func (s *workspaces) ReadByID(ctx context.Context, workspaceID string) (*Workspace, error) {
	if err := checkID(ErrInvalidWorkspaceID, "workspaceID", workspaceID); err != nil {
		return nil, err
	}
	return requestOne(ctx, s.client, get(apiPath("workspaces", workspaceID), nil), workspaceDecoder)
}

// Create implements Workspaces.
func (s *workspaces) Create(ctx context.Context, organization string, opts WorkspaceCreateOptions) (*Workspace, error) {
	if err := firstError(checkID(ErrInvalidOrg, "organization", organization), opts.validate()); err != nil {
		return nil, err
	}
	doc := newDocumentWith("workspaces", opts, workspaceLinksOf(deref(opts.ProjectID)))
	return requestOne(ctx, s.client, post(apiPath("organizations", organization, "workspaces"), doc), workspaceDecoder)
}

// Update implements Workspaces.
func (s *workspaces) Update(ctx context.Context, workspaceID string, opts WorkspaceUpdateOptions) (*Workspace, error) {
	if err := firstError(checkID(ErrInvalidWorkspaceID, "workspaceID", workspaceID), opts.validate()); err != nil {
		return nil, err
	}
	doc := newDocumentWith("workspaces", opts, workspaceLinksOf(deref(opts.ProjectID)))
	return requestOne(ctx, s.client, patch(apiPath("workspaces", workspaceID), doc), workspaceDecoder)
}

// Delete implements Workspaces.
func (s *workspaces) Delete(ctx context.Context, workspaceID string) error {
	if err := checkID(ErrInvalidWorkspaceID, "workspaceID", workspaceID); err != nil {
		return err
	}
	return s.client.requestNoContent(ctx, del(apiPath("workspaces", workspaceID), nil))
}

// SafeDelete implements Workspaces.
func (s *workspaces) SafeDelete(ctx context.Context, workspaceID string) error {
	if err := checkID(ErrInvalidWorkspaceID, "workspaceID", workspaceID); err != nil {
		return err
	}
	return s.client.requestNoContent(ctx, post(apiPath("workspaces", workspaceID, "actions", "safe-delete"), nil))
}

// workspaceRelationships are the relationships of a workspaces resource.
type workspaceRelationships struct {
	AgentPool    toOne `json:"agent-pool"`
	Project      toOne `json:"project"`
	Organization toOne `json:"organization"`
}

// workspaceKind reads workspaces resources.
var workspaceKind = &kind[Workspace, workspaceRelationships, Workspace]{typ: "workspaces", model: workspaceModel}

// workspaceModel finishes a Workspace: its pool and organization by ID,
// its project from the included resources when the answer has it.
func workspaceModel(res *resource[Workspace, workspaceRelationships], inc *included) *Workspace {
	ws := &res.Attributes
	ws.ID = res.ID
	ws.AgentPoolID = res.Relationships.AgentPool.id()
	ws.Project = resolveOne(inc, res.Relationships.Project, projectStub)
	ws.Organization = idOnly(res.Relationships.Organization, organizationStub)
	return ws
}

// workspaceDecoder decodes workspaces, with their project when the answer
// includes it.
var workspaceDecoder = newDecoder(workspaceKind, projectKind)

// workspaceStub is a Workspace known by its ID only.
func workspaceStub(id string) *Workspace { return &Workspace{ID: id} }
