package tfe

// OrganizationSettingsOptions are the optional settings of an
// organization that a create or an update may set: nil (or an unset
// Nullable) leaves a setting as it is, or at the service's default on a
// create. OrganizationCreateOptions and OrganizationUpdateOptions embed
// them. The execution mode and agent pool follow the rules of
// OrganizationDefaultSettingsUpdateOptions; a create in agent mode needs
// a pool.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#update-an-organization
type OrganizationSettingsOptions struct {
	// SessionTimeout is the minutes of inactivity before a session
	// expires.
	SessionTimeout *int `json:"session-timeout,omitempty"`
	// SessionRemember is the minutes a session lasts at most.
	SessionRemember *int `json:"session-remember,omitempty"`
	// CollaboratorAuthPolicy is "password" or "two_factor_mandatory".
	CollaboratorAuthPolicy *string `json:"collaborator-auth-policy,omitempty"`
	// CostEstimationEnabled turns cost estimation on or off.
	CostEstimationEnabled *bool `json:"cost-estimation-enabled,omitempty"`
	// SendPassingStatusesForUntriggeredSpeculativePlans makes workspaces a
	// change does not concern report a passing VCS status.
	SendPassingStatusesForUntriggeredSpeculativePlans *bool `json:"send-passing-statuses-for-untriggered-speculative-plans,omitempty"`
	// AggregatedCommitStatusEnabled aggregates the VCS statuses of a
	// commit's workspaces into one.
	AggregatedCommitStatusEnabled *bool `json:"aggregated-commit-status-enabled,omitempty"`
	// SpeculativePlanManagementEnabled cancels outdated plan-only runs.
	SpeculativePlanManagementEnabled *bool `json:"speculative-plan-management-enabled,omitempty"`
	// OwnersTeamSAMLRoleID is the SAML role mapped to the owners team;
	// Null clears it.
	OwnersTeamSAMLRoleID Nullable[string] `json:"owners-team-saml-role-id,omitzero"`
	// AssessmentsEnforced runs health assessments on every eligible
	// workspace.
	AssessmentsEnforced *bool `json:"assessments-enforced,omitempty"`
	// AllowForceDeleteWorkspaces lets workspace admins delete workspaces
	// that still manage resources.
	AllowForceDeleteWorkspaces *bool `json:"allow-force-delete-workspaces,omitempty"`
	// EnforceHYOK creates new workspaces with Hold Your Own Key (HCP
	// Terraform only).
	EnforceHYOK *bool `json:"enforce-hyok,omitempty"`
	// StacksEnabled lets the organization use Terraform Stacks (HCP
	// Terraform; beta).
	StacksEnabled *bool `json:"stacks-enabled,omitempty"`
	// UserTokensEnabled lets user tokens access the organization's
	// resources; false leaves only team and organization tokens.
	UserTokensEnabled *bool `json:"user-tokens-enabled,omitempty"`
	// RegistryMonorepoSupportEnabled lets the private registry publish
	// modules from a subdirectory of a repository.
	RegistryMonorepoSupportEnabled *bool `json:"registry-monorepo-support-enabled,omitempty"`
	// MaxTTLEnabled enforces the token TTL policies (TokenTTLPolicies).
	// The attribute is not on the API docs page; the service accepts it.
	MaxTTLEnabled *bool `json:"max-ttl-enabled,omitempty"`
	// DefaultExecutionMode is the execution mode of new workspaces.
	DefaultExecutionMode *ExecutionMode `json:"default-execution-mode,omitempty"`
	// DefaultAgentPoolID is the agent pool of new workspaces in agent
	// mode: unset keeps it, Null clears it, a value (apool-…) sets it. It
	// travels as the default-agent-pool relationship.
	DefaultAgentPoolID Nullable[string] `json:"-"`
}

// OrganizationUpdateOptions changes an organization's attributes: nil (or
// an unset Nullable) leaves one as it is. At least one field must be set.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#update-an-organization
type OrganizationUpdateOptions struct {
	// Name renames the organization.
	Name *string `json:"name,omitempty"`
	// Email is the admin email address (a bare address).
	Email *string `json:"email,omitempty"`
	OrganizationSettingsOptions
}

// OrganizationCreateOptions creates an organization: Name and Email are
// required, the settings optional. Execution mode agent needs an agent
// pool.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#create-an-organization
type OrganizationCreateOptions struct {
	// Name is the organization's name (required).
	Name string `json:"name"`
	// Email is the admin email address (required, a bare address).
	Email string `json:"email"`
	OrganizationSettingsOptions
}

// validate checks the create options before any request.
func (o OrganizationCreateOptions) validate() error {
	const options = "OrganizationCreateOptions"
	switch {
	case o.Name == "":
		return invalid(ErrRequiredName, options+".Name", mustNotBeEmpty)
	case o.Email == "":
		return invalid(ErrRequiredEmail, options+".Email", mustNotBeEmpty)
	}
	return firstError(
		checkID(ErrInvalidOrg, options+".Name", o.Name),
		checkEmail(options+".Email", o.Email),
		o.OrganizationSettingsOptions.check(options, true),
	)
}

// validate checks the update options before any request.
func (o OrganizationUpdateOptions) validate() error {
	const options = "OrganizationUpdateOptions"
	if o == (OrganizationUpdateOptions{}) {
		return nothingToUpdate(options)
	}
	var errs []error
	if o.Name != nil {
		errs = append(errs, checkID(ErrInvalidOrg, options+".Name", *o.Name))
	}
	if o.Email != nil {
		errs = append(errs, checkEmail(options+".Email", *o.Email))
	}
	return firstError(append(errs, o.OrganizationSettingsOptions.check(options, false))...)
}

// check validates the settings of a create (creating) or an update;
// options names the options type for errors.
func (o OrganizationSettingsOptions) check(options string, creating bool) error {
	return executionSettings{
		mode: o.DefaultExecutionMode, pool: o.DefaultAgentPoolID, creating: creating,
		modeField: options + ".DefaultExecutionMode", poolField: options + ".DefaultAgentPoolID",
	}.check()
}

// organizationLinks are the relationships a create or update sends.
type organizationLinks struct {
	DefaultAgentPool *toOne `json:"default-agent-pool,omitempty"`
}

// links returns the relationships of the settings: the default agent
// pool, or {"data": null} to clear it.
func (o OrganizationSettingsOptions) links() organizationLinks {
	if !o.DefaultAgentPoolID.IsSet() {
		return organizationLinks{}
	}
	id, _ := o.DefaultAgentPoolID.Get()
	return organizationLinks{DefaultAgentPool: oneRef("agent-pools", id)}
}
