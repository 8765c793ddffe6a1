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

// decodeWorkspace builds a Workspace from a workspaces resource.
func decodeWorkspace(res *resource, inc included) (*Workspace, error) {
	ws := &Workspace{ID: res.ID}
	if err := res.decodeAttributes(ws); err != nil {
		return nil, err
	}
	if ref := res.relation("agent-pool"); ref != nil {
		ws.AgentPoolID = ref.ID
	}
	if ref := res.relation("project"); ref != nil {
		ws.Project = decodeIncludedOne(*ref, inc, decodeProject, projectStub)
	}
	if ref := res.relation("organization"); ref != nil {
		ws.Organization = &Organization{Name: ref.ID}
	}
	return ws, nil
}

// decodeProject builds a Project from a projects resource.
func decodeProject(res *resource, _ included) (*Project, error) {
	p := &Project{ID: res.ID}
	if err := res.decodeAttributes(p); err != nil {
		return nil, err
	}
	return p, nil
}

// workspaceStub is a Workspace known by its ID only.
func workspaceStub(id string) *Workspace { return &Workspace{ID: id} }

// projectStub is a Project known by its ID only.
func projectStub(id string) *Project { return &Project{ID: id} }
