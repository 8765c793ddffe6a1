package tfe_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// A private registry module is named by its organization, name and
// provider (a RegistryModuleID); Create answers with its mod-… ID, which
// the no-code endpoints take.
func ExampleRegistryModules_Create() {
	srv := tfetest.NewServer(tfetest.WithOrganization("acme"))
	defer srv.Close()
	modules, ctx := srv.Client().RegistryModules, context.Background()

	created, err := modules.Create(ctx, "acme", tfe.RegistryModuleCreateOptions{Name: "vpc", Provider: "aws"})
	if err != nil {
		log.Fatal(err)
	}
	id := tfe.RegistryModuleID{Organization: "acme", Name: "vpc", Provider: "aws"}
	read, err := modules.Read(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(read.Name, read.Provider, read.Namespace, read.RegistryName, read.ID == created.ID)

	// A second module of the same name and provider is refused by the
	// service: a 422.
	_, err = modules.Create(ctx, "acme", tfe.RegistryModuleCreateOptions{Name: "vpc", Provider: "aws"})
	fmt.Println("again:", errors.Is(err, tfe.ErrUnprocessable))

	if err := modules.Delete(ctx, id); err != nil {
		log.Fatal(err)
	}
	_, err = modules.Read(ctx, id)
	fmt.Println("read after delete:", errors.Is(err, tfe.ErrResourceNotFound))
	// Output:
	// vpc aws acme private true
	// again: true
	// read after delete: true
}

// ListIter reads every module of the organization, here only the aws
// ones.
func ExampleRegistryModules_ListIter() {
	srv := tfetest.NewServer(tfetest.WithOrganization("acme"))
	defer srv.Close()
	for _, m := range []tfetest.RegistryModule{{Name: "vpc", Provider: "aws"}, {Name: "network", Provider: "azurerm"}, {Name: "eks", Provider: "aws"}} {
		srv.AddRegistryModule("acme", m)
	}
	modules := srv.Client().RegistryModules

	for m, err := range modules.ListIter(context.Background(), "acme", &tfe.RegistryModuleListOptions{Provider: "aws"}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(m.Name + "/" + m.Provider)
	}
	// Output:
	// vpc/aws
	// eks/aws
}
