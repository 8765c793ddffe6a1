package tfe

// TokenTTLPolicies manages the organization's API token lifetime caps.
//
// Its methods land with the service's issue; this declaration lets the
// Client wire every service from the start.
type TokenTTLPolicies interface{}

// tokenTTLPolicies implements TokenTTLPolicies.
type tokenTTLPolicies struct {
	client *Client
}

var _ TokenTTLPolicies = (*tokenTTLPolicies)(nil)
