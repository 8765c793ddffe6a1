package tfe

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	retryablehttp "github.com/hashicorp/go-retryablehttp"
)

// This file is the one request path every service uses: build the URL,
// encode the query and body, send through the retrying client, read the
// answer, and turn a non-2xx answer into an *APIError.

// mediaType is the JSON:API media type of requests and answers.
const mediaType = "application/vnd.api+json"

// maxAnswerBytes bounds how much of an answer is read; larger answers are
// an error rather than unbounded memory.
const maxAnswerBytes = 64 << 20

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

// do sends one API request and returns its 2xx answer. path is relative to
// the base path and already escaped (apiPath); payload, when not nil, is
// marshalled as the JSON body.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, payload any) (*answer, error) {
	u := c.endpoint(path, query)
	var body []byte
	if payload != nil {
		var err error
		if body, err = json.Marshal(payload); err != nil {
			return nil, fmt.Errorf("tfe: %s %s: encoding the request: %w", method, u.Path, err)
		}
	}
	req, err := retryablehttp.NewRequestWithContext(withCallState(ctx, method), method, u.String(), body)
	if err != nil {
		return nil, fmt.Errorf("tfe: %s %s: %w", method, u.Path, err)
	}
	c.setHeaders(req.Header, body != nil)
	req.Header.Set("Authorization", "Bearer "+c.token) // u is on the API's host
	c.logBody(ctx, "request body", method, u.Path, mediaType, body, true)

	resp, err := c.http.Do(req)
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return nil, fmt.Errorf("tfe: %s %s: %w", method, u.Path, err)
	}
	return c.readAnswer(ctx, method, u.Path, resp)
}

// endpoint returns the absolute URL of path with query.
func (c *Client) endpoint(path string, query url.Values) *url.URL {
	u := *c.baseURL
	u.RawPath = u.EscapedPath() + path
	u.Path, _ = url.PathUnescape(u.RawPath)
	u.RawQuery = query.Encode()
	return &u
}

// setHeaders sets the SDK's headers over the caller's extra ones. It
// leaves Authorization to do, which replaces any the caller set with the
// token; the transport removes it from a request bound for another host.
func (c *Client) setHeaders(h http.Header, hasBody bool) {
	for k, vs := range c.headers {
		h[k] = append([]string(nil), vs...)
	}
	h.Set("Accept", mediaType)
	h.Set("User-Agent", c.userAgent)
	if hasBody {
		h.Set("Content-Type", mediaType)
	} else {
		h.Del("Content-Type")
	}
}

// readAnswer reads the whole body and maps a non-2xx status to *APIError.
func (c *Client) readAnswer(ctx context.Context, method, path string, resp *http.Response) (*answer, error) {
	defer resp.Body.Close()
	body, readErr := readBody(resp)
	c.logBody(ctx, "answer body", method, path, resp.Header.Get("Content-Type"), body, false)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		e := newAPIError(method, path, resp.StatusCode, body)
		scrubAPIError(ctx, e)
		return nil, e
	}
	a := &answer{method: method, path: path, status: resp.StatusCode, header: resp.Header, body: body}
	if readErr != nil {
		return nil, a.decodeError(fmt.Errorf("reading the body: %w", readErr))
	}
	if len(body) > maxAnswerBytes {
		return nil, a.decodeError(fmt.Errorf("the body is larger than %d bytes", maxAnswerBytes))
	}
	return a, nil
}

// readBody reads at most maxAnswerBytes+1 bytes of the answer. When the
// answer announces its length, the buffer is allocated once at that size
// rather than grown from 512 bytes by io.ReadAll (which copies a 50 KB list
// answer about eight times); a body longer than announced still grows it.
func readBody(resp *http.Response) ([]byte, error) {
	if b, ok := resp.Body.(*bufferedBody); ok {
		return b.data, b.err // read inside the attempt (bufferBody)
	}
	r := io.LimitReader(resp.Body, maxAnswerBytes+1)
	n := resp.ContentLength
	if n <= 0 || n > maxAnswerBytes {
		return io.ReadAll(r)
	}
	// One spare byte, so the read that meets EOF needs no new buffer.
	buf := make([]byte, 0, n+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		m, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// requestOne sends a request and decodes one resource from its answer.
func requestOne[T any](ctx context.Context, c *Client, method, path string, query url.Values, payload any, fn decodeFunc[T]) (*T, error) {
	a, err := c.do(ctx, method, path, query, payload)
	if err != nil {
		return nil, err
	}
	v, err := decodeOne(a.body, fn)
	if err != nil {
		return nil, a.decodeError(err)
	}
	return v, nil
}

// requestMany sends a request and decodes a list of resources and its
// pagination meta (nil when the answer has none).
func requestMany[T any](ctx context.Context, c *Client, method, path string, query url.Values, payload any, fn decodeFunc[T]) ([]*T, *Pagination, error) {
	a, err := c.do(ctx, method, path, query, payload)
	if err != nil {
		return nil, nil, err
	}
	items, page, err := decodeMany(a.body, fn)
	if err != nil {
		return nil, nil, a.decodeError(err)
	}
	return items, page, nil
}

// requestNoContent sends a request whose answer carries nothing the caller
// needs (204, or a plain-text confirmation).
func (c *Client) requestNoContent(ctx context.Context, method, path string, payload any) error {
	_, err := c.do(ctx, method, path, nil, payload)
	return err
}
