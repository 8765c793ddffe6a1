package tfetest

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// Who a bearer token is, and what it may do. The server's token (Token,
// WithToken) is a user who is a site admin and an owner of every
// organization. A team token (teams.go) acts for its organization only:
// an owners-team token as an owner, another team's token with reads only
// on the organization itself. The checks cover the organizations/:org
// paths, and the registry protocol's private modules
// (/api/registry/v1/modules/:org/...) for the first two rules:
//
//   - the user token answers 401 for an organization whose
//     user-tokens-enabled is false, as the service does;
//   - a team token answers 404 for another organization, as for one the
//     token's owner is not a member of;
//   - a team token of a team other than owners answers 403 for the token
//     TTL policies (the OpenAPI description's "not part of the owners
//     team"), for changing or deleting the organization and for changing
//     its data retention policy.

// identity is who a request's token is: the user, or a team.
type identity struct {
	user bool
	team *team
}

// identify finds who r's bearer token is; ok is false for no or an
// unknown token.
func (s *Server) identify(r *http.Request) (who identity, ok bool) {
	tok, found := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !found || tok == "" {
		return identity{}, false
	}
	if subtle.ConstantTimeCompare([]byte(tok), []byte(s.Token)) == 1 {
		return identity{user: true}, true
	}
	st := s.lock()
	defer st.mu.Unlock()
	if t, found := st.teamTokens[tok]; found {
		return identity{team: t.team}, true
	}
	return identity{}, false
}

// checkAccess applies the rules above to r.
func (s *Server) checkAccess(r *http.Request, who identity) *apiError {
	name, sub, found := orgOfPath(r.URL.Path)
	if !found {
		return nil
	}
	st := s.lock()
	defer st.mu.Unlock()
	o, exists := st.orgs[name]
	switch {
	case !exists:
		return nil // the handler answers 404
	case who.user:
		if enabled, _ := o.settings["user-tokens-enabled"].(bool); !enabled {
			return &apiError{Status: http.StatusUnauthorized, Title: "unauthorized",
				Detail: "user tokens are disabled for organization " + quote(o.name) + "; use a team or organization token"}
		}
		return nil
	case who.team.org != o:
		return errNotFound("organization " + quote(name) + " not found")
	case who.team.owners:
		return nil
	}
	write := r.Method != http.MethodGet
	if sub == "token-ttl-policies" || (sub == "" && write) || (sub == "relationships/data-retention-policy" && write) {
		return &apiError{Status: http.StatusForbidden, Title: "forbidden",
			Detail: "the token's team " + quote(who.team.name) + " is not the owners team of organization " + quote(o.name)}
	}
	return nil
}

// orgOfPath finds the organization a path is in: organizations/:org/...
// under /api/v2/, or the namespace of a private module in the registry
// protocol (its sub is "registry", as no rule of a team's looks at it).
func orgOfPath(path string) (name, sub string, found bool) {
	rest, found := strings.CutPrefix(path, "/api/v2/organizations/")
	if !found {
		rest, found = strings.CutPrefix(path, "/api/registry/v1/modules/")
		if found {
			name, _, _ = strings.Cut(rest, "/")
			return name, "registry", name != ""
		}
	}
	if !found || rest == "" {
		return "", "", false
	}
	name, sub, _ = strings.Cut(rest, "/")
	return name, sub, true
}

// AddTeam seeds a team named name in org, without organization access,
// and returns its ID. Every organization also has an owners team, listed
// by GET organizations/:org/teams.
func (s *Server) AddTeam(org, name string) string {
	st := s.lock()
	defer st.mu.Unlock()
	o := st.mustOrg("AddTeam", org)
	if name == "" || name == "owners" {
		panic("tfetest: AddTeam: invalid team name " + quote(name))
	}
	return st.addTeam(o, name, false).id
}

// AddTeamToken makes the token of team teamID (from AddTeam), replacing
// the one before, and returns it: what POST teams/:id/authentication-token
// does, for a test whose client has no teams API. Use it as a bearer token
// (tfe.Config.Token) to act as the team.
func (s *Server) AddTeamToken(teamID string) string {
	st := s.lock()
	defer st.mu.Unlock()
	t, ok := st.teams[teamID]
	if !ok {
		panic("tfetest: AddTeamToken: unknown team " + quote(teamID))
	}
	return st.newTeamToken(t).value
}
