package tfetest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOrganizationReadAttributes(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	org := a.do("GET", "organizations/acme", nil).want(http.StatusOK)
	attrs, ok := org.get("data", "attributes").(map[string]any)
	require.True(t, ok, "attributes: %s", org.raw)
	assert.Equal(t, true, attrs["user-tokens-enabled"])
	assert.Equal(t, false, attrs["stacks-enabled"])
	assert.Equal(t, false, attrs["registry-monorepo-support-enabled"])
	assert.Greater(t, attrs["remaining-testable-count"], 1.0)
	assert.Nil(t, attrs["trial-expires-at"])
	assert.NotContains(t, attrs, "is-unified", "HCP Terraform only")
	perms, _ := attrs["permissions"].(map[string]any)
	for _, p := range []string{"can-manage-run-tasks", "can-destroy", "can-deploy-no-code-modules", "can-read-policies"} {
		assert.Equal(t, true, perms[p], p)
	}
	assert.NotContains(t, perms, "can-manage-groups-in-hcp")
	assert.Nil(t, org.get("data", "relationships", "data-retention-policy", "data"))

	a.do("PATCH", "organizations/acme", res("organizations", map[string]any{"stacks-enabled": "yes"}, nil)).
		wantError(http.StatusUnprocessableEntity, "/data/attributes/stacks-enabled")
	upd := a.do("PATCH", "organizations/acme", res("organizations", map[string]any{
		"stacks-enabled": true, "user-tokens-enabled": false, "registry-monorepo-support-enabled": true,
	}, nil)).want(http.StatusOK)
	for _, name := range []string{"stacks-enabled", "registry-monorepo-support-enabled"} {
		assert.Equal(t, true, upd.get("data", "attributes", name), name)
	}
	assert.Equal(t, false, upd.get("data", "attributes", "user-tokens-enabled"))

	_, hcp := newAPI(t, WithOrganization("acme"), WithHCPTerraform())
	org = hcp.do("GET", "organizations/acme", nil).want(http.StatusOK)
	assert.Equal(t, false, org.get("data", "attributes", "is-unified"))
	assert.Equal(t, true, org.get("data", "attributes", "permissions", "can-manage-groups-in-hcp"))
	assert.Nil(t, org.get("data", "relationships", "data-retention-policy"), "Terraform Enterprise only")
}

func TestOrganizationIncludes(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	org := a.do("GET", "organizations/acme?include=default-project,entitlement_set", nil).want(http.StatusOK)
	prj := org.str("data", "relationships", "default-project", "data", "id")
	require.NotEmpty(t, prj)
	assert.Equal(t, prj, org.str("included", 0, "id"))
	assert.Equal(t, "Default Project", org.str("included", 0, "attributes", "name"))
	assert.Equal(t, "entitlement-sets", org.str("included", 1, "type"))
	assert.Equal(t, org.str("data", "attributes", "external-id"), org.str("included", 1, "id"))
	a.do("GET", "organizations/acme?include=subscription", nil).want(http.StatusOK)
	a.do("GET", "organizations/acme?include=owners", nil).wantError(http.StatusBadRequest, "")
}

func TestOrganizationCapacityQueueEntitlements(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	c := a.do("GET", "organizations/acme/capacity", nil).want(http.StatusOK)
	assert.Equal(t, "organization-capacity", c.str("data", "type"))
	assert.Equal(t, 0.0, c.get("data", "attributes", "running"))
	q := a.do("GET", "organizations/acme/runs/queue?page[number]=3", nil).want(http.StatusOK)
	assert.Empty(t, q.items())
	assert.Equal(t, 3.0, q.get("meta", "pagination", "current-page"))
	e := a.do("GET", "organizations/acme/entitlement-set", nil).want(http.StatusOK)
	assert.Equal(t, true, e.get("data", "attributes", "operations"))
	assert.Equal(t, false, e.get("data", "attributes", "waypoint-actions"))
	for _, p := range []string{"capacity", "runs/queue", "entitlement-set", "relationships/data-retention-policy"} {
		a.do("GET", "organizations/nope/"+p, nil).wantError(http.StatusNotFound, "")
	}
}

func TestDataRetentionPolicy(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	const p = "organizations/acme/relationships/data-retention-policy"
	none := a.do("GET", p, nil).want(http.StatusOK)
	assert.Contains(t, none.doc, "data")
	assert.Nil(t, none.doc["data"])

	older := a.do("POST", p, res(retentionDeleteOlder, map[string]any{"delete-older-than-n-days": 33}, nil)).want(http.StatusCreated)
	id := older.str("data", "id")
	assert.Regexp(t, `^drp-`, id)
	assert.Equal(t, 33.0, older.get("data", "attributes", "delete-older-than-n-days"))
	again := a.do("POST", p, res(retentionDeleteOlder, map[string]any{"delete-older-than-n-days": 1}, nil)).want(http.StatusCreated)
	assert.Equal(t, id, again.str("data", "id"), "changing the days keeps the policy")
	org := a.do("GET", "organizations/acme", nil).want(http.StatusOK)
	assert.Equal(t, map[string]any{"id": id, "type": retentionDeleteOlder}, org.get("data", "relationships", "data-retention-policy", "data"))

	dont := a.do("POST", p, res(retentionDontDelete, map[string]any{}, nil)).want(http.StatusCreated)
	assert.NotEqual(t, id, dont.str("data", "id"))
	assert.Equal(t, retentionDontDelete, a.do("GET", p, nil).str("data", "type"))

	a.do("POST", p, res(retentionDeleteOlder, map[string]any{"delete-older-than-n-days": 0}, nil)).
		wantError(http.StatusUnprocessableEntity, "/data/attributes/delete-older-than-n-days")
	a.do("POST", p, res("data-retention-policies", map[string]any{}, nil)).wantError(http.StatusUnprocessableEntity, "/data/type")
	a.do("DELETE", p, nil).want(http.StatusNoContent)
	assert.Nil(t, a.do("GET", p, nil).doc["data"])

	_, hcp := newAPI(t, WithOrganization("acme"), WithHCPTerraform())
	hcp.do("GET", p, nil).wantError(http.StatusNotFound, "")
}

func TestTokenTTLPoliciesOnTerraformEnterprise(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	const p = "organizations/acme/token-ttl-policies"
	list := a.do("GET", p, nil).want(http.StatusOK)
	assert.Len(t, list.items(), 4, "metrics is HCP Terraform only")
	page2 := a.do("GET", p+"?page[size]=3&page[number]=2", nil).want(http.StatusOK)
	require.Len(t, page2.items(), 1)
	assert.Equal(t, "audit_trails", page2.str("data", 0, "attributes", "token-type"))
	assert.Equal(t, 4.0, page2.get("meta", "pagination", "total-count"))
	assert.Equal(t, 2.0, page2.get("meta", "pagination", "total-pages"))
	a.do("PATCH", p, res("organization-token-ttl-policies", map[string]any{"token-ttl-policies": []any{
		map[string]any{"token-type": "metrics", "max-ttl-ms": 5},
	}}, nil)).wantError(http.StatusUnprocessableEntity, "/data/attributes/token-ttl-policies/0/token-type")
}
