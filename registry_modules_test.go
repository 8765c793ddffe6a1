package tfe

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"
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
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Items) != 2 || list.TotalCount != 169 || list.NextPage != 2 || list.TotalPages != 29 {
		t.Fatalf("list = %d items, pagination %+v", len(list.Items), list.Pagination)
	}
	m := list.Items[0]
	want := RegistryModule{
		ID: "mod-kwt1cBiX2SdDz38w", Name: "api-gateway", Provider: "alicloud", Namespace: "my-organization",
		RegistryName: PrivateRegistry, Status: "setup_complete",
	}
	if m.ID != want.ID || m.Name != want.Name || m.Provider != want.Provider || m.Namespace != want.Namespace ||
		m.RegistryName != want.RegistryName || m.Status != want.Status {
		t.Errorf("module = %+v, want %+v", m, want)
	}
	if len(m.VersionStatuses) != 1 || m.VersionStatuses[0] != (RegistryModuleVersionStatus{Version: "1.1.0", Status: "ok"}) {
		t.Errorf("version statuses = %+v", m.VersionStatuses)
	}
	if !m.CreatedAt.Equal(time.Date(2021, 4, 7, 19, 1, 18, 528e6, time.UTC)) || m.Organization.Name != "my-organization" {
		t.Errorf("created %v, organization %+v", m.CreatedAt, m.Organization)
	}
	if m.NoCodeModules != nil {
		t.Errorf("no-code modules = %v, want none without the include", m.NoCodeModules)
	}
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
	if err != nil {
		t.Fatal(err)
	}
	ncm := list.Items[0].NoCodeModules
	if len(ncm) != 1 || ncm[0].ID != "nocode-9HE91XDNY3faePn2" || !ncm[0].Enabled || ncm[0].VersionPin != "1.0.1" {
		t.Fatalf("no-code modules = %+v", ncm)
	}
	if ncm[0].RegistryModule.ID != "mod-2aaFrmRPZs2N9epr" || len(ncm[0].VariableOptions) != 1 {
		t.Errorf("no-code module relations = %+v, %+v", ncm[0].RegistryModule, ncm[0].VariableOptions)
	}
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
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	if len(ids) != 2 || ids[0] != "mod-1" || ids[1] != "mod-2" || ts.count() != 2 {
		t.Errorf("ids = %v after %d requests", ids, ts.count())
	}
}

func TestRegistryModulesListIterStopsOnError(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	var errs int
	for _, err := range ts.client.RegistryModules.ListIter(context.Background(), "bad/org", nil) {
		if err == nil {
			t.Fatal("want an error")
		}
		errs++
	}
	if errs != 1 {
		t.Errorf("errors yielded = %d, want 1", errs)
	}
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
			if err != nil {
				t.Fatal(err)
			}
			if m.ID != "mod-fZn7uHu99ZCpAKZJ" || m.Name != tc.want.Name || m.Namespace != tc.want.Namespace ||
				m.RegistryName != tc.want.RegistryName || m.Status != tc.want.Status || !m.UpdatedAt.Equal(tc.want.UpdatedAt) {
				t.Errorf("module = %+v, want %+v", m, tc.want)
			}
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
			if err != nil {
				t.Fatal(err)
			}
			if m.ID != "mod-fZn7uHu99ZCpAKZJ" || m.Status != "pending" || m.Namespace != tc.wantNamespace || len(m.VersionStatuses) != 0 {
				t.Errorf("module = %+v", m)
			}
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
	if err != nil {
		t.Fatal(err)
	}
	if ts.count() != 1 {
		t.Errorf("requests = %d, want 1", ts.count())
	}
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
