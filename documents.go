package tfe

import (
	"bytes"
	"encoding/json"
	"errors"
)

// The exported JSON:API shapes, for raw requests (Client.NewRequest and
// Client.Do) to endpoints the services do not wrap. The services do not
// use them: their models hide the JSON:API mechanics.

// Document is a JSON:API document, as the API answers and as a request
// body: D is its primary data, a Resource[A] for one resource, a
// *Resource[A] where the data may be null, or a []Resource[A] for a list.
//
// https://jsonapi.org/format/#document-structure
type Document[D any] struct {
	// Data is the primary data.
	Data D `json:"data"`
	// Included are the related resources the answer includes, with their
	// attributes as raw JSON: decode each into the struct of its Type.
	Included []Resource[json.RawMessage] `json:"included,omitempty"`
	// Meta is the document's meta member as raw JSON; Pagination reads
	// the page metadata of a list from it.
	Meta json.RawMessage `json:"meta,omitempty"`
}

// Pagination returns the page metadata of a list answer, nil when the
// answer has none.
func (d *Document[D]) Pagination() *Pagination {
	var meta pageMeta
	if len(d.Meta) == 0 || json.Unmarshal(d.Meta, &meta) != nil {
		return nil
	}
	return meta.Pagination
}

// Resource is a JSON:API resource object. A is the caller's struct of
// attributes, with `json` tags naming them as the API does
// (`json:"terraform-version"`); json.RawMessage keeps them raw.
//
// https://jsonapi.org/format/#document-resource-objects
type Resource[A any] struct {
	// Type is the resource type, such as "runs".
	Type string `json:"type"`
	// ID is the resource ID; empty in a create request.
	ID string `json:"id,omitempty"`
	// Attributes are the resource's attributes.
	Attributes A `json:"attributes,omitzero"`
	// Relationships are the resource's relationships by name.
	Relationships map[string]Relationship `json:"relationships,omitempty"`
}

// ResourceIdentifier names a resource: its type and ID.
type ResourceIdentifier struct {
	// Type is the resource type, such as "workspaces".
	Type string `json:"type"`
	// ID is the resource ID.
	ID string `json:"id"`
}

// Relationship is one relationship of a Resource: the resources it points
// at. In an answer, a relationship without data (links only) has neither
// Data nor Many.
//
// https://jsonapi.org/format/#document-resource-object-relationships
type Relationship struct {
	// Data are the identifiers of the related resources: at most one for
	// a to-one relationship, none when it is null.
	Data []ResourceIdentifier
	// Many reports a to-many relationship, whose data is a list.
	Many bool
}

// RelationshipTo returns a to-one relationship to the resource of type
// typ and ID id; an empty id makes it null, which clears it in an update.
func RelationshipTo(typ, id string) Relationship {
	if id == "" {
		return Relationship{}
	}
	return Relationship{Data: []ResourceIdentifier{{Type: typ, ID: id}}}
}

// RelationshipToMany returns a to-many relationship to the resources of
// type typ and IDs ids.
func RelationshipToMany(typ string, ids ...string) Relationship {
	r := Relationship{Data: make([]ResourceIdentifier, len(ids)), Many: true}
	for i, id := range ids {
		r.Data[i] = ResourceIdentifier{Type: typ, ID: id}
	}
	return r
}

// ID returns the ID a to-one relationship points at, "" when it is null
// or to-many.
func (r Relationship) ID() string {
	if r.Many || len(r.Data) == 0 {
		return ""
	}
	return r.Data[0].ID
}

// MarshalJSON encodes {"data": …}: a list for a to-many relationship,
// else the identifier or null.
func (r Relationship) MarshalJSON() ([]byte, error) {
	var data any
	switch {
	case r.Many:
		data = append([]ResourceIdentifier{}, r.Data...)
	case len(r.Data) > 1:
		return nil, errors.New("tfe: a to-one Relationship holds more than one identifier")
	case len(r.Data) == 1:
		data = r.Data[0]
	}
	return json.Marshal(struct {
		Data any `json:"data"`
	}{data})
}

// UnmarshalJSON decodes a relationship object; its links and meta are
// dropped.
func (r *Relationship) UnmarshalJSON(b []byte) error {
	var rel struct {
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(b, &rel); err != nil {
		return err
	}
	*r = Relationship{}
	data := bytes.TrimSpace(rel.Data)
	switch {
	case len(data) == 0 || bytes.Equal(data, []byte("null")):
		return nil
	case data[0] == '[':
		r.Many = true
		return json.Unmarshal(data, &r.Data)
	}
	var one ResourceIdentifier
	if err := json.Unmarshal(data, &one); err != nil {
		return err
	}
	r.Data = []ResourceIdentifier{one}
	return nil
}
