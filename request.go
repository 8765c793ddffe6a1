package tfe

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	retryablehttp "github.com/hashicorp/go-retryablehttp"
)

// This file is the one request path every service uses: build the URL,
// encode the query and body, send through the retrying client (retry.go,
// which passes every attempt through the transport, transport.go), read
// the answer, and turn a non-2xx answer into an *APIError.

// mediaType is the JSON:API media type of requests and answers.
const mediaType = "application/vnd.api+json"

// maxAnswerBytes bounds how much of an answer is read; larger answers are
// an error rather than unbounded memory.
const maxAnswerBytes = 64 << 20

// call is one API call: what to send, and which values it sends that no
// log record or error may show.
type call struct {
	method string
	// path is relative to the base path and escaped (apiPath).
	path  string
	query url.Values
	// body is marshalled as the JSON request body; nil sends none.
	body any
	// secrets are values the call sends (a sensitive variable's value, a
	// password) that are scrubbed from its logged bodies and its error.
	secrets []string
	// addedIn is the Terraform Enterprise release that added the endpoint,
	// when older releases lack it (since, errors.go).
	addedIn string
	// to, when set, is the absolute URL of a call outside the base path
	// (the registry protocol, an upload link); path and query are unused.
	// The token goes only to the API's origin, the caller's extra headers
	// too.
	to *url.URL
	// raw, when set, is sent as the body instead of body, with
	// contentType; it is not logged.
	raw         []byte
	contentType string
	// hidePath keeps the path of to out of logs and errors even on the
	// API's origin: it grants access by itself (an upload link).
	hidePath bool
}

// get, post, patch and del make the calls of each method.
func get(path string, query url.Values) call {
	return call{method: http.MethodGet, path: path, query: query}
}
func post(path string, body any) call  { return call{method: http.MethodPost, path: path, body: body} }
func patch(path string, body any) call { return call{method: http.MethodPatch, path: path, body: body} }
func del(path string, body any) call   { return call{method: http.MethodDelete, path: path, body: body} }

// hiding returns the call with values added to its secrets.
func (cl call) hiding(values ...string) call {
	for _, v := range values {
		if v != "" {
			cl.secrets = append(cl.secrets, v)
		}
	}
	return cl
}

// answer is a successful (2xx) answer, read whole.
type answer struct {
	method string
	path   string
	status int
	header http.Header
	body   []byte
}

// decodeError wraps a problem decoding this answer.
func (a *answer) decodeError(err error) error {
	return &DecodeError{Method: a.method, Path: a.path, StatusCode: a.status, Err: err}
}

// apiPath joins path segments under the base path, escaping each one.
// Callers validate IDs first (checkID); literal segments are constants.
func apiPath(segments ...string) string {
	escaped := make([]string, len(segments))
	for i, s := range segments {
		escaped[i] = url.PathEscape(s)
	}
	return strings.Join(escaped, "/")
}

