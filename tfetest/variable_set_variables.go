package tfetest

import "net/http"

// Handlers for the variables of a variable set:
// varsets/:id/relationships/vars[/:var].

func (s *Server) listVarsetVars(w http.ResponseWriter, r *http.Request) {
	st := s.lock()
	defer st.mu.Unlock()
	vs, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	p, apiErr := parsePage(r)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	all := st.setVars(vs)
	var data []resource
	for _, v := range paginate(all, p) {
		data = append(data, st.varResource(v))
	}
	writePage(w, r, p, len(all), data, nil)
}

func (s *Server) createVarsetVar(w http.ResponseWriter, r *http.Request) {
	st := s.lock()
	defer st.mu.Unlock()
	vs, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	in, apiErr := readResource(r, []string{"vars"}, varAttrs, "varset", "configurable")
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	v, apiErr := draftVar(in, nil)
	if apiErr == nil {
		apiErr = st.checkSetVar(in, vs, v)
	}
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	v.varsetID = vs.id
	st.saveVar(v)
	vs.varIDs = append(vs.varIDs, v.id)
	vs.updatedAt = st.timestamp()
	// The docs page answers 200 here (the OpenAPI spec says 201).
	writeOne(w, http.StatusOK, st.varResource(v), nil)
}

func (s *Server) readVarsetVar(w http.ResponseWriter, r *http.Request) {
	st := s.lock()
	defer st.mu.Unlock()
	v, apiErr := st.findVarsetVar(r.PathValue("id"), r.PathValue("var"))
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	writeOne(w, http.StatusOK, st.varResource(v), nil)
}

func (s *Server) updateVarsetVar(w http.ResponseWriter, r *http.Request) {
	st := s.lock()
	defer st.mu.Unlock()
	vs, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	old, apiErr := st.findVarsetVar(vs.id, r.PathValue("var"))
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	in, apiErr := readResource(r, []string{"vars"}, varAttrs, "varset", "configurable")
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	if in.ID != "" && in.ID != old.id {
		writeError(w, errInvalid("/data/id", "id "+quote(in.ID)+" does not match the variable in the path"))
		return
	}
	v, apiErr := draftVar(in, old)
	if apiErr == nil {
		apiErr = st.checkSetVar(in, vs, v)
	}
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	st.saveVar(v)
	vs.updatedAt = st.timestamp()
	writeOne(w, http.StatusOK, st.varResource(v), nil)
}

func (s *Server) deleteVarsetVar(w http.ResponseWriter, r *http.Request) {
	st := s.lock()
	defer st.mu.Unlock()
	vs, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	v, apiErr := st.findVarsetVar(vs.id, r.PathValue("var"))
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	delete(st.vars, v.id)
	for i, id := range vs.varIDs {
		if id == v.id {
			vs.varIDs = append(vs.varIDs[:i], vs.varIDs[i+1:]...)
			break
		}
	}
	vs.updatedAt = st.timestamp()
	w.WriteHeader(http.StatusNoContent)
}

// checkSetVar refuses v in vs when the set already has its key and
// category, or when vs is global and another global set defines it.
func (st *store) checkSetVar(in *input, vs *varset, v *variable) *apiError {
	if apiErr := checkDuplicate(in, v, st.setVars(vs)); apiErr != nil {
		return apiErr
	}
	return st.checkGlobalConflict(in.attr("key"), vs, []*variable{v})
}
