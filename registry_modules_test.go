package tfe

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRegistryModulesList(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations/my-organization/registry-modules",
		query: url.Values{
			"q":                     {"gateway"},
			"filter[registry_name]": {"private"},
			"filter[provider]":      {"alicloud"},
			"page[number]":          {"1"},
			"page[size]":            {"6"},
		},
		status:  200,
		fixture: "registry_modules/list.response.json",
	})

	list, err := ts.client.RegistryModules.List(context.Background(), "my-organization", &RegistryModuleListOptions{
		ListOptions:  ListOptions{PageNumber: 1, PageSize: 6},
		Query:        "gateway",
		RegistryName: PrivateRegistry,
		Provider:     "alicloud",
	})
	require.NoError(t, err)
	require.Len(t, list.Items, 2)
	assert.Equal(t, 169, list.TotalCount)
	assert.Equal(t, 2, list.NextPage)
	assert.Equal(t, 29, list.TotalPages)
	m := list.Items[0]
	assert.Equal(t, "mod-kwt1cBiX2SdDz38w", m.ID)
	assert.Equal(t, "api-gateway", m.Name)
	assert.Equal(t, "alicloud", m.Provider)
	assert.Equal(t, "my-organization", m.Namespace)
	assert.Equal(t, PrivateRegistry, m.RegistryName)
	assert.Equal(t, "setup_complete", m.Status)
	assert.Equal(t, []RegistryModuleVersionStatus{{Version: "1.1.0", Status: "ok"}}, m.VersionStatuses)
	assert.Equal(t, time.Date(2021, 4, 7, 19, 1, 18, 528e6, time.UTC), m.CreatedAt.UTC())
	assert.Equal(t, &Organization{Name: "my-organization"}, m.Organization)
	assert.Nil(t, m.NoCodeModules, "none without the include")
}

func TestRegistryModulesListIncludesNoCodeModules(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations/my-organization/registry-modules",
		query:   url.Values{"include": {"no-code-modules"}},
		status:  200,
		fixture: "registry_modules/list_no_code.response.json",
	})

	list, err := ts.client.RegistryModules.List(context.Background(), "my-organization", &RegistryModuleListOptions{
		Include: []RegistryModuleIncludeOpt{RegistryModuleIncludeNoCodeModules},
	})
	require.NoError(t, err)
	ncm := list.Items[0].NoCodeModules
	require.Len(t, ncm, 1)
	assert.Equal(t, "nocode-9HE91XDNY3faePn2", ncm[0].ID)
	assert.True(t, ncm[0].Enabled)
	assert.Equal(t, "1.0.1", ncm[0].VersionPin)
	assert.Equal(t, "mod-2aaFrmRPZs2N9epr", ncm[0].RegistryModule.ID)
	assert.Len(t, ncm[0].VariableOptions, 1)
}

func TestRegistryModulesListIter(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	pages := map[string]string{
		"1": `{"data":[{"id":"mod-1","type":"registry-modules","attributes":{"name":"a"}}],"meta":{"pagination":{"current-page":1,"next-page":2,"total-pages":2,"total-count":2}}}`,
		"2": `{"data":[{"id":"mod-2","type":"registry-modules","attributes":{"name":"b"}}],"meta":{"pagination":{"current-page":2,"prev-page":1,"total-pages":2,"total-count":2}}}`,
	}
	ts.expect(exchange{method: "GET", path: "/organizations/org/registry-modules", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		n := r.URL.Query().Get("page[number]")
		checkRequest(ts, r, "GET", url.Values{"page[number]": {n}, "page[size]": {"100"}, "filter[provider]": {"aws"}})
		respond(w, 200, pages[n])
	}})
	var ids []string
	for m, err := range ts.client.RegistryModules.ListIter(context.Background(), "org", &RegistryModuleListOptions{Provider: "aws"}) {
		require.NoError(t, err)
		ids = append(ids, m.ID)
	}
	assert.Equal(t, []string{"mod-1", "mod-2"}, ids)
	assert.Equal(t, 2, ts.count())
}

