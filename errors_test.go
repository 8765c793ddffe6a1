package tfe

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStatusSentinels(t *testing.T) {
	t.Parallel()
	all := []error{ErrUnauthorized, ErrForbidden, ErrResourceNotFound, ErrConflict, ErrUnprocessable, ErrRateLimited, ErrValidation, ErrAmbiguous}
	for code, sentinel := range map[int]error{401: ErrUnauthorized, 403: ErrForbidden, 404: ErrResourceNotFound, 409: ErrConflict, 422: ErrUnprocessable, 429: ErrRateLimited} {
		t.Run(strconv.Itoa(code), func(t *testing.T) {
			t.Parallel()
			ts := setup(t, func(c *Config) { c.RetryMax = -1 })
			ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
				respond(w, code, `{"errors":[{"status":"`+strconv.Itoa(code)+`","title":"t","detail":"the detail","source":{"pointer":"/data/attributes/name"}}]}`)
			}})
			err := send(ts, context.Background(), "GET")
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, code, apiErr.StatusCode)
			assert.ErrorIs(t, err, sentinel)
			for _, other := range all {
				if other != sentinel {
					assert.NotErrorIs(t, err, other)
				}
			}
			assert.Equal(t, "GET", apiErr.Method)
			assert.Equal(t, "/api/v2/workspaces/ws-1", apiErr.Path)
			require.Len(t, apiErr.Errors, 1)
			assert.Equal(t, "/data/attributes/name", apiErr.Errors[0].Source.Pointer)
			assert.Equal(t, strconv.Itoa(code), apiErr.Errors[0].Status)
			assert.ErrorContains(t, err, "the detail")
			assert.ErrorContains(t, err, strconv.Itoa(code))
			assert.Empty(t, apiErr.EndpointAddedIn, "an endpoint every release has")
			assert.NotContains(t, err.Error(), "release")
		})
	}
}

func TestNotFoundOfAnEndpointAnOlderReleaseLacks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ release, want string }{
		{"v202401-1", "added in v202401-1"},
		{laterRelease, "added in a later release"},
	} {
		t.Run(tc.release, func(t *testing.T) {
			t.Parallel()
			ts := setup(t, func(c *Config) { c.RetryMax = -1 })
			ts.expect(exchange{method: "GET", path: "/organizations/acme/thing", anyRequest: true, status: 404, body: `{"errors":[{"status":"404","title":"not found"}]}`})
			err := ts.client.requestNoContent(context.Background(), get("organizations/acme/thing", nil).since(tc.release))
			assert.ErrorIs(t, err, ErrResourceNotFound, "still a 404")
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.release, apiErr.EndpointAddedIn)
			assert.ErrorContains(t, err, "not found, or this Terraform Enterprise release lacks the endpoint")
			assert.ErrorContains(t, err, tc.want)
		})
	}
	t.Run("HCP Terraform has no releases", func(t *testing.T) {
		t.Parallel()
		ts := setup(t, func(c *Config) { c.RetryMax = -1 })
		ts.expect(exchange{method: "GET", path: "/organizations/acme/thing", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("TFP-AppName", "HCP Terraform")
			respond(w, http.StatusNotFound, `{"errors":[{"status":"404","title":"not found"}]}`)
		}})
		err := ts.client.requestNoContent(context.Background(), get("organizations/acme/thing", nil).since("v202401-1"))
		assert.ErrorIs(t, err, ErrResourceNotFound)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Empty(t, apiErr.EndpointAddedIn)
		assert.NotContains(t, err.Error(), "release")
	})
	t.Run("other statuses say nothing of releases", func(t *testing.T) {
		t.Parallel()
		ts := setup(t, func(c *Config) { c.RetryMax = -1 })
		ts.expect(exchange{method: "GET", path: "/organizations/acme/thing", anyRequest: true, status: 403, body: `{"errors":[{"status":"403","title":"forbidden"}]}`})
		err := ts.client.requestNoContent(context.Background(), get("organizations/acme/thing", nil).since("v202401-1"))
		assert.ErrorIs(t, err, ErrForbidden)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Empty(t, apiErr.EndpointAddedIn)
		assert.NotContains(t, err.Error(), "release")
	})
}

func TestAmbiguousError(t *testing.T) {
	t.Parallel()
	err := error(&AmbiguousError{Kind: "variable set", Name: "creds", Scope: `organization "acme"`, IDs: []string{"varset-1", "varset-2"}})
	assert.ErrorIs(t, err, ErrAmbiguous)
	assert.NotErrorIs(t, err, ErrResourceNotFound)
	assert.EqualError(t, err, `tfe: 2 variable sets named "creds" in organization "acme" (varset-1, varset-2): more than one resource matches`)
}

