package tfe

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tfe-sdk/tfe/internal/openapi"
)

// variableBodies maps every JSON document of testdata/workspace_variables
// and testdata/variable_sets to the operation it belongs to: a golden
// request body (status 0), which the method tests prove the SDK sends, or
// an answer fixture with the status the spec gives the answer.
var variableBodies = map[string]struct {
	method, path string
	status       int
}{
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
	spec, err := openapi.Load(filepath.Join("testdata", "openapi", "tfe-subset.json"))
	require.NoError(t, err)
	for name, op := range variableBodies {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			body, err := os.ReadFile(filepath.Join("testdata", name))
			require.NoError(t, err)
			if op.status == 0 {
				err = spec.ValidateRequest(op.method, op.path, body)
			} else {
				err = spec.ValidateResponse(op.method, op.path, op.status, body)
			}
			assert.NoError(t, err, "%s %s", op.method, op.path)
		})
	}
}

// TestVariableBodiesAreAllValidated fails when a JSON document is added to
// the variable services' testdata without an entry in variableBodies.
func TestVariableBodiesAreAllValidated(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{"workspace_variables", "variable_sets"} {
		files, err := filepath.Glob(filepath.Join("testdata", dir, "*.json"))
		require.NoError(t, err)
		for _, f := range files {
			assert.Contains(t, variableBodies, dir+"/"+filepath.Base(f), "%s is not validated against the spec: add it to variableBodies", f)
		}
	}
}
