package tfe

import (
	"fmt"
	"strings"
)

// Local validation errors of the workspace options and arguments.
var (
	// ErrInvalidWorkspaceName is a malformed workspace name: one that
	// cannot be a path segment (Workspaces.Read), or a new name that is
	// not letters, numbers, - and _.
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#create-a-workspace
	ErrInvalidWorkspaceName = newSentinel("invalid workspace name", ErrInvalidID)
	// ErrInvalidTagName is an empty tag name, or one holding a comma where
	// the tags travel as a comma-separated list.
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#list-workspaces
	ErrInvalidTagName = newSentinel("invalid tag name", ErrValidation)
)

// WorkspaceIncludeOpt is a related resource a workspace list includes.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#available-related-resources
type WorkspaceIncludeOpt string

// The related resources a workspace list includes.
const (
	// WorkspaceIncludeProject fills Workspace.Project with the project's
	// name and settings, not only its ID.
	WorkspaceIncludeProject WorkspaceIncludeOpt = "project"
)

// WorkspaceListOptions narrows and pages Workspaces.List. Filters left
// zero are not sent; those given all apply.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#list-workspaces
type WorkspaceListOptions struct {
	ListOptions
	// Search keeps the workspaces whose name contains it, ignoring case
	// (search[name]). Workspaces.Read finds one by its exact name.
	Search string `query:"search[name]"`
	// WildcardName keeps the workspaces whose name matches it, * standing
	// for any run of characters: "prod-*", "*-app", "*db*"
	// (search[wildcard-name]).
	WildcardName string `query:"search[wildcard-name]"`
	// Tags keeps the workspaces that have every one of these tag names
	// (search[tags]).
	Tags []string `query:"search[tags]"`
	// ExcludeTags drops the workspaces that have any of these tag names
	// (search[exclude-tags]).
	ExcludeTags []string `query:"search[exclude-tags]"`
	// ProjectID keeps the workspaces of one project (filter[project][id]).
	ProjectID string `query:"filter[project][id]"`
	// Include names related resources to return with the workspaces.
	Include []WorkspaceIncludeOpt `query:"include"`
}

// validate checks the list options before any request.
func (o WorkspaceListOptions) validate() error {
	const options = "WorkspaceListOptions"
	errs := []error{o.ListOptions.validate(), checkTagNames(options+".Tags", o.Tags), checkTagNames(options+".ExcludeTags", o.ExcludeTags)}
	if o.ProjectID != "" {
		errs = append(errs, checkID(ErrInvalidProjectID, options+".ProjectID", o.ProjectID))
	}
	for i, inc := range o.Include {
		if inc != WorkspaceIncludeProject {
			errs = append(errs, invalid(ErrValidation, fieldIndex(options+".Include", i), quoteShort(string(inc))+" is not one of: project"))
		}
	}
	return firstError(errs...)
}

// checkTagNames refuses an empty tag name, and one with a comma, which
// would split in a comma-separated list.
func checkTagNames(field string, names []string) error {
	for i, n := range names {
		switch {
		case strings.TrimSpace(n) == "":
			return invalid(ErrInvalidTagName, fieldIndex(field, i), mustNotBeEmpty)
		case strings.Contains(n, ","):
			return invalid(ErrInvalidTagName, fieldIndex(field, i), "must not contain a comma")
		}
	}
	return nil
}

// WorkspaceCreateOptions creates a workspace. Name is required; the
// others are optional, and left nil take the service's defaults: the
// organization's default project, its (or the project's) default
// execution mode, the latest Terraform version, no auto-apply.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#create-a-workspace
type WorkspaceCreateOptions struct {
	// Name is the workspace's name: letters, numbers, - and _, unique in
	// the organization (required).
	Name string `json:"name"`
	// Description describes the workspace.
	Description *string `json:"description,omitempty"`
	// ExecutionMode is where runs execute. ExecutionModeAgent needs
	// AgentPoolID.
	ExecutionMode *ExecutionMode `json:"execution-mode,omitempty"`
	// AgentPoolID is the agent pool of a workspace in agent mode (apool-…);
	// refused with any other mode, and without a mode.
	AgentPoolID *string `json:"agent-pool-id,omitempty"`
	// TerraformVersion is the Terraform version or constraint (such as
	// "~> 1.9.0") runs use.
	TerraformVersion *string `json:"terraform-version,omitempty"`
	// AutoApply applies successful plans without confirmation.
	AutoApply *bool `json:"auto-apply,omitempty"`
	// ProjectID is the project to create the workspace in (prj-…); nil
	// means the organization's default project. It travels as the project
	// relationship.
	ProjectID *string `json:"-"`
	// WorkingDirectory is the directory Terraform runs in, relative to
	// the configuration's root.
	WorkingDirectory *string `json:"working-directory,omitempty"`
	// TagNames are single-value tags to give the workspace.
	TagNames []string `json:"tag-names,omitempty"`
}

