package tfe

import "fmt"

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

// nullableOf returns p as a Nullable: unset when p is nil.
func nullableOf[T any](p *T) Nullable[T] {
	if p == nil {
		return Nullable[T]{}
	}
	return NullableOf(*p)
}

// Workspace is the part of a workspace that the services of this SDK
// return or refer to.
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
	// AgentPoolID is the agent pool of a workspace in agent mode.
	AgentPoolID string `json:"-"`
	// Project is the project the workspace belongs to.
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

// Project is a group of workspaces.
type Project struct {
	// ID is the project ID (prj-…).
	ID string `json:"-"`
	// Name is the project's name; empty when only the ID was returned.
	Name string `json:"name"`
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
	if name := res.Relationships.Organization.id(); name != "" {
		ws.Organization = &Organization{Name: name}
	}
	return ws
}

// workspaceDecoder decodes workspaces, with their project when the answer
// includes it.
var workspaceDecoder = newDecoder(workspaceKind, projectKind)

// projectKind reads projects resources.
var projectKind = attributesOnly("projects", func(p *Project, id string) { p.ID = id })

// workspaceStub is a Workspace known by its ID only.
func workspaceStub(id string) *Workspace { return &Workspace{ID: id} }

// projectStub is a Project known by its ID only.
func projectStub(id string) *Project { return &Project{ID: id} }
