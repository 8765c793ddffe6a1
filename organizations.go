package tfe

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/mail"
	"time"

	"github.com/google/jsonapi"
)

// Organizations manages organizations and their default settings. Methods
// may be added in later versions.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
type Organizations interface {
	// List returns a page of the organizations the token can see. Without
	// page options it asks for page 1 of 20: the endpoint answers an
	// unpaginated list when both are left out, which this method avoids.
	//
	// GET /organizations
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#list-organizations
	List(ctx context.Context, opts *OrganizationListOptions) (*OrganizationList, error)

	// ListIter yields every organization List would return, page after
	// page (100 per page unless opts sets a size). opts is copied.
	//
	// GET /organizations
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#list-organizations
	ListIter(ctx context.Context, opts *OrganizationListOptions) iter.Seq2[*Organization, error]

	// Create creates an organization.
	//
	// POST /organizations
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#create-an-organization
	Create(ctx context.Context, opts OrganizationCreateOptions) (*Organization, error)

	// Read returns an organization.
	//
	// GET /organizations/:organization_name
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#show-an-organization
	Read(ctx context.Context, organization string) (*Organization, error)

	// Update changes the attributes opts sets and leaves the others.
	//
	// PATCH /organizations/:organization_name
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#update-an-organization
	Update(ctx context.Context, organization string, opts OrganizationUpdateOptions) (*Organization, error)

	// Delete deletes an organization and everything in it.
	//
	// DELETE /organizations/:organization_name
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#destroy-an-organization
	Delete(ctx context.Context, organization string) error

	// ReadDefaultSettings returns the execution mode and agent pool that
	// new workspaces of the organization get.
	//
	// GET /organizations/:organization_name
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#show-an-organization
	ReadDefaultSettings(ctx context.Context, organization string) (*OrganizationDefaultSettings, error)

	// UpdateDefaultSettings changes the default execution mode, the
	// default agent pool, or both.
	//
	// PATCH /organizations/:organization_name
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#update-an-organization
	UpdateDefaultSettings(ctx context.Context, organization string, opts OrganizationDefaultSettingsUpdateOptions) (*OrganizationDefaultSettings, error)

	// ResetDefaultSettings sets the default execution mode to remote and
	// clears the default agent pool.
	//
	// PATCH /organizations/:organization_name
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#update-an-organization
	ResetDefaultSettings(ctx context.Context, organization string) (*OrganizationDefaultSettings, error)
}

// organizations implements Organizations.
type organizations struct {
	client *Client
}

var _ Organizations = (*organizations)(nil)

// Local validation errors of the organization options.
var (
	// ErrRequiredEmail is an organization create without an email address.
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#create-an-organization
	ErrRequiredEmail = newSentinel("email is required", ErrValidation)
	// ErrInvalidEmail is an email address that is not a bare address such
	// as name@example.com (a display name or angle brackets are refused).
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#update-an-organization
	ErrInvalidEmail = newSentinel("invalid email address", ErrValidation)
)

