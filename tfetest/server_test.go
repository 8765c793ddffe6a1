package tfetest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestServerHeadersOnEveryAnswer(t *testing.T) {
	_, tfe := newAPI(t, WithOrganization("acme"))
	_, hcp := newAPI(t, WithOrganization("acme"), WithHCPTerraform())
	for _, ans := range []*answer{
		tfe.send("GET", "ping", nil, nil).want(http.StatusNoContent),
		tfe.do("GET", "organizations/acme", nil).want(http.StatusOK),
		tfe.do("GET", "organizations/nope", nil).wantError(http.StatusNotFound, ""),
		tfe.send("GET", "organizations/acme", nil, nil).wantError(http.StatusUnauthorized, ""),
	} {
		assert.Equal(t, "Terraform Enterprise", ans.header.Get("TFP-AppName"))
		assert.Equal(t, "2.6", ans.header.Get("TFP-API-Version"))
		assert.NotEmpty(t, ans.header.Get("X-TFE-Version"))
		assert.NotEmpty(t, ans.header.Get("X-TFE-Current-Version"))
	}
	for _, ans := range []*answer{
		hcp.send("GET", "ping", nil, nil).want(http.StatusNoContent),
		hcp.do("GET", "organizations/acme", nil).want(http.StatusOK),
	} {
		assert.Equal(t, "HCP Terraform", ans.header.Get("TFP-AppName"))
		assert.Equal(t, "2.6", ans.header.Get("TFP-API-Version"))
		assert.Empty(t, ans.header.Get("X-TFE-Version"))
	}
}

func TestUnimplementedRoute(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	missing := a.do("GET", "organizations/nope", nil).wantError(http.StatusNotFound, "")
	assert.Equal(t, "not found", missing.str("errors", 0, "title"))
	for _, tc := range []struct{ method, path string }{
		{"GET", "no-such-endpoint"}, {"GET", "organizations/acme/no-such-thing"}, {"PUT", "organizations/acme/token-ttl-policies"},
	} {
		ans := a.do(tc.method, tc.path, nil).wantError(http.StatusNotFound, "")
		assert.Equal(t, unimplementedTitle, ans.str("errors", 0, "title"))
		assert.Contains(t, ans.str("errors", 0, "detail"), tc.method+" /api/v2/"+tc.path)
	}
}
