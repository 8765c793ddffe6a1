package tfe

// Variables manages workspace variables.
//
// Its methods land with the service's issue; this declaration lets the
// Client wire every service from the start.
type Variables interface{}

// variables implements Variables.
type variables struct {
	client *Client
}

var _ Variables = (*variables)(nil)

// CategoryType is what a variable is for.
type CategoryType string

// The variable categories.
const (
	// CategoryTerraform is a Terraform input variable.
	CategoryTerraform CategoryType = "terraform"
	// CategoryEnv is an environment variable of the run.
	CategoryEnv CategoryType = "env"
	// CategoryPolicySet is a policy set parameter.
	CategoryPolicySet CategoryType = "policy-set"
)

// valid reports whether c is one of the known categories.
func (c CategoryType) valid() bool {
	return c == CategoryTerraform || c == CategoryEnv || c == CategoryPolicySet
}