// Organization is an HCP Terraform or Terraform Enterprise organization.
// Where another resource refers to its organization, only Name is set.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#show-an-organization
type Organization struct {
	// Name is the organization's name, its ID in paths.
	Name string `json:"name"`
	// Email is the organization's admin email address.
	Email string `json:"email"`
	// ExternalID is the organization's ID (org-…).
	ExternalID string `json:"external-id"`
	// DefaultExecutionMode is the execution mode of new workspaces.
	DefaultExecutionMode ExecutionMode `json:"default-execution-mode"`
	// DefaultAgentPool is the agent pool of new workspaces in agent mode,
	// nil when unset. The API returns its ID only.
	DefaultAgentPool *AgentPool `json:"-"`
	// MaxTTLEnabled reports whether the token TTL policies are enforced.
	MaxTTLEnabled bool `json:"max-ttl-enabled"`
	// CreatedAt is when the organization was created.
	CreatedAt time.Time `json:"created-at"`
	// SessionTimeout is the idle session timeout in minutes; 0 when the
	// service's default (20160) applies.
	SessionTimeout int `json:"session-timeout"`
	// SessionRemember is the session lifetime in minutes; 0 when the
	// service's default (20160) applies.
	SessionRemember int `json:"session-remember"`
	// CollaboratorAuthPolicy is "password" or "two_factor_mandatory".
	CollaboratorAuthPolicy string `json:"collaborator-auth-policy"`
	// CostEstimationEnabled reports whether runs estimate costs.
	CostEstimationEnabled bool `json:"cost-estimation-enabled"`
	// SendPassingStatusesForUntriggeredSpeculativePlans reports whether
	// workspaces a change does not concern report a passing VCS status.
	SendPassingStatusesForUntriggeredSpeculativePlans bool `json:"send-passing-statuses-for-untriggered-speculative-plans"`
	// AggregatedCommitStatusEnabled reports whether VCS statuses are
	// aggregated across the workspaces of a commit.
	AggregatedCommitStatusEnabled bool `json:"aggregated-commit-status-enabled"`
	// SpeculativePlanManagementEnabled reports whether outdated plan-only
	// runs are cancelled automatically.
	SpeculativePlanManagementEnabled bool `json:"speculative-plan-management-enabled"`
	// AssessmentsEnforced reports whether health assessments run on every
	// eligible workspace.
	AssessmentsEnforced bool `json:"assessments-enforced"`
	// AllowForceDeleteWorkspaces reports whether workspace admins may
	// delete workspaces that still manage resources.
	AllowForceDeleteWorkspaces bool `json:"allow-force-delete-workspaces"`
	// OwnersTeamSAMLRoleID is the SAML role mapped to the owners team.
	OwnersTeamSAMLRoleID string `json:"owners-team-saml-role-id"`
	// SAMLEnabled reports whether SAML single sign-on is on.
	SAMLEnabled bool `json:"saml-enabled"`
	// TwoFactorConformant reports whether every member uses two-factor
	// authentication (HCP Terraform only).
	TwoFactorConformant bool `json:"two-factor-conformant"`
	// EnforceHYOK reports whether new workspaces use Hold Your Own Key
	// (HCP Terraform only).
	EnforceHYOK bool `json:"enforce-hyok"`
	// Permissions are what the token may do in the organization.
	Permissions OrganizationPermissions `json:"permissions"`
}

// OrganizationPermissions are what the token may do in an organization.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#show-an-organization
type OrganizationPermissions struct {
	// CanUpdate allows Update and the default settings methods.
	CanUpdate bool `json:"can-update"`
	// CanDestroy allows Delete.
	CanDestroy bool `json:"can-destroy"`
	// CanCreateWorkspace allows creating workspaces.
	CanCreateWorkspace bool `json:"can-create-workspace"`
	// CanCreateProject allows creating projects.
	CanCreateProject bool `json:"can-create-project"`
	// CanCreateTeam allows creating teams.
	CanCreateTeam bool `json:"can-create-team"`
	// CanManageUsers allows managing memberships.
	CanManageUsers bool `json:"can-manage-users"`
	// CanManageVarsets allows managing variable sets.
	CanManageVarsets bool `json:"can-manage-varsets"`
	// CanUpdateAgentPools allows managing agent pools.
	CanUpdateAgentPools bool `json:"can-update-agent-pools"`
}

// AgentPool is a pool of self-hosted agents.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/agents
type AgentPool struct {
	// ID is the agent pool ID (apool-…).
	ID string `json:"-"`
	// Name is the pool's name; empty when only the ID was returned.
	Name string `json:"name"`
}

// OrganizationList is a page of organizations.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#list-organizations
type OrganizationList struct {
	*Pagination
	// Items are the organizations of this page.
	Items []*Organization
}

// OrganizationListOptions filters and pages Organizations.List.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#query-parameters
type OrganizationListOptions struct {
	ListOptions
	// Query matches organizations by name or notification email (q); it
	// takes precedence over QueryName and QueryEmail.
	Query string `query:"q"`
	// QueryName matches organizations by name (q[name]).
	QueryName string `query:"q[name]"`
	// QueryEmail matches organizations by notification email (q[email]).
	QueryEmail string `query:"q[email]"`
}

// OrganizationDefaultSettings are the execution mode and agent pool new
// workspaces of an organization get.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#update-an-organization
type OrganizationDefaultSettings struct {
	// DefaultExecutionMode is remote, local or agent.
	DefaultExecutionMode ExecutionMode
	// DefaultAgentPoolID is the default agent pool, empty when unset.
	DefaultAgentPoolID string
}

