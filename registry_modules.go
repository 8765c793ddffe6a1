package tfe

import (
	"cmp"
	"context"
	"io"
	"iter"
	"time"
)

// RegistryModules manages the modules of an organization's private
// registry. Methods may be added in later versions.
type RegistryModules interface {
	// List returns a page of the modules available to an organization:
	// its private modules and the public modules it curates.
	//
	// GET /organizations/:organization_name/registry-modules
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#list-registry-modules-for-an-organization
	List(ctx context.Context, organization string, opts *RegistryModuleListOptions) (*RegistryModuleList, error)

	// ListIter yields every module List would return, page after page
	// (100 per page unless opts sets a size); an error ends the sequence.
	//
	// GET /organizations/:organization_name/registry-modules, repeated
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#list-registry-modules-for-an-organization
	ListIter(ctx context.Context, organization string, opts *RegistryModuleListOptions) iter.Seq2[*RegistryModule, error]

	// Read returns a registry module.
	//
	// GET /organizations/:organization_name/registry-modules/:registry_name/:namespace/:name/:provider
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#get-a-module
	Read(ctx context.Context, id RegistryModuleID) (*RegistryModule, error)

	// Create creates a registry module without a VCS connection: a private
	// module whose versions are uploaded later, or a curated public one.
	//
	// POST /organizations/:organization_name/registry-modules
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#create-a-module-with-no-vcs-connection
	Create(ctx context.Context, organization string, opts RegistryModuleCreateOptions) (*RegistryModule, error)

	// Delete deletes a registry module's provider and all its versions
	// (the module itself when it has no other provider). For a public
	// module it only removes the organization's record of it. It is
	// DeleteProvider under its first name.
	//
	// DELETE /organizations/:organization_name/registry-modules/:registry_name/:namespace/:name/:provider
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#delete-a-module
	Delete(ctx context.Context, id RegistryModuleID) error

	// DeleteProvider deletes a registry module's provider and all its
	// versions, as Delete does.
	//
	// DELETE /organizations/:organization_name/registry-modules/:registry_name/:namespace/:name/:provider
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#delete-a-module
	DeleteProvider(ctx context.Context, id RegistryModuleID) error

	// DeleteByName deletes a registry module with every provider and
	// version. id.Provider must be empty: the call deletes them all (use
	// DeleteProvider for one).
	//
	// DELETE /organizations/:organization_name/registry-modules/:registry_name/:namespace/:name
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#delete-a-module
	DeleteByName(ctx context.Context, id RegistryModuleID) error

	// DeleteVersion deletes one version of a module's provider.
	//
	// DELETE /organizations/:organization_name/registry-modules/:registry_name/:namespace/:name/:provider/:version
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#delete-a-module
	DeleteVersion(ctx context.Context, id RegistryModuleID, version string) error

	// CreateWithVCSConnection publishes a private module from a VCS
	// repository: tag-based (new versions from tags) or, with
	// VCSRepo.Branch, branch-based (versions created with CreateVersion
	// from the branch's commits).
	//
	// POST /organizations/:organization_name/registry-modules/vcs
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#publish-a-private-module-from-a-vcs
	CreateWithVCSConnection(ctx context.Context, organization string, opts RegistryModuleCreateWithVCSConnectionOptions) (*RegistryModule, error)

	// Update changes a module's no-code flag, test settings or VCS
	// publishing settings.
	//
	// PATCH /organizations/:organization_name/registry-modules/:registry_name/:namespace/:name/:provider
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#update-a-private-registry-module
	Update(ctx context.Context, id RegistryModuleID, opts RegistryModuleUpdateOptions) (*RegistryModule, error)

	// ListCommits returns the latest commits (20) of a VCS-connected
	// private module's repository, newest first. The service answers one
	// page.
	//
	// GET /organizations/:organization_name/registry-modules/private/:namespace/:name/:provider/commits
	// Not on the docs page (go-tfe and the service use it); see
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules
	ListCommits(ctx context.Context, id RegistryModuleID) (*CommitList, error)

	// CreateVersion creates a version of a private module without a VCS
	// connection, whose archive Upload then sends, or of a branch-based
	// module from a commit.
	//
	// POST /organizations/:organization_name/registry-modules/:registry_name/:namespace/:name/:provider/versions
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#create-a-module-version
	CreateVersion(ctx context.Context, id RegistryModuleID, opts RegistryModuleVersionCreateOptions) (*RegistryModuleVersion, error)

	// ReadVersion returns one version of a private module, with its
	// upload link while it awaits its archive.
	//
	// GET /organizations/:organization_name/registry-modules/private/:namespace/:name/:provider/version?module_version=:version
	// Not on the docs page (go-tfe and the service use it); see
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules
	ReadVersion(ctx context.Context, id RegistryModuleID, version string) (*RegistryModuleVersion, error)

	// Upload sends a version's archive (a tar.gz of the module's files)
	// to the version's upload link (RegistryModuleVersion.UploadURL, from
	// CreateVersion or ReadVersion). It reads archive to its end, at most
	// MaxModuleArchiveSize bytes: a larger archive is refused
	// (ErrArchiveTooLarge) after reading one byte more, before anything is
	// sent. The PUT goes through the client's request path (rate limit,
	// logging, retries): the archive is held in memory, so a PUT that
	// fails on a 502/503/504 or a transport error is sent again with the
	// same bytes. The API token goes with it only when the link is on the
	// API's own origin (scheme, host and port), and never to a host a
	// redirect leads to; logs and errors show the link's scheme and host
	// only, as its path grants access by itself. Unlike go-tfe, it does not
	// pack a directory: pack it with hashicorp/go-slug or archive/tar.
	//
	// PUT :upload_link
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#upload-a-module-version-private-module-only
	Upload(ctx context.Context, version *RegistryModuleVersion, archive io.Reader) error

	// ReadTerraformRegistryModule returns a version of a module through
	// the service's registry protocol: a private module of the
	// organization (namespace: the organization), or with RegistryName
	// PublicRegistry a public module the organization curates (HCP
	// Terraform), proxied from the public Terraform Registry. The answer
	// is the registry protocol's plain JSON, not JSON:API.
	//
	// GET /api/registry/v1/modules/:namespace/:name/:provider/:version
	// GET /api/registry/public/v1/modules/:namespace/:name/:provider/:version
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#hcp-terraform-registry-implementation
	ReadTerraformRegistryModule(ctx context.Context, id RegistryModuleID, version string) (*TerraformRegistryModule, error)
}

