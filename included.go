package tfe

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// An answer's included resources are of several types (a variable set's
// workspaces, projects and variables), which encoding/json cannot tell
// apart before it decodes them. So each decoder that reads included
// resources decodes them into one element type, its union: a struct with
// one field per attribute name and one per relationship name of all the
// kinds it may include, built once from the kinds' own `json` tags. A
// name that two kinds type differently is kept as raw JSON and decoded
// into the model's field when the resource is indexed. Resources of a type
// none of the kinds reads are skipped, but their attributes must still
// fit the union: an answer whose unknown resource holds a number where a
// known kind has a string of the same name is a decode error.

// includable is a kind that an answer may include; *kind[A, R, M]
// implements it.
type includable interface {
	resourceType() string
	attributesType() reflect.Type
	relationshipsType() reflect.Type
	// resources returns the function that copies each of n included
	// resources of the kind out of its union element, into one slice
	// allocated for them all.
	resources(n int) func(id string, attrs, rels reflect.Value, u *unionKind) (any, error)
	// modelOf makes the model of a resource indexed returned.
	modelOf(res any, inc *included) any
}

func (k *kind[A, R, M]) resourceType() string            { return k.typ }
func (k *kind[A, R, M]) attributesType() reflect.Type    { return reflect.TypeFor[A]() }
func (k *kind[A, R, M]) relationshipsType() reflect.Type { return reflect.TypeFor[R]() }
func (k *kind[A, R, M]) resources(n int) func(id string, attrs, rels reflect.Value, u *unionKind) (any, error) {
	all := make([]resource[A, R], n)
	return func(id string, attrs, rels reflect.Value, u *unionKind) (any, error) {
		res := &all[0]
		all = all[1:]
		res.Type, res.ID = k.typ, id
		if err := firstError(
			copyFields(reflect.ValueOf(&res.Attributes).Elem(), attrs, u.attrs),
			copyFields(reflect.ValueOf(&res.Relationships).Elem(), rels, u.rels),
		); err != nil {
			return nil, fmt.Errorf("included %s %s: %w", k.typ, cutString(id, 40), err)
		}
		return res, nil
	}
}

func (k *kind[A, R, M]) modelOf(res any, inc *included) any {
	return k.model(res.(*resource[A, R]), inc)
}

// union is the element type of one decoder's included resources.
type union struct {
	// elem is struct{Type, ID string; Attributes, Relationships struct{…}}.
	elem reflect.Type
	// kinds maps a JSON:API type to where its fields sit in elem.
	kinds map[string]*unionKind
}

// unionKind is one kind's place in a union.
type unionKind struct {
	kind        includable
	attrs, rels []fieldCopy
}

// fieldCopy copies one field of a union element into a kind's struct.
type fieldCopy struct {
	to   []int // the field's index path in the kind's struct
	from int   // the field's index in the union's struct
	raw  bool  // the union holds raw JSON for it
}

// newUnion builds the union of kinds.
func newUnion(kinds []includable) *union {
	attrTypes := make([]reflect.Type, len(kinds))
	relTypes := make([]reflect.Type, len(kinds))
	for i, k := range kinds {
		attrTypes[i], relTypes[i] = k.attributesType(), k.relationshipsType()
	}
	attrs, attrCopies := mergeFields(attrTypes)
	rels, relCopies := mergeFields(relTypes)
	u := &union{kinds: make(map[string]*unionKind, len(kinds))}
	for i, k := range kinds {
		if _, dup := u.kinds[k.resourceType()]; dup {
			panic("tfe: two included kinds of type " + k.resourceType())
		}
		u.kinds[k.resourceType()] = &unionKind{kind: k, attrs: attrCopies[i], rels: relCopies[i]}
	}
	u.elem = reflect.StructOf([]reflect.StructField{
		{Name: "Type", Type: reflect.TypeFor[string](), Tag: `json:"type"`},
		{Name: "ID", Type: reflect.TypeFor[string](), Tag: `json:"id"`},
		{Name: "Attributes", Type: attrs, Tag: `json:"attributes"`},
		{Name: "Relationships", Type: rels, Tag: `json:"relationships"`},
	})
	return u
}

// mergeFields returns a struct type with one field per JSON name of the
// given struct types, and for each type the copies from it.
func mergeFields(types []reflect.Type) (reflect.Type, [][]fieldCopy) {
	type member struct {
		typ  reflect.Type
		raw  bool
		from int
	}
	byName := map[string]*member{}
	var names []string
	for _, t := range types {
		for _, f := range jsonFields(t) {
			m, seen := byName[f.name]
			switch {
			case !seen:
				byName[f.name] = &member{typ: f.Type}
				names = append(names, f.name)
			case m.typ != f.Type:
				m.raw = true
			}
		}
	}
	fields := make([]reflect.StructField, len(names))
	for i, name := range names {
		m := byName[name]
		m.from = i
		if m.raw {
			m.typ = reflect.TypeFor[json.RawMessage]()
		}
		fields[i] = reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: m.typ, Tag: reflect.StructTag(`json:"` + name + `"`)}
	}
	copies := make([][]fieldCopy, len(types))
	for i, t := range types {
		for _, f := range jsonFields(t) {
			m := byName[f.name]
			copies[i] = append(copies[i], fieldCopy{to: f.Index, from: m.from, raw: m.raw})
		}
	}
	return reflect.StructOf(fields), copies
}