// OrganizationDefaultSettingsUpdateOptions changes an organization's
// default settings. At least one field must be set. A pool goes only with
// mode agent (or with no mode, keeping the current one); mode agent with
// the pool set to Null is refused.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#update-an-organization
type OrganizationDefaultSettingsUpdateOptions struct {
	// DefaultExecutionMode is the new default mode; nil keeps it.
	DefaultExecutionMode *ExecutionMode
	// DefaultAgentPoolID left unset keeps the pool, Null clears it, a
	// value (apool-…) sets it.
	DefaultAgentPoolID Nullable[string]
}

// List implements Organizations.
func (s *organizations) List(ctx context.Context, opts *OrganizationListOptions) (*OrganizationList, error) {
	o := deref(opts)
	if err := o.ListOptions.validate(); err != nil {
		return nil, err
	}
	items, page, err := s.list(ctx, o)
	if err != nil {
		return nil, err
	}
	return &OrganizationList{Pagination: page, Items: items}, nil
}

// ListIter implements Organizations.
func (s *organizations) ListIter(ctx context.Context, opts *OrganizationListOptions) iter.Seq2[*Organization, error] {
	o := deref(opts)
	return iterate(ctx, o.ListOptions, func(ctx context.Context, page ListOptions) ([]*Organization, *Pagination, error) {
		if err := page.validate(); err != nil {
			return nil, nil, err
		}
		o.ListOptions = page
		return s.list(ctx, o)
	})
}

// list fetches one page, asking for page 1 when no page option is set.
func (s *organizations) list(ctx context.Context, o OrganizationListOptions) ([]*Organization, *Pagination, error) {
	if o.PageNumber == 0 && o.PageSize == 0 {
		o.PageNumber = 1
	}
	return requestMany(ctx, s.client, http.MethodGet, "organizations", encodeQuery(o), nil, decodeOrganization)
}

// Create implements Organizations.
func (s *organizations) Create(ctx context.Context, opts OrganizationCreateOptions) (*Organization, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	payload := orgPayload(opts.update().node())
	return requestOne(ctx, s.client, http.MethodPost, "organizations", nil, payload, decodeOrganization)
}

// Read implements Organizations.
func (s *organizations) Read(ctx context.Context, organization string) (*Organization, error) {
	if err := checkID(ErrInvalidOrg, "organization", organization); err != nil {
		return nil, err
	}
	return requestOne(ctx, s.client, http.MethodGet, apiPath("organizations", organization), nil, nil, decodeOrganization)
}

// Update implements Organizations.
func (s *organizations) Update(ctx context.Context, organization string, opts OrganizationUpdateOptions) (*Organization, error) {
	if err := firstError(checkID(ErrInvalidOrg, "organization", organization), opts.validate()); err != nil {
		return nil, err
	}
	return s.patch(ctx, organization, opts.node(), "OrganizationUpdateOptions")
}

// Delete implements Organizations.
func (s *organizations) Delete(ctx context.Context, organization string) error {
	if err := checkID(ErrInvalidOrg, "organization", organization); err != nil {
		return err
	}
	return s.client.requestNoContent(ctx, http.MethodDelete, apiPath("organizations", organization), nil)
}

// ReadDefaultSettings implements Organizations.
func (s *organizations) ReadDefaultSettings(ctx context.Context, organization string) (*OrganizationDefaultSettings, error) {
	return defaultSettingsOf(s.Read(ctx, organization))
}

// UpdateDefaultSettings implements Organizations.
func (s *organizations) UpdateDefaultSettings(ctx context.Context, organization string, opts OrganizationDefaultSettingsUpdateOptions) (*OrganizationDefaultSettings, error) {
	const field = "OrganizationDefaultSettingsUpdateOptions"
	err := firstError(
		checkID(ErrInvalidOrg, "organization", organization),
		checkDefaultSettings(field, opts.DefaultExecutionMode, opts.DefaultAgentPoolID),
	)
	if err != nil {
		return nil, err
	}
	n := newNode("organizations")
	setDefaultSettings(n, opts.DefaultExecutionMode, opts.DefaultAgentPoolID)
	return defaultSettingsOf(s.patch(ctx, organization, n, field))
}

// ResetDefaultSettings implements Organizations.
func (s *organizations) ResetDefaultSettings(ctx context.Context, organization string) (*OrganizationDefaultSettings, error) {
	return s.UpdateDefaultSettings(ctx, organization, OrganizationDefaultSettingsUpdateOptions{
		DefaultExecutionMode: Ptr(ExecutionModeRemote),
		DefaultAgentPoolID:   Null[string](),
	})
}

