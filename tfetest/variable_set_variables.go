package tfetest

import "net/http"

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
	all := st.setVars(vs)
	var data []resource
	for _, v := range paginate(all, p) {
		data = append(data, st.varResource(v))
	}
	return page(r, p, len(all), data, nil)
}

func (st *store) createVarsetVar(r *http.Request) (int, any, *apiError) {
	vs, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	in, apiErr := readResource(r, []string{"vars"}, varAttrs, "varset", "configurable")
	if apiErr != nil {
		return fail(apiErr)
	}
	v, apiErr := draftVar(in, nil)
	if apiErr == nil {
		apiErr = st.checkSetVar(in, vs, v)
	}
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
	vs, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	old, apiErr := st.findVarsetVar(vs.id, r.PathValue("var"))
	if apiErr != nil {
		return fail(apiErr)
	}
	in, apiErr := readResource(r, []string{"vars"}, varAttrs, "varset", "configurable")
	if apiErr != nil {
		return fail(apiErr)
	}
	if in.ID != "" && in.ID != old.id {
		return fail(errInvalid("/data/id", "id "+quote(in.ID)+" does not match the variable in the path"))
	}
	v, apiErr := draftVar(in, old)
	if apiErr == nil {
		apiErr = st.checkSetVar(in, vs, v)
	}
	if apiErr != nil {
		return fail(apiErr)
	}
	st.saveVar(v)
	vs.updatedAt = st.timestamp()
	return one(http.StatusOK, st.varResource(v), nil)
}

func (st *store) deleteVarsetVar(r *http.Request) (int, any, *apiError) {
	vs, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	v, apiErr := st.findVarsetVar(vs.id, r.PathValue("var"))
	if apiErr != nil {
		return fail(apiErr)
	}
	delete(st.vars, v.id)
	for i, id := range vs.varIDs {
		if id == v.id {
			vs.varIDs = append(vs.varIDs[:i], vs.varIDs[i+1:]...)
			break
		}
	}
	vs.updatedAt = st.timestamp()
	return noContent()
}

// checkSetVar refuses v in vs when the set already has its key and
// category, or when vs is global and another global set defines it.
func (st *store) checkSetVar(in *input, vs *varset, v *variable) *apiError {
	if apiErr := checkDuplicate(in, v, st.setVars(vs)); apiErr != nil {
		return apiErr
	}
	return st.checkGlobalConflict(in.attr("key"), vs, []*variable{v})
}
