package tfetest

import (
	"net/http"
	"strings"
)

// Key/value tags (tag bindings) of workspaces, projects and registry
// modules: the tag-bindings relationship of their create and update
// bodies, and GET workspaces/:id/tag-bindings, projects/:id/tag-bindings
// and registry-modules/:id/tag-bindings.

// readTagBindings reads the tag-bindings relationship: items with a key
// and an optional value, which replace old. Without the relationship old
// is kept.
func (st *store) readTagBindings(in *input, old []tagBinding) ([]tagBinding, *apiError) {
	items, present, apiErr := in.relInline("tag-bindings", []string{"tag-bindings"}, tagBindingAttrs)
	if apiErr != nil || !present {
		return old, apiErr
	}
	out := []tagBinding{}
	for _, it := range items {
		key, _ := it.str("key")
		value, _ := it.str("value")
		if strings.TrimSpace(key) == "" {
			return nil, errInvalid(it.attr("key"), "Key can't be blank")
		}
		for _, b := range out {
			if b.key == key {
				return nil, errInvalid(it.attr("key"), "Key "+quote(key)+" is bound twice")
			}
		}
		id := st.newID("tb")
		for _, b := range old {
			if b.key == key {
				id = b.id
			}
		}
		out = append(out, tagBinding{id: id, key: key, value: value})
	}
	return out, nil
}

// hasTag reports whether bindings hold key, with value unless value is "".
func hasTag(bindings []tagBinding, key, value string) bool {
	for _, b := range bindings {
		if b.key == key && (value == "" || b.value == value) {
			return true
		}
	}
	return false
}

func tagBindingResources(bindings []tagBinding) []resource {
	out := []resource{}
	for _, b := range bindings {
		out = append(out, resource{
			ID: b.id, Type: "tag-bindings",
			Attributes: map[string]any{"key": b.key, "value": b.value},
		})
	}
	return out
}

// tagBindingIdents are the identifiers of bindings, as type typ.
func tagBindingIdents(bindings []tagBinding, typ string) []ident {
	out := []ident{}
	for _, b := range bindings {
		out = append(out, ident{ID: b.id, Type: typ})
	}
	return out
}

func (st *store) listWorkspaceTagBindings(r *http.Request) (int, any, *apiError) {
	ws, apiErr := st.findWorkspace(r.PathValue("ws"))
	if apiErr != nil {
		return fail(apiErr)
	}
	return many(tagBindingResources(ws.tagBindings), nil)
}

func (st *store) listProjectTagBindings(r *http.Request) (int, any, *apiError) {
	p, apiErr := st.findProject(r.PathValue("prj"))
	if apiErr != nil {
		return fail(apiErr)
	}
	return many(tagBindingResources(p.tagBindings), nil)
}

func (st *store) listModuleTagBindings(r *http.Request) (int, any, *apiError) {
	m, apiErr := st.findModuleByID(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	return many(tagBindingResources(m.tagBindings), nil)
}
