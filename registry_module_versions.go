package tfe

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// This file holds the registry module calls beyond the module itself:
// publishing from VCS, updating, versions and their upload, the commits
// of a VCS-connected module, and the registry protocol's read.

// MaxModuleArchiveSize is the largest archive Upload sends: 500 MiB.
// Upload holds the archive in memory, so that a retried PUT re-sends the
// same bytes.
const MaxModuleArchiveSize = 500 << 20

// RegistryModuleVCSRepoOptions names the repository of a module published
// from VCS. Identifier, DisplayIdentifier and one of OAuthTokenID and
// GHAInstallationID are required.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#publish-a-private-module-from-a-vcs
type RegistryModuleVCSRepoOptions struct {
	// Identifier is the repository, such as "org/terraform-aws-vpc"
	// (required).
	Identifier string `json:"identifier"`
	// DisplayIdentifier is the repository as the service shows it
	// (required; usually Identifier).
	DisplayIdentifier string `json:"display-identifier"`
	// OAuthTokenID is the VCS connection's OAuth token (ot-…).
	OAuthTokenID *string `json:"oauth-token-id,omitempty"`
	// GHAInstallationID is a GitHub App installation (ghain-…), instead
	// of an OAuth token.
	GHAInstallationID *string `json:"github-app-installation-id,omitempty"`
	// RegistryModuleVCSPublishingOptions say how the module publishes:
	// from tags (the default) or from a branch.
	RegistryModuleVCSPublishingOptions
}

// RegistryModuleVCSPublishingOptions are how a VCS-connected module
// publishes versions: RegistryModuleVCSRepoOptions embeds them to publish
// a module, and Update takes them (as RegistryModuleVCSRepoUpdateOptions)
// to change how it publishes. Nil leaves a setting to the service's
// default on a publish, and as it is on an update.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#update-a-private-registry-module
type RegistryModuleVCSPublishingOptions struct {
	// Branch makes the module branch-based, publishing from this branch;
	// not with Tags true.
	Branch *string `json:"branch,omitempty"`
	// Tags makes the module publish a version per tag (the default of a
	// new module without Branch).
	Tags *bool `json:"tags,omitempty"`
	// SourceDirectory is the module's directory in a monorepo.
	SourceDirectory *string `json:"source-directory,omitempty"`
	// TagPrefix keeps the tags that start with it (monorepos).
	TagPrefix *string `json:"tag-prefix,omitempty"`
}

// RegistryModuleTestConfigOptions sets a module's test settings.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#update-a-private-registry-module
type RegistryModuleTestConfigOptions struct {
	// TestsEnabled runs the module's tests on its commits.
	TestsEnabled *bool `json:"tests-enabled,omitempty"`
	// AgentExecutionMode is where tests run: remote or agent.
	AgentExecutionMode *ExecutionMode `json:"agent-execution-mode,omitempty"`
	// AgentPoolID is the agent pool of tests in agent mode (apool-…).
	AgentPoolID *string `json:"agent-pool-id,omitempty"`
}

// RegistryModuleCreateWithVCSConnectionOptions publishes a module from a
// repository. Name and Provider are read from a repository named
// terraform-<provider>-<name> unless set; set them for a monorepo.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#publish-a-private-module-from-a-vcs
type RegistryModuleCreateWithVCSConnectionOptions struct {
	// Name is the module's name.
	Name *string `json:"name,omitempty"`
	// Provider is the module's provider.
	Provider *string `json:"provider,omitempty"`
	// VCSRepo is the repository (required).
	VCSRepo RegistryModuleVCSRepoOptions `json:"vcs-repo"`
	// InitialVersion is the first version of a branch-based module
	// (default 0.0.0); refused without VCSRepo.Branch.
	InitialVersion *string `json:"initial-version,omitempty"`
	// TestConfig sets the test settings; tests need VCSRepo.Branch.
	TestConfig *RegistryModuleTestConfigOptions `json:"test-config,omitempty"`
}

