package tfe

import (
	"context"
	"fmt"
)

// NoCodeModules manages no-code provisioning: which registry modules end
// users may deploy as workspaces, the values they may choose, and the
// workspaces created from them and their upgrades. The write endpoints
// refuse organization tokens: use a user or team token. Methods may be
// added in later versions.
//
// A typical lifecycle: Create (pin a version), ReadVariables, Update (set
// variable options), CreateWorkspace; later Update (bump the pin),
// UpgradeWorkspace, WaitForWorkspaceUpgrade, ConfirmWorkspaceUpgrade when
// Confirmable.
type NoCodeModules interface {
	// Create enables no-code provisioning for a private registry module.
	// A 404 means the organization is missing or not visible, or the
	// Terraform Enterprise release predates no-code provisioning: the
	// error's text says both (APIError.EndpointAddedIn), where go-tfe
	// says only "resource not found".
	//
	// POST /organizations/:organization_name/no-code-modules
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/no-code-provisioning#enable-no-code-provisioning-for-a-module
	Create(ctx context.Context, organization string, opts NoCodeModuleCreateOptions) (*NoCodeModule, error)

	// Read returns a no-code module with its variable options (also when
	// opts is nil).
	//
	// GET /no-code-modules/:id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/no-code-provisioning#read-a-no-code-modules-properties
	Read(ctx context.Context, noCodeModuleID string, opts *NoCodeModuleReadOptions) (*NoCodeModule, error)

	// Update changes a no-code module's settings. See
	// NoCodeModuleUpdateOptions: a non-nil VariableOptions replaces the
	// whole set, and without RegistryModuleID the module is read first.
	//
	// PATCH /no-code-modules/:id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/no-code-provisioning#update-no-code-provisioning-settings
	Update(ctx context.Context, noCodeModuleID string, opts NoCodeModuleUpdateOptions) (*NoCodeModule, error)

	// Delete disables no-code provisioning for the module. The registry
	// module and the workspaces created from it remain.
	//
	// DELETE /no-code-modules/:id
	// Undocumented endpoint (beta): the service answers it, the API
	// documentation does not describe it.
	Delete(ctx context.Context, noCodeModuleID string) error

	// ReadVariables returns the input variables a version of the module
	// declares. The list is not paginated.
	//
	// GET /no-code-modules/:id/versions/:version/module-variables
	// Undocumented endpoint (beta): the service answers it, the API
	// documentation does not describe it.
	ReadVariables(ctx context.Context, noCodeModuleID, version string) ([]*RegistryModuleVariable, error)

	// CreateWorkspace creates a workspace from the module's pinned version
	// and starts its first run.
	//
	// POST /no-code-modules/:id/workspaces
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/no-code-provisioning#create-a-no-code-module-workspace
	CreateWorkspace(ctx context.Context, noCodeModuleID string, opts NoCodeWorkspaceCreateOptions) (*Workspace, error)

	// UpgradeWorkspace starts a plan that moves a workspace to the module's
	// current settings. The returned upgrade's ID is the run ID the other
	// upgrade methods take.
	//
	// POST /no-code-modules/:id/workspaces/:workspace_id/upgrade
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/no-code-provisioning#initiate-a-no-code-workspace-update
	UpgradeWorkspace(ctx context.Context, noCodeModuleID, workspaceID string, opts *NoCodeWorkspaceUpgradeOptions) (*WorkspaceUpgrade, error)

	// ReadWorkspaceUpgrade returns an upgrade's run status and plan URL.
	//
	// GET /no-code-modules/:id/workspaces/:workspace_id/upgrade/:run_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/no-code-provisioning#read-workspace-upgrade-plan-status
	ReadWorkspaceUpgrade(ctx context.Context, noCodeModuleID, workspaceID, upgradeID string) (*WorkspaceUpgrade, error)

	// ConfirmWorkspaceUpgrade confirms an upgrade's plan and applies it.
	// Call it when the upgrade is Confirmable.
	//
	// POST /no-code-modules/:id/workspaces/:workspace_id/upgrade/:run_id
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/no-code-provisioning#confirm-and-apply-a-workspace-upgrade-plan
	ConfirmWorkspaceUpgrade(ctx context.Context, noCodeModuleID, workspaceID, upgradeID string) error

	// WaitForWorkspaceUpgrade reads the upgrade every opts.PollInterval
	// until its run leaves the in-progress states, and returns the last
	// read. A failed run is no error: check Failed on the result. The
	// error is a failed read, or the context's error (with the last read)
	// when ctx ends first.
	//
	// GET /no-code-modules/:id/workspaces/:workspace_id/upgrade/:run_id, repeated
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/no-code-provisioning#read-workspace-upgrade-plan-status
	WaitForWorkspaceUpgrade(ctx context.Context, noCodeModuleID, workspaceID, upgradeID string, opts *WaitOptions) (*WorkspaceUpgrade, error)
}

