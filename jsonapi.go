package tfe

// This file holds the JSON:API shapes both directions share: resource
// identifiers and relationships, the resource object of an answer, and the
// request document.
//
// Each wire name is written once per direction. In answers, a model's
// attribute names are its fields' `json` tags, and its relationship names
// are the tags of its relationships struct (decode.go reads both in the
// same pass as the document). In requests, an options struct's attribute
// names are its own fields' `json` tags, and relationships are built by
// the service in a typed relationships struct; encoding/json writes the
// document. CONTRIBUTING.md says why this, and not google/jsonapi's
// tagged marshalling, is the single source.

// ref identifies a resource: a JSON:API resource identifier object.
type ref struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// toOne is a to-one relationship; its data is an identifier or null.
type toOne struct {
	Data *ref `json:"data"`
}

// id returns the ID the relationship points at, "" when it is null.
func (r toOne) id() string {
	if r.Data == nil {
		return ""
	}
	return r.Data.ID
}

// toMany is a to-many relationship, and the document of the endpoints
// that add or remove relationship members.
type toMany struct {
	Data []ref `json:"data"`
}

// oneRef returns a to-one relationship to id for a request; an empty id
// clears it ({"data": null}).
func oneRef(typ, id string) *toOne {
	if id == "" {
		return &toOne{}
	}
	return &toOne{Data: &ref{Type: typ, ID: id}}
}

// manyRefs returns a to-many relationship to ids for a request, nil when
// there are none (the relationship is left out).
func manyRefs(typ string, ids []string) *toMany {
	if len(ids) == 0 {
		return nil
	}
	refs := make([]ref, len(ids))
	for i, id := range ids {
		refs[i] = ref{Type: typ, ID: id}
	}
	return &toMany{Data: refs}
}

// resource is one resource object of an answer: its attributes decode
// straight into A (a model, or a struct embedding one) and its
// relationships into R, in the same pass as the whole document.
type resource[A, R any] struct {
	Type          string `json:"type"`
	ID            string `json:"id"`
	Attributes    A      `json:"attributes"`
	Relationships R      `json:"relationships"`
}

// noRelationships is the relationships of a resource that has none the
// SDK reads or writes; as a request's, it is left out of the document.
type noRelationships struct{}

// noAttributes is the attributes of a request resource that carries
// relationships only; it is left out of the document.
type noAttributes struct{}

// requestResource is the resource object of a request: A is the options
// struct whose `json` tags name the attributes, R a struct of
// relationships. Both are left out when empty.
type requestResource[A, R any] struct {
	Type          string `json:"type"`
	ID            string `json:"id,omitempty"`
	Attributes    A      `json:"attributes,omitzero"`
	Relationships R      `json:"relationships,omitzero"`
}

// inlineMany is a to-many relationship of a request whose members carry
// their attributes inline (a variable set's variables, a no-code module's
// variable options).
type inlineMany[A any] struct {
	Data []requestResource[A, noRelationships] `json:"data"`
}

// inline returns the relationship of resources of type typ with the
// attributes of each of attrs, nil when there are none; id, when not nil,
// gives a member its ID.
func inline[A any](typ string, attrs []A, id func(A) string) *inlineMany[A] {
	if attrs == nil {
		return nil
	}
	out := &inlineMany[A]{Data: make([]requestResource[A, noRelationships], len(attrs))}
	for i, a := range attrs {
		out.Data[i] = requestResource[A, noRelationships]{Type: typ, Attributes: a}
		if id != nil {
			out.Data[i].ID = id(a)
		}
	}
	return out
}

// requestDocument is a request body holding one resource.
type requestDocument[A, R any] struct {
	Data requestResource[A, R] `json:"data"`
}

// newDocument returns the request document of one resource of type typ
// with attributes attrs and no relationships.
func newDocument[A any](typ string, attrs A) *requestDocument[A, noRelationships] {
	return &requestDocument[A, noRelationships]{Data: requestResource[A, noRelationships]{Type: typ, Attributes: attrs}}
}

// newDocumentWith returns the request document of one resource of type
// typ with attributes and relationships.
func newDocumentWith[A, R any](typ string, attrs A, rels R) *requestDocument[A, R] {
	return &requestDocument[A, R]{Data: requestResource[A, R]{Type: typ, Attributes: attrs, Relationships: rels}}
}
