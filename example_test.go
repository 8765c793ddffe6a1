package tfe_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// NewClient takes the address and token from Config, else from
// TFE_ADDRESS and TFE_TOKEN. Here they point at the in-memory fake.
func ExampleNewClient() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()

	client, err := tfe.NewClient(&tfe.Config{Address: srv.URL, Token: srv.Token})
	if err != nil {
		log.Fatal(err)
	}
	org, err := client.Organizations.Read(context.Background(), "acme")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(org.Name, org.Email)

	_, err = client.Organizations.Read(context.Background(), "nobody")
	fmt.Println(errors.Is(err, tfe.ErrResourceNotFound))
	// Output:
	// acme acme@example.com
	// true
}

// Required fields are plain values, optional ones pointers. A sensitive
// value is write-only: the API never answers it.
func ExampleVariables_Create() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	wsID := srv.AddWorkspace("acme", tfetest.Workspace{Name: "web"})
	client, ctx := srv.Client(), context.Background()

	v, err := client.Variables.Create(ctx, wsID, tfe.VariableCreateOptions{
		Key:       "db_password",
		Value:     tfe.Ptr("s3cr3t"),
		Category:  tfe.CategoryTerraform,
		Sensitive: tfe.Ptr(true),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s sensitive=%t value=%q\n", v.Key, v.Sensitive, v.Value)

	_, err = client.Variables.Create(ctx, wsID, tfe.VariableCreateOptions{Key: "region"})
	fmt.Println(errors.Is(err, tfe.ErrRequiredCategory), errors.Is(err, tfe.ErrValidation))
	// Output:
	// db_password sensitive=true value=""
	// true true
}

// ListIter reads every page, 100 sets at a time unless PageSize says
// otherwise, and stops after the last.
func ExampleVariableSets_ListIter() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	for _, name := range []string{"aws", "azure", "gcp"} {
		srv.AddVariableSet("acme", tfetest.VariableSet{Name: name + "-credentials"})
	}
	client := srv.Client()

	opts := &tfe.VariableSetListOptions{ListOptions: tfe.ListOptions{PageSize: 2}}
	for set, err := range client.VariableSets.ListIter(context.Background(), "acme", opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(set.Name)
	}
	fmt.Println("requests:", len(srv.Requests()))
	// Output:
	// aws-credentials
	// azure-credentials
	// gcp-credentials
	// requests: 2
}

// A Nullable field left zero is not sent, tfe.NullableOf sends a value and
// tfe.Null sends null, which clears the default agent pool.
func ExampleOrganizations_UpdateDefaultSettings() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	pool := srv.AddAgentPool("acme", tfetest.AgentPool{ID: "apool-example000001", Name: "private-net"})
	client, ctx := srv.Client(), context.Background()

	defaults, err := client.Organizations.UpdateDefaultSettings(ctx, "acme", tfe.OrganizationDefaultSettingsUpdateOptions{
		DefaultExecutionMode: tfe.Ptr(tfe.ExecutionModeAgent),
		DefaultAgentPoolID:   tfe.NullableOf(pool),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(defaults.DefaultExecutionMode, defaults.DefaultAgentPoolID)

	defaults, err = client.Organizations.UpdateDefaultSettings(ctx, "acme", tfe.OrganizationDefaultSettingsUpdateOptions{
		DefaultExecutionMode: tfe.Ptr(tfe.ExecutionModeRemote),
		DefaultAgentPoolID:   tfe.Null[string](),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s %q\n", defaults.DefaultExecutionMode, defaults.DefaultAgentPoolID)
	// Output:
	// agent apool-example000001
	// remote ""
}

// ParseTTL reads the duration strings of the token TTL policies: a whole
// number and one of ms s m h d w mo y. mo is 30 days; y is the service's
// year of 365.2425 days, so "2y" is the two-year default exactly.
func ExampleParseTTL() {
	for _, s := range []string{"90d", "1y", "6 mo", "12h"} {
		d, err := tfe.ParseTTL(s)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s = %d ms\n", s, d.Milliseconds())
	}
	two, _ := tfe.ParseTTL("2y")
	fmt.Println(two == tfe.DefaultTokenTTL)
	_, err := tfe.ParseTTL("2 fortnights")
	fmt.Println(errors.Is(err, tfe.ErrInvalidTTL))
	// Output:
	// 90d = 7776000000 ms
	// 1y = 31556952000 ms
	// 6 mo = 15552000000 ms
	// 12h = 43200000 ms
	// true
	// true
}

// WaitForWorkspaceUpgrade replaces a hand-written poll loop: it reads the
// upgrade until its run is no longer in progress, honouring ctx. A failed
// plan is not an error: check Failed (or Confirmable) on what it returns.
func ExampleNoCodeModules_WaitForWorkspaceUpgrade() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithUpgradeStates("pending", "planning", "planned"))
	defer srv.Close()
	d := srv.SeedDemo("acme")
	noCode := srv.Client().NoCodeModules
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	// A workspace made from the module at 1.4.0, and the pin moved on.
	nc, err := noCode.Create(ctx, "acme", tfe.NoCodeModuleCreateOptions{
		RegistryModuleID: d.RegistryModuleID, Enabled: tfe.Ptr(true), VersionPin: tfe.Ptr("1.4.0"),
	})
	check(err)
	ws, err := noCode.CreateWorkspace(ctx, nc.ID, tfe.NoCodeWorkspaceCreateOptions{Name: "web", ProjectID: d.ProjectID})
	check(err)
	_, err = noCode.Update(ctx, nc.ID, tfe.NoCodeModuleUpdateOptions{VersionPin: tfe.Ptr("1.5.0")})
	check(err)

	up, err := noCode.UpgradeWorkspace(ctx, nc.ID, ws.ID, nil)
	check(err)
	fmt.Println("started:", up.Status)
	up, err = noCode.WaitForWorkspaceUpgrade(ctx, nc.ID, ws.ID, up.ID, &tfe.WaitOptions{PollInterval: 10 * time.Millisecond})
	switch {
	case err != nil:
		log.Fatal(err) // a read failed, or ctx ended
	case !up.Confirmable():
		fmt.Println("not confirmed:", up.Status, "see", up.PlanURL)
	default:
		check(noCode.ConfirmWorkspaceUpgrade(ctx, nc.ID, ws.ID, up.ID))
		fmt.Println("confirmed at:", up.Status)
	}
	got, _ := srv.Workspace(ws.ID)
	fmt.Println("module version:", got.ModuleVersion)
	// Output:
	// started: pending
	// confirmed at: planned
	// module version: 1.5.0
}

// check stops an example on an error it does not expect.
func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
