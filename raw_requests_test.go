package tfe

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runAttributes are the attributes a caller reads of runs, an endpoint
// the services do not wrap.
type runAttributes struct {
	Status  string `json:"status"`
	Message string `json:"message"`
}

const runsPage = `{
  "data": [
    {"id": "run-1", "type": "runs", "attributes": {"status": "applied", "message": "first"},
     "relationships": {"workspace": {"data": {"id": "ws-1", "type": "workspaces"}}, "plan": {"links": {"related": "/api/v2/runs/run-1/plan"}}}},
    {"id": "run-2", "type": "runs", "attributes": {"status": "planning", "message": "second"},
     "relationships": {"workspace": {"data": {"id": "ws-1", "type": "workspaces"}}}}
  ],
  "included": [{"id": "ws-1", "type": "workspaces", "attributes": {"name": "web"}}],
  "meta": {"pagination": {"current-page": 1, "next-page": 2, "total-pages": 2, "total-count": 3}}
}`

func TestRawRequestListDecodesIntoTheCallersStruct(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	query := url.Values{"page[size]": {"2"}, "filter[status]": {"applied,planning"}}
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1/runs", query: query, status: 200, body: runsPage})

	type runFilter struct {
		ListOptions
		Statuses []string `query:"filter[status]"`
	}
	req, err := ts.client.NewRequest("GET", "workspaces/ws-1/runs", &runFilter{ListOptions: ListOptions{PageSize: 2}, Statuses: []string{"applied", "planning"}}, nil)
	require.NoError(t, err)
	assert.Equal(t, "GET", req.Method())
	assert.Equal(t, "workspaces/ws-1/runs", req.Path())

	var doc Document[[]Resource[runAttributes]]
	resp, err := ts.client.Do(context.Background(), req, &doc)
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, mediaType, resp.Header.Get("Content-Type"))
	require.Len(t, doc.Data, 2)
	assert.Equal(t, Resource[runAttributes]{
		Type: "runs", ID: "run-1", Attributes: runAttributes{Status: "applied", Message: "first"},
		Relationships: map[string]Relationship{"workspace": RelationshipTo("workspaces", "ws-1"), "plan": {}},
	}, doc.Data[0])
	assert.Equal(t, "ws-1", doc.Data[1].Relationships["workspace"].ID())
	assert.Equal(t, &Pagination{CurrentPage: 1, NextPage: 2, TotalPages: 2, TotalCount: 3}, doc.Pagination())
	require.Len(t, doc.Included, 1)
	var ws struct {
		Name string `json:"name"`
	}
	require.NoError(t, json.Unmarshal(doc.Included[0].Attributes, &ws))
	assert.Equal(t, "web", ws.Name)
}

func TestRawRequestSendsADocument(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	served := ts.expect(exchange{method: "PATCH", path: "/workspaces/ws-YnyXLq9fy38afEeb", golden: "workspaces/raw_update.request.json", status: 200, fixture: "workspaces/update.response.json"})

	type settings struct {
		Description      string `json:"description"`
		AssessmentsOn    bool   `json:"assessments-enabled"`
		TerraformVersion string `json:"terraform-version"`
	}
	body := Document[Resource[settings]]{Data: Resource[settings]{
		Type:          "workspaces",
		Attributes:    settings{Description: "the app", AssessmentsOn: true, TerraformVersion: "1.9.4"},
		Relationships: map[string]Relationship{"project": RelationshipTo("projects", docsProjectID), "agent-pool": RelationshipTo("agent-pools", "")},
	}}
	req, err := ts.client.NewRequest("patch", "workspaces/ws-YnyXLq9fy38afEeb", nil, body)
	require.NoError(t, err)
	var got Document[Resource[json.RawMessage]]
	_, err = ts.client.Do(context.Background(), req, &got)
	require.NoError(t, err)
	assertServedOnce(t, served)
	assert.Equal(t, "ws-YnyXLq9fy38afEeb", got.Data.ID)
}

