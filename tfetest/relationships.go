package tfetest

import (
	"encoding/json"
	"strconv"
	"strings"
)

// relData returns the data member of the relationship called name and
// whether the relationship was sent at all.
func (in *input) relData(name string) (json.RawMessage, bool, *apiError) {
	raw, ok := in.rels[name]
	if !ok {
		return nil, false, nil
	}
	var obj map[string]json.RawMessage
	if !isJSONObject(raw) || json.Unmarshal(raw, &obj) != nil {
		return nil, true, errInvalid(in.rel(name), "relationship "+quote(name)+" must be an object with a data member")
	}
	data, ok := obj["data"]
	if !ok {
		return nil, true, errInvalid(in.rel(name)+"/data", "relationship "+quote(name)+" has no data member")
	}
	return data, true, nil
}

// relOne reads a to-one relationship. A null data answers id "" with
// present true, which callers use to clear the relationship.
func (in *input) relOne(name string, types ...string) (string, bool, *apiError) {
	data, present, apiErr := in.relData(name)
	if !present || apiErr != nil {
		return "", present, apiErr
	}
	if isJSONNull(data) {
		return "", true, nil
	}
	id, apiErr := identifier(data, in.rel(name)+"/data", types)
	return id.ID, true, apiErr
}

// relOneIdent is relOne for a relationship that may point at several
// types (a variable set's parent); it answers the type too.
func (in *input) relOneIdent(name string, types ...string) (ident, bool, *apiError) {
	data, present, apiErr := in.relData(name)
	if !present || apiErr != nil || isJSONNull(data) {
		return ident{}, present, apiErr
	}
	id, apiErr := identifier(data, in.rel(name)+"/data", types)
	return id, true, apiErr
}

// relMany reads a to-many relationship of resource identifiers.
func (in *input) relMany(name string, types ...string) ([]string, bool, *apiError) {
	data, present, apiErr := in.relData(name)
	if !present || apiErr != nil {
		return nil, present, apiErr
	}
	ids, apiErr := identifiers(data, in.rel(name)+"/data", types)
	return ids, true, apiErr
}

// relInline reads a to-many relationship whose items carry attributes
// (variables in a variable set, variable options of a no-code module,
// variables of a no-code workspace). Each item's attributes are checked
// against spec like a top-level resource.
func (in *input) relInline(name string, types []string, spec attrSpec) ([]*input, bool, *apiError) {
	data, present, apiErr := in.relData(name)
	if !present || apiErr != nil {
		return nil, present, apiErr
	}
	ptr := in.rel(name) + "/data"
	var items []json.RawMessage
	if !isJSONArray(data) || json.Unmarshal(data, &items) != nil {
		return nil, true, errInvalid(ptr, "relationship "+quote(name)+" data must be an array")
	}
	out := make([]*input, 0, len(items))
	for i, item := range items {
		it, apiErr := decodeResource(item, ptr+"/"+strconv.Itoa(i), types, spec, nil)
		if apiErr != nil {
			return nil, true, apiErr
		}
		it.strict = in.strict
		if apiErr := it.refuseUnknown(); apiErr != nil {
			return nil, true, apiErr
		}
		out = append(out, it)
	}
	return out, true, nil
}

// identifier reads one resource identifier object {type, id} at ptr.
func identifier(raw json.RawMessage, ptr string, types []string) (ident, *apiError) {
	var obj ident
	if !isJSONObject(raw) || json.Unmarshal(raw, &obj) != nil {
		return obj, errInvalid(ptr, "must be a resource identifier object")
	}
	if !contains(types, obj.Type) {
		return obj, errInvalid(ptr+"/type", "type must be "+quote(strings.Join(types, `" or "`))+", got "+quote(obj.Type))
	}
	if obj.ID == "" {
		return obj, errInvalid(ptr+"/id", "id is required")
	}
	return obj, nil
}

// identifiers reads an array of resource identifier objects at ptr.
func identifiers(raw json.RawMessage, ptr string, types []string) ([]string, *apiError) {
	var items []json.RawMessage
	if !isJSONArray(raw) || json.Unmarshal(raw, &items) != nil {
		return nil, errInvalid(ptr, "must be an array of resource identifiers")
	}
	ids := make([]string, 0, len(items))
	for i, item := range items {
		id, apiErr := identifier(item, ptr+"/"+strconv.Itoa(i), types)
		if apiErr != nil {
			return nil, apiErr
		}
		ids = append(ids, id.ID)
	}
	return ids, nil
}
