package tfetest

import (
	"net/http"
	"strings"
)

// Handlers for organizations: organizations and organizations/:org.

// orgDefaults are the documented defaults of the organization settings the
// fake stores without giving them meaning.
var orgDefaults = map[string]any{
	"session-timeout":          int64(20160),
	"session-remember":         int64(20160),
	"collaborator-auth-policy": "password",
	"cost-estimation-enabled":  false,
	"send-passing-statuses-for-untriggered-speculative-plans": false,
	"aggregated-commit-status-enabled":                        true,
	"speculative-plan-management-enabled":                     true,
	"owners-team-saml-role-id":                                nil,
	"assessments-enforced":                                    false,
	"allow-force-delete-workspaces":                           false,
	"enforce-hyok":                                            false,
	"stacks-enabled":                                          false,
	"user-tokens-enabled":                                     true,
	"registry-monorepo-support-enabled":                       false,
	"recoverable-items-enabled":                               false,
	"global-module-sharing":                                   false,
	"global-provider-sharing":                                 false,
}

func (st *store) listOrgs(r *http.Request) (int, any, *apiError) {
	p, apiErr := parsePage(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	q := strings.ToLower(r.URL.Query().Get("q"))
	var all []*org
	for _, o := range sortedBy(st.orgs, func(o *org) int { return o.seq }) {
		if strings.Contains(strings.ToLower(o.name), q) || strings.Contains(strings.ToLower(o.email), q) {
			all = append(all, o)
		}
	}
	return pageOf(r, p, all, st.orgResource)
}

func (st *store) createOrg(r *http.Request) (int, any, *apiError) {
	in, apiErr := orgBody.read(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	name, _ := in.str("name")
	email, _ := in.str("email")
	if !in.has("name") {
		return fail(errInvalid(in.attr("name"), "name is required"))
	}
	if email == "" {
		return fail(errInvalid(in.attr("email"), "email is required"))
	}
	o := st.newOrg(name, email)
	draft, apiErr := st.draftOrg(in, o)
	if apiErr != nil {
		return fail(apiErr)
	}
	st.addOrg(draft)
	return one(http.StatusCreated, st.orgResource(draft), nil)
}

func (st *store) readOrg(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	inc, apiErr := parseInclude(r, orgIncludes...)
	if apiErr != nil {
		return fail(apiErr)
	}
	return one(http.StatusOK, st.orgResource(o), st.orgIncluded(o, inc))
}

func (st *store) updateOrg(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	draft, apiErr := draftBody(r, orgBody, o, st.draftOrg)
	if apiErr != nil {
		return fail(apiErr)
	}
	if draft.name != o.name {
		st.renameOrg(o, draft.name)
	}
	*o = *draft
	return one(http.StatusOK, st.orgResource(o), nil)
}

func (st *store) deleteOrg(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	st.removeOrg(o)
	return noContent()
}

// draftOrg applies in to a copy of o and checks the result.
func (st *store) draftOrg(in *input, o *org) (*org, *apiError) {
	d := *o
	if name, ok := in.str("name"); ok {
		if !validName(name) {
			return nil, errInvalid(in.attr("name"), "name may contain only letters, numbers, - and _")
		}
		if other, ok := st.orgs[name]; ok && other != o {
			return nil, errInvalid(in.attr("name"), "name "+quote(name)+" has already been taken")
		}
		d.name = name
	}
	if email, ok := in.str("email"); ok {
		if !strings.Contains(email, "@") {
			return nil, errInvalid(in.attr("email"), "email must be an email address")
		}
		d.email = email
	}
	if p, ok := in.str("collaborator-auth-policy"); ok && p != "password" && p != "two_factor_mandatory" {
		return nil, errInvalid(in.attr("collaborator-auth-policy"), "collaborator-auth-policy must be password or two_factor_mandatory")
	}
	if b, ok := in.boolean("max-ttl-enabled"); ok {
		d.maxTTLEnabled = b
	}
	d.settings = in.settings(o.settings, orgDefaults)
	if apiErr := st.draftOrgDefaults(in, &d, o); apiErr != nil {
		return nil, apiErr
	}
	return &d, nil
}

// draftOrgDefaults applies the default execution mode and agent pool. The
// pool comes as the documented attribute default-agent-pool-id or as the
// relationship default-agent-pool (the OpenAPI spec's form); null in
// either clears it. Changing the mode away from agent clears the pool.
// d is the draft, o the stored organization the pool must belong to.
func (st *store) draftOrgDefaults(in *input, d, o *org) *apiError {
	modePtr := in.attr("default-execution-mode")
	if mode, ok := in.str("default-execution-mode"); ok {
		if !contains(execModes, mode) {
			return errInvalid(modePtr, "default-execution-mode must be remote, local or agent; got "+quote(mode))
		}
		d.execMode = mode
	}
	var c execChange
	disagree, apiErr := c.readPool(in, "default-agent-pool-id", "default-agent-pool")
	switch {
	case apiErr != nil:
		return apiErr
	case disagree:
		return errInvalid(in.rel("default-agent-pool"), "default-agent-pool and default-agent-pool-id disagree")
	}
	switch {
	case c.poolGiven:
		d.poolID = c.pool
	case d.execMode != "agent":
		d.poolID = ""
	}
	if !c.poolGiven && d.execMode == "agent" && d.poolID == "" {
		c.poolPtr = modePtr
	}
	return st.checkPool(o, d.execMode, d.poolID, c.poolPtr)
}
