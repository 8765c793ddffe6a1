package tfetest

import (
	"net/http"
	"testing"
)

// noCodeFixture seeds the demo organization and enables the module for
// no-code with an option set on region.
func noCodeFixture(t *testing.T, opts ...Option) (*Server, *api, Demo, string) {
	srv, a := newAPI(t, opts...)
	d := srv.SeedDemo("acme")
	ans := a.do("POST", "organizations/acme/no-code-modules", res("no-code-modules",
		map[string]any{"enabled": true, "version-pin": "1.4.0"},
		map[string]any{
			"registry-module": rel(id("registry-module", d.RegistryModuleID)),
			"variable-options": rel([]any{map[string]any{"type": "variable-options", "attributes": map[string]any{
				"variable-name": "region", "variable-type": "string", "options": []any{"us-east-1", "eu-west-1"},
			}}}),
		})).want(http.StatusOK)
	return srv, a, d, ans.str("data", "id")
}

func TestNoCodeModuleLifecycle(t *testing.T) {
	_, a, d, nc := noCodeFixture(t)
	read := a.do("GET", "no-code-modules/"+nc+"?include=variable_options", nil).want(200)
	if read.str("data", "type") != "no-code-modules" || read.get("data", "attributes", "enabled") != true ||
		read.str("data", "attributes", "version-pin") != "1.4.0" ||
		read.str("data", "relationships", "registry-module", "data", "type") != "registry-modules" ||
		read.str("data", "relationships", "registry-module", "data", "id") != d.RegistryModuleID {
		t.Fatalf("read: %s", read.raw)
	}
	optID := read.str("data", "relationships", "variable-options", "data", 0, "id")
	if read.str("included", 0, "id") != optID || read.str("included", 0, "type") != "variable-options" ||
		read.str("included", 0, "attributes", "variable-name") != "region" ||
		read.str("included", 0, "relationships", "no-code-allowed-module", "data", "id") != nc {
		t.Fatalf("included: %s", read.raw)
	}
	if a.do("GET", "no-code-modules/"+nc, nil).want(200).get("included") != nil {
		t.Error("included without include")
	}
	a.do("GET", "no-code-modules/"+nc+"?include=options", nil).wantError(400, "")

	// PATCH without registry-module: 404, as HCP Terraform answers.
	a.do("PATCH", "no-code-modules/"+nc, res("no-code-modules", map[string]any{"enabled": false}, nil)).wantError(404, "")

	// PATCH replaces the whole option set: the id'd one is replaced, a new
	// one is made, and one not re-sent is gone.
	upd := a.do("PATCH", "no-code-modules/"+nc, res("no-code-modules", map[string]any{"version-pin": "1.5.0"}, map[string]any{
		"registry-module": rel(id("registry-modules", d.RegistryModuleID)),
		"variable-options": rel([]any{
			map[string]any{"type": "variable-options", "id": optID, "attributes": map[string]any{
				"variable-name": "region", "variable-type": "string", "options": []any{"us-west-2"}}},
			map[string]any{"type": "variable-options", "attributes": map[string]any{
				"variable-name": "instance_size", "variable-type": "string", "options": []any{"small"}}},
		}),
	})).want(200)
	opts := upd.get("data", "relationships", "variable-options", "data").([]any)
	if len(opts) != 2 || dig(opts[0], "id") != optID || upd.str("data", "attributes", "version-pin") != "1.5.0" {
		t.Fatalf("update: %s", upd.raw)
	}
	again := a.do("GET", "no-code-modules/"+nc+"?include=variable_options", nil).want(200)
	if again.get("included", 0, "attributes", "options", 0) != "us-west-2" {
		t.Errorf("replaced options: %s", again.raw)
	}
	a.do("PATCH", "no-code-modules/"+nc, res("no-code-modules", map[string]any{}, map[string]any{
		"registry-module":  rel(id("registry-modules", d.RegistryModuleID)),
		"variable-options": rel([]any{}),
	})).want(200)
	if n := len(a.do("GET", "no-code-modules/"+nc+"?include=variable_options", nil).want(200).get("data", "relationships", "variable-options", "data").([]any)); n != 0 {
		t.Errorf("empty list should clear, %d left", n)
	}
	bad := []struct {
		attrs   map[string]any
		opt     map[string]any
		pointer string
	}{
		{map[string]any{"version-pin": "9.9.9"}, nil, "/data/attributes/version-pin"},
		{nil, map[string]any{"type": "variable-options", "id": "ncvaropt-nope", "attributes": map[string]any{"variable-name": "region", "variable-type": "string", "options": []any{}}}, "/data/relationships/variable-options/data/0/id"},
		{nil, map[string]any{"type": "variable-options", "attributes": map[string]any{"variable-name": "nope", "variable-type": "string", "options": []any{}}}, "/data/relationships/variable-options/data/0/attributes/variable-name"},
		{nil, map[string]any{"type": "variable-options", "attributes": map[string]any{"variable-name": "region", "variable-type": "string"}}, "/data/relationships/variable-options/data/0/attributes/options"},
		{nil, map[string]any{"type": "variable-option", "attributes": map[string]any{}}, "/data/relationships/variable-options/data/0/type"},
	}
	for _, b := range bad {
		rels := map[string]any{"registry-module": rel(id("registry-modules", d.RegistryModuleID))}
		if b.opt != nil {
			rels["variable-options"] = rel([]any{b.opt})
		}
		a.do("PATCH", "no-code-modules/"+nc, res("no-code-modules", b.attrs, rels)).wantError(422, b.pointer)
	}

	vars := a.do("GET", "no-code-modules/"+nc+"/versions/1.4.0/module-variables", nil).want(200)
	if len(vars.items()) != 3 || vars.str("data", 0, "type") != "registry-module-variables" || vars.get("meta") != nil {
		t.Fatalf("module variables: %s", vars.raw)
	}
	for _, k := range []string{"name", "type", "description", "default", "required", "sensitive", "options"} {
		if _, ok := dig(vars.items()[1], "attributes").(map[string]any)[k]; !ok {
			t.Errorf("module variable lacks %s", k)
		}
	}
	a.do("GET", "no-code-modules/"+nc+"/versions/2.0.0/module-variables", nil).wantError(404, "")

	// The registry module list shows it with include=no-code-modules.
	list := a.do("GET", "organizations/acme/registry-modules?include=no-code-modules", nil).want(200)
	if list.str("included", 0, "id") != nc || list.get("data", 0, "attributes", "no-code") != true {
		t.Errorf("registry list: %s", list.raw)
	}
	a.do("DELETE", "no-code-modules/"+nc, nil).want(204)
	a.do("GET", "no-code-modules/"+nc, nil).wantError(404, "")
}