// jsonField is a struct field that encoding/json decodes, with its name.
type jsonField struct {
	reflect.StructField
	name string
}

// jsonFields lists the fields of struct type t that encoding/json fills,
// promoted fields of embedded structs included, by their JSON names.
func jsonFields(t reflect.Type) []jsonField {
	var out []jsonField
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || (f.Anonymous && f.Type.Kind() == reflect.Struct) {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		out = append(out, jsonField{f, name})
	}
	return out
}

// copyFields copies the fields of a union element's struct src into dst.
func copyFields(dst, src reflect.Value, copies []fieldCopy) error {
	for _, c := range copies {
		from, to := src.Field(c.from), dst.FieldByIndex(c.to)
		if !c.raw {
			to.Set(from)
			continue
		}
		if raw := from.Bytes(); len(raw) > 0 {
			if err := json.Unmarshal(raw, to.Addr().Interface()); err != nil {
				return err
			}
		}
	}
	return nil
}

// included indexes an answer's included resources by type and ID. Each
// one's model is made on first use, once.
type included struct {
	index   map[ref]int
	entries []includedEntry
}

// includedEntry is one included resource: its kind, its decoded resource,
// and its model once made.
type includedEntry struct {
	kind     includable
	res      any
	model    any
	resolved bool
	making   bool
}

// index copies the included resources of list, a slice of the union's
// element type, out of the union.
func (u *union) index(list reflect.Value) (*included, error) {
	inc := &included{index: make(map[ref]int, list.Len()), entries: make([]includedEntry, 0, list.Len())}
	counts := map[*unionKind]int{}
	for i := range list.Len() {
		if k, known := u.kinds[list.Index(i).Field(0).String()]; known {
			counts[k]++
		}
	}
	copyOut := make(map[*unionKind]func(string, reflect.Value, reflect.Value, *unionKind) (any, error), len(counts))
	for k, n := range counts {
		copyOut[k] = k.kind.resources(n)
	}
	for i := range list.Len() {
		elem := list.Index(i)
		typ, id := elem.Field(0).String(), elem.Field(1).String()
		k, known := u.kinds[typ]
		if !known || id == "" {
			continue // a type this answer's models do not use
		}
		res, err := copyOut[k](id, elem.Field(2), elem.Field(3), k)
		if err != nil {
			return nil, err
		}
		inc.index[ref{Type: typ, ID: id}] = len(inc.entries)
		inc.entries = append(inc.entries, includedEntry{kind: k.kind, res: res})
	}
	return inc, nil
}

// resolve returns the model of the included resource r points at, or
// nil when the answer did not include it (or includes it as another
// model, or while it is being made: a cycle of references).
func resolve[M any](inc *included, r ref) *M {
	if inc == nil {
		return nil
	}
	i, ok := inc.index[r]
	if !ok || inc.entries[i].making {
		return nil
	}
	e := &inc.entries[i]
	if !e.resolved {
		e.making = true
		e.model = e.kind.modelOf(e.res, inc)
		e.making, e.resolved = false, true
	}
	m, _ := e.model.(*M)
	return m
}

// resolveOne returns the model of the to-one relationship rel: the
// included resource, else one made by stub from the ID alone; nil when
// the relationship is null.
func resolveOne[M any](inc *included, rel toOne, stub func(id string) *M) *M {
	if rel.Data == nil || rel.Data.ID == "" {
		return nil
	}
	if m := resolve[M](inc, *rel.Data); m != nil {
		return m
	}
	return stub(rel.Data.ID)
}

// idOnly returns the model stub makes from the ID the to-one relationship
// rel points at, nil when it is null: resolveOne without the included
// resources, for a relationship the answer never includes (an
// organization, known by its name) or must not be resolved from them.
func idOnly[M any](rel toOne, stub func(id string) *M) *M { return resolveOne(nil, rel, stub) }

// resolveMany returns the models of the to-many relationship rel, in
// order: included resources, else models made by stub from their IDs.
func resolveMany[M any](inc *included, rel toMany, stub func(id string) *M) []*M {
	if len(rel.Data) == 0 {
		return nil
	}
	out := make([]*M, len(rel.Data))
	for i, r := range rel.Data {
		if out[i] = resolve[M](inc, r); out[i] == nil {
			out[i] = stub(r.ID)
		}
	}
	return out
}
