package tfe

import "time"

// Organizations manages organizations and their default settings.
//
// Its methods land with the service's issue; this declaration lets the
// Client wire every service from the start.
type Organizations interface{}

// organizations implements Organizations.
type organizations struct {
	client *Client
}

var _ Organizations = (*organizations)(nil)

// Organization is an HCP Terraform or Terraform Enterprise organization.
// Where another resource refers to its organization, only Name is set.
type Organization struct {
	// Name is the organization's name, its ID in paths.
	Name string `json:"name"`
	// Email is the organization's admin email address.
	Email string `json:"email"`
	// ExternalID is the organization's ID (org-…).
	ExternalID string `json:"external-id"`
	// DefaultExecutionMode is the execution mode of new workspaces.
	DefaultExecutionMode ExecutionMode `json:"default-execution-mode"`
	// DefaultAgentPool is the agent pool of new workspaces in agent mode,
	// nil when unset.
	DefaultAgentPool *AgentPool `json:"-"`
	// MaxTTLEnabled reports whether the token TTL policies are enforced.
	MaxTTLEnabled bool `json:"max-ttl-enabled"`
	// CreatedAt is when the organization was created.
	CreatedAt time.Time `json:"created-at"`
}

// AgentPool is a pool of self-hosted agents.
type AgentPool struct {
	// ID is the agent pool ID (apool-…).
	ID string `json:"-"`
	// Name is the pool's name; empty when only the ID was returned.
	Name string `json:"name"`
}
