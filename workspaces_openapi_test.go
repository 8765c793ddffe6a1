package tfe

import "testing"

// workspaceBodies maps every JSON document of testdata/workspaces and
// testdata/projects to its operation.
var workspaceBodies = map[string]specOperation{
	"workspaces/create.request.json":           {"POST", "/organizations/my-organization/workspaces", 0},
	"workspaces/create_name_only.request.json": {"POST", "/organizations/acme/workspaces", 0},
	"workspaces/update.request.json":           {"PATCH", "/workspaces/ws-YnyXLq9fy38afEeb", 0},
	"workspaces/update_agent.request.json":     {"PATCH", "/workspaces/ws-1", 0},
	"workspaces/raw_update.request.json":       {"PATCH", "/workspaces/ws-YnyXLq9fy38afEeb", 0},
	"workspaces/read.response.json":            {"GET", "/organizations/my-organization/workspaces/workspace-1", 200},
	"workspaces/list.response.json":            {"GET", "/organizations/my-organization/workspaces", 200},
	"workspaces/list_include.response.json":    {"GET", "/organizations/my-organization/workspaces", 200},
	"workspaces/create.response.json":          {"POST", "/organizations/my-organization/workspaces", 201},
	"workspaces/update.response.json":          {"PATCH", "/workspaces/ws-YnyXLq9fy38afEeb", 200},
	"projects/create.request.json":             {"POST", "/organizations/my-organization/projects", 0},
	"projects/update.request.json":             {"PATCH", "/projects/prj-WsVcWRr7SSxRqq4d", 0},
	"projects/read.response.json":              {"GET", "/projects/prj-WsVcWRr7SSxRqq4d", 200},
	"projects/list.response.json":              {"GET", "/organizations/my-organization/projects", 200},
	"projects/create.response.json":            {"POST", "/organizations/my-organization/projects", 201},
	"projects/update.response.json":            {"PATCH", "/projects/prj-WsVcWRr7SSxRqq4d", 200},
}

// TestWorkspaceBodiesMatchTheSpec validates every golden request body of
// the workspaces and projects services against its operation's request
// schema in the OpenAPI description, and every answer fixture against the
// response schema.
func TestWorkspaceBodiesMatchTheSpec(t *testing.T) {
	t.Parallel()
	checkBodiesMatchTheSpec(t, workspaceBodies)
}

// TestWorkspaceBodiesAreAllValidated fails when a JSON document is added
// to testdata/workspaces or testdata/projects without an entry in
// workspaceBodies.
func TestWorkspaceBodiesAreAllValidated(t *testing.T) {
	t.Parallel()
	checkBodiesAreAllListed(t, workspaceBodies, "workspaceBodies", "workspaces", "projects")
}
