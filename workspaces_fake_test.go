package tfe_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// Every method of Workspaces and Projects against tfetest in strict mode,
// which refuses an attribute or relationship the API does not know.

func TestWorkspacesAndProjectsOnTheFake(t *testing.T) {
	t.Parallel()
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	poolID := srv.AddAgentPool("acme", tfetest.AgentPool{Name: "on-prem"})
	c := fakeClient(t, srv)
	ctx := context.Background()

	prj, err := c.Projects.Create(ctx, "acme", tfe.ProjectCreateOptions{Name: "payments", Description: tfe.Ptr("money")})
	require.NoError(t, err)
	prj, err = c.Projects.Update(ctx, prj.ID, tfe.ProjectUpdateOptions{Name: tfe.Ptr("billing")})
	require.NoError(t, err)
	read, err := c.Projects.Read(ctx, prj.ID)
	require.NoError(t, err)
	assert.Equal(t, "billing", read.Name)
	assert.Equal(t, "money", read.Description)
	assert.Equal(t, &tfe.Organization{Name: "acme"}, read.Organization)

	ws, err := c.Workspaces.Create(ctx, "acme", tfe.WorkspaceCreateOptions{
		Name: "api", Description: tfe.Ptr("the API"), ExecutionMode: tfe.Ptr(tfe.ExecutionModeAgent), AgentPoolID: tfe.Ptr(poolID),
		TerraformVersion: tfe.Ptr("1.9.4"), AutoApply: tfe.Ptr(true), ProjectID: tfe.Ptr(prj.ID),
		WorkingDirectory: tfe.Ptr("infra"), TagNames: []string{"billing", "prod"},
	})
	require.NoError(t, err)
	assert.Equal(t, tfe.ExecutionModeAgent, ws.ExecutionMode)
	assert.Equal(t, poolID, ws.AgentPoolID)
	assert.Equal(t, prj.ID, ws.Project.ID)
	assert.Equal(t, "infra", ws.WorkingDirectory)
	assert.ElementsMatch(t, []string{"billing", "prod"}, ws.TagNames)

	ws, err = c.Workspaces.Update(ctx, ws.ID, tfe.WorkspaceUpdateOptions{ExecutionMode: tfe.Ptr(tfe.ExecutionModeRemote), AgentPoolID: tfe.Null[string]()})
	require.NoError(t, err)
	assert.Equal(t, tfe.ExecutionModeRemote, ws.ExecutionMode)
	assert.Empty(t, ws.AgentPoolID)
	_, err = c.Workspaces.Update(ctx, ws.ID, tfe.WorkspaceUpdateOptions{ExecutionMode: tfe.Ptr(tfe.ExecutionModeAgent)})
	assert.ErrorIs(t, err, tfe.ErrUnprocessable, "the service wants a pool for agent mode")

	other, err := c.Workspaces.Create(ctx, "acme", tfe.WorkspaceCreateOptions{Name: "web"})
	require.NoError(t, err)
	byName, err := c.Workspaces.Read(ctx, "acme", "web")
	require.NoError(t, err)
	assert.Equal(t, other.ID, byName.ID)

	list, err := c.Workspaces.List(ctx, "acme", &tfe.WorkspaceListOptions{ListOptions: tfe.ListOptions{PageSize: 1}, Search: "API"})
	require.NoError(t, err)
	require.Len(t, list.Items, 1)
	assert.Equal(t, "api", list.Items[0].Name)
	assert.Equal(t, 1, list.TotalCount)
	projects, err := c.Projects.List(ctx, "acme", &tfe.ProjectListOptions{Names: []string{"billing"}})
	require.NoError(t, err)
	require.Len(t, projects.Items, 1)
	assert.Equal(t, 1, projects.Items[0].WorkspaceCount)

	require.ErrorIs(t, c.Projects.Delete(ctx, prj.ID), tfe.ErrConflict, "a project that holds a workspace stays")
	require.NoError(t, c.Workspaces.Delete(ctx, ws.ID))
	require.NoError(t, c.Workspaces.SafeDelete(ctx, other.ID))
	require.NoError(t, c.Projects.Delete(ctx, prj.ID))
	_, err = c.Workspaces.ReadByID(ctx, ws.ID)
	assert.ErrorIs(t, err, tfe.ErrResourceNotFound)
	_, err = c.Projects.Read(ctx, prj.ID)
	assert.ErrorIs(t, err, tfe.ErrResourceNotFound)
}
