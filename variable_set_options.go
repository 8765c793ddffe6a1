package tfe

// This file holds the options of the VariableSets methods: their rules and
// the request documents built from them.

// VariableSetIncludeOpt names related resources to return with variable
// sets (include).
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#available-related-resources
type VariableSetIncludeOpt string

// The related resources of a variable set. The docs list vars; workspaces
// and projects are relationships of every variable set.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#available-related-resources
const (
	// VariableSetIncludeVars fills VariableSet.Variables.
	VariableSetIncludeVars VariableSetIncludeOpt = "vars"
	// VariableSetIncludeWorkspaces fills VariableSet.Workspaces.
	VariableSetIncludeWorkspaces VariableSetIncludeOpt = "workspaces"
	// VariableSetIncludeProjects fills VariableSet.Projects.
	VariableSetIncludeProjects VariableSetIncludeOpt = "projects"
	// VariableSetIncludeStacks fills VariableSet.Stacks (HCP Terraform;
	// stacks are beta).
	VariableSetIncludeStacks VariableSetIncludeOpt = "stacks"
)

// VariableSetListOptions selects and filters a page of variable sets.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#query-parameters
type VariableSetListOptions struct {
	ListOptions
	// Query returns only the sets whose name contains it (q).
	Query string `query:"q"`
	// Include names related resources to return with each set.
	Include []VariableSetIncludeOpt `query:"include"`
}

// VariableSetReadOptions chooses what Read returns with the set.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#show-variable-set
type VariableSetReadOptions struct {
	// Include names related resources to return with the set.
	Include []VariableSetIncludeOpt `query:"include"`
}

// VariableSetCreateOptions are the attributes of a new variable set. Name
// is required.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#create-a-variable-set
type VariableSetCreateOptions struct {
	// Name is the set's name (required).
	Name string `json:"name"`
	// Description is the set's description; the API's default is "".
	Description *string `json:"description,omitempty"`
	// Global applies the set to every workspace of the organization; the
	// API's default is false.
	Global *bool `json:"global,omitempty"`
	// Priority makes the set's variables override more specific values;
	// the API's default is false.
	Priority *bool `json:"priority,omitempty"`
	// Parent makes the set owned by a project instead of the
	// organization (beta). The owner decides who manages the set and
	// where it may be applied; it does not apply the set anywhere:
	// ProjectIDs and WorkspaceIDs do that. Nil: the organization owns it.
	Parent *VariableSetParentOptions `json:"-"`
	// WorkspaceIDs are the workspaces to apply the set to.
	WorkspaceIDs []string `json:"-"`
	// ProjectIDs are the projects to apply the set to (not its owner:
	// see Parent).
	ProjectIDs []string `json:"-"`
	// Variables are the set's variables, each with the rules of
	// VariableCreateOptions.
	Variables []VariableSetVariableCreateOptions `json:"-"`
}

// VariableSetParentOptions names the owner of a new variable set: set
// exactly one field. A project-owned set is managed by that project's
// administrators and can be applied only within the project.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#create-a-variable-set
type VariableSetParentOptions struct {
	// ProjectID makes the project (prj-…) the owner.
	ProjectID string
	// Organization makes the organization the owner, as when Parent is
	// nil; it must be the organization the set is created in.
	Organization string
}

// VariableSetUpdateOptions are the attributes to change; those left nil
// keep their value. At least one must be set.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#update-a-variable-set
type VariableSetUpdateOptions struct {
	// Name renames the set; it must not be empty.
	Name *string `json:"name,omitempty"`
	// Description replaces the description.
	Description *string `json:"description,omitempty"`
	// Global changes whether the set applies to every workspace.
	Global *bool `json:"global,omitempty"`
	// Priority changes whether the set's variables take precedence.
	Priority *bool `json:"priority,omitempty"`
}

// validate checks the name, every ID and every variable.
func (o VariableSetCreateOptions) validate() error {
	if o.Name == "" {
		return invalid(ErrRequiredName, "VariableSetCreateOptions.Name", mustNotBeEmpty)
	}
	errs := []error{
		o.Parent.validate(),
		checkOptionalIDs(ErrInvalidWorkspaceID, "VariableSetCreateOptions.WorkspaceIDs", o.WorkspaceIDs),
		checkOptionalIDs(ErrInvalidProjectID, "VariableSetCreateOptions.ProjectIDs", o.ProjectIDs),
	}
	for i, v := range o.Variables {
		errs = append(errs, VariableCreateOptions(v).validate(fieldIndex("VariableSetCreateOptions.Variables", i)))
	}
	return firstError(errs...)
}

// variableSetCreateRelationships are what a create relates the new set
// to: the variables travel inline, with their attributes.
type variableSetCreateRelationships struct {
	Parent     *toOne                             `json:"parent,omitempty"`
	Workspaces *toMany                            `json:"workspaces,omitempty"`
	Projects   *toMany                            `json:"projects,omitempty"`
	Vars       *inlineMany[VariableCreateOptions] `json:"vars,omitempty"`
}

// document is the request document of a create.
func (o VariableSetCreateOptions) document() any {
	var vars []VariableCreateOptions
	for _, v := range o.Variables {
		vars = append(vars, VariableCreateOptions(v))
	}
	return newDocumentWith("varsets", o, variableSetCreateRelationships{
		Parent:     o.Parent.ref(),
		Workspaces: manyRefs("workspaces", o.WorkspaceIDs),
		Projects:   manyRefs("projects", o.ProjectIDs),
		Vars:       inline("vars", vars, nil),
	})
}

// validate checks that a parent, when given, names exactly one owner.
func (p *VariableSetParentOptions) validate() error {
	const field = "VariableSetCreateOptions.Parent"
	switch {
	case p == nil:
		return nil
	case p.ProjectID != "" && p.Organization != "":
		return invalid(ErrValidation, field, "set ProjectID or Organization, not both")
	case p.ProjectID != "":
		return checkID(ErrInvalidProjectID, field+".ProjectID", p.ProjectID)
	case p.Organization != "":
		return checkID(ErrInvalidOrg, field+".Organization", p.Organization)
	}
	return invalid(ErrValidation, field, "set ProjectID or Organization (or leave Parent nil)")
}

// ref is the parent relationship of a create, nil when Parent is.
func (p *VariableSetParentOptions) ref() *toOne {
	switch {
	case p == nil:
		return nil
	case p.ProjectID != "":
		return oneRef("projects", p.ProjectID)
	}
	return oneRef("organizations", p.Organization)
}

// sensitiveValues are the values of the create's sensitive variables.
func (o VariableSetCreateOptions) sensitiveValues() []string {
	var values []string
	for _, v := range o.Variables {
		values = append(values, sensitiveValue(v.Sensitive, v.Value))
	}
	return values
}

// validate refuses an update that sets nothing or empties the name.
func (o VariableSetUpdateOptions) validate() error {
	if o == (VariableSetUpdateOptions{}) {
		return nothingToUpdate("VariableSetUpdateOptions")
	}
	return checkNotEmptied(ErrRequiredName, "VariableSetUpdateOptions.Name", o.Name)
}
