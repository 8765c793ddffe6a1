package tfetest

import "net/http"

// The endpoint handlers are written as handler functions: each reads the
// request, works on the store and returns what to answer, or the error
// to answer instead. serve adapts one to an http.HandlerFunc, so the
// locking and the writing live in one place.

// handler answers one routed request; serve holds st.mu for the call. On
// success it returns the status and the body: a document (answered as
// JSON), a rawBody, or nil for no body. Build the results with one, many,
// page, pageOf, noContent, rawAnswer and fail.
type handler func(st *store, r *http.Request) (status int, body any, apiErr *apiError)

// rawBody is an answer that is not JSON.
type rawBody struct {
	contentType string
	data        []byte
}

// serve locks the store, calls h and writes its error or its answer.
func (s *Server) serve(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		st := s.lock()
		defer st.mu.Unlock()
		status, body, apiErr := h(st, r)
		if apiErr != nil {
			writeError(w, apiErr)
			return
		}
		switch b := body.(type) {
		case nil:
			w.WriteHeader(status)
		case rawBody:
			writeRaw(w, status, b.contentType, b.data)
		default:
			writeJSON(w, status, b)
		}
	}
}

// fail answers apiErr.
func fail(apiErr *apiError) (int, any, *apiError) { return 0, nil, apiErr }

// one answers a single resource.
func one(status int, res resource, included []resource) (int, any, *apiError) {
	return status, document{Data: res, Included: included}, nil
}

// many answers an unpaginated list (no links, no meta).
func many(items, included []resource) (int, any, *apiError) {
	if items == nil {
		items = []resource{}
	}
	return http.StatusOK, document{Data: items, Included: included}, nil
}

// page answers one page of a paginated list (see pageDocument).
func page(r *http.Request, p pageReq, total int, data, included []resource) (int, any, *apiError) {
	return http.StatusOK, pageDocument(r, p, total, data, included), nil
}

// pageOf answers page p of all, each item rendered by render.
func pageOf[T any](r *http.Request, p pageReq, all []T, render func(T) resource) (int, any, *apiError) {
	var data []resource
	for _, v := range paginate(all, p) {
		data = append(data, render(v))
	}
	return page(r, p, len(all), data, nil)
}

// noContent answers 204 without a body.
func noContent() (int, any, *apiError) { return http.StatusNoContent, nil, nil }

// rawAnswer answers body with the given content type.
func rawAnswer(status int, contentType string, body []byte) (int, any, *apiError) {
	return status, rawBody{contentType: contentType, data: body}, nil
}
