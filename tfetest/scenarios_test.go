package tfetest

import (
	"net/http"
	"testing"
)

// The user scenarios of seeds 000 (no-code provisioning lifecycle) and 002
// (TFE admin bootstrap), step by step on the wire.

func TestScenarioNoCodeLifecycle(t *testing.T) {
	srv, a := newAPI(t, WithUpgradeStates("pending", "planning", "planned_and_finished"))
	d := srv.SeedDemo("my-organization")
	modRel := map[string]any{"registry-module": rel(id("registry-module", d.RegistryModuleID))}

	// Enable the module for no-code, pinned to 1.4.0.
	nc := a.do("POST", "organizations/my-organization/no-code-modules",
		res("no-code-modules", map[string]any{"enabled": true, "version-pin": "1.4.0"}, modRel)).want(200).str("data", "id")
	// Discover its variables.
	if vars := a.do("GET", "no-code-modules/"+nc+"/versions/1.4.0/module-variables", nil).want(200); len(vars.items()) == 0 {
		t.Fatal("no module variables")
	}
	// Constrain region and instance_size (the SDK re-sends the module).
	opt := func(name string, values ...any) map[string]any {
		return map[string]any{"type": "variable-options", "attributes": map[string]any{
			"variable-name": name, "variable-type": "string", "options": values}}
	}
	a.do("PATCH", "no-code-modules/"+nc, res("no-code-modules", nil, map[string]any{
		"registry-module":  rel(id("registry-modules", d.RegistryModuleID)),
		"variable-options": rel([]any{opt("region", "us-east-1", "us-west-2", "eu-west-1"), opt("instance_size", "small", "medium", "large")}),
	})).want(200)
	// Create a workspace with inline variables, and one on agents.
	tfVar := func(k, v string) map[string]any {
		return map[string]any{"type": "vars", "attributes": map[string]any{"key": k, "value": v, "category": "terraform"}}
	}
	ws := a.do("POST", "no-code-modules/"+nc+"/workspaces", res("workspaces", map[string]any{
		"name": "customer-acme-us-east-1", "description": "Production environment for ACME (us-east-1)", "terraform-version": "1.7.0",
	}, map[string]any{
		"project": rel(id("projects", d.ProjectID)),
		"vars":    rel([]any{tfVar("region", "us-east-1"), tfVar("instance_size", "medium")}),
	})).want(200).str("data", "id")
	a.do("POST", "no-code-modules/"+nc+"/workspaces", res("workspaces", map[string]any{
		"name": "private-network-ws", "execution-mode": "agent", "agent-pool-id": d.AgentPoolID,
	}, map[string]any{"project": rel(id("projects", d.ProjectID))})).want(200)
	// Bump the pin, initiate the upgrade with a changed variable, poll,
	// confirm.
	a.do("PATCH", "no-code-modules/"+nc, res("no-code-modules", map[string]any{"version-pin": "1.5.0"},
		map[string]any{"registry-module": rel(id("registry-modules", d.RegistryModuleID))})).want(200)
	run := a.do("POST", "no-code-modules/"+nc+"/workspaces/"+ws+"/upgrade", res("workspaces", map[string]any{},
		map[string]any{"vars": rel([]any{tfVar("instance_size", "large")})})).want(200).str("data", "id")
	path := "no-code-modules/" + nc + "/workspaces/" + ws + "/upgrade/" + run
	status := ""
	for i := 0; i < 10 && status != "planned_and_finished"; i++ {
		status = a.do("GET", path, nil).want(200).str("data", "attributes", "status")
	}
	if status != "planned_and_finished" {
		t.Fatalf("upgrade stuck at %s", status)
	}
	a.do("POST", path, nil).want(200)
	vars := a.do("GET", "workspaces/"+ws+"/vars", nil).want(200)
	for _, it := range vars.items() {
		if dig(it, "attributes", "key") == "instance_size" && dig(it, "attributes", "value") != "large" {
			t.Errorf("instance_size after upgrade: %v", dig(it, "attributes", "value"))
		}
	}
	if got, _ := srv.Workspace(ws); got.ModuleVersion != "1.5.0" {
		t.Errorf("module version %s", got.ModuleVersion)
	}
	// Disable no-code: the workspaces remain.
	a.do("DELETE", "no-code-modules/"+nc, nil).want(204)
	a.do("GET", "workspaces/"+ws+"/vars", nil).want(200)
}

func TestScenarioAdminBootstrap(t *testing.T) {
	srv, a := newAPI(t)
	d := srv.SeedDemo("my-org")
	// Step 1: SMTP, with a test email.
	smtp := a.do("PATCH", "admin/smtp-settings", res("smtp-settings", map[string]any{
		"enabled": true, "host": "smtp.example.com", "port": 587, "sender": "noreply@example.com", "auth": "login",
		"username": "smtp-bot", "password": "from-secret-manager", "test-email-address": "ops@example.com",
	}, nil)).want(200)
	if smtp.get("data", "attributes", "password") != nil || srv.TestEmailsSent() != 1 {
		t.Fatalf("smtp: %s, %d emails", smtp.raw, srv.TestEmailsSent())
	}
	// Step 2: default execution mode and pool; read; reset.
	a.do("PATCH", "organizations/my-org", res("organizations", map[string]any{
		"default-execution-mode": "agent", "default-agent-pool-id": d.AgentPoolID}, nil)).want(200)
	org := a.do("GET", "organizations/my-org", nil).want(200)
	if org.str("data", "attributes", "default-execution-mode") != "agent" ||
		org.str("data", "relationships", "default-agent-pool", "data", "id") != d.AgentPoolID {
		t.Fatalf("defaults: %s", org.raw)
	}
	reset := a.do("PATCH", "organizations/my-org", res("organizations", map[string]any{
		"default-execution-mode": "remote", "default-agent-pool-id": nil}, nil)).want(200)
	if reset.get("data", "relationships", "default-agent-pool", "data") != nil {
		t.Fatalf("reset: %s", reset.raw)
	}
	// Step 3: enable max TTL, set the four policies, list, reset.
	a.do("PATCH", "organizations/my-org", res("organizations", map[string]any{"max-ttl-enabled": true}, nil)).want(200)
	entry := func(typ string, ms int64) map[string]any { return map[string]any{"token-type": typ, "max-ttl-ms": ms} }
	const day = int64(86400000)
	a.do("PATCH", "organizations/my-org/token-ttl-policies", res("organization-token-ttl-policies", map[string]any{
		"token-ttl-policies": []any{entry("organization", 365*day), entry("team", 90*day), entry("user", 30*day), entry("audit_trails", 730*day)},
	}, nil)).want(http.StatusOK)
	list := a.do("GET", "organizations/my-org/token-ttl-policies", nil).want(200)
	if list.get("data", 2, "attributes", "max-ttl-ms") != float64(30*day) {
		t.Fatalf("list: %s", list.raw)
	}
	a.do("PATCH", "organizations/my-org/token-ttl-policies", res("organization-token-ttl-policies", map[string]any{
		"token-ttl-policies": []any{entry("organization", 63113904000), entry("team", 63113904000), entry("user", 63113904000), entry("audit_trails", 63113904000)},
	}, nil)).want(http.StatusOK)
}
