package tfe

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOrganizationsListAsksForAPageByDefault(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		checkRequest(ts, r, "GET", url.Values{"page[number]": {"1"}})
		respond(w, 200, fixture(ts, "organizations/list.response.json"))
	}})
	list, err := ts.client.Organizations.List(context.Background(), nil)
	require.NoError(t, err)
	require.NotNil(t, list.Pagination, "pagination")
	assert.Equal(t, 2, list.TotalCount, "total count")
	assert.Equal(t, 1, list.CurrentPage, "current page")
	require.Len(t, list.Items, 2)
	first, second := list.Items[0], list.Items[1]
	require.NotNil(t, first, "first")
	require.NotNil(t, second, "second")
	assert.Equal(t, "hashicorp", first.Name)
	assert.Equal(t, "org-Hysjx5eUviuKVCJY", first.ExternalID)
	assert.True(t, first.CostEstimationEnabled, "first: cost estimation")
	assert.True(t, first.SendPassingStatusesForUntriggeredSpeculativePlans, "first: passing statuses for untriggered speculative plans")
	assert.True(t, first.Permissions.CanCreateTeam, "first: can create team")
	assert.Equal(t, "hashicorp-two", second.Name)
	assert.Nil(t, second.DefaultAgentPool, "second: default agent pool")
}

func TestOrganizationsListSendsTheFilters(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		checkRequest(ts, r, "GET", url.Values{
			"q": {"hashi"}, "q[name]": {"hashicorp"}, "q[email]": {"ops@example.com"}, "page[size]": {"5"},
		})
		respond(w, 200, fixture(ts, "organizations/list.response.json"))
	}})
	_, err := ts.client.Organizations.List(context.Background(), &OrganizationListOptions{
		ListOptions: ListOptions{PageSize: 5}, Query: "hashi", QueryName: "hashicorp", QueryEmail: "ops@example.com",
	})
	assert.NoError(t, err)
}

func TestOrganizationsListIterWalksEveryPage(t *testing.T) {
	ts := setup(t)
	pages := map[string]string{
		"1": `{"data":[{"id":"a","type":"organizations","attributes":{"name":"a"}}],"meta":{"pagination":{"current-page":1,"next-page":2,"total-pages":2,"total-count":2}}}`,
		"2": `{"data":[{"id":"b","type":"organizations","attributes":{"name":"b"}}],"meta":{"pagination":{"current-page":2,"prev-page":1,"total-pages":2,"total-count":2}}}`,
	}
	ts.expect(exchange{method: "GET", path: "/organizations", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		page := r.URL.Query().Get("page[number]")
		checkRequest(ts, r, "GET", url.Values{"q": {"x"}, "page[number]": {page}, "page[size]": {"100"}})
		respond(w, 200, pages[page])
	}})
	opts := &OrganizationListOptions{Query: "x"}
	var names []string
	for org, err := range ts.client.Organizations.ListIter(context.Background(), opts) {
		require.NoError(t, err)
		names = append(names, org.Name)
	}
	assert.Equal(t, []string{"a", "b"}, names)
	assert.Equal(t, 2, ts.count(), "requests")
	assert.Zero(t, opts.PageSize, "ListIter changed the caller's page size")
	assert.Zero(t, opts.PageNumber, "ListIter changed the caller's page number")
}

func TestOrganizationsListRefusesABadPage(t *testing.T) {
	ts := setup(t)
	_, err := ts.client.Organizations.List(context.Background(), &OrganizationListOptions{ListOptions: ListOptions{PageSize: 101}})
	assertLocalError(t, ts, err, ErrInvalidPagination)
	yields := 0
	for _, err := range ts.client.Organizations.ListIter(context.Background(), &OrganizationListOptions{ListOptions: ListOptions{PageNumber: -1}}) {
		yields++
		assertLocalError(t, ts, err, ErrInvalidPagination)
	}
	assert.Equal(t, 1, yields, "ListIter yields the validation error once")
}