func TestRegistryModulesListIterStopsOnError(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	var errs int
	for _, err := range ts.client.RegistryModules.ListIter(context.Background(), "bad/org", nil) {
		require.Error(t, err)
		errs++
	}
	assert.Equal(t, 1, errs, "errors yielded")
	ts.assertNoRequests()
}

func TestRegistryModulesRead(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, path, fixture string
		id                  RegistryModuleID
		want                RegistryModule
	}{{
		name:    "private, namespace and registry defaulted",
		path:    "/organizations/my-organization/registry-modules/private/my-organization/my-module/aws",
		fixture: "read",
		id:      RegistryModuleID{Organization: "my-organization", Name: "my-module", Provider: "aws"},
		want: RegistryModule{Name: "my-module", Namespace: "my-organization", RegistryName: PrivateRegistry, Status: "setup_complete",
			UpdatedAt: time.Date(2020, 7, 9, 20, 16, 20, 538e6, time.UTC)},
	}, {
		name:    "public",
		path:    "/organizations/my-organization/registry-modules/public/terraform-aws-modules/vpc/aws",
		fixture: "create_public",
		id: RegistryModuleID{Organization: "my-organization", Name: "vpc", Provider: "aws",
			Namespace: "terraform-aws-modules", RegistryName: PublicRegistry},
		want: RegistryModule{Name: "vpc", Namespace: "terraform-aws-modules", RegistryName: PublicRegistry, Status: "pending",
			UpdatedAt: time.Date(2020, 7, 9, 19, 36, 56, 288e6, time.UTC)},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := setup(t)
			ts.expect(exchange{method: "GET", path: tc.path,
				status: 200, fixture: "registry_modules/" + tc.fixture + ".response.json",
			})

			m, err := ts.client.RegistryModules.Read(context.Background(), tc.id)
			require.NoError(t, err)
			assert.Equal(t, "mod-fZn7uHu99ZCpAKZJ", m.ID)
			assert.Equal(t, tc.want.Name, m.Name)
			assert.Equal(t, tc.want.Namespace, m.Namespace)
			assert.Equal(t, tc.want.RegistryName, m.RegistryName)
			assert.Equal(t, tc.want.Status, m.Status)
			assert.Equal(t, tc.want.UpdatedAt, m.UpdatedAt.UTC())
		})
	}
}

func TestRegistryModulesCreate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, golden, fixture, wantNamespace string
		opts                                 RegistryModuleCreateOptions
	}{{
		name: "private", golden: "create", fixture: "create", wantNamespace: "my-organization",
		opts: RegistryModuleCreateOptions{Name: "my-module", Provider: "aws", NoCode: Ptr(true)},
	}, {
		name: "public", golden: "create_public", fixture: "create_public", wantNamespace: "terraform-aws-modules",
		opts: RegistryModuleCreateOptions{
			Name: "vpc", Provider: "aws", RegistryName: PublicRegistry,
			Namespace: Ptr("terraform-aws-modules"), NoCode: Ptr(true),
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := setup(t)
			ts.expect(exchange{method: "POST", path: "/organizations/my-organization/registry-modules",
				golden: "registry_modules/" + tc.golden + ".request.json",
				status: 201, fixture: "registry_modules/" + tc.fixture + ".response.json",
			})

			m, err := ts.client.RegistryModules.Create(context.Background(), "my-organization", tc.opts)
			require.NoError(t, err)
			assert.Equal(t, "mod-fZn7uHu99ZCpAKZJ", m.ID)
			assert.Equal(t, "pending", m.Status)
			assert.Equal(t, tc.wantNamespace, m.Namespace)
			assert.Empty(t, m.VersionStatuses)
		})
	}
}

func TestRegistryModulesDelete(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "DELETE", path: "/organizations/my-organization/registry-modules/private/my-organization/my-module/aws",
		status: 204,
	})

	err := ts.client.RegistryModules.Delete(context.Background(), RegistryModuleID{
		Organization: "my-organization", Name: "my-module", Provider: "aws",
	})
	require.NoError(t, err)
	assert.Equal(t, 1, ts.count())
}

func TestRegistryModulesValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	id := RegistryModuleID{Organization: "org", Name: "mod", Provider: "aws"}
	with := func(f func(*RegistryModuleID)) RegistryModuleID { c := id; f(&c); return c }
	create := func(o RegistryModuleCreateOptions) func(_ context.Context, c *Client) error {
		return func(_ context.Context, c *Client) error {
			_, err := c.RegistryModules.Create(ctx, "org", o)
			return err
		}
	}
	read := func(id RegistryModuleID) func(_ context.Context, c *Client) error {
		return func(_ context.Context, c *Client) error { _, err := c.RegistryModules.Read(ctx, id); return err }
	}
	runInvalidCalls(t, []invalidCall{
		{"list bad org", ErrInvalidOrg, func(_ context.Context, c *Client) error {
			_, err := c.RegistryModules.List(ctx, "../org", nil)
			return err
		}},
		{"list bad page size", ErrInvalidPagination, func(_ context.Context, c *Client) error {
			_, err := c.RegistryModules.List(ctx, "org", &RegistryModuleListOptions{ListOptions: ListOptions{PageSize: 101}})
			return err
		}},
		{"list bad registry filter", ErrInvalidRegistryName, func(_ context.Context, c *Client) error {
			_, err := c.RegistryModules.List(ctx, "org", &RegistryModuleListOptions{RegistryName: "internal"})
			return err
		}},
		{"read empty org", ErrInvalidOrg, read(with(func(i *RegistryModuleID) { i.Organization = "" }))},
		{"read empty name", ErrInvalidRegistryModuleID, read(with(func(i *RegistryModuleID) { i.Name = "" }))},
		{"read provider with slash", ErrInvalidRegistryModuleID, read(with(func(i *RegistryModuleID) { i.Provider = "a/b" }))},
		{"read namespace dot-dot", ErrInvalidRegistryModuleID, read(with(func(i *RegistryModuleID) { i.Namespace = ".." }))},
		{"read unknown registry", ErrInvalidRegistryModuleID, read(with(func(i *RegistryModuleID) { i.RegistryName = "other" }))},
		{"delete bad name", ErrInvalidRegistryModuleID, func(_ context.Context, c *Client) error {
			return c.RegistryModules.Delete(ctx, with(func(i *RegistryModuleID) { i.Name = "a?b" }))
		}},
		{"create bad org", ErrInvalidOrg, func(_ context.Context, c *Client) error {
			_, err := c.RegistryModules.Create(ctx, "", RegistryModuleCreateOptions{Name: "m", Provider: "aws"})
			return err
		}},
		{"create without name", ErrRequiredName, create(RegistryModuleCreateOptions{Provider: "aws"})},
		{"create without provider", ErrRequiredProvider, create(RegistryModuleCreateOptions{Name: "m"})},
		{"create unknown registry", ErrInvalidRegistryName, create(RegistryModuleCreateOptions{Name: "m", Provider: "aws", RegistryName: "x"})},
		{"create public without namespace", ErrRequiredNamespace, create(RegistryModuleCreateOptions{Name: "m", Provider: "aws", RegistryName: PublicRegistry})},
		{"create private with namespace", ErrNamespaceNotAllowed, create(RegistryModuleCreateOptions{Name: "m", Provider: "aws", Namespace: Ptr("ns")})},
	})
}

var privateModule = RegistryModuleID{Organization: "my-organization", Name: "api-gateway", Provider: "alicloud"}

const privateModulePath = "/organizations/my-organization/registry-modules/private/my-organization/api-gateway/alicloud"

func TestRegistryModulesReadTheNewFields(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: privateModulePath, status: 200, fixture: "registry_modules/read_vcs.response.json"})
	m, err := ts.client.RegistryModules.Read(context.Background(), privateModule)
	require.NoError(t, err)
	assert.Equal(t, PublishingMechanismBranch, m.PublishingMechanism)
	assert.Equal(t, &RegistryModulePermissions{CanDelete: true, CanResync: true}, m.Permissions)
	assert.Equal(t, &RegistryModuleTestConfig{TestsEnabled: true, AgentExecutionMode: ExecutionModeAgent, AgentPoolID: "apool-yoGUFz5zcRMMz53i"}, m.TestConfig)
	assert.Equal(t, &RegistryModuleVCSRepo{
		Identifier: "lafentres/terraform-alicloud-api-gateway", DisplayIdentifier: "lafentres/terraform-alicloud-api-gateway",
		Branch: "main", IngressSubmodules: true, OAuthTokenID: "ot-hmAyP66qk2AMVdbJ",
		WebhookURL: "https://app.terraform.io/webhooks/vcs/a12b3456-1a23-4567-8b9c-0d123e4f5a67",
	}, m.VCSRepo)
}