// do sends one API call and returns its 2xx answer.
func (c *Client) do(ctx context.Context, cl call) (*answer, error) {
	u := c.endpoint(cl.path, cl.query)
	if cl.to != nil {
		u = cl.to
	}
	shown := c.shownPath(u, cl.hidePath)
	if cl.hidePath {
		ctx = context.WithValue(ctx, hiddenPathKey{}, true)
	}
	var body any // nil, not an empty []byte: GET and DELETE send no body at all
	var raw []byte
	switch {
	case cl.raw != nil:
		body = cl.raw
	case cl.body != nil:
		var err error
		if raw, err = json.Marshal(cl.body); err != nil {
			return nil, fmt.Errorf("tfe: %s %s: encoding the request: %w", cl.method, shown, err)
		}
		body = raw
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, cl.method, u.String(), body)
	if err != nil {
		return nil, fmt.Errorf("tfe: %s %s: %w", cl.method, shown, err)
	}
	apiOrigin := c.isAPIOrigin(u)
	c.setHeaders(req.Header, body != nil, apiOrigin)
	if cl.raw != nil {
		req.Header.Set("Content-Type", cl.contentType)
	}
	if apiOrigin {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	cl.secrets = append(cl.secrets, c.token) // a server may echo it back
	c.logBody(ctx, "request body", cl, shown, raw, true)

	var read answerBody
	req.SetResponseHandler(read.handle)
	resp, err := c.http.Do(req)
	if err != nil && (resp == nil || err != read.err) {
		if resp != nil {
			resp.Body.Close()
		}
		var urlErr *url.Error // names the whole URL, which may hold a secret
		if errors.As(err, &urlErr) {
			urlErr.URL = shown
		}
		return nil, fmt.Errorf("tfe: %s %s: %w", cl.method, shown, err)
	}
	data, readErr := read.of(resp)
	return c.answer(ctx, cl, shown, resp, data, readErr)
}

// isAPIOrigin reports whether u has the API's scheme, host and port: the
// only origin the token and the caller's extra headers are sent to.
func (c *Client) isAPIOrigin(u *url.URL) bool { return sameOrigin(u, c.baseURL) }

// shownPath is what logs and errors show of u: its path on the API's
// origin unless hidden; on another origin (an upload link, whose path is
// its secret), or hidden, the scheme and host alone.
func (c *Client) shownPath(u *url.URL, hidden bool) string {
	if c.isAPIOrigin(u) && !hidden {
		return u.Path
	}
	return origin(u) + "/…"
}

// hiddenPathKey marks the context of a call whose path the attempt log
// must not show.
type hiddenPathKey struct{}

// endpoint returns the absolute URL of path with query.
func (c *Client) endpoint(path string, query url.Values) *url.URL {
	return c.onOrigin(c.baseURL.EscapedPath()+path, query)
}

// hostURL is the URL of path (escaped) under the service's root: the
// address's path without the API's base path (/api/v2/).
func (c *Client) hostURL(path string) *url.URL {
	base := c.baseURL.EscapedPath()
	root := strings.TrimSuffix(base, strings.TrimPrefix(DefaultBasePath, "/"))
	if root == base { // a base path of its own: the host's root
		root = "/"
	}
	return c.onOrigin(root+path, nil)
}

// onOrigin returns the URL of the escaped path rawPath, with query, on
// the API's origin.
func (c *Client) onOrigin(rawPath string, query url.Values) *url.URL {
	u := *c.baseURL
	u.RawPath = rawPath
	u.Path, _ = url.PathUnescape(rawPath)
	u.RawQuery = query.Encode()
	return &u
}

// setHeaders sets the SDK's headers over the caller's extra ones (sent
// to the API's origin only). It leaves Authorization to do, which
// replaces any the caller set with the token; the transport removes it
// from a request bound for another host.
func (c *Client) setHeaders(h http.Header, hasBody, apiOrigin bool) {
	if apiOrigin {
		for k, vs := range c.headers {
			h[k] = append([]string(nil), vs...)
		}
	}
	h.Set("Accept", mediaType)
	h.Set("User-Agent", c.userAgent)
	if hasBody {
		h.Set("Content-Type", mediaType)
	} else {
		h.Del("Content-Type")
	}
}

// answer turns the final response of a call, whose body was read, into
// its 2xx answer or its error.
func (c *Client) answer(ctx context.Context, cl call, path string, resp *http.Response, body []byte, readErr error) (*answer, error) {
	c.logBody(ctx, "answer body", cl, path, body, false)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		e := newAPIError(cl.method, path, resp.StatusCode, body)
		if resp.StatusCode == http.StatusNotFound && serverInfoFrom(resp.Header).Product != ProductHCPTerraform {
			e.EndpointAddedIn = cl.addedIn // a release of Terraform Enterprise's
		}
		scrubAPIError(cl.secrets, e)
		return nil, e
	}
	a := &answer{method: cl.method, path: path, status: resp.StatusCode, header: resp.Header, body: body}
	if readErr != nil {
		return nil, a.decodeError(readErr)
	}
	return a, nil
}

