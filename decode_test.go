package tfe

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	ws, err := workspaceDecoder.one([]byte(workspaceDoc))
	require.NoError(t, err)
	assert.Equal(t, &Workspace{
		ID: "ws-1", Name: "app", Description: "d", ExecutionMode: ExecutionModeAgent, TerraformVersion: "1.9.0", AutoApply: true,
		AgentPoolID: "apool-1", Project: &Project{ID: "prj-1", Name: "Platform"}, Organization: &Organization{Name: "my-org"},
	}, ws)
}

// varsetsWithIncludes is a list of two sets sharing a workspace, with
// variables, a project, and resources of a type no model reads.
const varsetsWithIncludes = `{
  "data": [
    {"id": "varset-1", "type": "varsets", "attributes": {"name": "one", "var-count": 2},
     "relationships": {"workspaces": {"data": [{"id": "ws-1", "type": "workspaces"}]},
                       "projects": {"data": [{"id": "prj-1", "type": "projects"}, {"id": "prj-9", "type": "projects"}]},
                       "vars": {"data": [{"id": "var-1", "type": "vars"}, {"id": "var-2", "type": "vars"}]}}},
    {"id": "varset-2", "type": "varsets", "attributes": {"name": "two"},
     "relationships": {"workspaces": {"data": [{"id": "ws-1", "type": "workspaces"}]}}}
  ],
  "included": [
    {"id": "ws-1", "type": "workspaces", "attributes": {"name": "web", "description": "the web"},
     "relationships": {"project": {"data": {"id": "prj-1", "type": "projects"}}}},
    {"id": "prj-1", "type": "projects", "attributes": {"name": "Platform"}},
    {"id": "var-1", "type": "vars", "attributes": {"key": "A", "value": "1", "description": "first", "category": "env"},
     "relationships": {"varset": {"data": {"id": "varset-1", "type": "varsets"}}}},
    {"id": "var-2", "type": "vars", "attributes": {"key": "B", "sensitive": true, "category": "terraform"}},
    {"id": "x-1", "type": "teams", "attributes": {"name": "s", "other": [1]}}
  ],
  "meta": {"pagination": {"current-page": 2, "prev-page": 1, "next-page": 3, "total-pages": 5, "total-count": 90}}
}`

func TestDecodeManyResolvesIncludedOfSeveralKinds(t *testing.T) {
	sets, page, err := variableSetDecoder.many([]byte(varsetsWithIncludes))
	require.NoError(t, err)
	require.Len(t, sets, 2)
	assert.Equal(t, &Pagination{CurrentPage: 2, PreviousPage: 1, NextPage: 3, TotalPages: 5, TotalCount: 90}, page)

	one := sets[0]
	assert.Equal(t, "one", one.Name)
	assert.Equal(t, 2, one.VarCount)
	require.Len(t, one.Workspaces, 1)
	assert.Equal(t, "web", one.Workspaces[0].Name)
	assert.Equal(t, "the web", one.Workspaces[0].Description, "a name two kinds share keeps each kind's value")
	assert.Equal(t, &Project{ID: "prj-1", Name: "Platform"}, one.Workspaces[0].Project, "an included resource resolves its own relationships")
	assert.Equal(t, []*Project{{ID: "prj-1", Name: "Platform"}, {ID: "prj-9"}}, one.Projects, "one not included is its ID alone")
	assert.Equal(t, []*VariableSetVariable{
		{ID: "var-1", Key: "A", Value: "1", Description: "first", Category: CategoryEnv, VariableSet: &VariableSet{ID: "varset-1"}},
		{ID: "var-2", Key: "B", Category: CategoryTerraform, Sensitive: true, VariableSet: &VariableSet{ID: "varset-1"}},
	}, one.Variables)
	assert.Same(t, one.Workspaces[0], sets[1].Workspaces[0], "an included resource becomes one model per answer")

	// Included resources share one element type, so an attribute of a
	// type no model reads still has to fit a model's field of that name.
	_, _, err = variableSetDecoder.many([]byte(`{"data":[],"included":[{"id":"x-1","type":"teams","attributes":{"name":5}}]}`))
	assert.Error(t, err)
}

// TestUnionKeepsNamesTwoKindsTypeDifferently decodes a name that one kind
// reads as a string and another as a number.
func TestUnionKeepsNamesTwoKindsTypeDifferently(t *testing.T) {
	type numbered struct {
		Description int `json:"description"`
	}
	numberKind := attributesOnly[numbered]("numbers", nil)
	d := newDecoder(variableSetKind, numberKind, workspaceKind)
	body := `{"data":{"id":"varset-1","type":"varsets","relationships":{"workspaces":{"data":[{"id":"ws-1","type":"workspaces"}]}}},
	  "included":[{"id":"ws-1","type":"workspaces","attributes":{"name":"W","description":"text"}},{"id":"n-1","type":"numbers","attributes":{"description":7}}]}`
	vs, err := d.one([]byte(body))
	require.NoError(t, err)
	assert.Equal(t, []*Workspace{{ID: "ws-1", Name: "W", Description: "text"}}, vs.Workspaces)

	_, err = d.one([]byte(`{"data":{"id":"varset-1","type":"varsets"},"included":[{"id":"n-1","type":"numbers","attributes":{"description":"seven"}}]}`))
	assert.ErrorContains(t, err, "included numbers n-1", "an included resource that does not decode fails the answer")
}