// registryModules implements RegistryModules.
type registryModules struct {
	client *Client
}

var _ RegistryModules = (*registryModules)(nil)

// Local validation errors of the registry module options. Each matches
// ErrValidation with errors.Is.
var (
	// ErrRequiredProvider is a registry module create without a provider.
	ErrRequiredProvider = newSentinel("provider is required", ErrValidation)
	// ErrInvalidRegistryName is a registry name other than private and
	// public.
	ErrInvalidRegistryName = newSentinel("registry name must be private or public", ErrValidation)
	// ErrRequiredNamespace is a public registry module create without the
	// public registry namespace.
	ErrRequiredNamespace = newSentinel("a public registry module needs a namespace", ErrValidation)
	// ErrNamespaceNotAllowed is a namespace given for a private registry
	// module, whose namespace is always its organization.
	ErrNamespaceNotAllowed = newSentinel("a namespace is only allowed for a public registry module", ErrValidation)
	// ErrRequiredVCSRepo is a VCS-connected module without its
	// repository's identifier, display identifier or connection.
	ErrRequiredVCSRepo = newSentinel("the VCS repository is incomplete", ErrValidation)
	// ErrBranchWithTags is a VCS repository with both a branch and tag
	// publishing: a module publishes from one of them.
	ErrBranchWithTags = newSentinel("a module publishes from tags or from a branch, not both", ErrValidation)
	// ErrArchiveTooLarge is a module archive over MaxModuleArchiveSize.
	ErrArchiveTooLarge = newSentinel("the module archive is too large", ErrValidation)
	// ErrNoUploadLink is an Upload of a version without an upload link
	// (one whose answer carried none, or made by hand without it).
	ErrNoUploadLink = newSentinel("the module version has no upload link", ErrValidation)
)

