package tfe

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const day = 24 * time.Hour

func TestDefaultTokenTTLIsWhatTheServiceReports(t *testing.T) {
	t.Parallel()
	assert.EqualValues(t, 63_113_904_000, DefaultTokenTTL.Milliseconds())
	assert.Equal(t, time.Duration(2*365.2425*float64(day)), DefaultTokenTTL, "two years of 365.2425 days")
}

func TestTokenTTLPoliciesList(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	// Without options the query is empty, as the service documents none.
	served := ts.expect(exchange{method: "GET", path: "/organizations/hashicorp/token-ttl-policies", status: 200, fixture: "token_ttl_policies/list.response.json"})
	got, err := ts.client.TokenTTLPolicies.List(context.Background(), "hashicorp", nil)
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Nil(t, got.Pagination, "the answer has no pagination meta")
	type policy struct {
		typ TokenPolicyType
		ttl time.Duration
	}
	var policies []policy
	for _, p := range got.Items {
		policies = append(policies, policy{p.TokenType, p.MaxTTL})
	}
	assert.Equal(t, []policy{
		{TokenPolicyOrganization, 60 * day}, {TokenPolicyTeam, DefaultTokenTTL}, {TokenPolicyUser, 6 * 365 * day},
		{TokenPolicyAuditTrails, DefaultTokenTTL}, {TokenPolicyMetrics, DefaultTokenTTL},
	}, policies)
	first := got.Items[0]
	assert.Equal(t, "ottp-a1", first.ID)
	assert.Equal(t, time.Date(2025, 11, 20, 9, 30, 0, 0, time.UTC), first.CreatedAt.UTC())
	assert.Equal(t, time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC), first.UpdatedAt.UTC())
}

func TestTokenTTLPoliciesListSendsPageOptions(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "GET", path: "/organizations/hashicorp/token-ttl-policies",
		query:  url.Values{"page[number]": {"2"}, "page[size]": {"2"}},
		status: 200, body: `{"data":[{"id":"ottp-3","type":"organization-token-ttl-policies","attributes":{"token-type":"user","max-ttl-ms":1000}}],
			"meta":{"pagination":{"current-page":2,"prev-page":1,"total-pages":2,"total-count":3}}}`})
	got, err := ts.client.TokenTTLPolicies.List(context.Background(), "hashicorp", &TokenTTLPolicyListOptions{ListOptions: ListOptions{PageNumber: 2, PageSize: 2}})
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, &Pagination{CurrentPage: 2, PreviousPage: 1, TotalPages: 2, TotalCount: 3}, got.Pagination)
	require.Len(t, got.Items, 1)
	assert.Equal(t, time.Second, got.Items[0].MaxTTL)
}

func TestTokenTTLPoliciesListIter(t *testing.T) {
	t.Parallel()
	t.Run("an answer without pagination meta is the whole list", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		served := ts.expect(exchange{method: "GET", path: "/organizations/hashicorp/token-ttl-policies",
			query: url.Values{"page[number]": {"1"}, "page[size]": {"100"}}, status: 200, fixture: "token_ttl_policies/list.response.json"})
		items, err := collect(ts.client.TokenTTLPolicies.ListIter(context.Background(), "hashicorp", nil))
		require.NoError(t, err)
		assert.Len(t, items, 5)
		assertServedOnce(t, served)
	})
	t.Run("pages", func(t *testing.T) {
		t.Parallel()
		ts := setup(t)
		pages := map[string]string{
			"1": `{"data":[{"id":"ottp-1","type":"organization-token-ttl-policies","attributes":{"token-type":"team","max-ttl-ms":1}}],"meta":{"pagination":{"current-page":1,"next-page":2,"total-pages":2,"total-count":2}}}`,
			"2": `{"data":[{"id":"ottp-2","type":"organization-token-ttl-policies","attributes":{"token-type":"user","max-ttl-ms":2}}],"meta":{"pagination":{"current-page":2,"prev-page":1,"total-pages":2,"total-count":2}}}`,
		}
		ts.expect(exchange{method: "GET", path: "/organizations/hashicorp/token-ttl-policies", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
			n := r.URL.Query().Get("page[number]")
			checkRequest(ts, r, "GET", url.Values{"page[number]": {n}, "page[size]": {"1"}})
			respond(w, 200, pages[n])
		}})
		items, err := collect(ts.client.TokenTTLPolicies.ListIter(context.Background(), "hashicorp", &TokenTTLPolicyListOptions{ListOptions: ListOptions{PageSize: 1}}))
		require.NoError(t, err)
		require.Len(t, items, 2)
		assert.Equal(t, "ottp-1", items[0].ID)
		assert.Equal(t, "ottp-2", items[1].ID)
		assert.Equal(t, 2, ts.count())
	})
}

