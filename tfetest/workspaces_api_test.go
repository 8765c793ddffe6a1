package tfetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWorkspaceCreateReadUpdateDelete(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	prj := srv.AddProject("acme", Project{Name: "apps"})
	created := a.do("POST", "organizations/acme/workspaces", res("workspaces", map[string]any{
		"name": "web", "description": "front", "terraform-version": "1.6.0", "auto-apply": true,
		"working-directory": "infra/", "tag-names": []any{"prod", "team:web"},
	}, map[string]any{
		"project": rel(id("projects", prj)),
		"tags":    rel([]any{map[string]any{"type": "tags", "attributes": map[string]any{"name": "extra"}}}),
	})).want(201)
	wsID := created.str("data", "id")
	require.NotEmpty(t, wsID)
	assert.Equal(t, "front", created.str("data", "attributes", "description"))
	assert.Equal(t, "infra/", created.str("data", "attributes", "working-directory"))
	assert.Equal(t, []any{"prod", "team:web", "extra"}, created.get("data", "attributes", "tag-names"))
	assert.Equal(t, prj, created.str("data", "relationships", "project", "data", "id"))
	assert.Equal(t, "/api/v2/organizations/acme/workspaces/web", created.str("data", "links", "self"))

	// Read by name and by ID give the same document.
	byName := a.do("GET", "organizations/acme/workspaces/web", nil).want(200)
	byID := a.do("GET", "workspaces/"+wsID, nil).want(200)
	assert.Equal(t, byName.doc, byID.doc)
	assert.Equal(t, created.doc, byID.doc)

	// Variables made on it show in its vars relationship.
	a.do("POST", "workspaces/"+wsID+"/vars", res("vars", map[string]any{"key": "k", "value": "v", "category": "env"}, nil)).want(201)
	vars := a.do("GET", "workspaces/"+wsID, nil).want(200).get("data", "relationships", "vars", "data")
	assert.Len(t, vars, 1)

	// Update by ID, then by name.
	upd := a.do("PATCH", "workspaces/"+wsID, res("workspaces", map[string]any{"name": "web2"}, nil)).want(200)
	assert.Equal(t, "web2", upd.str("data", "attributes", "name"))
	a.do("PATCH", "organizations/acme/workspaces/web2", res("workspaces", map[string]any{"auto-apply": false}, nil)).want(200)
	got, ok := srv.Workspace(wsID)
	require.True(t, ok)
	assert.Equal(t, "web2", got.Name)
	assert.False(t, got.AutoApply)

	a.do("POST", "workspaces/"+wsID+"/actions/safe-delete", nil).want(204)
	a.do("GET", "workspaces/"+wsID, nil).wantError(404, "")
	a.do("GET", "workspaces/"+wsID+"/vars", nil).wantError(404, "")

	w2 := a.do("POST", "organizations/acme/workspaces", res("workspaces", map[string]any{"name": "api"}, nil)).want(201)
	a.do("DELETE", "organizations/acme/workspaces/api", nil).want(204)
	a.do("DELETE", "workspaces/"+w2.str("data", "id"), nil).wantError(404, "")
	a.do("POST", "organizations/acme/workspaces/api/actions/safe-delete", nil).wantError(404, "")
}

func TestWorkspaceCreateRefusals(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"), WithOrganization("other"))
	pool := srv.AddAgentPool("acme", AgentPool{Name: "p"})
	foreign := srv.AddAgentPool("other", AgentPool{Name: "p"})
	a.do("POST", "organizations/acme/workspaces", res("workspaces", map[string]any{"name": "taken"}, nil)).want(201)
	cases := map[string]struct {
		attrs   map[string]any
		rels    map[string]any
		pointer string
		detail  string
	}{
		"no name":       {map[string]any{"description": "x"}, nil, "/data/attributes/name", "Name can't be blank"},
		"bad name":      {map[string]any{"name": "a b"}, nil, "/data/attributes/name", ""},
		"taken":         {map[string]any{"name": "TAKEN"}, nil, "/data/attributes/name", "Name has already been taken"},
		"bad mode":      {map[string]any{"name": "w", "execution-mode": "cloud"}, nil, "/data/attributes/execution-mode", ""},
		"pool not mode": {map[string]any{"name": "w", "agent-pool-id": pool}, nil, "/data/attributes/agent-pool-id", "must not be specified unless using 'agent' execution mode"},
		"agent no pool": {map[string]any{"name": "w", "execution-mode": "agent"}, nil, "/data/attributes/execution-mode", "must be specified when using 'agent' execution mode"},
		"foreign pool":  {map[string]any{"name": "w", "execution-mode": "agent", "agent-pool-id": foreign}, nil, "/data/attributes/agent-pool-id", ""},
		"both modes":    {map[string]any{"name": "w", "execution-mode": "remote", "operations": true}, nil, "/data/attributes/operations", ""},
		"tf version":    {map[string]any{"name": "w", "terraform-version": "nonexisting"}, nil, "/data/attributes/terraform-version", ""},
		"vcs":           {map[string]any{"name": "w", "vcs-repo": map[string]any{"identifier": "a/b"}}, nil, "/data/attributes/vcs-repo/oauth-token-id", ""},
		"bad tag":       {map[string]any{"name": "w", "tag-names": []any{"no spaces"}}, nil, "/data/attributes/tag-names/0", ""},
		"project":       {map[string]any{"name": "w"}, map[string]any{"project": rel(id("projects", "prj-nope"))}, "/data/relationships/project/data/id", ""},
	}
	for name, c := range cases {
		ans := a.do("POST", "organizations/acme/workspaces", res("workspaces", c.attrs, c.rels)).wantError(422, c.pointer)
		assert.Contains(t, ans.str("errors", 0, "detail"), c.detail, name)
	}
	a.do("POST", "organizations/nope/workspaces", res("workspaces", map[string]any{"name": "w"}, nil)).wantError(404, "")
}

