package tfe

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// includeVariableOptions is the query of every no-code module read.
var includeVariableOptions = url.Values{"include": {"variable_options"}}

// docsVariableOptions are the two option sets of the documented samples.
func docsVariableOptions(withIDs bool) []*NoCodeVariableOption {
	opts := []*NoCodeVariableOption{
		{VariableName: "Linux AMIs", VariableType: "array", Options: []string{"Xenial Xerus", "Trusty Tahr"}},
		{VariableName: "region", VariableType: "array", Options: []string{"eu-north-1", "us-east-2", "us-west-1"}},
	}
	if withIDs {
		opts[0].ID, opts[1].ID = "ncvaropt-fcHDfnZ1EGdRzFNC", "ncvaropt-dZMfdh9KBcwFjyv2"
	}
	return opts
}

// assertDocsNoCodeModule checks the no-code module of the documented
// samples.
func assertDocsNoCodeModule(t *testing.T, m *NoCodeModule) {
	t.Helper()
	assert.Equal(t, "nocode-9HE91XDNY3faePn2", m.ID)
	assert.True(t, m.Enabled, "enabled")
	assert.Equal(t, "1.0.1", m.VersionPin)
	if assert.NotNil(t, m.Organization, "organization") {
		assert.Equal(t, "my-organization", m.Organization.Name)
	}
	if assert.NotNil(t, m.RegistryModule, "registry module") {
		assert.Equal(t, "mod-2aaFrmRPZs2N9epr", m.RegistryModule.ID)
	}
	if assert.Len(t, m.VariableOptions, 2, "variable options") {
		assert.Equal(t, "ncvaropt-fcHDfnZ1EGdRzFNC", m.VariableOptions[0].ID)
	}
}

func TestNoCodeModulesCreate(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "POST", path: "/organizations/my-organization/no-code-modules",
		golden: "no_code_modules/create.request.json",
		status: 200, fixture: "no_code_modules/create.response.json",
	})

	m, err := ts.client.NoCodeModules.Create(context.Background(), "my-organization", NoCodeModuleCreateOptions{
		RegistryModuleID: "mod-2aaFrmRPZs2N9epr",
		Enabled:          Ptr(true),
		VersionPin:       Ptr("1.0.1"),
		VariableOptions:  docsVariableOptions(false),
	})
	require.NoError(t, err)
	assertDocsNoCodeModule(t, m)
	require.NotEmpty(t, m.VariableOptions)
	assert.Empty(t, m.VariableOptions[0].VariableName, "want an ID-only stub (the answer does not include the option)")
}

func TestNoCodeModulesRead(t *testing.T) {
	t.Parallel()
	for name, opts := range map[string]*NoCodeModuleReadOptions{
		"nil options":   nil,
		"empty include": {},
		"explicit":      {Include: []NoCodeModuleIncludeOpt{NoCodeIncludeVariableOptions}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ts := setup(t)
			ts.expect(exchange{method: "GET", path: "/no-code-modules/nocode-9HE91XDNY3faePn2",
				query:  includeVariableOptions,
				status: 200, fixture: "no_code_modules/read.response.json",
			})

			m, err := ts.client.NoCodeModules.Read(context.Background(), "nocode-9HE91XDNY3faePn2", opts)
			require.NoError(t, err)
			assertDocsNoCodeModule(t, m)
			assert.Equal(t, docsVariableOptions(true), m.VariableOptions, "variable options")
		})
	}
}

func TestNoCodeModulesUpdate(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "PATCH", path: "/no-code-modules/nocode-9HE91XDNY3faePn2",
		golden: "no_code_modules/update.request.json",
		status: 200, fixture: "no_code_modules/update.response.json",
	})

	m, err := ts.client.NoCodeModules.Update(context.Background(), "nocode-9HE91XDNY3faePn2", NoCodeModuleUpdateOptions{
		RegistryModuleID: Ptr("mod-zyai9dwH4VPPaVuC"),
		Enabled:          Ptr(false),
		VariableOptions:  docsVariableOptions(true),
	})
	require.NoError(t, err)
	assertDocsNoCodeModule(t, m)
	assert.Equal(t, 1, ts.count(), "requests: no read with the registry module given")
}

func TestNoCodeModulesUpdateReadsRegistryModuleFirst(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	var order []string
	read := ts.handlerOf(exchange{method: "GET", query: includeVariableOptions, status: 200, fixture: "no_code_modules/read.response.json"})
	patch := ts.handlerOf(exchange{method: "PATCH", golden: "no_code_modules/update_read_first.request.json", status: 200, fixture: "no_code_modules/update.response.json"})
	ts.expect(exchange{method: "GET", path: "/no-code-modules/nocode-9HE91XDNY3faePn2", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		order = append(order, "GET")
		read(w, r)
	}})
	ts.expect(exchange{method: "PATCH", path: "/no-code-modules/nocode-9HE91XDNY3faePn2", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		order = append(order, "PATCH")
		patch(w, r)
	}})

	_, err := ts.client.NoCodeModules.Update(context.Background(), "nocode-9HE91XDNY3faePn2", NoCodeModuleUpdateOptions{
		VersionPin: Ptr("1.5.0"),
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"GET", "PATCH"}, order, "requests: want the read before the update")
}

