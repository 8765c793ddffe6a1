package tfe

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

func TestStatusSentinels(t *testing.T) {
	for code, sentinel := range map[int]error{401: ErrUnauthorized, 404: ErrResourceNotFound, 409: ErrConflict, 422: ErrUnprocessable, 429: ErrRateLimited} {
		t.Run(strconv.Itoa(code), func(t *testing.T) {
			ts := setup(t, func(c *Config) { c.RetryMax = -1 })
			ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
				respond(w, code, `{"errors":[{"status":"`+strconv.Itoa(code)+`","title":"t","detail":"the detail","source":{"pointer":"/data/attributes/name"}}]}`)
			}})
			err := send(ts, context.Background(), "GET")
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != code {
				t.Fatalf("err = %v", err)
			}
			if !errors.Is(err, sentinel) {
				t.Errorf("%v does not match %v", err, sentinel)
			}
			for _, other := range []error{ErrUnauthorized, ErrResourceNotFound, ErrConflict, ErrUnprocessable, ErrRateLimited, ErrValidation} {
				if other != sentinel && errors.Is(err, other) {
					t.Errorf("%d also matches %v", code, other)
				}
			}
			if apiErr.Method != "GET" || apiErr.Path != "/api/v2/workspaces/ws-1" {
				t.Errorf("method/path = %s %s", apiErr.Method, apiErr.Path)
			}
			if len(apiErr.Errors) != 1 || apiErr.Errors[0].Source.Pointer != "/data/attributes/name" || apiErr.Errors[0].Status != strconv.Itoa(code) {
				t.Errorf("error objects = %+v", apiErr.Errors)
			}
			if !strings.Contains(err.Error(), "the detail") || !strings.Contains(err.Error(), strconv.Itoa(code)) {
				t.Errorf("message = %q", err.Error())
			}
		})
	}
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
			ts := setup(t, func(c *Config) { c.RetryMax = -1 })
			ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) { tc.answer(w) }})
			ws, err := requestOne(context.Background(), ts.client, get(apiPath("workspaces", "ws-1"), nil), workspaceDecoder)
			if err == nil || ws != nil {
				t.Fatalf("want an error and no value, got %v, %+v", err, ws)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("message %q lacks %q", err.Error(), tc.want)
			}
			if tc.status != 0 {
				var apiErr *APIError
				if !errors.As(err, &apiErr) || apiErr.StatusCode != tc.status {
					t.Fatalf("err = %v, want an *APIError %d", err, tc.status)
				}
				return
			}
			var decErr *DecodeError
			if !errors.As(err, &decErr) || decErr.Path != "/api/v2/workspaces/ws-1" || decErr.StatusCode != 200 {
				t.Fatalf("err = %#v, want a *DecodeError naming the path", err)
			}
		})
	}
}

func TestInvalidIDsAreRefusedBeforeAnyRequest(t *testing.T) {
	bad := []string{"", ".", "..", "ws/1", `ws\1`, "ws?1", "ws#1", "ws%2F", "ws 1", "ws\t1", "ws\n1", "ws\x00", "ws\u00a01", "\xff"}
	for _, id := range bad {
		err := checkID(ErrInvalidWorkspaceID, "workspaceID", id)
		if !errors.Is(err, ErrInvalidWorkspaceID) || !errors.Is(err, ErrInvalidID) || !errors.Is(err, ErrValidation) {
			t.Errorf("%q: err = %v", id, err)
		}
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Field != "workspaceID" {
			t.Errorf("%q: not a *ValidationError naming the field: %v", id, err)
		}
	}
	for _, id := range []string{"ws-abc123", "my_org.name", "例え", "a:b@c+d"} {
		if err := checkID(ErrInvalidWorkspaceID, "workspaceID", id); err != nil {
			t.Errorf("%q refused: %v", id, err)
		}
	}
	if err := checkIDs(ErrInvalidWorkspaceID, "ids", nil); !errors.Is(err, ErrValidation) {
		t.Errorf("empty list: %v", err)
	}
	if err := checkIDs(ErrInvalidWorkspaceID, "ids", []string{"ws-1", "a/b"}); err == nil || !strings.Contains(err.Error(), "ids[1]") {
		t.Errorf("bad second ID: %v", err)
	}
}

func TestPathSegmentsAreEscaped(t *testing.T) {
	if got := apiPath("organizations", "例え", "a:b@c+d"); got != "organizations/%E4%BE%8B%E3%81%88/a:b@c+d" {
		t.Errorf("apiPath = %s", got)
	}
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/organizations/{name}", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		if got := r.PathValue("name"); got != "例え" {
			t.Errorf("server saw %q", got)
		}
		respond(w, 200, okWorkspace)
	}})
	if _, err := requestOne(context.Background(), ts.client, get(apiPath("organizations", "例え"), nil), workspaceDecoder); err != nil {
		t.Fatal(err)
	}
}

func TestSMTPKindReplacesTheStatusSentinel(t *testing.T) {
	e := &APIError{StatusCode: 401, Method: "PATCH", Path: "/api/v2/admin/smtp-settings", kind: ErrSMTPCredentials}
	if !errors.Is(e, ErrSMTPCredentials) || errors.Is(e, ErrUnauthorized) {
		t.Fatalf("kind not honoured: %v", e)
	}
	if !strings.Contains(e.Error(), "SMTP") {
		t.Errorf("message = %q", e.Error())
	}
}

func TestExcerptIsShortAndClean(t *testing.T) {
	body := []byte("<html>\n\n\t<h1>Bad   Gateway</h1>" + strings.Repeat("é", 400) + "</html>")
	got := excerpt(body, 40)
	if strings.ContainsAny(got, "\n\t") || len(got) > 40+len("…") || !strings.HasPrefix(got, "<html> <h1>Bad Gateway</h1>") {
		t.Errorf("excerpt = %q", got)
	}
}
