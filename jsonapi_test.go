package tfe

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// marshal encodes v as the request path does.
func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestRequestDocumentsLeaveOutWhatIsNotSet(t *testing.T) {
	type attrs struct {
		Email   *string          `json:"email,omitempty"`
		Name    *string          `json:"name,omitempty"`
		Cleared Nullable[string] `json:"cleared,omitzero"`
		Unset   Nullable[string] `json:"unset,omitzero"`
		Set     Nullable[string] `json:"set,omitzero"`
	}
	type links struct {
		Pool       *toOne  `json:"default-agent-pool,omitempty"`
		Project    *toOne  `json:"project,omitempty"`
		Workspaces *toMany `json:"workspaces,omitempty"`
		None       *toMany `json:"none,omitempty"`
	}
	doc := newDocumentWith("organizations", attrs{Email: Ptr("a@b.c"), Cleared: Null[string](), Set: NullableOf("v")}, links{
		Pool: oneRef("agent-pools", ""), Project: oneRef("projects", "prj-1"), Workspaces: manyRefs("workspaces", []string{"ws-1"}), None: manyRefs("x", nil),
	})
	assert.JSONEq(t, `{"data":{"type":"organizations","attributes":{"email":"a@b.c","cleared":null,"set":"v"},
	  "relationships":{"default-agent-pool":{"data":null},"project":{"data":{"type":"projects","id":"prj-1"}},"workspaces":{"data":[{"type":"workspaces","id":"ws-1"}]}}}}`,
		marshal(t, doc))

	assert.JSONEq(t, `{"data":{"type":"workspaces"}}`, marshal(t, newDocument("workspaces", noAttributes{})))
	assert.JSONEq(t, `{"data":[{"type":"projects","id":"prj-1"},{"type":"projects","id":"prj-2"}]}`, marshal(t, manyRefs("projects", []string{"prj-1", "prj-2"})))
}

func TestInlineRelationshipMembersCarryAttributes(t *testing.T) {
	type option struct {
		Name string `json:"name"`
		ID   string `json:"-"`
	}
	members := inline("options", []option{{Name: "a", ID: "o-1"}, {Name: "b"}}, func(o option) string { return o.ID })
	assert.JSONEq(t, `{"data":[{"type":"options","id":"o-1","attributes":{"name":"a"}},{"type":"options","attributes":{"name":"b"}}]}`, marshal(t, members))
	assert.Nil(t, inline[option]("options", nil, nil), "no members leaves the relationship out")
	assert.JSONEq(t, `{"data":[]}`, marshal(t, inline("options", []option{}, nil)), "an empty list clears it")
}
