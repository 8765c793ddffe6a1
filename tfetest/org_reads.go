package tfetest

import "net/http"

// Read-only views of an organization: organizations/:org/capacity,
// organizations/:org/runs/queue and organizations/:org/entitlement-set.
// The fake runs nothing, so the capacity is idle and the queue empty.

func (st *store) readCapacity(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	return one(http.StatusOK, resource{
		ID: o.name, Type: "organization-capacity",
		Attributes: map[string]any{"pending": 0, "running": 0},
	}, nil)
}

// readRunQueue answers the organization's queued runs, a paginated list of
// runs: always empty, since the fake queues no runs.
func (st *store) readRunQueue(r *http.Request) (int, any, *apiError) {
	_, p, apiErr := st.orgPage(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	return page(r, p, 0, nil, nil)
}

func (st *store) readEntitlements(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	return one(http.StatusOK, st.entitlementResource(o), nil)
}

// entitlements are what an organization's entitlement set grants: the
// features of a paid plan on; the ones HCP Terraform sells separately
// (Waypoint actions, Infragraph with near-real-time updates) off.
var entitlements = map[string]bool{
	"agents": true, "audit-logging": true, "cost-estimation": true, "global-run-tasks": true,
	"module-tests-generation": true, "operations": true, "private-module-registry": true,
	"private-policy-agents": true, "private-run-tasks": true, "private-vcs": true,
	"policy-enforcement": true, "run-tasks": true, "self-serve-billing": false, "sentinel": true,
	"sso": true, "state-storage": true, "teams": true, "vcs-integrations": true,
	"waypoint-actions": false, "waypoint-templates-and-addons": true,
	"infragraph": true, "infragraph-with-nrtu": false,
}

// entitlementResource renders the organization's entitlement set, whose
// ID is the organization's external ID as on the service.
func (st *store) entitlementResource(o *org) resource {
	attrs := map[string]any{}
	for k, v := range entitlements {
		attrs[k] = v
	}
	return resource{
		ID: o.externalID, Type: "entitlement-sets", Attributes: attrs,
		Links: map[string]string{"self": apiPath("entitlement-sets", o.externalID)},
	}
}
