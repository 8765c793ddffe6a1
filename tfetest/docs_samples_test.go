package tfetest

import (
	"net/http"
	"regexp"
	"testing"
)

// Every sample request payload of the Workspace Variables (seed 003) and
// Variable Sets (seed 004) docs pages, sent raw to the path of its sample
// request, against a fixture that holds the IDs the samples name.

// docsFixture seeds organization my-organization with every workspace,
// project, variable set and variable the docs samples refer to.
func docsFixture(t *testing.T) (*Server, *api) {
	srv, a := newAPI(t, WithOrganization("my-organization"))
	const org = "my-organization"
	for _, p := range []string{"prj-kFjgSzcZSr5c3imE", "prj-YwfuBJZkdai4xj9w", "prj-lkjasdfiojwerlkj"} {
		srv.AddProject(org, Project{ID: p, Name: p})
	}
	for _, ws := range []string{"ws-4j8p6jX1w33MiDC7", "ws-cZE9LERN3rGPRAmH", "ws-z6YvbWEYoE168kpq", "ws-FRFwkYoUoGn1e34b", "ws-YwfuBJZkdai4xj9w"} {
		srv.AddWorkspace(org, Workspace{ID: ws, Name: "w" + ws[3:]})
	}
	srv.AddWorkspaceVariable("ws-4j8p6jX1w33MiDC7", Variable{ID: "var-yRmifb4PJj7cLkMG", Key: "name", Value: "hello"})
	srv.AddWorkspaceVariable("ws-cZE9LERN3rGPRAmH", Variable{ID: "var-AD4pibb9nxo1468E", Key: "name", Value: "hello", Description: "some description"})
	srv.AddVariableSet(org, VariableSet{
		ID: "varset-kjkN545LH2Sfercv", Name: "Original", Description: "seeded",
		Variables: []Variable{{Key: "c2e4612d993c18e42ef30405ea7d0e9ae", Value: "8676328808c5bf56ac5c8c0def3b7071"}},
	})
	srv.AddVariableSet(org, VariableSet{
		ID: "varset-4q8f7H0NHG733bBH", Name: "cheese",
		Variables: []Variable{{ID: "var-EavQ1LztoRTQHSNT", Key: "old_key", Value: "old", Description: "cheeeese"}},
	})
	return srv, a
}

// trailingComma matches the comma the docs' variable set samples leave
// before a closing brace.
var trailingComma = regexp.MustCompile(`,(\s*})`)