// RegistryName is the registry a module comes from.
type RegistryName string

// The registries.
const (
	// PrivateRegistry is the organization's own registry.
	PrivateRegistry RegistryName = "private"
	// PublicRegistry is the public Terraform Registry, whose modules an
	// organization curates (HCP Terraform only).
	PublicRegistry RegistryName = "public"
)

// valid reports whether r is a known registry.
func (r RegistryName) valid() bool { return r == PrivateRegistry || r == PublicRegistry }

// checkRegistryName validates an optional registry name.
func checkRegistryName(field string, r RegistryName) error {
	if r != "" && !r.valid() {
		return invalid(ErrInvalidRegistryName, field, "must be private or public")
	}
	return nil
}

// RegistryModuleID names a registry module in paths. Namespace defaults to
// Organization and RegistryName to PrivateRegistry, so a private module
// needs only Organization, Name and Provider.
type RegistryModuleID struct {
	// Organization is the organization whose registry holds the module.
	Organization string
	// Name is the module's name.
	Name string
	// Provider is the module's provider, such as "aws".
	Provider string
	// Namespace is the module's namespace: the organization for a private
	// module, the publisher for a public one.
	Namespace string
	// RegistryName is private (the default) or public.
	RegistryName RegistryName
}

// path validates every part of id, then checks (the call's own, such as
// its options' or a version's), and returns the path of the module's
// provider.
func (id RegistryModuleID) path(checks ...error) (string, error) {
	base, err := id.namePath()
	provider := checkID(ErrInvalidRegistryModuleID, "RegistryModuleID.Provider", id.Provider)
	if err = firstError(append([]error{err, provider}, checks...)...); err != nil {
		return "", err
	}
	return base + "/" + apiPath(id.Provider), nil
}

// versionPath validates id and version and returns the path of one
// version of the module's provider.
func (id RegistryModuleID) versionPath(version string) (string, error) {
	path, err := id.path(checkVersion("version", version))
	if err != nil {
		return "", err
	}
	return path + "/" + apiPath(version), nil
}

// namePath validates id but its provider and returns the path of the
// module with all its providers.
func (id RegistryModuleID) namePath() (string, error) {
	err := firstError(
		checkID(ErrInvalidOrg, "RegistryModuleID.Organization", id.Organization),
		checkID(ErrInvalidRegistryModuleID, "RegistryModuleID.Name", id.Name),
		checkID(ErrInvalidRegistryModuleID, "RegistryModuleID.Namespace", id.namespace()),
		id.checkRegistry(),
	)
	if err != nil {
		return "", err
	}
	return apiPath("organizations", id.Organization, "registry-modules", string(id.registry()), id.namespace(), id.Name), nil
}

// registry is id's registry, private unless set.
func (id RegistryModuleID) registry() RegistryName {
	return cmp.Or(id.RegistryName, PrivateRegistry)
}

// checkRegistry refuses a registry other than private and public.
func (id RegistryModuleID) checkRegistry() error {
	if !id.registry().valid() {
		return invalid(ErrInvalidRegistryModuleID, "RegistryModuleID.RegistryName", "must be private or public")
	}
	return nil
}

// namespace is id's namespace, its organization unless set.
func (id RegistryModuleID) namespace() string {
	return cmp.Or(id.Namespace, id.Organization)
}

