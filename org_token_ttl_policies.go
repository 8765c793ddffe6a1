package tfe

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"math"
	"strconv"
	"strings"
	"time"
)

// TokenTTLPolicies manages the caps on the lifetime of an organization's
// API tokens, one per token type. The caps are enforced while the
// organization's MaxTTLEnabled is true. Beta and undocumented: the only
// published contract is the OpenAPI operations listTokenTtlPolicies and
// upsertTokenTtlPolicies. Methods may be added in later versions.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
type TokenTTLPolicies interface {
	// List returns a page of the organization's policies, one per token
	// type. The service may answer the whole list without pagination meta
	// (Pagination is nil then); opts (nil for none) asks for a page all the
	// same, as for every other list.
	//
	// GET /organizations/:organization_name/token-ttl-policies
	// Beta, undocumented (OpenAPI listTokenTtlPolicies); see
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
	List(ctx context.Context, organization string, opts *TokenTTLPolicyListOptions) (*TokenTTLPolicyList, error)

	// ListIter yields every policy of the organization, page after page
	// (100 per page unless opts sets a size); it stops after an answer
	// without pagination meta. An error ends the sequence.
	//
	// GET /organizations/:organization_name/token-ttl-policies, repeated
	// Beta, undocumented (OpenAPI listTokenTtlPolicies); see
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
	ListIter(ctx context.Context, organization string, opts *TokenTTLPolicyListOptions) iter.Seq2[*TokenTTLPolicy, error]

	// Update sets the caps opts gives and returns every policy as the
	// service reports it afterwards.
	//
	// PATCH /organizations/:organization_name/token-ttl-policies
	// Beta, undocumented (OpenAPI upsertTokenTtlPolicies); see
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
	Update(ctx context.Context, organization string, opts TokenTTLPolicyUpdateOptions) ([]*TokenTTLPolicy, error)

	// ResetToDefaults sets the organization, team, user and audit_trails
	// caps to DefaultTokenTTL. It does not change MaxTTLEnabled.
	//
	// PATCH /organizations/:organization_name/token-ttl-policies
	// Beta, undocumented (OpenAPI upsertTokenTtlPolicies); see
	// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
	ResetToDefaults(ctx context.Context, organization string) ([]*TokenTTLPolicy, error)
}

// tokenTTLPolicies implements TokenTTLPolicies.
type tokenTTLPolicies struct {
	client *Client
}

var _ TokenTTLPolicies = (*tokenTTLPolicies)(nil)

// TokenPolicyType is the kind of token a TTL policy caps. A type the SDK
// does not list (the service may add one) decodes as its wire value.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
type TokenPolicyType string

// The token types of the TTL policies.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
const (
	// TokenPolicyOrganization caps organization tokens.
	TokenPolicyOrganization TokenPolicyType = "organization"
	// TokenPolicyTeam caps team tokens.
	TokenPolicyTeam TokenPolicyType = "team"
	// TokenPolicyUser caps user tokens.
	TokenPolicyUser TokenPolicyType = "user"
	// TokenPolicyAuditTrails caps audit trails tokens. The TTL policy API
	// spells it with an underscore, unlike the audit-trails token type
	// that creates those tokens.
	TokenPolicyAuditTrails TokenPolicyType = "audit_trails"
	// TokenPolicyMetrics caps metrics tokens.
	TokenPolicyMetrics TokenPolicyType = "metrics"
)

// DefaultTokenTTL is the cap the service reports for a policy nobody set,
// 63,113,904,000 ms: two years of 365.2425 days, which is what the
// service's "2 years" means. It is exactly ParseTTL("2y"). ResetToDefaults
// writes it.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
const DefaultTokenTTL = 63_113_904_000 * time.Millisecond

// ErrInvalidTTL is a TTL that ParseTTL cannot read, or a cap that is not a
// positive whole number of milliseconds.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
var ErrInvalidTTL = newSentinel("invalid TTL", ErrValidation)

// TokenTTLPolicy caps the lifetime of one type of API token.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
type TokenTTLPolicy struct {
	// ID is the policy's ID.
	ID string `json:"-"`
	// TokenType is the type of token the policy caps.
	TokenType TokenPolicyType `json:"token-type"`
	// MaxTTL is the longest lifetime a new token of this type may have
	// (max-ttl-ms on the wire).
	MaxTTL time.Duration `json:"-"`
	// CreatedAt is when the policy was created.
	CreatedAt time.Time `json:"created-at"`
	// UpdatedAt is when the policy last changed.
	UpdatedAt time.Time `json:"updated-at"`
}

// TokenTTLPolicyListOptions pages TokenTTLPolicies.List.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
type TokenTTLPolicyListOptions struct {
	ListOptions
}

// TokenTTLPolicyList is a page of token TTL policies.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
type TokenTTLPolicyList struct {
	// Pagination is nil when the service answered the whole list at once.
	*Pagination
	// Items are the policies of this page.
	Items []*TokenTTLPolicy
}