// noCodeModules implements NoCodeModules.
type noCodeModules struct {
	client *Client
}

var _ NoCodeModules = (*noCodeModules)(nil)

// NoCodeModule is a registry module enabled for no-code provisioning.
type NoCodeModule struct {
	// ID is the no-code module's ID (nocode-…).
	ID string `json:"-"`
	// Enabled reports whether end users may provision the module.
	Enabled bool `json:"enabled"`
	// VersionPin is the module version no-code workspaces use.
	VersionPin string `json:"version-pin"`
	// Organization is the module's organization (Name only).
	Organization *Organization `json:"-"`
	// RegistryModule is the registry module (ID only).
	RegistryModule *RegistryModule `json:"-"`
	// VariableOptions are the allowed values of the module's variables;
	// only their IDs are set unless the answer included them (Read does).
	VariableOptions []*NoCodeVariableOption `json:"-"`
}

// NoCodeVariableOption is the set of values end users may choose for one
// module variable.
type NoCodeVariableOption struct {
	// ID is the option set's ID (ncvaropt-…); empty for a new set.
	ID string `json:"-"`
	// VariableName is the name of the module variable.
	VariableName string `json:"variable-name"`
	// VariableType is the variable's Terraform type, such as "string".
	VariableType string `json:"variable-type"`
	// Options are the allowed values.
	Options []string `json:"options"`
}

// RegistryModuleVariable is an input variable a module version declares.
type RegistryModuleVariable struct {
	// Name is the variable's name.
	Name string `json:"name"`
	// Type is the variable's Terraform type.
	Type string `json:"type"`
	// Description is the variable's description.
	Description string `json:"description"`
	// Default is the variable's default value, nil when it has none.
	Default any `json:"default"`
	// Required reports whether the variable has no default.
	Required bool `json:"required"`
	// Sensitive reports whether the variable is marked sensitive.
	Sensitive bool `json:"sensitive"`
	// Options are the values the module author lists for it.
	Options []string `json:"options"`
}

// NoCodeModuleIncludeOpt names a resource Read can return with the module.
type NoCodeModuleIncludeOpt string

// NoCodeIncludeVariableOptions includes the variable options. The wire
// value is spelled with an underscore, as the API documentation gives it;
// other spellings (variable-options) are answered with 400.
const NoCodeIncludeVariableOptions NoCodeModuleIncludeOpt = "variable_options"

// NoCodeModuleReadOptions selects what Read includes.
type NoCodeModuleReadOptions struct {
	// Include lists related resources to return; empty (or nil options)
	// means NoCodeIncludeVariableOptions.
	Include []NoCodeModuleIncludeOpt `query:"include"`
}

// NoCodeModuleCreateOptions enables no-code provisioning for a module.
type NoCodeModuleCreateOptions struct {
	// RegistryModuleID is the private registry module's ID (mod-…;
	// required).
	RegistryModuleID string `json:"-"`
	// Enabled lets end users provision the module (the service's default
	// is false).
	Enabled *bool `json:"enabled,omitempty"`
	// VersionPin is the module version to use; the service defaults to the
	// latest version. Pin it explicitly so that a new publish does not
	// change what every consumer gets.
	VersionPin *string `json:"version-pin,omitempty"`
	// VariableOptions restrict the values of module variables.
	VariableOptions []*NoCodeVariableOption `json:"-"`
}

// NoCodeModuleUpdateOptions changes a no-code module. Nil fields keep
// their values.
type NoCodeModuleUpdateOptions struct {
	// RegistryModuleID moves the no-code settings to another registry
	// module. The service needs the registry module on every update; when
	// this is nil, Update reads the no-code module first (one more
	// request) and sends its current registry module.
	RegistryModuleID *string `json:"-"`
	// Enabled turns no-code provisioning on or off.
	Enabled *bool `json:"enabled,omitempty"`
	// VersionPin changes the module version no-code workspaces use.
	VersionPin *string `json:"version-pin,omitempty"`
	// VariableOptions, when not nil, replaces the module's whole set of
	// variable options: sets left out are removed, and an empty non-nil
	// slice removes them all. An entry with an ID replaces that set; one
	// without creates a new set. To add a set and keep the others, read
	// the module and send the existing sets back with their IDs:
	//
	//	m, err := client.NoCodeModules.Read(ctx, id, nil)
	//	// handle err
	//	opts := tfe.NoCodeModuleUpdateOptions{
	//		VariableOptions: append(m.VariableOptions, &tfe.NoCodeVariableOption{
	//			VariableName: "region", VariableType: "string",
	//			Options: []string{"us-east-1", "eu-west-1"},
	//		}),
	//	}
	//	m, err = client.NoCodeModules.Update(ctx, id, opts)
	VariableOptions []*NoCodeVariableOption `json:"-"`
}