func TestRegistryModulesCreateWithVCSConnection(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "POST", path: "/organizations/my-organization/registry-modules/vcs", golden: "registry_modules/create_vcs.request.json", status: 201, fixture: "registry_modules/read_vcs.response.json"})
	m, err := ts.client.RegistryModules.CreateWithVCSConnection(context.Background(), "my-organization", RegistryModuleCreateWithVCSConnectionOptions{
		VCSRepo: RegistryModuleVCSRepoOptions{
			Identifier: "lafentres/terraform-alicloud-api-gateway", DisplayIdentifier: "lafentres/terraform-alicloud-api-gateway",
			OAuthTokenID:                       Ptr("ot-hmAyP66qk2AMVdbJ"),
			RegistryModuleVCSPublishingOptions: RegistryModuleVCSPublishingOptions{Branch: Ptr("main")},
		},
		InitialVersion: Ptr("1.0.0"),
		TestConfig:     &RegistryModuleTestConfigOptions{TestsEnabled: Ptr(true), AgentExecutionMode: Ptr(ExecutionModeAgent), AgentPoolID: Ptr("apool-yoGUFz5zcRMMz53i")},
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, "mod-kwt1cBiX2SdDz38w", m.ID)
}

func TestRegistryModulesUpdate(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "PATCH", path: privateModulePath, golden: "registry_modules/update.request.json", status: 200, fixture: "registry_modules/read_vcs.response.json"})
	_, err := ts.client.RegistryModules.Update(context.Background(), privateModule, RegistryModuleUpdateOptions{
		NoCode:     Ptr(false),
		TestConfig: &RegistryModuleTestConfigOptions{TestsEnabled: Ptr(true), AgentExecutionMode: Ptr(ExecutionModeRemote)},
		VCSRepo:    &RegistryModuleVCSRepoUpdateOptions{Branch: Ptr("main"), SourceDirectory: Ptr("modules/gateway")},
	})
	require.NoError(t, err)
	assertServedOnce(t, served)
}

func TestRegistryModulesDeletes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, path string
		call       func(context.Context, RegistryModules) error
	}{
		{"Delete", privateModulePath, func(ctx context.Context, s RegistryModules) error { return s.Delete(ctx, privateModule) }},
		{"DeleteProvider", privateModulePath, func(ctx context.Context, s RegistryModules) error { return s.DeleteProvider(ctx, privateModule) }},
		{"DeleteByName", "/organizations/my-organization/registry-modules/private/my-organization/api-gateway", func(ctx context.Context, s RegistryModules) error {
			return s.DeleteByName(ctx, RegistryModuleID{Organization: "my-organization", Name: "api-gateway"})
		}},
		{"DeleteByName public", "/organizations/my-organization/registry-modules/public/terraform-aws-modules/vpc", func(ctx context.Context, s RegistryModules) error {
			return s.DeleteByName(ctx, RegistryModuleID{Organization: "my-organization", Name: "vpc", Namespace: "terraform-aws-modules", RegistryName: PublicRegistry})
		}},
		{"DeleteVersion", privateModulePath + "/1.2.3", func(ctx context.Context, s RegistryModules) error {
			return s.DeleteVersion(ctx, privateModule, "1.2.3")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := setup(t)
			served := ts.expect(exchange{method: "DELETE", path: tc.path, status: 204})
			require.NoError(t, tc.call(context.Background(), ts.client.RegistryModules))
			assertServedOnce(t, served)
		})
	}
}

