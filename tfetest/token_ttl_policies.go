package tfetest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// Handlers for organization token TTL policies:
// organizations/:org/token-ttl-policies (GET and PATCH). The list takes
// page[number] and page[size] and answers pagination meta like other
// lists; the PATCH answers every policy, unpaginated.
//
// The OpenAPI description lists five token types, the fifth metrics; the
// metrics tokens themselves are HCP Terraform only there. So as HCP
// Terraform the fake has five policies, and as Terraform Enterprise four,
// refusing metrics on PATCH as an unknown type.

// ttlTypesFor are the token types with a policy on this product.
func (st *store) ttlTypesFor() []string {
	if st.hcp {
		return ttlTypes
	}
	return ttlTypes[:len(ttlTypes)-1]
}

func (st *store) listTTLPolicies(r *http.Request) (int, any, *apiError) {
	o, p, apiErr := st.orgPage(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	all := st.ttlResources(o)
	return page(r, p, len(all), paginate(all, p), nil)
}

// updateTTLPolicies takes a single organization-token-ttl-policies
// resource whose attribute token-ttl-policies lists {token-type,
// max-ttl-ms}, and answers every policy of the organization, changed or
// not.
func (st *store) updateTTLPolicies(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	data, apiErr := readData(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	if isJSONArray(data) {
		return fail(errInvalid("/data", "data must be a single organization-token-ttl-policies resource whose attribute token-ttl-policies lists the policies"))
	}
	in, apiErr := decodeFor(r, data, "/data", []string{"organization-token-ttl-policies"}, ttlAttrs, nil)
	if apiErr != nil {
		return fail(apiErr)
	}
	changes, apiErr := ttlChanges(in, st.ttlTypesFor())
	if apiErr != nil {
		return fail(apiErr)
	}
	now := st.timestamp()
	for typ, ms := range changes {
		o.ttl[typ].maxTTLms = ms
		o.ttl[typ].updated = now
	}
	return many(st.ttlResources(o), nil)
}

// ttlChanges checks the token-ttl-policies entries: each an object with
// exactly a known token-type and a max-ttl-ms of at least 1, no type twice.
func ttlChanges(in *input, types []string) (map[string]int64, *apiError) {
	ptr := in.attr("token-ttl-policies")
	entries, _ := in.list("token-ttl-policies")
	if len(entries) == 0 {
		return nil, errInvalid(ptr, "token-ttl-policies must list at least one policy")
	}
	out := map[string]int64{}
	for i, e := range entries {
		eptr := ptr + "/" + strconv.Itoa(i)
		m, ok := e.(map[string]any)
		if !ok {
			return nil, errInvalid(eptr, "each policy must be an object with token-type and max-ttl-ms")
		}
		for k := range m {
			if in.strict && !contains(ttlEntryKeys, k) {
				return nil, errInvalid(eptr+"/"+k, "unknown policy member "+quote(k))
			}
		}
		typ, _ := m["token-type"].(string)
		if !contains(types, typ) {
			return nil, errInvalid(eptr+"/token-type", "token-type must be one of "+strings.Join(types, ", "))
		}
		if _, dup := out[typ]; dup {
			return nil, errInvalid(eptr+"/token-type", "token-type "+quote(typ)+" is listed twice")
		}
		n, _ := m["max-ttl-ms"].(json.Number)
		ms, err := strconv.ParseInt(n.String(), 10, 64)
		if err != nil || ms < 1 {
			return nil, errInvalid(eptr+"/max-ttl-ms", "max-ttl-ms must be an integer of at least 1")
		}
		out[typ] = ms
	}
	return out, nil
}

func (st *store) ttlResources(o *org) []resource {
	types := st.ttlTypesFor()
	out := make([]resource, 0, len(types))
	for _, t := range types {
		p := o.ttl[t]
		out = append(out, resource{
			ID:   p.id,
			Type: "organization-token-ttl-policies",
			Attributes: map[string]any{
				"token-type": p.tokenType,
				"max-ttl-ms": p.maxTTLms,
				"created-at": formatTime(p.created),
				"updated-at": formatTime(p.updated),
			},
		})
	}
	return out
}
