package tfetest

import (
	"maps"
	"net/http"
)

// Creates and updates that draft. A draft function applies a checked
// request body to a copy of an object and checks the result, storing
// nothing: a create drafts over the new object's defaults, an update over
// the stored object, which the draft replaces only when it passes.

// body is what the create and update bodies of one resource type carry:
// the type, the attributes it takes (see attrSpec) and its relationships.
type body struct {
	typ   string
	attrs attrSpec
	rels  []string
}

// read reads r's body, a single resource as b says.
func (b body) read(r *http.Request) (*input, *apiError) {
	return readResource(r, []string{b.typ}, b.attrs, b.rels...)
}

// draftBody reads r's body as b says and drafts it over old.
func draftBody[T any](r *http.Request, b body, old *T, draft func(*input, *T) (*T, *apiError)) (*T, *apiError) {
	in, apiErr := b.read(r)
	if apiErr != nil {
		return nil, apiErr
	}
	return draft(in, old)
}

// update answers a PATCH of cur: r's body is drafted over cur and a draft
// that passes takes cur's place; the answer is 200 with answer(cur).
func update[T any](r *http.Request, cur *T, b body, draft func(*input, *T) (*T, *apiError), answer func(*T) resource) (int, any, *apiError) {
	d, apiErr := draftBody(r, b, cur, draft)
	if apiErr != nil {
		return fail(apiErr)
	}
	*cur = *d
	return one(http.StatusOK, answer(cur), nil)
}

// settings returns a copy of old with the attributes of in that defaults
// names: the settings a resource stores and answers back without giving
// them meaning (see workspaceDefaults, projectDefaults, orgDefaults).
func (in *input) settings(old, defaults map[string]any) map[string]any {
	out := maps.Clone(old)
	if out == nil {
		out = map[string]any{}
	}
	for name := range defaults {
		if v, ok := in.attrs[name]; ok {
			out[name] = v
		}
	}
	return out
}
