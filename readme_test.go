package tfe_test

import (
	"bytes"
	"context"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// The code between the markers is the README's "Testing your code with
// tfetest" sample; TestREADMESample checks that the README shows it as it
// is here, so the sample compiles and passes. The sample uses the testing
// package alone, as a reader's own tests may.

// README sample begins
// EnsureRegion sets the workspace's Terraform variable region, creating it
// when it is missing.
func EnsureRegion(ctx context.Context, vars tfe.Variables, workspaceID, region string) error {
	list, err := vars.List(ctx, workspaceID, nil)
	if err != nil {
		return err
	}
	for _, v := range list.Items {
		if v.Key == "region" && v.Category == tfe.CategoryTerraform {
			_, err := vars.Update(ctx, workspaceID, v.ID, tfe.VariableUpdateOptions{Value: tfe.Ptr(region)})
			return err
		}
	}
	_, err = vars.Create(ctx, workspaceID, tfe.VariableCreateOptions{
		Key: "region", Value: tfe.Ptr(region), Category: tfe.CategoryTerraform,
	})
	return err
}

func TestEnsureRegion(t *testing.T) {
	srv := tfetest.NewServer(tfetest.WithOrganization("acme"))
	defer srv.Close()
	ws := srv.AddWorkspace("acme", tfetest.Workspace{Name: "web"})
	srv.AddWorkspaceVariable(ws, tfetest.Variable{Key: "region", Value: "us-east-1"})
	// The first list answers 503, as a busy gateway would: the client
	// retries a GET.
	srv.InjectFault(tfetest.Fault{Method: "GET", Path: "workspaces/" + ws + "/vars", Kind: tfetest.FaultStatus, Status: 503})

	client := srv.Client()
	if err := EnsureRegion(context.Background(), client.Variables, ws, "eu-west-1"); err != nil {
		t.Fatal(err)
	}

	var got []string
	for _, r := range srv.Requests() {
		got = append(got, r.Method)
	}
	if want := []string{"GET", "GET", "PATCH"}; !slices.Equal(got, want) {
		t.Errorf("requests = %v, want %v (a retried list, one update, no create)", got, want)
	}
	list, err := client.Variables.List(context.Background(), ws, nil)
	if err != nil || len(list.Items) != 1 || list.Items[0].Value != "eu-west-1" {
		t.Errorf("variables = %+v, %v", list, err)
	}
}

// README sample ends

func TestREADMESample(t *testing.T) {
	src, err := os.ReadFile("readme_test.go")
	require.NoError(t, err)
	_, sample, _ := bytes.Cut(src, []byte("// README sample begins\n"))
	sample, _, _ = bytes.Cut(sample, []byte("\n// README sample ends"))
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(sample), 100, "the sample between the markers is too short")
	assert.True(t, bytes.Contains(readme, sample), "README.md does not show the sample of readme_test.go as it is; copy it over")
}