// TokenTTLPolicyUpdateOptions sets caps by token type: nil leaves a type's
// cap as it is. At least one must be set, and each must be a positive
// whole number of milliseconds (ParseTTL reads "90d" and the like).
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
type TokenTTLPolicyUpdateOptions struct {
	// Organization caps organization tokens.
	Organization *time.Duration
	// Team caps team tokens.
	Team *time.Duration
	// User caps user tokens.
	User *time.Duration
	// AuditTrails caps audit trails tokens (audit_trails on the wire).
	AuditTrails *time.Duration
	// Metrics caps metrics tokens.
	Metrics *time.Duration
}

// tokenTTLPoliciesAttributes are the attributes of an update.
type tokenTTLPoliciesAttributes struct {
	Policies []tokenTTLEntry `json:"token-ttl-policies"`
}

// tokenTTLEntry is one element of the token-ttl-policies attribute.
type tokenTTLEntry struct {
	TokenType TokenPolicyType `json:"token-type"`
	MaxTTLMs  int64           `json:"max-ttl-ms"`
}

// typedTTL is one cap of the options with its type and field name.
type typedTTL struct {
	typ   TokenPolicyType
	field string
	ttl   *time.Duration
}

// caps lists the options' caps in the order they are sent.
func (o TokenTTLPolicyUpdateOptions) caps() []typedTTL {
	return []typedTTL{
		{TokenPolicyOrganization, "Organization", o.Organization},
		{TokenPolicyTeam, "Team", o.Team},
		{TokenPolicyUser, "User", o.User},
		{TokenPolicyAuditTrails, "AuditTrails", o.AuditTrails},
		{TokenPolicyMetrics, "Metrics", o.Metrics},
	}
}

// entries validates the caps that are set and returns them as sent.
func (o TokenTTLPolicyUpdateOptions) entries() ([]tokenTTLEntry, error) {
	var out []tokenTTLEntry
	for _, c := range o.caps() {
		if c.ttl == nil {
			continue
		}
		if err := checkTTL(c); err != nil {
			return nil, err
		}
		out = append(out, tokenTTLEntry{TokenType: c.typ, MaxTTLMs: c.ttl.Milliseconds()})
	}
	if len(out) == 0 {
		return nil, invalid(ErrRequiredTokenTTLPolicy, "TokenTTLPolicyUpdateOptions",
			"set at least one of Organization, Team, User, AuditTrails, Metrics")
	}
	return out, nil
}

// checkTTL refuses a cap that is not a positive whole number of
// milliseconds, naming its token type.
func checkTTL(c typedTTL) error {
	d := *c.ttl
	var reason string
	switch {
	case d < time.Millisecond:
		reason = fmt.Sprintf("the %s TTL must be at least 1ms, got %s", c.typ, d)
	case d%time.Millisecond != 0:
		reason = fmt.Sprintf("the %s TTL must be a whole number of milliseconds, got %s", c.typ, d)
	default:
		return nil
	}
	return invalid(ErrInvalidTTL, "TokenTTLPolicyUpdateOptions."+c.field, reason)
}

// List implements TokenTTLPolicies.
func (s *tokenTTLPolicies) List(ctx context.Context, organization string, opts *TokenTTLPolicyListOptions) (*TokenTTLPolicyList, error) {
	items, page, err := listPage(ctx, s.client, tokenTTLListing(organization, opts), tokenTTLPolicyDecoder)
	if err != nil {
		return nil, err
	}
	return &TokenTTLPolicyList{Pagination: page, Items: items}, nil
}

// ListIter implements TokenTTLPolicies.
func (s *tokenTTLPolicies) ListIter(ctx context.Context, organization string, opts *TokenTTLPolicyListOptions) iter.Seq2[*TokenTTLPolicy, error] {
	return listIter(ctx, s.client, tokenTTLListing(organization, opts), tokenTTLPolicyDecoder)
}

// tokenTTLListing is the list of an organization's policies.
func tokenTTLListing(organization string, opts *TokenTTLPolicyListOptions) listing {
	return newListing(tokenTTLPath(organization), opts, checkID(ErrInvalidOrg, "organization", organization))
}

// Update implements TokenTTLPolicies.
func (s *tokenTTLPolicies) Update(ctx context.Context, organization string, opts TokenTTLPolicyUpdateOptions) ([]*TokenTTLPolicy, error) {
	if err := checkID(ErrInvalidOrg, "organization", organization); err != nil {
		return nil, err
	}
	entries, err := opts.entries()
	if err != nil {
		return nil, err
	}
	doc := newDocument("organization-token-ttl-policies", tokenTTLPoliciesAttributes{Policies: entries})
	items, _, err := requestMany(ctx, s.client, patch(tokenTTLPath(organization), doc), tokenTTLPolicyDecoder)
	return items, err
}

