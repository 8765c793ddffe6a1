package tfe

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bootstrapServer is a small stateful stand-in for the three endpoints of
// seed 002 (the admin bootstrap): it keeps what the SDK writes and answers
// reads with it, so the scenario reads back real state. Its handlers record
// what they find wrong on the test server, never on the test.
type bootstrapServer struct {
	server assert.TestingT
	mu     sync.Mutex
	smtp   map[string]any
	mode   string
	pool   string
	ttl    bool
	caps   map[string]int64
	// order is the token types in the order the service lists them.
	order []string
}

// newBootstrapServer registers the endpoints on ts for organization org.
func newBootstrapServer(ts *testServer, org string) *bootstrapServer {
	d := DefaultTokenTTL.Milliseconds()
	s := &bootstrapServer{server: ts, mode: "remote",
		caps:  map[string]int64{"organization": d, "team": d, "user": d, "audit_trails": d},
		order: []string{"organization", "team", "user", "audit_trails"}}
	ts.expect(exchange{method: "PATCH", path: "/admin/smtp-settings", anyRequest: true, answer: s.patchSMTP})
	ts.expect(exchange{method: "GET", path: "/organizations/" + org, anyRequest: true, answer: s.organization})
	ts.expect(exchange{method: "PATCH", path: "/organizations/" + org, anyRequest: true, answer: s.patchOrganization})
	ts.expect(exchange{method: "GET", path: "/organizations/" + org + "/token-ttl-policies", anyRequest: true, answer: s.policies})
	ts.expect(exchange{method: "PATCH", path: "/organizations/" + org + "/token-ttl-policies", anyRequest: true, answer: s.patchPolicies})
	return s
}

// attributes decodes the request's data.attributes and relationships.
func (s *bootstrapServer) attributes(r *http.Request) (map[string]any, map[string]json.RawMessage) {
	var doc struct {
		Data struct {
			Attributes    map[string]any `json:"attributes"`
			Relationships map[string]struct {
				Data json.RawMessage `json:"data"`
			} `json:"relationships"`
		} `json:"data"`
	}
	err := json.NewDecoder(r.Body).Decode(&doc)
	assert.NoError(s.server, err, "%s %s: the body is not a JSON:API document", r.Method, r.URL.Path)
	rels := map[string]json.RawMessage{}
	for name, rel := range doc.Data.Relationships {
		rels[name] = rel.Data
	}
	return doc.Data.Attributes, rels
}

func (s *bootstrapServer) patchSMTP(w http.ResponseWriter, r *http.Request) {
	attrs, _ := s.attributes(r)
	// Compared, not printed: both are planted secrets.
	assert.True(s.server, attrs["password"] == smtpPassword, "the SMTP update lacks the password")
	assert.True(s.server, attrs["test-email-address"] == smtpTestAddress, "the SMTP update lacks the test address")
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(attrs, "password")
	delete(attrs, "test-email-address")
	s.smtp = attrs
	body, _ := json.Marshal(map[string]any{"data": map[string]any{"id": "smtp", "type": "smtp-settings", "attributes": attrs}})
	respond(w, 200, string(body))
}

func (s *bootstrapServer) patchOrganization(w http.ResponseWriter, r *http.Request) {
	attrs, rels := s.attributes(r)
	s.mu.Lock()
	if mode, ok := attrs["default-execution-mode"].(string); ok {
		s.mode = mode
	}
	if on, ok := attrs["max-ttl-enabled"].(bool); ok {
		s.ttl = on
	}
	if data, ok := rels["default-agent-pool"]; ok {
		var ref ref
		_ = json.Unmarshal(data, &ref)
		s.pool = ref.ID
	}
	s.mu.Unlock()
	s.organization(w, r)
}

func (s *bootstrapServer) organization(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	pool := "null"
	if s.pool != "" {
		pool = fmt.Sprintf(`{"id":%q,"type":"agent-pools"}`, s.pool)
	}
	respond(w, 200, fmt.Sprintf(`{"data":{"id":"my-org","type":"organizations","attributes":{"name":"my-org",
		"default-execution-mode":%q,"max-ttl-enabled":%t},"relationships":{"default-agent-pool":{"data":%s}}}}`,
		s.mode, s.ttl, pool))
}

