package tfetest

import (
	"net/http"
	"sort"
)

// Handlers for workspace variables: workspaces/:id/vars[/:var] and
// workspaces/:id/all-vars. Neither list is paginated, as on the service.

func (st *store) listWorkspaceVars(r *http.Request) (int, any, *apiError) {
	ws, apiErr := st.findWorkspace(r.PathValue("ws"))
	if apiErr != nil {
		return fail(apiErr)
	}
	var out []resource
	for _, v := range st.wsVars(ws.id) {
		out = append(out, st.varResource(v))
	}
	return many(out, nil)
}

func (st *store) createWorkspaceVar(r *http.Request) (int, any, *apiError) {
	ws, apiErr := st.findWorkspace(r.PathValue("ws"))
	if apiErr != nil {
		return fail(apiErr)
	}
	v, apiErr := st.wsVarFromBody(r, ws.id, nil)
	if apiErr != nil {
		return fail(apiErr)
	}
	v.wsID = ws.id
	return one(http.StatusCreated, st.varResource(st.saveVar(v)), nil)
}

func (st *store) readWorkspaceVar(r *http.Request) (int, any, *apiError) {
	v, apiErr := st.findWorkspaceVar(r.PathValue("ws"), r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	return one(http.StatusOK, st.varResource(v), nil)
}

func (st *store) updateWorkspaceVar(r *http.Request) (int, any, *apiError) {
	old, apiErr := st.findWorkspaceVar(r.PathValue("ws"), r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	v, apiErr := st.wsVarFromBody(r, old.wsID, old)
	if apiErr != nil {
		return fail(apiErr)
	}
	return one(http.StatusOK, st.varResource(st.saveVar(v)), nil)
}

// wsVarFromBody reads a variable of workspace wsID from the body
// (see varFromBody).
func (st *store) wsVarFromBody(r *http.Request, wsID string, old *variable) (*variable, *apiError) {
	return varFromBody(r, old, func(in *input, v *variable) *apiError {
		return checkDuplicate(in, v, st.wsVars(wsID))
	}, "configurable", "workspace")
}

func (st *store) deleteWorkspaceVar(r *http.Request) (int, any, *apiError) {
	v, apiErr := st.findWorkspaceVar(r.PathValue("ws"), r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	delete(st.vars, v.id)
	return noContent()
}

// listAllVars answers the variables a run in the workspace would see: its
// own and those of every variable set applied to it, one per key and
// category, chosen by precedence (see effectiveVars). Each reads with the
// relationships of the OpenAPI description's vars: configurable and
// workspace are the workspace whose runs see it (the shape go-tfe, which
// decodes configurable as a workspace, reads), varset the set it comes
// from, if any, and overwritten the variables it hides.
func (st *store) listAllVars(r *http.Request) (int, any, *apiError) {
	ws, apiErr := st.findWorkspace(r.PathValue("ws"))
	if apiErr != nil {
		return fail(apiErr)
	}
	winners, hidden := st.effectiveVars(ws)
	var out []resource
	for _, v := range winners {
		res := st.varResource(v)
		wsRel := toOne("workspaces", ws.id)
		wsRel.Links = map[string]string{"related": apiPath("organizations", ws.org.name, "workspaces", ws.name)}
		res.Relationships = map[string]relationship{
			"configurable": wsRel,
			"workspace":    wsRel,
			"varset":       toOne("varsets", v.varsetID),
			"overwritten":  toMany("vars", hidden[v.id]),
		}
		out = append(out, res)
	}
	return many(out, nil)
}

// Scope ranks of a variable set relative to a workspace; a more specific
// scope wins.
const (
	scopeGlobal = iota + 1
	scopeProject
	scopeWorkspace
)

// effectiveVars resolves variable precedence for ws, highest first:
// priority sets (workspace-scoped over project-scoped over global), then
// the workspace's own variables, then non-priority sets (workspace-scoped
// over project-scoped over global). Between two sets of the same scope a
// project-owned set beats an organization-owned one, and then the set
// whose name sorts first wins. It returns the winners in creation order
// and, by winner ID, the IDs of the variables each hides.
func (st *store) effectiveVars(ws *workspace) ([]*variable, map[string][]string) {
	type cand struct {
		v    *variable
		rank int
		name string
	}
	best := map[string]cand{}
	losers := map[string][]*variable{}
	offer := func(c cand) {
		k := c.v.key + "\x00" + c.v.category
		cur, ok := best[k]
		switch {
		case !ok:
			best[k] = c
		case c.rank > cur.rank || (c.rank == cur.rank && c.name < cur.name):
			best[k] = c
			losers[k] = append(losers[k], cur.v)
		default:
			losers[k] = append(losers[k], c.v)
		}
	}
	for _, v := range st.wsVars(ws.id) {
		offer(cand{v: v, rank: 100})
	}
	for vs, scope := range st.appliedSets(ws) {
		rank := scope * 10
		if vs.parentType == "projects" {
			rank += 5
		}
		if vs.priority {
			rank += 200
		}
		for _, v := range st.setVars(vs) {
			offer(cand{v: v, rank: rank, name: vs.name})
		}
	}
	out := make([]*variable, 0, len(best))
	hidden := map[string][]string{}
	for k, c := range best {
		out = append(out, c.v)
		l := losers[k]
		sort.Slice(l, func(i, j int) bool { return l[i].seq < l[j].seq })
		for _, v := range l {
			hidden[c.v.id] = append(hidden[c.v.id], v.id)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out, hidden
}

// appliedSets returns the variable sets that apply to ws and the most
// specific scope through which each applies.
func (st *store) appliedSets(ws *workspace) map[*varset]int {
	out := map[*varset]int{}
	for _, vs := range st.varsets {
		if vs.org != ws.org {
			continue
		}
		switch {
		case contains(vs.wsIDs, ws.id):
			out[vs] = scopeWorkspace
		case ws.projectID != "" && contains(vs.prjIDs, ws.projectID):
			out[vs] = scopeProject
		case vs.global:
			out[vs] = scopeGlobal
		}
	}
	return out
}