// RegistryModule is a module in an organization's registry.
type RegistryModule struct {
	// ID is the module's ID (mod-…).
	ID string `json:"-"`
	// Name is the module's name.
	Name string `json:"name"`
	// Provider is the module's provider.
	Provider string `json:"provider"`
	// Namespace is the module's namespace.
	Namespace string `json:"namespace"`
	// RegistryName is private or public.
	RegistryName RegistryName `json:"registry-name"`
	// Status is the module's setup status, such as pending,
	// no_version_tags, setup_failed or setup_complete.
	Status string `json:"status"`
	// VersionStatuses is the ingestion status of each version.
	VersionStatuses []RegistryModuleVersionStatus `json:"version-statuses"`
	// CreatedAt is when the module was created.
	CreatedAt time.Time `json:"created-at"`
	// UpdatedAt is when the module last changed.
	UpdatedAt time.Time `json:"updated-at"`
	// NoCode reports whether the module is enabled for no-code
	// provisioning (NoCodeModules manages the settings).
	NoCode bool `json:"no-code"`
	// Permissions are what the token may do with the module.
	Permissions *RegistryModulePermissions `json:"permissions"`
	// PublishingMechanism is how a VCS-connected module publishes
	// versions: git_tag or branch; empty without a VCS connection.
	PublishingMechanism PublishingMechanism `json:"publishing-mechanism"`
	// VCSRepo is the module's repository; nil without a VCS connection.
	VCSRepo *RegistryModuleVCSRepo `json:"vcs-repo"`
	// TestConfig is the module's test settings; nil when never set.
	TestConfig *RegistryModuleTestConfig `json:"test-config"`
	// Organization is the module's organization (Name only).
	Organization *Organization `json:"-"`
	// NoCodeModules are the module's no-code settings, when listed with
	// RegistryModuleIncludeNoCodeModules.
	NoCodeModules []*NoCodeModule `json:"-"`
}

// RegistryModulePermissions are what the token may do with a module.
type RegistryModulePermissions struct {
	// CanDelete allows deleting the module.
	CanDelete bool `json:"can-delete"`
	// CanResync allows re-reading the module's repository.
	CanResync bool `json:"can-resync"`
	// CanRetry allows retrying a failed version.
	CanRetry bool `json:"can-retry"`
}

// PublishingMechanism is how a VCS-connected module publishes versions.
type PublishingMechanism string

// The publishing mechanisms.
const (
	// PublishingMechanismTag publishes a version per tag.
	PublishingMechanismTag PublishingMechanism = "git_tag"
	// PublishingMechanismBranch publishes versions from a branch's
	// commits, created with CreateVersion.
	PublishingMechanismBranch PublishingMechanism = "branch"
)

// RegistryModuleVCSRepo is the repository of a VCS-connected module.
type RegistryModuleVCSRepo struct {
	// Identifier is the repository, such as "org/terraform-aws-vpc".
	Identifier string `json:"identifier"`
	// DisplayIdentifier is the repository as the service shows it.
	DisplayIdentifier string `json:"display-identifier"`
	// Branch is the branch of a branch-based module.
	Branch string `json:"branch"`
	// Tags reports whether tags publish versions.
	Tags bool `json:"tags"`
	// TagPrefix keeps the tags that start with it (monorepos).
	TagPrefix string `json:"tag-prefix"`
	// SourceDirectory is the module's directory in the repository
	// (monorepos).
	SourceDirectory string `json:"source-directory"`
	// OAuthTokenID is the VCS connection's OAuth token (ot-…).
	OAuthTokenID string `json:"oauth-token-id"`
	// GHAInstallationID is the GitHub App installation (ghain-…).
	GHAInstallationID string `json:"github-app-installation-id"`
	// IngressSubmodules reports whether submodules are fetched.
	IngressSubmodules bool `json:"ingress-submodules"`
	// RepositoryHTTPURL is the repository's web address.
	RepositoryHTTPURL string `json:"repository-http-url"`
	// ServiceProvider is the VCS provider, such as github.
	ServiceProvider string `json:"service-provider"`
	// WebhookURL is the service's webhook for the repository.
	WebhookURL string `json:"webhook-url"`
}