func (s *bootstrapServer) patchPolicies(w http.ResponseWriter, r *http.Request) {
	attrs, _ := s.attributes(r)
	entries, _ := attrs["token-ttl-policies"].([]any)
	s.mu.Lock()
	for _, e := range entries {
		entry, _ := e.(map[string]any)
		typ, _ := entry["token-type"].(string)
		ms, _ := entry["max-ttl-ms"].(float64)
		s.caps[typ] = int64(ms)
	}
	s.mu.Unlock()
	s.policies(w, r)
}

func (s *bootstrapServer) policies(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	items := make([]string, len(s.order))
	for i, typ := range s.order {
		items[i] = fmt.Sprintf(`{"id":"ottp-%d","type":"organization-token-ttl-policies",
			"attributes":{"token-type":%q,"max-ttl-ms":%d}}`, i, typ, s.caps[typ])
	}
	respond(w, 200, `{"data":[`+strings.Join(items, ",")+`]}`)
}

// mustParseTTL is ParseTTL for literals.
func mustParseTTL(t *testing.T, s string) *time.Duration {
	t.Helper()
	d, err := ParseTTL(s)
	require.NoError(t, err)
	return &d
}

// TestScenarioAdminBootstrap walks seed 002: configure SMTP, make agent
// the default execution mode with a pool, read it back and reset it, turn
// token TTL enforcement on, cap the four token types, list, and reset the
// caps to the defaults.
func TestScenarioAdminBootstrap(t *testing.T) {
	ts := setup(t)
	srv := newBootstrapServer(ts, "my-org")
	ctx := context.Background()
	client := ts.client

	// Step 1: SMTP (Terraform Enterprise only).
	smtp, err := client.Admin.SMTP.Update(ctx, seedSMTPOptions())
	require.NoError(t, err)
	assert.Equal(t, SMTPAuthLogin, smtp.Auth, "SMTP auth")
	assert.Equal(t, "smtp.example.com", smtp.Host, "SMTP host")
	assert.True(t, srv.smtp["password"] == nil, "the server kept the SMTP password")

	// Step 2: default execution mode agent with a pool, read back, reset.
	_, err = client.Organizations.UpdateDefaultSettings(ctx, "my-org", OrganizationDefaultSettingsUpdateOptions{
		DefaultExecutionMode: Ptr(ExecutionModeAgent),
		DefaultAgentPoolID:   NullableOf("apool-abc123"),
	})
	require.NoError(t, err)
	defaults, err := client.Organizations.ReadDefaultSettings(ctx, "my-org")
	require.NoError(t, err)
	assert.Equal(t, OrganizationDefaultSettings{ExecutionModeAgent, "apool-abc123"}, *defaults, "defaults after the update")
	defaults, err = client.Organizations.ResetDefaultSettings(ctx, "my-org")
	require.NoError(t, err)
	assert.Equal(t, OrganizationDefaultSettings{ExecutionModeRemote, ""}, *defaults, "defaults after the reset")

	// Step 3: enforce token TTLs, cap each type, list, reset.
	org, err := client.Organizations.Update(ctx, "my-org", OrganizationUpdateOptions{OrganizationSettingsOptions: OrganizationSettingsOptions{MaxTTLEnabled: Ptr(true)}})
	require.NoError(t, err)
	assert.True(t, org.MaxTTLEnabled, "MaxTTLEnabled is still off")
	_, err = client.TokenTTLPolicies.Update(ctx, "my-org", TokenTTLPolicyUpdateOptions{
		Organization: mustParseTTL(t, "1y"),
		Team:         mustParseTTL(t, "90d"),
		User:         mustParseTTL(t, "30d"),
		AuditTrails:  mustParseTTL(t, "2y"),
	})
	require.NoError(t, err)
	policies, err := client.TokenTTLPolicies.List(ctx, "my-org")
	require.NoError(t, err)
	want := map[TokenPolicyType]int64{"organization": 31_556_952_000, "team": 7_776_000_000, "user": 2_592_000_000, "audit_trails": 63_113_904_000}
	for _, p := range policies {
		assert.Equal(t, want[p.TokenType], p.MaxTTL.Milliseconds(), "%s cap in ms", p.TokenType)
	}
	policies, err = client.TokenTTLPolicies.ResetToDefaults(ctx, "my-org")
	require.NoError(t, err)
	assertDefaultTTLs(t, policies)
	assert.Equal(t, 8, ts.count(), "requests the scenario sent")
}
