package tfetest

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestVarsetPagination(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	for i := range 250 {
		srv.AddVariableSet("acme", VariableSet{Name: fmt.Sprintf("set-%03d", i)})
	}
	type meta struct{ cur, prev, next, pages, total float64 }
	check := func(ans *answer, n int, m meta) {
		t.Helper()
		if len(ans.items()) != n {
			t.Fatalf("%d items, want %d", len(ans.items()), n)
		}
		p := func(k string) any { return ans.get("meta", "pagination", k) }
		num := func(v float64) any {
			if v == 0 {
				return nil
			}
			return v
		}
		if p("current-page") != m.cur || p("prev-page") != num(m.prev) || p("next-page") != num(m.next) ||
			p("total-pages") != m.pages || p("total-count") != m.total {
			t.Fatalf("meta %v, want %+v", ans.get("meta"), m)
		}
		for _, k := range []string{"self", "first", "prev", "next", "last"} {
			if _, ok := ans.get("links").(map[string]any)[k]; !ok {
				t.Fatalf("links lack %s", k)
			}
		}
	}
	p1 := a.do("GET", "organizations/acme/varsets?page%5Bsize%5D=100", nil).want(200)
	check(p1, 100, meta{1, 0, 2, 3, 250})
	if p1.get("links", "prev") != nil {
		t.Error("prev link on page 1")
	}
	next, _ := url.Parse(p1.str("links", "next"))
	if next.Query().Get("page[number]") != "2" || next.Query().Get("page[size]") != "100" {
		t.Fatalf("next link %s", next)
	}
	p2 := a.do("GET", strings.TrimPrefix(next.RequestURI(), "/api/v2/"), nil).want(200)
	check(p2, 100, meta{2, 1, 3, 3, 250})
	p3 := a.do("GET", "organizations/acme/varsets?page[number]=3&page[size]=100", nil).want(200)
	check(p3, 50, meta{3, 2, 0, 3, 250})
	if p3.get("links", "next") != nil || p3.str("data", 49, "attributes", "name") != "set-249" {
		t.Errorf("page 3: next %v, last item %v", p3.get("links", "next"), p3.get("data", 49, "attributes", "name"))
	}
	last, _ := url.Parse(p1.str("links", "last"))
	if last.Query().Get("page[number]") != "3" {
		t.Errorf("last link %s", last)
	}
	def := a.do("GET", "organizations/acme/varsets", nil).want(200)
	check(def, 20, meta{1, 0, 2, 13, 250})
	if def.get("meta", "pagination", "page-size") != 20.0 {
		t.Errorf("default page size: %v", def.get("meta"))
	}
	big := a.do("GET", "organizations/acme/varsets?page[size]=500", nil).want(200)
	check(big, 100, meta{1, 0, 2, 3, 250})
	past := a.do("GET", "organizations/acme/varsets?page[number]=9&page[size]=100", nil).want(200)
	if len(past.items()) != 0 {
		t.Error("page past the end should be empty")
	}
	a.do("GET", "organizations/acme/varsets?page[size]=0", nil).want(422)
	a.do("GET", "organizations/acme/varsets?page[number]=x", nil).want(422)
	q := a.do("GET", "organizations/acme/varsets?q=SET-24", nil).want(200)
	check(q, 10, meta{1, 0, 0, 1, 10})
}

func TestWriteOnlyValues(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	ws := srv.AddWorkspace("acme", Workspace{Name: "web"})
	created := a.do("POST", "workspaces/"+ws+"/vars", res("vars", map[string]any{
		"key": "secret", "value": "hunter2", "category": "env", "sensitive": true,
	}, nil)).want(201)
	id := created.str("data", "id")
	vs := a.do("POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "s", "global": true}, map[string]any{
		"vars": rel([]any{map[string]any{"type": "vars", "attributes": map[string]any{"key": "tok", "value": "hunter3", "category": "env", "sensitive": true}}}),
	})).want(200)
	vsID := vs.str("data", "id")
	answers := []*answer{
		created, vs,
		a.do("GET", "workspaces/"+ws+"/vars", nil).want(200),
		a.do("GET", "workspaces/"+ws+"/vars/"+id, nil).want(200),
		a.do("GET", "workspaces/"+ws+"/all-vars", nil).want(200),
		a.do("PATCH", "workspaces/"+ws+"/vars/"+id, res("vars", map[string]any{"description": "d"}, nil)).want(200),
		a.do("GET", "varsets/"+vsID+"?include=vars", nil).want(200),
		a.do("GET", "varsets/"+vsID+"/relationships/vars", nil).want(200),
	}
	for _, ans := range answers {
		if strings.Contains(string(ans.raw), "hunter") {
			t.Fatalf("sensitive value answered: %s", ans.raw)
		}
	}
	if created.get("data", "attributes", "value") != "" {
		t.Errorf("value should read as empty string: %s", created.raw)
	}
	// A sensitive variable stays sensitive.
	a.do("PATCH", "workspaces/"+ws+"/vars/"+id, res("vars", map[string]any{"sensitive": false}, nil)).
		wantError(422, "/data/attributes/sensitive")
}

