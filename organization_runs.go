package tfe

import (
	"context"
	"iter"
	"time"
)

// This file holds the organization reads beyond the organization itself:
// its run capacity, its run queue and its entitlement set.

// OrganizationCapacity is how many of an organization's runs are pending
// and running now.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations
type OrganizationCapacity struct {
	// Organization is the organization's name (the resource's ID).
	Organization string `json:"-"`
	// Pending is the number of runs waiting for capacity.
	Pending int `json:"pending"`
	// Running is the number of runs in progress.
	Running int `json:"running"`
}

// OrganizationEntitlements are the features an organization is entitled
// to. A feature the organization lacks answers 404 on its endpoints.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#show-the-entitlement-set
type OrganizationEntitlements struct {
	// ID is the entitlement set's ID (org-…).
	ID string `json:"-"`
	// Agents allows self-hosted agents.
	Agents bool `json:"agents"`
	// AuditLogging allows audit trails.
	AuditLogging bool `json:"audit-logging"`
	// CostEstimation allows cost estimates.
	CostEstimation bool `json:"cost-estimation"`
	// GlobalRunTasks allows run tasks on every workspace.
	GlobalRunTasks bool `json:"global-run-tasks"`
	// Operations allows remote runs.
	Operations bool `json:"operations"`
	// PrivateModuleRegistry allows the private registry.
	PrivateModuleRegistry bool `json:"private-module-registry"`
	// PrivateRunTasks allows run tasks on private endpoints.
	PrivateRunTasks bool `json:"private-run-tasks"`
	// RunTasks allows run tasks.
	RunTasks bool `json:"run-tasks"`
	// Sentinel allows Sentinel policies.
	Sentinel bool `json:"sentinel"`
	// SSO allows single sign-on.
	SSO bool `json:"sso"`
	// StateStorage allows remote state.
	StateStorage bool `json:"state-storage"`
	// Teams allows teams.
	Teams bool `json:"teams"`
	// VCSIntegrations allows VCS connections.
	VCSIntegrations bool `json:"vcs-integrations"`
}

// Run is a Terraform run, as the organization's run queue lists it.
//
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/run
type Run struct {
	// ID is the run ID (run-…).
	ID string `json:"-"`
	// Status is the run's state, such as pending, planning or applying.
	Status string `json:"status"`
	// Message is the run's message.
	Message string `json:"message"`
	// Source is what started the run, such as tfe-api or tfe-ui.
	Source string `json:"source"`
	// IsDestroy reports whether the run destroys the resources.
	IsDestroy bool `json:"is-destroy"`
	// PlanOnly reports whether the run only plans.
	PlanOnly bool `json:"plan-only"`
	// HasChanges reports whether the plan changes anything.
	HasChanges bool `json:"has-changes"`
	// CreatedAt is when the run was created.
	CreatedAt time.Time `json:"created-at"`
	// Workspace is the run's workspace (ID only unless included).
	Workspace *Workspace `json:"-"`
}

// RunQueue is a page of an organization's queued and running runs.
type RunQueue struct {
	*Pagination
	// Items are the runs of this page.
	Items []*Run
}

// RunQueueOptions pages ReadRunQueue.
type RunQueueOptions struct {
	ListOptions
}

// ReadCapacity implements Organizations.
func (s *organizations) ReadCapacity(ctx context.Context, organization string) (*OrganizationCapacity, error) {
	if err := checkID(ErrInvalidOrg, "organization", organization); err != nil {
		return nil, err
	}
	return requestOne(ctx, s.client, get(apiPath("organizations", organization, "capacity"), nil), capacityDecoder)
}

// ReadRunQueue implements Organizations.
func (s *organizations) ReadRunQueue(ctx context.Context, organization string, opts *RunQueueOptions) (*RunQueue, error) {
	items, page, err := listPage(ctx, s.client, runQueue(organization, opts), runDecoder)
	if err != nil {
		return nil, err
	}
	return &RunQueue{Pagination: page, Items: items}, nil
}

// ReadRunQueueIter implements Organizations.
func (s *organizations) ReadRunQueueIter(ctx context.Context, organization string, opts *RunQueueOptions) iter.Seq2[*Run, error] {
	return listIter(ctx, s.client, runQueue(organization, opts), runDecoder)
}

// runQueue is the list of an organization's queued runs.
func runQueue(organization string, opts *RunQueueOptions) listing {
	return newListing(apiPath("organizations", organization, "runs", "queue"), opts, checkID(ErrInvalidOrg, "organization", organization))
}

// ReadEntitlements implements Organizations.
func (s *organizations) ReadEntitlements(ctx context.Context, organization string) (*OrganizationEntitlements, error) {
	if err := checkID(ErrInvalidOrg, "organization", organization); err != nil {
		return nil, err
	}
	return requestOne(ctx, s.client, get(apiPath("organizations", organization, "entitlement-set"), nil), entitlementsDecoder)
}

// capacityDecoder decodes organization-capacity resources, whose ID is
// the organization's name.
var capacityDecoder = newDecoder(attributesOnly("organization-capacity", func(c *OrganizationCapacity, id string) { c.Organization = id }))

// entitlementsDecoder decodes entitlement-sets resources.
var entitlementsDecoder = newDecoder(attributesOnly("entitlement-sets", func(e *OrganizationEntitlements, id string) { e.ID = id }))

// runRelationships are the relationships of a runs resource.
type runRelationships struct {
	Workspace toOne `json:"workspace"`
}

// runDecoder decodes runs, with the workspaces an answer includes.
var runDecoder = newDecoder(&kind[Run, runRelationships, Run]{
	typ: "runs",
	model: func(res *resource[Run, runRelationships], inc *included) *Run {
		r := &res.Attributes
		r.ID = res.ID
		r.Workspace = resolveOne(inc, res.Relationships.Workspace, workspaceStub)
		return r
	},
}, workspaceKind, projectKind)
