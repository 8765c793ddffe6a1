package tfe_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// The variables inside a variable set are their own service: add one,
// change it, list them, delete one. A sensitive value is write-only: the
// API never answers it.
func ExampleVariableSetVariables_Create() {
	srv := tfetest.NewServer(tfetest.WithOrganization("acme"))
	defer srv.Close()
	setID := srv.AddVariableSet("acme", tfetest.VariableSet{Name: "aws-credentials"})
	vars, ctx := srv.Client().VariableSetVariables, context.Background()

	region, err := vars.Create(ctx, setID, tfe.VariableSetVariableCreateOptions{
		Key:      "AWS_REGION",
		Value:    tfe.Ptr("eu-west-1"),
		Category: tfe.CategoryEnv,
	})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := vars.Create(ctx, setID, tfe.VariableSetVariableCreateOptions{
		Key:       "AWS_SECRET_ACCESS_KEY",
		Value:     tfe.Ptr("s3cr3t"),
		Category:  tfe.CategoryEnv,
		Sensitive: tfe.Ptr(true),
	}); err != nil {
		log.Fatal(err)
	}
	if _, err := vars.Update(ctx, setID, region.ID, tfe.VariableSetVariableUpdateOptions{Value: tfe.Ptr("us-east-1")}); err != nil {
		log.Fatal(err)
	}

	list, err := vars.List(ctx, setID, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range list.Items {
		fmt.Printf("%s=%q sensitive=%t\n", v.Key, v.Value, v.Sensitive)
	}

	if err := vars.Delete(ctx, setID, region.ID); err != nil {
		log.Fatal(err)
	}
	_, err = vars.Read(ctx, setID, region.ID)
	fmt.Println("read after delete:", errors.Is(err, tfe.ErrResourceNotFound))
	// Output:
	// AWS_REGION="us-east-1" sensitive=false
	// AWS_SECRET_ACCESS_KEY="" sensitive=true
	// read after delete: true
}