func TestDocsSamples(t *testing.T) {
	cases := []struct {
		file, method, path string
		status             int
		check              func(t *testing.T, a *api, ans *answer)
	}{
		{"003_create_variable.json", "POST", "workspaces/ws-4j8p6jX1w33MiDC7/vars", http.StatusCreated, func(t *testing.T, a *api, ans *answer) {
			wantVar(t, ans, "some_key", "some_value", "terraform")
			if ans.str("data", "relationships", "configurable", "data", "id") != "ws-4j8p6jX1w33MiDC7" ||
				ans.str("data", "relationships", "configurable", "data", "type") != "workspaces" {
				t.Errorf("configurable relationship: %s", ans.raw)
			}
			if ans.str("data", "links", "self") != "/api/v2/workspaces/ws-4j8p6jX1w33MiDC7/vars/"+ans.str("data", "id") {
				t.Errorf("links.self: %s", ans.raw)
			}
		}},
		{"003_update_variable.json", "PATCH", "workspaces/ws-4j8p6jX1w33MiDC7/vars/var-yRmifb4PJj7cLkMG", http.StatusOK, func(t *testing.T, a *api, ans *answer) {
			wantVar(t, ans, "name", "mars", "terraform")
			if ans.str("data", "id") != "var-yRmifb4PJj7cLkMG" {
				t.Errorf("id: %s", ans.raw)
			}
		}},
		{"004_create_varset.json", "POST", "organizations/my-organization/varsets", http.StatusOK, func(t *testing.T, a *api, ans *answer) {
			if ans.str("data", "type") != "varsets" || ans.str("data", "attributes", "name") != "MyVarset" ||
				ans.get("data", "attributes", "global") != false || ans.get("data", "attributes", "priority") != false {
				t.Errorf("varset: %s", ans.raw)
			}
			if ans.str("data", "relationships", "workspaces", "data", 0, "id") != "ws-z6YvbWEYoE168kpq" {
				t.Errorf("workspaces: %s", ans.raw)
			}
			if ans.str("data", "relationships", "vars", "data", 0, "attributes", "key") != "c2e4612d993c18e42ef30405ea7d0e9ae" {
				t.Errorf("vars: %s", ans.raw)
			}
		}},
		{"004_update_varset.json", "PATCH", "varsets/varset-kjkN545LH2Sfercv", http.StatusOK, func(t *testing.T, a *api, ans *answer) {
			if ans.get("data", "attributes", "global") != true || ans.get("data", "attributes", "priority") != true ||
				ans.str("data", "attributes", "description") != "Full of vars and such for mass reuse. Now global!" {
				t.Errorf("varset: %s", ans.raw)
			}
			if ans.str("data", "relationships", "projects", "data", 0, "id") != "prj-kFjgSzcZSr5c3imE" ||
				ans.str("data", "relationships", "workspaces", "data", 0, "id") != "ws-FRFwkYoUoGn1e34b" {
				t.Errorf("relationships: %s", ans.raw)
			}
			if n := len(ans.get("data", "relationships", "vars", "data").([]any)); n != 1 {
				t.Errorf("the re-sent variable should update, not duplicate: %d vars", n)
			}
		}},
		{"004_add_variable.json", "POST", "varsets/varset-4q8f7H0NHG733bBH/relationships/vars", http.StatusOK, func(t *testing.T, a *api, ans *answer) {
			wantVar(t, ans, "g6e45ae7564a17e81ef62fd1c7fa86138", "61e400d5ccffb3782f215344481e6c82", "terraform")
			if ans.str("data", "attributes", "description") != "cheeeese" || ans.str("data", "id") == "" {
				t.Errorf("var: %s", ans.raw)
			}
			// The same key and category twice in one set: 422.
			a.do("POST", "varsets/varset-4q8f7H0NHG733bBH/relationships/vars", testdata(t, "004_add_variable.json")).
				wantError(http.StatusUnprocessableEntity, "/data/attributes/key")
		}},
		{"004_update_variable.json", "PATCH", "varsets/varset-4q8f7H0NHG733bBH/relationships/vars/var-EavQ1LztoRTQHSNT", http.StatusOK, func(t *testing.T, a *api, ans *answer) {
			wantVar(t, ans, "g6e45ae7564a17e81ef62fd1c7fa86138", "61e400d5ccffb3782f215344481e6c82", "terraform")
			if ans.str("data", "attributes", "description") != "new cheeeese" || ans.str("data", "id") != "var-EavQ1LztoRTQHSNT" {
				t.Errorf("var: %s", ans.raw)
			}
		}},
		{"004_apply_workspaces.json", "POST", "varsets/varset-kjkN545LH2Sfercv/relationships/workspaces", http.StatusNoContent, func(t *testing.T, a *api, _ *answer) {
			got := a.do("GET", "varsets/varset-kjkN545LH2Sfercv", nil).want(200)
			if got.str("data", "relationships", "workspaces", "data", 0, "id") != "ws-YwfuBJZkdai4xj9w" {
				t.Errorf("not applied: %s", got.raw)
			}
		}},
		{"004_remove_workspaces.json", "DELETE", "varsets/varset-kjkN545LH2Sfercv/relationships/workspaces", http.StatusNoContent, nil},
		{"004_apply_projects.json", "POST", "varsets/varset-kjkN545LH2Sfercv/relationships/projects", http.StatusNoContent, func(t *testing.T, a *api, _ *answer) {
			got := a.do("GET", "varsets/varset-kjkN545LH2Sfercv", nil).want(200)
			if got.get("data", "attributes", "project-count") != 1.0 {
				t.Errorf("not applied: %s", got.raw)
			}
		}},
		{"004_remove_projects.json", "DELETE", "varsets/varset-kjkN545LH2Sfercv/relationships/projects", http.StatusNoContent, nil},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			_, a := docsFixture(t)
			body := testdata(t, tc.file)
			if trailingComma.Match(body) {
				// Published with a trailing comma: not JSON. The fake
				// answers 400 like any JSON parser; without the comma the
				// sample gets its documented status.
				a.do(tc.method, tc.path, body).wantError(http.StatusBadRequest, "")
				body = trailingComma.ReplaceAll(body, []byte("$1"))
			}
			ans := a.do(tc.method, tc.path, body).want(tc.status)
			if tc.check != nil {
				tc.check(t, a, ans)
			}
		})
	}
}

