package tfetest

import (
	"strings"
	"testing"
)

func TestSeedingHelpers(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	prj := srv.DefaultProjectID("acme")
	if !strings.HasPrefix(prj, "prj-") || len(prj) != len("prj-")+16 {
		t.Fatalf("default project %q", prj)
	}
	ws := srv.AddWorkspace("acme", Workspace{Name: "web"})
	got, ok := srv.Workspace(ws)
	if !ok || got.ProjectID != prj || got.ExecutionMode != "remote" || got.Organization != "acme" {
		t.Fatalf("workspace %+v", got)
	}
	if _, ok := srv.Workspace("ws-nope"); ok {
		t.Fatal("unknown workspace found")
	}
	mod := srv.AddRegistryModule("acme", RegistryModule{Name: "app", Provider: "aws", Versions: []ModuleVersion{{Version: "1.0.0"}}})
	srv.AddModuleVersion(mod, ModuleVersion{Version: "1.10.0", Variables: []ModuleVariable{{Name: "x", Type: "number"}}})
	srv.AddModuleVersion(mod, ModuleVersion{Version: "1.9.0"})
	// The default version pin is the highest version.
	nc := a.do("POST", "organizations/acme/no-code-modules", res("no-code-modules", nil,
		map[string]any{"registry-module": rel(id("registry-module", mod))})).want(200)
	if nc.str("data", "attributes", "version-pin") != "1.10.0" || nc.get("data", "attributes", "enabled") != false {
		t.Fatalf("no-code module: %s", nc.raw)
	}
	// A disabled no-code module makes no workspaces.
	a.do("POST", "no-code-modules/"+nc.str("data", "id")+"/workspaces", res("workspaces", map[string]any{"name": "w"},
		map[string]any{"project": rel(id("projects", prj))})).wantError(422, "")

	panics := map[string]func(){
		"dup org":        func() { srv.AddOrganization("acme", "") },
		"bad org":        func() { srv.AddOrganization("a b", "") },
		"unknown org":    func() { srv.AddProject("nope", Project{Name: "p"}) },
		"dup id":         func() { srv.AddProject("acme", Project{ID: ws, Name: "p"}) },
		"dup ws name":    func() { srv.AddWorkspace("acme", Workspace{Name: "web"}) },
		"agent no pool":  func() { srv.AddWorkspace("acme", Workspace{Name: "w2", ExecutionMode: "agent"}) },
		"bad mode":       func() { srv.AddWorkspace("acme", Workspace{Name: "w3", ExecutionMode: "cloud"}) },
		"bad project":    func() { srv.AddWorkspace("acme", Workspace{Name: "w4", ProjectID: "prj-nope"}) },
		"dup module":     func() { srv.AddRegistryModule("acme", RegistryModule{Name: "app", Provider: "aws"}) },
		"dup version":    func() { srv.AddModuleVersion(mod, ModuleVersion{Version: "1.0.0"}) },
		"unknown module": func() { srv.AddModuleVersion("mod-nope", ModuleVersion{Version: "1.0.0"}) },
		"bad var":        func() { srv.AddWorkspaceVariable(ws, Variable{Key: "k", Category: "secret"}) },
		"unknown ws var": func() { srv.AddWorkspaceVariable("ws-nope", Variable{Key: "k"}) },
		"dup var": func() {
			srv.AddVariableSet("acme", VariableSet{Name: "d", Variables: []Variable{{Key: "k"}, {Key: "k"}}})
		},
		"set foreign ws": func() { srv.AddVariableSet("acme", VariableSet{Name: "f", WorkspaceIDs: []string{"ws-nope"}}) },
		"set foreign prj": func() {
			srv.AddVariableSet("acme", VariableSet{Name: "f", ProjectIDs: []string{"prj-nope"}})
		},
		"global conflict": func() {
			srv.AddVariableSet("acme", VariableSet{Name: "g1", Global: true, Variables: []Variable{{Key: "k"}}})
			srv.AddVariableSet("acme", VariableSet{Name: "g2", Global: true, Variables: []Variable{{Key: "k"}}})
		},
		"dup set id": func() {
			srv.AddVariableSet("acme", VariableSet{ID: "varset-x", Name: "x"})
			srv.AddVariableSet("acme", VariableSet{ID: "varset-x", Name: "y"})
		},
	}
	for name, f := range panics {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		})
	}
}

func TestCompareVersions(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		sign int
	}{
		{"1.0.0", "1.0.0", 0}, {"1.10.0", "1.9.0", 1}, {"1.0.0-beta", "1.0.0", -1}, {"1.0.0", "1.0.0-rc1", 1},
		{"1.0.0-alpha", "1.0.0-beta", -1}, {"1.0.0-beta", "1.0.0-alpha", 1}, {"2", "1.9.9", 1}, {"0.1.2", "0.1.10", -1},
	} {
		got := compareVersions(tc.a, tc.b)
		if (got > 0) != (tc.sign > 0) || (got < 0) != (tc.sign < 0) {
			t.Errorf("compareVersions(%s, %s) = %d", tc.a, tc.b, got)
		}
	}
}

func TestIDsAreDeterministic(t *testing.T) {
	ids := func() []string {
		srv := NewServer(WithOrganization("acme"), WithToken("t"))
		defer srv.Close()
		d := srv.SeedDemo("acme")
		return []string{d.ProjectID, d.WorkspaceID, d.AgentPoolID, d.RegistryModuleID}
	}
	a, b := ids(), ids()
	if strings.Join(a, ",") != strings.Join(b, ",") {
		t.Fatalf("%v != %v", a, b)
	}
	for i, p := range []string{"prj-", "ws-", "apool-", "mod-"} {
		if !strings.HasPrefix(a[i], p) {
			t.Errorf("%s lacks prefix %s", a[i], p)
		}
	}
}