func TestVariableSetVariablesInlineInTheRelationship(t *testing.T) {
	body := `{"data":{"id":"varset-1","type":"varsets","relationships":{"vars":{"data":[
	  {"id":"var-1","type":"vars","attributes":{"key":"inline","category":"env"}},
	  {"id":"var-2","type":"vars"},
	  {"id":"var-3","type":"vars","attributes":{"key":"both"}}]}}},
	  "included":[{"id":"var-3","type":"vars","attributes":{"key":"included wins"}}]}`
	vs, err := variableSetDecoder.one([]byte(body))
	require.NoError(t, err)
	owner := &VariableSet{ID: "varset-1"}
	assert.Equal(t, []*VariableSetVariable{
		{ID: "var-1", Key: "inline", Category: CategoryEnv, VariableSet: owner},
		{ID: "var-2", VariableSet: owner},
		{ID: "var-3", Key: "included wins", VariableSet: owner},
	}, vs.Variables)
}

func TestIncludedCyclesEndInStubs(t *testing.T) {
	type loop struct {
		Name string `json:"name"`
	}
	type loopLinks struct {
		Next toOne `json:"next"`
	}
	type node struct {
		ID   string
		Name string
		Next *node
	}
	loopKind := &kind[loop, loopLinks, node]{typ: "loops", model: func(res *resource[loop, loopLinks], inc *included) *node {
		return &node{ID: res.ID, Name: res.Attributes.Name, Next: resolveOne(inc, res.Relationships.Next, func(id string) *node { return &node{ID: id} })}
	}}
	d := newDecoder(loopKind, loopKind)
	n, err := d.one([]byte(`{"data":{"id":"a","type":"loops","attributes":{"name":"A"},"relationships":{"next":{"data":{"id":"b","type":"loops"}}}},
	  "included":[{"id":"b","type":"loops","attributes":{"name":"B"},"relationships":{"next":{"data":{"id":"b","type":"loops"}}}}]}`))
	require.NoError(t, err)
	assert.Equal(t, "B", n.Next.Name)
	assert.Equal(t, &node{ID: "b"}, n.Next.Next, "a resource that points at itself gets a stub")
}

func TestDecodeRefusesAnswersWithoutTheExpectedData(t *testing.T) {
	for name, body := range map[string]string{
		"a list where one belongs":      `{"data":[{"id":"prj-1","type":"projects"}]}`,
		"null data":                     `{"data":null}`,
		"no data":                       `{}`,
		"no id":                         `{"data":{"type":"projects"}}`,
		"no type":                       `{"data":{"id":"prj-1"}}`,
		"an attribute of wrong type":    `{"data":{"id":"prj-1","type":"projects","attributes":{"name":1}}}`,
		"a relationship of wrong shape": `{"data":{"id":"ws-1","type":"workspaces","relationships":{"project":{"data":[]}}}}`,
		"cut short":                     `{"data":{"id":"prj-1","ty`,
	} {
		_, err := newDecoder(projectKind).one([]byte(body))
		assert.Error(t, err, name)
	}
	_, err := newDecoder(projectKind).one([]byte(`{"data":null}`))
	assert.ErrorIs(t, err, errNoData)
}

func TestDecodeRefusesAResourceOfAnotherType(t *testing.T) {
	_, err := newDecoder(variableKind).one([]byte(`{"data":{"id":"ws-1","type":"workspaces","attributes":{"name":"web"}}}`))
	assert.ErrorContains(t, err, `a "workspaces" resource where a "vars" one belongs`)
	_, _, err = newDecoder(variableKind).many([]byte(`{"data":[{"id":"var-1","type":"vars"},{"id":"ws-1","type":"workspaces"}]}`))
	assert.ErrorContains(t, err, `"workspaces"`)
}

func TestDecodeManyReadsPaginationWhenPresent(t *testing.T) {
	d := newDecoder(projectKind)
	_, page, err := d.many([]byte(`{"data":[],"meta":{"pagination":{"current-page":1,"prev-page":null,"next-page":null,"total-pages":1,"total-count":0}}}`))
	require.NoError(t, err)
	assert.Equal(t, &Pagination{CurrentPage: 1, TotalPages: 1}, page)
	items, page, err := d.many([]byte(`{"data":[]}`))
	require.NoError(t, err)
	assert.Nil(t, page)
	assert.Empty(t, items)
	for _, bad := range []string{`{"data":{"id":"x","type":"projects"}}`, `{"data":[null]}`, `{"data":[{"type":"projects"}]}`, `[`} {
		_, _, err := d.many([]byte(bad))
		assert.Error(t, err, bad)
	}
}