func TestRegistryModulesVersions(t *testing.T) {
	t.Parallel()
	want := &RegistryModuleVersion{
		ID: "modver-qjjF7ArLXJSWU3WU", Version: "1.2.3", Status: "pending", Source: "tfe-api",
		CreatedAt: time.Date(2018, 9, 24, 20, 47, 20, 931e6, time.UTC), UpdatedAt: time.Date(2018, 9, 24, 20, 47, 20, 931e6, time.UTC),
		UploadURL:      "https://archivist.terraform.io/v1/object/dmF1bHQ6djE6NWJPbHQ4QjV4R1ox",
		RegistryModule: &RegistryModule{ID: "1881"},
	}
	t.Run("create", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		served := ts.expect(exchange{method: "POST", path: privateModulePath + "/versions", golden: "registry_modules/create_version.request.json", status: 201, fixture: "registry_modules/version.response.json"})
		v, err := ts.client.RegistryModules.CreateVersion(context.Background(), privateModule, RegistryModuleVersionCreateOptions{Version: "1.2.3", CommitSHA: Ptr("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678")})
		require.NoError(t, err)
		assertServedOnce(t, served)
		assert.Equal(t, want, v)
	})
	t.Run("read", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		served := ts.expect(exchange{method: "GET", path: privateModulePath + "/version", query: url.Values{"module_version": {"1.2.3"}}, status: 200, fixture: "registry_modules/version.response.json"})
		v, err := ts.client.RegistryModules.ReadVersion(context.Background(), privateModule, "1.2.3")
		require.NoError(t, err)
		assertServedOnce(t, served)
		assert.Equal(t, want, v)
	})
	t.Run("an answer that does not decode", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		ts.expect(exchange{method: "GET", path: privateModulePath + "/version", anyRequest: true, status: 200, body: `{"data":{"id":"modver-1","type":"registry-module-versions","links":{"upload":5}}}`})
		_, err := ts.client.RegistryModules.ReadVersion(context.Background(), privateModule, "1.2.3")
		wantDecodeError(t, err)
	})
}

func TestRegistryModulesListCommits(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: privateModulePath + "/commits", status: 200, fixture: "registry_modules/commits.response.json"})
	list, err := ts.client.RegistryModules.ListCommits(context.Background(), privateModule)
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Nil(t, list.Pagination)
	require.Len(t, list.Items, 1)
	assert.Equal(t, &Commit{
		ID: "cmt-1", Sha: "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", Date: "2024-05-20T10:00:00Z",
		URL: "https://github.com/lafentres/terraform-alicloud-api-gateway/commit/a1b2c3d", Author: "lafentres",
		AuthorAvatarURL: "https://avatars.githubusercontent.com/u/1", AuthorHTMLURL: "https://github.com/lafentres", Message: "Add outputs",
	}, list.Items[0])
}

func TestRegistryModulesReadTerraformRegistryModule(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, path string
		id         RegistryModuleID
	}{
		{"private", "/api/registry/v1/modules/hashicorp/consul/aws/0.0.1", RegistryModuleID{Organization: "hashicorp", Name: "consul", Provider: "aws"}},
		{"public", "/api/registry/public/v1/modules/hashicorp/consul/aws/0.0.1", RegistryModuleID{Organization: "my-org", Namespace: "hashicorp", Name: "consul", Provider: "aws", RegistryName: PublicRegistry}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := setup(t)
			var seen atomic.Int32
			ts.mux.HandleFunc("GET "+tc.path, func(w http.ResponseWriter, r *http.Request) {
				seen.Add(1)
				checkRequest(ts, r, "GET", nil)
				respond(w, 200, fixture(ts, "registry_modules/terraform_registry_module.json"))
			})
			m, err := ts.client.RegistryModules.ReadTerraformRegistryModule(context.Background(), tc.id, "0.0.1")
			require.NoError(t, err)
			assert.EqualValues(t, 1, seen.Load())
			assert.Equal(t, "hashicorp/consul/aws/0.0.1", m.ID)
			assert.Equal(t, time.Date(2017, 9, 14, 23, 22, 44, 793647000, time.UTC), m.PublishedAt)
			assert.Equal(t, []TerraformRegistryModuleInput{{Name: "ami_id", Type: "string", Description: "The ID of the AMI to run in the cluster.", Default: `""`}}, m.Root.Inputs)
			assert.Equal(t, []TerraformRegistryModuleProvider{{Name: "aws", Namespace: "hashicorp", Source: "hashicorp/aws", Version: ">= 4.0"}}, m.Root.ProviderDependencies)
			assert.Equal(t, []string{"0.0.1"}, m.Versions)
		})
	}
	t.Run("not a module", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		ts.mux.HandleFunc("GET /api/registry/v1/modules/hashicorp/consul/aws/0.0.1", func(w http.ResponseWriter, _ *http.Request) {
			respond(w, 200, `{"errors":[]}`)
		})
		_, err := ts.client.RegistryModules.ReadTerraformRegistryModule(context.Background(), RegistryModuleID{Organization: "hashicorp", Name: "consul", Provider: "aws"}, "0.0.1")
		wantDecodeError(t, err)
	})
}

