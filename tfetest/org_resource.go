package tfetest

import "maps"

// How an organization reads: its attributes, permissions and
// relationships, and what include can add.

// orgIncludes are the include values an organization read takes (the
// OpenAPI description's list). subscription is accepted and adds nothing:
// the fake keeps no billing.
var orgIncludes = []string{"default-project", "entitlement_set", "subscription"}

// remainingTestableCount is what organizations report as the test runs
// left to them: the fake runs no tests, so it stays at this positive
// figure.
const remainingTestableCount = 5

// orgPermissions are the permissions an organization reads with, from the
// OpenAPI description: the fake's one token acts as an owner, so all are
// true. Those only one product has are added by orgResource.
var orgPermissions = []string{
	"can-update", "can-update-authentication-token", "can-view-authentication", "can-destroy",
	"can-access-via-teams", "can-create-module", "can-create-team", "can-create-workspace",
	"can-manage-users", "can-view-users", "can-manage-subscription", "can-manage-sso",
	"can-update-oauth", "can-update-sentinel", "can-update-ssh-keys", "can-update-api-token",
	"can-traverse", "can-view-usage", "can-update-agent-pools", "can-manage-tags",
	"can-manage-varsets", "can-read-varsets", "can-manage-public-providers", "can-create-provider",
	"can-manage-public-modules", "can-manage-custom-providers", "can-manage-run-tasks",
	"can-read-run-tasks", "can-create-project", "can-enable-stacks", "can-manage-org-public-providers",
	"can-manage-org-public-modules", "can-manage-assessments", "can-read-assessments",
	"can-view-explorer", "can-deploy-no-code-modules", "can-manage-no-code-modules",
	"can-manage-recoverable-items",
}

// hcpOnlyPermissions and tfeOnlyPermissions are marked as one product's in
// the OpenAPI description.
var (
	hcpOnlyPermissions = []string{"can-manage-groups-in-hcp", "can-create-project-in-hcp", "can-update-hyok-configuration"}
	tfeOnlyPermissions = []string{"can-read-policies"}
)

func (st *store) orgPermissions() map[string]bool {
	out := map[string]bool{}
	extra := tfeOnlyPermissions
	if st.hcp {
		extra = hcpOnlyPermissions
	}
	for _, l := range [][]string{orgPermissions, extra} {
		for _, p := range l {
			out[p] = true
		}
	}
	return out
}

func (st *store) orgResource(o *org) resource {
	attrs := map[string]any{
		"name":                     o.name,
		"email":                    o.email,
		"external-id":              o.externalID,
		"created-at":               formatTime(o.createdAt),
		"default-execution-mode":   o.execMode,
		"max-ttl-enabled":          o.maxTTLEnabled,
		"permissions":              st.orgPermissions(),
		"remaining-testable-count": remainingTestableCount,
		"trial-expires-at":         nil,
		"plan-expired":             false,
		"plan-expires-at":          nil,
		"plan-is-trial":            false,
		"plan-is-enterprise":       !st.hcp,
		"saml-enabled":             false,
		"two-factor-conformant":    true,
		"fair-run-queuing-enabled": true,
		"is-in-degraded-mode":      false,
	}
	maps.Copy(attrs, o.settings)
	rels := map[string]relationship{
		"default-agent-pool": toOne("agent-pools", o.poolID),
		"default-project":    toOne("projects", o.defaultProjectID),
		"entitlement-set":    toOne("entitlement-sets", o.externalID),
	}
	if st.hcp {
		attrs["is-unified"] = false
		for _, name := range []string{"global-module-sharing", "global-provider-sharing"} {
			delete(attrs, name)
		}
	} else {
		rels["data-retention-policy"] = o.retention.relationship()
	}
	return resource{
		ID:            o.name,
		Type:          "organizations",
		Attributes:    attrs,
		Relationships: rels,
		Links:         map[string]string{"self": apiPath("organizations", o.name)},
	}
}

// orgIncluded is what include adds to an organization read.
func (st *store) orgIncluded(o *org, inc map[string]bool) []resource {
	var out []resource
	if p, ok := st.projects[o.defaultProjectID]; ok && inc["default-project"] {
		out = append(out, st.projectAnswer(p))
	}
	if inc["entitlement_set"] {
		out = append(out, st.entitlementResource(o))
	}
	return out
}
