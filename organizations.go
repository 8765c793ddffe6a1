package tfe

import (
	"context"
	"iter"
	"net/mail"
	"time"
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

	// ReadWithOptions returns an organization with the related resources
	// opts includes: OrganizationIncludeDefaultProject fills
	// Organization.DefaultProject with the project's name (without it,
	// the project is known by its ID only). Nil opts is Read.
	//
	// GET /organizations/:organization_name?include=default-project
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#show-an-organization
	ReadWithOptions(ctx context.Context, organization string, opts *OrganizationReadOptions) (*Organization, error)

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

	// ReadCapacity returns how many of the organization's runs are
	// pending and running now.
	//
	// GET /organizations/:organization_name/capacity
	// Not on the current docs page (go-tfe and the service use it); see
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
	ReadCapacity(ctx context.Context, organization string) (*OrganizationCapacity, error)

	// ReadRunQueue returns a page of the organization's queued and
	// running runs.
	//
	// GET /organizations/:organization_name/runs/queue
	// Not on the current docs page (go-tfe and the service use it); see
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
	ReadRunQueue(ctx context.Context, organization string, opts *RunQueueOptions) (*RunQueue, error)

	// ReadRunQueueIter yields every run of the organization's queue, page
	// after page (100 per page unless opts sets a size); an error ends the
	// sequence.
	//
	// GET /organizations/:organization_name/runs/queue, repeated
	// Not on the current docs page; see
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
	ReadRunQueueIter(ctx context.Context, organization string, opts *RunQueueOptions) iter.Seq2[*Run, error]

	// ReadEntitlements returns the features the organization is entitled
	// to.
	//
	// GET /organizations/:organization_name/entitlement-set
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#show-the-entitlement-set
	ReadEntitlements(ctx context.Context, organization string) (*OrganizationEntitlements, error)

	// ReadDataRetentionPolicy returns the data retention policy set on the
	// organization itself, nil when none is (the installation's default
	// applies then). Terraform Enterprise only (v202311-1 and later).
	//
	// GET /organizations/:organization_name/relationships/data-retention-policy
	// https://developer.hashicorp.com/terraform/enterprise/api-docs/data-retention-policies#show-data-retention-policy
	ReadDataRetentionPolicy(ctx context.Context, organization string) (*DataRetentionPolicy, error)

	// SetDataRetentionPolicyDeleteOlder makes Terraform Enterprise delete
	// the organization's backing data (state and configuration versions)
	// older than opts.DeleteOlderThanNDays days, replacing any policy set
	// before. Terraform Enterprise only (v202401-1 and later).
	//
	// POST /organizations/:organization_name/relationships/data-retention-policy
	// https://developer.hashicorp.com/terraform/enterprise/api-docs/data-retention-policies#create-or-update-data-retention-policy
	SetDataRetentionPolicyDeleteOlder(ctx context.Context, organization string, opts DataRetentionPolicyDeleteOlderOptions) (*DataRetentionPolicy, error)

	// SetDataRetentionPolicyDontDelete makes Terraform Enterprise keep the
	// organization's backing data, whatever the installation's default,
	// replacing any policy set before. Terraform Enterprise only
	// (v202401-1 and later).
	//
	// POST /organizations/:organization_name/relationships/data-retention-policy
	// https://developer.hashicorp.com/terraform/enterprise/api-docs/data-retention-policies#create-or-update-data-retention-policy
	SetDataRetentionPolicyDontDelete(ctx context.Context, organization string) (*DataRetentionPolicy, error)

	// DeleteDataRetentionPolicy removes the policy set on the
	// organization, so that the installation's default applies again.
	// Terraform Enterprise only (v202311-1 and later).
	//
	// DELETE /organizations/:organization_name/relationships/data-retention-policy
	// https://developer.hashicorp.com/terraform/enterprise/api-docs/data-retention-policies#remove-data-retention-policy
	DeleteDataRetentionPolicy(ctx context.Context, organization string) error
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
	// StacksEnabled reports whether the organization may use Terraform
	// Stacks (HCP Terraform; beta).
	StacksEnabled bool `json:"stacks-enabled"`
	// UserTokensEnabled reports whether user tokens may access the
	// organization's resources; nil when the service does not say (older
	// releases, where they always may).
	UserTokensEnabled *bool `json:"user-tokens-enabled"`
	// RegistryMonorepoSupportEnabled reports whether the private registry
	// may publish modules from a subdirectory of a repository.
	RegistryMonorepoSupportEnabled bool `json:"registry-monorepo-support-enabled"`
	// RemainingTestableCount is how many more registry module test runs
	// the organization may start (HCP Terraform).
	RemainingTestableCount int `json:"remaining-testable-count"`
	// IsUnified reports whether the organization belongs to an HCP
	// organization (HCP Terraform).
	IsUnified bool `json:"is-unified"`
	// TrialExpiresAt is when the organization's trial ends; zero when it
	// has none.
	TrialExpiresAt time.Time `json:"trial-expires-at"`
	// DefaultProject is the project new workspaces go to when none is
	// named: ID only, unless read with OrganizationIncludeDefaultProject;
	// nil when the answer does not say.
	DefaultProject *Project `json:"-"`
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

// OrganizationIncludeOpt names a related resource to return with an
// organization (include).
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#available-related-resources
type OrganizationIncludeOpt string

// OrganizationIncludeDefaultProject fills Organization.DefaultProject
// with the project's attributes (beta).
const OrganizationIncludeDefaultProject OrganizationIncludeOpt = "default-project"

// OrganizationReadOptions chooses what ReadWithOptions returns with the
// organization.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#show-an-organization
type OrganizationReadOptions struct {
	// Include names related resources to return.
	Include []OrganizationIncludeOpt `query:"include"`
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
	items, page, err := listPage(ctx, s.client, organizationList(opts), organizationDecoder)
	if err != nil {
		return nil, err
	}
	return &OrganizationList{Pagination: page, Items: items}, nil
}

// ListIter implements Organizations.
func (s *organizations) ListIter(ctx context.Context, opts *OrganizationListOptions) iter.Seq2[*Organization, error] {
	return listIter(ctx, s.client, organizationList(opts), organizationDecoder)
}

// organizationList is the list of organizations with opts. The endpoint
// answers an unpaginated list when no page option is given, so the list
// asks for page 1 then.
func organizationList(opts *OrganizationListOptions) listing {
	l := newListing("organizations", opts)
	if !l.query.Has("page[number]") && !l.query.Has("page[size]") {
		l.query.Set("page[number]", "1")
	}
	return l
}

// Create implements Organizations.
func (s *organizations) Create(ctx context.Context, opts OrganizationCreateOptions) (*Organization, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	doc := newDocumentWith("organizations", opts, opts.links())
	return requestOne(ctx, s.client, post("organizations", doc), organizationDecoder)
}

// Read implements Organizations.
func (s *organizations) Read(ctx context.Context, organization string) (*Organization, error) {
	return s.ReadWithOptions(ctx, organization, nil)
}

// ReadWithOptions implements Organizations.
func (s *organizations) ReadWithOptions(ctx context.Context, organization string, opts *OrganizationReadOptions) (*Organization, error) {
	if err := checkID(ErrInvalidOrg, "organization", organization); err != nil {
		return nil, err
	}
	return requestOne(ctx, s.client, get(apiPath("organizations", organization), encodeQuery(opts)), organizationDecoder)
}

// Update implements Organizations.
func (s *organizations) Update(ctx context.Context, organization string, opts OrganizationUpdateOptions) (*Organization, error) {
	if err := firstError(checkID(ErrInvalidOrg, "organization", organization), opts.validate()); err != nil {
		return nil, err
	}
	doc := newDocumentWith("organizations", opts, opts.links())
	return requestOne(ctx, s.client, patch(apiPath("organizations", organization), doc), organizationDecoder)
}

// Delete implements Organizations.
func (s *organizations) Delete(ctx context.Context, organization string) error {
	if err := checkID(ErrInvalidOrg, "organization", organization); err != nil {
		return err
	}
	return s.client.requestNoContent(ctx, del(apiPath("organizations", organization), nil))
}

// ReadDefaultSettings implements Organizations.
func (s *organizations) ReadDefaultSettings(ctx context.Context, organization string) (*OrganizationDefaultSettings, error) {
	return defaultSettingsOf(s.Read(ctx, organization))
}

// UpdateDefaultSettings implements Organizations. The options follow the
// rules of an update, under their own type's name.
func (s *organizations) UpdateDefaultSettings(ctx context.Context, organization string, opts OrganizationDefaultSettingsUpdateOptions) (*OrganizationDefaultSettings, error) {
	const options = "OrganizationDefaultSettingsUpdateOptions"
	settings := OrganizationSettingsOptions{DefaultExecutionMode: opts.DefaultExecutionMode, DefaultAgentPoolID: opts.DefaultAgentPoolID}
	err := checkID(ErrInvalidOrg, "organization", organization)
	if err == nil && opts == (OrganizationDefaultSettingsUpdateOptions{}) {
		err = nothingToUpdate(options)
	}
	if err = firstError(err, settings.check(options, false)); err != nil {
		return nil, err
	}
	doc := newDocumentWith("organizations", settings, settings.links())
	return defaultSettingsOf(requestOne(ctx, s.client, patch(apiPath("organizations", organization), doc), organizationDecoder))
}

// ResetDefaultSettings implements Organizations.
func (s *organizations) ResetDefaultSettings(ctx context.Context, organization string) (*OrganizationDefaultSettings, error) {
	return s.UpdateDefaultSettings(ctx, organization, OrganizationDefaultSettingsUpdateOptions{
		DefaultExecutionMode: Ptr(ExecutionModeRemote),
		DefaultAgentPoolID:   Null[string](),
	})
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

// organizationRelationships are the relationships of an organizations
// resource.
type organizationRelationships struct {
	DefaultAgentPool toOne `json:"default-agent-pool"`
	DefaultProject   toOne `json:"default-project"`
}

// organizationDecoder decodes organizations resources, whose ID is the
// name.
var organizationDecoder = newDecoder(&kind[Organization, organizationRelationships, Organization]{
	typ: "organizations",
	model: func(res *resource[Organization, organizationRelationships], inc *included) *Organization {
		org := &res.Attributes
		if org.Name == "" {
			org.Name = res.ID
		}
		org.DefaultAgentPool = idOnly(res.Relationships.DefaultAgentPool, agentPoolStub)
		org.DefaultProject = resolveOne(inc, res.Relationships.DefaultProject, projectStub)
		return org
	},
}, projectKind)

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

// organizationStub is an Organization known by its name only (its ID).
func organizationStub(name string) *Organization { return &Organization{Name: name} }

// agentPoolStub is an AgentPool known by its ID only.
func agentPoolStub(id string) *AgentPool { return &AgentPool{ID: id} }
