package tfetest

import (
	"net/http"
	"slices"
)

// Apply a variable set to workspaces, projects or stacks, or remove it from
// them: POST/DELETE varsets/:id/relationships/workspaces, .../projects and
// .../stacks, with a body whose data is an array of resource identifiers.
// A global set is applied everywhere already, so both answer 422 for it.

func (st *store) applyVarsetToWorkspaces(r *http.Request) (int, any, *apiError) {
	return st.changeVarsetScope(r, "workspaces", true)
}

func (st *store) removeVarsetFromWorkspaces(r *http.Request) (int, any, *apiError) {
	return st.changeVarsetScope(r, "workspaces", false)
}

func (st *store) applyVarsetToProjects(r *http.Request) (int, any, *apiError) {
	return st.changeVarsetScope(r, "projects", true)
}

func (st *store) removeVarsetFromProjects(r *http.Request) (int, any, *apiError) {
	return st.changeVarsetScope(r, "projects", false)
}

func (st *store) applyVarsetToStacks(r *http.Request) (int, any, *apiError) {
	return st.changeVarsetScope(r, "stacks", true)
}

func (st *store) removeVarsetFromStacks(r *http.Request) (int, any, *apiError) {
	return st.changeVarsetScope(r, "stacks", false)
}

func (st *store) changeVarsetScope(r *http.Request, typ string, add bool) (int, any, *apiError) {
	vs, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	data, apiErr := readData(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	ids, apiErr := identifiers(data, "/data", []string{typ})
	if apiErr != nil {
		return fail(apiErr)
	}
	if vs.global {
		return fail(errInvalid("/data", "variable set "+quote(vs.name)+" is global: it applies to every workspace already"))
	}
	check, list := st.checkWorkspaceRefs, &vs.wsIDs
	switch typ {
	case "projects":
		check, list = st.checkProjectRefs, &vs.prjIDs
	case "stacks":
		check, list = st.checkStackRefs, &vs.stackIDs
	}
	if ids, apiErr = check("/data", vs.org, ids); apiErr != nil {
		return fail(apiErr)
	}
	for _, id := range ids {
		if add && !contains(*list, id) {
			*list = append(*list, id)
		}
		if !add {
			*list = slices.DeleteFunc(*list, func(x string) bool { return x == id })
		}
	}
	vs.updatedAt = st.timestamp()
	return noContent()
}
