package tfe

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
)

// Raw requests: the way to every endpoint the services do not wrap, on
// the same request path as the services (rate limit, retries, redacted
// logs, typed errors). NewRequest checks and encodes a request, Do sends
// it and decodes the JSON:API answer into the caller's value; Document and
// Resource give that value the shape of a JSON:API document.

// Local validation errors of raw requests.
var (
	// ErrInvalidPath is an API path NewRequest refuses: empty, absolute
	// (a leading /, a scheme, a host), or with a segment that is empty,
	// "." or "..", or holds / \ ? # %, whitespace or control characters.
	ErrInvalidPath = newSentinel("invalid API path", ErrInvalidID)
	// ErrInvalidMethod is an HTTP method other than GET, HEAD, POST, PUT,
	// PATCH and DELETE.
	ErrInvalidMethod = newSentinel("invalid HTTP method", ErrValidation)
)

// Request is a request to any API endpoint, made by Client.NewRequest
// and sent by Client.Do. It holds no client: one Request may be sent by
// any Client, and more than once.
type Request struct {
	call call
}

// Method returns the request's HTTP method.
func (r *Request) Method() string { return r.call.method }

// Path returns the request's path relative to the API's base path, as
// escaped for the URL.
func (r *Request) Path() string { return r.call.path }

// Hide adds values that no log record or error may show, such as a
// password or a sensitive variable's value the body carries, and returns
// r. Bodies are also redacted as every request's are (keys naming a token,
// secret or password, variable values).
func (r *Request) Hide(values ...string) *Request {
	r.call = r.call.hiding(values...)
	return r
}

// Response is the answer to a raw request: its status and headers. The
// body went into the value given to Client.Do.
type Response struct {
	// StatusCode is the 2xx status of the answer.
	StatusCode int
	// Header holds the answer's headers.
	Header http.Header
}

// NewRequest returns a request of method (GET, HEAD, POST, PUT, PATCH or
// DELETE) to path, which is relative to the API's base path (/api/v2/):
// "workspaces/ws-123/actions/lock", not "/api/v2/workspaces/...". Each
// segment of path is held to the rules of IDs: no empty segment, no "."
// or "..", none of / \ ? # %, whitespace or control characters; a
// scheme, a host or a leading / is refused (ErrInvalidPath). Segments are
// escaped when the URL is built.
//
// query is nil, a url.Values, or an options struct whose fields carry
// `query:"name"` tags, encoded as the services encode theirs (the SDK's
// own options, such as ListOptions, are validated first).
//
// body is nil for none; a json.RawMessage or []byte holding the JSON
// request document as is; or a value encoding/json marshals into one,
// such as a Document of a Resource, or the caller's own struct. GET and
// HEAD take no body.
//
// Every check happens here, before anything is sent: the error is a
// *ValidationError.
func (c *Client) NewRequest(method, path string, query, body any) (*Request, error) {
	method = strings.ToUpper(method)
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
	default:
		return nil, invalid(ErrInvalidMethod, "method", quoteShort(method)+" is not one of GET, HEAD, POST, PUT, PATCH, DELETE")
	}
	segments, err := checkAPIPath(path)
	if err != nil {
		return nil, err
	}
	values, err := rawQuery(query)
	if err != nil {
		return nil, err
	}
	cl := call{method: method, path: apiPath(segments...), query: values}
	if body == nil {
		return &Request{call: cl}, nil
	}
	if method == http.MethodGet || method == http.MethodHead {
		return nil, invalid(ErrValidation, "body", method+" takes no body")
	}
	if cl.body, err = rawBody(body); err != nil {
		return nil, err
	}
	return &Request{call: cl}, nil
}

// Do sends req through the client's request path: the rate limiter, the
// retries (a POST or PATCH is never re-sent once the server may have acted
// on it), the redacted debug log, and an *APIError for a non-2xx answer.
// It decodes the 2xx answer's body into v:
//
//   - nil: the body is dropped;
//   - a *json.RawMessage or *[]byte: the body as it came;
//   - anything else: encoding/json decodes the whole JSON:API document into
//     v, such as a *Document[Resource[A]] (one resource) or a
//     *Document[[]Resource[A]] (a list), where A is the caller's struct of
//     attributes, tagged with their wire names.
//
// An answer without a body (204) leaves v as it is. A body v cannot hold
// is a *DecodeError.
func (c *Client) Do(ctx context.Context, req *Request, v any) (*Response, error) {
	if req == nil {
		return nil, invalid(ErrValidation, "req", "must not be nil: make one with Client.NewRequest")
	}
	a, err := c.do(ctx, req.call)
	if err != nil {
		return nil, err
	}
	resp := &Response{StatusCode: a.status, Header: a.header}
	if v == nil || len(bytes.TrimSpace(a.body)) == 0 {
		return resp, nil
	}
	switch out := v.(type) {
	case *json.RawMessage:
		*out = a.body
	case *[]byte:
		*out = a.body
	default:
		if err := json.Unmarshal(a.body, v); err != nil {
			return resp, a.decodeError(err)
		}
	}
	return resp, nil
}

// checkAPIPath checks a raw request's path and returns its segments.
func checkAPIPath(path string) ([]string, error) {
	const field = "path"
	switch {
	case path == "":
		return nil, invalid(ErrInvalidPath, field, mustNotBeEmpty)
	case strings.HasPrefix(path, "/"):
		return nil, invalid(ErrInvalidPath, field, "must be relative to the API's base path (/api/v2/): leave out the leading /")
	case strings.HasPrefix(path, "api/v2/"):
		return nil, invalid(ErrInvalidPath, field, "is relative to the API's base path already: leave out api/v2/")
	}
	if u, err := url.Parse(path); err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return nil, invalid(ErrInvalidPath, field, "must be a path relative to /api/v2/, not a URL")
	}
	segments := strings.Split(path, "/")
	for i, s := range segments {
		reason := pathSegmentProblem(s)
		if s == "" {
			reason = "must not be empty (a // or a / at the end)"
		}
		if reason != "" {
			return nil, invalid(ErrInvalidPath, field, fmt.Sprintf("segment %d: %s", i+1, reason))
		}
	}
	return segments, nil
}

// rawQuery encodes a raw request's query: nil, url.Values (copied), or an
// options struct with `query` tags (validated when it is one of the SDK's).
func rawQuery(query any) (url.Values, error) {
	switch q := query.(type) {
	case nil:
		return nil, nil
	case url.Values:
		out := make(url.Values, len(q))
		for k, vs := range q {
			out[k] = append([]string(nil), vs...)
		}
		return out, nil
	}
	t := reflect.TypeOf(query)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil, invalid(ErrValidation, "query", fmt.Sprintf("a %s is neither url.Values nor a struct with query tags", t))
	}
	if v, ok := query.(validator); ok && !reflect.ValueOf(query).IsZero() {
		if err := v.validate(); err != nil {
			return nil, err
		}
	}
	return encodeQuery(query), nil
}

// rawBody returns a raw request's body as the JSON document to send.
func rawBody(body any) (json.RawMessage, error) {
	var raw []byte
	switch b := body.(type) {
	case json.RawMessage:
		raw = b
	case []byte:
		raw = b
	default:
		var err error
		if raw, err = json.Marshal(body); err != nil {
			return nil, invalid(ErrValidation, "body", "cannot be encoded as JSON: "+err.Error())
		}
	}
	if !json.Valid(raw) {
		return nil, invalid(ErrValidation, "body", "is not a JSON document")
	}
	return json.RawMessage(raw), nil
}