func TestAllVarsPrecedence(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	prj := srv.AddProject("acme", Project{Name: "p"})
	ws := srv.AddWorkspace("acme", Workspace{Name: "web", ProjectID: prj})
	other := srv.AddWorkspace("acme", Workspace{Name: "other"})
	srv.AddWorkspaceVariable(ws, Variable{Key: "region", Value: "ws"})
	srv.AddWorkspaceVariable(ws, Variable{Key: "region", Value: "ws-env", Category: "env"})
	srv.AddVariableSet("acme", VariableSet{Name: "global", Global: true, Variables: []Variable{
		{Key: "region", Value: "global"}, {Key: "only_global", Value: "g"}, {Key: "shared", Value: "global"},
	}})
	srv.AddVariableSet("acme", VariableSet{Name: "b-project", ProjectIDs: []string{prj}, Variables: []Variable{
		{Key: "shared", Value: "project"}, {Key: "tie", Value: "b"},
	}})
	srv.AddVariableSet("acme", VariableSet{Name: "a-project", ProjectIDs: []string{prj}, Variables: []Variable{{Key: "tie", Value: "a"}}})
	srv.AddVariableSet("acme", VariableSet{Name: "direct", WorkspaceIDs: []string{ws}, Variables: []Variable{{Key: "shared", Value: "direct"}}})
	srv.AddVariableSet("acme", VariableSet{Name: "prio", Priority: true, ProjectIDs: []string{prj}, Variables: []Variable{
		{Key: "region", Value: "priority", Category: "env"},
	}})
	got := map[string]string{}
	all := a.do("GET", "workspaces/"+ws+"/all-vars", nil).want(200)
	if all.get("meta") != nil {
		t.Error("all-vars is not paginated")
	}
	for _, it := range all.items() {
		k := dig(it, "attributes", "key").(string) + "/" + dig(it, "attributes", "category").(string)
		if _, dup := got[k]; dup {
			t.Fatalf("%s answered twice", k)
		}
		got[k] = dig(it, "attributes", "value").(string)
	}
	want := map[string]string{
		"region/terraform":      "ws",       // workspace var beats global set
		"region/env":            "priority", // priority set beats workspace var
		"only_global/terraform": "g",
		"shared/terraform":      "direct", // workspace-scoped beats project beats global
		"tie/terraform":         "a",      // same scope: first name wins
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("all-vars %v, want %v", got, want)
	}
	sets := a.do("GET", "workspaces/"+ws+"/varsets", nil).want(200)
	if sets.get("meta", "pagination", "total-count") != 5.0 {
		t.Errorf("workspace varsets: %s", sets.raw)
	}
	otherSets := a.do("GET", "workspaces/"+other+"/varsets", nil).want(200)
	if otherSets.get("meta", "pagination", "total-count") != 1.0 {
		t.Errorf("other workspace sees only the global set: %s", otherSets.raw)
	}
	prjSets := a.do("GET", "projects/"+prj+"/varsets?include=vars,workspaces,projects", nil).want(200)
	if prjSets.get("meta", "pagination", "total-count") != 4.0 || len(prjSets.get("included").([]any)) < 5 {
		t.Errorf("project varsets: %s", prjSets.raw)
	}
	a.do("GET", "projects/"+prj+"/varsets?include=owner", nil).wantError(400, "")
}