func TestOrganizationsCreate(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "POST", path: "/organizations", golden: "organizations/create.request.json", status: 201, fixture: "organizations/create.response.json"})
	org, err := ts.client.Organizations.Create(context.Background(), OrganizationCreateOptions{Name: "hashicorp", Email: "user@example.com", OrganizationSettingsOptions: OrganizationSettingsOptions{SessionTimeout: Ptr(60), CostEstimationEnabled: Ptr(false), DefaultExecutionMode: Ptr(ExecutionModeAgent), DefaultAgentPoolID: NullableOf("apool-yoGUFz5zcRMMz53i")}})
	require.NoError(t, err)
	want := time.Date(2021, 8, 30, 18, 9, 57, 561e6, time.UTC)
	assert.Equal(t, "hashicorp", org.Name)
	assert.Equal(t, "org-Bzyc2JuegvVLAibn", org.ExternalID)
	assert.True(t, org.CreatedAt.Equal(want), "CreatedAt = %v, want %v", org.CreatedAt, want)
}

func TestOrganizationsRead(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations/hashicorp", golden: "", status: 200, fixture: "organizations/read.response.json"})
	org, err := ts.client.Organizations.Read(context.Background(), "hashicorp")
	require.NoError(t, err)
	assert.Equal(t, "hashicorp", org.Name)
	assert.Equal(t, "user@example.com", org.Email)
	assert.Equal(t, ExecutionModeRemote, org.DefaultExecutionMode)
	assert.Nil(t, org.DefaultAgentPool, "default agent pool")
	assert.Equal(t, 0, org.SessionTimeout, "session timeout")
	assert.Equal(t, "password", org.CollaboratorAuthPolicy)
	assert.True(t, org.AggregatedCommitStatusEnabled, "aggregated commit status")
	assert.True(t, org.Permissions.CanUpdate, "can update")
	assert.False(t, org.Permissions.CanCreateTeam, "can create team")
}

func TestOrganizationsReadTakesThePoolFromTheRelationship(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations/hashicorp", golden: "", status: 200, fixture: "organizations/read-agent.response.json"})
	org, err := ts.client.Organizations.Read(context.Background(), "hashicorp")
	require.NoError(t, err)
	if assert.NotNil(t, org.DefaultAgentPool, "default agent pool") {
		assert.Equal(t, "apool-yoGUFz5zcRMMz53i", org.DefaultAgentPool.ID)
	}
	assert.True(t, org.MaxTTLEnabled, "max TTL enabled")
}

func TestOrganizationsUpdateSendsEveryAttribute(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "PATCH", path: "/organizations/hashicorp", golden: "organizations/update.request.json", status: 200, fixture: "organizations/update.response.json"})
	org, err := ts.client.Organizations.Update(context.Background(), "hashicorp", OrganizationUpdateOptions{Name: Ptr("hashicorp"), Email: Ptr("admin@example.com"), OrganizationSettingsOptions: OrganizationSettingsOptions{SessionTimeout: Ptr(20160), SessionRemember: Ptr(20160), CollaboratorAuthPolicy: Ptr("two_factor_mandatory"), CostEstimationEnabled: Ptr(true), SendPassingStatusesForUntriggeredSpeculativePlans: Ptr(false), AggregatedCommitStatusEnabled: Ptr(true), SpeculativePlanManagementEnabled: Ptr(true), OwnersTeamSAMLRoleID: Null[string](), AssessmentsEnforced: Ptr(true), AllowForceDeleteWorkspaces: Ptr(false), EnforceHYOK: Ptr(false), MaxTTLEnabled: Ptr(true), DefaultExecutionMode: Ptr(ExecutionModeLocal)}})
	require.NoError(t, err)
	assert.Equal(t, "admin@example.com", org.Email)
}

func TestOrganizationsUpdateSetsAndClearsThePool(t *testing.T) {
	cases := []struct {
		name   string
		opts   OrganizationUpdateOptions
		golden string
	}{
		{"set", OrganizationUpdateOptions{OrganizationSettingsOptions: OrganizationSettingsOptions{DefaultExecutionMode: Ptr(ExecutionModeAgent), DefaultAgentPoolID: NullableOf("apool-yoGUFz5zcRMMz53i")}}, "organizations/update-set-pool.request.json"},
		{"clear", OrganizationUpdateOptions{OrganizationSettingsOptions: OrganizationSettingsOptions{MaxTTLEnabled: Ptr(true), DefaultAgentPoolID: Null[string]()}}, "organizations/update-clear-pool.request.json"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ts := setup(t)
			ts.expect(exchange{method: "PATCH", path: "/organizations/hashicorp", golden: tc.golden, status: 200, fixture: "organizations/update.response.json"})
			_, err := ts.client.Organizations.Update(context.Background(), "hashicorp", tc.opts)
			assert.NoError(t, err)
		})
	}
}

