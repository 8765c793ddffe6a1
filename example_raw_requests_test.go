package tfe_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// agentPool is what this program reads and writes of agent pools, an API
// area the SDK does not wrap: the attributes, tagged with their wire
// names.
type agentPool struct {
	Name               string `json:"name"`
	OrganizationScoped bool   `json:"organization-scoped"`
}

// NewRequest and Do reach any endpoint through the client's own request
// path (rate limit, retries, redacted logs, typed errors). Document and
// Resource give the caller's struct of attributes the JSON:API shape.
func ExampleClient_Do() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	client, ctx := srv.Client(), context.Background()

	create, err := client.NewRequest("POST", "organizations/acme/agent-pools", nil, tfe.Document[tfe.Resource[agentPool]]{
		Data: tfe.Resource[agentPool]{Type: "agent-pools", Attributes: agentPool{Name: "on-prem", OrganizationScoped: true}},
	})
	if err != nil {
		log.Fatal(err)
	}
	var created tfe.Document[tfe.Resource[agentPool]]
	resp, err := client.Do(ctx, create, &created)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.StatusCode, created.Data.Type, created.Data.Attributes.Name)

	list, err := client.NewRequest("GET", "organizations/acme/agent-pools", &tfe.ListOptions{PageSize: 10}, nil)
	if err != nil {
		log.Fatal(err)
	}
	var pools tfe.Document[[]tfe.Resource[agentPool]]
	if _, err := client.Do(ctx, list, &pools); err != nil {
		log.Fatal(err)
	}
	for _, p := range pools.Data {
		fmt.Println(p.Attributes.Name, p.ID == created.Data.ID, p.Relationships["organization"].ID())
	}
	fmt.Println("pools:", pools.Pagination().TotalCount)

	_, err = client.NewRequest("GET", "https://elsewhere.example/api/v2/ping", nil, nil)
	fmt.Println(errors.Is(err, tfe.ErrInvalidPath))
	_, err = client.NewRequest("GET", "organizations/acme/../../admin", nil, nil)
	fmt.Println(errors.Is(err, tfe.ErrInvalidPath))
	// Output:
	// 200 agent-pools on-prem
	// on-prem true acme
	// pools: 1
	// true
	// true
}

// ServerInfo tells HCP Terraform from Terraform Enterprise and gives the
// versions, from the headers of an answer the client already received
// (here the organization read), or from one ping when it has none.
func ExampleClient_ServerInfo() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	client, ctx := srv.Client(), context.Background()

	if _, err := client.Organizations.Read(ctx, "acme"); err != nil {
		log.Fatal(err)
	}
	info, err := client.ServerInfo(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Product, info.IsTerraformEnterprise(), info.TFEVersion, info.APIVersion)
	fmt.Println("requests:", len(srv.Requests()))

	hcp := tfetest.NewServer(tfetest.WithHCPTerraform())
	defer hcp.Close()
	info, err = hcp.Client().ServerInfo(ctx) // no answer yet: one ping
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Product, info.IsHCPTerraform(), info.TFEVersion == "")
	// Output:
	// Terraform Enterprise true v202507-1 2.6
	// requests: 1
	// HCP Terraform true true
}