func TestNoCodeCreateRules(t *testing.T) {
	_, a, d, _ := noCodeFixture(t)
	a.do("POST", "organizations/acme/no-code-modules", res("no-code-modules", map[string]any{"enabled": true}, nil)).
		wantError(422, "/data/relationships/registry-module")
	a.do("POST", "organizations/acme/no-code-modules", res("no-code-modules", nil, map[string]any{
		"registry-module": rel(id("registry-module", "mod-nope"))})).wantError(422, "/data/relationships/registry-module/data")
	a.do("POST", "organizations/acme/no-code-modules", res("no-code-modules", nil, map[string]any{
		"registry-module": rel(id("registry-module", d.RegistryModuleID))})).wantError(422, "/data/relationships/registry-module/data")
	a.do("POST", "organizations/acme/no-code-modules", res("no-code-modules", nil, map[string]any{
		"registry-module": rel(id("modules", d.RegistryModuleID))})).wantError(422, "/data/relationships/registry-module/data/type")
}

func TestNoCodeWorkspaceAndUpgrade(t *testing.T) {
	srv, a, d, nc := noCodeFixture(t)
	wsBody := func(attrs map[string]any, prjType string) map[string]any {
		attrs["name"] = "customer-acme"
		return res("workspaces", attrs, map[string]any{
			"project": rel(id(prjType, d.ProjectID)),
			"vars": rel([]any{map[string]any{"type": "vars", "attributes": map[string]any{
				"key": "region", "value": "us-east-1", "category": "terraform"}}}),
		})
	}
	a.do("POST", "no-code-modules/"+nc+"/workspaces", wsBody(map[string]any{"execution-mode": "agent"}, "projects")).
		wantError(422, "/data/attributes/agent-pool-id")
	a.do("POST", "no-code-modules/"+nc+"/workspaces", wsBody(map[string]any{"execution-mode": "remote", "agent-pool-id": d.AgentPoolID}, "projects")).
		wantError(422, "/data/attributes/agent-pool-id")
	a.do("POST", "no-code-modules/"+nc+"/workspaces", wsBody(map[string]any{"execution-mode": "local"}, "projects")).
		wantError(422, "/data/attributes/execution-mode")
	a.do("POST", "no-code-modules/"+nc+"/workspaces", wsBody(map[string]any{"auto-apply": true}, "projects")).
		wantError(422, "/data/attributes/auto-apply")
	a.do("POST", "no-code-modules/"+nc+"/workspaces", res("workspaces", map[string]any{"name": "x"}, nil)).
		wantError(422, "/data/relationships/project")
	ws := a.do("POST", "no-code-modules/"+nc+"/workspaces", wsBody(map[string]any{
		"execution-mode": "agent", "agent-pool-id": d.AgentPoolID, "auto_apply": true,
		"description": "ACME", "terraform-version": "1.7.0", "source-name": "portal", "source-url": "https://portal.example.com",
		"message": "created by test",
	}, "project")).want(200)
	wsID := ws.str("data", "id")
	if ws.str("data", "type") != "workspaces" || ws.get("data", "attributes", "auto-apply") != true ||
		ws.str("data", "attributes", "execution-mode") != "agent" ||
		ws.str("data", "relationships", "agent-pool", "data", "id") != d.AgentPoolID ||
		ws.str("data", "attributes", "source-module-id") != "private/acme/app/aws/1.4.0" {
		t.Fatalf("workspace: %s", ws.raw)
	}
	a.do("POST", "no-code-modules/"+nc+"/workspaces", wsBody(map[string]any{}, "projects")).wantError(422, "/data/attributes/name")
	if v := a.do("GET", "workspaces/"+wsID+"/vars", nil).want(200); v.str("data", 0, "attributes", "value") != "us-east-1" {
		t.Errorf("inline vars: %s", v.raw)
	}

	// No new version pinned yet: nothing to upgrade to.
	a.do("POST", "no-code-modules/"+nc+"/workspaces/"+wsID+"/upgrade", nil).wantError(422, "")
	a.do("PATCH", "no-code-modules/"+nc, res("no-code-modules", map[string]any{"version-pin": "1.5.0"}, map[string]any{
		"registry-module": rel(id("registry-modules", d.RegistryModuleID))})).want(200)

	up := a.do("POST", "no-code-modules/"+nc+"/workspaces/"+wsID+"/upgrade", res("workspaces", map[string]any{"message": "go"}, map[string]any{
		"vars": rel([]any{map[string]any{"type": "vars", "attributes": map[string]any{"key": "instance_size", "value": "large"}}}),
	})).want(200)
	run := up.str("data", "id")
	if up.str("data", "type") != "workspace-upgrade" || run[:4] != "run-" || up.str("data", "attributes", "status") != "pending" ||
		up.str("data", "attributes", "plan-url") == "" || up.str("data", "relationships", "workspace", "data", "id") != wsID {
		t.Fatalf("upgrade: %s", up.raw)
	}
	path := "no-code-modules/" + nc + "/workspaces/" + wsID + "/upgrade/" + run
	// Not confirmable while pending: 409.
	a.do("POST", path, nil).wantError(http.StatusConflict, "")
	var seen []string
	for range 5 {
		seen = append(seen, a.do("GET", path, nil).want(200).str("data", "attributes", "status"))
	}
	if want := "[planning planning planned planned planned]"; fmtList(seen) != want {
		t.Fatalf("states %v, want %s", seen, want)
	}
	conf := a.do("POST", path, nil).want(200)
	if string(conf.raw) != "Workspace update completed" || conf.header.Get("Content-Type")[:10] != "text/plain" {
		t.Fatalf("confirm: %q %s", conf.raw, conf.header.Get("Content-Type"))
	}
	if got, _ := srv.Workspace(wsID); got.ModuleVersion != "1.5.0" || got.NoCodeModuleID != nc {
		t.Errorf("workspace after confirm: %+v", got)
	}
	if a.do("GET", path, nil).want(200).str("data", "attributes", "status") != "applied" {
		t.Error("status after confirm")
	}
	a.do("POST", path, nil).wantError(http.StatusConflict, "")
	if v := a.do("GET", "workspaces/"+wsID+"/vars", nil).want(200); len(v.items()) != 2 {
		t.Errorf("upgrade vars applied on confirm: %s", v.raw)
	}
	a.do("GET", "no-code-modules/"+nc+"/workspaces/"+wsID+"/upgrade/run-nope", nil).wantError(404, "")
	a.do("GET", "no-code-modules/"+nc+"/workspaces/"+d.WorkspaceID+"/upgrade/"+run, nil).wantError(404, "")
}

