package tfetest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRegistryProtocolPrivateModule(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	srv.AddRegistryModule("acme", RegistryModule{Name: "vpc", Provider: "aws", Versions: []ModuleVersion{
		{Version: "1.0.0"},
		{Version: "1.1.0", Variables: []ModuleVariable{
			{Name: "cidr", Type: "string", Description: "range", Default: "10.0.0.0/16"},
			{Name: "azs", Type: "list(string)", Default: []any{"a", "b"}},
			{Name: "name", Type: "string", Required: true},
		}},
	}})

	ans := a.do("GET", "/api/registry/v1/modules/acme/vpc/aws/1.1.0", nil).want(http.StatusOK)
	assert.Equal(t, "application/json", ans.header.Get("Content-Type"), "plain JSON, not JSON:API")
	assert.Nil(t, ans.get("data"))
	assert.Equal(t, "acme/vpc/aws/1.1.0", ans.str("id"))
	assert.Equal(t, "acme", ans.str("namespace"))
	assert.Equal(t, "vpc", ans.str("name"))
	assert.Equal(t, "aws", ans.str("provider"))
	assert.Equal(t, "1.1.0", ans.str("version"))
	assert.NotEmpty(t, ans.str("published_at"))
	assert.Equal(t, []any{"1.0.0", "1.1.0"}, ans.get("versions"))
	assert.Equal(t, []any{"aws"}, ans.get("providers"))
	assert.Equal(t, []any{
		map[string]any{"name": "cidr", "type": "string", "description": "range", "default": `"10.0.0.0/16"`, "required": false},
		map[string]any{"name": "azs", "type": "list(string)", "description": "", "default": `["a","b"]`, "required": false},
		map[string]any{"name": "name", "type": "string", "description": "", "default": "", "required": true},
	}, ans.get("root", "inputs"))
	assert.Equal(t, []any{}, a.do("GET", "/api/registry/v1/modules/acme/vpc/aws/1.0.0", nil).want(http.StatusOK).get("root", "inputs"))
}

func TestRegistryProtocolServesIngestedVersionsOnly(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	a.createModule("vpc", "aws")
	created := a.do("POST", "organizations/acme/registry-modules/private/acme/vpc/aws/versions",
		res("registry-module-versions", map[string]any{"version": "0.1.0"}, nil)).want(http.StatusCreated)
	require.NotEmpty(t, created.str("data", "links", "upload"))

	ans := a.do("GET", "/api/registry/v1/modules/acme/vpc/aws/0.1.0", nil).want(http.StatusNotFound)
	assert.Equal(t, "application/json", ans.header.Get("Content-Type"))
	assert.Equal(t, []any{"Not Found"}, ans.get("errors"), "the registry's error shape")

	require.Equal(t, http.StatusOK, put(t, created.str("data", "links", "upload"), tarGz(t)))
	ans = a.do("GET", "/api/registry/v1/modules/acme/vpc/aws/0.1.0", nil).want(http.StatusOK)
	assert.Equal(t, []any{"0.1.0"}, ans.get("versions"))
}

func TestRegistryProtocolPublicModule(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"), WithHCPTerraform())
	srv.AddRegistryModule("acme", RegistryModule{Name: "consul", Provider: "aws", RegistryName: "public", Namespace: "hashicorp",
		Versions: []ModuleVersion{{Version: "0.12.0"}}})

	ans := a.do("GET", "/api/registry/public/v1/modules/hashicorp/consul/aws/0.12.0", nil).want(http.StatusOK)
	assert.Equal(t, "hashicorp/consul/aws/0.12.0", ans.str("id"))
	// A public module is not in the private registry, nor the other way.
	a.do("GET", "/api/registry/v1/modules/hashicorp/consul/aws/0.12.0", nil).want(http.StatusNotFound)
	a.do("GET", "/api/registry/v1/modules/acme/consul/aws/0.12.0", nil).want(http.StatusNotFound)
	srv.AddRegistryModule("acme", RegistryModule{Name: "vpc", Provider: "aws", Versions: []ModuleVersion{{Version: "1.0.0"}}})
	a.do("GET", "/api/registry/public/v1/modules/acme/vpc/aws/1.0.0", nil).want(http.StatusNotFound)
}

func TestRegistryProtocolAccess(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"), WithOrganization("other"))
	srv.AddRegistryModule("acme", RegistryModule{Name: "vpc", Provider: "aws", Versions: []ModuleVersion{{Version: "1.0.0"}}})
	const path = "/api/registry/v1/modules/acme/vpc/aws/1.0.0"

	a.send("GET", path, nil, nil).wantError(http.StatusUnauthorized, "")
	a.as(srv.AddTeamToken(srv.AddTeam("acme", "devs")), "GET", path, nil).want(http.StatusOK)
	a.as(srv.AddTeamToken(srv.AddTeam("other", "devs")), "GET", path, nil).wantError(http.StatusNotFound, "")

	owners := a.do("GET", "organizations/acme/teams?filter[names]=owners", nil).want(http.StatusOK).str("data", 0, "id")
	tok := srv.AddTeamToken(owners)
	a.as(tok, "PATCH", "organizations/acme", res("organizations", map[string]any{"user-tokens-enabled": false}, nil)).want(http.StatusOK)
	a.do("GET", path, nil).wantError(http.StatusUnauthorized, "")
	a.as(tok, "GET", path, nil).want(http.StatusOK)
}
