package tfe

import (
	"encoding/json"
	"errors"
	"testing"
)

const workspaceDoc = `{
  "data": {
    "id": "ws-1", "type": "workspaces",
    "attributes": {"name": "app", "description": "d", "execution-mode": "agent", "terraform-version": "1.9.0", "auto-apply": true},
    "relationships": {
      "agent-pool": {"data": {"id": "apool-1", "type": "agent-pools"}},
      "project": {"data": {"id": "prj-1", "type": "projects"}},
      "organization": {"data": {"id": "my-org", "type": "organizations"}},
      "tags": {"data": [{"id": "t-1", "type": "tags"}, {"id": "t-2", "type": "tags"}]},
      "empty": {"data": null}
    }
  },
  "included": [{"id": "prj-1", "type": "projects", "attributes": {"name": "Platform"}}]
}`

func TestDecodeOneResolvesRelationshipsAndIncluded(t *testing.T) {
	ws, err := decodeOne([]byte(workspaceDoc), decodeWorkspace)
	if err != nil {
		t.Fatal(err)
	}
	want := Workspace{ID: "ws-1", Name: "app", Description: "d", ExecutionMode: ExecutionModeAgent, TerraformVersion: "1.9.0", AutoApply: true, AgentPoolID: "apool-1"}
	got := *ws
	got.Project, got.Organization = nil, nil
	if got != want {
		t.Errorf("workspace = %+v", got)
	}
	if ws.Project == nil || ws.Project.ID != "prj-1" || ws.Project.Name != "Platform" {
		t.Errorf("project = %+v", ws.Project)
	}
	if ws.Organization == nil || ws.Organization.Name != "my-org" {
		t.Errorf("organization = %+v", ws.Organization)
	}
}

func TestRelationshipHelpers(t *testing.T) {
	var doc struct{ Data resource }
	if err := json.Unmarshal([]byte(workspaceDoc), &doc); err != nil {
		t.Fatal(err)
	}
	r := &doc.Data
	if refs := r.relations("tags"); len(refs) != 2 || refs[1].ID != "t-2" {
		t.Errorf("relations = %+v", refs)
	}
	if r.relation("tags") != nil || r.relation("empty") != nil || r.relation("missing") != nil {
		t.Error("relation should be nil for a list, null or absent relationship")
	}
	if r.relations("project") != nil || r.relations("missing") != nil {
		t.Error("relations should be nil for a to-one or absent relationship")
	}
	stub := func(id string) *Project { return &Project{ID: id} }
	inc := included{{Type: "projects", ID: "prj-1"}: {Type: "projects", ID: "prj-1", Attributes: json.RawMessage(`{"name":"P"}`)}}
	got := decodeIncluded([]resourceRef{{Type: "projects", ID: "prj-1"}, {Type: "projects", ID: "prj-2"}}, inc, decodeProject, stub)
	if len(got) != 2 || got[0].Name != "P" || got[1].ID != "prj-2" || got[1].Name != "" {
		t.Errorf("decodeIncluded = %+v %+v", got[0], got[1])
	}
	if decodeIncluded(nil, inc, decodeProject, stub) != nil {
		t.Error("no refs should give nil")
	}
}

func TestDecodeManyReadsPagination(t *testing.T) {
	body := `{"data":[{"id":"prj-1","type":"projects","attributes":{"name":"a"}},{"id":"prj-2","type":"projects","attributes":{"name":"b"}}],
	  "meta":{"pagination":{"current-page":2,"prev-page":1,"next-page":3,"total-pages":5,"total-count":90}}}`
	items, page, err := decodeMany([]byte(body), decodeProject)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[1].Name != "b" {
		t.Errorf("items = %+v", items)
	}
	if *page != (Pagination{CurrentPage: 2, PreviousPage: 1, NextPage: 3, TotalPages: 5, TotalCount: 90}) {
		t.Errorf("page = %+v", page)
	}
	_, page, err = decodeMany([]byte(`{"data":[],"meta":{"pagination":{"current-page":1,"prev-page":null,"next-page":null,"total-pages":1,"total-count":0}}}`), decodeProject)
	if err != nil || page.NextPage != 0 {
		t.Errorf("null pages: %+v %v", page, err)
	}
	_, page, err = decodeMany([]byte(`{"data":[]}`), decodeProject)
	if err != nil || page != nil {
		t.Errorf("no meta: %+v %v", page, err)
	}
	for _, bad := range []string{`{"data":{"id":"x","type":"projects"}}`, `{"data":[null]}`, `{"data":[{"type":"projects"}]}`, `[`, `{"data":[{"id":"x","type":"projects","attributes":{"name":1}}]}`} {
		if _, _, err := decodeMany([]byte(bad), decodeProject); err == nil {
			t.Errorf("%s: want an error", bad)
		}
	}
}