func TestUpgradeScripts(t *testing.T) {
	for _, tc := range []struct {
		states      []string
		last        string
		confirmable bool
	}{
		{[]string{"pending", "planning", "errored"}, "errored", false},
		{[]string{"planning", "planned_and_finished"}, "planned_and_finished", true},
		{[]string{"pending", "weird_new_state"}, "weird_new_state", false},
		{[]string{"cost_estimated"}, "cost_estimated", true},
	} {
		t.Run(tc.last, func(t *testing.T) {
			srv, a, d, nc := noCodeFixture(t, WithUpgradeStates(tc.states...))
			ws := a.do("POST", "no-code-modules/"+nc+"/workspaces", res("workspaces", map[string]any{"name": "w"},
				map[string]any{"project": rel(id("projects", d.ProjectID))})).want(200).str("data", "id")
			a.do("PATCH", "no-code-modules/"+nc, res("no-code-modules", map[string]any{"version-pin": "1.5.0"}, map[string]any{
				"registry-module": rel(id("registry-modules", d.RegistryModuleID))})).want(200)
			run := a.do("POST", "no-code-modules/"+nc+"/workspaces/"+ws+"/upgrade", nil).want(200).str("data", "id")
			path := "no-code-modules/" + nc + "/workspaces/" + ws + "/upgrade/" + run
			var status string
			for range len(tc.states) + 1 {
				status = a.do("GET", path, nil).want(200).str("data", "attributes", "status")
			}
			if status != tc.last {
				t.Fatalf("status %s, want %s", status, tc.last)
			}
			want := http.StatusConflict
			if tc.confirmable {
				want = http.StatusOK
			}
			a.do("POST", path, nil).want(want)
			srv.SetUpgradeStates("planned")
		})
	}
}

func fmtList(l []string) string {
	out := "["
	for i, s := range l {
		if i > 0 {
			out += " "
		}
		out += s
	}
	return out + "]"
}