func TestOrganizationsDelete(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "DELETE", path: "/organizations/hashicorp", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		checkRequest(ts, r, "DELETE", nil)
		assert.LessOrEqual(ts, r.ContentLength, int64(0), "DELETE carries a body")
		w.WriteHeader(http.StatusNoContent)
	}})
	assert.NoError(t, ts.client.Organizations.Delete(context.Background(), "hashicorp"))
}

func TestOrganizationsReadDefaultSettings(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations/hashicorp", golden: "", status: 200, fixture: "organizations/read-agent.response.json"})
	got, err := ts.client.Organizations.ReadDefaultSettings(context.Background(), "hashicorp")
	require.NoError(t, err)
	want := OrganizationDefaultSettings{DefaultExecutionMode: ExecutionModeAgent, DefaultAgentPoolID: "apool-yoGUFz5zcRMMz53i"}
	assert.Equal(t, &want, got)
}

func TestOrganizationsUpdateDefaultSettings(t *testing.T) {
	cases := []struct {
		name     string
		opts     OrganizationDefaultSettingsUpdateOptions
		golden   string
		response string
		want     OrganizationDefaultSettings
	}{
		{"set pool", OrganizationDefaultSettingsUpdateOptions{
			DefaultExecutionMode: Ptr(ExecutionModeAgent),
			DefaultAgentPoolID:   NullableOf("apool-yoGUFz5zcRMMz53i"),
		}, "organizations/default-settings-set-pool.request.json", "organizations/read-agent.response.json",
			OrganizationDefaultSettings{ExecutionModeAgent, "apool-yoGUFz5zcRMMz53i"}},
		{"pool only", OrganizationDefaultSettingsUpdateOptions{
			DefaultAgentPoolID: NullableOf("apool-yoGUFz5zcRMMz53i"),
		}, "organizations/default-settings-pool-only.request.json", "organizations/read-agent.response.json",
			OrganizationDefaultSettings{ExecutionModeAgent, "apool-yoGUFz5zcRMMz53i"}},
		{"clear pool", OrganizationDefaultSettingsUpdateOptions{
			DefaultExecutionMode: Ptr(ExecutionModeLocal),
			DefaultAgentPoolID:   Null[string](),
		}, "organizations/default-settings-clear-pool.request.json", "organizations/read.response.json",
			OrganizationDefaultSettings{ExecutionModeRemote, ""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ts := setup(t)
			ts.expect(exchange{method: "PATCH", path: "/organizations/hashicorp", golden: tc.golden, status: 200, fixture: tc.response})
			got, err := ts.client.Organizations.UpdateDefaultSettings(context.Background(), "hashicorp", tc.opts)
			require.NoError(t, err)
			assert.Equal(t, &tc.want, got)
		})
	}
}

func TestOrganizationsResetDefaultSettings(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "PATCH", path: "/organizations/hashicorp", golden: "organizations/default-settings-reset.request.json", status: 200, fixture: "organizations/read.response.json"})
	got, err := ts.client.Organizations.ResetDefaultSettings(context.Background(), "hashicorp")
	require.NoError(t, err)
	assert.Equal(t, ExecutionModeRemote, got.DefaultExecutionMode)
	assert.Empty(t, got.DefaultAgentPoolID, "default agent pool ID")
}

func TestOrganizationsReadNotFound(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations/gone", anyRequest: true, status: 404, body: `{"errors":[{"status":"404","title":"not found"}]}`})
	_, err := ts.client.Organizations.Read(context.Background(), "gone")
	_, err2 := ts.client.Organizations.ReadDefaultSettings(context.Background(), "gone")
	for i, err := range []error{err, err2} {
		call := []string{"Read", "ReadDefaultSettings"}[i]
		assert.ErrorIs(t, err, ErrResourceNotFound, call)
		var apiErr *APIError
		if assert.ErrorAs(t, err, &apiErr, call) {
			assert.Equal(t, 404, apiErr.StatusCode, call)
		}
	}
}

