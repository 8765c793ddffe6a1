package tfe

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// This file is the one place answers become models. Every answer is
// decoded once, by encoding/json, into typed structs: the primary data
// into resource[A, R] values whose attributes are the model itself, and
// the included resources into one element type that holds the attributes
// and relationships of every kind the answer may include (included.go).
// Each included resource becomes a model once per answer, however many
// resources point at it.

// kind is one JSON:API resource type as the SDK reads it: its type name
// and how a resource object, with attributes A and relationships R,
// becomes the model M. For most kinds A is M.
type kind[A, R, M any] struct {
	// typ is the JSON:API type of its resources, such as "vars".
	typ string
	// model finishes the model from a decoded resource: its ID and the
	// relationships, resolved from the answer's included resources.
	model func(res *resource[A, R], inc *included) *M
}

// attributesOnly returns the kind of a model made of its resource's
// attributes and ID alone; setID stores the ID (nil for a model without
// one).
func attributesOnly[M any](typ string, setID func(m *M, id string)) *kind[M, noRelationships, M] {
	return &kind[M, noRelationships, M]{typ: typ, model: func(res *resource[M, noRelationships], _ *included) *M {
		if setID != nil {
			setID(&res.Attributes, res.ID)
		}
		return &res.Attributes
	}}
}

// errNoData means a 2xx answer carried no resource where one was expected.
var errNoData = errors.New("the answer has no data")

// decoder decodes the answers of one kind of primary data, with the
// included resources of the kinds given to newDecoder.
type decoder[A, R, M any] struct {
	kind     *kind[A, R, M]
	included *union       // nil: included resources are ignored
	oneDoc   reflect.Type // {data: resource, included, meta}
	manyDoc  reflect.Type // {data: [resource], included, meta}
}

// pageMeta is the meta member of a list answer.
type pageMeta struct {
	Pagination *Pagination `json:"pagination"`
}

// newDecoder returns the decoder of answers whose data is of kind k and
// whose included resources may be of the kinds in includes. It panics on
// a kind whose fields cannot be merged: a programming error, which the
// package's tests meet at start.
func newDecoder[A, R, M any](k *kind[A, R, M], includes ...includable) *decoder[A, R, M] {
	d := &decoder[A, R, M]{kind: k}
	if len(includes) > 0 {
		d.included = newUnion(includes)
	}
	d.oneDoc = d.documentType(reflect.TypeFor[*resource[A, R]]())
	d.manyDoc = d.documentType(reflect.TypeFor[[]resource[A, R]]())
	return d
}

// documentType is the struct a whole answer decodes into, data of type
// data.
func (d *decoder[A, R, M]) documentType(data reflect.Type) reflect.Type {
	fields := []reflect.StructField{
		{Name: "Data", Type: data, Tag: `json:"data"`},
		{Name: "Meta", Type: reflect.TypeFor[pageMeta](), Tag: `json:"meta"`},
	}
	if d.included != nil {
		fields = append(fields, reflect.StructField{Name: "Included", Type: reflect.SliceOf(d.included.elem), Tag: `json:"included"`})
	}
	return reflect.StructOf(fields)
}

// parse decodes body into a new document of type docType.
func (d *decoder[A, R, M]) parse(body []byte, docType reflect.Type) (reflect.Value, *included, error) {
	doc := reflect.New(docType).Elem()
	if err := json.Unmarshal(body, doc.Addr().Interface()); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field == "data" {
			return doc, nil, errNoData // data of another shape: a list, a string
		}
		return doc, nil, err
	}
	if d.included == nil {
		return doc, nil, nil
	}
	inc, err := d.included.index(doc.Field(2))
	return doc, inc, err
}

// one decodes an answer whose data is one resource.
func (d *decoder[A, R, M]) one(body []byte) (*M, error) {
	doc, inc, err := d.parse(body, d.oneDoc)
	if err != nil {
		return nil, err
	}
	res, _ := doc.Field(0).Interface().(*resource[A, R])
	if res == nil {
		return nil, errNoData
	}
	return d.model(res, inc)
}

// many decodes an answer whose data is a list of resources, with its
// pagination meta (nil when the answer has none).
func (d *decoder[A, R, M]) many(body []byte) ([]*M, *Pagination, error) {
	doc, inc, err := d.parse(body, d.manyDoc)
	if err != nil {
		return nil, nil, err
	}
	data, _ := doc.Field(0).Interface().([]resource[A, R])
	if data == nil {
		return nil, nil, errNoData
	}
	items := make([]*M, len(data))
	for i := range data {
		if items[i], err = d.model(&data[i], inc); err != nil {
			return nil, nil, err
		}
	}
	meta, _ := doc.Field(1).Interface().(pageMeta)
	return items, meta.Pagination, nil
}

// model checks that res is a resource of the decoder's kind and makes
// its model.
func (d *decoder[A, R, M]) model(res *resource[A, R], inc *included) (*M, error) {
	switch {
	case res.Type == "" || res.ID == "":
		return nil, fmt.Errorf("a resource without type or id: %w", errNoData)
	case res.Type != d.kind.typ:
		return nil, fmt.Errorf("the answer holds a %q resource where a %q one belongs", cutString(res.Type, 40), d.kind.typ)
	}
	return d.kind.model(res, inc), nil
}