// listOne answers the policy list with one policy of the given
// attributes and returns what List makes of it.
func listOne(t *testing.T, attributes string) ([]*TokenTTLPolicy, error) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations/hashicorp/token-ttl-policies", anyRequest: true, status: 200, body: `{"data":[{"id":"ottp-9","type":"organization-token-ttl-policies","attributes":` + attributes + `}]}`})
	list, err := ts.client.TokenTTLPolicies.List(context.Background(), "hashicorp", nil)
	if err != nil {
		return nil, err
	}
	return list.Items, nil
}

func TestTokenTTLPoliciesKeepAnUnknownTokenType(t *testing.T) {
	t.Parallel()
	got, err := listOne(t, `{"token-type":"agent_pool","max-ttl-ms":3600000}`)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, TokenPolicyType("agent_pool"), got[0].TokenType)
	assert.Equal(t, time.Hour, got[0].MaxTTL)
}

func TestTokenTTLPoliciesRefuseAnAnswerThatDoesNotDecode(t *testing.T) {
	t.Parallel()
	_, err := listOne(t, `{"token-type":"user","max-ttl-ms":9300000000000}`)
	wantDecodeError(t, err)
	assert.ErrorContains(t, err, "9300000000000", "the error names the value")
	_, err = listOne(t, `{"token-type":"user","max-ttl-ms":"1d"}`)
	wantDecodeError(t, err)
}

func TestTokenTTLPoliciesUpdate(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "PATCH", path: "/organizations/hashicorp/token-ttl-policies", golden: "token_ttl_policies/update-all.request.json", status: 200, fixture: "token_ttl_policies/update.response.json"})
	got, err := ts.client.TokenTTLPolicies.Update(context.Background(), "hashicorp", TokenTTLPolicyUpdateOptions{
		Metrics:      Ptr(time.Hour),
		AuditTrails:  Ptr(2 * 365 * day),
		User:         Ptr(30 * day),
		Team:         Ptr(90 * day),
		Organization: Ptr(365 * day),
	})
	require.NoError(t, err)
	require.Len(t, got, 4)
	assert.Equal(t, TokenPolicyAuditTrails, got[3].TokenType)
	assert.Equal(t, 2*365*day, got[3].MaxTTL)
}

func TestTokenTTLPoliciesUpdateSendsOnlyWhatIsSet(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "PATCH", path: "/organizations/hashicorp/token-ttl-policies", golden: "token_ttl_policies/update-team.request.json", status: 200, fixture: "token_ttl_policies/update.response.json"})
	_, err := ts.client.TokenTTLPolicies.Update(context.Background(), "hashicorp", TokenTTLPolicyUpdateOptions{Team: Ptr(90 * day)})
	require.NoError(t, err)
	assertServedOnce(t, served)
}

func TestTokenTTLPoliciesResetToDefaults(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "PATCH", path: "/organizations/hashicorp/token-ttl-policies", golden: "token_ttl_policies/reset.request.json", status: 200, fixture: "token_ttl_policies/reset.response.json"})
	got, err := ts.client.TokenTTLPolicies.ResetToDefaults(context.Background(), "hashicorp")
	require.NoError(t, err)
	assertDefaultTTLs(t, got)
}

// assertDefaultTTLs checks that policies are the four reset types at
// DefaultTokenTTL.
func assertDefaultTTLs(t *testing.T, policies []*TokenTTLPolicy) {
	t.Helper()
	var types []TokenPolicyType
	for _, p := range policies {
		types = append(types, p.TokenType)
		assert.EqualValues(t, 63_113_904_000, p.MaxTTL.Milliseconds(), "the %s cap", p.TokenType)
	}
	assert.Equal(t, []TokenPolicyType{TokenPolicyOrganization, TokenPolicyTeam, TokenPolicyUser, TokenPolicyAuditTrails}, types)
}