// validate checks the options.
func (o NoCodeModuleCreateOptions) validate() error {
	return firstError(
		checkID(ErrInvalidRegistryModuleID, "NoCodeModuleCreateOptions.RegistryModuleID", o.RegistryModuleID),
		checkVariableOptions("NoCodeModuleCreateOptions.VariableOptions", o.VariableOptions),
	)
}

// validate checks the options.
func (o NoCodeModuleUpdateOptions) validate() error {
	if o.RegistryModuleID == nil && o.Enabled == nil && o.VersionPin == nil && o.VariableOptions == nil {
		return nothingToUpdate("NoCodeModuleUpdateOptions")
	}
	return firstError(
		checkOptionalID(ErrInvalidRegistryModuleID, "NoCodeModuleUpdateOptions.RegistryModuleID", o.RegistryModuleID),
		checkVariableOptions("NoCodeModuleUpdateOptions.VariableOptions", o.VariableOptions),
	)
}

// checkVariableOptions refuses nil entries and entries without a variable
// name.
func checkVariableOptions(field string, opts []*NoCodeVariableOption) error {
	for i, o := range opts {
		if o == nil || o.VariableName == "" {
			return invalid(ErrRequiredName, fieldIndex(field, i)+".VariableName", "each option set needs the variable's name")
		}
	}
	return nil
}

// Create enables no-code provisioning for a private registry module.
func (s *noCodeModules) Create(ctx context.Context, organization string, opts NoCodeModuleCreateOptions) (*NoCodeModule, error) {
	if err := firstError(checkID(ErrInvalidOrg, "organization", organization), opts.validate()); err != nil {
		return nil, err
	}
	doc := newDocumentWith("no-code-modules", opts, noCodeModuleLinks(opts.RegistryModuleID, opts.VariableOptions))
	// The service answers 200, not 201.
	// A Terraform Enterprise release without no-code provisioning answers
	// 404 as for a missing organization: the error says both are possible.
	return requestOne(ctx, s.client, post(apiPath("organizations", organization, "no-code-modules"), doc).since(laterRelease), noCodeModuleDecoder)
}

// Read returns a no-code module with its variable options.
func (s *noCodeModules) Read(ctx context.Context, noCodeModuleID string, opts *NoCodeModuleReadOptions) (*NoCodeModule, error) {
	if err := checkID(ErrInvalidNoCodeModuleID, "noCodeModuleID", noCodeModuleID); err != nil {
		return nil, err
	}
	q := NoCodeModuleReadOptions{Include: []NoCodeModuleIncludeOpt{NoCodeIncludeVariableOptions}}
	if opts != nil && len(opts.Include) > 0 {
		q = *opts
	}
	return requestOne(ctx, s.client, get(apiPath("no-code-modules", noCodeModuleID), encodeQuery(q)), noCodeModuleDecoder)
}

// Update changes a no-code module's settings.
func (s *noCodeModules) Update(ctx context.Context, noCodeModuleID string, opts NoCodeModuleUpdateOptions) (*NoCodeModule, error) {
	if err := firstError(checkID(ErrInvalidNoCodeModuleID, "noCodeModuleID", noCodeModuleID), opts.validate()); err != nil {
		return nil, err
	}
	registryModuleID, err := s.registryModuleID(ctx, noCodeModuleID, opts.RegistryModuleID)
	if err != nil {
		return nil, err
	}
	doc := newDocumentWith("no-code-modules", opts, noCodeModuleLinks(registryModuleID, opts.VariableOptions))
	return requestOne(ctx, s.client, patch(apiPath("no-code-modules", noCodeModuleID), doc), noCodeModuleDecoder)
}

