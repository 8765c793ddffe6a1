package tfe

import "testing"

// variableBodies maps every JSON document of testdata/workspace_variables
// and testdata/variable_sets to its operation.
var variableBodies = map[string]specOperation{
	"workspace_variables/create.request.json":            {"POST", "/workspaces/ws-4j8p6jX1w33MiDC7/vars", 0},
	"workspace_variables/create_sensitive.request.json":  {"POST", "/workspaces/ws-4j8p6jX1w33MiDC7/vars", 0},
	"workspace_variables/update.request.json":            {"PATCH", "/workspaces/ws-4j8p6jX1w33MiDC7/vars/var-yRmifb4PJj7cLkMG", 0},
	"variable_sets/create.request.json":                  {"POST", "/organizations/my-organization/varsets", 0},
	"variable_sets/create_projects.request.json":         {"POST", "/organizations/my-organization/varsets", 0},
	"variable_sets/update.request.json":                  {"PATCH", "/varsets/varset-kjkN545LH2Sfercv", 0},
	"variable_sets/apply_workspaces.request.json":        {"POST", "/varsets/varset-kjkN545LH2Sfercv/relationships/workspaces", 0},
	"variable_sets/remove_workspaces.request.json":       {"DELETE", "/varsets/varset-kjkN545LH2Sfercv/relationships/workspaces", 0},
	"variable_sets/apply_projects.request.json":          {"POST", "/varsets/varset-kjkN545LH2Sfercv/relationships/projects", 0},
	"variable_sets/remove_projects.request.json":         {"DELETE", "/varsets/varset-kjkN545LH2Sfercv/relationships/projects", 0},
	"variable_sets/create_parent.request.json":           {"POST", "/organizations/hashicorp/varsets", 0},
	"variable_sets/update_workspaces.request.json":       {"PATCH", "/varsets/varset-kjkN545LH2Sfercv", 0},
	"variable_sets/update_workspaces_empty.request.json": {"PATCH", "/varsets/varset-kjkN545LH2Sfercv", 0},
	"variable_sets/update_stacks.request.json":           {"PATCH", "/varsets/varset-kjkN545LH2Sfercv", 0},
	"variable_sets/apply_stacks.request.json":            {"POST", "/varsets/varset-kjkN545LH2Sfercv/relationships/stacks", 0},
	"variable_sets/remove_stacks.request.json":           {"DELETE", "/varsets/varset-kjkN545LH2Sfercv/relationships/stacks", 0},
	"variable_sets/var_create.request.json":              {"POST", "/varsets/varset-4q8f7H0NHG733bBH/relationships/vars", 0},
	"variable_sets/var_create_sensitive.request.json":    {"POST", "/varsets/varset-4q8f7H0NHG733bBH/relationships/vars", 0},
	"variable_sets/var_update.request.json":              {"PATCH", "/varsets/varset-4q8f7H0NHG733bBH/relationships/vars/var-EavQ1LztoRTQHSNT", 0},
	"workspace_variables/upsert_update.request.json":     {"PATCH", "/workspaces/p-1/vars/var-2", 0},
	"workspace_variables/upsert_sensitive.request.json":  {"PATCH", "/workspaces/p-1/vars/var-3", 0},
	"variable_sets/var_upsert_update.request.json":       {"PATCH", "/varsets/p-1/relationships/vars/var-2", 0},
	"variable_sets/var_upsert_sensitive.request.json":    {"PATCH", "/varsets/p-1/relationships/vars/var-3", 0},
	"workspace_variables/create.response.json":           {"POST", "/workspaces/ws-1/vars", 201},
	"workspace_variables/create_sensitive.response.json": {"POST", "/workspaces/ws-1/vars", 201},
	"workspace_variables/list.response.json":             {"GET", "/workspaces/ws-1/vars", 200},
	"workspace_variables/list_all.response.json":         {"GET", "/workspaces/ws-1/all-vars", 200},
	"workspace_variables/update.response.json":           {"PATCH", "/workspaces/ws-1/vars/var-1", 200},
	"variable_sets/create.response.json":                 {"POST", "/organizations/my-org/varsets", 201},
	"variable_sets/update.response.json":                 {"PATCH", "/varsets/varset-1", 200},
	"variable_sets/read.response.json":                   {"GET", "/varsets/varset-1", 200},
	"variable_sets/read_include.response.json":           {"GET", "/varsets/varset-1", 200},
	"variable_sets/read_parent_stacks.response.json":     {"GET", "/varsets/varset-1", 200},
	"variable_sets/update_workspaces.response.json":      {"PATCH", "/varsets/varset-1", 200},
	"variable_sets/list.response.json":                   {"GET", "/organizations/my-org/varsets", 200},
	"variable_sets/var_create.response.json":             {"POST", "/varsets/varset-1/relationships/vars", 201},
	"variable_sets/var_create_sensitive.response.json":   {"POST", "/varsets/varset-1/relationships/vars", 201},
	"variable_sets/var_update.response.json":             {"PATCH", "/varsets/varset-1/relationships/vars/var-1", 200},
	"variable_sets/var_list.response.json":               {"GET", "/varsets/varset-1/relationships/vars", 200},
}

// TestVariableBodiesMatchTheSpec validates every golden request body of the
// variable services against its operation's request schema in the OpenAPI
// spec, and every answer fixture against the response schema.
func TestVariableBodiesMatchTheSpec(t *testing.T) {
	t.Parallel()
	checkBodiesMatchTheSpec(t, variableBodies)
}

// TestVariableBodiesAreAllValidated fails when a JSON document is added to
// the variable services' testdata without an entry in variableBodies.
func TestVariableBodiesAreAllValidated(t *testing.T) {
	t.Parallel()
	checkBodiesAreAllListed(t, variableBodies, "variableBodies", "workspace_variables", "variable_sets")
}
