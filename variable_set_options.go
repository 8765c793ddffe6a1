package tfe

import (
	"strconv"

	"github.com/google/jsonapi"
)

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
	Name string
	// Description is the set's description; the API's default is "".
	Description *string
	// Global applies the set to every workspace of the organization; the
	// API's default is false.
	Global *bool
	// Priority makes the set's variables override more specific values;
	// the API's default is false.
	Priority *bool
	// WorkspaceIDs are the workspaces to apply the set to.
	WorkspaceIDs []string
	// ProjectIDs are the projects to apply the set to.
	ProjectIDs []string
	// Variables are the set's variables, each with the rules of
	// VariableCreateOptions.
	Variables []VariableSetVariableCreateOptions
}

// VariableSetUpdateOptions are the attributes to change; those left nil
// keep their value. At least one must be set.
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#update-a-variable-set
type VariableSetUpdateOptions struct {
	// Name renames the set; it must not be empty.
	Name *string
	// Description replaces the description.
	Description *string
	// Global changes whether the set applies to every workspace.
	Global *bool
	// Priority changes whether the set's variables take precedence.
	Priority *bool
}

// page returns the page options, zero for nil options.
func (o *VariableSetListOptions) page() ListOptions {
	if o == nil {
		return ListOptions{}
	}
	return o.ListOptions
}

// atPage returns a copy of the options (or of zero options) for page.
func (o *VariableSetListOptions) atPage(page ListOptions) *VariableSetListOptions {
	var c VariableSetListOptions
	if o != nil {
		c = *o
	}
	c.ListOptions = page
	return &c
}

// validate checks the name, every ID and every variable.
func (o VariableSetCreateOptions) validate() error {
	if o.Name == "" {
		return invalid(ErrRequiredName, "VariableSetCreateOptions.Name", mustNotBeEmpty)
	}
	errs := []error{
		checkOptionalIDs(ErrInvalidWorkspaceID, "VariableSetCreateOptions.WorkspaceIDs", o.WorkspaceIDs),
		checkOptionalIDs(ErrInvalidProjectID, "VariableSetCreateOptions.ProjectIDs", o.ProjectIDs),
	}
	for i, v := range o.Variables {
		errs = append(errs, VariableCreateOptions(v).validate(fieldIndex("VariableSetCreateOptions.Variables", i)))
	}
	return firstError(errs...)
}

// node is the varsets resource of a create: the variables travel inline,
// with their attributes, in the "vars" relationship.
func (o VariableSetCreateOptions) node() *jsonapi.Node {
	n := newNode("varsets")
	n.Attributes["name"] = o.Name
	setAttr(n.Attributes, "description", o.Description)
	setAttr(n.Attributes, "global", o.Global)
	setAttr(n.Attributes, "priority", o.Priority)
	if len(o.WorkspaceIDs) > 0 {
		relateIDs(n, "workspaces", "workspaces", o.WorkspaceIDs)
	}
	if len(o.ProjectIDs) > 0 {
		relateIDs(n, "projects", "projects", o.ProjectIDs)
	}
	if len(o.Variables) > 0 {
		vars := make([]*jsonapi.Node, len(o.Variables))
		for i, v := range o.Variables {
			vars[i] = VariableCreateOptions(v).node()
		}
		relateMany(n, "vars", vars)
	}
	return n
}

// validate refuses an update that sets nothing or empties the name.
func (o VariableSetUpdateOptions) validate() error {
	if o == (VariableSetUpdateOptions{}) {
		return nothingToUpdate("VariableSetUpdateOptions")
	}
	return checkNotEmptied(ErrRequiredName, "VariableSetUpdateOptions.Name", o.Name)
}

// node is the varsets resource of an update.
func (o VariableSetUpdateOptions) node() *jsonapi.Node {
	n := newNode("varsets")
	setAttr(n.Attributes, "name", o.Name)
	setAttr(n.Attributes, "description", o.Description)
	setAttr(n.Attributes, "global", o.Global)
	setAttr(n.Attributes, "priority", o.Priority)
	return n
}

// checkOptionalIDs validates each ID of a list that may be empty.
func checkOptionalIDs(sentinel error, field string, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	return checkIDs(sentinel, field, ids)
}

// fieldIndex names element i of a list field: "Field[i]".
func fieldIndex(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }
