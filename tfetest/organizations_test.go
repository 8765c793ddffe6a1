package tfetest

import (
	"net/http"
	"strings"
	"testing"
)

func TestOrganizationDefaultPool(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	pool := srv.AddAgentPool("acme", AgentPool{Name: "p"})
	srv.AddOrganization("other", "")
	foreign := srv.AddAgentPool("other", AgentPool{Name: "f"})
	patch := func(attrs map[string]any, rels map[string]any) *answer {
		return a.do("PATCH", "organizations/acme", res("organizations", attrs, rels))
	}
	wantPool := func(ans *answer, mode, poolID string) {
		t.Helper()
		ans.want(200)
		if ans.str("data", "attributes", "default-execution-mode") != mode {
			t.Fatalf("mode: %s", ans.raw)
		}
		relData := ans.get("data", "relationships", "default-agent-pool", "data")
		if poolID == "" && relData != nil || poolID != "" && (dig(relData, "id") != poolID || dig(relData, "type") != "agent-pools") {
			t.Fatalf("default-agent-pool: %s", ans.raw)
		}
	}
	wantPool(a.do("GET", "organizations/acme", nil), "remote", "")
	// Set via the documented attribute, clear via null.
	wantPool(patch(map[string]any{"default-execution-mode": "agent", "default-agent-pool-id": pool}, nil), "agent", pool)
	wantPool(a.do("GET", "organizations/acme", nil), "agent", pool)
	wantPool(patch(map[string]any{"default-execution-mode": "remote", "default-agent-pool-id": nil}, nil), "remote", "")
	// Set via the spec's relationship, clear via {"data": null}.
	wantPool(patch(map[string]any{"default-execution-mode": "agent"}, map[string]any{"default-agent-pool": rel(id("agent-pools", pool))}), "agent", pool)
	wantPool(patch(map[string]any{"default-execution-mode": "local"}, map[string]any{"default-agent-pool": rel(nil)}), "local", "")
	// Switching away from agent without naming the pool clears it.
	wantPool(patch(map[string]any{"default-execution-mode": "agent", "default-agent-pool-id": pool}, nil), "agent", pool)
	wantPool(patch(map[string]any{"default-execution-mode": "remote"}, nil), "remote", "")

	patch(map[string]any{"default-execution-mode": "agent"}, nil).wantError(422, "/data/attributes/default-execution-mode")
	patch(map[string]any{"default-execution-mode": "agent", "default-agent-pool-id": nil}, nil).wantError(422, "/data/attributes/default-agent-pool-id")
	patch(map[string]any{"default-execution-mode": "agent"}, map[string]any{"default-agent-pool": rel(nil)}).
		wantError(422, "/data/relationships/default-agent-pool/data")
	patch(map[string]any{"default-execution-mode": "remote", "default-agent-pool-id": pool}, nil).wantError(422, "/data/attributes/default-agent-pool-id")
	patch(map[string]any{"default-execution-mode": "local"}, map[string]any{"default-agent-pool": rel(id("agent-pools", pool))}).
		wantError(422, "/data/relationships/default-agent-pool/data")
	patch(map[string]any{"default-execution-mode": "agent", "default-agent-pool-id": "apool-nope"}, nil).wantError(422, "/data/attributes/default-agent-pool-id")
	patch(map[string]any{"default-execution-mode": "agent", "default-agent-pool-id": foreign}, nil).wantError(422, "/data/attributes/default-agent-pool-id")
	patch(map[string]any{"default-execution-mode": "agent", "default-agent-pool-id": pool}, map[string]any{"default-agent-pool": rel(id("agent-pools", foreign))}).
		wantError(422, "/data/relationships/default-agent-pool")
	patch(map[string]any{"default-execution-mode": "agent"}, map[string]any{"default-agent-pool": rel(id("agent-pool", pool))}).
		wantError(422, "/data/relationships/default-agent-pool/data/type")
	patch(map[string]any{"default-execution-mode": "cloud"}, nil).wantError(422, "/data/attributes/default-execution-mode")
	// A pool alone, with the org already in agent mode, is fine.
	wantPool(patch(map[string]any{"default-execution-mode": "agent", "default-agent-pool-id": pool}, nil), "agent", pool)
	second := srv.AddAgentPool("acme", AgentPool{Name: "second"})
	wantPool(patch(map[string]any{"default-agent-pool-id": second}, nil), "agent", second)
}

