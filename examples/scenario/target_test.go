package scenario_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tfe-sdk/tfe/examples/scenario"
	"github.com/tfe-sdk/tfe/tfetest"
)

func TestStartFake(t *testing.T) {
	tgt := scenario.StartFake(tfetest.WithStrictAttributes(), tfetest.WithHCPTerraform())
	defer tgt.Fake.Close()
	assert.Equal(t, "demo-org", tgt.Org)
	assert.Equal(t, "demo-org", tgt.Seeded.Organization)
	assert.NotEmpty(t, tgt.Seeded.RegistryModuleID)
	assert.Empty(t, tgt.Getenv("TFE_ORG"))
	assert.False(t, tgt.Keep)
	_, err := tgt.Client.Organizations.Read(context.Background(), tgt.Org)
	require.NoError(t, err, "the client cannot reach the fake")
	_, err = tgt.Client.Admin.SMTP.Read(context.Background())
	assert.Error(t, err, "the options are the fake's: HCP Terraform has no admin API")
}

func TestRequire(t *testing.T) {
	vars := map[string]string{"TFE_A": "a"}
	tgt := &scenario.Target{Getenv: func(k string) string { return vars[k] }}
	got, err := tgt.Require("TFE_A")
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"TFE_A": "a"}, got)
	_, err = tgt.Require("TFE_X", "TFE_A", "TFE_Y")
	assert.EqualError(t, err, "against a real service set TFE_X, TFE_Y", "every missing one is named")
}

func TestUnique(t *testing.T) {
	fake := &scenario.Target{Fake: &tfetest.Server{}}
	assert.Equal(t, "web", fake.Unique("web"), "the fake starts empty every run")
	service := &scenario.Target{}
	a, b := service.Unique("web"), service.Unique("web")
	assert.Regexp(t, `^web-[0-9a-f]{6}$`, a)
	assert.NotEqual(t, a, b)
}

func TestPlaceholder(t *testing.T) {
	a, b := scenario.Placeholder("AKIA"), scenario.Placeholder("AKIA")
	assert.Regexp(t, regexp.MustCompile(`^AKIA[0-9a-f]{24}$`), a)
	assert.NotEqual(t, a, b)
}
