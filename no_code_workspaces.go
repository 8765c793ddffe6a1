package tfe

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/google/jsonapi"
)

// ErrRequiredProjectID is a workspace create without the project to create
// it in. It matches ErrValidation with errors.Is.
var ErrRequiredProjectID = newSentinel("project ID is required", ErrValidation)

// NoCodeWorkspaceCreateOptions creates a workspace from a no-code module.
type NoCodeWorkspaceCreateOptions struct {
	// Name is the workspace's name: letters, numbers, - and _, unique in
	// the organization (required).
	Name string
	// ProjectID is the project to create the workspace in (required).
	ProjectID string
	// Description describes the workspace.
	Description *string
	// TerraformVersion is the Terraform version or constraint (such as
	// "~> 1.7.0"); the service defaults to the latest release.
	TerraformVersion *string
	// ExecutionMode is where runs execute; the service defaults to
	// remote. ExecutionModeAgent needs AgentPoolID.
	ExecutionMode *ExecutionMode
	// AgentPoolID is the agent pool of a workspace in agent mode; refused
	// with the remote and local modes, and without a mode (the service
	// would default to remote).
	AgentPoolID *string
	// AutoApply applies successful plans without confirmation.
	AutoApply *bool
	// SourceName names the application creating the workspace, shown as
	// "Created via <SourceName>".
	SourceName *string
	// SourceURL links to the application creating the workspace.
	SourceURL *string
	// Variables are set on the workspace before its first run.
	Variables []NoCodeWorkspaceVariable
}

// NoCodeWorkspaceVariable is a variable set on a no-code workspace when it
// is created or upgraded.
type NoCodeWorkspaceVariable struct {
	// Key is the variable's name (required).
	Key string
	// Value is the variable's value. A sensitive value is sent once and
	// never logged.
	Value string
	// Description describes the variable.
	Description string
	// Category is CategoryTerraform or CategoryEnv (required).
	Category CategoryType
	// HCL evaluates Value as HCL (Terraform variables only).
	HCL bool
	// Sensitive makes the value write-only.
	Sensitive bool
}

// NoCodeWorkspaceUpgradeOptions changes a workspace while upgrading it.
type NoCodeWorkspaceUpgradeOptions struct {
	// Variables are set on the workspace for the upgrade; others keep
	// their values.
	Variables []NoCodeWorkspaceVariable
}

// validate checks the options.
func (o NoCodeWorkspaceCreateOptions) validate() error {
	if strings.TrimSpace(o.Name) == "" {
		return invalid(ErrRequiredName, "NoCodeWorkspaceCreateOptions.Name", mustNotBeEmpty)
	}
	if o.ProjectID == "" {
		return invalid(ErrRequiredProjectID, "NoCodeWorkspaceCreateOptions.ProjectID", mustNotBeEmpty)
	}
	return firstError(
		checkID(ErrInvalidProjectID, "NoCodeWorkspaceCreateOptions.ProjectID", o.ProjectID),
		checkExecutionMode(o.ExecutionMode, o.agentPool()),
		checkWorkspaceVariables("NoCodeWorkspaceCreateOptions.Variables", o.Variables),
	)
}

// checkExecutionMode checks the execution mode and its agent pool: agent
// mode needs a pool, the other modes refuse one. No mode means remote, the
// service's default.
func checkExecutionMode(mode *ExecutionMode, pool string) error {
	const modeField, poolField = "NoCodeWorkspaceCreateOptions.ExecutionMode", "NoCodeWorkspaceCreateOptions.AgentPoolID"
	effective := ExecutionModeRemote
	if mode != nil {
		effective = *mode
	}
	if err := checkExecutionModeKnown(modeField, effective); err != nil {
		return err
	}
	switch {
	case effective == ExecutionModeAgent && pool == "":
		return invalid(ErrRequiredAgentPoolID, poolField, "must be set with execution mode agent")
	case effective != ExecutionModeAgent && pool != "":
		return invalid(ErrAgentPoolNotAllowed, poolField, fmt.Sprintf("must not be set with execution mode %s (set ExecutionMode to agent)", effective))
	case pool != "":
		return checkID(ErrInvalidAgentPoolID, poolField, pool)
	}
	return nil
}

// checkWorkspaceVariables checks each variable's key and category.
func checkWorkspaceVariables(field string, vars []NoCodeWorkspaceVariable) error {
	for i, v := range vars {
		at := fmt.Sprintf("%s[%d]", field, i)
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
	// "no-code-module-workspace" some clients send).
	n := newNode("workspaces")
	n.Attributes["name"] = opts.Name
	setAttr(n.Attributes, "description", opts.Description)
	setAttr(n.Attributes, "terraform-version", opts.TerraformVersion)
	setAttr(n.Attributes, "execution-mode", opts.ExecutionMode)
	if pool := opts.agentPool(); pool != "" {
		n.Attributes["agent-pool-id"] = pool
	}
	// The documented spelling is auto_apply, with an underscore, unlike
	// the auto-apply of the workspaces API.
	setAttr(n.Attributes, "auto_apply", opts.AutoApply)
	setAttr(n.Attributes, "source-name", opts.SourceName)
	setAttr(n.Attributes, "source-url", opts.SourceURL)
	// The docs give the type as "project"; the service accepts that and
	// "projects", the JSON:API type of projects everywhere else, which we
	// send.
	relateOne(n, "project", "projects", opts.ProjectID)
	relateWorkspaceVariables(n, opts.Variables)
	path := apiPath("no-code-modules", noCodeModuleID, "workspaces")
	return requestOne(ctx, s.client, http.MethodPost, path, nil, onePayload(n), decodeWorkspace)
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
	n := newNode("workspaces")
	relateWorkspaceVariables(n, vars)
	path := apiPath("no-code-modules", noCodeModuleID, "workspaces", workspaceID, "upgrade")
	return requestOne(ctx, s.client, http.MethodPost, path, nil, onePayload(n), decodeWorkspaceUpgrade)
}

// relateWorkspaceVariables adds the vars relationship of a workspace
// create or upgrade: each variable inline, as "vars" resources with
// attributes. Nothing is added when there are no variables.
func relateWorkspaceVariables(n *jsonapi.Node, vars []NoCodeWorkspaceVariable) {
	if len(vars) == 0 {
		return
	}
	nodes := make([]*jsonapi.Node, len(vars))
	for i, v := range vars {
		attrs := map[string]any{
			"key":       v.Key,
			"value":     v.Value,
			"category":  string(v.Category),
			"hcl":       v.HCL,
			"sensitive": v.Sensitive,
		}
		if v.Description != "" {
			attrs["description"] = v.Description
		}
		nodes[i] = &jsonapi.Node{Type: "vars", Attributes: attrs}
	}
	relateMany(n, "vars", nodes)
}

// agentPool returns the agent pool ID, "" when none is given.
func (o NoCodeWorkspaceCreateOptions) agentPool() string {
	if o.AgentPoolID == nil {
		return ""
	}
	return *o.AgentPoolID
}
