package tfe

import "github.com/google/jsonapi"

// OrganizationUpdateOptions changes an organization's attributes: nil (or
// an unset Nullable) leaves one as it is. At least one field must be set.
// The execution mode and agent pool follow the rules of
// OrganizationDefaultSettingsUpdateOptions.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#update-an-organization
type OrganizationUpdateOptions struct {
	// Name renames the organization.
	Name *string
	// Email is the admin email address (a bare address).
	Email *string
	// SessionTimeout is the idle session timeout in minutes.
	SessionTimeout *int
	// SessionRemember is the session lifetime in minutes.
	SessionRemember *int
	// CollaboratorAuthPolicy is "password" or "two_factor_mandatory".
	CollaboratorAuthPolicy *string
	// CostEstimationEnabled turns cost estimation on or off.
	CostEstimationEnabled *bool
	// SendPassingStatusesForUntriggeredSpeculativePlans makes workspaces a
	// change does not concern report a passing VCS status.
	SendPassingStatusesForUntriggeredSpeculativePlans *bool
	// AggregatedCommitStatusEnabled aggregates the VCS statuses of a
	// commit's workspaces.
	AggregatedCommitStatusEnabled *bool
	// SpeculativePlanManagementEnabled cancels outdated plan-only runs.
	SpeculativePlanManagementEnabled *bool
	// OwnersTeamSAMLRoleID is the SAML role mapped to the owners team;
	// Null clears it.
	OwnersTeamSAMLRoleID Nullable[string]
	// AssessmentsEnforced runs health assessments on every eligible
	// workspace.
	AssessmentsEnforced *bool
	// AllowForceDeleteWorkspaces lets workspace admins delete workspaces
	// that still manage resources.
	AllowForceDeleteWorkspaces *bool
	// EnforceHYOK creates new workspaces with Hold Your Own Key (HCP
	// Terraform only).
	EnforceHYOK *bool
	// MaxTTLEnabled enforces the token TTL policies (TokenTTLPolicies).
	// The attribute is not on the API docs page; the service accepts it.
	MaxTTLEnabled *bool
	// DefaultExecutionMode is the execution mode of new workspaces.
	DefaultExecutionMode *ExecutionMode
	// DefaultAgentPoolID left unset keeps the pool, Null clears it, a
	// value (apool-…) sets it.
	DefaultAgentPoolID Nullable[string]
}

// OrganizationCreateOptions creates an organization: Name and Email are
// required, every other field is optional and means what it means in
// OrganizationUpdateOptions. Execution mode agent needs an agent pool.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#create-an-organization
type OrganizationCreateOptions struct {
	// Name is the organization's name (required).
	Name string
	// Email is the admin email address (required, a bare address).
	Email string

	// The optional settings mean what they mean in OrganizationUpdateOptions.

	// SessionTimeout is the minutes of inactivity before a session expires.
	SessionTimeout *int
	// SessionRemember is the minutes a session lasts at most.
	SessionRemember *int
	// CollaboratorAuthPolicy is "password" or "two_factor_mandatory".
	CollaboratorAuthPolicy *string
	// CostEstimationEnabled turns cost estimation on.
	CostEstimationEnabled *bool
	// SendPassingStatusesForUntriggeredSpeculativePlans reports passing VCS
	// statuses for speculative plans that were not triggered.
	SendPassingStatusesForUntriggeredSpeculativePlans *bool
	// AggregatedCommitStatusEnabled sends one aggregated VCS commit status.
	AggregatedCommitStatusEnabled *bool
	// SpeculativePlanManagementEnabled cancels outdated speculative plans.
	SpeculativePlanManagementEnabled *bool
	// OwnersTeamSAMLRoleID is the SAML role of the owners team (Null clears it).
	OwnersTeamSAMLRoleID Nullable[string]
	// AssessmentsEnforced turns health assessments on for every workspace.
	AssessmentsEnforced *bool
	// AllowForceDeleteWorkspaces lets admins delete workspaces that manage resources.
	AllowForceDeleteWorkspaces *bool
	// EnforceHYOK requires hold-your-own-key encryption (HCP Terraform Premium).
	EnforceHYOK *bool
	// MaxTTLEnabled enforces the organization's token TTL policies.
	MaxTTLEnabled *bool
	// DefaultExecutionMode is the execution mode of new workspaces.
	DefaultExecutionMode *ExecutionMode
	// DefaultAgentPoolID is the agent pool of new workspaces in agent mode.
	DefaultAgentPoolID Nullable[string]
}

