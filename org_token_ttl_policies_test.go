package tfe

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

const day = 24 * time.Hour

func TestDefaultTokenTTLIsWhatTheServiceReports(t *testing.T) {
	if DefaultTokenTTL.Milliseconds() != 63_113_904_000 {
		t.Errorf("DefaultTokenTTL = %d ms", DefaultTokenTTL.Milliseconds())
	}
	if twoYears := time.Duration(2 * 365.2425 * float64(day)); DefaultTokenTTL != twoYears {
		t.Errorf("DefaultTokenTTL = %s, want two years of 365.2425 days (%s)", DefaultTokenTTL, twoYears)
	}
}

func TestTokenTTLPoliciesList(t *testing.T) {
	ts := setup(t)
	// serve checks the query is empty: the list is not paginated.
	ts.expect(exchange{method: "GET", path: "/organizations/hashicorp/token-ttl-policies", golden: "", status: 200, fixture: "token_ttl_policies/list.response.json"})
	got, err := ts.client.TokenTTLPolicies.List(context.Background(), "hashicorp")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		typ TokenPolicyType
		ttl time.Duration
	}{
		{TokenPolicyOrganization, 60 * day}, {TokenPolicyTeam, DefaultTokenTTL}, {TokenPolicyUser, 6 * 365 * day},
		{TokenPolicyAuditTrails, DefaultTokenTTL}, {TokenPolicyMetrics, DefaultTokenTTL},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d policies, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].TokenType != w.typ || got[i].MaxTTL != w.ttl {
			t.Errorf("policy %d = %s %s, want %s %s", i, got[i].TokenType, got[i].MaxTTL, w.typ, w.ttl)
		}
	}
	first := got[0]
	if first.ID != "ottp-a1" || !first.CreatedAt.Equal(time.Date(2025, 11, 20, 9, 30, 0, 0, time.UTC)) ||
		!first.UpdatedAt.Equal(time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("first = %+v", first)
	}
}

// listOne answers the policy list with one policy of the given
// attributes and returns what List makes of it.
func listOne(t *testing.T, attributes string) ([]*TokenTTLPolicy, error) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations/hashicorp/token-ttl-policies", anyRequest: true, status: 200, body: `{"data":[{"id":"ottp-9","type":"organization-token-ttl-policies","attributes":` + attributes + `}]}`})
	return ts.client.TokenTTLPolicies.List(context.Background(), "hashicorp")
}

func TestTokenTTLPoliciesKeepAnUnknownTokenType(t *testing.T) {
	got, err := listOne(t, `{"token-type":"agent_pool","max-ttl-ms":3600000}`)
	if err != nil || len(got) != 1 || got[0].TokenType != "agent_pool" || got[0].MaxTTL != time.Hour {
		t.Errorf("got %+v, %v", got, err)
	}
}

func TestTokenTTLPoliciesRefuseAnAnswerThatDoesNotDecode(t *testing.T) {
	_, err := listOne(t, `{"token-type":"user","max-ttl-ms":9300000000000}`)
	wantDecodeError(t, err)
	if err != nil && !strings.Contains(err.Error(), "9300000000000") {
		t.Errorf("the error does not name the value: %v", err)
	}
	_, err = listOne(t, `{"token-type":"user","max-ttl-ms":"1d"}`)
	wantDecodeError(t, err)
}

func TestTokenTTLPoliciesUpdate(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "PATCH", path: "/organizations/hashicorp/token-ttl-policies", golden: "token_ttl_policies/update-all.request.json", status: 200, fixture: "token_ttl_policies/update.response.json"})
	got, err := ts.client.TokenTTLPolicies.Update(context.Background(), "hashicorp", TokenTTLPolicyUpdateOptions{
		Metrics:      Ptr(time.Hour),
		AuditTrails:  Ptr(2 * 365 * day),
		User:         Ptr(30 * day),
		Team:         Ptr(90 * day),
		Organization: Ptr(365 * day),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || got[3].TokenType != TokenPolicyAuditTrails || got[3].MaxTTL != 2*365*day {
		t.Errorf("got %+v", got)
	}
}

func TestTokenTTLPoliciesUpdateSendsOnlyWhatIsSet(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "PATCH", path: "/organizations/hashicorp/token-ttl-policies", golden: "token_ttl_policies/update-team.request.json", status: 200, fixture: "token_ttl_policies/update.response.json"})
	_, err := ts.client.TokenTTLPolicies.Update(context.Background(), "hashicorp", TokenTTLPolicyUpdateOptions{Team: Ptr(90 * day)})
	if err != nil {
		t.Fatal(err)
	}
}

