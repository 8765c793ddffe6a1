package tfetest

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDocListsEveryRoute keeps the package doc's route list in step with
// routes.go: each route registered there must appear in doc.go as
// "METHOD path" (relative to /api/v2/), alone on a line or after a comma.
func TestDocListsEveryRoute(t *testing.T) {
	src, err := os.ReadFile("routes.go")
	require.NoError(t, err)
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	consts := map[string]string{}
	for _, m := range regexp.MustCompile(`const (\w+) = "([^"]*)"`).FindAllStringSubmatch(string(src), -1) {
		consts[m[1]] = m[2]
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
	routes := regexp.MustCompile(`(?:h|mux\.HandleFunc)\("(\w+) "\+v2\+(?:"([^"]*)"|(\w+))`).FindAllStringSubmatch(string(src), -1)
	require.NotEmpty(t, routes)
	for _, m := range routes {
		path := m[2]
		if m[3] != "" {
			path = consts[m[3]]
		}
		assert.Contains(t, listed, m[1]+" "+path, "doc.go does not list the route %s %s", m[1], path)
	}
}
