package tfetest

import (
	"net/http"
	"slices"
)

// Apply a variable set to workspaces or projects, or remove it from them:
// POST/DELETE varsets/:id/relationships/workspaces and .../projects, with
// a body whose data is an array of resource identifiers. A global set is
// applied everywhere already, so both answer 422 for it.

func (s *Server) applyVarsetToWorkspaces(w http.ResponseWriter, r *http.Request) {
	s.changeVarsetScope(w, r, "workspaces", true)
}

func (s *Server) removeVarsetFromWorkspaces(w http.ResponseWriter, r *http.Request) {
	s.changeVarsetScope(w, r, "workspaces", false)
}

func (s *Server) applyVarsetToProjects(w http.ResponseWriter, r *http.Request) {
	s.changeVarsetScope(w, r, "projects", true)
}

func (s *Server) removeVarsetFromProjects(w http.ResponseWriter, r *http.Request) {
	s.changeVarsetScope(w, r, "projects", false)
}

func (s *Server) changeVarsetScope(w http.ResponseWriter, r *http.Request, typ string, add bool) {
	st := s.lock()
	defer st.mu.Unlock()
	vs, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	data, apiErr := readData(r)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	ids, apiErr := identifiers(data, "/data", []string{typ})
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	if vs.global {
		writeError(w, errInvalid("/data", "variable set "+quote(vs.name)+" is global: it applies to every workspace already"))
		return
	}
	check, list := st.checkWorkspaceRefs, &vs.wsIDs
	if typ == "projects" {
		check, list = st.checkProjectRefs, &vs.prjIDs
	}
	if ids, apiErr = check("/data", vs.org, ids); apiErr != nil {
		writeError(w, apiErr)
		return
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
	w.WriteHeader(http.StatusNoContent)
}
