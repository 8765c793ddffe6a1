package tfetest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// kind is the JSON type an attribute must have in a request body.
type kind int

const (
	kString     kind = iota + 1 // a JSON string
	kNullString                 // a JSON string or null
	kBool                       // true or false
	kInt                        // an integral JSON number
	kList                       // a JSON array
	kObject                     // a JSON object or null
)

// attrSpec is the list of attribute names a resource type accepts in one
// operation, with the JSON type of each. A name not in it is ignored, as
// the service ignores attributes it does not know, or in strict mode
// answers 422 with source.pointer /data/attributes/<name> (see strict.go).
// The lists live in attributes.go, one per resource type and operation.
type attrSpec map[string]kind

// maxBody bounds a request body; the service refuses far smaller bodies
// than this for the endpoints the fake serves.
const maxBody = 4 << 20

// input is one resource object read from a request body, with its
// attributes already checked against an attrSpec.
type input struct {
	ptr     string // JSON pointer of this resource object, e.g. /data
	Type    string
	ID      string
	attrs   map[string]any // string, nil (JSON null), bool, int64 or []any
	rels    map[string]json.RawMessage
	strict  bool        // refuse unknown members (see strict.go)
	unknown []*apiError // the unknown members, refused in strict mode
}

type rawResource struct {
	Type          *string                    `json:"type"`
	ID            *string                    `json:"id"`
	Attributes    map[string]json.RawMessage `json:"attributes"`
	Relationships map[string]json.RawMessage `json:"relationships"`
}

// readData reads the request body and returns its top-level data member.
// A body that is not JSON answers 400; one without data answers 422.
func readData(r *http.Request) (json.RawMessage, *apiError) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		return nil, errBadRequest("reading the request body failed: "+err.Error(), "")
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return nil, errBadRequest("the request body is not a JSON object: "+err.Error(), "")
	}
	data, ok := top["data"]
	if !ok {
		return nil, errInvalid("/data", "the request body has no data member")
	}
	return data, nil
}

// readResource reads a body whose data is a single resource object.
func readResource(r *http.Request, types []string, attrs attrSpec, rels ...string) (*input, *apiError) {
	data, apiErr := readData(r)
	if apiErr != nil {
		return nil, apiErr
	}
	return decodeFor(r, data, "/data", types, attrs, rels)
}

// decodeFor is decodeResource for a request: in strict mode an unknown
// attribute or relationship answers 422, else it is ignored.
func decodeFor(r *http.Request, raw json.RawMessage, ptr string, types []string, attrs attrSpec, rels []string) (*input, *apiError) {
	in, apiErr := decodeResource(raw, ptr, types, attrs, rels)
	if apiErr != nil {
		return nil, apiErr
	}
	in.strict = strictRequest(r)
	return in, in.refuseUnknown()
}

// decodeResource checks one resource object found at ptr: its type must be
// one of types (an entry "" lets the type be left out) and every attribute
// in attrs must have its JSON type. Attributes not in attrs and
// relationships not in rels are left out of the input and listed in
// in.unknown, for the caller's refuseUnknown.
func decodeResource(raw json.RawMessage, ptr string, types []string, attrs attrSpec, rels []string) (*input, *apiError) {
	var rr rawResource
	if !isJSONObject(raw) || json.Unmarshal(raw, &rr) != nil {
		return nil, errInvalid(ptr, "must be a resource object")
	}
	in := &input{ptr: ptr, attrs: map[string]any{}, rels: rr.Relationships}
	if rr.Type != nil {
		in.Type = *rr.Type
	}
	if rr.ID != nil {
		in.ID = *rr.ID
	}
	if !contains(types, in.Type) {
		detail := "type must be " + quote(strings.Join(nonEmpty(types), `" or "`))
		if in.Type != "" {
			detail += ", got " + quote(in.Type)
		}
		return nil, errInvalid(ptr+"/type", detail)
	}
	for name, val := range rr.Attributes {
		k, ok := attrs[name]
		if !ok {
			in.unknown = append(in.unknown, errInvalid(ptr+"/attributes/"+name, "unknown attribute "+quote(name)+" for "+quote(in.Type)))
			continue
		}
		v, ok := decodeValue(val, k)
		if !ok {
			return nil, errInvalid(ptr+"/attributes/"+name, "attribute "+quote(name)+" must be "+k.String())
		}
		in.attrs[name] = v
	}
	for name := range rr.Relationships {
		if !contains(rels, name) {
			in.unknown = append(in.unknown, errInvalid(ptr+"/relationships/"+name, "unknown relationship "+quote(name)+" for "+quote(in.Type)))
			delete(in.rels, name)
		}
	}
	sortErrors(in.unknown)
	return in, nil
}

func (k kind) String() string {
	switch k {
	case kString:
		return "a string"
	case kNullString:
		return "a string or null"
	case kBool:
		return "a boolean"
	case kInt:
		return "an integer"
	case kObject:
		return "an object or null"
	default:
		return "an array"
	}
}

func decodeValue(raw json.RawMessage, k kind) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil, false
	}
	switch k {
	case kString, kNullString:
		if v == nil {
			return nil, k == kNullString
		}
		s, ok := v.(string)
		return s, ok
	case kBool:
		b, ok := v.(bool)
		return b, ok
	case kInt:
		n, ok := v.(json.Number)
		if !ok {
			return nil, false
		}
		i, err := strconv.ParseInt(n.String(), 10, 64)
		return i, err == nil
	case kObject:
		if v == nil {
			return nil, true
		}
		m, ok := v.(map[string]any)
		return m, ok
	default:
		l, ok := v.([]any)
		return l, ok
	}
}

// has reports whether the attribute was sent (even as null).
func (in *input) has(name string) bool { _, ok := in.attrs[name]; return ok }

// str returns a string attribute; null reads as "".
func (in *input) str(name string) (string, bool) {
	v, ok := in.attrs[name]
	s, _ := v.(string)
	return s, ok
}

func (in *input) boolean(name string) (bool, bool) {
	v, ok := in.attrs[name]
	b, _ := v.(bool)
	return b, ok
}

func (in *input) integer(name string) (int64, bool) {
	v, ok := in.attrs[name]
	i, _ := v.(int64)
	return i, ok
}

// object returns an object attribute; null reads as nil. Numbers in it
// are json.Number.
func (in *input) object(name string) (map[string]any, bool) {
	v, ok := in.attrs[name]
	m, _ := v.(map[string]any)
	return m, ok
}

func (in *input) list(name string) ([]any, bool) {
	v, ok := in.attrs[name]
	l, _ := v.([]any)
	return l, ok
}

// attr is the JSON pointer of an attribute of this resource object.
func (in *input) attr(name string) string { return in.ptr + "/attributes/" + name }

// rel is the JSON pointer of a relationship of this resource object.
func (in *input) rel(name string) string { return in.ptr + "/relationships/" + name }

func isJSONObject(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) > 0 && t[0] == '{'
}

func isJSONArray(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) > 0 && t[0] == '['
}

func isJSONNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func nonEmpty(list []string) []string {
	var out []string
	for _, v := range list {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}
