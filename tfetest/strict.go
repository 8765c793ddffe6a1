package tfetest

import (
	"context"
	"net/http"
	"slices"
	"strings"
)

// Strict attributes mode. By default the fake takes what the service
// takes: a request may carry attributes and relationships the fake does
// not know (newer ones, or ones the docs list and the fake does not model),
// and they are ignored. The docs do not say what the service does with a
// name it does not know; ignoring it is what a client sees when the
// service accepts it. With WithStrictAttributes a name outside the
// fake's lists answers 422 with its source pointer instead, so an SDK's
// own tests catch a misspelled wire name.

// strictKey marks a request context as strict.
type strictKey struct{}

// withStrict returns r marked strict.
func withStrict(r *http.Request) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), strictKey{}, true))
}

// strictRequest reports whether r is served in strict mode.
func strictRequest(r *http.Request) bool {
	v, _ := r.Context().Value(strictKey{}).(bool)
	return v
}

// refuseUnknown answers the first unknown member of in in strict mode,
// and nil otherwise.
func (in *input) refuseUnknown() *apiError {
	if in.strict && len(in.unknown) > 0 {
		return in.unknown[0]
	}
	return nil
}

// sortErrors orders errors by pointer, so the one answered does not depend
// on map order.
func sortErrors(errs []*apiError) {
	slices.SortFunc(errs, func(a, b *apiError) int { return strings.Compare(a.Pointer, b.Pointer) })
}
