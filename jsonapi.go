package tfe

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/google/jsonapi"
)

// This file is the one place that turns JSON:API documents into models and
// request options into documents. Requests are built from google/jsonapi's
// node types, which express what tagged structs cannot: relationship data
// carrying inline attributes (variables, variable options) and a
// relationship cleared with {"data": null}. Answers are decoded with
// encoding/json into the resource shape below and then into each model's
// tagged fields, which costs a fraction of reflection-driven unmarshalling.

// resourceRef identifies a resource: its JSON:API type and ID.
type resourceRef struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// resource is one JSON:API resource object of an answer.
type resource struct {
	Type          string                  `json:"type"`
	ID            string                  `json:"id"`
	Attributes    json.RawMessage         `json:"attributes"`
	Relationships map[string]relationship `json:"relationships"`
}

// relationship is a resource's relationship; Data is a resourceRef, a list
// of them, or null.
type relationship struct {
	Data json.RawMessage `json:"data"`
}

// document is a JSON:API answer whose data has the Go shape D: *resource
// for one resource, []*resource for a list. The whole answer is decoded in
// one pass; only attributes and relationship data stay raw until a model's
// decoder reads them.
type document[D any] struct {
	Data     D           `json:"data"`
	Included []*resource `json:"included"`
	Meta     struct {
		Pagination *Pagination `json:"pagination"`
	} `json:"meta"`
}

// included indexes the included resources of an answer by type and ID.
type included map[resourceRef]*resource

// find returns the included resource for ref, or nil.
func (inc included) find(ref resourceRef) *resource { return inc[ref] }

// decodeFunc builds a model from one resource of an answer.
type decodeFunc[T any] func(res *resource, inc included) (*T, error)

// errNoData means a 2xx answer carried no resource where one was expected.
var errNoData = errors.New("the answer has no data")

// decodeAttributes unmarshals the resource's attributes into v.
func (r *resource) decodeAttributes(v any) error {
	if len(r.Attributes) == 0 || bytes.Equal(r.Attributes, []byte("null")) {
		return nil
	}
	if err := json.Unmarshal(r.Attributes, v); err != nil {
		return fmt.Errorf("%s %s: attributes: %w", r.Type, r.ID, err)
	}
	return nil
}

// relation returns the single resource a relationship points at, or nil
// when the relationship is absent, null or a list.
func (r *resource) relation(name string) *resourceRef {
	rel, ok := r.Relationships[name]
	if !ok || len(rel.Data) == 0 || rel.Data[0] != '{' {
		return nil
	}
	var ref resourceRef
	if json.Unmarshal(rel.Data, &ref) != nil || ref.ID == "" {
		return nil
	}
	return &ref
}

// relations returns the resources a to-many relationship points at.
func (r *resource) relations(name string) []resourceRef {
	rel, ok := r.Relationships[name]
	if !ok || len(rel.Data) == 0 || rel.Data[0] != '[' {
		return nil
	}
	var refs []resourceRef
	if json.Unmarshal(rel.Data, &refs) != nil {
		return nil
	}
	return refs
}

// parseDocument unmarshals an answer and indexes its included resources.
// Data of another shape than D (a list where one resource is expected, a
// string) is an error.
func parseDocument[D any](body []byte) (*document[D], included, error) {
	var doc document[D]
	if err := json.Unmarshal(body, &doc); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field == "data" {
			return nil, nil, errNoData
		}
		return nil, nil, err
	}
	inc := make(included, len(doc.Included))
	for _, res := range doc.Included {
		if res != nil {
			inc[resourceRef{Type: res.Type, ID: res.ID}] = res
		}
	}
	return &doc, inc, nil
}

// decodeOne decodes an answer whose data is one resource.
func decodeOne[T any](body []byte, fn decodeFunc[T]) (*T, error) {
	doc, inc, err := parseDocument[*resource](body)
	if err != nil {
		return nil, err
	}
	if doc.Data == nil {
		return nil, errNoData
	}
	return decodeResource(doc.Data, inc, fn)
}