func TestOrganizationCRUD(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	created := a.do("POST", "organizations", res("organizations", map[string]any{
		"name": "new-org", "email": "ops@example.com", "max-ttl-enabled": true, "session-timeout": 60,
	}, nil)).want(http.StatusCreated)
	if created.str("data", "id") != "new-org" || created.get("data", "attributes", "max-ttl-enabled") != true ||
		created.get("data", "attributes", "session-timeout") != 60.0 || !strings.HasPrefix(created.str("data", "attributes", "external-id"), "org-") {
		t.Fatalf("create: %s", created.raw)
	}
	a.do("POST", "organizations", res("organizations", map[string]any{"name": "new-org", "email": "a@b.c"}, nil)).wantError(422, "/data/attributes/name")
	a.do("POST", "organizations", res("organizations", map[string]any{"email": "a@b.c"}, nil)).wantError(422, "/data/attributes/name")
	a.do("POST", "organizations", res("organizations", map[string]any{"name": "x"}, nil)).wantError(422, "/data/attributes/email")
	a.do("POST", "organizations", res("organizations", map[string]any{"name": "bad name", "email": "a@b.c"}, nil)).wantError(422, "/data/attributes/name")
	a.do("PATCH", "organizations/new-org", res("organizations", map[string]any{"email": "nope"}, nil)).wantError(422, "/data/attributes/email")
	a.do("PATCH", "organizations/new-org", res("organizations", map[string]any{"collaborator-auth-policy": "sms"}, nil)).
		wantError(422, "/data/attributes/collaborator-auth-policy")
	upd := a.do("PATCH", "organizations/new-org", res("organizations", map[string]any{"max-ttl-enabled": false, "assessments-enforced": true}, nil)).want(200)
	if upd.get("data", "attributes", "max-ttl-enabled") != false || upd.get("data", "attributes", "assessments-enforced") != true {
		t.Errorf("update: %s", upd.raw)
	}
	list := a.do("GET", "organizations?q=new", nil).want(200)
	if list.get("meta", "pagination", "total-count") != 1.0 {
		t.Errorf("list: %s", list.raw)
	}
	a.do("GET", "organizations", nil).want(200)
	renamed := a.do("PATCH", "organizations/new-org", res("organizations", map[string]any{"name": "renamed"}, nil)).want(200)
	if renamed.str("data", "id") != "renamed" {
		t.Errorf("rename: %s", renamed.raw)
	}
	a.do("GET", "organizations/new-org", nil).wantError(404, "")
	a.do("PATCH", "organizations/renamed", res("organizations", map[string]any{"name": "acme"}, nil)).wantError(422, "/data/attributes/name")
	a.do("DELETE", "organizations/renamed", nil).want(204)
	a.do("GET", "organizations/renamed", nil).wantError(404, "")
}

func TestOrganizationDeleteCascades(t *testing.T) {
	srv, a := newAPI(t)
	d := srv.SeedDemo("acme")
	vs := srv.AddVariableSet("acme", VariableSet{Name: "s", WorkspaceIDs: []string{d.WorkspaceID}, Variables: []Variable{{Key: "k"}}})
	a.do("DELETE", "organizations/acme", nil).want(204)
	a.do("GET", "varsets/"+vs, nil).wantError(404, "")
	a.do("GET", "workspaces/"+d.WorkspaceID+"/vars", nil).wantError(404, "")
	if _, ok := srv.Workspace(d.WorkspaceID); ok {
		t.Error("workspace survived its organization")
	}
}

