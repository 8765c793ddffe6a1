package tfe_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// An answer that is not 2xx is an *APIError. errors.Is matches its status
// (ErrResourceNotFound for 404, ErrUnprocessable for 422, ...); errors.As
// gives the status, the request, and the API's error objects, whose source
// pointer names the attribute at fault.
func ExampleAPIError() {
	srv := tfetest.NewServer(tfetest.WithOrganization("acme"))
	defer srv.Close()
	wsID := srv.AddWorkspace("acme", tfetest.Workspace{Name: "web"})
	vars, ctx := srv.Client().Variables, context.Background()

	// 404: there is no such workspace, or the token may not see it.
	_, err := vars.List(ctx, "ws-doesnotexist", nil)
	var apiErr *tfe.APIError
	if errors.Is(err, tfe.ErrResourceNotFound) && errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Method, apiErr.Path)
	} else {
		log.Fatal(err)
	}

	// 422: the service refuses a second "region" of the same category.
	opts := tfe.VariableCreateOptions{Key: "region", Value: tfe.Ptr("eu-west-1"), Category: tfe.CategoryTerraform}
	if _, err := vars.Create(ctx, wsID, opts); err != nil {
		log.Fatal(err)
	}
	_, err = vars.Create(ctx, wsID, opts)
	switch {
	case errors.Is(err, tfe.ErrUnprocessable) && errors.As(err, &apiErr):
		for _, e := range apiErr.Errors {
			if e.Source != nil { // which attribute, when the API says
				fmt.Print(e.Source.Pointer, ": ")
			}
			fmt.Println(e.Detail)
		}
	case err != nil:
		log.Fatal(err)
	}
	// Output:
	// 404 GET /api/v2/workspaces/ws-doesnotexist/vars
	// /data/attributes/key: key "region" has already been taken for category "terraform"
}

// Local validation checks the shape of an ID, not its prefix: an ID that
// would change the URL path is refused before anything is sent, while a
// well-formed ID that names nothing goes to the service, which answers 404.
func ExampleValidationError() {
	srv := tfetest.NewServer(tfetest.WithOrganization("acme"))
	defer srv.Close()
	vars, ctx := srv.Client().Variables, context.Background()

	_, err := vars.List(ctx, "ws-abc/../../admin", nil)
	var verr *tfe.ValidationError
	if errors.As(err, &verr) {
		fmt.Println(verr.Field, errors.Is(err, tfe.ErrInvalidWorkspaceID), errors.Is(err, tfe.ErrValidation))
	}
	fmt.Println("requests sent:", len(srv.Requests()))

	_, err = vars.List(ctx, "bogus", nil)
	fmt.Println(errors.Is(err, tfe.ErrResourceNotFound), errors.Is(err, tfe.ErrValidation))
	fmt.Println("requests sent:", len(srv.Requests()))
	// Output:
	// workspaceID true true
	// requests sent: 0
	// true false
	// requests sent: 1
}

// The message of ErrMissingToken names every place NewClient looks.
func TestErrMissingTokenNamesEverySource(t *testing.T) {
	msg := tfe.ErrMissingToken.Error()
	for _, source := range []string{"Config.Token", "TFE_TOKEN", "TF_TOKEN_<host>", "terraform login"} {
		assert.Contains(t, msg, source)
	}
}

// A 403 means the token is valid but may not do this: here a team other
// than owners reads the token TTL policies. Most endpoints answer 404
// instead of 403 to a token that may not see a resource, so check both.
func ExampleErrForbidden() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	cfg := srv.Config()
	cfg.Token = srv.AddTeamToken(srv.AddTeam("acme", "developers"))
	client, err := tfe.NewClient(cfg)
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	if _, err := client.Organizations.Read(ctx, "acme"); err == nil {
		fmt.Println("the team may read the organization")
	}
	_, err = client.TokenTTLPolicies.List(ctx, "acme", nil)
	switch {
	case errors.Is(err, tfe.ErrForbidden):
		fmt.Println("forbidden: ask an owner")
	case errors.Is(err, tfe.ErrResourceNotFound):
		fmt.Println("not found, or not visible to this token")
	case err != nil:
		log.Fatal(err)
	}
	// Output:
	// the team may read the organization
	// forbidden: ask an owner
}
