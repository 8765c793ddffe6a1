package tfetest

import (
	"net/http"
	"strings"
)

// Handlers for variable sets: organizations/:org/varsets, varsets/:id,
// workspaces/:id/varsets and projects/:id/varsets.

var varsetIncludes = []string{"vars", "workspaces", "projects", "stacks"}

func (st *store) listOrgVarsets(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	return st.listVarsets(r, func(vs *varset) bool { return vs.org == o })
}

func (st *store) listWorkspaceVarsets(r *http.Request) (int, any, *apiError) {
	ws, apiErr := st.findWorkspace(r.PathValue("ws"))
	if apiErr != nil {
		return fail(apiErr)
	}
	applied := st.appliedSets(ws)
	return st.listVarsets(r, func(vs *varset) bool { return applied[vs] > 0 })
}

func (st *store) listProjectVarsets(r *http.Request) (int, any, *apiError) {
	p, apiErr := st.findProject(r.PathValue("prj"))
	if apiErr != nil {
		return fail(apiErr)
	}
	return st.listVarsets(r, func(vs *varset) bool {
		return vs.org == p.org && (vs.global || contains(vs.prjIDs, p.id) || vs.parentID == p.id)
	})
}

// listVarsets answers one page of the variable sets keep selects, after
// the q search (by name, case-insensitive) and with the asked includes.
func (st *store) listVarsets(r *http.Request, keep func(*varset) bool) (int, any, *apiError) {
	p, apiErr := parsePage(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	inc, apiErr := parseInclude(r, varsetIncludes...)
	if apiErr != nil {
		return fail(apiErr)
	}
	q := strings.ToLower(r.URL.Query().Get("q"))
	var all []*varset
	for _, vs := range sortedBy(st.varsets, func(v *varset) int { return v.seq }) {
		if keep(vs) && strings.Contains(strings.ToLower(vs.name), q) {
			all = append(all, vs)
		}
	}
	sets := paginate(all, p)
	var data []resource
	for _, vs := range sets {
		data = append(data, st.varsetResource(vs, false))
	}
	return page(r, p, len(all), data, st.varsetIncluded(sets, inc))
}

func (st *store) readVarset(r *http.Request) (int, any, *apiError) {
	vs, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	inc, apiErr := parseInclude(r, varsetIncludes...)
	if apiErr != nil {
		return fail(apiErr)
	}
	return one(http.StatusOK, st.varsetResource(vs, false), st.varsetIncluded([]*varset{vs}, inc))
}

func (st *store) deleteVarset(r *http.Request) (int, any, *apiError) {
	vs, apiErr := st.findVarset(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	for _, id := range vs.varIDs {
		delete(st.vars, id)
	}
	delete(st.varsets, vs.id)
	return noContent()
}

// varsetResource renders a variable set. With inlineVars the vars
// relationship carries each variable's attributes, as the create and update
// answers on the docs page do.
func (st *store) varsetResource(vs *varset, inlineVars bool) resource {
	vars := toMany("vars", vs.varIDs)
	if inlineVars {
		items := []resource{}
		for _, v := range st.setVars(vs) {
			res := st.varResource(v)
			items = append(items, resource{ID: res.ID, Type: res.Type, Attributes: res.Attributes})
		}
		vars = relationship{Data: items}
	}
	return resource{
		ID:   vs.id,
		Type: "varsets",
		Attributes: map[string]any{
			"name":            vs.name,
			"description":     vs.description,
			"global":          vs.global,
			"priority":        vs.priority,
			"updated-at":      formatTime(vs.updatedAt),
			"var-count":       len(vs.varIDs),
			"workspace-count": len(vs.wsIDs),
			"project-count":   len(vs.prjIDs),
			"stack-count":     len(vs.stackIDs),
			"permissions":     map[string]bool{"can-update": true},
		},
		Relationships: map[string]relationship{
			"organization": toOne("organizations", vs.org.name),
			"vars":         vars,
			"workspaces":   toMany("workspaces", vs.wsIDs),
			"projects":     toMany("projects", vs.prjIDs),
			"stacks":       toMany("stacks", vs.stackIDs),
			"parent":       toOne(vs.parentType, vs.parentID),
		},
		Links: map[string]string{"self": apiPath("varsets", vs.id)},
	}
}

// varsetIncluded builds the included member for sets and the asked
// includes, each related resource once.
func (st *store) varsetIncluded(sets []*varset, inc map[string]bool) []resource {
	var out []resource
	seen := map[string]bool{}
	add := func(res resource) {
		if !seen[res.Type+"/"+res.ID] {
			seen[res.Type+"/"+res.ID] = true
			out = append(out, res)
		}
	}
	for _, vs := range sets {
		if inc["vars"] {
			for _, v := range st.setVars(vs) {
				add(st.varResource(v))
			}
		}
		if inc["workspaces"] {
			for _, id := range vs.wsIDs {
				if ws, ok := st.workspaces[id]; ok {
					add(st.workspaceResource(ws))
				}
			}
		}
		if inc["stacks"] {
			for _, id := range vs.stackIDs {
				if s, ok := st.stacks[id]; ok {
					add(stackResource(s))
				}
			}
		}
		if inc["projects"] {
			for _, id := range vs.prjIDs {
				if p, ok := st.projects[id]; ok {
					add(st.projectAnswer(p))
				}
			}
		}
	}
	return out
}
