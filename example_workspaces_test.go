package tfe_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// A pipeline knows names; Read turns "organization / workspace" into the
// workspace and its ID, which every other method takes.
func ExampleWorkspaces_Read() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	wsID := srv.AddWorkspace("acme", tfetest.Workspace{Name: "prod-app", TerraformVersion: "1.9.4"})
	client, ctx := srv.Client(), context.Background()

	ws, err := client.Workspaces.Read(ctx, "acme", "prod-app")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ws.Name, ws.TerraformVersion, ws.ID == wsID)

	_, err = client.Workspaces.Read(ctx, "acme", "no-such-app")
	fmt.Println(errors.Is(err, tfe.ErrResourceNotFound))
	// Output:
	// prod-app 1.9.4 true
	// true
}

// Create puts a workspace in a project, on agents, with tags; List finds
// workspaces by tag, by wildcard name and by project.
func ExampleWorkspaces_Create() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	poolID := srv.AddAgentPool("acme", tfetest.AgentPool{Name: "on-prem"})
	prjID := srv.AddProject("acme", tfetest.Project{Name: "payments"})
	client, ctx := srv.Client(), context.Background()

	for _, name := range []string{"prod-api", "prod-db", "staging-api"} {
		_, err := client.Workspaces.Create(ctx, "acme", tfe.WorkspaceCreateOptions{
			Name:          name,
			ExecutionMode: tfe.Ptr(tfe.ExecutionModeAgent),
			AgentPoolID:   tfe.Ptr(poolID),
			ProjectID:     tfe.Ptr(prjID),
			TagNames:      []string{"payments", name[:len(name)-4]},
		})
		if err != nil {
			log.Fatal(err)
		}
	}
	_, err := client.Workspaces.Create(ctx, "acme", tfe.WorkspaceCreateOptions{Name: "web", ExecutionMode: tfe.Ptr(tfe.ExecutionModeAgent)})
	fmt.Println("agent without a pool:", errors.Is(err, tfe.ErrRequiredAgentPoolID))

	opts := &tfe.WorkspaceListOptions{
		WildcardName: "*-api",
		Tags:         []string{"payments"},
		ExcludeTags:  []string{"staging"},
		ProjectID:    prjID,
		Include:      []tfe.WorkspaceIncludeOpt{tfe.WorkspaceIncludeProject},
	}
	for ws, err := range client.Workspaces.ListIter(ctx, "acme", opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(ws.Name, ws.ExecutionMode, ws.AgentPoolID == poolID, ws.Project.Name)
	}
	// Output:
	// agent without a pool: true
	// prod-api agent true payments
}

// Update changes what it sets; SafeDelete refuses to delete a workspace
// that still manages resources (ErrConflict), Delete does not ask.
func ExampleWorkspaces_Update() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	wsID := srv.AddWorkspace("acme", tfetest.Workspace{Name: "prod-app"})
	client, ctx := srv.Client(), context.Background()

	ws, err := client.Workspaces.Update(ctx, wsID, tfe.WorkspaceUpdateOptions{
		AutoApply:        tfe.Ptr(true),
		TerraformVersion: tfe.Ptr("~> 1.9.0"),
		WorkingDirectory: tfe.Ptr("infra"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ws.AutoApply, ws.TerraformVersion, ws.WorkingDirectory)

	if err := client.Workspaces.SafeDelete(ctx, wsID); err != nil {
		log.Fatal(err)
	}
	_, err = client.Workspaces.ReadByID(ctx, wsID)
	fmt.Println("gone:", errors.Is(err, tfe.ErrResourceNotFound))
	// Output:
	// true ~> 1.9.0 infra
	// gone: true
}

// The name filter turns project names into projects (and their IDs).
func ExampleProjects_List() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	client, ctx := srv.Client(), context.Background()
	for _, name := range []string{"payments", "platform", "search"} {
		if _, err := client.Projects.Create(ctx, "acme", tfe.ProjectCreateOptions{Name: name}); err != nil {
			log.Fatal(err)
		}
	}

	list, err := client.Projects.List(ctx, "acme", &tfe.ProjectListOptions{Names: []string{"platform", "search"}})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range list.Items {
		fmt.Println(p.Name, p.Organization.Name)
	}
	fmt.Println("total:", list.TotalCount)
	// Output:
	// platform acme
	// search acme
	// total: 2
}
