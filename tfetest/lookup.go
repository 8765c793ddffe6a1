package tfetest

// Finders for objects named in a request path. Each answers the service's
// 404 when the object does not exist. Callers hold st.mu.

func (st *store) findOrg(name string) (*org, *apiError) {
	if o, ok := st.orgs[name]; ok {
		return o, nil
	}
	return nil, errNotFound("organization " + quote(name) + " not found")
}

func (st *store) findWorkspace(id string) (*workspace, *apiError) {
	if ws, ok := st.workspaces[id]; ok {
		return ws, nil
	}
	return nil, errNotFound("workspace " + quote(id) + " not found")
}

func (st *store) findProject(id string) (*project, *apiError) {
	if p, ok := st.projects[id]; ok {
		return p, nil
	}
	return nil, errNotFound("project " + quote(id) + " not found")
}

func (st *store) findVarset(id string) (*varset, *apiError) {
	if vs, ok := st.varsets[id]; ok {
		return vs, nil
	}
	return nil, errNotFound("variable set " + quote(id) + " not found")
}

func (st *store) findNoCode(id string) (*noCodeModule, *apiError) {
	if nc, ok := st.noCode[id]; ok {
		return nc, nil
	}
	return nil, errNotFound("no-code module " + quote(id) + " not found")
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