func TestParseErrorDocument(t *testing.T) {
	objs, ok := parseErrorDocument([]byte(`{"errors":[{"status":422,"code":"invalid","title":"t","detail":"d","meta":{"k":1}}]}`))
	require.True(t, ok)
	assert.Equal(t, "422", objs[0].Status)
	assert.Equal(t, "invalid", objs[0].Code)
	assert.Equal(t, float64(1), objs[0].Meta["k"])
	for _, notErrors := range []string{``, `<html>`, `{"errors":[]}`, `{"errors":{}}`, `{"errors":[1]}`, `{"errors":[null]}`} {
		_, ok := parseErrorDocument([]byte(notErrors))
		assert.False(t, ok, "%q parsed as errors", notErrors)
	}
}

// FuzzDecodeAnswer feeds arbitrary bodies to the answer decoders of every
// model: none may panic, and a success always carries an identified
// resource.
func FuzzDecodeAnswer(f *testing.F) {
	for _, seed := range []string{workspaceDoc, varsetsWithIncludes, `{"data":[]}`, `{"data":null}`, `{"data":[{"id":"a","type":"b","relationships":{"x":{"data":[{"id":1}]}}}]}`, `{"included":[null],"data":{"id":"a","type":"b"}}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, check := range decodeChecks {
			check(t, body)
		}
	})
}

// decodeChecks runs each decoder over a body: one line per decoder.
var decodeChecks = []func(t *testing.T, body []byte){
	fuzzDecoder(workspaceDecoder, func(w *Workspace) string { return w.ID }),
	fuzzDecoder(projectDecoder, func(p *Project) string { return p.ID }),
	fuzzDecoder(workspaceVars.decoder, func(v *Variable) string { return v.ID }),
	fuzzDecoder(variableSetDecoder, func(vs *VariableSet) string { return vs.ID }),
	fuzzDecoder(varsetVars.decoder, func(v *VariableSetVariable) string { return v.ID }),
	fuzzDecoder(organizationDecoder, func(o *Organization) string { return o.Name }),
	fuzzDecoder(tokenTTLPolicyDecoder, func(p *TokenTTLPolicy) string { return p.ID }),
	fuzzDecoder(smtpSettingsDecoder, func(s *AdminSMTPSettings) string { return s.ID }),
	fuzzDecoder(registryModuleDecoder, func(m *RegistryModule) string { return m.ID }),
	fuzzDecoder(noCodeModuleDecoder, func(m *NoCodeModule) string { return m.ID }),
	fuzzDecoder(newDecoder(variableOptionKind), func(o *NoCodeVariableOption) string { return o.ID }),
	fuzzDecoder(moduleVariableDecoder, noModelID[RegistryModuleVariable]),
	fuzzDecoder(workspaceUpgradeDecoder, func(u *WorkspaceUpgrade) string { return u.ID }),
	fuzzDecoder(capacityDecoder, func(c *OrganizationCapacity) string { return c.Organization }),
	fuzzDecoder(entitlementsDecoder, func(e *OrganizationEntitlements) string { return e.ID }),
	fuzzDecoder(runDecoder, func(r *Run) string { return r.ID }),
	fuzzDecoder(dataRetentionDecoders[DataRetentionDeleteOlder], func(p *DataRetentionPolicy) string { return p.ID }),
	fuzzDecoder(dataRetentionDecoders[DataRetentionDontDelete], func(p *DataRetentionPolicy) string { return p.ID }),
	fuzzDecoder(dataRetentionDecoders[DataRetentionLegacy], func(p *DataRetentionPolicy) string { return p.ID }),
	func(t *testing.T, body []byte) {
		if p, err := decodeDataRetentionPolicy(body); err == nil && p != nil && (p.ID == "" || p.Kind == "") {
			t.Fatalf("a data retention policy without ID or kind: %+v", p)
		}
	},
}

// noModelID stands in for the ID of a model that has none (module
// variables): the decoder still refuses a resource without one.
func noModelID[T any](*T) string { return "(no ID in the model)" }

// fuzzDecoder checks that d never panics and never succeeds with a model
// lacking its ID.
func fuzzDecoder[A, R, M any](d *decoder[A, R, M], id func(*M) string) func(*testing.T, []byte) {
	return func(t *testing.T, body []byte) {
		if v, err := d.one(body); err == nil && (v == nil || id(v) == "") {
			t.Fatalf("one succeeded without an identified resource: %+v", v)
		}
		items, _, err := d.many(body)
		if err != nil {
			return
		}
		for _, v := range items {
			if v == nil || id(v) == "" {
				t.Fatalf("many gave an unidentified item")
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
		if msg := e.Error(); len(msg) > 600 {
			t.Fatalf("message of %d bytes", len(msg))
		}
		if status == 404 && !errors.Is(e, ErrResourceNotFound) {
			t.Fatal("404 does not match ErrResourceNotFound")
		}
	})
}