// defaultSettingsRules are the execution mode and agent pool cases that
// Update and UpdateDefaultSettings both refuse.
var defaultSettingsRules = []struct {
	name     string
	mode     *ExecutionMode
	pool     Nullable[string]
	sentinel error
}{
	{"pool with remote", Ptr(ExecutionModeRemote), NullableOf("apool-1"), ErrAgentPoolNotAllowed},
	{"pool with local", Ptr(ExecutionModeLocal), NullableOf("apool-1"), ErrAgentPoolNotAllowed},
	{"agent with null pool", Ptr(ExecutionModeAgent), Null[string](), ErrRequiredAgentPoolID},
	{"unknown mode", Ptr(ExecutionMode("cloud")), Nullable[string]{}, ErrValidation},
	{"empty mode", Ptr(ExecutionMode("")), Nullable[string]{}, ErrValidation},
	{"bad pool ID", Ptr(ExecutionModeAgent), NullableOf("apool-1/../x"), ErrInvalidAgentPoolID},
	{"empty pool ID", nil, NullableOf(""), ErrInvalidAgentPoolID},
	{"nothing set", nil, Nullable[string]{}, ErrNothingToUpdate},
}

func TestOrganizationsDefaultSettingsRules(t *testing.T) {
	for _, rule := range defaultSettingsRules {
		t.Run("UpdateDefaultSettings/"+rule.name, func(t *testing.T) {
			ts := setup(t)
			_, err := ts.client.Organizations.UpdateDefaultSettings(context.Background(), "hashicorp",
				OrganizationDefaultSettingsUpdateOptions{DefaultExecutionMode: rule.mode, DefaultAgentPoolID: rule.pool})
			assertLocalError(t, ts, err, rule.sentinel)
		})
		t.Run("Update/"+rule.name, func(t *testing.T) {
			ts := setup(t)
			_, err := ts.client.Organizations.Update(context.Background(), "hashicorp",
				OrganizationUpdateOptions{OrganizationSettingsOptions: OrganizationSettingsOptions{DefaultExecutionMode: rule.mode, DefaultAgentPoolID: rule.pool}})
			assertLocalError(t, ts, err, rule.sentinel)
		})
	}
}

func TestOrganizationsRefuseBadOptions(t *testing.T) {
	ctx := context.Background()
	create := func(o OrganizationCreateOptions) func(Organizations) error {
		return func(s Organizations) error { _, err := s.Create(ctx, o); return err }
	}
	update := func(org string, o OrganizationUpdateOptions) func(Organizations) error {
		return func(s Organizations) error { _, err := s.Update(ctx, org, o); return err }
	}
	cases := []struct {
		name     string
		call     func(Organizations) error
		sentinel error
	}{
		{"create without name", create(OrganizationCreateOptions{Email: "a@example.com"}), ErrRequiredName},
		{"create without email", create(OrganizationCreateOptions{Name: "acme"}), ErrRequiredEmail},
		{"create with bad name", create(OrganizationCreateOptions{Name: "a/b", Email: "a@example.com"}), ErrInvalidOrg},
		{"create with display name", create(OrganizationCreateOptions{Name: "acme", Email: "Ops <ops@example.com>"}), ErrInvalidEmail},
		{"create agent without pool", create(OrganizationCreateOptions{Name: "acme", Email: "a@example.com", OrganizationSettingsOptions: OrganizationSettingsOptions{DefaultExecutionMode: Ptr(ExecutionModeAgent)}}), ErrRequiredAgentPoolID},
		{"create pool with remote", create(OrganizationCreateOptions{Name: "acme", Email: "a@example.com", OrganizationSettingsOptions: OrganizationSettingsOptions{DefaultExecutionMode: Ptr(ExecutionModeRemote), DefaultAgentPoolID: NullableOf("apool-1")}}), ErrAgentPoolNotAllowed},
		{"update bad org", update("..", OrganizationUpdateOptions{OrganizationSettingsOptions: OrganizationSettingsOptions{MaxTTLEnabled: Ptr(true)}}), ErrInvalidOrg},
		{"update bad rename", update("acme", OrganizationUpdateOptions{Name: Ptr("a b")}), ErrInvalidOrg},
		{"update bad email", update("acme", OrganizationUpdateOptions{Email: Ptr("not an address")}), ErrInvalidEmail},
		{"update nothing", update("acme", OrganizationUpdateOptions{}), ErrNothingToUpdate},
		{"read bad org", func(s Organizations) error { _, err := s.Read(ctx, ""); return err }, ErrInvalidOrg},
		{"delete bad org", func(s Organizations) error { return s.Delete(ctx, "a?b") }, ErrInvalidOrg},
		{"read defaults bad org", func(s Organizations) error { _, err := s.ReadDefaultSettings(ctx, "a#b"); return err }, ErrInvalidOrg},
		{"reset bad org", func(s Organizations) error { _, err := s.ResetDefaultSettings(ctx, "%"); return err }, ErrInvalidOrg},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ts := setup(t)
			assertLocalError(t, ts, tc.call(ts.client.Organizations), tc.sentinel)
		})
	}
}