// ResetToDefaults implements TokenTTLPolicies.
func (s *tokenTTLPolicies) ResetToDefaults(ctx context.Context, organization string) ([]*TokenTTLPolicy, error) {
	d := DefaultTokenTTL
	return s.Update(ctx, organization, TokenTTLPolicyUpdateOptions{Organization: &d, Team: &d, User: &d, AuditTrails: &d})
}

// tokenTTLPath is the policies' path for an organization.
func tokenTTLPath(organization string) string {
	return apiPath("organizations", organization, "token-ttl-policies")
}

// tokenTTLPolicyAttributes are the attributes of an
// organization-token-ttl-policies resource: the model's, and the cap,
// which becomes MaxTTL.
type tokenTTLPolicyAttributes struct {
	TokenTTLPolicy
	MaxTTL milliseconds `json:"max-ttl-ms"`
}

// tokenTTLPolicyDecoder decodes organization-token-ttl-policies
// resources.
var tokenTTLPolicyDecoder = newDecoder(&kind[tokenTTLPolicyAttributes, noRelationships, TokenTTLPolicy]{
	typ: "organization-token-ttl-policies",
	model: func(res *resource[tokenTTLPolicyAttributes, noRelationships], _ *included) *TokenTTLPolicy {
		p := &res.Attributes.TokenTTLPolicy
		p.ID = res.ID
		p.MaxTTL = time.Duration(res.Attributes.MaxTTL)
		return p
	},
})

// milliseconds is a duration the wire gives as a whole number of
// milliseconds.
type milliseconds time.Duration

// UnmarshalJSON reads a number of milliseconds; one that a time.Duration
// cannot hold is an error.
func (m *milliseconds) UnmarshalJSON(data []byte) error {
	var ms int64
	if err := json.Unmarshal(data, &ms); err != nil {
		return err
	}
	if ms > math.MaxInt64/int64(time.Millisecond) || ms < math.MinInt64/int64(time.Millisecond) {
		return fmt.Errorf("max-ttl-ms %d does not fit a time.Duration", ms)
	}
	*m = milliseconds(time.Duration(ms) * time.Millisecond)
	return nil
}

// ttlYear is the year of ParseTTL's "y": the Gregorian mean year of
// 365.2425 days (31,556,952 s), the year the service counts in, so that
// "2y" is DefaultTokenTTL.
const ttlYear = 31_556_952 * time.Second

// ttlUnits are the units ParseTTL reads, with their lengths.
var ttlUnits = map[string]time.Duration{
	"ms": time.Millisecond,
	"s":  time.Second,
	"m":  time.Minute,
	"h":  time.Hour,
	"d":  24 * time.Hour,
	"w":  7 * 24 * time.Hour,
	"mo": 30 * 24 * time.Hour,
	"y":  ttlYear,
}

// ttlSyntax is the hint every ParseTTL error ends with.
const ttlSyntax = "want a whole number and one unit of ms, s, m, h, d, w, mo (30 days), y (365.2425 days), such as 90d"

// ParseTTL reads a token lifetime such as "90d", "1y" or "500ms": a
// positive whole number and one unit of ms, s, m (minutes), h, d, w, mo
// (30 days) or y (365.2425 days). The unit is case-insensitive; spaces are
// allowed around the text and between the number and the unit ("6 mo").
// Signs, decimals ("1.5h"), compounds ("1h30m"), zero and values past
// time.Duration's range (about 292 years) are refused with an error that
// matches ErrInvalidTTL and names the accepted units.
//
// A year is the Gregorian mean year, 365.2425 days (31,556,952 s), as the
// service counts it: ParseTTL("2y") is DefaultTokenTTL, the cap the service
// reports as its two-year default. This differs from the Terraform
// provider's parser and the Python SDK, which count 365 days ("1y" is
// 31,536,000,000 ms there, 31,556,952,000 ms here); write "365d" for
// that.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
func ParseTTL(s string) (time.Duration, error) {
	text := strings.TrimSpace(s)
	number := text[:len(text)-len(strings.TrimLeft(text, "0123456789"))]
	unit := strings.ToLower(strings.TrimSpace(text[len(number):]))
	per, known := ttlUnits[unit]
	switch {
	case number == "":
		return 0, ttlError(s, "no whole number")
	case unit == "":
		return 0, ttlError(s, "no unit")
	case !known:
		return 0, ttlError(s, fmt.Sprintf("unknown unit %q", cutString(unit, 16)))
	}
	n, err := strconv.ParseInt(number, 10, 64)
	switch {
	case err != nil || n > math.MaxInt64/int64(per):
		return 0, ttlError(s, "longer than a time.Duration holds (about 292 years)")
	case n == 0:
		return 0, ttlError(s, "zero is not a lifetime")
	}
	return time.Duration(n) * per, nil
}

// ttlError is a ParseTTL error for input s.
func ttlError(s, reason string) error {
	return invalid(ErrInvalidTTL, strconv.Quote(cutString(s, 32)), reason+"; "+ttlSyntax)
}
