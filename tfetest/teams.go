package tfetest

import (
	"net/http"
	"time"
)

// Teams and their API tokens: organizations/:org/teams, teams/:id and
// teams/:id/authentication-token. Every organization has an owners team
// (made when first asked for, so seeding IDs do not move); AddTeam seeds
// others. A team token is accepted as a bearer token for its
// organization's owners or, for another team, with its lesser rights (see
// tokens.go).

type team struct {
	seq      int
	id, name string
	org      *org
	owners   bool
}

type teamToken struct {
	id, value string
	team      *team
	createdAt time.Time
}

// ownersTeam returns o's owners team, making it on first use.
func (st *store) ownersTeam(o *org) *team {
	for _, t := range st.teams {
		if t.org == o && t.owners {
			return t
		}
	}
	return st.addTeam(o, "owners", true)
}

func (st *store) addTeam(o *org, name string, owners bool) *team {
	t := &team{seq: st.nextSeq(), id: st.newID("team"), name: name, org: o, owners: owners}
	st.teams[t.id] = t
	return t
}

// listTeams answers the organization's teams, filtered by
// filter[names] (comma-separated) and paginated.
func (st *store) listTeams(r *http.Request) (int, any, *apiError) {
	o, p, apiErr := st.orgPage(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	st.ownersTeam(o)
	names := splitList(r.URL.Query().Get("filter[names]"))
	var all []*team
	for _, t := range sortedBy(st.teams, func(t *team) int { return t.seq }) {
		if t.org == o && (names == nil || contains(names, t.name)) {
			all = append(all, t)
		}
	}
	return pageOf(r, p, all, teamResource)
}

func (st *store) readTeam(r *http.Request) (int, any, *apiError) {
	t, apiErr := st.findTeam(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	return one(http.StatusOK, teamResource(t), nil)
}

// createTeamToken makes the team's token, replacing the one before (the
// legacy single token of teams/:id/authentication-token). The answer is
// the only one that shows the token.
func (st *store) createTeamToken(r *http.Request) (int, any, *apiError) {
	t, apiErr := st.findTeam(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	tok := st.newTeamToken(t)
	res := resource{
		ID: tok.id, Type: "authentication-tokens",
		Attributes: map[string]any{
			"created-at": formatTime(tok.createdAt), "last-used-at": nil, "description": nil,
			"token": tok.value, "expired-at": nil,
		},
		Relationships: map[string]relationship{"team": toOne("teams", t.id)},
	}
	return one(http.StatusCreated, res, nil)
}

// newTeamToken makes t's token, replacing the one before.
func (st *store) newTeamToken(t *team) *teamToken {
	st.dropTeamToken(t)
	tok := &teamToken{id: st.newID("at"), value: st.hexID()[:14] + ".atlasv1." + st.hexID(), team: t, createdAt: st.timestamp()}
	st.teamTokens[tok.value] = tok
	return tok
}

func (st *store) deleteTeamToken(r *http.Request) (int, any, *apiError) {
	t, apiErr := st.findTeam(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	if !st.dropTeamToken(t) {
		return fail(errNotFound("team " + quote(t.id) + " has no token"))
	}
	return noContent()
}

// dropTeamToken removes t's token and reports whether it had one.
func (st *store) dropTeamToken(t *team) bool {
	for v, tok := range st.teamTokens {
		if tok.team == t {
			delete(st.teamTokens, v)
			return true
		}
	}
	return false
}

func teamResource(t *team) resource {
	access := map[string]bool{}
	for _, k := range []string{"manage-policies", "manage-workspaces", "manage-vcs-settings", "manage-providers",
		"manage-modules", "manage-run-tasks", "manage-projects", "read-workspaces", "read-projects",
		"manage-membership", "manage-teams", "manage-organization-access", "access-secret-teams"} {
		access[k] = t.owners
	}
	return resource{
		ID: t.id, Type: "teams",
		Attributes: map[string]any{
			"name": t.name, "visibility": "secret", "users-count": 0, "is-unified": false,
			"organization-access": access, "allow-member-token-management": true,
			"permissions": map[string]bool{"can-update-membership": t.owners, "can-destroy": !t.owners,
				"can-update-organization-access": t.owners, "can-update-api-token": true, "can-update-visibility": t.owners},
		},
		Relationships: map[string]relationship{"organization": toOne("organizations", t.org.name)},
		Links:         map[string]string{"self": apiPath("teams", t.id)},
	}
}