func TestCheckEmailNeverEchoesTheAddress(t *testing.T) {
	for _, bad := range []string{"", "ops", "ops@", "<ops@example.com>", "Ops <ops@example.com>", "ops@example.com, b@example.com"} {
		err := checkEmail("Field", bad)
		if !assert.ErrorIs(t, err, ErrInvalidEmail, "checkEmail(%q)", bad) {
			continue
		}
		if bad != "" {
			assert.NotContains(t, err.Error(), bad, "the error repeats the address")
		}
	}
	assert.NoError(t, checkEmail("Field", "ops@example.com"), "a bare address was refused")
}

func TestOrganizationsAnswersThatDoNotDecode(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations", anyRequest: true, status: 500, body: `{"errors":[{"status":"500","title":"internal error"}]}`})
	ts.expect(exchange{method: "GET", path: "/organizations/bad", anyRequest: true, status: 200, body: `{"data":{"id":"bad","type":"organizations","attributes":{"session-timeout":"soon"}}}`})
	ts.expect(exchange{method: "GET", path: "/organizations/nameless", anyRequest: true, status: 200, body: `{"data":{"id":"nameless","type":"organizations","attributes":{"email":"a@example.com"}}}`})
	ctx := context.Background()
	var apiErr *APIError
	_, err := ts.client.Organizations.List(ctx, nil)
	if assert.ErrorAs(t, err, &apiErr, "List") {
		assert.Equal(t, 500, apiErr.StatusCode, "List")
	}
	_, err = ts.client.Organizations.Read(ctx, "bad")
	wantDecodeError(t, err)
	org, err := ts.client.Organizations.Read(ctx, "nameless")
	require.NoError(t, err, "Read nameless")
	assert.Equal(t, "nameless", org.Name, "the name taken from the ID")
}

func TestOrganizationsReadWithTheDefaultProject(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/organizations/hashicorp", query: url.Values{"include": {"default-project"}}, status: 200, fixture: "organizations/read-default-project.response.json"})
	org, err := ts.client.Organizations.ReadWithOptions(context.Background(), "hashicorp", &OrganizationReadOptions{Include: []OrganizationIncludeOpt{OrganizationIncludeDefaultProject}})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, &Project{ID: "prj-1JMwvPHFsdpsPhnt", Name: "Default Project"}, org.DefaultProject)
	assert.True(t, org.StacksEnabled)
	assert.Equal(t, Ptr(false), org.UserTokensEnabled)
	assert.True(t, org.RegistryMonorepoSupportEnabled)
	assert.Equal(t, 5, org.RemainingTestableCount)
	assert.True(t, org.IsUnified)
	assert.Equal(t, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), org.TrialExpiresAt.UTC())
}

func TestOrganizationsReadWithoutTheNewAttributes(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations/hashicorp", status: 200, fixture: "organizations/read.response.json"})
	org, err := ts.client.Organizations.ReadWithOptions(context.Background(), "hashicorp", nil)
	require.NoError(t, err)
	assert.Nil(t, org.UserTokensEnabled, "an older release does not say")
	assert.True(t, org.TrialExpiresAt.IsZero())
	assert.Nil(t, org.DefaultProject)
}

func TestOrganizationsUpdateTheNewSettings(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "PATCH", path: "/organizations/hashicorp", golden: "organizations/update-new-settings.request.json", status: 200, fixture: "organizations/read-default-project.response.json"})
	_, err := ts.client.Organizations.Update(context.Background(), "hashicorp", OrganizationUpdateOptions{OrganizationSettingsOptions: OrganizationSettingsOptions{
		StacksEnabled: Ptr(true), UserTokensEnabled: Ptr(false), RegistryMonorepoSupportEnabled: Ptr(true),
	}})
	require.NoError(t, err)
	assertServedOnce(t, served)
}