// validate checks the create options before any request.
func (o WorkspaceCreateOptions) validate() error {
	const options = "WorkspaceCreateOptions"
	if err := checkNewName(options+".Name", o.Name); err != nil {
		return err
	}
	return firstError(
		checkWorkspaceName(options+".Name", o.Name),
		checkWorkspaceExecution(options, o.ExecutionMode, nullableOf(o.AgentPoolID), true),
		checkOptionalID(ErrInvalidProjectID, options+".ProjectID", o.ProjectID),
		checkTagNames(options+".TagNames", o.TagNames),
	)
}

// WorkspaceUpdateOptions changes a workspace's settings: nil (or an unset
// Nullable) leaves one as it is. At least one field must be set.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#update-a-workspace
type WorkspaceUpdateOptions struct {
	// Name renames the workspace: letters, numbers, - and _.
	Name *string `json:"name,omitempty"`
	// Description replaces the description.
	Description *string `json:"description,omitempty"`
	// ExecutionMode changes where runs execute. Switching to agent needs
	// AgentPoolID unless the workspace already has a pool.
	ExecutionMode *ExecutionMode `json:"execution-mode,omitempty"`
	// AgentPoolID left unset keeps the pool, Null clears it, a value
	// (apool-…) sets it; a value only goes with agent mode (given here, or
	// left as it is).
	AgentPoolID Nullable[string] `json:"agent-pool-id,omitzero"`
	// TerraformVersion changes the Terraform version or constraint.
	TerraformVersion *string `json:"terraform-version,omitempty"`
	// AutoApply changes whether successful plans apply without
	// confirmation.
	AutoApply *bool `json:"auto-apply,omitempty"`
	// ProjectID moves the workspace to another project of the
	// organization (prj-…). It travels as the project relationship.
	ProjectID *string `json:"-"`
	// WorkingDirectory changes the directory Terraform runs in; "" is the
	// configuration's root.
	WorkingDirectory *string `json:"working-directory,omitempty"`
}

// validate checks the update options before any request.
func (o WorkspaceUpdateOptions) validate() error {
	const options = "WorkspaceUpdateOptions"
	if o == (WorkspaceUpdateOptions{}) {
		return nothingToUpdate(options)
	}
	var errs []error
	if o.Name != nil {
		errs = append(errs, checkWorkspaceName(options+".Name", *o.Name))
	}
	return firstError(append(errs,
		checkWorkspaceExecution(options, o.ExecutionMode, o.AgentPoolID, false),
		checkOptionalID(ErrInvalidProjectID, options+".ProjectID", o.ProjectID),
	)...)
}

// checkWorkspaceExecution checks the ExecutionMode and AgentPoolID fields
// of the workspace options named options, of a create (creating) or an
// update (executionSettings.check).
func checkWorkspaceExecution(options string, mode *ExecutionMode, pool Nullable[string], creating bool) error {
	return executionSettings{
		mode: mode, pool: pool, creating: creating,
		modeField: options + ".ExecutionMode", poolField: options + ".AgentPoolID",
	}.check()
}

// checkWorkspaceName refuses a name the service would refuse: workspace
// names are letters, numbers, - and _ (and so always a safe path segment).
func checkWorkspaceName(field, name string) error {
	if name == "" {
		return invalid(ErrInvalidWorkspaceName, field, mustNotBeEmpty)
	}
	for _, r := range name {
		if !(r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return invalid(ErrInvalidWorkspaceName, field, fmt.Sprintf("must be letters, numbers, - and _, not %q", r))
		}
	}
	return nil
}

// workspaceLinks are the relationships a workspace create or update
// sends.
type workspaceLinks struct {
	Project *toOne `json:"project,omitempty"`
}

// workspaceLinksOf returns the relationships of a create or update that
// puts the workspace in project projectID ("" leaves it out).
func workspaceLinksOf(projectID string) workspaceLinks {
	if projectID == "" {
		return workspaceLinks{}
	}
	return workspaceLinks{Project: oneRef("projects", projectID)}
}
