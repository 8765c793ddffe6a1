package tfe

import (
	"bytes"
	"encoding/json"
)

// Ptr returns a pointer to v, for the optional (pointer) fields of options.
func Ptr[T any](v T) *T { return &v }

// deref returns *p, or the zero value for nil: an optional input's value
// or its default, and a copy of options passed by pointer.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// Nullable is a field with three states, for the few attributes the API
// lets a caller clear: left out of the request (the zero value), sent as
// JSON null (Null), or sent as a value (NullableOf).
type Nullable[T any] struct {
	value T
	set   bool
	null  bool
}

// Null returns a Nullable that is sent as JSON null, which clears the field.
func Null[T any]() Nullable[T] { return Nullable[T]{set: true, null: true} }

// NullableOf returns a Nullable that is sent as v.
func NullableOf[T any](v T) Nullable[T] { return Nullable[T]{value: v, set: true} }

// nullableOf returns p as a Nullable: unset when p is nil (an
// optional pointer input where a rule takes a Nullable).
func nullableOf[T any](p *T) Nullable[T] {
	if p == nil {
		return Nullable[T]{}
	}
	return NullableOf(*p)
}

// IsSet reports whether the field is sent at all (as null or as a value).
func (n Nullable[T]) IsSet() bool { return n.set }

// IsNull reports whether the field is sent as JSON null.
func (n Nullable[T]) IsNull() bool { return n.set && n.null }

// Get returns the value and true when the field carries a value.
func (n Nullable[T]) Get() (T, bool) { return n.value, n.set && !n.null }

// IsZero reports whether the field is left out; encoding/json's omitzero
// uses it.
func (n Nullable[T]) IsZero() bool { return !n.set }

// MarshalJSON encodes null or the value. A field left out should be
// omitted by the enclosing struct (omitzero); alone it encodes as null.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if !n.set || n.null {
		return []byte("null"), nil
	}
	return json.Marshal(n.value)
}

// UnmarshalJSON decodes null as Null and anything else as a value.
func (n *Nullable[T]) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		*n = Null[T]()
		return nil
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*n = NullableOf(v)
	return nil
}