func TestTokenTTLPoliciesResetToDefaults(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "PATCH", path: "/organizations/hashicorp/token-ttl-policies", golden: "token_ttl_policies/reset.request.json", status: 200, fixture: "token_ttl_policies/reset.response.json"})
	got, err := ts.client.TokenTTLPolicies.ResetToDefaults(context.Background(), "hashicorp")
	if err != nil {
		t.Fatal(err)
	}
	assertDefaultTTLs(t, got)
}

// assertDefaultTTLs checks that policies are the four reset types at
// DefaultTokenTTL.
func assertDefaultTTLs(t *testing.T, policies []*TokenTTLPolicy) {
	t.Helper()
	want := []TokenPolicyType{TokenPolicyOrganization, TokenPolicyTeam, TokenPolicyUser, TokenPolicyAuditTrails}
	if len(policies) != len(want) {
		t.Fatalf("got %d policies, want %d", len(policies), len(want))
	}
	for i, p := range policies {
		if p.TokenType != want[i] || p.MaxTTL.Milliseconds() != 63_113_904_000 {
			t.Errorf("policy %d = %s %d ms, want %s 63113904000 ms", i, p.TokenType, p.MaxTTL.Milliseconds(), want[i])
		}
	}
}

func TestTokenTTLPoliciesRefuseBadOptions(t *testing.T) {
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
			ts := setup(t)
			_, err := ts.client.TokenTTLPolicies.Update(context.Background(), tc.org, tc.opts)
			assertLocalError(t, ts, err, tc.sentinel)
			if err != nil && !strings.Contains(err.Error(), tc.mention) {
				t.Errorf("the error does not name %q: %v", tc.mention, err)
			}
		})
	}
	t.Run("list bad org", func(t *testing.T) {
		ts := setup(t)
		_, err := ts.client.TokenTTLPolicies.List(context.Background(), "")
		assertLocalError(t, ts, err, ErrInvalidOrg)
	})
	t.Run("reset bad org", func(t *testing.T) {
		ts := setup(t)
		_, err := ts.client.TokenTTLPolicies.ResetToDefaults(context.Background(), "..")
		assertLocalError(t, ts, err, ErrInvalidOrg)
	})
}

func TestParseTTL(t *testing.T) {
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
		if err != nil || got != tc.want {
			t.Errorf("ParseTTL(%q) = %s, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	refused := []string{
		"", "   ", "d", "y", "90", "-1d", "+1d", "1.5h", ".5h", "1,5h", "1h30m", "1h 30m", "1 d 2", "3x", "1xyz",
		"1 year", "one year", "0d", "0ms", "293y", "99999999999999999999d", "1µs", "1ns", "1ſ", "١d", "d1",
	}
	for _, in := range refused {
		got, err := ParseTTL(in)
		if err == nil {
			t.Errorf("ParseTTL(%q) = %s, want an error", in, got)
			continue
		}
		if !errors.Is(err, ErrInvalidTTL) || !errors.Is(err, ErrValidation) {
			t.Errorf("ParseTTL(%q) error %v does not match ErrInvalidTTL and ErrValidation", in, err)
		}
		if !strings.Contains(err.Error(), "ms, s, m, h, d, w, mo (30 days), y (365.2425 days)") {
			t.Errorf("ParseTTL(%q) error does not name the units: %v", in, err)
		}
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
	two, err := ParseTTL("2y")
	if err != nil || two != DefaultTokenTTL {
		t.Errorf(`ParseTTL("2y") = %s, %v; want DefaultTokenTTL (%s)`, two, err, DefaultTokenTTL)
	}
	one, err := ParseTTL("1y")
	if err != nil || one.Milliseconds() != 31_556_952_000 || 2*one != DefaultTokenTTL {
		t.Errorf(`ParseTTL("1y") = %d ms, %v; want 31,556,952,000 (365.2425 days)`, one.Milliseconds(), err)
	}
	if days := float64(one) / float64(day); days != 365.2425 {
		t.Errorf("a year is %v days, want 365.2425", days)
	}
}
