package tfetest

import (
	"net/http"
	"strconv"
)

// An organization's data retention policy, Terraform Enterprise only:
// organizations/:org/relationships/data-retention-policy. GET reads it
// ({"data": null} when none is set), POST sets one of the two kinds (a
// data-retention-policy-delete-olders with delete-older-than-n-days, or a
// data-retention-policy-dont-deletes), replacing the one before, and
// DELETE removes it. The organization reads it as its relationship
// data-retention-policy.

// Types of the two kinds of policy.
const (
	retentionDeleteOlder = "data-retention-policy-delete-olders"
	retentionDontDelete  = "data-retention-policy-dont-deletes"
)

type retentionPolicy struct {
	id, typ string
	days    int64
}

// relationship renders the organization's data-retention-policy
// relationship; a nil policy is null.
func (p *retentionPolicy) relationship() relationship {
	if p == nil {
		return toOne("", "")
	}
	return toOne(p.typ, p.id)
}

func (p *retentionPolicy) resource() resource {
	attrs := map[string]any{}
	if p.typ == retentionDeleteOlder {
		attrs["delete-older-than-n-days"] = p.days
	}
	return resource{ID: p.id, Type: p.typ, Attributes: attrs}
}

// retentionOrg finds the organization of the path; HCP Terraform has no
// data retention policies and answers 404.
func (st *store) retentionOrg(r *http.Request) (*org, *apiError) {
	if st.hcp {
		return nil, errNotFound("data retention policies are only available in Terraform Enterprise")
	}
	return st.findOrg(r.PathValue("org"))
}

func (st *store) readRetention(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.retentionOrg(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	if o.retention == nil {
		return http.StatusOK, document{Data: nil}, nil
	}
	return one(http.StatusOK, o.retention.resource(), nil)
}

func (st *store) setRetention(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.retentionOrg(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	in, apiErr := readResource(r, []string{retentionDeleteOlder, retentionDontDelete}, retentionAttrs)
	if apiErr != nil {
		return fail(apiErr)
	}
	p := &retentionPolicy{typ: in.Type}
	if in.Type == retentionDeleteOlder {
		days, ok := in.integer("delete-older-than-n-days")
		if !ok || days < 1 {
			return fail(errInvalid(in.attr("delete-older-than-n-days"), "delete-older-than-n-days must be an integer of at least 1, got "+strconv.FormatInt(days, 10)))
		}
		p.days = days
	}
	if o.retention != nil && o.retention.typ == p.typ {
		p.id = o.retention.id // the same policy, changed
	} else {
		p.id = st.newID("drp")
	}
	o.retention = p
	return one(http.StatusCreated, p.resource(), nil)
}

func (st *store) deleteRetention(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.retentionOrg(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	o.retention = nil
	return noContent()
}
