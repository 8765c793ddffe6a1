package tfetest

import (
	"net/http"
)

// Registry module routes beyond list, create, read and delete by provider:
// PATCH .../:registry/:namespace/:name/:provider, GET registry-modules/:id,
// DELETE .../:registry/:namespace/:name (every provider), the older POST
// registry-modules/actions/delete/:org/:name[/:provider[/:version]], the
// commits list, and publishing from VCS, which the fake refuses.

func (st *store) readModuleByID(r *http.Request) (int, any, *apiError) {
	m, apiErr := st.findModuleByID(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	return one(http.StatusOK, st.moduleResource(m), nil)
}

// updateRegistryModule takes no-code (the deprecated switch: true makes the
// module's no-code module, false removes it), test-config, vcs-repo (only
// for modules published from VCS, so always refused here) and the
// tag-bindings relationship.
func (st *store) updateRegistryModule(r *http.Request) (int, any, *apiError) {
	m, apiErr := st.moduleFromPath(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	in, apiErr := readResource(r, []string{"registry-modules"}, registryModuleUpdateAttrs, "tag-bindings")
	if apiErr != nil {
		return fail(apiErr)
	}
	if repo, ok := in.object("vcs-repo"); ok && repo != nil {
		return fail(errInvalid(in.attr("vcs-repo"), "module "+quote(m.name)+" is not published from a VCS repository"))
	}
	testConfig := m.testConfig
	if tc, ok := in.object("test-config"); ok {
		if testConfig, apiErr = st.draftTestConfig(in.attr("test-config"), m.org, tc); apiErr != nil {
			return fail(apiErr)
		}
	}
	bindings, apiErr := st.readTagBindings(in, m.tagBindings)
	if apiErr != nil {
		return fail(apiErr)
	}
	m.testConfig, m.tagBindings = testConfig, bindings
	if noCode, ok := in.boolean("no-code"); ok && noCode {
		st.enableNoCode(m)
	} else if ok {
		st.removeNoCode(m)
	}
	m.updatedAt = st.timestamp()
	return one(http.StatusOK, st.moduleResource(m), nil)
}

// draftTestConfig checks a test-config object: tests-enabled, and the
// agent execution mode (agent or remote) with the agent-pool rule.
func (st *store) draftTestConfig(ptr string, o *org, tc map[string]any) (map[string]any, *apiError) {
	if tc == nil {
		return nil, nil
	}
	enabled, _ := tc["tests-enabled"].(bool)
	mode, _ := tc["agent-execution-mode"].(string)
	pool, _ := tc["agent-pool-id"].(string)
	if mode != "" && mode != "agent" && mode != "remote" {
		return nil, errInvalid(ptr+"/agent-execution-mode", "agent-execution-mode must be agent or remote; got "+quote(mode))
	}
	if mode != "" || pool != "" {
		if apiErr := st.checkPool(o, mode, pool, ptr+"/agent-pool-id"); apiErr != nil {
			return nil, apiErr
		}
	}
	return map[string]any{
		"tests-enabled":        enabled,
		"agent-execution-mode": nilIfEmpty(mode),
		"agent-pool-id":        nilIfEmpty(pool),
	}, nil
}

// removeNoCode deletes the no-code modules made from m.
func (st *store) removeNoCode(m *registryModule) {
	for _, nc := range st.noCodeFor(m) {
		delete(st.noCode, nc.id)
	}
	m.noCode = false
}

// deleteModulesByName serves DELETE .../:registry/:namespace/:name: the
// module with every provider.
func (st *store) deleteModulesByName(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	return st.deleteModules(o, r.PathValue("registry"), r.PathValue("namespace"), r.PathValue("name"), "")
}

// deleteModules removes the modules of o with the given name and, unless
// they are "", registry, namespace and provider. None answers 404.
func (st *store) deleteModules(o *org, registry, namespace, name, provider string) (int, any, *apiError) {
	found := false
	for _, m := range st.modules {
		if m.org == o && m.name == name && (registry == "" || m.registry == registry) &&
			(namespace == "" || m.namespace == namespace) && (provider == "" || m.provider == provider) {
			st.removeNoCode(m)
			delete(st.modules, m.id)
			found = true
		}
	}
	if !found {
		return fail(errNotFound("registry module " + quote(name) + " not found"))
	}
	return noContent()
}

// legacyDelete serves the older POST registry-modules/actions/delete/:org/
// :name[/:provider[/:version]]. Without a version it deletes the
// organization's modules of that name (and provider) in either registry,
// as the service does; a version is one of a private module.
func (st *store) legacyDelete(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	name, provider, version := r.PathValue("name"), r.PathValue("provider"), r.PathValue("version")
	if version == "" {
		return st.deleteModules(o, "", "", name, provider)
	}
	m := st.findModule(o, "private", o.name, name, provider)
	if m == nil {
		return fail(errNotFound("registry module " + quote(name) + " not found"))
	}
	if apiErr := st.removeVersion(m, version); apiErr != nil {
		return fail(apiErr)
	}
	return noContent()
}

// legacyModuleAction serves POST registry-modules/:org/:name/:provider/
// :action; the only action is versions (create a version).
func (st *store) legacyModuleAction(r *http.Request) (int, any, *apiError) {
	if r.PathValue("action") != "versions" {
		return fail(errNotFound("no route for " + r.Method + " " + r.URL.Path))
	}
	return st.createModuleVersion(r)
}

// listModuleCommits answers the commits of a module's VCS repository. The
// fake's modules have none (none is published from VCS), which the
// service answers with 404.
func (st *store) listModuleCommits(r *http.Request) (int, any, *apiError) {
	m, apiErr := st.moduleFromPath(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	return fail(errNotFound("module " + quote(m.name) + " has no VCS connection"))
}

// createModuleFromVCS refuses to publish from VCS (POST registry-modules
// and .../registry-modules/vcs): the fake has no OAuth tokens or GitHub
// App installations, so the service's check of vcs-repo.oauth-token-id (or
// github-app-installation-id) always fails.
func (st *store) createModuleFromVCS(r *http.Request) (int, any, *apiError) {
	if org := r.PathValue("org"); org != "" {
		if _, apiErr := st.findOrg(org); apiErr != nil {
			return fail(apiErr)
		}
	}
	in, apiErr := readResource(r, []string{"registry-modules"}, registryModuleVCSAttrs)
	if apiErr != nil {
		return fail(apiErr)
	}
	repo, _ := in.object("vcs-repo")
	if repo == nil {
		return fail(errInvalid(in.attr("vcs-repo"), "vcs-repo is required"))
	}
	if id, _ := repo["github-app-installation-id"].(string); id != "" {
		return fail(errInvalid(in.attr("vcs-repo")+"/github-app-installation-id", "GitHub App installation "+quote(id)+" not found"))
	}
	id, _ := repo["oauth-token-id"].(string)
	return fail(errInvalid(in.attr("vcs-repo")+"/oauth-token-id", "OAuth token "+quote(id)+" not found"))
}