func TestGlobalConflicts(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	ws := srv.AddWorkspace("acme", Workspace{Name: "web"})
	g1 := srv.AddVariableSet("acme", VariableSet{Name: "g1", Global: true, Variables: []Variable{{Key: "region", Value: "a"}}})
	newVar := func(key, cat string) map[string]any {
		return map[string]any{"type": "vars", "attributes": map[string]any{"key": key, "value": "v", "category": cat}}
	}
	a.do("POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "g2", "global": true},
		map[string]any{"vars": rel([]any{newVar("region", "terraform")})})).wantError(422, "/data/attributes/global")
	// Same key, other category: no conflict.
	g2 := a.do("POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "g2", "global": true},
		map[string]any{"vars": rel([]any{newVar("region", "env")})})).want(200).str("data", "id")
	a.do("POST", "varsets/"+g2+"/relationships/vars", res("vars", map[string]any{"key": "region", "category": "terraform"}, nil)).
		wantError(422, "/data/attributes/key")
	// A non-global set may repeat it, but not become global then.
	s3 := a.do("POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "s3"},
		map[string]any{"vars": rel([]any{newVar("region", "terraform")})})).want(200).str("data", "id")
	a.do("PATCH", "varsets/"+s3, res("varsets", map[string]any{"global": true}, nil)).wantError(422, "/data/attributes/global")
	// Global sets cannot be applied or removed.
	apply := map[string]any{"data": []any{id("workspaces", ws)}}
	a.do("POST", "varsets/"+g1+"/relationships/workspaces", apply).wantError(422, "")
	a.do("DELETE", "varsets/"+g1+"/relationships/workspaces", apply).wantError(422, "")
	// Duplicates inside one set or workspace.
	a.do("POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "dup"},
		map[string]any{"vars": rel([]any{newVar("k", "env"), newVar("k", "env")})})).wantError(422, "/data/relationships/vars/data/1/attributes/key")
	a.do("POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "g1"}, nil)).wantError(422, "/data/attributes/name")
	a.do("POST", "workspaces/"+ws+"/vars", res("vars", map[string]any{"key": "k", "category": "env"}, nil)).want(201)
	a.do("POST", "workspaces/"+ws+"/vars", res("vars", map[string]any{"key": "k", "category": "env"}, nil)).wantError(422, "/data/attributes/key")
	// Unknown or foreign references in bodies.
	a.do("POST", "varsets/"+s3+"/relationships/workspaces", map[string]any{"data": []any{id("workspaces", "ws-nope")}}).
		wantError(422, "/data/0/id")
	a.do("POST", "varsets/"+s3+"/relationships/projects", map[string]any{"data": []any{id("workspaces", ws)}}).
		wantError(422, "/data/0/type")
}

func TestVarsetUpdateAndParent(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	prj := srv.AddProject("acme", Project{Name: "p"})
	ws := srv.AddWorkspace("acme", Workspace{Name: "web"})
	created := a.do("POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "s", "description": "d"},
		map[string]any{
			"parent":     rel(id("projects", prj)),
			"workspaces": rel([]any{id("workspaces", ws)}),
			"projects":   rel([]any{id("projects", prj)}),
		})).want(200)
	vsID := created.str("data", "id")
	if created.str("data", "relationships", "parent", "data", "id") != prj {
		t.Errorf("parent: %s", created.raw)
	}
	upd := a.do("PUT", "varsets/"+vsID, res("varsets", map[string]any{"name": "s2", "priority": true},
		map[string]any{"workspaces": rel([]any{})})).want(200)
	if upd.get("data", "attributes", "workspace-count") != 0.0 || upd.get("data", "attributes", "project-count") != 1.0 ||
		upd.str("data", "attributes", "name") != "s2" {
		t.Errorf("update: %s", upd.raw)
	}
	a.do("POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "x"},
		map[string]any{"parent": rel(id("organizations", "other"))})).wantError(422, "/data/relationships/parent/data/id")
	a.do("PATCH", "varsets/"+vsID, res("varsets", map[string]any{"name": " "}, nil)).wantError(422, "/data/attributes/name")
	vid := a.do("POST", "varsets/"+vsID+"/relationships/vars", res("vars", map[string]any{"key": "a", "category": "env"}, nil)).
		want(200).str("data", "id")
	a.do("PATCH", "varsets/"+vsID+"/relationships/vars/"+vid, res("vars", map[string]any{"value": "x", "hcl": true}, nil)).want(200)
	a.do("PATCH", "varsets/"+vsID, res("varsets", map[string]any{}, map[string]any{
		"vars": rel([]any{map[string]any{"type": "vars", "id": "var-nope", "attributes": map[string]any{"value": "x"}}}),
	})).wantError(422, "/data/relationships/vars/data/0/id")
	a.do("GET", "varsets/"+vsID+"/relationships/vars/"+vid, nil).want(200)
	a.do("GET", "varsets/"+vsID+"?include=nope", nil).wantError(400, "")
	a.do("DELETE", "varsets/"+vsID+"/relationships/vars/var-nope", nil).wantError(404, "")
	a.do("PATCH", "workspaces/"+ws+"/vars/var-nope", res("vars", map[string]any{}, nil)).wantError(404, "")
	wv := a.do("POST", "workspaces/"+ws+"/vars", res("vars", map[string]any{"key": "a", "category": "env"}, nil)).want(201).str("data", "id")
	a.do("PATCH", "workspaces/"+ws+"/vars/"+wv, `{"data":{"type":"vars","id":"var-other","attributes":{}}}`).wantError(422, "/data/id")
	a.do("PATCH", "varsets/"+vsID+"/relationships/vars/"+vid, `{"data":{"type":"vars","id":"var-other","attributes":{}}}`).wantError(422, "/data/id")
	ans := a.do("PATCH", "workspaces/"+ws+"/vars/"+wv, res("vars", map[string]any{"key": "b", "category": "terraform", "value": "v", "hcl": true}, nil)).want(http.StatusOK)
	if ans.str("data", "attributes", "key") != "b" || ans.get("data", "attributes", "hcl") != true {
		t.Errorf("update: %s", ans.raw)
	}
}