func TestRequestDocuments(t *testing.T) {
	n := newNode("organizations")
	setAttr(n.Attributes, "email", Ptr("a@b.c"))
	setAttr[string](n.Attributes, "name", nil)
	setNullable(n.Attributes, "cleared", Null[string]())
	setNullable(n.Attributes, "unset", Nullable[string]{})
	setNullable(n.Attributes, "set", NullableOf("v"))
	relateOne(n, "default-agent-pool", "agent-pools", "")
	relateOne(n, "project", "projects", "prj-1")
	relateIDs(n, "workspaces", "workspaces", []string{"ws-1"})
	got, err := json.Marshal(onePayload(n))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"data":{"type":"organizations","attributes":{"email":"a@b.c","cleared":null,"set":"v"},
	  "relationships":{"default-agent-pool":{"data":null},"project":{"data":{"type":"projects","id":"prj-1"}},"workspaces":{"data":[{"type":"workspaces","id":"ws-1"}]}}}}`
	assertJSONEqual(t, []byte(want), got)

	empty, _ := json.Marshal(onePayload(newNode("workspaces")))
	assertJSONEqual(t, []byte(`{"data":{"type":"workspaces"}}`), empty)
	refs, _ := json.Marshal(refsPayload("projects", []string{"prj-1", "prj-2"}))
	assertJSONEqual(t, []byte(`{"data":[{"type":"projects","id":"prj-1"},{"type":"projects","id":"prj-2"}]}`), refs)
}

func TestParseErrorDocument(t *testing.T) {
	objs, ok := parseErrorDocument([]byte(`{"errors":[{"status":422,"code":"invalid","title":"t","detail":"d","meta":{"k":1}}]}`))
	if !ok || objs[0].Status != "422" || objs[0].Code != "invalid" || objs[0].Meta["k"] != float64(1) {
		t.Errorf("numeric status: %+v", objs[0])
	}
	for _, notErrors := range []string{``, `<html>`, `{"errors":[]}`, `{"errors":{}}`, `{"errors":[1]}`, `{"errors":[null]}`} {
		if _, ok := parseErrorDocument([]byte(notErrors)); ok {
			t.Errorf("%q parsed as errors", notErrors)
		}
	}
}

// FuzzDecodeAnswer feeds arbitrary bodies to the answer decoders of every
// model: none may panic, and a success always carries an identified
// resource.
func FuzzDecodeAnswer(f *testing.F) {
	for _, seed := range []string{workspaceDoc, `{"data":[]}`, `{"data":null}`, `{"data":[{"id":"a","type":"b","relationships":{"x":{"data":[{"id":1}]}}}]}`, `{"included":[null],"data":{"id":"a","type":"b"}}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, check := range decodeChecks {
			check(t, body)
		}
	})
}

// decodeChecks runs each model's decoders over a body: one line per
// resource type the SDK decodes.
var decodeChecks = []func(t *testing.T, body []byte){
	fuzzDecoder(decodeWorkspace, func(w *Workspace) string { return w.ID }),
	fuzzDecoder(decodeProject, func(p *Project) string { return p.ID }),
	fuzzDecoder(decodeVariable, func(v *Variable) string { return v.ID }),
	fuzzDecoder(decodeVariableSet, func(vs *VariableSet) string { return vs.ID }),
	fuzzDecoder(decodeVariableSetVariable, func(v *VariableSetVariable) string { return v.ID }),
	fuzzDecoder(decodeOrganization, func(o *Organization) string { return o.Name }),
	fuzzDecoder(decodeTokenTTLPolicy, func(p *TokenTTLPolicy) string { return p.ID }),
	fuzzDecoder(decodeAdminSMTPSettings, func(s *AdminSMTPSettings) string { return s.ID }),
	fuzzDecoder(decodeRegistryModule, func(m *RegistryModule) string { return m.ID }),
	fuzzDecoder(decodeNoCodeModule, func(m *NoCodeModule) string { return m.ID }),
	fuzzDecoder(decodeVariableOption, func(o *NoCodeVariableOption) string { return o.ID }),
	fuzzDecoder(decodeRegistryModuleVariable, noModelID[RegistryModuleVariable]),
	fuzzDecoder(decodeWorkspaceUpgrade, func(u *WorkspaceUpgrade) string { return u.ID }),
}

// noModelID stands in for the ID of a model that has none (module
// variables): decodeResource still refuses a resource without one.
func noModelID[T any](*T) string { return "(no ID in the model)" }

// fuzzDecoder checks that decodeOne and decodeMany with fn never panic and
// never succeed with a model lacking its ID.
func fuzzDecoder[T any](fn decodeFunc[T], id func(*T) string) func(*testing.T, []byte) {
	return func(t *testing.T, body []byte) {
		if v, err := decodeOne(body, fn); err == nil && (v == nil || id(v) == "") {
			t.Fatalf("decodeOne succeeded without an identified resource: %+v", v)
		}
		items, _, err := decodeMany(body, fn)
		if err != nil {
			return
		}
		for _, v := range items {
			if v == nil || id(v) == "" {
				t.Fatalf("decodeMany gave an unidentified item")
			}
		}
	}
}

// FuzzAPIError feeds arbitrary error answers to the error decoder: it never
// panics, always keeps the status, and its message is bounded.
func FuzzAPIError(f *testing.F) {
	f.Add(422, []byte(`{"errors":[{"status":"422","title":"invalid","source":{"pointer":"/data/attributes/key"}}]}`))
	f.Add(404, []byte(`{"errors":["not found"]}`))
	f.Add(502, []byte("<html>bad gateway</html>"))
	f.Add(500, []byte{})
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := newAPIError("GET", "/api/v2/x", status, body)
		if e.StatusCode != status {
			t.Fatal("status lost")
		}
		msg := e.Error()
		if len(msg) > 600 {
			t.Fatalf("message of %d bytes", len(msg))
		}
		if status == 404 && !errors.Is(e, ErrResourceNotFound) {
			t.Fatal("404 does not match ErrResourceNotFound")
		}
	})
}
