package tfetest

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDocListsEveryRoute keeps the package doc's route list in step with
// routes.go: each route registered there must appear in doc.go as
// "METHOD path", alone on a line or after a comma. A path under /api/v2/
// is listed relative to it, any other (the upload link, the registry
// protocol) in full.
func TestDocListsEveryRoute(t *testing.T) {
	src, err := os.ReadFile("routes.go")
	require.NoError(t, err)
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	consts := map[string]string{}
	for _, f := range files {
		code, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range regexp.MustCompile(`const (\w+) = "([^"]*)"`).FindAllStringSubmatch(string(code), -1) {
			consts[m[1]] = m[2]
		}
	}
	var listed []string
	for _, line := range strings.Split(string(doc), "\n") {
		line = strings.TrimPrefix(line, "//\t")
		for _, part := range strings.Split(line, ", ") {
			if f := strings.Fields(part); len(f) >= 2 {
				listed = append(listed, f[0]+" "+f[1])
			}
		}
	}
	routes := regexp.MustCompile(`(?:h|mux\.HandleFunc)\("(\w+) "\+(\w+)(?:\+(?:"([^"]*)"|(\w+)))?`).FindAllStringSubmatch(string(src), -1)
	require.NotEmpty(t, routes)
	for _, m := range routes {
		path := m[3]
		if m[4] != "" {
			path = consts[m[4]]
		}
		if m[2] != "v2" {
			require.Contains(t, consts, m[2], "the prefix of %s %s", m[1], path)
			path = consts[m[2]] + path
		}
		assert.True(t, slices.Contains(listed, m[1]+" "+path), "doc.go does not list the route %s %s", m[1], path)
	}
}
