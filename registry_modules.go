package tfe

import (
	"cmp"
	"context"
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
	// module it only removes the organization's record of it.
	//
	// DELETE /organizations/:organization_name/registry-modules/:registry_name/:namespace/:name/:provider
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/private-registry/modules#delete-a-module
	Delete(ctx context.Context, id RegistryModuleID) error
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

// path validates every part of id and returns the module's path.
func (id RegistryModuleID) path() (string, error) {
	registry := id.RegistryName
	if registry == "" {
		registry = PrivateRegistry
	}
	namespace := id.Namespace
	if namespace == "" {
		namespace = id.Organization
	}
	err := firstError(
		checkID(ErrInvalidOrg, "RegistryModuleID.Organization", id.Organization),
		checkID(ErrInvalidRegistryModuleID, "RegistryModuleID.Name", id.Name),
		checkID(ErrInvalidRegistryModuleID, "RegistryModuleID.Provider", id.Provider),
		checkID(ErrInvalidRegistryModuleID, "RegistryModuleID.Namespace", namespace),
	)
	if err == nil && !registry.valid() {
		err = invalid(ErrInvalidRegistryModuleID, "RegistryModuleID.RegistryName", "must be private or public")
	}
	if err != nil {
		return "", err
	}
	return apiPath("organizations", id.Organization, "registry-modules", string(registry), namespace, id.Name, id.Provider), nil
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
	// Organization is the module's organization (Name only).
	Organization *Organization `json:"-"`
	// NoCodeModules are the module's no-code settings, when listed with
	// RegistryModuleIncludeNoCodeModules.
	NoCodeModules []*NoCodeModule `json:"-"`
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
	hasNamespace := o.Namespace != nil && *o.Namespace != ""
	switch {
	case o.RegistryName == PublicRegistry && !hasNamespace:
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
	path, err := id.path()
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
		if name := res.Relationships.Organization.id(); name != "" {
			m.Organization = &Organization{Name: name}
		}
		m.NoCodeModules = resolveMany(inc, res.Relationships.NoCodeModules, func(id string) *NoCodeModule { return &NoCodeModule{ID: id} })
		return m
	},
}, noCodeModuleKind)
