package tfe

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tfe-sdk/tfe/internal/openapi"
)

// variableRequests maps each golden request body of the variable services
// to the operation that sends it.
var variableRequests = map[string]struct{ method, path string }{
	"workspace_variables/create.request.json":           {"POST", "/workspaces/ws-4j8p6jX1w33MiDC7/vars"},
	"workspace_variables/create_sensitive.request.json": {"POST", "/workspaces/ws-4j8p6jX1w33MiDC7/vars"},
	"workspace_variables/update.request.json":           {"PATCH", "/workspaces/ws-4j8p6jX1w33MiDC7/vars/var-yRmifb4PJj7cLkMG"},
	"variable_sets/create.request.json":                 {"POST", "/organizations/my-organization/varsets"},
	"variable_sets/create_projects.request.json":        {"POST", "/organizations/my-organization/varsets"},
	"variable_sets/update.request.json":                 {"PATCH", "/varsets/varset-kjkN545LH2Sfercv"},
	"variable_sets/apply_workspaces.request.json":       {"POST", "/varsets/varset-kjkN545LH2Sfercv/relationships/workspaces"},
	"variable_sets/remove_workspaces.request.json":      {"DELETE", "/varsets/varset-kjkN545LH2Sfercv/relationships/workspaces"},
	"variable_sets/apply_projects.request.json":         {"POST", "/varsets/varset-kjkN545LH2Sfercv/relationships/projects"},
	"variable_sets/remove_projects.request.json":        {"DELETE", "/varsets/varset-kjkN545LH2Sfercv/relationships/projects"},
	"variable_sets/var_create.request.json":             {"POST", "/varsets/varset-4q8f7H0NHG733bBH/relationships/vars"},
	"variable_sets/var_create_sensitive.request.json":   {"POST", "/varsets/varset-4q8f7H0NHG733bBH/relationships/vars"},
	"variable_sets/var_update.request.json":             {"PATCH", "/varsets/varset-4q8f7H0NHG733bBH/relationships/vars/var-EavQ1LztoRTQHSNT"},
}

// variableAnswers maps each answer fixture of the variable services to the
// operation and status (the spec's) that answers it.
var variableAnswers = map[string]struct {
	method, path string
	status       int
}{
	"workspace_variables/create.response.json":           {"POST", "/workspaces/ws-1/vars", 201},
	"workspace_variables/create_sensitive.response.json": {"POST", "/workspaces/ws-1/vars", 201},
	"workspace_variables/list.response.json":             {"GET", "/workspaces/ws-1/vars", 200},
	"workspace_variables/list_all.response.json":         {"GET", "/workspaces/ws-1/all-vars", 200},
	"workspace_variables/update.response.json":           {"PATCH", "/workspaces/ws-1/vars/var-1", 200},
	"variable_sets/create.response.json":                 {"POST", "/organizations/my-org/varsets", 201},
	"variable_sets/update.response.json":                 {"PATCH", "/varsets/varset-1", 200},
	"variable_sets/read.response.json":                   {"GET", "/varsets/varset-1", 200},
	"variable_sets/read_include.response.json":           {"GET", "/varsets/varset-1", 200},
	"variable_sets/list.response.json":                   {"GET", "/organizations/my-org/varsets", 200},
	"variable_sets/var_create.response.json":             {"POST", "/varsets/varset-1/relationships/vars", 201},
	"variable_sets/var_create_sensitive.response.json":   {"POST", "/varsets/varset-1/relationships/vars", 201},
	"variable_sets/var_update.response.json":             {"PATCH", "/varsets/varset-1/relationships/vars/var-1", 200},
	"variable_sets/var_list.response.json":               {"GET", "/varsets/varset-1/relationships/vars", 200},
}

// TestVariableRequestBodiesMatchTheSpec validates every golden request body
// of the variable services (which the method tests prove the SDK sends)
// against the request schema of its operation in the OpenAPI spec.
func TestVariableRequestBodiesMatchTheSpec(t *testing.T) {
	t.Parallel()
	spec, err := openapi.Load(filepath.Join("testdata", "openapi", "tfe-subset.json"))
	if err != nil {
		t.Fatal(err)
	}
	for golden, op := range variableRequests {
		t.Run(golden, func(t *testing.T) {
			t.Parallel()
			body, err := os.ReadFile(filepath.Join("testdata", golden))
			if err != nil {
				t.Fatal(err)
			}
			if err := spec.ValidateRequest(op.method, op.path, body); err != nil {
				t.Errorf("%s %s: %v", op.method, op.path, err)
			}
		})
	}
}

// TestVariableAnswerFixturesMatchTheSpec validates every answer fixture of
// the variable services against the response schema of its operation.
func TestVariableAnswerFixturesMatchTheSpec(t *testing.T) {
	t.Parallel()
	spec, err := openapi.Load(filepath.Join("testdata", "openapi", "tfe-subset.json"))
	if err != nil {
		t.Fatal(err)
	}
	for fixture, op := range variableAnswers {
		t.Run(fixture, func(t *testing.T) {
			t.Parallel()
			body, err := os.ReadFile(filepath.Join("testdata", fixture))
			if err != nil {
				t.Fatal(err)
			}
			if err := spec.ValidateResponse(op.method, op.path, op.status, body); err != nil {
				t.Errorf("%s %s %d: %v", op.method, op.path, op.status, err)
			}
		})
	}
}

// TestVariableFixturesAreAllValidated fails when a golden request body or
// an answer fixture is added without an entry in variableRequests or
// variableAnswers.
func TestVariableFixturesAreAllValidated(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{"workspace_variables", "variable_sets"} {
		files, err := filepath.Glob(filepath.Join("testdata", dir, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			name := dir + "/" + filepath.Base(f)
			_, isRequest := variableRequests[name]
			_, isAnswer := variableAnswers[name]
			if !isRequest && !isAnswer {
				t.Errorf("%s is not validated against the spec", f)
			}
		}
	}
}