func TestAnswersThatAreNotJSONAPI(t *testing.T) {
	cases := []struct {
		name   string
		answer func(w http.ResponseWriter)
		status int    // for *APIError; 0 means a *DecodeError
		want   string // in the message
	}{
		{"HTML page from a proxy", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(502)
			io.WriteString(w, "<html><body><h1>502 Bad Gateway</h1>\n\n nginx</body></html>")
		}, 502, "502 Bad Gateway"},
		{"empty 502", func(w http.ResponseWriter) { w.WriteHeader(502) }, 502, "502"},
		{"errors as strings", func(w http.ResponseWriter) { respond(w, 404, `{"errors":["not found"]}`) }, 404, "not found"},
		{"truncated 2xx", func(w http.ResponseWriter) {
			w.Header().Set("Content-Length", "500")
			w.WriteHeader(200)
			io.WriteString(w, `{"data":{"id":"ws-1","type":"work`)
		}, 0, "/api/v2/workspaces/ws-1"},
		{"malformed JSON 2xx", func(w http.ResponseWriter) { respond(w, 200, `{"data":{"id":"ws-1",,}}`) }, 0, "invalid character"},
		{"2xx without data", func(w http.ResponseWriter) { respond(w, 200, `{}`) }, 0, "no data"},
		{"2xx with null data", func(w http.ResponseWriter) { respond(w, 200, `{"data":null}`) }, 0, "no data"},
		{"2xx resource without id", func(w http.ResponseWriter) { respond(w, 200, `{"data":{"type":"workspaces"}}`) }, 0, "no data"},
		{"2xx attributes of the wrong type", func(w http.ResponseWriter) {
			respond(w, 200, `{"data":{"id":"ws-1","type":"workspaces","attributes":{"name":7}}}`)
		}, 0, "attributes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := setup(t, func(c *Config) { c.RetryMax = -1 })
			ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) { tc.answer(w) }})
			ws, err := requestOne(context.Background(), ts.client, get(apiPath("workspaces", "ws-1"), nil), workspaceDecoder)
			require.Error(t, err)
			assert.Nil(t, ws)
			assert.ErrorContains(t, err, tc.want)
			if tc.status != 0 {
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, tc.status, apiErr.StatusCode)
				return
			}
			var decErr *DecodeError
			require.ErrorAs(t, err, &decErr)
			assert.Equal(t, "/api/v2/workspaces/ws-1", decErr.Path)
			assert.Equal(t, 200, decErr.StatusCode)
		})
	}
}

func TestInvalidIDsAreRefusedBeforeAnyRequest(t *testing.T) {
	t.Parallel()
	bad := []string{"", ".", "..", "ws/1", `ws\1`, "ws?1", "ws#1", "ws%2F", "ws 1", "ws\t1", "ws\n1", "ws\x00", "ws\u00a01", "\xff"}
	for _, id := range bad {
		err := checkID(ErrInvalidWorkspaceID, "workspaceID", id)
		assert.ErrorIs(t, err, ErrInvalidWorkspaceID, "%q", id)
		assert.ErrorIs(t, err, ErrInvalidID, "%q", id)
		assert.ErrorIs(t, err, ErrValidation, "%q", id)
		var ve *ValidationError
		if assert.ErrorAs(t, err, &ve, "%q", id) {
			assert.Equal(t, "workspaceID", ve.Field)
		}
	}
	for _, id := range []string{"ws-abc123", "my_org.name", "例え", "a:b@c+d"} {
		assert.NoError(t, checkID(ErrInvalidWorkspaceID, "workspaceID", id), "%q", id)
	}
	assert.ErrorIs(t, checkIDs(ErrInvalidWorkspaceID, "ids", nil), ErrValidation, "an empty list")
	assert.ErrorContains(t, checkIDs(ErrInvalidWorkspaceID, "ids", []string{"ws-1", "a/b"}), "ids[1]")
}

func TestPathSegmentsAreEscaped(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "organizations/%E4%BE%8B%E3%81%88/a:b@c+d", apiPath("organizations", "例え", "a:b@c+d"))
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations/{name}", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(ts, "例え", r.PathValue("name"), "the name the server saw")
		respond(w, 200, okWorkspace)
	}})
	_, err := requestOne(context.Background(), ts.client, get(apiPath("organizations", "例え"), nil), workspaceDecoder)
	require.NoError(t, err)
}

func TestSMTPKindReplacesTheStatusSentinel(t *testing.T) {
	t.Parallel()
	e := &APIError{StatusCode: 401, Method: "PATCH", Path: "/api/v2/admin/smtp-settings", kind: ErrSMTPCredentials}
	assert.ErrorIs(t, e, ErrSMTPCredentials)
	assert.NotErrorIs(t, e, ErrUnauthorized)
	assert.ErrorContains(t, e, "SMTP")
}

func TestExcerptIsShortAndClean(t *testing.T) {
	t.Parallel()
	body := []byte("<html>\n\n\t<h1>Bad   Gateway</h1>" + strings.Repeat("é", 400) + "</html>")
	got := excerpt(body, 40)
	assert.NotContains(t, got, "\n")
	assert.NotContains(t, got, "\t")
	assert.LessOrEqual(t, len(got), 40+len("…"))
	assert.True(t, strings.HasPrefix(got, "<html> <h1>Bad Gateway</h1>"), "excerpt = %q", got)
}
