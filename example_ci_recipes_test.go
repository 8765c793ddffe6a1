package tfe_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"maps"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// The README's "CI recipes", each an Example run against tfetest; the
// code between each pair of markers is what the README shows
// (TestREADMECIRecipes checks it is there as it is here). In a pipeline,
// the client comes from tfe.NewClient(nil), which reads TFE_ADDRESS and
// TFE_TOKEN, in place of the fake's.

// CI recipe begins: set variables on a workspace named by the pipeline
func Example_ciSetWorkspaceVariables() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	srv.AddWorkspace("acme", tfetest.Workspace{Name: "prod-app"})
	client, ctx := srv.Client(), context.Background()

	ws, err := client.Workspaces.Read(ctx, "acme", "prod-app") // the name the pipeline knows
	if err != nil {
		log.Fatal(err)
	}
	vars := []tfe.VariableCreateOptions{
		{Key: "image_tag", Value: tfe.Ptr("v1.4.2"), Category: tfe.CategoryTerraform},
		{Key: "TF_LOG", Value: tfe.Ptr("INFO"), Category: tfe.CategoryEnv},
		{Key: "db_password", Value: tfe.Ptr("s3cr3t"), Category: tfe.CategoryTerraform, Sensitive: tfe.Ptr(true)},
	}
	for run := 1; run <= 2; run++ { // a re-run (or one after a crash) converges
		for _, v := range vars {
			r, err := client.Variables.Upsert(ctx, ws.ID, v)
			if err != nil {
				log.Fatal(err)
			}
			fmt.Printf("run %d: %s %s\n", run, v.Key, r.Action)
		}
	}
	// Output:
	// run 1: image_tag created
	// run 1: TF_LOG created
	// run 1: db_password created
	// run 2: image_tag unchanged
	// run 2: TF_LOG unchanged
	// run 2: db_password updated
}

// CI recipe ends

// CI recipe begins: sync a variable set from a map of key → value
func Example_ciSyncVariableSet() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	srv.AddVariableSet("acme", tfetest.VariableSet{Name: "aws", Variables: []tfetest.Variable{
		{Key: "AWS_REGION", Value: "us-east-1", Category: "env"},
		{Key: "AWS_PROFILE", Value: "old", Category: "env"},
	}})
	client, ctx := srv.Client(), context.Background()
	want := map[string]string{"AWS_REGION": "eu-west-1", "AWS_DEFAULT_OUTPUT": "json"}

	set, err := client.VariableSets.ReadByName(ctx, "acme", "aws") // exactly one, or an error
	if err != nil {
		log.Fatal(err)
	}
	for _, key := range slices.Sorted(maps.Keys(want)) {
		r, err := client.VariableSetVariables.Upsert(ctx, set.ID, tfe.VariableSetVariableCreateOptions{
			Key: key, Value: tfe.Ptr(want[key]), Category: tfe.CategoryEnv,
		})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(key, r.Action, r.Changed)
	}
	for v, err := range client.VariableSetVariables.ListIter(ctx, set.ID, nil) {
		if err != nil {
			log.Fatal(err)
		}
		if _, keep := want[v.Key]; !keep && v.Category == tfe.CategoryEnv {
			if err := client.VariableSetVariables.Delete(ctx, set.ID, v.ID); err != nil {
				log.Fatal(err)
			}
			fmt.Println(v.Key, "deleted")
		}
	}
	// Output:
	// AWS_DEFAULT_OUTPUT created []
	// AWS_REGION updated [value]
	// AWS_PROFILE deleted
}

// CI recipe ends

// CI recipe begins: switch an organization's default execution mode to agent and back
func Example_ciSwitchToAgents() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	srv.AddAgentPool("acme", tfetest.AgentPool{Name: "ci-runners"})
	client, ctx := srv.Client(), context.Background()

	// No service wraps agent pools: a raw request finds the pool by name.
	req, err := client.NewRequest("GET", "organizations/acme/agent-pools", url.Values{"q": {"ci-runners"}}, nil)
	if err != nil {
		log.Fatal(err)
	}
	var pools tfe.Document[[]tfe.Resource[struct {
		Name string `json:"name"`
	}]]
	if _, err := client.Do(ctx, req, &pools); err != nil {
		log.Fatal(err)
	}
	var poolIDs []string
	for _, p := range pools.Data {
		if p.Attributes.Name == "ci-runners" {
			poolIDs = append(poolIDs, p.ID)
		}
	}
	if len(poolIDs) != 1 {
		log.Fatalf("%d agent pools named ci-runners", len(poolIDs))
	}

	before, err := client.Organizations.ReadDefaultSettings(ctx, "acme")
	if err != nil {
		log.Fatal(err)
	}
	now, err := client.Organizations.UpdateDefaultSettings(ctx, "acme", tfe.OrganizationDefaultSettingsUpdateOptions{
		DefaultExecutionMode: tfe.Ptr(tfe.ExecutionModeAgent),
		DefaultAgentPoolID:   tfe.NullableOf(poolIDs[0]),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("switched:", now.DefaultExecutionMode, now.DefaultAgentPoolID == poolIDs[0])

	// ... the pipeline's steps run here; then back to what it was:
	back := tfe.OrganizationDefaultSettingsUpdateOptions{DefaultExecutionMode: tfe.Ptr(before.DefaultExecutionMode), DefaultAgentPoolID: tfe.Null[string]()}
	if before.DefaultAgentPoolID != "" {
		back.DefaultAgentPoolID = tfe.NullableOf(before.DefaultAgentPoolID)
	}
	now, err = client.Organizations.UpdateDefaultSettings(ctx, "acme", back)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("back: %s %q\n", now.DefaultExecutionMode, now.DefaultAgentPoolID)
	// Output:
	// switched: agent true
	// back: remote ""
}

// CI recipe ends

// TestREADMECIRecipes checks that the README's "CI recipes" section shows
// each recipe above as it is here.
func TestREADMECIRecipes(t *testing.T) {
	src, err := os.ReadFile("example_ci_recipes_test.go")
	require.NoError(t, err)
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	_, section, found := bytes.Cut(readme, []byte("\n## CI recipes\n"))
	require.True(t, found, "README.md has a CI recipes section")
	parts := strings.Split(string(src), "\n// CI recipe begins: ")[1:]
	require.Len(t, parts, 3)
	for _, part := range parts {
		title, rest, _ := strings.Cut(part, "\n")
		code, _, found := strings.Cut(rest, "\n// CI recipe ends")
		require.True(t, found, title)
		assert.Contains(t, string(section), "### "+strings.ToUpper(title[:1])+title[1:]+"\n", "the recipe's heading")
		assert.Contains(t, string(section), code, "README.md does not show the recipe %q as it is: copy it over", title)
	}
}
