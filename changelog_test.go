package tfe_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tfe-sdk/tfe"
)

// The latest entry of CHANGELOG.md is the version the SDK reports.
func TestChangelogLatestEntryIsVersion(t *testing.T) {
	changelog, err := os.ReadFile("CHANGELOG.md")
	require.NoError(t, err)
	entry := regexp.MustCompile(`(?m)^## \[([^\]]+)\]`).FindAllStringSubmatch(string(changelog), -1)
	require.NotEmpty(t, entry, "CHANGELOG.md has no entry")
	latest := entry[0][1]
	if latest == "Unreleased" {
		require.Greater(t, len(entry), 1, "CHANGELOG.md has only an Unreleased entry")
		latest = entry[1][1]
	}
	assert.Equal(t, tfe.Version, latest, "the latest CHANGELOG.md entry")
	assert.Contains(t, string(changelog), "\n["+latest+"]: ", "the entry's link")
}

// The license is the MPL-2.0, in full.
func TestLicenseIsMPL2(t *testing.T) {
	license, err := os.ReadFile("LICENSE")
	require.NoError(t, err)
	assert.Regexp(t, `^Mozilla Public License Version 2\.0\n`, string(license))
	assert.Contains(t, string(license), `Exhibit B - "Incompatible With Secondary Licenses" Notice`)
}
