package tfe

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMakefileFuzzesEveryTarget keeps `make fuzz` honest: its FUZZ_TARGETS
// list names exactly the fuzz targets the module's tests define.
func TestMakefileFuzzesEveryTarget(t *testing.T) {
	makefile, err := os.ReadFile("Makefile")
	require.NoError(t, err)
	block := regexp.MustCompile(`(?m)^FUZZ_TARGETS :=((?:.*\\\n)*.*)$`).FindSubmatch(makefile)
	require.NotNil(t, block, "the Makefile has no FUZZ_TARGETS list")
	listed := strings.Fields(strings.ReplaceAll(string(block[1]), `\`, " "))

	fuzzFunc := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(\w+ \*testing\.F\)`)
	var defined []string
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && d.Name() == "testdata":
			return fs.SkipDir
		case !strings.HasSuffix(path, "_test.go"):
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		pkg := "./" + filepath.ToSlash(filepath.Dir(path))
		if pkg == "./." {
			pkg = "."
		}
		for _, m := range fuzzFunc.FindAllSubmatch(src, -1) {
			defined = append(defined, pkg+":"+string(m[1]))
		}
		return nil
	})
	require.NoError(t, err)
	assert.ElementsMatch(t, defined, listed, "FUZZ_TARGETS (the second list) against the fuzz targets the tests define (the first)")
}
