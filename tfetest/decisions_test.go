package tfetest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Where the docs and go-tfe disagree (see the package doc).

func TestNoCodeIncludeBothSpellings(t *testing.T) {
	_, a, _, nc := noCodeFixture(t)
	for _, inc := range []string{"variable_options", "variable-options"} {
		read := a.do("GET", "no-code-modules/"+nc+"?include="+inc, nil).want(http.StatusOK)
		assert.Equal(t, "variable-options", read.str("included", 0, "type"), inc)
	}
	a.do("GET", "no-code-modules/"+nc+"?include=variable-option", nil).wantError(http.StatusBadRequest, "")
}

func TestNoCodeEnabledDefaultsToFalse(t *testing.T) {
	srv, a := newAPI(t)
	d := srv.SeedDemo("acme")
	created := a.do("POST", "organizations/acme/no-code-modules", res("no-code-modules", map[string]any{},
		map[string]any{"registry-module": rel(id("registry-modules", d.RegistryModuleID))})).want(http.StatusOK)
	assert.Equal(t, false, created.get("data", "attributes", "enabled"), "the docs' default")
}
