package tfetest

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The rules every request passes: token, content type, resource type,
// attribute allow-lists, unknown IDs.

func TestMisspelledAttributes(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"), WithStrictAttributes())
	_, lenient := newAPI(t, WithOrganization("acme"))
	ws := srv.AddWorkspace("acme", Workspace{Name: "web"})
	vs := srv.AddVariableSet("acme", VariableSet{Name: "set"})
	cases := []struct {
		method, path string
		body         any
		pointer      string
	}{
		{"POST", "workspaces/" + ws + "/vars", res("vars", map[string]any{"key": "k", "category": "env", "sensitiv": true}, nil), "/data/attributes/sensitiv"},
		{"POST", "workspaces/" + ws + "/vars", res("vars", map[string]any{"key": "k", "catgory": "env"}, nil), "/data/attributes/catgory"},
		{"POST", "varsets/" + vs + "/relationships/vars", res("vars", map[string]any{"key": "k", "category": "env", "sensitiv": true}, nil), "/data/attributes/sensitiv"},
		{"POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "x", "globl": true}, nil), "/data/attributes/globl"},
		{"POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "x"}, map[string]any{"workspace": rel([]any{})}), "/data/relationships/workspace"},
		{"POST", "organizations/acme/varsets", res("varsets", map[string]any{"name": "x"}, map[string]any{"vars": rel([]any{
			map[string]any{"type": "vars", "attributes": map[string]any{"key": "k", "category": "env", "sensitiv": true}},
		})}), "/data/relationships/vars/data/0/attributes/sensitiv"},
		{"PATCH", "organizations/acme", res("organizations", map[string]any{"default_execution_mode": "agent"}, nil), "/data/attributes/default_execution_mode"},
		{"PATCH", "organizations/acme/token-ttl-policies", res("organization-token-ttl-policies", map[string]any{"token-ttl-policies": []any{
			map[string]any{"token-type": "user", "max_ttl_ms": 5},
		}}, nil), "/data/attributes/token-ttl-policies/0/max_ttl_ms"},
		{"PATCH", "admin/smtp-settings", res("smtp-settings", map[string]any{"test_email_address": "a@b.c"}, nil), "/data/attributes/test_email_address"},
		{"POST", "organizations/acme/registry-modules", res("registry-modules", map[string]any{"name": "n", "provider": "p", "registry_name": "private"}, nil), "/data/attributes/registry_name"},
		{"POST", "organizations/acme/no-code-modules", res("no-code-modules", map[string]any{"version_pin": "1.0.0"}, nil), "/data/attributes/version_pin"},
	}
	for _, tc := range cases {
		t.Run(tc.pointer, func(t *testing.T) {
			a.do(tc.method, tc.path, tc.body).wantError(http.StatusUnprocessableEntity, tc.pointer)
		})
	}
	// By default the service's behaviour: an unknown name is ignored.
	ws2 := lenient.srv.AddWorkspace("acme", Workspace{Name: "web"})
	ans := lenient.do("POST", "workspaces/"+ws2+"/vars", res("vars", map[string]any{"key": "k", "category": "env", "sensitiv": true}, nil)).want(http.StatusCreated)
	assert.Equal(t, false, ans.get("data", "attributes", "sensitive"))
	lenient.do("PATCH", "organizations/acme", res("organizations", map[string]any{"default_execution_mode": "agent"},
		map[string]any{"no-such-relationship": rel(nil)})).want(http.StatusOK)
}

func TestAuthAndContentType(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	body := `{"errors":[{"status":"401","title":"unauthorized"`
	for _, h := range []map[string]string{{}, {"Authorization": "Bearer wrong"}, {"Authorization": srv.Token}} {
		ans := a.send("GET", "organizations/acme", nil, h).wantError(http.StatusUnauthorized, "")
		if !bytes.HasPrefix(ans.raw, []byte(body)) {
			t.Errorf("401 body: %s", ans.raw)
		}
	}
	good := map[string]string{"Authorization": "Bearer " + srv.Token}
	for _, ct := range []string{"application/json", "text/plain", ""} {
		good["Content-Type"] = ct
		a.send("PATCH", "organizations/acme", `{"data":{"type":"organizations","attributes":{}}}`, good).
			wantError(http.StatusUnsupportedMediaType, "")
	}
	// A body-less request needs no content type.
	delete(good, "Content-Type")
	a.send("GET", "organizations/acme", nil, good).want(200)

	reqs := srv.Requests()
	if len(reqs) != 7 || reqs[0].Authorized || !reqs[6].Authorized || reqs[3].ContentType != "application/json" {
		t.Fatalf("recorded: %+v", reqs)
	}
	for _, r := range reqs {
		if bytes.Contains(r.Body, []byte(srv.Token)) {
			t.Fatal("token recorded")
		}
	}
	srv.ResetRequests()
	if len(srv.Requests()) != 0 {
		t.Fatal("ResetRequests")
	}
}

func TestBadDocuments(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	ws := srv.AddWorkspace("acme", Workspace{Name: "web"})
	path := "workspaces/" + ws + "/vars"
	a.do("POST", path, `{"data":`).wantError(http.StatusBadRequest, "")
	a.do("POST", path, `{"meta":{}}`).wantError(422, "/data")
	a.do("POST", path, `{"data":[]}`).wantError(422, "/data")
	a.do("POST", path, res("variables", map[string]any{"key": "k", "category": "env"}, nil)).wantError(422, "/data/type")
	a.do("POST", path, `{"data":{"attributes":{"key":"k","category":"env"}}}`).wantError(422, "/data/type")
	a.do("POST", path, res("vars", map[string]any{"key": 5, "category": "env"}, nil)).wantError(422, "/data/attributes/key")
	a.do("POST", path, res("vars", map[string]any{"key": "k", "category": "env", "hcl": "yes"}, nil)).wantError(422, "/data/attributes/hcl")
	a.do("POST", path, res("vars", map[string]any{"key": "k", "category": "secret"}, nil)).wantError(422, "/data/attributes/category")
	a.do("POST", path, res("vars", map[string]any{"key": "k"}, nil)).wantError(422, "/data/attributes/category")
	a.do("POST", path, res("vars", map[string]any{"category": "env"}, nil)).wantError(422, "/data/attributes/key")
	a.do("PATCH", "organizations/acme", res("organizations", map[string]any{"session-timeout": 1.5}, nil)).
		wantError(422, "/data/attributes/session-timeout")
	a.do("PATCH", "organizations/acme", res("organizations", map[string]any{}, map[string]any{"default-agent-pool": "apool-x"})).
		wantError(422, "/data/relationships/default-agent-pool")
	a.do("PATCH", "organizations/acme", res("organizations", map[string]any{}, map[string]any{"default-agent-pool": map[string]any{}})).
		wantError(422, "/data/relationships/default-agent-pool/data")
}

func TestNotFound(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	ws := srv.AddWorkspace("acme", Workspace{Name: "web"})
	for _, p := range []string{
		"organizations/nope", "organizations/nope/varsets", "organizations/nope/token-ttl-policies",
		"organizations/nope/registry-modules", "workspaces/ws-nope/vars", "workspaces/ws-nope/all-vars",
		"workspaces/ws-nope/varsets", "projects/prj-nope/varsets", "workspaces/" + ws + "/vars/var-nope",
		"varsets/varset-nope", "varsets/varset-nope/relationships/vars", "no-code-modules/nocode-nope",
		"organizations/acme/registry-modules/private/acme/nope/aws", "no-such-endpoint",
	} {
		a.do("GET", p, nil).wantError(http.StatusNotFound, "")
	}
	a.do("DELETE", "organizations/nope", nil).wantError(404, "")
	a.do("POST", "organizations/nope/varsets", res("varsets", map[string]any{"name": "x"}, nil)).wantError(404, "")
}

func TestPing(t *testing.T) {
	srv, a := newAPI(t, WithRateLimit(7))
	ans := a.send("GET", "ping", nil, nil).want(http.StatusNoContent)
	if ans.header.Get("TFP-API-Version") != "2.6" || ans.header.Get("X-RateLimit-Limit") != "7" {
		t.Fatalf("ping headers: %v", ans.header)
	}
	if r := srv.Requests(); len(r) != 1 || r[0].Authorized {
		t.Fatalf("recorded %+v", r)
	}
}