// decodeMany decodes an answer whose data is a list of resources, with its
// pagination meta (nil when the answer has none).
func decodeMany[T any](body []byte, fn decodeFunc[T]) ([]*T, *Pagination, error) {
	doc, inc, err := parseDocument[[]*resource](body)
	if err != nil {
		return nil, nil, err
	}
	if doc.Data == nil {
		return nil, nil, errNoData
	}
	items := make([]*T, 0, len(doc.Data))
	for _, res := range doc.Data {
		if res == nil {
			return nil, nil, errNoData
		}
		item, err := decodeResource(res, inc, fn)
		if err != nil {
			return nil, nil, err
		}
		items = append(items, item)
	}
	return items, doc.Meta.Pagination, nil
}

// decodeResource checks that res identifies a resource and decodes it.
func decodeResource[T any](res *resource, inc included, fn decodeFunc[T]) (*T, error) {
	if res.Type == "" || res.ID == "" {
		return nil, fmt.Errorf("a resource without type or id: %w", errNoData)
	}
	return fn(res, inc)
}

// decodeIncluded decodes the included resources that refs point at, in
// order (see decodeIncludedOne).
func decodeIncluded[T any](refs []resourceRef, inc included, fn decodeFunc[T], stub func(id string) *T) []*T {
	if len(refs) == 0 {
		return nil
	}
	out := make([]*T, len(refs))
	for i, ref := range refs {
		out[i] = decodeIncludedOne(ref, inc, fn, stub)
	}
	return out
}

// decodeIncludedOne decodes the included resource ref points at; when it
// was not included, or does not decode, it gives a model with the ID only
// (made by stub).
func decodeIncludedOne[T any](ref resourceRef, inc included, fn decodeFunc[T], stub func(id string) *T) *T {
	if res := inc.find(ref); res != nil {
		if v, err := fn(res, inc); err == nil {
			return v
		}
	}
	return stub(ref.ID)
}

// newNode starts a request resource of type typ.
func newNode(typ string) *jsonapi.Node {
	return &jsonapi.Node{Type: typ, Attributes: map[string]any{}}
}

// onePayload wraps a node as a request document.
func onePayload(n *jsonapi.Node) *jsonapi.OnePayload {
	if len(n.Attributes) == 0 {
		n.Attributes = nil
	}
	return &jsonapi.OnePayload{Data: n}
}

// refsPayload is a request document listing resources by type and ID, as
// the relationship endpoints take.
func refsPayload(typ string, ids []string) *jsonapi.ManyPayload {
	nodes := make([]*jsonapi.Node, len(ids))
	for i, id := range ids {
		nodes[i] = &jsonapi.Node{Type: typ, ID: id}
	}
	return &jsonapi.ManyPayload{Data: nodes}
}

// relateOne sets a to-one relationship; an empty id sends {"data": null}.
func relateOne(n *jsonapi.Node, name, typ, id string) {
	if n.Relationships == nil {
		n.Relationships = map[string]any{}
	}
	var data *jsonapi.Node
	if id != "" {
		data = &jsonapi.Node{Type: typ, ID: id}
	}
	n.Relationships[name] = &jsonapi.RelationshipOneNode{Data: data}
}

// relateMany sets a to-many relationship from nodes (which may carry
// inline attributes).
func relateMany(n *jsonapi.Node, name string, nodes []*jsonapi.Node) {
	if n.Relationships == nil {
		n.Relationships = map[string]any{}
	}
	n.Relationships[name] = &jsonapi.RelationshipManyNode{Data: nodes}
}

// relateIDs sets a to-many relationship from IDs of one type.
func relateIDs(n *jsonapi.Node, name, typ string, ids []string) {
	nodes := make([]*jsonapi.Node, len(ids))
	for i, id := range ids {
		nodes[i] = &jsonapi.Node{Type: typ, ID: id}
	}
	relateMany(n, name, nodes)
}

// setAttr sets attribute key when v is not nil.
func setAttr[T any](attrs map[string]any, key string, v *T) {
	if v != nil {
		attrs[key] = *v
	}
}

// setNullable sets attribute key when n is set: to null or its value.
func setNullable[T any](attrs map[string]any, key string, n Nullable[T]) {
	if n.IsSet() {
		attrs[key] = n.wire()
	}
}