func TestOrganizationsReadCapacityQueueAndEntitlements(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations/hashicorp/capacity", status: 200, fixture: "organizations/capacity.response.json"})
	ts.expect(exchange{method: "GET", path: "/organizations/hashicorp/entitlement-set", status: 200, fixture: "organizations/entitlements.response.json"})
	ts.expect(exchange{method: "GET", path: "/organizations/hashicorp/runs/queue", query: url.Values{"page[size]": {"50"}}, status: 200, fixture: "organizations/run_queue.response.json"})
	ctx := context.Background()

	capacity, err := ts.client.Organizations.ReadCapacity(ctx, "hashicorp")
	require.NoError(t, err)
	assert.Equal(t, &OrganizationCapacity{Organization: "hashicorp", Pending: 3, Running: 2}, capacity)

	ent, err := ts.client.Organizations.ReadEntitlements(ctx, "hashicorp")
	require.NoError(t, err)
	assert.Equal(t, &OrganizationEntitlements{
		ID: "org-Bzyc2JuegvVLAibn", CostEstimation: true, Operations: true, PrivateModuleRegistry: true, StateStorage: true, VCSIntegrations: true,
	}, ent)

	queue, err := ts.client.Organizations.ReadRunQueue(ctx, "hashicorp", &RunQueueOptions{ListOptions: ListOptions{PageSize: 50}})
	require.NoError(t, err)
	assert.Equal(t, 2, queue.TotalCount)
	require.Len(t, queue.Items, 2)
	assert.Equal(t, &Run{
		ID: "run-GhSoNKFSnqWCk1CB", Status: "planning", Message: "Queued manually using Terraform", Source: "tfe-api",
		CreatedAt: time.Date(2024, 5, 21, 14, 3, 11, 120e6, time.UTC), Workspace: &Workspace{ID: "ws-UohFdKAHUGsQ8Dtf", Name: "web"},
	}, queue.Items[0])
	assert.Equal(t, &Workspace{ID: "ws-XhGhaaCrsx9ATson"}, queue.Items[1].Workspace)
	assert.True(t, queue.Items[1].IsDestroy)
}

func TestOrganizationsReadRunQueueIter(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/organizations/hashicorp/runs/queue", query: url.Values{"page[number]": {"1"}, "page[size]": {"100"}}, status: 200, fixture: "organizations/run_queue.response.json"})
	runs, err := collect(ts.client.Organizations.ReadRunQueueIter(context.Background(), "hashicorp", nil))
	require.NoError(t, err)
	assert.Len(t, runs, 2)
	assertServedOnce(t, served)
}

