package scenario_test

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/examples/scenario"
)

// addRegion is a scenario of two steps: it gives a workspace the variable
// region, lists the workspace's variables, and deletes the variable again
// at the end, unless TFE_KEEP is set.
func addRegion(ctx context.Context, t *scenario.Target, out io.Writer) (err error) {
	workspace := t.Seeded.WorkspaceID
	if t.Fake == nil {
		settings, err := t.Require("MY_WORKSPACE_ID")
		if err != nil {
			return err
		}
		workspace = settings["MY_WORKSPACE_ID"]
	}
	steps := scenario.NewSteps(out, 2)
	cleanup := scenario.NewCleanup(out, t.Keep)
	defer cleanup.Finish(ctx, &err)

	steps.Begin("add the variable region")
	v, err := t.Client.Variables.Create(ctx, workspace, tfe.VariableCreateOptions{
		Key: "region", Value: tfe.Ptr("eu-west-1"), Category: tfe.CategoryTerraform,
	})
	if err != nil {
		return steps.Fail(err)
	}
	cleanup.Add("delete the variable region", scenario.UndoDelete("workspaces/"+workspace+"/vars/"+v.ID),
		func(ctx context.Context) error { return t.Client.Variables.Delete(ctx, workspace, v.ID) })
	steps.Done("%s=%s", v.Key, v.Value)

	steps.Begin("list the variables")
	list, err := t.Client.Variables.List(ctx, workspace, nil)
	if err != nil {
		return steps.Fail(err)
	}
	steps.Done("%d", len(list.Items))
	return nil
}

// A program's main is scenario.Main("add-region", addRegion); here Run
// runs it with no settings, so against the embedded fake.
func Example() {
	noSettings := func(string) string { return "" }
	code := scenario.Run(context.Background(), "add-region", addRegion, noSettings, os.Stdout, os.Stdout)
	fmt.Println("exit code", code)
	// Output:
	// No TFE_ADDRESS/TFE_TOKEN: running against the embedded fake API (tfetest).
	// ✓ 1/2 add the variable region: region=eu-west-1
	// ✓ 2/2 list the variables: 1
	//   cleanup: delete the variable region
	// exit code 0
}