func TestRawRequestDecodeTargets(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/runs/run-1", anyRequest: true, status: 200, body: `{"data": {"id": "run-1", "type": "runs", "attributes": {"status": "applied"}}}`})
	ts.expect(exchange{method: "POST", path: "/runs/run-1/actions/apply", golden: "", status: 202})
	ts.expect(exchange{method: "DELETE", path: "/workspaces/ws-1/relationships/tags", anyRequest: true, status: 204})
	ctx := context.Background()
	get, err := ts.client.NewRequest("GET", "runs/run-1", nil, nil)
	require.NoError(t, err)

	var raw json.RawMessage
	_, err = ts.client.Do(ctx, get, &raw)
	require.NoError(t, err)
	assert.JSONEq(t, `{"data": {"id": "run-1", "type": "runs", "attributes": {"status": "applied"}}}`, string(raw))
	var b []byte
	_, err = ts.client.Do(ctx, get, &b)
	require.NoError(t, err)
	assert.Equal(t, []byte(raw), b)
	var m map[string]any
	_, err = ts.client.Do(ctx, get, &m)
	require.NoError(t, err)
	assert.Contains(t, m, "data")
	resp, err := ts.client.Do(ctx, get, nil)
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	var one Document[*Resource[runAttributes]]
	_, err = ts.client.Do(ctx, get, &one)
	require.NoError(t, err)
	assert.Equal(t, "applied", one.Data.Attributes.Status)

	apply, err := ts.client.NewRequest("POST", "runs/run-1/actions/apply", nil, nil)
	require.NoError(t, err)
	kept := Document[*Resource[runAttributes]]{Data: &Resource[runAttributes]{ID: "kept"}}
	resp, err = ts.client.Do(ctx, apply, &kept)
	require.NoError(t, err)
	assert.Equal(t, 202, resp.StatusCode)
	assert.Equal(t, "kept", kept.Data.ID, "an answer without a body leaves v as it is")

	untag, err := ts.client.NewRequest("DELETE", "workspaces/ws-1/relationships/tags", nil,
		json.RawMessage(`{"data": [{"type": "tags", "id": "tag-1"}]}`))
	require.NoError(t, err)
	resp, err = ts.client.Do(ctx, untag, &kept)
	require.NoError(t, err)
	assert.Equal(t, 204, resp.StatusCode)
}

func TestRawRequestErrors(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	secret := plantSecret("raw-PLANTED-d00dfeed")
	ts.expect(exchange{method: "POST", path: "/organizations/acme/ssh-keys", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
		respond(w, 422, `{"errors":[{"status":"422","title":"invalid","detail":"value `+secret+` is not a key"}]}`)
	}})
	ts.expect(exchange{method: "GET", path: "/runs/run-9", anyRequest: true, status: 404, body: `{"errors":[{"status":"404","title":"not found"}]}`})
	ts.expect(exchange{method: "GET", path: "/runs/run-8", anyRequest: true, status: 200, body: `{"data": {"id": "run-8", "type": "runs", "attributes": {"status": 5}}}`})
	ctx := context.Background()

	post, err := ts.client.NewRequest("POST", "organizations/acme/ssh-keys", nil,
		map[string]any{"data": map[string]any{"type": "ssh-keys", "attributes": map[string]any{"name": "deploy", "value": secret}}})
	require.NoError(t, err)
	_, err = ts.client.Do(ctx, post.Hide(secret), nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.ErrorIs(t, err, ErrUnprocessable)
	assert.NotContains(t, err.Error(), secret, "a hidden value never reaches an error")

	missing, err := ts.client.NewRequest("GET", "runs/run-9", nil, nil)
	require.NoError(t, err)
	_, err = ts.client.Do(ctx, missing, nil)
	assert.ErrorIs(t, err, ErrResourceNotFound)

	wrong, err := ts.client.NewRequest("GET", "runs/run-8", nil, nil)
	require.NoError(t, err)
	var doc Document[Resource[runAttributes]]
	resp, err := ts.client.Do(ctx, wrong, &doc)
	wantDecodeError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
}

func TestRawRequestTakesTheRequestPath(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	var getTries, postTries int
	ts.expect(exchange{method: "GET", path: "/runs/run-1", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
		if getTries++; getTries == 1 {
			respond(w, 503, `{"errors":[{"status":"503","title":"unavailable"}]}`)
			return
		}
		respond(w, 200, `{"data": {"id": "run-1", "type": "runs"}}`)
	}})
	ts.expect(exchange{method: "POST", path: "/runs/run-1/actions/cancel", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
		postTries++
		respond(w, 503, `{"errors":[{"status":"503","title":"unavailable"}]}`)
	}})
	ctx := context.Background()

	get, err := ts.client.NewRequest("GET", "runs/run-1", nil, nil)
	require.NoError(t, err)
	_, err = ts.client.Do(ctx, get, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, getTries, "a GET is retried after a 503")

	cancel, err := ts.client.NewRequest("POST", "runs/run-1/actions/cancel", nil, nil)
	require.NoError(t, err)
	_, err = ts.client.Do(ctx, cancel, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 503, apiErr.StatusCode)
	assert.Equal(t, 1, postTries, "a POST is never re-sent")
}