// RegistryModuleVCSRepoUpdateOptions changes how a VCS-connected module
// publishes (RegistryModuleUpdateOptions.VCSRepo): Branch switches it to
// branch-based, Tags to tag-based. It is the one definition of the
// publishing settings, RegistryModuleVCSPublishingOptions, under go-tfe's
// name for the update's.
type RegistryModuleVCSRepoUpdateOptions = RegistryModuleVCSPublishingOptions

// RegistryModuleUpdateOptions changes a module: nil leaves a setting as it
// is; at least one must be set.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#update-a-private-registry-module
type RegistryModuleUpdateOptions struct {
	// NoCode enables or disables no-code provisioning for the module
	// (NoCodeModules has the finer settings).
	NoCode *bool `json:"no-code,omitempty"`
	// TestConfig changes the test settings.
	TestConfig *RegistryModuleTestConfigOptions `json:"test-config,omitempty"`
	// VCSRepo changes the publishing settings.
	VCSRepo *RegistryModuleVCSRepoUpdateOptions `json:"vcs-repo,omitempty"`
}

// RegistryModuleVersionCreateOptions creates a module version.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#create-a-module-version
type RegistryModuleVersionCreateOptions struct {
	// Version is the version, such as "1.2.0" (required).
	Version string `json:"version"`
	// CommitSHA is the commit of a branch-based module's version.
	CommitSHA *string `json:"commit-sha,omitempty"`
}

// RegistryModuleVersion is one version of a registry module.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#create-a-module-version
type RegistryModuleVersion struct {
	// ID is the version's ID (modver-…).
	ID string `json:"-"`
	// Version is the version number.
	Version string `json:"version"`
	// Status is the version's state: pending until its archive arrives,
	// then ok, or a failure such as reg_ingress_failed.
	Status string `json:"status"`
	// Source is where the version came from, such as tfe-api or github.
	Source string `json:"source"`
	// CreatedAt is when the version was created.
	CreatedAt time.Time `json:"created-at"`
	// UpdatedAt is when the version last changed.
	UpdatedAt time.Time `json:"updated-at"`
	// UploadURL is where Upload sends the archive (links.upload); empty
	// when the answer carries no link. The docs do not say whether the
	// link outlives the upload (tfetest keeps it, and a second upload
	// replaces the archive). It grants access by itself: keep it out of
	// logs.
	UploadURL string `json:"-"`
	// RegistryModule is the version's module (ID only).
	RegistryModule *RegistryModule `json:"-"`
}

// Commit is a commit of a VCS-connected module's repository.
type Commit struct {
	// ID is the commit resource's ID.
	ID string `json:"-"`
	// Sha is the commit's hash.
	Sha string `json:"sha"`
	// Date is when the commit was made, as the VCS gives it.
	Date string `json:"date"`
	// URL is the commit's web page.
	URL string `json:"url"`
	// Author is the commit's author.
	Author string `json:"author"`
	// AuthorAvatarURL is the author's picture.
	AuthorAvatarURL string `json:"author-avatar-url"`
	// AuthorHTMLURL is the author's page.
	AuthorHTMLURL string `json:"author-html-url"`
	// Message is the commit message.
	Message string `json:"message"`
}

// CommitList is the latest commits of a module's repository.
type CommitList struct {
	// Pagination is nil when the answer has no pagination meta.
	*Pagination
	// Items are the commits, newest first.
	Items []*Commit
}

// TerraformRegistryModule is a module version as the registry protocol
// describes it (plain JSON).
//
// https://developer.hashicorp.com/terraform/registry/api-docs#get-a-specific-module
type TerraformRegistryModule struct {
	// ID is namespace/name/provider/version.
	ID string `json:"id"`
	// Owner is the publisher's account.
	Owner string `json:"owner"`
	// Namespace is the module's namespace.
	Namespace string `json:"namespace"`
	// Name is the module's name.
	Name string `json:"name"`
	// Version is the version described.
	Version string `json:"version"`
	// Provider is the module's provider.
	Provider string `json:"provider"`
	// ProviderLogoURL is the provider's logo.
	ProviderLogoURL string `json:"provider_logo_url"`
	// Description is the module's description.
	Description string `json:"description"`
	// Source is the module's repository.
	Source string `json:"source"`
	// Tag is the version's tag.
	Tag string `json:"tag"`
	// PublishedAt is when the version was published.
	PublishedAt time.Time `json:"published_at"`
	// Downloads is how many times the module was downloaded.
	Downloads int `json:"downloads"`
	// Verified reports whether the publisher is verified.
	Verified bool `json:"verified"`
	// Root is the module's root module.
	Root TerraformRegistryModuleRoot `json:"root"`
	// Providers are the providers the module uses.
	Providers []string `json:"providers"`
	// Versions are every version of the module.
	Versions []string `json:"versions"`
}