func TestWorkspaceExecutionModeInheritance(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	pool := srv.AddAgentPool("acme", AgentPool{Name: "agents"})
	ws := a.do("POST", "organizations/acme/workspaces", res("workspaces", map[string]any{"name": "w"}, nil)).want(201)
	wsID := ws.str("data", "id")
	assert.Equal(t, "remote", ws.str("data", "attributes", "execution-mode"))
	assert.Equal(t, false, ws.get("data", "attributes", "setting-overwrites", "execution-mode"))

	// The workspace follows the organization's default while it inherits.
	a.do("PATCH", "organizations/acme", res("organizations", map[string]any{
		"default-execution-mode": "agent", "default-agent-pool-id": pool,
	}, nil)).want(200)
	read := a.do("GET", "workspaces/"+wsID, nil).want(200)
	assert.Equal(t, "agent", read.str("data", "attributes", "execution-mode"))
	assert.Equal(t, pool, read.str("data", "relationships", "agent-pool", "data", "id"))
	list := a.do("GET", "agent-pools/"+pool, nil).want(200)
	assert.Len(t, list.get("data", "relationships", "workspaces", "data"), 1)
	a.do("DELETE", "agent-pools/"+pool, nil).wantError(409, "")

	// Setting a mode overwrites the default; the agent-pool relationship
	// works like agent-pool-id.
	own := a.do("PATCH", "workspaces/"+wsID, res("workspaces", map[string]any{"execution-mode": "local"}, nil)).want(200)
	assert.Equal(t, "local", own.str("data", "attributes", "execution-mode"))
	assert.Nil(t, own.get("data", "relationships", "agent-pool", "data"))
	assert.Equal(t, true, own.get("data", "attributes", "setting-overwrites", "execution-mode"))
	agent := a.do("PATCH", "workspaces/"+wsID, res("workspaces", map[string]any{"execution-mode": "agent"},
		map[string]any{"agent-pool": rel(id("agent-pools", pool))})).want(200)
	assert.Equal(t, pool, agent.str("data", "relationships", "agent-pool", "data", "id"))

	// setting-overwrites false goes back to the default.
	back := a.do("PATCH", "workspaces/"+wsID, res("workspaces", map[string]any{
		"setting-overwrites": map[string]any{"execution-mode": false, "agent-pool": false},
	}, nil)).want(200)
	assert.Equal(t, false, back.get("data", "attributes", "setting-overwrites", "execution-mode"))
	got, _ := srv.Workspace(wsID)
	assert.Equal(t, "agent", got.ExecutionMode)

	// operations stands for remote or local.
	ops := a.do("POST", "organizations/acme/workspaces", res("workspaces", map[string]any{"name": "o", "operations": false}, nil)).want(201)
	assert.Equal(t, "local", ops.str("data", "attributes", "execution-mode"))
}

func TestWorkspaceListFilters(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	prj := srv.AddProject("acme", Project{Name: "apps"})
	for _, w := range []struct {
		name string
		tags []any
		prj  string
	}{{"web-prod", []any{"prod", "web"}, prj}, {"web-dev", []any{"dev", "web"}, ""}, {"db-prod", []any{"prod"}, ""}} {
		var rels map[string]any
		if w.prj != "" {
			rels = map[string]any{"project": rel(id("projects", w.prj))}
		}
		a.do("POST", "organizations/acme/workspaces", res("workspaces", map[string]any{"name": w.name, "tag-names": w.tags}, rels)).want(201)
	}
	assert.Equal(t, []string{"web-prod", "web-dev", "db-prod"}, a.names("organizations/acme/workspaces"))
	assert.Equal(t, []string{"web-prod", "web-dev"}, a.names("organizations/acme/workspaces?search[name]=WEB"))
	assert.Equal(t, []string{"web-prod", "db-prod"}, a.names("organizations/acme/workspaces?search[wildcard-name]=*-prod"))
	assert.Equal(t, []string{"web-dev"}, a.names("organizations/acme/workspaces?search[wildcard-name]=web*dev"))
	assert.Equal(t, []string{"web-prod"}, a.names("organizations/acme/workspaces?search[tags]=prod,web"))
	assert.Equal(t, []string{"db-prod"}, a.names("organizations/acme/workspaces?search[exclude-tags]=web"))
	assert.Equal(t, []string{"web-prod"}, a.names("organizations/acme/workspaces?filter[project][id]="+prj))
	assert.Equal(t, []string{"db-prod", "web-dev", "web-prod"}, a.names("organizations/acme/workspaces?sort=name"))
	assert.Empty(t, a.names("organizations/acme/workspaces?filter[current-run][status]=applied"))

	pg := a.do("GET", "organizations/acme/workspaces?page[size]=2&page[number]=2&include=project", nil).want(200)
	assert.Len(t, pg.items(), 1)
	assert.Equal(t, 3.0, pg.get("meta", "pagination", "total-count"))
	assert.Equal(t, "projects", pg.str("included", 0, "type"))
	a.do("GET", "organizations/acme/workspaces?include=bogus", nil).wantError(400, "")
}