func TestTokenTTLPolicies(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"), WithHCPTerraform())
	list := a.do("GET", "organizations/acme/token-ttl-policies", nil).want(200)
	if len(list.items()) != 5 || list.get("meta", "pagination", "total-count") != 5.0 || list.get("data", 3, "attributes", "max-ttl-ms") != 63113904000.0 {
		t.Fatalf("list: %s", list.raw)
	}
	body := func(entries ...any) map[string]any {
		return res("organization-token-ttl-policies", map[string]any{"token-ttl-policies": entries}, nil)
	}
	entry := func(typ string, ms any) map[string]any { return map[string]any{"token-type": typ, "max-ttl-ms": ms} }
	upd := a.do("PATCH", "organizations/acme/token-ttl-policies", body(entry("user", 2592000000), entry("audit_trails", 5184000000))).want(200)
	got := map[string]float64{}
	for _, it := range upd.items() {
		if dig(it, "type") != "organization-token-ttl-policies" || dig(it, "id") == "" || dig(it, "attributes", "updated-at") == nil {
			t.Fatalf("policy: %v", it)
		}
		got[dig(it, "attributes", "token-type").(string)] = dig(it, "attributes", "max-ttl-ms").(float64)
	}
	want := map[string]float64{"organization": 63113904000, "team": 63113904000, "user": 2592000000, "audit_trails": 5184000000, "metrics": 63113904000}
	for k, v := range want {
		if got[k] != v {
			t.Fatalf("after partial update %v, want %v", got, want)
		}
	}
	p := "organizations/acme/token-ttl-policies"
	a.do("PATCH", p, body(entry("audit-trails", 1))).wantError(422, "/data/attributes/token-ttl-policies/0/token-type")
	a.do("PATCH", p, body(entry("user", 0))).wantError(422, "/data/attributes/token-ttl-policies/0/max-ttl-ms")
	a.do("PATCH", p, body(entry("user", 1.5))).wantError(422, "/data/attributes/token-ttl-policies/0/max-ttl-ms")
	a.do("PATCH", p, body(entry("user", 5), entry("user", 6))).wantError(422, "/data/attributes/token-ttl-policies/1/token-type")
	a.do("PATCH", p, body("user")).wantError(422, "/data/attributes/token-ttl-policies/0")
	a.do("PATCH", p, body()).wantError(422, "/data/attributes/token-ttl-policies")
	// pytfe's shape (data as an array of resources) is refused.
	a.do("PATCH", p, map[string]any{"data": []any{map[string]any{"type": "organization-token-ttl-policies",
		"attributes": entry("user", 5)}}}).wantError(422, "/data")
	a.do("PATCH", p, res("token-ttl-policies", map[string]any{}, nil)).wantError(422, "/data/type")
}

func TestSMTPSettings(t *testing.T) {
	srv, a := newAPI(t)
	read := a.do("GET", "admin/smtp-settings", nil).want(200)
	if read.str("data", "id") != "smtp" || read.str("data", "type") != "smtp-settings" || read.str("data", "attributes", "auth") != "none" {
		t.Fatalf("read: %s", read.raw)
	}
	good := map[string]any{
		"enabled": true, "host": "smtp.example.com", "port": 587, "sender": "noreply@example.com",
		"auth": "login", "username": "smtp-bot", "password": "s3cret-pw", "test-email-address": "ops@example.com",
	}
	for _, status := range []int{401, 500, 504} {
		srv.FailNextSMTPUpdate(status)
		a.do("PATCH", "admin/smtp-settings", res("smtp-settings", good, nil)).wantError(status, "")
	}
	if srv.TestEmailsSent() != 3 {
		t.Fatalf("test emails %d, want 3", srv.TestEmailsSent())
	}
	if a.do("GET", "admin/smtp-settings", nil).want(200).get("data", "attributes", "enabled") != false {
		t.Error("a failed PATCH saved settings")
	}
	ok := a.do("PATCH", "admin/smtp-settings", res("smtp-settings", good, nil)).want(200)
	// The docs' sample omits data.type; that is accepted too.
	a.do("PATCH", "admin/smtp-settings", `{"data":{"attributes":{"port":2525}}}`).want(200)
	after := a.do("GET", "admin/smtp-settings", nil).want(200)
	for _, ans := range []*answer{ok, after} {
		if strings.Contains(string(ans.raw), "s3cret") || strings.Contains(string(ans.raw), "ops@example.com") ||
			ans.get("data", "attributes", "password") != nil || ans.get("data", "attributes", "test-email-address") != nil {
			t.Fatalf("write-only field answered: %s", ans.raw)
		}
	}
	if after.get("data", "attributes", "port") != 2525.0 || after.str("data", "attributes", "host") != "smtp.example.com" {
		t.Errorf("omitted attributes keep their values: %s", after.raw)
	}
	if srv.TestEmailsSent() != 4 {
		t.Errorf("test emails %d, want 4", srv.TestEmailsSent())
	}
	for attr, v := range map[string]any{"auth": "cram-md5", "port": 70000, "sender": "nobody", "test-email-address": "x"} {
		a.do("PATCH", "admin/smtp-settings", res("smtp-settings", map[string]any{attr: v}, nil)).wantError(422, "/data/attributes/"+attr)
	}
	a.do("PATCH", "admin/smtp-settings", res("smtp-settings", map[string]any{"enabled": true, "host": ""}, nil)).wantError(422, "/data/attributes/enabled")
	a.do("PATCH", "admin/smtp-settings", res("smtp-settings", map[string]any{"username": ""}, nil)).wantError(422, "/data/attributes/username")
	a.do("PATCH", "admin/smtp-settings", res("smtp", map[string]any{}, nil)).wantError(422, "/data/type")

	_, hcp := newAPI(t, WithHCPTerraform())
	hcp.do("GET", "admin/smtp-settings", nil).wantError(404, "")
	hcp.do("PATCH", "admin/smtp-settings", res("smtp-settings", good, nil)).wantError(404, "")
}

