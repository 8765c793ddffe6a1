// Package examples_test checks what the example programs promise a reader
// who copies one: that it builds on its own, with no package but those of
// the module github.com/tfe-sdk/tfe a user can import (tfe, tfetest,
// examples/scenario), and that the README's install program builds and is
// formatted.
package examples_test

import (
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// examples lists the example directories: those with a main.go.
func examples(t *testing.T) []string {
	t.Helper()
	mains, err := filepath.Glob("*/main.go")
	require.NoError(t, err)
	require.NotEmpty(t, mains)
	dirs := make([]string, len(mains))
	for i, m := range mains {
		dirs[i] = filepath.Dir(m)
	}
	return dirs
}

// Each example, its non-test files copied alone into a new module that
// requires this one, builds: it imports nothing a user cannot.
func TestExamplesBuildOnTheirOwn(t *testing.T) {
	for _, dir := range examples(t) {
		t.Run(dir, func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join(dir, "*.go"))
			require.NoError(t, err)
			copied := map[string][]byte{}
			for _, f := range files {
				if strings.HasSuffix(f, "_test.go") {
					continue
				}
				src, err := os.ReadFile(f)
				require.NoError(t, err)
				assert.NotContains(t, string(src), "examples/internal", "%s imports what a copy cannot", f)
				copied[filepath.Base(f)] = src
			}
			goBuild(t, copied)
		})
	}
}

// The README's install program is a whole program that vets, builds and
// is gofmt-formatted.
func TestREADMEInstallProgram(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	_, install, ok := strings.Cut(string(readme), "\n## Install\n")
	require.True(t, ok, "README.md has no Install section")
	m := regexp.MustCompile("(?s)```go\n(.*?)```").FindStringSubmatch(install)
	require.NotNil(t, m, "the Install section has no Go block")
	src := []byte(m[1])
	formatted, err := format.Source(src)
	require.NoError(t, err)
	assert.Equal(t, string(formatted), string(src), "the install program is not gofmt-formatted")
	goBuild(t, map[string][]byte{"main.go": src})
}

// goBuild writes files into a new module that requires this repository's
// module through a replace directive and runs go vet and go build there,
// offline: every module it needs is this one's, so already in the module
// cache.
func goBuild(t *testing.T, files map[string][]byte) {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	require.NoError(t, err)
	dir := t.TempDir()
	files["go.mod"] = []byte("module example.com/copied\n\ngo 1.26.0\n\nrequire github.com/tfe-sdk/tfe v0.0.0\n\nreplace github.com/tfe-sdk/tfe => " + root + "\n")
	files["go.sum"] = sum
	for name, src := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), src, 0o644))
	}
	for _, args := range [][]string{{"vet", "."}, {"build", "-o", os.DevNull, "."}} {
		cmd := exec.Command(gobin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %s in a copy:\n%s", strings.Join(args, " "), out)
	}
}