// TerraformRegistryModuleRoot is the root module of a registry module.
type TerraformRegistryModuleRoot struct {
	// Path is the module's path in the package ("" for the root).
	Path string `json:"path"`
	// Name is the module's name.
	Name string `json:"name"`
	// Readme is the module's README.
	Readme string `json:"readme"`
	// Empty reports whether the module has no Terraform files.
	Empty bool `json:"empty"`
	// Inputs are the module's variables.
	Inputs []TerraformRegistryModuleInput `json:"inputs"`
	// Outputs are the module's outputs.
	Outputs []TerraformRegistryModuleOutput `json:"outputs"`
	// ProviderDependencies are the providers the module requires.
	ProviderDependencies []TerraformRegistryModuleProvider `json:"provider_dependencies"`
	// Resources are the resources the module declares.
	Resources []TerraformRegistryModuleResource `json:"resources"`
}

// TerraformRegistryModuleInput is a variable of a registry module.
type TerraformRegistryModuleInput struct {
	// Name is the variable's name.
	Name string `json:"name"`
	// Type is the variable's type constraint.
	Type string `json:"type"`
	// Description is the variable's description.
	Description string `json:"description"`
	// Default is the default value, encoded as a string ("" for none).
	Default string `json:"default"`
	// Required reports whether the variable has no default.
	Required bool `json:"required"`
}

// TerraformRegistryModuleOutput is an output of a registry module.
type TerraformRegistryModuleOutput struct {
	// Name is the output's name.
	Name string `json:"name"`
	// Description is the output's description.
	Description string `json:"description"`
}

// TerraformRegistryModuleProvider is a provider a registry module
// requires.
type TerraformRegistryModuleProvider struct {
	// Name is the provider's local name.
	Name string `json:"name"`
	// Namespace is the provider's namespace.
	Namespace string `json:"namespace"`
	// Source is the provider's source address.
	Source string `json:"source"`
	// Version is the version constraint.
	Version string `json:"version"`
}

// TerraformRegistryModuleResource is a resource a registry module
// declares.
type TerraformRegistryModuleResource struct {
	// Name is the resource's name.
	Name string `json:"name"`
	// Type is the resource's type.
	Type string `json:"type"`
}

// validate checks the repository options.
func (o RegistryModuleVCSRepoOptions) validate(field string) error {
	switch {
	case o.Identifier == "":
		return invalid(ErrRequiredVCSRepo, field+".Identifier", mustNotBeEmpty)
	case o.DisplayIdentifier == "":
		return invalid(ErrRequiredVCSRepo, field+".DisplayIdentifier", mustNotBeEmpty)
	case isEmpty(o.OAuthTokenID) && isEmpty(o.GHAInstallationID):
		return invalid(ErrRequiredVCSRepo, field, "set OAuthTokenID or GHAInstallationID")
	case !isEmpty(o.OAuthTokenID) && !isEmpty(o.GHAInstallationID):
		return invalid(ErrValidation, field, "set OAuthTokenID or GHAInstallationID, not both")
	}
	return o.RegistryModuleVCSPublishingOptions.validate(field)
}

// validate refuses a branch with tag publishing; field names the options
// in errors.
func (o RegistryModuleVCSPublishingOptions) validate(field string) error {
	if !isEmpty(o.Branch) && o.Tags != nil && *o.Tags {
		return invalid(ErrBranchWithTags, field+".Tags", "must not be true with a Branch")
	}
	return nil
}

// isEmpty reports whether an optional string is unset or empty.
func isEmpty(s *string) bool { return s == nil || *s == "" }