// The GET samples of both pages: list and show, and delete.
func TestDocsSampleReads(t *testing.T) {
	_, a := docsFixture(t)
	list := a.do("GET", "workspaces/ws-cZE9LERN3rGPRAmH/vars", nil).want(200)
	if len(list.items()) != 1 || list.str("data", 0, "id") != "var-AD4pibb9nxo1468E" {
		t.Fatalf("list: %s", list.raw)
	}
	if list.get("meta") != nil || list.get("links") != nil {
		t.Errorf("workspace vars are not paginated: %s", list.raw)
	}
	show := a.do("GET", "varsets/varset-kjkN545LH2Sfercv", nil).want(200)
	for _, k := range []string{"name", "description", "global", "priority", "updated-at", "var-count", "workspace-count", "project-count"} {
		if show.get("data", "attributes", k) == nil {
			t.Errorf("show lacks %s: %s", k, show.raw)
		}
	}
	if show.str("data", "relationships", "organization", "data", "id") != "my-organization" ||
		show.str("data", "relationships", "vars", "data", 0, "type") != "vars" {
		t.Errorf("show relationships: %s", show.raw)
	}
	orgList := a.do("GET", "organizations/my-organization/varsets", nil).want(200)
	if orgList.get("meta", "pagination", "total-count") != 2.0 || orgList.get("links", "prev") != nil {
		t.Errorf("varset list: %s", orgList.raw)
	}
	setVars := a.do("GET", "varsets/varset-4q8f7H0NHG733bBH/relationships/vars", nil).want(200)
	if setVars.str("data", 0, "relationships", "varset", "data", "id") != "varset-4q8f7H0NHG733bBH" {
		t.Errorf("varset vars: %s", setVars.raw)
	}
	a.do("GET", "varsets/varset-4q8f7H0NHG733bBH/relationships/vars/var-EavQ1LztoRTQHSNT", nil).want(200)
	a.do("DELETE", "varsets/varset-4q8f7H0NHG733bBH/relationships/vars/var-EavQ1LztoRTQHSNT", nil).want(204)
	a.do("DELETE", "workspaces/ws-4j8p6jX1w33MiDC7/vars/var-yRmifb4PJj7cLkMG", nil).want(204)
	a.do("DELETE", "varsets/varset-kjkN545LH2Sfercv", nil).want(204)
	a.do("GET", "varsets/varset-kjkN545LH2Sfercv", nil).wantError(404, "")
}

// wantVar checks a single vars resource answer.
func wantVar(t *testing.T, ans *answer, key, value, category string) {
	t.Helper()
	if ans.str("data", "type") != "vars" || ans.str("data", "attributes", "key") != key ||
		ans.str("data", "attributes", "value") != value || ans.str("data", "attributes", "category") != category {
		t.Errorf("want var %s=%s (%s), got %s", key, value, category, ans.raw)
	}
	for _, k := range []string{"description", "sensitive", "hcl"} {
		if ans.get("data", "attributes", k) == nil {
			t.Errorf("var lacks %s: %s", k, ans.raw)
		}
	}
}
