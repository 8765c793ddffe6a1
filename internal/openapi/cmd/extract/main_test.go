package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sourceEnv names the full OpenAPI document for TestCommittedSubsetIsCurrent.
const sourceEnv = "TFE_OPENAPI_SOURCE"

// TestBuildSubsetCopiesReferenceClosure checks that only the chosen paths
// and the components they reach, directly or through other components,
// are copied.
func TestBuildSubsetCopiesReferenceClosure(t *testing.T) {
	var src source
	require.NoError(t, json.Unmarshal([]byte(`{
	  "openapi": "3.0.0", "info": {"title": "t"},
	  "paths": {
	    "/a": {"get": {"responses": {"200": {"$ref": "#/components/responses/ok"}}}},
	    "/b": {"get": {"parameters": [{"$ref": "#/components/parameters/unused"}]}}
	  },
	  "components": {
	    "responses": {"ok": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/x~1y"}}}}},
	    "schemas": {"x/y": {"properties": {"self": {"$ref": "#/components/schemas/x~1y"}, "z": {"$ref": "#/components/schemas/z"}}},
	                "z": {"type": "string"}, "unrelated": {}},
	    "parameters": {"unused": {}}
	  }}`), &src))

	doc, err := buildSubset(src, []string{"/a"}, "full.json")
	require.NoError(t, err)

	assert.Equal(t, extractionNote{Source: "full.json", Paths: []string{"/a"}}, doc.ExtractedFrom)
	assert.Equal(t, []string{"/a"}, keys(doc.Paths))
	assert.Equal(t, []string{"ok"}, keys(doc.Components["responses"]))
	assert.Equal(t, []string{"x/y", "z"}, keys(doc.Components["schemas"]))
	assert.NotContains(t, doc.Components, "parameters")
}

// TestBuildSubsetRejectsBadReferences checks the errors for references
// that are missing, external or not one component.
func TestBuildSubsetRejectsBadReferences(t *testing.T) {
	for ref, want := range map[string]string{
		"#/components/schemas/missing": "does not resolve",
		"other.json#/components/x/y":   "is not under #/components/",
		"#/components/schemas":         "does not name one component",
	} {
		src := source{Paths: map[string]json.RawMessage{"/a": json.RawMessage(`{"$ref":"` + ref + `"}`)}}
		_, err := buildSubset(src, []string{"/a"}, "full.json")
		assert.ErrorContains(t, err, want, ref)
	}
}

// TestSelectPathsRequiresWantedPaths checks that a missing wanted path is
// an error rather than a silently smaller subset.
func TestSelectPathsRequiresWantedPaths(t *testing.T) {
	_, err := selectPaths(map[string]json.RawMessage{"/organizations": nil})
	assert.ErrorContains(t, err, "not in the document")
}

// TestCommittedSubsetIsCurrent regenerates the subset from the full
// document named by $TFE_OPENAPI_SOURCE and compares it with the
// committed file.
func TestCommittedSubsetIsCurrent(t *testing.T) {
	in := os.Getenv(sourceEnv)
	if in == "" {
		t.Skip("set " + sourceEnv + " to the full OpenAPI document to run")
	}
	out := filepath.Join(t.TempDir(), "subset.json")
	require.NoError(t, run(in, out))
	regenerated, err := os.ReadFile(out)
	require.NoError(t, err)
	committed, err := os.ReadFile("../../../../testdata/openapi/tfe-subset.json")
	require.NoError(t, err)
	assert.True(t, bytes.Equal(committed, regenerated), "testdata/openapi/tfe-subset.json is stale")
}

// keys returns the sorted keys of m.
func keys[V any](m map[string]V) []string {
	var names []string
	for name := range m {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