func TestRegistryModulesValidationOfTheNewMethods(t *testing.T) {
	t.Parallel()
	repo := RegistryModuleVCSRepoOptions{Identifier: "a/b", DisplayIdentifier: "a/b", OAuthTokenID: Ptr("ot-1")}
	vcs := func(mutate func(*RegistryModuleCreateWithVCSConnectionOptions)) func(context.Context, *Client) error {
		return func(ctx context.Context, c *Client) error {
			opts := RegistryModuleCreateWithVCSConnectionOptions{VCSRepo: repo}
			mutate(&opts)
			return errOf(c.RegistryModules.CreateWithVCSConnection(ctx, "my-org", opts))
		}
	}
	update := func(opts RegistryModuleUpdateOptions) func(context.Context, *Client) error {
		return func(ctx context.Context, c *Client) error {
			return errOf(c.RegistryModules.Update(ctx, privateModule, opts))
		}
	}
	runInvalidCalls(t, []invalidCall{
		{"CreateWithVCSConnection/org", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			return errOf(c.RegistryModules.CreateWithVCSConnection(ctx, "", RegistryModuleCreateWithVCSConnectionOptions{VCSRepo: repo}))
		}},
		{"CreateWithVCSConnection/no identifier", ErrRequiredVCSRepo, vcs(func(o *RegistryModuleCreateWithVCSConnectionOptions) { o.VCSRepo.Identifier = "" })},
		{"CreateWithVCSConnection/no display identifier", ErrRequiredVCSRepo, vcs(func(o *RegistryModuleCreateWithVCSConnectionOptions) { o.VCSRepo.DisplayIdentifier = "" })},
		{"CreateWithVCSConnection/no connection", ErrRequiredVCSRepo, vcs(func(o *RegistryModuleCreateWithVCSConnectionOptions) { o.VCSRepo.OAuthTokenID = nil })},
		{"CreateWithVCSConnection/two connections", ErrValidation, vcs(func(o *RegistryModuleCreateWithVCSConnectionOptions) { o.VCSRepo.GHAInstallationID = Ptr("ghain-1") })},
		{"CreateWithVCSConnection/branch and tags", ErrBranchWithTags, vcs(func(o *RegistryModuleCreateWithVCSConnectionOptions) {
			o.VCSRepo.Branch, o.VCSRepo.Tags = Ptr("main"), Ptr(true)
		})},
		{"CreateWithVCSConnection/initial version without branch", ErrValidation, vcs(func(o *RegistryModuleCreateWithVCSConnectionOptions) { o.InitialVersion = Ptr("1.0.0") })},
		{"CreateWithVCSConnection/tests without branch", ErrValidation, vcs(func(o *RegistryModuleCreateWithVCSConnectionOptions) {
			o.TestConfig = &RegistryModuleTestConfigOptions{TestsEnabled: Ptr(true)}
		})},
		{"CreateWithVCSConnection/pool with remote tests", ErrAgentPoolNotAllowed, vcs(func(o *RegistryModuleCreateWithVCSConnectionOptions) {
			o.VCSRepo.Branch = Ptr("main")
			o.TestConfig = &RegistryModuleTestConfigOptions{AgentExecutionMode: Ptr(ExecutionModeRemote), AgentPoolID: Ptr("apool-1")}
		})},
		{"Update/nothing", ErrNothingToUpdate, update(RegistryModuleUpdateOptions{})},
		{"Update/branch and tags", ErrBranchWithTags, update(RegistryModuleUpdateOptions{VCSRepo: &RegistryModuleVCSRepoUpdateOptions{Branch: Ptr("main"), Tags: Ptr(true)}})},
		{"Update/pool with remote", ErrAgentPoolNotAllowed, update(RegistryModuleUpdateOptions{TestConfig: &RegistryModuleTestConfigOptions{AgentExecutionMode: Ptr(ExecutionModeRemote), AgentPoolID: Ptr("apool-1")}})},
		{"Update/module", ErrInvalidRegistryModuleID, func(ctx context.Context, c *Client) error {
			return errOf(c.RegistryModules.Update(ctx, RegistryModuleID{Organization: "o", Name: "n"}, RegistryModuleUpdateOptions{NoCode: Ptr(true)}))
		}},
		{"DeleteByName/provider", ErrValidation, func(ctx context.Context, c *Client) error { return c.RegistryModules.DeleteByName(ctx, privateModule) }},
		{"DeleteByName/name", ErrInvalidRegistryModuleID, func(ctx context.Context, c *Client) error {
			return c.RegistryModules.DeleteByName(ctx, RegistryModuleID{Organization: "o"})
		}},
		{"DeleteProvider/org", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			return c.RegistryModules.DeleteProvider(ctx, RegistryModuleID{Name: "n", Provider: "p"})
		}},
		{"DeleteVersion/version", ErrInvalidVersion, func(ctx context.Context, c *Client) error {
			return c.RegistryModules.DeleteVersion(ctx, privateModule, "1/2")
		}},
		{"CreateVersion/version", ErrInvalidVersion, func(ctx context.Context, c *Client) error {
			return errOf(c.RegistryModules.CreateVersion(ctx, privateModule, RegistryModuleVersionCreateOptions{}))
		}},
		{"ReadVersion/version", ErrInvalidVersion, func(ctx context.Context, c *Client) error {
			return errOf(c.RegistryModules.ReadVersion(ctx, privateModule, ""))
		}},
		{"ListCommits/module", ErrInvalidRegistryModuleID, func(ctx context.Context, c *Client) error {
			return errOf(c.RegistryModules.ListCommits(ctx, RegistryModuleID{Organization: "o", Name: "n", Provider: "a b"}))
		}},
		{"ReadTerraformRegistryModule/version", ErrInvalidVersion, func(ctx context.Context, c *Client) error {
			return errOf(c.RegistryModules.ReadTerraformRegistryModule(ctx, privateModule, ".."))
		}},
		{"ReadTerraformRegistryModule/registry", ErrInvalidRegistryModuleID, func(ctx context.Context, c *Client) error {
			return errOf(c.RegistryModules.ReadTerraformRegistryModule(ctx, RegistryModuleID{Organization: "o", Name: "n", Provider: "p", RegistryName: "other"}, "1.0.0"))
		}},
		{"Upload/no version", ErrNoUploadLink, func(ctx context.Context, c *Client) error {
			return c.RegistryModules.Upload(ctx, nil, strings.NewReader("x"))
		}},
		{"Upload/no link", ErrNoUploadLink, func(ctx context.Context, c *Client) error {
			return c.RegistryModules.Upload(ctx, &RegistryModuleVersion{}, strings.NewReader("x"))
		}},
		{"Upload/bad link", ErrValidation, func(ctx context.Context, c *Client) error {
			return c.RegistryModules.Upload(ctx, &RegistryModuleVersion{UploadURL: "ftp://x/y"}, strings.NewReader("x"))
		}},
		{"Upload/no archive", ErrValidation, func(ctx context.Context, c *Client) error {
			return c.RegistryModules.Upload(ctx, &RegistryModuleVersion{UploadURL: "https://x/y"}, nil)
		}},
	})
}
