package tfe_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
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

// A module without a VCS connection publishes a version in three steps:
// CreateVersion answers it pending, with an upload link; Upload sends the
// archive there (a tar.gz of the module's files, packed here with
// archive/tar); the service ingests it and ReadVersion shows it ok.
func ExampleRegistryModules_Upload() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	modules, ctx := srv.Client().RegistryModules, context.Background()
	if _, err := modules.Create(ctx, "acme", tfe.RegistryModuleCreateOptions{Name: "vpc", Provider: "aws"}); err != nil {
		log.Fatal(err)
	}
	id := tfe.RegistryModuleID{Organization: "acme", Name: "vpc", Provider: "aws"}

	version, err := modules.CreateVersion(ctx, id, tfe.RegistryModuleVersionCreateOptions{Version: "1.0.0"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(version.Version, version.Status, "with an upload link:", version.UploadURL != "")

	archive, err := packModule("main.tf", "variable \"cidr\" {}\n")
	if err != nil {
		log.Fatal(err)
	}
	if err := modules.Upload(ctx, version, bytes.NewReader(archive)); err != nil {
		log.Fatal(err)
	}

	version, err = modules.ReadVersion(ctx, id, "1.0.0")
	if err != nil {
		log.Fatal(err)
	}
	module, err := modules.Read(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(version.Version, version.Status, "module", module.Status)
	// Output:
	// 1.0.0 pending with an upload link: true
	// 1.0.0 ok module setup_complete
}

// packModule packs one file of a module as a gzipped tar.
func packModule(name, content string) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(content))}); err != nil {
		return nil, err
	}
	if _, err := tw.Write([]byte(content)); err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ReadTerraformRegistryModule reads a version through the registry
// protocol, as Terraform does: its inputs, the versions published.
func ExampleRegistryModules_ReadTerraformRegistryModule() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	srv.AddRegistryModule("acme", tfetest.RegistryModule{Name: "vpc", Provider: "aws", Versions: []tfetest.ModuleVersion{
		{Version: "1.0.0"},
		{Version: "1.1.0", Variables: []tfetest.ModuleVariable{
			{Name: "cidr", Type: "string", Default: "10.0.0.0/16"},
			{Name: "name", Type: "string", Required: true},
		}},
	}})
	modules := srv.Client().RegistryModules

	m, err := modules.ReadTerraformRegistryModule(context.Background(), tfe.RegistryModuleID{Organization: "acme", Name: "vpc", Provider: "aws"}, "1.1.0")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.ID, "of", m.Versions)
	for _, in := range m.Root.Inputs {
		fmt.Printf("input %s (%s) required=%t default=%s\n", in.Name, in.Type, in.Required, in.Default)
	}
	// Output:
	// acme/vpc/aws/1.1.0 of [1.0.0 1.1.0]
	// input cidr (string) required=false default="10.0.0.0/16"
	// input name (string) required=true default=
}

// Publishing from a repository needs a VCS connection the organization
// has. The service refuses one it does not know with a 422 whose source
// pointer names the attribute; the fake, which has no VCS, refuses every
// one that way.
func ExampleRegistryModules_CreateWithVCSConnection() {
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithOrganization("acme"))
	defer srv.Close()
	modules := srv.Client().RegistryModules

	_, err := modules.CreateWithVCSConnection(context.Background(), "acme", tfe.RegistryModuleCreateWithVCSConnectionOptions{
		VCSRepo: tfe.RegistryModuleVCSRepoOptions{
			Identifier:        "acme/terraform-aws-vpc",
			DisplayIdentifier: "acme/terraform-aws-vpc",
			OAuthTokenID:      tfe.Ptr("ot-doesnotexist"),
			RegistryModuleVCSPublishingOptions: tfe.RegistryModuleVCSPublishingOptions{
				Branch: tfe.Ptr("main"),
			},
		},
	})
	var apiErr *tfe.APIError
	if errors.Is(err, tfe.ErrUnprocessable) && errors.As(err, &apiErr) {
		for _, e := range apiErr.Errors {
			if e.Source != nil {
				fmt.Println(apiErr.StatusCode, e.Source.Pointer)
			}
		}
	} else {
		log.Fatal(err)
	}
	// Output:
	// 422 /data/attributes/vcs-repo/oauth-token-id
}
