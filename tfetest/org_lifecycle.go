package tfetest

import (
	"maps"
	"slices"
)

// Creating, renaming and removing organizations in the store. Callers
// hold st.mu.

// defaultTTLms is what the service reports for a token TTL policy nobody
// set: 63,113,904,000 ms (two years of 365.2425 days).
const defaultTTLms int64 = 63113904000

// ttlTypes are the token types with a TTL policy, in the order lists
// answer them.
var ttlTypes = []string{"organization", "team", "user", "audit_trails", "metrics"}

// newOrg builds an organization with the service's defaults, not yet
// stored.
func (st *store) newOrg(name, email string) *org {
	now := st.timestamp()
	o := &org{
		name: name, email: email,
		externalID: st.newID("org"),
		createdAt:  now,
		execMode:   "remote",
		settings:   maps.Clone(orgDefaults),
		ttl:        map[string]*ttlPolicy{},
	}
	for _, t := range ttlTypes {
		o.ttl[t] = &ttlPolicy{id: st.newID("ttl"), tokenType: t, maxTTLms: defaultTTLms, created: now, updated: now}
	}
	return o
}

// addOrg stores o with its default project.
func (st *store) addOrg(o *org) {
	o.seq = st.nextSeq()
	st.orgs[o.name] = o
	p := &project{seq: st.nextSeq(), id: st.newID("prj"), name: "Default Project", org: o, createdAt: o.createdAt}
	st.projects[p.id] = p
	o.defaultProjectID = p.id
}

// renameOrg moves o to a new name, and the references by name with it.
func (st *store) renameOrg(o *org, name string) {
	delete(st.orgs, o.name)
	for _, vs := range st.varsets {
		if vs.parentType == "organizations" && vs.parentID == o.name {
			vs.parentID = name
		}
	}
	st.orgs[name] = o
}

// removeOrg deletes o and everything that belongs to it.
func (st *store) removeOrg(o *org) {
	delete(st.orgs, o.name)
	maps.DeleteFunc(st.stacks, func(_ string, s *stack) bool { return s.org == o })
	maps.DeleteFunc(st.projects, func(_ string, p *project) bool { return p.org == o })
	maps.DeleteFunc(st.pools, func(_ string, p *agentPool) bool { return p.org == o })
	maps.DeleteFunc(st.modules, func(_ string, m *registryModule) bool { return m.org == o })
	maps.DeleteFunc(st.noCode, func(_ string, nc *noCodeModule) bool { return nc.org == o })
	maps.DeleteFunc(st.varsets, func(_ string, vs *varset) bool { return vs.org == o })
	maps.DeleteFunc(st.workspaces, func(_ string, ws *workspace) bool { return ws.org == o })
	maps.DeleteFunc(st.teams, func(_ string, t *team) bool { return t.org == o })
	maps.DeleteFunc(st.teamTokens, func(_ string, t *teamToken) bool { return t.team.org == o })
	st.pruneOrphans()
}

// pruneOrphans drops variables and runs whose owner is gone.
func (st *store) pruneOrphans() {
	maps.DeleteFunc(st.vars, func(_ string, v *variable) bool {
		_, ws := st.workspaces[v.wsID]
		_, vs := st.varsets[v.varsetID]
		return !ws && !vs
	})
	maps.DeleteFunc(st.runs, func(_ string, r *upgradeRun) bool {
		_, ws := st.workspaces[r.wsID]
		return !ws
	})
	for _, vs := range st.varsets {
		vs.wsIDs = slices.DeleteFunc(vs.wsIDs, func(id string) bool { _, ok := st.workspaces[id]; return !ok })
		vs.prjIDs = slices.DeleteFunc(vs.prjIDs, func(id string) bool { _, ok := st.projects[id]; return !ok })
	}
}