func TestNoCodeModulesUpdateClearsVariableOptions(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "PATCH", path: "/no-code-modules/nocode-9HE91XDNY3faePn2",
		golden: "no_code_modules/update_clear_options.request.json",
		status: 200, fixture: "no_code_modules/update.response.json",
	})

	_, err := ts.client.NoCodeModules.Update(context.Background(), "nocode-9HE91XDNY3faePn2", NoCodeModuleUpdateOptions{
		RegistryModuleID: Ptr("mod-2aaFrmRPZs2N9epr"),
		VariableOptions:  []*NoCodeVariableOption{},
	})
	require.NoError(t, err)
}

func TestNoCodeModulesUpdateReadFails(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/no-code-modules/nocode-gone", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		respond(w, 404, `{"errors":[{"status":"404","title":"not found"}]}`)
	}})
	_, err := ts.client.NoCodeModules.Update(context.Background(), "nocode-gone", NoCodeModuleUpdateOptions{Enabled: Ptr(true)})
	assert.ErrorIs(t, err, ErrResourceNotFound)
	assert.Equal(t, 1, ts.count(), "requests: want only the failed read")
}

func TestNoCodeModulesUpdateWithoutRegistryModuleInAnswer(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/no-code-modules/nocode-1", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		respond(w, 200, `{"data":{"id":"nocode-1","type":"no-code-modules","attributes":{"enabled":true}}}`)
	}})
	_, err := ts.client.NoCodeModules.Update(context.Background(), "nocode-1", NoCodeModuleUpdateOptions{Enabled: Ptr(false)})
	assert.Error(t, err)
	assert.Equal(t, 1, ts.count(), "requests: want the read and no PATCH")
}

func TestNoCodeModulesDelete(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "DELETE", path: "/no-code-modules/nocode-9HE91XDNY3faePn2", status: 204})

	require.NoError(t, ts.client.NoCodeModules.Delete(context.Background(), "nocode-9HE91XDNY3faePn2"))
	assert.Equal(t, 1, ts.count(), "requests")
}

func TestNoCodeModulesReadVariables(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/no-code-modules/nocode-9HE91XDNY3faePn2/versions/1.4.0/module-variables",
		status: 200, fixture: "no_code_modules/module_variables.response.json",
	})

	vars, err := ts.client.NoCodeModules.ReadVariables(context.Background(), "nocode-9HE91XDNY3faePn2", "1.4.0")
	require.NoError(t, err)
	want := []*RegistryModuleVariable{
		{Name: "region", Type: "string", Description: "The AWS region to deploy into.", Required: true, Options: []string{}},
		{Name: "instance_size", Type: "string", Default: "small", Options: []string{"small", "medium", "large"}},
	}
	assert.Equal(t, want, vars)
}

func TestNoCodeModulesValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	const id = "nocode-1"
	create := func(o NoCodeModuleCreateOptions) func(_ context.Context, c *Client) error {
		return func(_ context.Context, c *Client) error { _, err := c.NoCodeModules.Create(ctx, "org", o); return err }
	}
	update := func(id string, o NoCodeModuleUpdateOptions) func(_ context.Context, c *Client) error {
		return func(_ context.Context, c *Client) error { _, err := c.NoCodeModules.Update(ctx, id, o); return err }
	}
	runInvalidCalls(t, []invalidCall{
		{"create bad org", ErrInvalidOrg, func(_ context.Context, c *Client) error {
			_, err := c.NoCodeModules.Create(ctx, "a b", NoCodeModuleCreateOptions{RegistryModuleID: "mod-1"})
			return err
		}},
		{"create without registry module", ErrInvalidRegistryModuleID, create(NoCodeModuleCreateOptions{})},
		{"create option without name", ErrRequiredName, create(NoCodeModuleCreateOptions{
			RegistryModuleID: "mod-1", VariableOptions: []*NoCodeVariableOption{{VariableType: "string"}},
		})},
		{"create nil option", ErrRequiredName, create(NoCodeModuleCreateOptions{
			RegistryModuleID: "mod-1", VariableOptions: []*NoCodeVariableOption{nil},
		})},
		{"read bad id", ErrInvalidNoCodeModuleID, func(_ context.Context, c *Client) error {
			_, err := c.NoCodeModules.Read(ctx, "", nil)
			return err
		}},
		{"update bad id", ErrInvalidNoCodeModuleID, update("no/code", NoCodeModuleUpdateOptions{Enabled: Ptr(true)})},
		{"update nothing", ErrNothingToUpdate, update(id, NoCodeModuleUpdateOptions{})},
		{"update bad registry module", ErrInvalidRegistryModuleID, update(id, NoCodeModuleUpdateOptions{RegistryModuleID: Ptr("")})},
		{"update option without name", ErrRequiredName, update(id, NoCodeModuleUpdateOptions{
			VariableOptions: []*NoCodeVariableOption{{Options: []string{"a"}}},
		})},
		{"delete bad id", ErrInvalidNoCodeModuleID, func(_ context.Context, c *Client) error { return c.NoCodeModules.Delete(ctx, "..") }},
		{"variables bad id", ErrInvalidNoCodeModuleID, func(_ context.Context, c *Client) error {
			_, err := c.NoCodeModules.ReadVariables(ctx, "no#de", "1.0.0")
			return err
		}},
		{"variables empty version", ErrInvalidVersion, func(_ context.Context, c *Client) error {
			_, err := c.NoCodeModules.ReadVariables(ctx, id, "")
			return err
		}},
		{"variables version with slash", ErrInvalidVersion, func(_ context.Context, c *Client) error {
			_, err := c.NoCodeModules.ReadVariables(ctx, id, "1.0/../x")
			return err
		}},
	})
}
