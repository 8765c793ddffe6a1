package tfe

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/tfe-sdk/tfe/internal/openapi"
)

// TestOrganizationBodiesMatchTheOpenAPISpec validates every golden request
// body of the organizations and token TTL policy tests against the
// request schema of its operation.
func TestOrganizationBodiesMatchTheOpenAPISpec(t *testing.T) {
	spec := loadSpec(t)
	cases := []struct{ method, path, golden string }{
		{"POST", "/organizations", "organizations/create.request.json"},
		{"PATCH", "/organizations/hashicorp", "organizations/update.request.json"},
		{"PATCH", "/organizations/hashicorp", "organizations/update-set-pool.request.json"},
		{"PATCH", "/organizations/hashicorp", "organizations/update-clear-pool.request.json"},
		{"PATCH", "/organizations/hashicorp", "organizations/default-settings-set-pool.request.json"},
		{"PATCH", "/organizations/hashicorp", "organizations/default-settings-pool-only.request.json"},
		{"PATCH", "/organizations/hashicorp", "organizations/default-settings-clear-pool.request.json"},
		{"PATCH", "/organizations/hashicorp", "organizations/default-settings-reset.request.json"},
		{"PATCH", "/organizations/hashicorp", "organizations/update-new-settings.request.json"},
		{"POST", "/organizations/hashicorp/relationships/data-retention-policy", "organizations/data_retention_delete_older.request.json"},
		{"POST", "/organizations/hashicorp/relationships/data-retention-policy", "organizations/data_retention_dont_delete.request.json"},
		{"PATCH", "/organizations/hashicorp/token-ttl-policies", "token_ttl_policies/update-all.request.json"},
		{"PATCH", "/organizations/hashicorp/token-ttl-policies", "token_ttl_policies/update-team.request.json"},
		{"PATCH", "/organizations/hashicorp/token-ttl-policies", "token_ttl_policies/reset.request.json"},
	}
	for _, tc := range cases {
		t.Run(tc.golden, func(t *testing.T) {
			assert.NoError(t, spec.ValidateRequest(tc.method, tc.path, readTestdata(t, tc.golden)))
		})
	}
}

// TestOrganizationFixturesMatchTheOpenAPISpec validates the answers the
// tests decode against the response schema of their operation.
func TestOrganizationFixturesMatchTheOpenAPISpec(t *testing.T) {
	spec := loadSpec(t)
	cases := []struct {
		method, path string
		status       int
		fixture      string
	}{
		{"GET", "/organizations", 200, "organizations/list.response.json"},
		{"GET", "/organizations/hashicorp", 200, "organizations/read.response.json"},
		{"GET", "/organizations/hashicorp", 200, "organizations/read-agent.response.json"},
		{"GET", "/organizations/hashicorp", 200, "organizations/read-default-project.response.json"},
		{"GET", "/organizations/hashicorp/relationships/data-retention-policy", 200, "organizations/data_retention_delete_older.response.json"},
		{"GET", "/organizations/hashicorp/relationships/data-retention-policy", 200, "organizations/data_retention_dont_delete.response.json"},
		{"POST", "/organizations", 201, "organizations/create.response.json"},
		{"PATCH", "/organizations/hashicorp", 200, "organizations/update.response.json"},
		{"GET", "/organizations/hashicorp/token-ttl-policies", 200, "token_ttl_policies/list.response.json"},
		{"PATCH", "/organizations/hashicorp/token-ttl-policies", 200, "token_ttl_policies/update.response.json"},
		{"PATCH", "/organizations/hashicorp/token-ttl-policies", 200, "token_ttl_policies/reset.response.json"},
	}
	for _, tc := range cases {
		t.Run(tc.fixture, func(t *testing.T) {
			err := spec.ValidateResponse(tc.method, tc.path, tc.status, readTestdata(t, tc.fixture))
			if !errors.Is(err, openapi.ErrNoSchema) {
				assert.NoError(t, err)
			}
		})
	}
}

// TestTheOpenAPICheckIsNotVacuous shows that the spec refuses the shapes
// the SDK avoids: a pool update without attributes, an unknown execution
// mode, the audit-trails spelling, pytfe's list of TTL resources.
func TestTheOpenAPICheckIsNotVacuous(t *testing.T) {
	spec := loadSpec(t)
	bad := []struct{ path, body string }{
		{"/organizations/hashicorp", `{"data":{"type":"organizations","relationships":{"default-agent-pool":{"data":null}}}}`},
		{"/organizations/hashicorp", `{"data":{"type":"organizations","attributes":{"default-execution-mode":"cloud"}}}`},
		{"/organizations/hashicorp/token-ttl-policies", `{"data":{"type":"organization-token-ttl-policies",
			"attributes":{"token-ttl-policies":[{"token-type":"audit-trails","max-ttl-ms":1}]}}}`},
		{"/organizations/hashicorp/token-ttl-policies", `{"data":[{"type":"organization-token-ttl-policies",
			"attributes":{"token-type":"user","max-ttl-ms":1}}]}`},
	}
	for _, tc := range bad {
		assert.Error(t, spec.ValidateRequest("PATCH", tc.path, []byte(tc.body)), "the spec accepts %s", tc.body)
	}
}
