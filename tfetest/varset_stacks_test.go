package tfetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVarsetStacks(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"), WithOrganization("other"))
	s1 := srv.AddStack("acme", Stack{Name: "one"})
	s2 := srv.AddStack("acme", Stack{ID: "st-fixed", Name: "two"})
	foreign := srv.AddStack("other", Stack{Name: "x"})
	require.Equal(t, "st-fixed", s2)
	vs := a.do("POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "s", "global": false}, nil)).want(200).str("data", "id")

	stacks := func() []any {
		t.Helper()
		read := a.do("GET", "varsets/"+vs+"?include=stacks", nil).want(200)
		var names []any
		incl, _ := read.get("included").([]any)
		for _, inc := range incl {
			names = append(names, dig(inc, "attributes", "name"))
		}
		assert.Len(t, read.get("data", "relationships", "stacks", "data"), len(names))
		return names
	}
	a.do("POST", "varsets/"+vs+"/relationships/stacks", rel([]any{id("stacks", s1)})).want(204)
	a.do("POST", "varsets/"+vs+"/relationships/stacks", rel([]any{id("stacks", s2)})).want(204)
	assert.Equal(t, []any{"one", "two"}, stacks())
	a.do("DELETE", "varsets/"+vs+"/relationships/stacks", rel([]any{id("stacks", s1)})).want(204)
	assert.Equal(t, []any{"two"}, stacks())
	a.do("POST", "varsets/"+vs+"/relationships/stacks", rel([]any{id("stacks", foreign)})).wantError(422, "/data/0/id")
	a.do("POST", "varsets/"+vs+"/relationships/stacks", rel([]any{id("workspaces", s1)})).wantError(422, "/data/0/type")

	// PATCH with a stacks relationship replaces the whole list.
	upd := a.do("PATCH", "varsets/"+vs+"?include=stacks", res("varsets", map[string]any{"global": false},
		map[string]any{"stacks": rel([]any{id("stacks", s1)})})).want(200)
	assert.Equal(t, s1, upd.str("data", "relationships", "stacks", "data", 0, "id"))
	assert.Equal(t, "stacks", upd.str("included", 0, "type"))
	a.do("PATCH", "varsets/"+vs, res("varsets", nil, map[string]any{"stacks": rel([]any{})})).want(200)
	assert.Empty(t, stacks())

	// Seeded stacks are listed and read.
	list := a.do("GET", "organizations/acme/stacks?search[name]=TW", nil).want(200)
	require.Len(t, list.items(), 1)
	assert.Equal(t, s2, list.str("data", 0, "id"))
	assert.Len(t, a.do("GET", "organizations/acme/stacks", nil).want(200).items(), 2)
	assert.Equal(t, "one", a.do("GET", "stacks/"+s1, nil).want(200).str("data", "attributes", "name"))
	a.do("GET", "stacks/st-nope", nil).wantError(404, "")

	// A stack keeps its project from being deleted.
	prj := srv.AddProject("acme", Project{Name: "stacked"})
	srv.AddStack("acme", Stack{Name: "three", ProjectID: prj})
	a.do("DELETE", "projects/"+prj, nil).wantError(409, "")
	assert.Panics(t, func() { srv.AddStack("acme", Stack{ID: s1}) })
	assert.Panics(t, func() { srv.AddStack("acme", Stack{Name: "p", ProjectID: "prj-nope"}) })
}

func TestVarsetUpdateWorkspacesReplacesTheList(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	w1 := srv.AddWorkspace("acme", Workspace{Name: "w1"})
	w2 := srv.AddWorkspace("acme", Workspace{Name: "w2"})
	vs := a.do("POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "s", "global": false},
		map[string]any{"workspaces": rel([]any{id("workspaces", w1)})})).want(200).str("data", "id")
	upd := a.do("PATCH", "varsets/"+vs+"?include=workspaces", res("varsets", map[string]any{"global": false},
		map[string]any{"workspaces": rel([]any{id("workspaces", w2)})})).want(200)
	ws := upd.get("data", "relationships", "workspaces", "data").([]any)
	require.Len(t, ws, 1)
	assert.Equal(t, w2, dig(ws[0], "id"))
	assert.Equal(t, w2, upd.str("included", 0, "id"))
	empty := a.do("PATCH", "varsets/"+vs+"?include=workspaces", res("varsets", map[string]any{"global": false},
		map[string]any{"workspaces": rel([]any{})})).want(200)
	assert.Empty(t, empty.get("data", "relationships", "workspaces", "data"))
	a.do("PATCH", "varsets/"+vs+"?include=nope", res("varsets", map[string]any{}, nil)).wantError(400, "")
}

func TestVarsetParentProject(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	owner := srv.AddProject("acme", Project{Name: "owner"})
	applied := srv.AddProject("acme", Project{Name: "applied"})
	vs := a.do("POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "p", "global": false}, map[string]any{
		"parent":   rel(id("projects", owner)),
		"projects": rel([]any{id("projects", applied)}),
	})).want(200)
	read := a.do("GET", "varsets/"+vs.str("data", "id"), nil).want(200)
	assert.Equal(t, owner, read.str("data", "relationships", "parent", "data", "id"))
	assert.Equal(t, "projects", read.str("data", "relationships", "parent", "data", "type"))
	assert.Equal(t, applied, read.str("data", "relationships", "projects", "data", 0, "id"))
	org := a.do("POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "o", "global": false}, nil)).want(200)
	assert.Equal(t, "acme", org.str("data", "relationships", "parent", "data", "id"))
}