// RegistryModuleTestConfig is a module's test settings.
type RegistryModuleTestConfig struct {
	// TestsEnabled reports whether commits run the module's tests.
	TestsEnabled bool `json:"tests-enabled"`
	// AgentExecutionMode is where tests run: remote or agent.
	AgentExecutionMode ExecutionMode `json:"agent-execution-mode"`
	// AgentPoolID is the agent pool of tests in agent mode.
	AgentPoolID string `json:"agent-pool-id"`
}

// RegistryModuleVersionStatus is the ingestion status of one version of a
// module.
type RegistryModuleVersionStatus struct {
	// Version is the module version.
	Version string `json:"version"`
	// Status is the version's status, such as pending, cloning or ok.
	Status string `json:"status"`
	// Error says why the version failed, when it did.
	Error string `json:"error"`
}

// RegistryModuleList is a page of registry modules.
type RegistryModuleList struct {
	*Pagination
	// Items are the modules of this page.
	Items []*RegistryModule
}

// RegistryModuleIncludeOpt names a resource that List can return alongside
// each module.
type RegistryModuleIncludeOpt string

// RegistryModuleIncludeNoCodeModules includes each module's no-code
// settings (undocumented; the service accepts it).
const RegistryModuleIncludeNoCodeModules RegistryModuleIncludeOpt = "no-code-modules"

// RegistryModuleListOptions filters and pages List.
type RegistryModuleListOptions struct {
	ListOptions
	// Query searches the modules' names, namespaces and providers (q).
	Query string `query:"q"`
	// RegistryName keeps the modules of one registry
	// (filter[registry_name]).
	RegistryName RegistryName `query:"filter[registry_name]"`
	// Provider keeps the modules of one provider (filter[provider]).
	Provider string `query:"filter[provider]"`
	// Include asks for related resources with each module.
	Include []RegistryModuleIncludeOpt `query:"include"`
}

// validate checks the options.
func (o RegistryModuleListOptions) validate() error {
	return firstError(
		o.ListOptions.validate(),
		checkRegistryName("RegistryModuleListOptions.RegistryName", o.RegistryName),
	)
}

// RegistryModuleCreateOptions creates a registry module without a VCS
// connection.
type RegistryModuleCreateOptions struct {
	// Name is the module's name (required).
	Name string `json:"name"`
	// Provider is the module's provider, such as "aws" (required).
	Provider string `json:"provider"`
	// RegistryName is private (the default) or public.
	RegistryName RegistryName `json:"registry-name"`
	// Namespace is the public registry namespace of a public module;
	// required for a public module, refused for a private one.
	Namespace *string `json:"namespace,omitempty"`
	// NoCode enables the no-code provisioning workflow for the module.
	NoCode *bool `json:"no-code,omitempty"`
}

// validate checks the options.
func (o RegistryModuleCreateOptions) validate() error {
	if o.Name == "" {
		return invalid(ErrRequiredName, "RegistryModuleCreateOptions.Name", mustNotBeEmpty)
	}
	if o.Provider == "" {
		return invalid(ErrRequiredProvider, "RegistryModuleCreateOptions.Provider", mustNotBeEmpty)
	}
	if err := checkRegistryName("RegistryModuleCreateOptions.RegistryName", o.RegistryName); err != nil {
		return err
	}
	switch {
	case o.RegistryName == PublicRegistry && isEmpty(o.Namespace):
		return invalid(ErrRequiredNamespace, "RegistryModuleCreateOptions.Namespace", "must be set for a public module")
	case o.RegistryName != PublicRegistry && o.Namespace != nil:
		return invalid(ErrNamespaceNotAllowed, "RegistryModuleCreateOptions.Namespace", "must be nil for a private module")
	}
	return nil
}

