package tfe_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// Terraform Enterprise keeps an organization's backing data (state and
// configuration versions) as its data retention policy says: the
// installation's default until the organization sets one of its own.
func ExampleOrganizations_SetDataRetentionPolicyDeleteOlder() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	orgs, ctx := srv.Client().Organizations, context.Background()

	policy, err := orgs.ReadDataRetentionPolicy(ctx, "acme")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("own policy:", policy != nil)

	policy, err = orgs.SetDataRetentionPolicyDeleteOlder(ctx, "acme", tfe.DataRetentionPolicyDeleteOlderOptions{DeleteOlderThanNDays: 90})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(policy.Kind == tfe.DataRetentionDeleteOlder, policy.DeleteOlderThanNDays, "days")

	// The other kind replaces it.
	if _, err := orgs.SetDataRetentionPolicyDontDelete(ctx, "acme"); err != nil {
		log.Fatal(err)
	}
	policy, err = orgs.ReadDataRetentionPolicy(ctx, "acme")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("keep everything:", policy.Kind == tfe.DataRetentionDontDelete)

	// Deleting it brings the installation's default back.
	if err := orgs.DeleteDataRetentionPolicy(ctx, "acme"); err != nil {
		log.Fatal(err)
	}
	policy, err = orgs.ReadDataRetentionPolicy(ctx, "acme")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("own policy:", policy != nil)

	// A 404 may also mean a release older than the endpoint: the error
	// names the release that added it. (HCP Terraform, which has no data
	// retention policies, answers a plain 404.)
	_, err = orgs.ReadDataRetentionPolicy(ctx, "no-such-org")
	var apiErr *tfe.APIError
	if errors.Is(err, tfe.ErrResourceNotFound) && errors.As(err, &apiErr) {
		fmt.Println("404; the endpoint came with", apiErr.EndpointAddedIn)
	}
	// Output:
	// own policy: false
	// true 90 days
	// keep everything: true
	// own policy: false
	// 404; the endpoint came with v202311-1
}

// ReadWithOptions returns the organization with related resources: with
// the default project included, its name is there too, not just its ID.
func ExampleOrganizations_ReadWithOptions() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	orgs, ctx := srv.Client().Organizations, context.Background()

	org, err := orgs.ReadWithOptions(ctx, "acme", &tfe.OrganizationReadOptions{
		Include: []tfe.OrganizationIncludeOpt{tfe.OrganizationIncludeDefaultProject},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: new workspaces go to %q\n", org.Name, org.DefaultProject.Name)

	// The newer settings are written like the others.
	org, err = orgs.Update(ctx, "acme", tfe.OrganizationUpdateOptions{OrganizationSettingsOptions: tfe.OrganizationSettingsOptions{
		RegistryMonorepoSupportEnabled: tfe.Ptr(true),
	}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("monorepo modules:", org.RegistryMonorepoSupportEnabled)
	// Output:
	// acme: new workspaces go to "Default Project"
	// monorepo modules: true
}
