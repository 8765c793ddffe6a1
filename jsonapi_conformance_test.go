package tfe

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/jsonapi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The SDK writes its request documents with encoding/json (CONTRIBUTING.md
// says why). Here an independent JSON:API implementation, google/jsonapi,
// reads the golden request files back into structs tagged the way it is
// designed to be used: what it reads is what the SDK meant to send.

type conformanceVar struct {
	ID        string `jsonapi:"primary,vars"`
	Key       string `jsonapi:"attr,key"`
	Value     string `jsonapi:"attr,value"`
	Category  string `jsonapi:"attr,category"`
	Sensitive bool   `jsonapi:"attr,sensitive"`
}

type conformanceWorkspace struct {
	ID string `jsonapi:"primary,workspaces"`
}

type conformanceVarset struct {
	ID         string                  `jsonapi:"primary,varsets"`
	Name       string                  `jsonapi:"attr,name"`
	Global     bool                    `jsonapi:"attr,global"`
	Workspaces []*conformanceWorkspace `jsonapi:"relation,workspaces"`
	Vars       []*conformanceVar       `jsonapi:"relation,vars"`
}

type conformanceAgentPool struct {
	ID string `jsonapi:"primary,agent-pools"`
}

type conformanceOrganization struct {
	ID               string                `jsonapi:"primary,organizations"`
	Email            string                `jsonapi:"attr,email"`
	ExecutionMode    string                `jsonapi:"attr,default-execution-mode"`
	DefaultAgentPool *conformanceAgentPool `jsonapi:"relation,default-agent-pool"`
}

type conformanceModule struct {
	ID string `jsonapi:"primary,registry-module"`
}

type conformanceOption struct {
	ID           string   `jsonapi:"primary,variable-options"`
	VariableName string   `jsonapi:"attr,variable-name"`
	Options      []string `jsonapi:"attr,options"`
}

type conformanceNoCodeModule struct {
	ID              string               `jsonapi:"primary,no-code-modules"`
	VersionPin      string               `jsonapi:"attr,version-pin"`
	Enabled         bool                 `jsonapi:"attr,enabled"`
	RegistryModule  *conformanceModule   `jsonapi:"relation,registry-module"`
	VariableOptions []*conformanceOption `jsonapi:"relation,variable-options"`
}

// readGolden reads the golden request file name into v with google/jsonapi.
func readGolden(t *testing.T, name string, v any) {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	require.NoError(t, jsonapi.UnmarshalPayload(bytes.NewReader(body), v), name)
}

func TestGoogleJSONAPIReadsTheRequestDocuments(t *testing.T) {
	var v conformanceVar
	readGolden(t, "workspace_variables/create_sensitive.request.json", &v)
	assert.Equal(t, "terraform", v.Category)
	assert.True(t, v.Sensitive)

	var set conformanceVarset
	readGolden(t, "variable_sets/create.request.json", &set)
	assert.Equal(t, "MyVarset", set.Name)
	require.Len(t, set.Workspaces, 1)
	assert.Equal(t, "ws-z6YvbWEYoE168kpq", set.Workspaces[0].ID)
	require.Len(t, set.Vars, 1, "the inline variables")
	assert.Equal(t, "c2e4612d993c18e42ef30405ea7d0e9ae", set.Vars[0].Key)
	assert.Equal(t, "terraform", set.Vars[0].Category)

	var org conformanceOrganization
	readGolden(t, "organizations/default-settings-set-pool.request.json", &org)
	assert.Equal(t, "agent", org.ExecutionMode)
	require.NotNil(t, org.DefaultAgentPool)
	assert.NotEmpty(t, org.DefaultAgentPool.ID)
	var cleared conformanceOrganization
	readGolden(t, "organizations/default-settings-clear-pool.request.json", &cleared)
	assert.Nil(t, cleared.DefaultAgentPool, "{\"data\": null} clears the pool")

	var m conformanceNoCodeModule
	readGolden(t, "no_code_modules/create.request.json", &m)
	assert.Equal(t, "1.0.1", m.VersionPin)
	require.NotNil(t, m.RegistryModule)
	assert.Equal(t, "mod-2aaFrmRPZs2N9epr", m.RegistryModule.ID)
	require.Len(t, m.VariableOptions, 2)
	assert.Equal(t, []string{"eu-north-1", "us-east-2", "us-west-1"}, m.VariableOptions[1].Options)
}
