package tfetest

import (
	"net/http"
	"strings"
)

// Handlers for agent pools: organizations/:org/agent-pools (GET list, POST
// create) and agent-pools/:id (GET, PATCH, DELETE). The fake has no
// agents: agent-count is always 0.

// agentPoolIncludes are the include values agent pool reads and lists
// take; they add nothing.
var agentPoolIncludes = []string{"workspaces", "hyok-configurations"}

func (st *store) listAgentPools(r *http.Request) (int, any, *apiError) {
	o, p, apiErr := st.orgPage(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	if _, apiErr := parseInclude(r, agentPoolIncludes...); apiErr != nil {
		return fail(apiErr)
	}
	q := strings.ToLower(r.URL.Query().Get("q"))
	var all []*agentPool
	for _, pool := range sortedBy(st.pools, func(p *agentPool) int { return p.seq }) {
		if pool.org == o && strings.Contains(strings.ToLower(pool.name), q) {
			all = append(all, pool)
		}
	}
	return pageOf(r, p, all, st.agentPoolResource)
}

// createAgentPool answers 200, as the OpenAPI spec says.
func (st *store) createAgentPool(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	pool, apiErr := draftBody(r, agentPoolBody, &agentPool{org: o, orgScoped: true}, st.draftAgentPool)
	if apiErr != nil {
		return fail(apiErr)
	}
	st.addAgentPool(pool)
	return one(http.StatusOK, st.agentPoolResource(pool), nil)
}

func (st *store) readAgentPool(r *http.Request) (int, any, *apiError) {
	pool, apiErr := st.findAgentPool(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	if _, apiErr := parseInclude(r, agentPoolIncludes...); apiErr != nil {
		return fail(apiErr)
	}
	return one(http.StatusOK, st.agentPoolResource(pool), nil)
}

func (st *store) updateAgentPool(r *http.Request) (int, any, *apiError) {
	pool, apiErr := st.findAgentPool(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	return update(r, pool, agentPoolBody, st.draftAgentPool, st.agentPoolResource)
}

// deleteAgentPool refuses a pool that a workspace, a project or the
// organization still uses.
func (st *store) deleteAgentPool(r *http.Request) (int, any, *apiError) {
	pool, apiErr := st.findAgentPool(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	if ws := st.poolWorkspaces(pool); len(ws) > 0 || pool.org.poolID == pool.id {
		return fail(errConflict("agent pool " + quote(pool.name) + " is in use by the organization's default or its workspaces"))
	}
	for _, p := range st.projects {
		if p.execMode != "" && p.poolID == pool.id {
			return fail(errConflict("agent pool " + quote(pool.name) + " is the default of project " + quote(p.name)))
		}
	}
	delete(st.pools, pool.id)
	return noContent()
}

// addAgentPool stores pool, giving it an ID when it has none.
func (st *store) addAgentPool(pool *agentPool) {
	if pool.id == "" {
		pool.id = st.newID("apool")
	}
	pool.seq = st.nextSeq()
	pool.createdAt = st.timestamp()
	st.pools[pool.id] = pool
}

func (st *store) draftAgentPool(in *input, old *agentPool) (*agentPool, *apiError) {
	pool := *old
	if name, ok := in.str("name"); ok || old.id == "" {
		if strings.TrimSpace(name) == "" {
			return nil, errInvalid(in.attr("name"), "Name can't be blank")
		}
		for _, other := range st.pools {
			if other.org == pool.org && other.id != pool.id && other.name == name {
				return nil, errInvalid(in.attr("name"), "Name has already been taken")
			}
		}
		pool.name = name
	}
	if b, ok := in.boolean("organization-scoped"); ok {
		pool.orgScoped = b
	}
	return &pool, nil
}

// poolWorkspaces returns the IDs of the workspaces that run in pool.
func (st *store) poolWorkspaces(pool *agentPool) []string {
	var ids []string
	for _, ws := range sortedBy(st.workspaces, func(w *workspace) int { return w.seq }) {
		if mode, id := st.execution(ws); mode == "agent" && id == pool.id {
			ids = append(ids, ws.id)
		}
	}
	return ids
}

func (st *store) agentPoolResource(pool *agentPool) resource {
	return resource{
		ID: pool.id, Type: "agent-pools",
		Attributes: map[string]any{
			"name":                pool.name,
			"created-at":          formatTime(pool.createdAt),
			"organization-scoped": pool.orgScoped,
			"agent-count":         0,
		},
		Relationships: map[string]relationship{
			"organization":          toOne("organizations", pool.org.name),
			"workspaces":            toMany("workspaces", st.poolWorkspaces(pool)),
			"agents":                toMany("agents", nil),
			"authentication-tokens": toMany("authentication-tokens", nil),
			"allowed-workspaces":    toMany("workspaces", nil),
			"allowed-projects":      toMany("projects", nil),
			"excluded-workspaces":   toMany("workspaces", nil),
		},
		Links: map[string]string{"self": apiPath("agent-pools", pool.id)},
	}
}