// validate checks the test settings: a pool goes only with agent mode.
func (o *RegistryModuleTestConfigOptions) validate(field string) error {
	if o == nil {
		return nil
	}
	return executionSettings{
		mode: o.AgentExecutionMode, pool: nullableOf(o.AgentPoolID),
		modeField: field + ".AgentExecutionMode", poolField: field + ".AgentPoolID",
	}.check()
}

// validate checks the options.
func (o RegistryModuleCreateWithVCSConnectionOptions) validate() error {
	const options = "RegistryModuleCreateWithVCSConnectionOptions"
	err := firstError(o.VCSRepo.validate(options+".VCSRepo"), o.TestConfig.validate(options+".TestConfig"))
	switch {
	case err != nil:
		return err
	case o.InitialVersion != nil && isEmpty(o.VCSRepo.Branch):
		return invalid(ErrValidation, options+".InitialVersion", "only a branch-based module (VCSRepo.Branch) takes one")
	case o.TestConfig != nil && o.TestConfig.TestsEnabled != nil && *o.TestConfig.TestsEnabled && isEmpty(o.VCSRepo.Branch):
		return invalid(ErrValidation, options+".TestConfig.TestsEnabled", "tests need a branch-based module (VCSRepo.Branch)")
	}
	return nil
}

// validate checks the options.
func (o RegistryModuleUpdateOptions) validate() error {
	const options = "RegistryModuleUpdateOptions"
	if o == (RegistryModuleUpdateOptions{}) {
		return nothingToUpdate(options)
	}
	err := o.TestConfig.validate(options + ".TestConfig")
	if err == nil && o.VCSRepo != nil {
		err = o.VCSRepo.validate(options + ".VCSRepo")
	}
	return err
}

// CreateWithVCSConnection implements RegistryModules.
func (s *registryModules) CreateWithVCSConnection(ctx context.Context, organization string, opts RegistryModuleCreateWithVCSConnectionOptions) (*RegistryModule, error) {
	if err := firstError(checkID(ErrInvalidOrg, "organization", organization), opts.validate()); err != nil {
		return nil, err
	}
	doc := newDocument("registry-modules", opts)
	return requestOne(ctx, s.client, post(apiPath("organizations", organization, "registry-modules", "vcs"), doc), registryModuleDecoder)
}

// Update implements RegistryModules.
func (s *registryModules) Update(ctx context.Context, id RegistryModuleID, opts RegistryModuleUpdateOptions) (*RegistryModule, error) {
	path, err := id.path(opts.validate())
	if err != nil {
		return nil, err
	}
	return requestOne(ctx, s.client, patch(path, newDocument("registry-modules", opts)), registryModuleDecoder)
}

// ListCommits implements RegistryModules.
func (s *registryModules) ListCommits(ctx context.Context, id RegistryModuleID) (*CommitList, error) {
	path, err := id.path()
	items, page, err := listPage(ctx, s.client, newListing[ListOptions](path+"/commits", nil, err), commitDecoder)
	if err != nil {
		return nil, err
	}
	return &CommitList{Pagination: page, Items: items}, nil
}

// CreateVersion implements RegistryModules.
func (s *registryModules) CreateVersion(ctx context.Context, id RegistryModuleID, opts RegistryModuleVersionCreateOptions) (*RegistryModuleVersion, error) {
	path, err := id.path(checkVersion("RegistryModuleVersionCreateOptions.Version", opts.Version))
	if err != nil {
		return nil, err
	}
	return requestWith(ctx, s.client, post(path+"/versions", newDocument("registry-module-versions", opts)), decodeModuleVersion)
}

// ReadVersion implements RegistryModules.
func (s *registryModules) ReadVersion(ctx context.Context, id RegistryModuleID, version string) (*RegistryModuleVersion, error) {
	path, err := id.path(checkVersion("version", version))
	if err != nil {
		return nil, err
	}
	return requestWith(ctx, s.client, get(path+"/version", url.Values{"module_version": {version}}), decodeModuleVersion)
}

