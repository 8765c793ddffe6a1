package tfetest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The tests drive the fake with raw net/http, as curl would, and check
// the documented wire shapes.

// api sends requests to a Server with its token.
type api struct {
	t   *testing.T
	srv *Server
}

// newAPI starts a server for t and closes it when t ends.
func newAPI(t *testing.T, opts ...Option) (*Server, *api) {
	t.Helper()
	srv := NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv, &api{t: t, srv: srv}
}

// answer is one response, its body read and, when JSON, decoded.
type answer struct {
	t      *testing.T
	status int
	header http.Header
	raw    []byte
	doc    map[string]any
}

// do sends method path with body: nil, a string or []byte (sent raw), or
// any other value (JSON-encoded). Bodies go with the JSON:API type.
func (a *api) do(method, path string, body any) *answer {
	a.t.Helper()
	return a.send(method, path, body, map[string]string{"Authorization": "Bearer " + a.srv.Token})
}

// send is do with explicit headers (a body also gets the JSON:API content
// type unless headers set one). A path is under /api/v2/ unless it starts
// with /api/.
func (a *api) send(method, path string, body any, headers map[string]string) *answer {
	a.t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		r = bytes.NewReader(b)
	default:
		enc, err := json.Marshal(b)
		if err != nil {
			a.t.Fatal(err)
		}
		r = bytes.NewReader(enc)
	}
	url := a.srv.URL + "/api/v2/" + strings.TrimPrefix(path, "/")
	if strings.HasPrefix(path, "/api/") { // outside /api/v2/
		url = a.srv.URL + path
	}
	req, err := http.NewRequest(method, url, r)
	if err != nil {
		a.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", mediaType)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		a.t.Fatalf("%s %s: reading body: %v", method, path, err)
	}
	ans := &answer{t: a.t, status: resp.StatusCode, header: resp.Header, raw: raw}
	_ = json.Unmarshal(raw, &ans.doc)
	return ans
}

// want fails the test unless the status is code.
func (ans *answer) want(code int) *answer {
	ans.t.Helper()
	if ans.status != code {
		ans.t.Fatalf("status %d, want %d; body: %s", ans.status, code, ans.raw)
	}
	return ans
}

// wantError checks a JSON:API error answer: status, and the pointer when
// pointer is not empty.
func (ans *answer) wantError(code int, pointer string) *answer {
	ans.t.Helper()
	ans.want(code)
	errs, _ := ans.doc["errors"].([]any)
	if len(errs) == 0 {
		ans.t.Fatalf("no errors member in %s", ans.raw)
	}
	e := errs[0].(map[string]any)
	if e["status"] != strconv.Itoa(code) || e["title"] == "" || e["detail"] == "" {
		ans.t.Fatalf("error object lacks status, title or detail: %s", ans.raw)
	}
	if pointer != "" {
		if got := dig(e, "source", "pointer"); got != pointer {
			ans.t.Fatalf("source.pointer %v, want %q; body: %s", got, pointer, ans.raw)
		}
	}
	if ct := ans.header.Get("Content-Type"); ct != mediaType {
		ans.t.Fatalf("error Content-Type %q", ct)
	}
	return ans
}

// names GETs a list and returns the name attribute of each item.
func (a *api) names(path string) []string {
	a.t.Helper()
	var out []string
	for _, it := range a.do("GET", path, nil).want(http.StatusOK).items() {
		out = append(out, dig(it, "attributes", "name").(string))
	}
	return out
}

// get digs into the answer document.
func (ans *answer) get(path ...any) any { return dig(ans.doc, path...) }

// str digs a string.
func (ans *answer) str(path ...any) string {
	s, _ := ans.get(path...).(string)
	return s
}

// items returns the data array.
func (ans *answer) items() []any {
	ans.t.Helper()
	l, ok := ans.doc["data"].([]any)
	if !ok {
		ans.t.Fatalf("data is not an array: %s", ans.raw)
	}
	return l
}

// dig walks maps by string keys and arrays by int indexes.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			l, ok := v.([]any)
			if !ok || k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

// testdata reads a file of testdata/.
func testdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// res builds a request document {"data": {"type": typ, "attributes": attrs}}
// with optional relationships.
func res(typ string, attrs map[string]any, rels map[string]any) map[string]any {
	d := map[string]any{"type": typ, "attributes": attrs}
	if rels != nil {
		d["relationships"] = rels
	}
	return map[string]any{"data": d}
}

// rel builds {"data": data}.
func rel(data any) map[string]any { return map[string]any{"data": data} }

// tagBindingRel builds a tag-bindings relationship of one key/value tag.
func tagBindingRel(key, value string) map[string]any {
	return rel([]any{map[string]any{"type": "tag-bindings", "attributes": map[string]any{"key": key, "value": value}}})
}

// id builds a resource identifier.
func id(typ, id string) map[string]any { return map[string]any{"type": typ, "id": id} }
