package tfetest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAllVarsRelationships(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	prj := srv.AddProject("acme", Project{Name: "p"})
	ws := srv.AddWorkspace("acme", Workspace{Name: "web", ProjectID: prj})
	own := srv.AddWorkspaceVariable(ws, Variable{Key: "region", Value: "ws"})
	orgSet := srv.AddVariableSet("acme", VariableSet{Name: "a-org", WorkspaceIDs: []string{ws}, Variables: []Variable{
		{Key: "region", Value: "org"}, {Key: "shared", Value: "org"},
	}})
	// A project-owned set applied to the same workspace hides the
	// organization-owned one, though its name sorts later.
	prjSet := a.do("POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "z-project"}, map[string]any{
		"parent": rel(id("projects", prj)),
		"vars":   rel([]any{map[string]any{"type": "vars", "attributes": map[string]any{"key": "shared", "value": "project", "category": "terraform"}}}),
	})).want(http.StatusOK).str("data", "id")
	a.do("POST", "varsets/"+prjSet+"/relationships/workspaces", map[string]any{"data": []any{id("workspaces", ws)}}).want(http.StatusNoContent)

	all := a.do("GET", "workspaces/"+ws+"/all-vars", nil).want(http.StatusOK)
	byKey := map[string]any{}
	for _, it := range all.items() {
		byKey[dig(it, "attributes", "key").(string)] = it
	}
	require.Len(t, byKey, 2)
	region, shared := byKey["region"], byKey["shared"]
	assert.Equal(t, own, dig(region, "id"))
	assert.Equal(t, "project", dig(shared, "attributes", "value"))
	wsRef := map[string]any{"id": ws, "type": "workspaces"}
	for _, v := range []any{region, shared} {
		assert.Equal(t, wsRef, dig(v, "relationships", "configurable", "data"), "configurable is the workspace")
		assert.Equal(t, wsRef, dig(v, "relationships", "workspace", "data"))
	}
	assert.Nil(t, dig(region, "relationships", "varset", "data"))
	assert.Equal(t, prjSet, dig(shared, "relationships", "varset", "data", "id"))
	hidden := dig(region, "relationships", "overwritten", "data").([]any)
	require.Len(t, hidden, 1)
	orgVars := a.do("GET", "varsets/"+orgSet+"/relationships/vars", nil).want(http.StatusOK)
	assert.Contains(t, []any{orgVars.get("data", 0, "id"), orgVars.get("data", 1, "id")}, dig(hidden[0], "id"))
	assert.Equal(t, "vars", dig(hidden[0], "type"))
}

func TestVariableDescriptionLimit(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	ws := srv.AddWorkspace("acme", Workspace{Name: "web"})
	vs := srv.AddVariableSet("acme", VariableSet{Name: "set"})
	body := func(key, desc string) map[string]any {
		return res("vars", map[string]any{"key": key, "category": "env", "description": desc}, nil)
	}
	for p, created := range map[string]int{"workspaces/" + ws + "/vars": http.StatusCreated, "varsets/" + vs + "/relationships/vars": http.StatusOK} {
		a.do("POST", p, body("fits", strings.Repeat("é", 512))).want(created)
		a.do("POST", p, body("long", strings.Repeat("x", 513))).wantError(http.StatusUnprocessableEntity, "/data/attributes/description")
	}
}