// Upload implements RegistryModules.
func (s *registryModules) Upload(ctx context.Context, version *RegistryModuleVersion, archive io.Reader) error {
	if version == nil || version.UploadURL == "" {
		return invalid(ErrNoUploadLink, "version.UploadURL", "create the version (CreateVersion) or read it (ReadVersion) before its upload")
	}
	if archive == nil {
		return invalid(ErrValidation, "archive", "must not be nil")
	}
	to, err := url.Parse(version.UploadURL)
	if err != nil || !isHTTPURL(to) {
		return invalid(ErrValidation, "version.UploadURL", "must be an absolute http(s) URL")
	}
	data, err := readArchive(archive, MaxModuleArchiveSize)
	if err != nil {
		return err
	}
	cl := call{method: http.MethodPut, to: to, raw: data, contentType: "application/octet-stream", hidePath: true}.hiding(version.UploadURL, to.Path)
	return s.client.requestNoContent(ctx, cl)
}

// readArchive reads all of archive, refusing one of more than limit
// bytes after reading limit+1.
func readArchive(archive io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(archive, limit+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("tfe: reading the module archive: %w", err)
	case int64(len(data)) > limit:
		return nil, invalid(ErrArchiveTooLarge, "archive", fmt.Sprintf("larger than %d bytes (MaxModuleArchiveSize)", limit))
	}
	return data, nil
}

// ReadTerraformRegistryModule implements RegistryModules.
func (s *registryModules) ReadTerraformRegistryModule(ctx context.Context, id RegistryModuleID, version string) (*TerraformRegistryModule, error) {
	err := firstError(
		checkID(ErrInvalidRegistryModuleID, "RegistryModuleID.Namespace", id.namespace()),
		checkID(ErrInvalidRegistryModuleID, "RegistryModuleID.Name", id.Name),
		checkID(ErrInvalidRegistryModuleID, "RegistryModuleID.Provider", id.Provider),
		checkVersion("version", version),
		id.checkRegistry(),
	)
	if err != nil {
		return nil, err
	}
	prefix := "api/registry/v1/modules"
	if id.registry() == PublicRegistry {
		prefix = "api/registry/public/v1/modules"
	}
	cl := call{method: http.MethodGet, to: s.client.hostURL(prefix + "/" + apiPath(id.namespace(), id.Name, id.Provider, version))}
	return requestWith(ctx, s.client, cl, decodeTerraformRegistryModule)
}

// decodeTerraformRegistryModule decodes the registry protocol's answer,
// which must name its module.
func decodeTerraformRegistryModule(body []byte) (*TerraformRegistryModule, error) {
	m := new(TerraformRegistryModule)
	if err := json.Unmarshal(body, m); err != nil {
		return nil, err
	}
	if m.ID == "" {
		return nil, fmt.Errorf("the answer names no module: %w", errNoData)
	}
	return m, nil
}

// checkVersion validates a module version that goes into a path or query.
func checkVersion(field, version string) error {
	return checkID(ErrInvalidVersion, field, version)
}

// decodeModuleVersion decodes an answer holding one
// registry-module-versions resource, and its upload link too.
func decodeModuleVersion(body []byte) (*RegistryModuleVersion, error) {
	v, err := moduleVersionDecoder.one(body)
	if err != nil {
		return nil, err
	}
	var links struct {
		Data struct {
			Links struct {
				Upload string `json:"upload"`
			} `json:"links"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &links); err != nil {
		return nil, err
	}
	v.UploadURL = links.Data.Links.Upload
	return v, nil
}

// moduleVersionRelationships are the relationships of a
// registry-module-versions resource.
type moduleVersionRelationships struct {
	RegistryModule toOne `json:"registry-module"`
}

// moduleVersionDecoder decodes registry-module-versions resources.
var moduleVersionDecoder = newDecoder(&kind[RegistryModuleVersion, moduleVersionRelationships, RegistryModuleVersion]{
	typ: "registry-module-versions",
	model: func(res *resource[RegistryModuleVersion, moduleVersionRelationships], _ *included) *RegistryModuleVersion {
		v := &res.Attributes
		v.ID = res.ID
		v.RegistryModule = idOnly(res.Relationships.RegistryModule, registryModuleStub)
		return v
	},
})

// commitDecoder decodes commit resources.
var commitDecoder = newDecoder(attributesOnly("commit", func(c *Commit, id string) { c.ID = id }))
