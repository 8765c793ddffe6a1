package tfetest

import "net/http"

// Creating a workspace from a no-code module:
// POST no-code-modules/:id/workspaces.

func (st *store) createNoCodeWorkspace(r *http.Request) (int, any, *apiError) {
	nc, apiErr := st.findNoCode(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	in, apiErr := readResource(r, []string{"workspaces"}, noCodeWorkspaceAttrs, noCodeWorkspaceRels...)
	if apiErr != nil {
		return fail(apiErr)
	}
	if !nc.enabled {
		return fail(errInvalid("", "no-code provisioning is not enabled for module "+quote(nc.id)))
	}
	ws, apiErr := st.draftNoCodeWorkspace(in, nc)
	if apiErr != nil {
		return fail(apiErr)
	}
	vars, apiErr := draftInlineVars(in, nil)
	if apiErr != nil {
		return fail(apiErr)
	}
	st.addWorkspace(ws)
	for _, v := range vars {
		v.wsID = ws.id
		st.saveVar(v)
	}
	return one(http.StatusOK, st.workspaceResource(ws), nil)
}

// draftNoCodeWorkspace checks the attributes and project of a no-code
// workspace create body and builds the workspace, not yet stored.
func (st *store) draftNoCodeWorkspace(in *input, nc *noCodeModule) (*workspace, *apiError) {
	ws := &workspace{
		org: nc.org, noCodeID: nc.id, moduleVersion: nc.versionPin,
		execMode: "remote", terraformVersion: defaultTerraformVersion,
	}
	ws.name, _ = in.str("name")
	if !validName(ws.name) {
		return nil, errInvalid(in.attr("name"), "name is required and may contain only letters, numbers, - and _")
	}
	if st.workspaceByName(nc.org, ws.name) != nil {
		return nil, errInvalid(in.attr("name"), "name "+quote(ws.name)+" has already been taken")
	}
	prj, ok, apiErr := in.relOne("project", "projects", "project")
	if apiErr != nil {
		return nil, apiErr
	}
	if p, found := st.projects[prj]; !ok || prj == "" || !found || p.org != nc.org {
		return nil, errInvalid(in.rel("project"), "a project of organization "+quote(nc.org.name)+" is required")
	}
	ws.projectID = prj
	ws.description, _ = in.str("description")
	ws.autoApply, _ = in.boolean("auto_apply")
	ws.sourceName, _ = in.str("source-name")
	ws.sourceURL, _ = in.str("source-url")
	if v, ok := in.str("terraform-version"); ok && v != "" {
		ws.terraformVersion = v
	}
	if mode, ok := in.str("execution-mode"); ok {
		if mode != "remote" && mode != "agent" {
			return nil, errInvalid(in.attr("execution-mode"), "execution-mode must be remote or agent; got "+quote(mode))
		}
		ws.execMode = mode
	}
	ws.poolID, _ = in.str("agent-pool-id")
	if apiErr := st.checkPool(nc.org, ws.execMode, ws.poolID, in.attr("agent-pool-id")); apiErr != nil {
		return nil, apiErr
	}
	return ws, nil
}

// draftInlineVars reads the vars relationship of a no-code workspace
// create or upgrade body: variables with inline attributes; a missing
// category means terraform. Each item may set a key once per category.
// existing are the workspace's stored variables an item with the same key
// and category updates.
func draftInlineVars(in *input, existing []*variable) ([]*variable, *apiError) {
	return draftVarItems(in, func(it *input) (*variable, *apiError) {
		if !it.has("category") {
			it.attrs["category"] = "terraform"
		}
		key, _ := it.str("key")
		cat, _ := it.str("category")
		var old *variable
		for _, v := range existing {
			if v.key == key && v.category == cat {
				old = v
			}
		}
		return old, nil
	})
}
