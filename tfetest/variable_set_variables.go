package tfetest

import (
	"net/http"
	"slices"
)

// Handlers for the variables of a variable set:
// varsets/:id/relationships/vars[/:var].

func (st *store) listVarsetVars(r *http.Request) (int, any, *apiError) {
	vs, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	p, apiErr := parsePage(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	return pageOf(r, p, st.setVars(vs), st.varResource)
}

func (st *store) createVarsetVar(r *http.Request) (int, any, *apiError) {
	vs, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	v, apiErr := st.setVarFromBody(r, vs, nil)
	if apiErr != nil {
		return fail(apiErr)
	}
	v.varsetID = vs.id
	st.saveVar(v)
	vs.varIDs = append(vs.varIDs, v.id)
	vs.updatedAt = st.timestamp()
	// The docs page answers 200 here (the OpenAPI spec says 201).
	return one(http.StatusOK, st.varResource(v), nil)
}

func (st *store) readVarsetVar(r *http.Request) (int, any, *apiError) {
	v, apiErr := st.findVarsetVar(r.PathValue("id"), r.PathValue("var"))
	if apiErr != nil {
		return fail(apiErr)
	}
	return one(http.StatusOK, st.varResource(v), nil)
}

func (st *store) updateVarsetVar(r *http.Request) (int, any, *apiError) {
	vs, old, apiErr := st.varsetVarFromPath(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	v, apiErr := st.setVarFromBody(r, vs, old)
	if apiErr != nil {
		return fail(apiErr)
	}
	st.saveVar(v)
	vs.updatedAt = st.timestamp()
	return one(http.StatusOK, st.varResource(v), nil)
}

func (st *store) deleteVarsetVar(r *http.Request) (int, any, *apiError) {
	vs, v, apiErr := st.varsetVarFromPath(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	delete(st.vars, v.id)
	vs.varIDs = slices.DeleteFunc(vs.varIDs, func(id string) bool { return id == v.id })
	vs.updatedAt = st.timestamp()
	return noContent()
}

// setVarFromBody reads a variable of vs from the body (see varFromBody).
func (st *store) setVarFromBody(r *http.Request, vs *varset, old *variable) (*variable, *apiError) {
	return varFromBody(r, old, func(in *input, v *variable) *apiError {
		return st.checkSetVar(in, vs, v)
	}, "varset", "configurable")
}

// checkSetVar refuses v in vs when the set already has its key and
// category, or when vs is global and another global set defines it.
func (st *store) checkSetVar(in *input, vs *varset, v *variable) *apiError {
	if apiErr := checkDuplicate(in, v, st.setVars(vs)); apiErr != nil {
		return apiErr
	}
	return st.checkGlobalConflict(in.attr("key"), vs, []*variable{v})
}