func TestTokenTTLPoliciesRefuseBadOptions(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		org      string
		opts     TokenTTLPolicyUpdateOptions
		sentinel error
		mention  string
	}{
		{"nothing set", "hashicorp", TokenTTLPolicyUpdateOptions{}, ErrRequiredTokenTTLPolicy, "AuditTrails"},
		{"negative", "hashicorp", TokenTTLPolicyUpdateOptions{Team: Ptr(-time.Hour)}, ErrInvalidTTL, "team"},
		{"zero", "hashicorp", TokenTTLPolicyUpdateOptions{User: Ptr(time.Duration(0))}, ErrInvalidTTL, "user"},
		{"sub-millisecond", "hashicorp", TokenTTLPolicyUpdateOptions{Metrics: Ptr(999 * time.Microsecond)}, ErrInvalidTTL, "metrics"},
		{"not whole ms", "hashicorp", TokenTTLPolicyUpdateOptions{
			Organization: Ptr(time.Hour), AuditTrails: Ptr(1500 * time.Microsecond)}, ErrInvalidTTL, "audit_trails"},
		{"bad org", "a/b", TokenTTLPolicyUpdateOptions{Team: Ptr(time.Hour)}, ErrInvalidOrg, "organization"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := setup(t)
			_, err := ts.client.TokenTTLPolicies.Update(context.Background(), tc.org, tc.opts)
			assertLocalError(t, ts, err, tc.sentinel)
			assert.ErrorContains(t, err, tc.mention)
		})
	}
	runInvalidCalls(t, []invalidCall{
		{"list bad org", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			_, err := c.TokenTTLPolicies.List(ctx, "", nil)
			return err
		}},
		{"list bad page size", ErrInvalidPagination, func(ctx context.Context, c *Client) error {
			_, err := c.TokenTTLPolicies.List(ctx, "hashicorp", &TokenTTLPolicyListOptions{ListOptions: ListOptions{PageSize: 101}})
			return err
		}},
		{"iter bad org", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			_, err := collect(c.TokenTTLPolicies.ListIter(ctx, "a/b", nil))
			return err
		}},
		{"reset bad org", ErrInvalidOrg, func(ctx context.Context, c *Client) error {
			_, err := c.TokenTTLPolicies.ResetToDefaults(ctx, "..")
			return err
		}},
	})
}

func TestParseTTL(t *testing.T) {
	t.Parallel()
	ok := []struct {
		in   string
		want time.Duration
	}{
		{"500ms", 500 * time.Millisecond},
		{"45s", 45 * time.Second},
		{"6m", 6 * time.Minute},
		{"12h", 12 * time.Hour},
		{"90d", 90 * day},
		{"2w", 14 * day},
		{"6mo", 180 * day},
		{"1y", 31_556_952 * time.Second},
		{"2y", DefaultTokenTTL},
		{"2Y", DefaultTokenTTL},
		{"365d", 365 * day},
		{"6MO", 180 * day},
		{"6Mo", 180 * day},
		{"10MS", 10 * time.Millisecond},
		{"  30d  ", 30 * day},
		{"\t1h\n", time.Hour},
		{"6 mo", 180 * day},
		{"007d", 7 * day},
		{"292y", 292 * 31_556_952 * time.Second},
		{"9223372036854ms", 9223372036854 * time.Millisecond},
	}
	for _, tc := range ok {
		got, err := ParseTTL(tc.in)
		if assert.NoError(t, err, "ParseTTL(%q)", tc.in) {
			assert.Equal(t, tc.want, got, "ParseTTL(%q)", tc.in)
		}
	}
	refused := []string{
		"", "   ", "d", "y", "90", "-1d", "+1d", "1.5h", ".5h", "1,5h", "1h30m", "1h 30m", "1 d 2", "3x", "1xyz",
		"1 year", "one year", "0d", "0ms", "293y", "99999999999999999999d", "1µs", "1ns", "1ſ", "١d", "d1",
	}
	for _, in := range refused {
		_, err := ParseTTL(in)
		assert.ErrorIs(t, err, ErrInvalidTTL, "ParseTTL(%q)", in)
		assert.ErrorIs(t, err, ErrValidation, "ParseTTL(%q)", in)
		assert.ErrorContains(t, err, "ms, s, m, h, d, w, mo (30 days), y (365.2425 days)", "ParseTTL(%q) names the units", in)
	}
}

// FuzzParseTTL shows that ParseTTL never panics, that every string it
// accepts is a positive whole number of milliseconds that reads back the
// same when written in ms, and that every refusal matches ErrInvalidTTL.
// The seed corpus is in testdata/fuzz/FuzzParseTTL.
func FuzzParseTTL(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseTTL(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidTTL) || !strings.Contains(err.Error(), ttlSyntax) {
				t.Fatalf("ParseTTL(%q): error %v is not ErrInvalidTTL with the units", s, err)
			}
			return
		}
		if d <= 0 || d%time.Millisecond != 0 {
			t.Fatalf("ParseTTL(%q) = %s, not a positive whole number of ms", s, d)
		}
		again, err := ParseTTL(fmt.Sprintf("%dms", d.Milliseconds()))
		if err != nil || again != d {
			t.Fatalf("ParseTTL(%q) = %s, but %dms reads back as %s, %v", s, d, d.Milliseconds(), again, err)
		}
	})
}

// One year means one thing: "y" is the service's year, so the two-year
// default is "2y" exactly, and every year count reads as that many of it.
func TestParseTTLYearIsTheServicesYear(t *testing.T) {
	t.Parallel()
	two, err := ParseTTL("2y")
	require.NoError(t, err)
	assert.Equal(t, DefaultTokenTTL, two)
	one, err := ParseTTL("1y")
	require.NoError(t, err)
	assert.EqualValues(t, 31_556_952_000, one.Milliseconds(), "365.2425 days")
	assert.Equal(t, DefaultTokenTTL, 2*one)
	assert.Equal(t, 365.2425, float64(one)/float64(day))
}