// registryModuleID returns the given registry module ID, or reads the
// no-code module for its current one: the service answers an update
// without the registry-module relationship with 404.
func (s *noCodeModules) registryModuleID(ctx context.Context, noCodeModuleID string, given *string) (string, error) {
	if given != nil {
		return *given, nil
	}
	m, err := s.Read(ctx, noCodeModuleID, nil)
	if err != nil {
		return "", fmt.Errorf("tfe: reading no-code module %s for its registry module: %w", noCodeModuleID, err)
	}
	if m.RegistryModule == nil || m.RegistryModule.ID == "" {
		return "", fmt.Errorf("tfe: no-code module %s: the service returned no registry module; set NoCodeModuleUpdateOptions.RegistryModuleID", noCodeModuleID)
	}
	return m.RegistryModule.ID, nil
}

// Delete disables no-code provisioning for the module.
func (s *noCodeModules) Delete(ctx context.Context, noCodeModuleID string) error {
	if err := checkID(ErrInvalidNoCodeModuleID, "noCodeModuleID", noCodeModuleID); err != nil {
		return err
	}
	return s.client.requestNoContent(ctx, del(apiPath("no-code-modules", noCodeModuleID), nil))
}

// ReadVariables returns the input variables a version of the module
// declares.
func (s *noCodeModules) ReadVariables(ctx context.Context, noCodeModuleID, version string) ([]*RegistryModuleVariable, error) {
	err := firstError(
		checkID(ErrInvalidNoCodeModuleID, "noCodeModuleID", noCodeModuleID),
		checkVersion("version", version),
	)
	if err != nil {
		return nil, err
	}
	path := apiPath("no-code-modules", noCodeModuleID, "versions", version, "module-variables")
	vars, _, err := requestMany(ctx, s.client, get(path, nil), moduleVariableDecoder)
	return vars, err
}

// noCodeModuleRequestLinks are the relationships of a create or update.
type noCodeModuleRequestLinks struct {
	RegistryModule  *toOne                            `json:"registry-module"`
	VariableOptions *inlineMany[NoCodeVariableOption] `json:"variable-options,omitempty"`
}

// noCodeModuleLinks returns the relationships of a create or update: the
// registry module, named with type "registry-module" as the API
// documentation says (answers use "registry-modules"), and the variable
// options inline, each with its ID when it replaces an existing set.
func noCodeModuleLinks(registryModuleID string, options []*NoCodeVariableOption) noCodeModuleRequestLinks {
	var sets []NoCodeVariableOption
	if options != nil {
		sets = make([]NoCodeVariableOption, len(options))
		for i, o := range options {
			sets[i] = *o
			if sets[i].Options == nil {
				sets[i].Options = []string{}
			}
		}
	}
	return noCodeModuleRequestLinks{
		RegistryModule:  oneRef("registry-module", registryModuleID),
		VariableOptions: inline("variable-options", sets, func(o NoCodeVariableOption) string { return o.ID }),
	}
}

// noCodeModuleRelationships are the relationships of a no-code-modules
// resource.
type noCodeModuleRelationships struct {
	Organization    toOne  `json:"organization"`
	RegistryModule  toOne  `json:"registry-module"`
	VariableOptions toMany `json:"variable-options"`
}

// noCodeModuleKind reads no-code-modules resources.
var noCodeModuleKind = &kind[NoCodeModule, noCodeModuleRelationships, NoCodeModule]{typ: "no-code-modules", model: noCodeModuleModel}

// noCodeModuleDecoder decodes no-code modules with their included
// variable options.
var noCodeModuleDecoder = newDecoder(noCodeModuleKind, variableOptionKind)

// noCodeModuleModel finishes a NoCodeModule. The registry module stays an
// ID: resolving it from the included resources could loop back to this
// module (a registry module lists its no-code modules).
func noCodeModuleModel(res *resource[NoCodeModule, noCodeModuleRelationships], inc *included) *NoCodeModule {
	m := &res.Attributes
	m.ID = res.ID
	rels := &res.Relationships
	m.Organization = idOnly(rels.Organization, organizationStub)
	m.RegistryModule = idOnly(rels.RegistryModule, registryModuleStub)
	m.VariableOptions = resolveMany(inc, rels.VariableOptions, newVariableOption)
	return m
}

// newVariableOption returns an option set with its ID only.
func newVariableOption(id string) *NoCodeVariableOption { return &NoCodeVariableOption{ID: id} }

// variableOptionKind reads variable-options resources.
var variableOptionKind = attributesOnly("variable-options", func(o *NoCodeVariableOption, id string) { o.ID = id })

// moduleVariableDecoder decodes registry-module-variables resources (the
// model has no ID).
var moduleVariableDecoder = newDecoder(attributesOnly[RegistryModuleVariable]("registry-module-variables", nil))
