package tfetest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
)

// apiError is one JSON:API error answer. Handlers build one and return it,
// and serve hands it to writeError; every error the fake answers goes
// through there, so each has a status, a title, a detail and, where an
// attribute is at fault, a pointer.
type apiError struct {
	Status    int
	Title     string
	Detail    string
	Pointer   string // source.pointer, e.g. /data/attributes/key
	Parameter string // source.parameter, e.g. page[size]
}

type errorSource struct {
	Pointer   string `json:"pointer,omitempty"`
	Parameter string `json:"parameter,omitempty"`
}

type errorObject struct {
	Status string       `json:"status"`
	Title  string       `json:"title"`
	Detail string       `json:"detail,omitempty"`
	Source *errorSource `json:"source,omitempty"`
}

// writeError answers e as a JSON:API errors document.
func writeError(w http.ResponseWriter, e *apiError) {
	obj := errorObject{Status: strconv.Itoa(e.Status), Title: e.Title, Detail: e.Detail}
	if e.Pointer != "" || e.Parameter != "" {
		obj.Source = &errorSource{Pointer: e.Pointer, Parameter: e.Parameter}
	}
	writeJSON(w, e.Status, map[string]any{"errors": []errorObject{obj}})
}

// writeJSON answers v as a JSON:API document with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // links carry & in their query
	err := enc.Encode(v)
	body := buf.Bytes()
	if err != nil {
		status = http.StatusInternalServerError
		body = []byte(`{"errors":[{"status":"500","title":"internal server error","detail":"encoding the answer failed"}]}`)
	}
	w.Header().Set("Content-Type", mediaType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func errBadRequest(detail, parameter string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Title: "bad request", Detail: detail, Parameter: parameter}
}

func errUnauthorized() *apiError {
	return &apiError{Status: http.StatusUnauthorized, Title: "unauthorized", Detail: "a valid bearer token is required"}
}

func errNotFound(detail string) *apiError {
	return &apiError{Status: http.StatusNotFound, Title: "not found", Detail: detail}
}

func errConflict(detail string) *apiError {
	return &apiError{Status: http.StatusConflict, Title: "conflict", Detail: detail}
}

func errUnsupportedMedia(got string) *apiError {
	return &apiError{
		Status: http.StatusUnsupportedMediaType, Title: "unsupported media type",
		Detail: "requests with a body must use Content-Type " + mediaType + ", got " + strconv.Quote(got),
	}
}

// errInvalid is a 422 about the member at pointer (may be empty).
func errInvalid(pointer, detail string) *apiError {
	return &apiError{Status: http.StatusUnprocessableEntity, Title: "invalid attribute", Detail: detail, Pointer: pointer}
}

// errInvalidParam is a 422 about a query parameter.
func errInvalidParam(parameter, detail string) *apiError {
	return &apiError{Status: http.StatusUnprocessableEntity, Title: "invalid parameter", Detail: detail, Parameter: parameter}
}

func errServer(status int) *apiError {
	title := http.StatusText(status)
	if title == "" {
		title = "server error"
	}
	return &apiError{Status: status, Title: title, Detail: "injected fault: the server answered " + strconv.Itoa(status)}
}
