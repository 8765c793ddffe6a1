package tfetest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// teamToken creates a token for team id and returns it.
func (a *api) teamToken(id string) string {
	a.t.Helper()
	tok := a.do("POST", "teams/"+id+"/authentication-token", res("authentication-tokens", map[string]any{}, nil)).
		want(http.StatusCreated).str("data", "attributes", "token")
	require.NotEmpty(a.t, tok)
	return tok
}

// as sends a request with token instead of the server's.
func (a *api) as(token, method, path string, body any) *answer {
	a.t.Helper()
	return a.send(method, path, body, map[string]string{"Authorization": "Bearer " + token})
}

func TestUserTokensDisabled(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"), WithOrganization("other"))
	teams := a.do("GET", "organizations/acme/teams?filter[names]=owners", nil).want(http.StatusOK)
	require.Len(t, teams.items(), 1)
	assert.Equal(t, "owners", teams.str("data", 0, "attributes", "name"))
	owners := a.teamToken(teams.str("data", 0, "id"))

	off := res("organizations", map[string]any{"user-tokens-enabled": false}, nil)
	assert.Equal(t, false, a.as(owners, "PATCH", "organizations/acme", off).want(http.StatusOK).get("data", "attributes", "user-tokens-enabled"))
	ans := a.do("GET", "organizations/acme", nil).wantError(http.StatusUnauthorized, "")
	assert.Equal(t, "unauthorized", ans.str("errors", 0, "title"))
	a.do("GET", "organizations/other", nil).want(http.StatusOK)
	a.as(owners, "GET", "organizations/acme", nil).want(http.StatusOK)
	a.as(owners, "GET", "organizations/other", nil).wantError(http.StatusNotFound, "")

	on := res("organizations", map[string]any{"user-tokens-enabled": true}, nil)
	a.as(owners, "PATCH", "organizations/acme", on).want(http.StatusOK)
	a.do("GET", "organizations/acme", nil).want(http.StatusOK)

	a.do("DELETE", "teams/"+teams.str("data", 0, "id")+"/authentication-token", nil).want(http.StatusNoContent)
	a.as(owners, "GET", "organizations/acme", nil).wantError(http.StatusUnauthorized, "")
	a.do("DELETE", "teams/"+teams.str("data", 0, "id")+"/authentication-token", nil).wantError(http.StatusNotFound, "")
}

func TestForbiddenForOtherTeams(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	devs := srv.AddTeam("acme", "devs")
	tok := a.teamToken(devs)
	a.as(tok, "GET", "organizations/acme", nil).want(http.StatusOK)
	for _, tc := range []struct {
		method, path string
		body         any
	}{
		{"GET", "organizations/acme/token-ttl-policies", nil},
		{"PATCH", "organizations/acme", res("organizations", map[string]any{"email": "x@example.com"}, nil)},
		{"DELETE", "organizations/acme", nil},
		{"POST", "organizations/acme/relationships/data-retention-policy", res(retentionDontDelete, map[string]any{}, nil)},
	} {
		ans := a.as(tok, tc.method, tc.path, tc.body).wantError(http.StatusForbidden, "")
		assert.Equal(t, "forbidden", ans.str("errors", 0, "title"), tc.path)
	}
	a.do("GET", "teams/"+devs, nil).want(http.StatusOK)
	assert.Panics(t, func() { srv.AddTeam("acme", "owners") })
}

func TestAddTeamToken(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	devs := srv.AddTeam("acme", "devs")
	first := srv.AddTeamToken(devs)
	a.as(first, "GET", "organizations/acme", nil).want(http.StatusOK)
	a.as(first, "GET", "organizations/acme/token-ttl-policies", nil).wantError(http.StatusForbidden, "")

	// A new token replaces the one before, as the API's create does.
	second := srv.AddTeamToken(devs)
	assert.NotEqual(t, first, second)
	a.as(first, "GET", "organizations/acme", nil).wantError(http.StatusUnauthorized, "")
	a.as(second, "GET", "organizations/acme", nil).want(http.StatusOK)
	assert.Panics(t, func() { srv.AddTeamToken("team-nowhere") })
}