// validate checks the create options before any request.
func (o OrganizationCreateOptions) validate() error {
	const options = "OrganizationCreateOptions"
	if o.Name == "" {
		return invalid(ErrRequiredName, options+".Name", "")
	}
	if o.Email == "" {
		return invalid(ErrRequiredEmail, options+".Email", "")
	}
	_, hasPool := o.DefaultAgentPoolID.Get()
	if o.DefaultExecutionMode != nil && *o.DefaultExecutionMode == ExecutionModeAgent && !hasPool {
		return invalid(ErrRequiredAgentPoolID, options+".DefaultAgentPoolID", "a new organization in execution mode agent needs a pool")
	}
	return o.update().check(options)
}

// update is the create request's content as update options, which build
// the same document.
func (o OrganizationCreateOptions) update() OrganizationUpdateOptions {
	return OrganizationUpdateOptions{
		Name:                   &o.Name,
		Email:                  &o.Email,
		SessionTimeout:         o.SessionTimeout,
		SessionRemember:        o.SessionRemember,
		CollaboratorAuthPolicy: o.CollaboratorAuthPolicy,
		CostEstimationEnabled:  o.CostEstimationEnabled,
		SendPassingStatusesForUntriggeredSpeculativePlans: o.SendPassingStatusesForUntriggeredSpeculativePlans,
		AggregatedCommitStatusEnabled:                     o.AggregatedCommitStatusEnabled,
		SpeculativePlanManagementEnabled:                  o.SpeculativePlanManagementEnabled,
		OwnersTeamSAMLRoleID:                              o.OwnersTeamSAMLRoleID,
		AssessmentsEnforced:                               o.AssessmentsEnforced,
		AllowForceDeleteWorkspaces:                        o.AllowForceDeleteWorkspaces,
		EnforceHYOK:                                       o.EnforceHYOK,
		MaxTTLEnabled:                                     o.MaxTTLEnabled,
		DefaultExecutionMode:                              o.DefaultExecutionMode,
		DefaultAgentPoolID:                                o.DefaultAgentPoolID,
	}
}

// validate checks the update options before any request.
func (o OrganizationUpdateOptions) validate() error {
	return o.check("OrganizationUpdateOptions")
}

// check validates the fields that are set; options names the options
// type for the error.
func (o OrganizationUpdateOptions) check(options string) error {
	if o.Name != nil {
		if err := checkID(ErrInvalidOrg, options+".Name", *o.Name); err != nil {
			return err
		}
	}
	if o.Email != nil {
		if err := checkEmail(options+".Email", *o.Email); err != nil {
			return err
		}
	}
	return checkDefaultSettings(options, o.DefaultExecutionMode, o.DefaultAgentPoolID)
}

// node builds the organizations resource of a create or update request
// with the attributes that are set.
func (o OrganizationUpdateOptions) node() *jsonapi.Node {
	n := newNode("organizations")
	a := n.Attributes
	setAttr(a, "name", o.Name)
	setAttr(a, "email", o.Email)
	setAttr(a, "session-timeout", o.SessionTimeout)
	setAttr(a, "session-remember", o.SessionRemember)
	setAttr(a, "collaborator-auth-policy", o.CollaboratorAuthPolicy)
	setAttr(a, "cost-estimation-enabled", o.CostEstimationEnabled)
	setAttr(a, "send-passing-statuses-for-untriggered-speculative-plans", o.SendPassingStatusesForUntriggeredSpeculativePlans)
	setAttr(a, "aggregated-commit-status-enabled", o.AggregatedCommitStatusEnabled)
	setAttr(a, "speculative-plan-management-enabled", o.SpeculativePlanManagementEnabled)
	setNullable(a, "owners-team-saml-role-id", o.OwnersTeamSAMLRoleID)
	setAttr(a, "assessments-enforced", o.AssessmentsEnforced)
	setAttr(a, "allow-force-delete-workspaces", o.AllowForceDeleteWorkspaces)
	setAttr(a, "enforce-hyok", o.EnforceHYOK)
	setAttr(a, "max-ttl-enabled", o.MaxTTLEnabled)
	setDefaultSettings(n, o.DefaultExecutionMode, o.DefaultAgentPoolID)
	return n
}
