package tfe

import "context"

// ErrRequiredProjectID is a workspace create without the project to create
// it in. It matches ErrValidation with errors.Is.
var ErrRequiredProjectID = newSentinel("project ID is required", ErrValidation)

// NoCodeWorkspaceCreateOptions creates a workspace from a no-code module.
type NoCodeWorkspaceCreateOptions struct {
	// Name is the workspace's name: letters, numbers, - and _, unique in
	// the organization (required).
	Name string `json:"name"`
	// ProjectID is the project to create the workspace in (required).
	ProjectID string `json:"-"`
	// Description describes the workspace.
	Description *string `json:"description,omitempty"`
	// TerraformVersion is the Terraform version or constraint (such as
	// "~> 1.7.0"); the service defaults to the latest release.
	TerraformVersion *string `json:"terraform-version,omitempty"`
	// ExecutionMode is where runs execute; the service defaults to
	// remote. ExecutionModeAgent needs AgentPoolID.
	ExecutionMode *ExecutionMode `json:"execution-mode,omitempty"`
	// AgentPoolID is the agent pool of a workspace in agent mode; refused
	// with the remote and local modes, and without a mode (the service
	// would default to remote).
	AgentPoolID *string `json:"agent-pool-id,omitempty"`
	// AutoApply applies successful plans without confirmation. The
	// documented spelling is auto_apply, with an underscore, unlike the
	// auto-apply of the workspaces API.
	AutoApply *bool `json:"auto_apply,omitempty"`
	// SourceName names the application creating the workspace, shown as
	// "Created via <SourceName>".
	SourceName *string `json:"source-name,omitempty"`
	// SourceURL links to the application creating the workspace.
	SourceURL *string `json:"source-url,omitempty"`
	// Variables are set on the workspace before its first run.
	Variables []NoCodeWorkspaceVariable `json:"-"`
}

// NoCodeWorkspaceVariable is a variable set on a no-code workspace when it
// is created or upgraded.
type NoCodeWorkspaceVariable struct {
	// Key is the variable's name (required).
	Key string `json:"key"`
	// Value is the variable's value. A sensitive value is sent once and
	// never logged.
	Value string `json:"value"`
	// Description describes the variable.
	Description string `json:"description,omitempty"`
	// Category is CategoryTerraform or CategoryEnv (required).
	Category CategoryType `json:"category"`
	// HCL evaluates Value as HCL (Terraform variables only).
	HCL bool `json:"hcl"`
	// Sensitive makes the value write-only.
	Sensitive bool `json:"sensitive"`
}

// NoCodeWorkspaceUpgradeOptions changes a workspace while upgrading it.
type NoCodeWorkspaceUpgradeOptions struct {
	// Variables are set on the workspace for the upgrade; others keep
	// their values.
	Variables []NoCodeWorkspaceVariable
}

// validate checks the options.
func (o NoCodeWorkspaceCreateOptions) validate() error {
	const options = "NoCodeWorkspaceCreateOptions"
	if err := checkNewName(options+".Name", o.Name); err != nil {
		return err
	}
	if o.ProjectID == "" {
		return invalid(ErrRequiredProjectID, options+".ProjectID", mustNotBeEmpty)
	}
	return firstError(
		checkID(ErrInvalidProjectID, options+".ProjectID", o.ProjectID),
		checkWorkspaceExecution(options, o.ExecutionMode, nullableOf(o.AgentPoolID), true),
		checkWorkspaceVariables(options+".Variables", o.Variables),
	)
}

// checkWorkspaceVariables checks each variable's key and category.
func checkWorkspaceVariables(field string, vars []NoCodeWorkspaceVariable) error {
	for i, v := range vars {
		at := fieldIndex(field, i)
		switch {
		case v.Key == "":
			return invalid(ErrRequiredKey, at+".Key", mustNotBeEmpty)
		case v.Category == "":
			return invalid(ErrRequiredCategory, at+".Category", "must be terraform or env")
		case v.Category != CategoryTerraform && v.Category != CategoryEnv:
			return invalid(ErrInvalidCategory, at+".Category", "must be terraform or env")
		}
	}
	return nil
}

// CreateWorkspace creates a workspace from a no-code module.
func (s *noCodeModules) CreateWorkspace(ctx context.Context, noCodeModuleID string, opts NoCodeWorkspaceCreateOptions) (*Workspace, error) {
	if err := firstError(checkID(ErrInvalidNoCodeModuleID, "noCodeModuleID", noCodeModuleID), opts.validate()); err != nil {
		return nil, err
	}
	// The documented type of this document is "workspaces" (not the
	// "no-code-module-workspace" some clients send). The docs give the
	// project's type as "project"; the service accepts that and
	// "projects", the JSON:API type of projects everywhere else, which we
	// send.
	doc := newDocumentWith("workspaces", opts, noCodeWorkspaceLinks{
		Project: oneRef("projects", opts.ProjectID),
		Vars:    inlineWorkspaceVariables(opts.Variables),
	})
	cl := post(apiPath("no-code-modules", noCodeModuleID, "workspaces"), doc).hiding(sensitiveWorkspaceValues(opts.Variables)...)
	return requestOne(ctx, s.client, cl, workspaceDecoder)
}

// UpgradeWorkspace starts a plan that moves a workspace to the module's
// current settings.
func (s *noCodeModules) UpgradeWorkspace(ctx context.Context, noCodeModuleID, workspaceID string, opts *NoCodeWorkspaceUpgradeOptions) (*WorkspaceUpgrade, error) {
	var vars []NoCodeWorkspaceVariable
	if opts != nil {
		vars = opts.Variables
	}
	err := firstError(
		checkID(ErrInvalidNoCodeModuleID, "noCodeModuleID", noCodeModuleID),
		checkID(ErrInvalidWorkspaceID, "workspaceID", workspaceID),
		checkWorkspaceVariables("NoCodeWorkspaceUpgradeOptions.Variables", vars),
	)
	if err != nil {
		return nil, err
	}
	doc := newDocumentWith("workspaces", noAttributes{}, noCodeWorkspaceLinks{Vars: inlineWorkspaceVariables(vars)})
	path := apiPath("no-code-modules", noCodeModuleID, "workspaces", workspaceID, "upgrade")
	return requestOne(ctx, s.client, post(path, doc).hiding(sensitiveWorkspaceValues(vars)...), workspaceUpgradeDecoder)
}

// noCodeWorkspaceLinks are the relationships of a no-code workspace
// create or upgrade.
type noCodeWorkspaceLinks struct {
	Project *toOne                               `json:"project,omitempty"`
	Vars    *inlineMany[NoCodeWorkspaceVariable] `json:"vars,omitempty"`
}

// inlineWorkspaceVariables returns the vars relationship of a workspace
// create or upgrade: each variable inline, as a "vars" resource with
// attributes; nil when there are none.
func inlineWorkspaceVariables(vars []NoCodeWorkspaceVariable) *inlineMany[NoCodeWorkspaceVariable] {
	if len(vars) == 0 {
		return nil
	}
	return inline("vars", vars, nil)
}

// sensitiveWorkspaceValues are the values of the sensitive variables.
func sensitiveWorkspaceValues(vars []NoCodeWorkspaceVariable) []string {
	var values []string
	for _, v := range vars {
		if v.Sensitive {
			values = append(values, v.Value)
		}
	}
	return values
}
