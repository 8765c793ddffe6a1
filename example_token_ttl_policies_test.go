package tfe_test

import (
	"context"
	"fmt"
	"log"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// The caps are enforced once the organization's MaxTTLEnabled is on.
// ParseTTL reads them; a year is the service's 365.2425 days, so the
// default cap is exactly two.
func ExampleTokenTTLPolicies_Update() {
	srv := tfetest.NewServer(tfetest.WithOrganization("acme"))
	defer srv.Close()
	client, ctx := srv.Client(), context.Background()

	if _, err := client.Organizations.Update(ctx, "acme", tfe.OrganizationUpdateOptions{OrganizationSettingsOptions: tfe.OrganizationSettingsOptions{MaxTTLEnabled: tfe.Ptr(true)}}); err != nil {
		log.Fatal(err)
	}
	team, err := tfe.ParseTTL("90d")
	if err != nil {
		log.Fatal(err)
	}
	user, err := tfe.ParseTTL("1y")
	if err != nil {
		log.Fatal(err)
	}
	policies, err := client.TokenTTLPolicies.Update(ctx, "acme", tfe.TokenTTLPolicyUpdateOptions{Team: &team, User: &user})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range policies {
		fmt.Printf("%-12s %8.4f days, default %t\n", p.TokenType, p.MaxTTL.Hours()/24, p.MaxTTL == tfe.DefaultTokenTTL)
	}

	policies, err = client.TokenTTLPolicies.ResetToDefaults(ctx, "acme")
	if err != nil {
		log.Fatal(err)
	}
	atDefault := 0
	for _, p := range policies {
		if p.MaxTTL == tfe.DefaultTokenTTL {
			atDefault++
		}
	}
	fmt.Printf("after the reset: %d of %d at the default\n", atDefault, len(policies))
	// Output:
	// organization 730.4850 days, default true
	// team          90.0000 days, default false
	// user         365.2425 days, default false
	// audit_trails 730.4850 days, default true
	// after the reset: 4 of 4 at the default
}

// ListIter reads every policy, page after page; the owners team (or a
// user in it) may read them, other teams get ErrForbidden.
func ExampleTokenTTLPolicies_ListIter() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	policies, ctx := srv.Client().TokenTTLPolicies, context.Background()

	for p, err := range policies.ListIter(ctx, "acme", &tfe.TokenTTLPolicyListOptions{ListOptions: tfe.ListOptions{PageSize: 2}}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-12s %.0f hours\n", p.TokenType, p.MaxTTL.Hours())
	}
	// Output:
	// organization 17532 hours
	// team         17532 hours
	// user         17532 hours
	// audit_trails 17532 hours
}
