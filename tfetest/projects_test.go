package tfetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProjectLifecycle(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	created := a.do("POST", "organizations/acme/projects", res("projects", map[string]any{
		"name": "Core apps", "description": "d", "auto-destroy-activity-duration": "14d",
	}, map[string]any{"tag-bindings": tagBindingRel("env", "prod")})).want(201)
	prj := created.str("data", "id")
	require.NotEmpty(t, prj)
	assert.Equal(t, "remote", created.str("data", "attributes", "default-execution-mode"))
	assert.Equal(t, "14d", created.str("data", "attributes", "auto-destroy-activity-duration"))
	assert.Equal(t, created.doc, a.do("GET", "projects/"+prj, nil).want(200).doc)
	tags := a.do("GET", "projects/"+prj+"/tag-bindings", nil).want(200).items()
	require.Len(t, tags, 1)
	assert.Equal(t, "env", dig(tags[0], "attributes", "key"))

	upd := a.do("PATCH", "projects/"+prj, res("projects", map[string]any{"name": "Core"}, nil)).want(200)
	assert.Equal(t, "Core", upd.str("data", "attributes", "name"))

	// A project that holds a workspace is not deleted; the default project
	// never is.
	ws := a.do("POST", "organizations/acme/workspaces", res("workspaces", map[string]any{"name": "w"},
		map[string]any{"project": rel(id("projects", prj))})).want(201)
	assert.Equal(t, 1.0, a.do("GET", "projects/"+prj, nil).want(200).get("data", "attributes", "workspace-count"))
	a.do("DELETE", "projects/"+prj, nil).wantError(409, "")
	a.do("DELETE", "projects/"+srv.DefaultProjectID("acme"), nil).wantError(422, "")
	a.do("DELETE", "workspaces/"+ws.str("data", "id"), nil).want(204)

	// A variable set the project owns goes with it.
	vs := a.do("POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "owned"},
		map[string]any{"parent": rel(id("projects", prj))})).want(200).str("data", "id")
	a.do("DELETE", "projects/"+prj, nil).want(204)
	a.do("GET", "projects/"+prj, nil).wantError(404, "")
	a.do("GET", "varsets/"+vs, nil).wantError(404, "")
}

func TestProjectRefusalsAndDefaults(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	pool := srv.AddAgentPool("acme", AgentPool{Name: "agents"})
	a.do("POST", "organizations/acme/projects", res("projects", map[string]any{"name": "taken"}, nil)).want(201)
	cases := map[string]struct {
		attrs   map[string]any
		pointer string
		detail  string
	}{
		"no name":    {map[string]any{"description": "x"}, "/data/attributes/name", "Name can't be blank"},
		"bad name":   {map[string]any{"name": "! / nope"}, "/data/attributes/name", "Name may only contain"},
		"taken":      {map[string]any{"name": "Taken"}, "/data/attributes/name", "Name has already been taken"},
		"duration":   {map[string]any{"name": "pa1", "auto-destroy-activity-duration": "20m"}, "/data/attributes/auto-destroy-activity-duration", "Auto destroy activity duration has an incorrect format"},
		"pool":       {map[string]any{"name": "pa2", "default-execution-mode": "remote", "default-agent-pool-id": pool}, "/data/attributes/default-agent-pool-id", "must not be specified unless using 'agent' execution mode"},
		"agent":      {map[string]any{"name": "pa3", "default-execution-mode": "agent"}, "/data/attributes/default-execution-mode", "must be specified when using 'agent' execution mode"},
		"stack mode": {map[string]any{"name": "pa4", "stacks-default-execution-mode": "local"}, "/data/attributes/stacks-default-execution-mode", ""},
	}
	for name, c := range cases {
		ans := a.do("POST", "organizations/acme/projects", res("projects", c.attrs, nil)).wantError(422, c.pointer)
		assert.Contains(t, ans.str("errors", 0, "detail"), c.detail, name)
	}

	// Workspaces of a project with its own default inherit it.
	prj := a.do("POST", "organizations/acme/projects", res("projects", map[string]any{
		"name": "agents", "default-execution-mode": "agent", "default-agent-pool-id": pool,
	}, nil)).want(201)
	assert.Equal(t, true, prj.get("data", "attributes", "setting-overwrites", "default-execution-mode"))
	ws := a.do("POST", "organizations/acme/workspaces", res("workspaces", map[string]any{"name": "w"},
		map[string]any{"project": rel(id("projects", prj.str("data", "id")))})).want(201)
	assert.Equal(t, "agent", ws.str("data", "attributes", "execution-mode"))
	assert.Equal(t, pool, ws.str("data", "relationships", "agent-pool", "data", "id"))
}

func TestProjectListFilters(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	for _, p := range []struct{ name, key, value string }{{"alpha", "env", "prod"}, {"beta", "env", "dev"}, {"gamma", "team", "x"}} {
		a.do("POST", "organizations/acme/projects", res("projects", map[string]any{"name": p.name},
			map[string]any{"tag-bindings": tagBindingRel(p.key, p.value)})).want(201)
	}
	assert.Equal(t, []string{"Default Project", "alpha", "beta", "gamma"}, a.names("organizations/acme/projects"))
	assert.Equal(t, []string{"Default Project"}, a.names("organizations/acme/projects?q=default"))
	assert.Equal(t, []string{"alpha", "gamma"}, a.names("organizations/acme/projects?filter[names]=alpha,gamma"))
	assert.Equal(t, []string{"alpha", "beta"}, a.names("organizations/acme/projects?filter[tagged][0][key]=env"))
	assert.Equal(t, []string{"beta"}, a.names("organizations/acme/projects?filter[tagged][0][key]=env&filter[tagged][0][value]=dev"))
	inc := a.do("GET", "organizations/acme/projects?filter[names]=alpha&include=effective_tag_bindings", nil).want(200)
	assert.Equal(t, "effective-tag-bindings", inc.str("included", 0, "type"))
	assert.Equal(t, 4.0, a.do("GET", "organizations/acme/projects?page[size]=1", nil).want(200).get("meta", "pagination", "total-count"))
}

func TestAgentPoolLifecycle(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	pool := a.do("POST", "organizations/acme/agent-pools", res("agent-pools", map[string]any{"name": "linux"}, nil)).want(200)
	id := pool.str("data", "id")
	require.NotEmpty(t, id)
	assert.Equal(t, true, pool.get("data", "attributes", "organization-scoped"))
	assert.Equal(t, pool.doc, a.do("GET", "agent-pools/"+id, nil).want(200).doc)
	a.do("POST", "organizations/acme/agent-pools", res("agent-pools", map[string]any{"name": "linux"}, nil)).wantError(422, "/data/attributes/name")
	a.do("POST", "organizations/acme/agent-pools", res("agent-pools", map[string]any{}, nil)).wantError(422, "/data/attributes/name")
	upd := a.do("PATCH", "agent-pools/"+id, res("agent-pools", map[string]any{"organization-scoped": false}, nil)).want(200)
	assert.Equal(t, false, upd.get("data", "attributes", "organization-scoped"))
	assert.Len(t, a.do("GET", "organizations/acme/agent-pools?q=LIN", nil).want(200).items(), 1)
	assert.Empty(t, a.do("GET", "organizations/acme/agent-pools?q=win", nil).want(200).items())
	a.do("DELETE", "agent-pools/"+id, nil).want(204)
	a.do("GET", "agent-pools/"+id, nil).wantError(404, "")
}