func TestNewRequestValidation(t *testing.T) {
	t.Parallel()
	newReq := func(method, path string, query, body any) func(context.Context, *Client) error {
		return func(ctx context.Context, c *Client) error {
			req, err := c.NewRequest(method, path, query, body)
			if err != nil {
				return err
			}
			_, err = c.Do(ctx, req, nil)
			return err
		}
	}
	calls := []invalidCall{
		{"method/unknown", ErrInvalidMethod, newReq("TRACE", "ping", nil, nil)},
		{"method/empty", ErrInvalidMethod, newReq("", "ping", nil, nil)},
		{"query/string", ErrValidation, newReq("GET", "ping", "page=2", nil)},
		{"query/map", ErrValidation, newReq("GET", "ping", map[string]string{"a": "b"}, nil)},
		{"query/SDK options checked", ErrInvalidPagination, newReq("GET", "ping", &ListOptions{PageSize: 101}, nil)},
		{"query/SDK options by value", ErrInvalidTagName, newReq("GET", "organizations/acme/workspaces", WorkspaceListOptions{Tags: []string{"a,b"}}, nil)},
		{"body/on GET", ErrValidation, newReq("GET", "ping", nil, map[string]any{"data": nil})},
		{"body/not JSON", ErrValidation, newReq("POST", "ping", nil, json.RawMessage(`{"data":`))},
		{"body/bytes not JSON", ErrValidation, newReq("POST", "ping", nil, []byte("hello"))},
		{"body/cannot encode", ErrValidation, newReq("POST", "ping", nil, map[string]any{"c": make(chan int)})},
		{"Do/nil request", ErrValidation, func(ctx context.Context, c *Client) error { return errOf(c.Do(ctx, nil, nil)) }},
	}
	for _, path := range []string{
		"", "/workspaces", "api/v2/workspaces", "https://evil.example/api/v2/ping", "//evil.example/ping",
		"http:ping", "mailto:x@example.com", "workspaces//ws-1", "workspaces/", "workspaces/../admin",
		"workspaces/./ws-1", "..", "workspaces/ws-1?include=project", "workspaces/ws-1#x", "workspaces/ws%2F1",
		`workspaces\ws-1`, "workspaces/ws 1", "workspaces/ws-1\n", "workspaces/\x00",
	} {
		calls = append(calls, invalidCall{"path/" + path, ErrInvalidPath, newReq("GET", path, nil, nil)})
	}
	runInvalidCalls(t, calls)
}

func TestNewRequestPathErrorsNameTheSegment(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	_, err := ts.client.NewRequest("GET", "workspaces/ws-1/../../admin", nil, nil)
	require.ErrorIs(t, err, ErrInvalidPath)
	assert.True(t, strings.Contains(err.Error(), "segment 3"), err.Error())
	assert.True(t, errors.Is(err, ErrInvalidID))
}

func TestRelationshipJSON(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		rel  Relationship
		wire string
	}{
		{RelationshipTo("projects", "prj-1"), `{"data":{"type":"projects","id":"prj-1"}}`},
		{RelationshipTo("agent-pools", ""), `{"data":null}`},
		{RelationshipToMany("workspaces", "ws-1", "ws-2"), `{"data":[{"type":"workspaces","id":"ws-1"},{"type":"workspaces","id":"ws-2"}]}`},
		{RelationshipToMany("workspaces"), `{"data":[]}`},
	} {
		b, err := json.Marshal(tc.rel)
		require.NoError(t, err)
		assert.JSONEq(t, tc.wire, string(b))
		var back Relationship
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, tc.rel.Many, back.Many, tc.wire)
		assert.Equal(t, len(tc.rel.Data), len(back.Data), tc.wire)
	}
	_, err := json.Marshal(Relationship{Data: make([]ResourceIdentifier, 2)})
	assert.Error(t, err, "a to-one relationship with two identifiers")
	var links Relationship
	require.NoError(t, json.Unmarshal([]byte(`{"links":{"related":"/x"}}`), &links))
	assert.Equal(t, Relationship{}, links)
	assert.Error(t, json.Unmarshal([]byte(`{"data":"ws-1"}`), &links))
}

// FuzzNewRequestPath checks the raw request's path rule: a path
// NewRequest accepts becomes, on the API's host under its base path,
// exactly the segments it was given; one it refuses is an ErrInvalidPath.
func FuzzNewRequestPath(f *testing.F) {
	for _, s := range []string{"ping", "workspaces/ws-1/actions/lock", "../admin", "//evil.example/x", "https://evil.example",
		"a/b/", "a%2F..", "例え/ws-1", "http:x", "a:b/c", "a b", "\x00", "a/./b", `a\b`, "api/v2/ping"} {
		f.Add(s)
	}
	client, err := NewClient(&Config{Address: "https://tfe.example.com", Token: testToken})
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, path string) {
		req, err := client.NewRequest("GET", path, nil, nil)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidPath)
			require.ErrorIs(t, err, ErrValidation)
			return
		}
		u := client.endpoint(req.call.path, nil)
		require.Equal(t, "tfe.example.com", u.Host, "%q left the API's host", path)
		rest, ok := strings.CutPrefix(u.EscapedPath(), "/api/v2/")
		require.True(t, ok, "%q left the base path: %s", path, u.EscapedPath())
		segments := strings.Split(rest, "/")
		want := strings.Split(path, "/")
		require.Len(t, segments, len(want), "%q became %s", path, u.EscapedPath())
		for i, s := range segments {
			back, err := url.PathUnescape(s)
			require.NoError(t, err)
			require.Equal(t, want[i], back, "segment %d of %q", i+1, path)
		}
	})
}
