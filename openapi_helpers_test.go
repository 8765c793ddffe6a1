package tfe

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tfe-sdk/tfe/internal/openapi"
)

// The harness of the checks against the OpenAPI description: the spec,
// the testdata documents, and the tables that map each document of an
// area to its operation (variables_openapi_test.go,
// workspaces_openapi_test.go).

// loadSpec loads the committed subset of the official OpenAPI document.
func loadSpec(t *testing.T) *openapi.Spec {
	t.Helper()
	spec, err := openapi.Load(filepath.Join("testdata", "openapi", "tfe-subset.json"))
	require.NoError(t, err, "loading the OpenAPI subset")
	return spec
}

// readTestdata returns testdata/<name>.
func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err, "reading testdata/%s", name)
	return b
}

// specOperation is the operation a testdata JSON document belongs to: a
// golden request body (status 0), which the method tests prove the SDK
// sends, or an answer fixture with the status the spec gives the answer.
type specOperation struct {
	method, path string
	status       int
}

// checkBodiesMatchTheSpec validates every document of bodies against its
// operation's request schema, or its response schema for the status.
func checkBodiesMatchTheSpec(t *testing.T, bodies map[string]specOperation) {
	t.Helper()
	spec := loadSpec(t)
	for name, op := range bodies {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			body := readTestdata(t, name)
			var err error
			if op.status == 0 {
				err = spec.ValidateRequest(op.method, op.path, body)
			} else {
				err = spec.ValidateResponse(op.method, op.path, op.status, body)
			}
			assert.NoError(t, err, "%s %s", op.method, op.path)
		})
	}
}

// checkBodiesAreAllListed fails when a JSON document of the testdata
// directories dirs is missing from bodies, the table named table.
func checkBodiesAreAllListed(t *testing.T, bodies map[string]specOperation, table string, dirs ...string) {
	t.Helper()
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join("testdata", dir, "*.json"))
		require.NoError(t, err)
		require.NotEmpty(t, files)
		for _, f := range files {
			assert.Contains(t, bodies, dir+"/"+filepath.Base(f), "%s is not validated against the spec: add it to %s", f, table)
		}
	}
}
