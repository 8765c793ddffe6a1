package tfetest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Create and update of variable sets (POST organizations/:org/varsets,
// PUT/PATCH varsets/:id), which may carry workspaces, projects, a parent
// and complete variable definitions in their relationships.

func (st *store) createVarset(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	vs, vars, apiErr := st.varsetFromBody(r, &varset{org: o, parentType: "organizations", parentID: o.name})
	if apiErr != nil {
		return fail(apiErr)
	}
	vs.id = st.newID("varset")
	vs.seq = st.nextSeq()
	st.saveVarset(vs, vars)
	// The docs page answers 200 here (the OpenAPI spec says 201).
	return one(http.StatusOK, st.varsetResource(vs, true), nil)
}

// updateVarset takes include as a read does (go-tfe's UpdateWorkspaces
// and UpdateStacks send include=workspaces or include=stacks).
func (st *store) updateVarset(r *http.Request) (int, any, *apiError) {
	old, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	inc, apiErr := parseInclude(r, varsetIncludes...)
	if apiErr != nil {
		return fail(apiErr)
	}
	vs, vars, apiErr := st.varsetFromBody(r, old)
	if apiErr != nil {
		return fail(apiErr)
	}
	st.saveVarset(vs, vars)
	return one(http.StatusOK, st.varsetResource(vs, true), st.varsetIncluded([]*varset{vs}, inc))
}

// varsetFromBody reads a variable sets document and drafts it over old
// (see draftVarset).
func (st *store) varsetFromBody(r *http.Request, old *varset) (*varset, []*variable, *apiError) {
	in, apiErr := readResource(r, []string{"varsets"}, varsetAttrs, varsetRels...)
	if apiErr != nil {
		return nil, nil, apiErr
	}
	return st.draftVarset(in, old)
}

// draftVarset applies in to a copy of old and returns it with the
// variables to create or update. Nothing is stored until saveVarset.
func (st *store) draftVarset(in *input, old *varset) (*varset, []*variable, *apiError) {
	vs := *old
	vs.wsIDs, vs.prjIDs, vs.varIDs = slices.Clone(old.wsIDs), slices.Clone(old.prjIDs), slices.Clone(old.varIDs)
	vs.stackIDs = slices.Clone(old.stackIDs)
	if name, ok := in.str("name"); ok || old.id == "" {
		if strings.TrimSpace(name) == "" {
			return nil, nil, errInvalid(in.attr("name"), "name can't be blank")
		}
		for _, o := range st.varsets {
			if o.org == vs.org && o.id != vs.id && o.name == name {
				return nil, nil, errInvalid(in.attr("name"), "name "+quote(name)+" has already been taken")
			}
		}
		vs.name = name
	}
	if d, ok := in.str("description"); ok {
		vs.description = d
	}
	if g, ok := in.boolean("global"); ok {
		vs.global = g
	}
	if p, ok := in.boolean("priority"); ok {
		vs.priority = p
	}
	if ids, ok, apiErr := in.relMany("workspaces", "workspaces"); apiErr != nil {
		return nil, nil, apiErr
	} else if ok {
		if vs.wsIDs, apiErr = st.checkWorkspaceRefs(in.rel("workspaces")+"/data", vs.org, ids); apiErr != nil {
			return nil, nil, apiErr
		}
	}
	if ids, ok, apiErr := in.relMany("projects", "projects"); apiErr != nil {
		return nil, nil, apiErr
	} else if ok {
		if vs.prjIDs, apiErr = st.checkProjectRefs(in.rel("projects")+"/data", vs.org, ids); apiErr != nil {
			return nil, nil, apiErr
		}
	}
	if ids, ok, apiErr := in.relMany("stacks", "stacks"); apiErr != nil {
		return nil, nil, apiErr
	} else if ok {
		if vs.stackIDs, apiErr = st.checkStackRefs(in.rel("stacks")+"/data", vs.org, ids); apiErr != nil {
			return nil, nil, apiErr
		}
	}
	if apiErr := st.draftParent(in, &vs); apiErr != nil {
		return nil, nil, apiErr
	}
	vars, apiErr := st.draftSetVars(in, &vs)
	if apiErr != nil {
		return nil, nil, apiErr
	}
	ptr := in.rel("vars")
	if in.has("global") {
		ptr = in.attr("global")
	}
	all := append(st.setVarsExcept(&vs, vars), vars...)
	if apiErr := st.checkGlobalConflict(ptr, &vs, all); apiErr != nil {
		return nil, nil, apiErr
	}
	return &vs, vars, nil
}

// draftParent reads the parent relationship: the organization itself or
// one of its projects.
func (st *store) draftParent(in *input, vs *varset) *apiError {
	parent, ok, apiErr := in.relOneIdent("parent", "organizations", "projects")
	if apiErr != nil || !ok || parent.ID == "" {
		return apiErr
	}
	ptr := in.rel("parent") + "/data/id"
	if parent.Type == "organizations" && parent.ID != vs.org.name {
		return errInvalid(ptr, "parent organization must be "+quote(vs.org.name))
	}
	if p, ok := st.projects[parent.ID]; parent.Type == "projects" && (!ok || p.org != vs.org) {
		return errInvalid(ptr, "project "+quote(parent.ID)+" not found in the organization")
	}
	vs.parentType, vs.parentID = parent.Type, parent.ID
	return nil
}

// draftSetVars reads the vars relationship: complete variable definitions
// to add to the set. An item whose id names a variable of the set, or
// whose key and category match one, updates that variable (so the docs'
// update sample, which re-sends the variable of the create sample, works).
// Two items with the same key and category answer 422.
func (st *store) draftSetVars(in *input, vs *varset) ([]*variable, *apiError) {
	return draftVarItems(in, func(it *input) (*variable, *apiError) { return st.matchSetVar(it, vs) })
}

// matchSetVar finds the variable of vs an inline item updates, if any.
func (st *store) matchSetVar(it *input, vs *varset) (*variable, *apiError) {
	if it.ID != "" {
		old, apiErr := st.findVarsetVar(vs.id, it.ID)
		if apiErr != nil {
			return nil, errInvalid(it.ptr+"/id", "variable "+quote(it.ID)+" is not in this variable set")
		}
		return old, nil
	}
	key, _ := it.str("key")
	cat, _ := it.str("category")
	for _, v := range st.setVars(vs) {
		if v.key == key && v.category == cat {
			return v, nil
		}
	}
	return nil, nil
}

// setVarsExcept returns the stored variables of vs that drafts do not
// replace.
func (st *store) setVarsExcept(vs *varset, drafts []*variable) []*variable {
	var out []*variable
	for _, v := range st.setVars(vs) {
		if !slices.ContainsFunc(drafts, func(d *variable) bool { return d.id == v.id }) {
			out = append(out, v)
		}
	}
	return out
}

// saveVarset stores vs and its drafted variables.
func (st *store) saveVarset(vs *varset, vars []*variable) {
	for _, v := range vars {
		v.varsetID = vs.id
		st.saveVar(v)
		if !contains(vs.varIDs, v.id) {
			vs.varIDs = append(vs.varIDs, v.id)
		}
	}
	vs.updatedAt = st.timestamp()
	st.varsets[vs.id] = vs
}

// checkWorkspaceRefs checks that every workspace ID in a request body
// exists in o and returns them without duplicates. An unknown ID answers
// 422 pointing at it.
func (st *store) checkWorkspaceRefs(ptr string, o *org, ids []string) ([]string, *apiError) {
	return checkRefs(ptr, o, ids, "workspace", func(id string) bool {
		ws, ok := st.workspaces[id]
		return ok && ws.org == o
	})
}

// checkProjectRefs is checkWorkspaceRefs for projects.
func (st *store) checkProjectRefs(ptr string, o *org, ids []string) ([]string, *apiError) {
	return checkRefs(ptr, o, ids, "project", func(id string) bool {
		p, ok := st.projects[id]
		return ok && p.org == o
	})
}

// checkStackRefs is checkWorkspaceRefs for stacks.
func (st *store) checkStackRefs(ptr string, o *org, ids []string) ([]string, *apiError) {
	return checkRefs(ptr, o, ids, "stack", func(id string) bool {
		s, ok := st.stacks[id]
		return ok && s.org == o
	})
}

// checkRefs checks that inOrg holds for every ID, naming what the IDs
// are in the 422, and returns them without duplicates.
func checkRefs(ptr string, o *org, ids []string, what string, inOrg func(id string) bool) ([]string, *apiError) {
	out := []string{}
	for i, id := range ids {
		if !inOrg(id) {
			return nil, errInvalid(ptr+"/"+strconv.Itoa(i)+"/id", what+" "+quote(id)+" not found in organization "+quote(o.name))
		}
		if !contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}