// answerBody reads a call's final answer. go-retryablehttp calls handle on
// an answer its CheckRetry did not retry; an error from handle goes back
// to CheckRetry, which repeats the attempt if the method is safe to
// repeat. So a 2xx answer whose body the connection cuts short counts as
// a failed attempt of a GET, and as a *DecodeError of a POST, whose
// server acted. Answers the retries gave up on are read by of.
type answerBody struct {
	resp *http.Response
	data []byte
	err  error
}

// handle reads resp's body whole (bounded by maxAnswerBytes).
func (r *answerBody) handle(resp *http.Response) error {
	r.resp = resp
	r.data, r.err = readAll(resp.Body, resp.ContentLength, maxAnswerBytes)
	resp.Body.Close()
	cut := r.err != nil && !errors.Is(r.err, errBodyTooLarge)
	if cut && resp.StatusCode >= 200 && resp.StatusCode <= 299 {
		return r.err
	}
	return nil
}

// of returns resp's body: read by handle, or read now.
func (r *answerBody) of(resp *http.Response) ([]byte, error) {
	if r.resp != resp {
		r.handle(resp)
	}
	return r.data, r.err
}

// errBodyTooLarge refuses an answer larger than maxAnswerBytes.
var errBodyTooLarge = fmt.Errorf("the body is larger than %d bytes", maxAnswerBytes)

// initialAnswerBuffer is the most readAll reserves before bytes arrive.
const initialAnswerBuffer = 64 << 10

// readAll reads all of rd, at most limit bytes. It reserves the announced
// length, but no more than initialAnswerBuffer, up front, and grows the
// buffer as bytes arrive: an answer that announces a large length but
// sends few bytes costs only what it sends.
func readAll(rd io.Reader, announced, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(int(min(max(announced+1, 0), initialAnswerBuffer)))
	n, err := buf.ReadFrom(io.LimitReader(rd, limit+1))
	switch {
	case err != nil:
		return buf.Bytes(), fmt.Errorf("reading the body: %w", err)
	case n > limit:
		return nil, errBodyTooLarge
	}
	return buf.Bytes(), nil
}

// requestOne sends a call and decodes one resource from its answer.
func requestOne[A, R, M any](ctx context.Context, c *Client, cl call, d *decoder[A, R, M]) (*M, error) {
	return requestWith(ctx, c, cl, d.one)
}

// requestWith sends a call and decodes its answer's body with decode, for
// an answer a decoder alone does not read (a link beside the resource, a
// resource of one of several types, the registry protocol's plain JSON);
// a decode error is a *DecodeError of the answer.
func requestWith[M any](ctx context.Context, c *Client, cl call, decode func(body []byte) (*M, error)) (*M, error) {
	a, err := c.do(ctx, cl)
	if err != nil {
		return nil, err
	}
	v, err := decode(a.body)
	if err != nil {
		return nil, a.decodeError(err)
	}
	return v, nil
}

// requestMany sends a call and decodes a list of resources and its
// pagination meta (nil when the answer has none).
func requestMany[A, R, M any](ctx context.Context, c *Client, cl call, d *decoder[A, R, M]) ([]*M, *Pagination, error) {
	a, err := c.do(ctx, cl)
	if err != nil {
		return nil, nil, err
	}
	items, page, err := d.many(a.body)
	if err != nil {
		return nil, nil, a.decodeError(err)
	}
	return items, page, nil
}

// requestNoContent sends a call whose answer carries nothing the caller
// needs (204, or a plain-text confirmation).
func (c *Client) requestNoContent(ctx context.Context, cl call) error {
	_, err := c.do(ctx, cl)
	return err
}
