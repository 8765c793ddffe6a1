package tfetest

import "testing"

// TestPathLookups pins which object a 404 names when a path's parent or
// child is missing: reading a variable set variable looks the variable up
// directly, updating or deleting one looks the set up first.
func TestPathLookups(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	vs := srv.AddVariableSet("acme", VariableSet{Name: "shared", Variables: []Variable{{Key: "region", Value: "eu", Category: "env"}}})
	ws := srv.AddWorkspace("acme", Workspace{Name: "app"})
	body := res("vars", map[string]any{"value": "us"}, nil)
	for _, c := range []struct{ method, path, detail string }{
		{"GET", "varsets/varset-none/relationships/vars/var-none", `variable "var-none" not found`},
		{"PATCH", "varsets/varset-none/relationships/vars/var-none", `variable set "varset-none" not found`},
		{"DELETE", "varsets/varset-none/relationships/vars/var-none", `variable set "varset-none" not found`},
		{"PATCH", "varsets/" + vs + "/relationships/vars/var-none", `variable "var-none" not found`},
		{"DELETE", "varsets/" + vs + "/relationships/vars/var-none", `variable "var-none" not found`},
		{"GET", "workspaces/ws-none/vars/var-none", `variable "var-none" not found`},
		{"POST", "workspaces/ws-none/vars", `workspace "ws-none" not found`},
		{"GET", "workspaces/" + ws + "/vars/var-none", `variable "var-none" not found`},
		{"GET", "organizations/none/varsets", `organization "none" not found`},
		{"GET", "projects/prj-none/varsets", `project "prj-none" not found`},
		{"GET", "no-code-modules/nocode-none", `no-code module "nocode-none" not found`},
	} {
		var b any
		if c.method != "GET" && c.method != "DELETE" {
			b = map[string]any{"data": body}
		}
		ans := a.do(c.method, c.path, b).wantError(404, "")
		if got := ans.str("errors", 0, "detail"); got != c.detail {
			t.Errorf("%s %s: detail %q, want %q", c.method, c.path, got, c.detail)
		}
	}
}