func TestRegistryModules(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	srv.AddRegistryModule("acme", RegistryModule{Name: "vpc", Provider: "aws", Versions: []ModuleVersion{{Version: "1.0.0"}}})
	srv.AddRegistryModule("acme", RegistryModule{Name: "vpc", Provider: "google"})
	created := a.do("POST", "organizations/acme/registry-modules", res("registry-modules",
		map[string]any{"name": "db", "provider": "aws", "registry-name": "private", "no-code": true}, nil)).want(http.StatusCreated)
	if created.str("data", "type") != "registry-modules" || !strings.HasPrefix(created.str("data", "id"), "mod-") ||
		created.str("data", "attributes", "namespace") != "acme" || created.str("data", "attributes", "status") != "pending" {
		t.Fatalf("create: %s", created.raw)
	}
	pub := a.do("POST", "organizations/acme/registry-modules", res("registry-modules",
		map[string]any{"name": "net", "provider": "aws", "registry-name": "public", "namespace": "hashicorp"}, nil)).want(http.StatusCreated)
	if pub.str("data", "links", "self") != "/api/v2/organizations/acme/registry-modules/public/hashicorp/net/aws" {
		t.Errorf("self link: %s", pub.raw)
	}
	for _, bad := range []struct {
		attrs   map[string]any
		pointer string
	}{
		{map[string]any{"name": "db", "provider": "aws"}, "/data/attributes/name"},
		{map[string]any{"provider": "aws"}, "/data/attributes/name"},
		{map[string]any{"name": "x"}, "/data/attributes/provider"},
		{map[string]any{"name": "x", "provider": "aws", "registry-name": "secret"}, "/data/attributes/registry-name"},
		{map[string]any{"name": "x", "provider": "aws", "registry-name": "public"}, "/data/attributes/namespace"},
		{map[string]any{"name": "x", "provider": "aws", "namespace": "other"}, "/data/attributes/namespace"},
	} {
		a.do("POST", "organizations/acme/registry-modules", res("registry-modules", bad.attrs, nil)).wantError(422, bad.pointer)
	}
	count := func(query string) float64 {
		t.Helper()
		return a.do("GET", "organizations/acme/registry-modules"+query, nil).want(200).get("meta", "pagination", "total-count").(float64)
	}
	for q, want := range map[string]float64{
		"": 4, "?q=VPC": 2, "?filter[provider]=aws": 3, "?filter[registry_name]=public": 1,
		"?q=vpc&filter[provider]=google": 1, "?filter[organization_name]=other": 0,
	} {
		if got := count(q); got != want {
			t.Errorf("%q: %v modules, want %v", q, got, want)
		}
	}
	a.do("GET", "organizations/acme/registry-modules?include=vars", nil).wantError(400, "")
	read := a.do("GET", "organizations/acme/registry-modules/private/acme/vpc/aws", nil).want(200)
	if read.str("data", "attributes", "version-statuses", 0, "version") != "1.0.0" || read.str("data", "attributes", "status") != "setup_complete" {
		t.Errorf("read: %s", read.raw)
	}
	a.do("DELETE", "organizations/acme/registry-modules/private/acme/vpc/aws", nil).want(204)
	a.do("GET", "organizations/acme/registry-modules/private/acme/vpc/aws", nil).wantError(404, "")
	a.do("DELETE", "organizations/acme/registry-modules/private/acme/vpc/aws", nil).wantError(404, "")
}