func TestOrganizationsDataRetentionPolicy(t *testing.T) {
	t.Parallel()
	const path = "/organizations/hashicorp/relationships/data-retention-policy"
	ctx := context.Background()
	t.Run("read", func(t *testing.T) {
		t.Parallel()
		for fixture, want := range map[string]*DataRetentionPolicy{
			"organizations/data_retention_delete_older.response.json": {ID: "drp-GjEB8rZpq7jD1Xzk", Kind: DataRetentionDeleteOlder, DeleteOlderThanNDays: 30},
			"organizations/data_retention_dont_delete.response.json":  {ID: "drp-3xQ5oNFvhBo3R9tf", Kind: DataRetentionDontDelete},
			"organizations/data_retention_none.response.json":         nil,
		} {
			ts := setup(t)
			ts.expect(exchange{method: "GET", path: path, status: 200, fixture: fixture})
			got, err := ts.client.Organizations.ReadDataRetentionPolicy(ctx, "hashicorp")
			require.NoError(t, err, fixture)
			assert.Equal(t, want, got, fixture)
		}
	})
	t.Run("read a legacy policy", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		ts.expect(exchange{method: "GET", path: path, status: 200, body: `{"data":{"id":"drp-1","type":"data-retention-policies","attributes":{"delete-older-than-n-days":7}}}`})
		got, err := ts.client.Organizations.ReadDataRetentionPolicy(ctx, "hashicorp")
		require.NoError(t, err)
		assert.Equal(t, &DataRetentionPolicy{ID: "drp-1", Kind: DataRetentionLegacy, DeleteOlderThanNDays: 7}, got)
	})
	t.Run("an answer of another type", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		ts.expect(exchange{method: "GET", path: path, status: 200, body: `{"data":{"id":"x","type":"teams"}}`})
		_, err := ts.client.Organizations.ReadDataRetentionPolicy(ctx, "hashicorp")
		wantDecodeError(t, err)
	})
	t.Run("set delete older", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		served := ts.expect(exchange{method: "POST", path: path, golden: "organizations/data_retention_delete_older.request.json", status: 201, fixture: "organizations/data_retention_delete_older.response.json"})
		got, err := ts.client.Organizations.SetDataRetentionPolicyDeleteOlder(ctx, "hashicorp", DataRetentionPolicyDeleteOlderOptions{DeleteOlderThanNDays: 30})
		require.NoError(t, err)
		assertServedOnce(t, served)
		assert.Equal(t, &DataRetentionPolicy{ID: "drp-GjEB8rZpq7jD1Xzk", Kind: DataRetentionDeleteOlder, DeleteOlderThanNDays: 30}, got)
	})
	t.Run("set don't delete, answered 204", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		served := ts.expect(exchange{method: "POST", path: path, golden: "organizations/data_retention_dont_delete.request.json", status: 204})
		got, err := ts.client.Organizations.SetDataRetentionPolicyDontDelete(ctx, "hashicorp")
		require.NoError(t, err)
		assertServedOnce(t, served)
		assert.Equal(t, &DataRetentionPolicy{Kind: DataRetentionDontDelete}, got, "the policy as sent")
	})
	t.Run("delete", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		served := ts.expect(exchange{method: "DELETE", path: path, status: 204})
		require.NoError(t, ts.client.Organizations.DeleteDataRetentionPolicy(ctx, "hashicorp"))
		assertServedOnce(t, served)
	})
	t.Run("a 404 says an older release may lack it", func(t *testing.T) {
		t.Parallel()
		ts := setup(t, func(c *Config) { c.RetryMax = -1 })
		ts.expect(exchange{method: "POST", path: path, anyRequest: true, status: 404, body: `{"errors":[{"status":"404","title":"not found"}]}`})
		_, err := ts.client.Organizations.SetDataRetentionPolicyDontDelete(ctx, "hashicorp")
		assert.ErrorIs(t, err, ErrResourceNotFound)
		assert.ErrorContains(t, err, "added in v202401-1")
	})
}

func TestOrganizationsValidationOfTheNewMethods(t *testing.T) {
	t.Parallel()
	runInvalidCalls(t, []invalidCall{
		{"ReadWithOptions", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			return errOf(c.Organizations.ReadWithOptions(ctx, "a/b", nil))
		}},
		{"ReadCapacity", ErrInvalidOrg, func(ctx context.Context, c *Client) error { return errOf(c.Organizations.ReadCapacity(ctx, "")) }},
		{"ReadEntitlements", ErrInvalidOrg, func(ctx context.Context, c *Client) error { return errOf(c.Organizations.ReadEntitlements(ctx, "..")) }},
		{"ReadRunQueue", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			return errOf(c.Organizations.ReadRunQueue(ctx, "a b", nil))
		}},
		{"ReadRunQueue/page", ErrInvalidPagination, func(ctx context.Context, c *Client) error {
			return errOf(c.Organizations.ReadRunQueue(ctx, "acme", &RunQueueOptions{ListOptions: ListOptions{PageSize: 500}}))
		}},
		{"ReadRunQueueIter", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			return iterErr(c.Organizations.ReadRunQueueIter(ctx, "", nil))
		}},
		{"ReadDataRetentionPolicy", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			return errOf(c.Organizations.ReadDataRetentionPolicy(ctx, "?"))
		}},
		{"SetDataRetentionPolicyDeleteOlder/days", ErrInvalidRetentionDays, func(ctx context.Context, c *Client) error {
			return errOf(c.Organizations.SetDataRetentionPolicyDeleteOlder(ctx, "acme", DataRetentionPolicyDeleteOlderOptions{}))
		}},
		{"SetDataRetentionPolicyDeleteOlder/org", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			return errOf(c.Organizations.SetDataRetentionPolicyDeleteOlder(ctx, "", DataRetentionPolicyDeleteOlderOptions{DeleteOlderThanNDays: 1}))
		}},
		{"SetDataRetentionPolicyDontDelete", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			return errOf(c.Organizations.SetDataRetentionPolicyDontDelete(ctx, "#"))
		}},
		{"DeleteDataRetentionPolicy", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			return c.Organizations.DeleteDataRetentionPolicy(ctx, "")
		}},
	})
}
