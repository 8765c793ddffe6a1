package tfe_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// A project can own a variable set (Parent): that project's
// administrators manage it, and it applies only within the project. The
// owner does not apply it anywhere: ProjectIDs and WorkspaceIDs do.
func ExampleVariableSets_Create_projectParent() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	payments := srv.AddProject("acme", tfetest.Project{Name: "payments"})
	client, ctx := srv.Client(), context.Background()

	vs, err := client.VariableSets.Create(ctx, "acme", tfe.VariableSetCreateOptions{
		Name:       "payments-db",
		Parent:     &tfe.VariableSetParentOptions{ProjectID: payments},
		ProjectIDs: []string{payments},
		Variables: []tfe.VariableSetVariableCreateOptions{
			{Key: "db_host", Value: tfe.Ptr("db.internal"), Category: tfe.CategoryTerraform},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(vs.Name, "owned by the project:", vs.Parent.Project != nil && vs.Parent.Project.ID == payments)
	fmt.Println("applied to", vs.ProjectCount, "project, with", vs.VarCount, "variable")

	// A set without a Parent belongs to the organization.
	shared, err := client.VariableSets.Create(ctx, "acme", tfe.VariableSetCreateOptions{Name: "shared"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(shared.Name, "owned by organization", shared.Parent.Organization.Name)
	// Output:
	// payments-db owned by the project: true
	// applied to 1 project, with 1 variable
	// shared owned by organization acme
}

// ReadByName finds a set by its exact name: the API's q search matches
// parts of names, ignoring case, and ReadByName keeps the one exact match.
// None matches ErrResourceNotFound; several would be an *AmbiguousError
// (ErrAmbiguous) listing their IDs, rather than a guess.
func ExampleVariableSets_ReadByName() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	for _, name := range []string{"aws", "aws-prod", "AWS-legacy"} {
		srv.AddVariableSet("acme", tfetest.VariableSet{Name: name})
	}
	sets, ctx := srv.Client().VariableSets, context.Background()

	vs, err := sets.ReadByName(ctx, "acme", "aws")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("found", vs.Name)

	for _, name := range []string{"aws-staging", "AWS"} {
		_, err = sets.ReadByName(ctx, "acme", name)
		var ambiguous *tfe.AmbiguousError
		switch {
		case errors.As(err, &ambiguous):
			fmt.Println(name+":", len(ambiguous.IDs), "sets have that name")
		case errors.Is(err, tfe.ErrResourceNotFound):
			fmt.Println(name + ": no such set")
		case err != nil:
			log.Fatal(err)
		}
	}
	// Output:
	// found aws
	// aws-staging: no such set
	// AWS: no such set
}

// UpdateWorkspaces makes a list the whole scope of a set: workspaces left
// out stop getting it, and the set stops being global. The answer
// includes the workspaces, names and all.
func ExampleVariableSets_UpdateWorkspaces() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	web := srv.AddWorkspace("acme", tfetest.Workspace{Name: "web"})
	api := srv.AddWorkspace("acme", tfetest.Workspace{Name: "api"})
	setID := srv.AddVariableSet("acme", tfetest.VariableSet{Name: "common", Global: true})
	sets, ctx := srv.Client().VariableSets, context.Background()

	vs, err := sets.UpdateWorkspaces(ctx, setID, []string{web, api})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("global:", vs.Global)
	for _, ws := range vs.Workspaces {
		fmt.Println("applied to", ws.Name)
	}

	vs, err = sets.UpdateWorkspaces(ctx, setID, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("after an empty list:", len(vs.Workspaces), "workspaces")
	// Output:
	// global: false
	// applied to web
	// applied to api
	// after an empty list: 0 workspaces
}

// Variable sets apply to Terraform Stacks too (HCP Terraform; beta). The
// fake has no VCS to make stacks from, so the test seeds them.
func ExampleVariableSets_ApplyToStacks() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithHCPTerraform(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	blue := srv.AddStack("acme", tfetest.Stack{Name: "blue"})
	green := srv.AddStack("acme", tfetest.Stack{Name: "green"})
	setID := srv.AddVariableSet("acme", tfetest.VariableSet{Name: "stack-creds"})
	sets, ctx := srv.Client().VariableSets, context.Background()

	if err := sets.ApplyToStacks(ctx, setID, []string{blue, green}); err != nil {
		log.Fatal(err)
	}
	if err := sets.RemoveFromStacks(ctx, setID, []string{blue}); err != nil {
		log.Fatal(err)
	}
	vs, err := sets.Read(ctx, setID, &tfe.VariableSetReadOptions{Include: []tfe.VariableSetIncludeOpt{tfe.VariableSetIncludeStacks}})
	if err != nil {
		log.Fatal(err)
	}
	for _, st := range vs.Stacks {
		fmt.Println("applied to stack", st.Name)
	}
	// Output:
	// applied to stack green
}
