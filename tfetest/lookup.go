package tfetest

import "net/http"

// Finders for objects named in a request path. Each answers the service's
// 404 when the object does not exist. Callers hold st.mu.

// find looks key up in m; a missing key answers 404 naming it as what.
func find[T any](m map[string]*T, key, what string) (*T, *apiError) {
	if v, ok := m[key]; ok {
		return v, nil
	}
	return nil, errNotFound(what + " " + quote(key) + " not found")
}

func (st *store) findOrg(name string) (*org, *apiError) {
	return find(st.orgs, name, "organization")
}

func (st *store) findWorkspace(id string) (*workspace, *apiError) {
	return find(st.workspaces, id, "workspace")
}

func (st *store) findProject(id string) (*project, *apiError) {
	return find(st.projects, id, "project")
}

func (st *store) findVarset(id string) (*varset, *apiError) {
	return find(st.varsets, id, "variable set")
}

func (st *store) findNoCode(id string) (*noCodeModule, *apiError) {
	return find(st.noCode, id, "no-code module")
}

func (st *store) findAgentPool(id string) (*agentPool, *apiError) {
	return find(st.pools, id, "agent pool")
}

// findModuleByID finds a registry module by ID (findModule, by its
// registry, namespace, name and provider).
func (st *store) findModuleByID(id string) (*registryModule, *apiError) {
	return find(st.modules, id, "registry module")
}

func (st *store) findTeam(id string) (*team, *apiError) {
	return find(st.teams, id, "team")
}

// findWorkspaceVar finds variable id owned by workspace wsID.
func (st *store) findWorkspaceVar(wsID, id string) (*variable, *apiError) {
	if v, ok := st.vars[id]; ok && v.wsID == wsID {
		return v, nil
	}
	return nil, errNotFound("variable " + quote(id) + " not found")
}

// findVarsetVar finds variable id owned by variable set vsID.
func (st *store) findVarsetVar(vsID, id string) (*variable, *apiError) {
	if v, ok := st.vars[id]; ok && vsID != "" && v.varsetID == vsID {
		return v, nil
	}
	return nil, errNotFound("variable " + quote(id) + " not found")
}

// varsetVarFromPath finds the variable set varsets/:id and then its
// variable :var.
func (st *store) varsetVarFromPath(r *http.Request) (*varset, *variable, *apiError) {
	vs, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		return nil, nil, apiErr
	}
	v, apiErr := st.findVarsetVar(vs.id, r.PathValue("var"))
	if apiErr != nil {
		return nil, nil, apiErr
	}
	return vs, v, nil
}