// List returns a page of the modules available to an organization.
func (s *registryModules) List(ctx context.Context, organization string, opts *RegistryModuleListOptions) (*RegistryModuleList, error) {
	items, page, err := listPage(ctx, s.client, orgRegistryModules(organization, opts), registryModuleDecoder)
	if err != nil {
		return nil, err
	}
	return &RegistryModuleList{Pagination: page, Items: items}, nil
}

// ListIter yields every module List would return, page after page.
func (s *registryModules) ListIter(ctx context.Context, organization string, opts *RegistryModuleListOptions) iter.Seq2[*RegistryModule, error] {
	return listIter(ctx, s.client, orgRegistryModules(organization, opts), registryModuleDecoder)
}

// orgRegistryModules is the list of an organization's modules.
func orgRegistryModules(organization string, opts *RegistryModuleListOptions) listing {
	return newListing(apiPath("organizations", organization, "registry-modules"), opts, checkID(ErrInvalidOrg, "organization", organization))
}

// Read returns a registry module.
func (s *registryModules) Read(ctx context.Context, id RegistryModuleID) (*RegistryModule, error) {
	path, err := id.path()
	if err != nil {
		return nil, err
	}
	return requestOne(ctx, s.client, get(path, nil), registryModuleDecoder)
}

// Create creates a registry module without a VCS connection.
func (s *registryModules) Create(ctx context.Context, organization string, opts RegistryModuleCreateOptions) (*RegistryModule, error) {
	if err := firstError(checkID(ErrInvalidOrg, "organization", organization), opts.validate()); err != nil {
		return nil, err
	}
	opts.RegistryName = cmp.Or(opts.RegistryName, PrivateRegistry)
	doc := newDocument("registry-modules", opts)
	return requestOne(ctx, s.client, post(apiPath("organizations", organization, "registry-modules"), doc), registryModuleDecoder)
}

// Delete deletes a registry module's provider and all its versions.
func (s *registryModules) Delete(ctx context.Context, id RegistryModuleID) error {
	return s.DeleteProvider(ctx, id)
}

// DeleteProvider implements RegistryModules.
func (s *registryModules) DeleteProvider(ctx context.Context, id RegistryModuleID) error {
	path, err := id.path()
	if err != nil {
		return err
	}
	return s.client.requestNoContent(ctx, del(path, nil))
}

// DeleteByName implements RegistryModules.
func (s *registryModules) DeleteByName(ctx context.Context, id RegistryModuleID) error {
	if id.Provider != "" {
		return invalid(ErrValidation, "RegistryModuleID.Provider", "must be empty: DeleteByName deletes every provider (DeleteProvider deletes one)")
	}
	path, err := id.namePath()
	if err != nil {
		return err
	}
	return s.client.requestNoContent(ctx, del(path, nil))
}

// DeleteVersion implements RegistryModules.
func (s *registryModules) DeleteVersion(ctx context.Context, id RegistryModuleID, version string) error {
	path, err := id.versionPath(version)
	if err != nil {
		return err
	}
	return s.client.requestNoContent(ctx, del(path, nil))
}

// registryModuleRelationships are the relationships of a registry-modules
// resource.
type registryModuleRelationships struct {
	Organization  toOne  `json:"organization"`
	NoCodeModules toMany `json:"no-code-modules"`
}

// registryModuleDecoder decodes registry-modules resources, with the
// no-code modules an answer includes.
var registryModuleDecoder = newDecoder(&kind[RegistryModule, registryModuleRelationships, RegistryModule]{
	typ: "registry-modules",
	model: func(res *resource[RegistryModule, registryModuleRelationships], inc *included) *RegistryModule {
		m := &res.Attributes
		m.ID = res.ID
		m.Organization = idOnly(res.Relationships.Organization, organizationStub)
		m.NoCodeModules = resolveMany(inc, res.Relationships.NoCodeModules, func(id string) *NoCodeModule { return &NoCodeModule{ID: id} })
		return m
	},
}, noCodeModuleKind)

// registryModuleStub is a RegistryModule known by its ID only.
func registryModuleStub(id string) *RegistryModule { return &RegistryModule{ID: id} }