// patch sends an organization update, refusing one that sets nothing
// (options names the options type for the error).
func (s *organizations) patch(ctx context.Context, organization string, n *jsonapi.Node, options string) (*Organization, error) {
	if len(n.Attributes) == 0 && len(n.Relationships) == 0 {
		return nil, nothingToUpdate(options)
	}
	path := apiPath("organizations", organization)
	return requestOne(ctx, s.client, http.MethodPatch, path, nil, orgPayload(n), decodeOrganization)
}

// orgResource is an organizations resource whose attributes object is
// always sent: the OpenAPI schema of organizations requires it, also in an
// update that changes only the default agent pool (a relationship).
type orgResource struct {
	*jsonapi.Node
	Attributes map[string]any `json:"attributes"`
}

// orgPayload wraps an organizations resource as a request document.
// n comes from newNode, whose attributes map is never nil.
func orgPayload(n *jsonapi.Node) any {
	return struct {
		Data orgResource `json:"data"`
	}{orgResource{Node: n, Attributes: n.Attributes}}
}

// checkDefaultSettings applies the execution mode and agent pool rules
// that Create, Update and UpdateDefaultSettings share; options names the
// options type for the error.
func checkDefaultSettings(options string, mode *ExecutionMode, pool Nullable[string]) error {
	poolField := options + ".DefaultAgentPoolID"
	if mode != nil {
		if err := checkExecutionModeKnown(options+".DefaultExecutionMode", *mode); err != nil {
			return err
		}
	}
	id, hasPool := pool.Get()
	if hasPool {
		if err := checkID(ErrInvalidAgentPoolID, poolField, id); err != nil {
			return err
		}
	}
	switch {
	case mode == nil:
		return nil
	case *mode != ExecutionModeAgent && hasPool:
		return invalid(ErrAgentPoolNotAllowed, poolField, fmt.Sprintf("execution mode %s takes no agent pool: leave it unset, or Null to clear it", *mode))
	case *mode == ExecutionModeAgent && pool.IsNull():
		return invalid(ErrRequiredAgentPoolID, poolField, "execution mode agent needs a pool: give one, or leave it unset to keep the current one")
	}
	return nil
}

// setDefaultSettings puts the default execution mode and agent pool into
// an organization request.
//
// The pool travels as the relationship default-agent-pool (type
// agent-pools; {"data": null} clears it), not as the attribute
// default-agent-pool-id that the API docs describe: the relationship is
// the shape HashiCorp's published OpenAPI schema describes and the one its
// own Terraform provider sends in production, and it mirrors what reads
// return, so what the SDK writes and what it reads back are one field.
func setDefaultSettings(n *jsonapi.Node, mode *ExecutionMode, pool Nullable[string]) {
	setAttr(n.Attributes, "default-execution-mode", mode)
	if pool.IsSet() {
		id, _ := pool.Get()
		relateOne(n, "default-agent-pool", "agent-pools", id)
	}
}

// checkEmail validates an email address that goes into a request: a bare
// address (name@example.com), no display name or angle brackets. The
// error never repeats the address.
func checkEmail(field, address string) error {
	parsed, err := mail.ParseAddress(address)
	if err != nil || parsed.Name != "" || parsed.Address != address {
		return invalid(ErrInvalidEmail, field, "must be a bare email address such as name@example.com")
	}
	return nil
}

// decodeOrganization builds an Organization from an organizations
// resource.
func decodeOrganization(res *resource, _ included) (*Organization, error) {
	org := &Organization{}
	if err := res.decodeAttributes(org); err != nil {
		return nil, err
	}
	if org.Name == "" {
		org.Name = res.ID
	}
	if ref := res.relation("default-agent-pool"); ref != nil {
		org.DefaultAgentPool = &AgentPool{ID: ref.ID}
	}
	return org, nil
}

// defaultSettingsOf takes the default settings out of an organization
// read or update.
func defaultSettingsOf(org *Organization, err error) (*OrganizationDefaultSettings, error) {
	if err != nil {
		return nil, err
	}
	settings := &OrganizationDefaultSettings{DefaultExecutionMode: org.DefaultExecutionMode}
	if org.DefaultAgentPool != nil {
		settings.DefaultAgentPoolID = org.DefaultAgentPool.ID
	}
	return settings, nil
}
