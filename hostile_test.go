package tfe

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The security tests against a hostile server: one that echoes secrets
// back, redirects elsewhere, names absurd waits, announces what it does
// not send, or answers a resource of another type.

// echoedSecretCall is a call that sends secret and the path it sends it to.
type echoedSecretCall struct {
	name   string
	method string
	path   string
	call   func(ctx context.Context, c *Client, secret string) error
}

// echoedSecretCalls are the calls that send a value as secret: a
// sensitive variable's value, however it travels.
var echoedSecretCalls = []echoedSecretCall{
	{"Variables.Create", "POST", "/workspaces/ws-1/vars", func(ctx context.Context, c *Client, s string) error {
		return errOf(c.Variables.Create(ctx, "ws-1", VariableCreateOptions{Key: "k", Category: CategoryEnv, Value: &s, Sensitive: Ptr(true)}))
	}},
	{"Variables.Update", "PATCH", "/workspaces/ws-1/vars/var-1", func(ctx context.Context, c *Client, s string) error {
		return errOf(c.Variables.Update(ctx, "ws-1", "var-1", VariableUpdateOptions{Value: &s, Sensitive: Ptr(true)}))
	}},
	{"VariableSetVariables.Create", "POST", "/varsets/varset-1/relationships/vars", func(ctx context.Context, c *Client, s string) error {
		return errOf(c.VariableSetVariables.Create(ctx, "varset-1", VariableSetVariableCreateOptions{Key: "k", Category: CategoryEnv, Value: &s, Sensitive: Ptr(true)}))
	}},
	{"VariableSetVariables.Update", "PATCH", "/varsets/varset-1/relationships/vars/var-1", func(ctx context.Context, c *Client, s string) error {
		return errOf(c.VariableSetVariables.Update(ctx, "varset-1", "var-1", VariableSetVariableUpdateOptions{Value: &s, Sensitive: Ptr(true)}))
	}},
	{"VariableSets.Create", "POST", "/organizations/acme/varsets", func(ctx context.Context, c *Client, s string) error {
		return errOf(c.VariableSets.Create(ctx, "acme", VariableSetCreateOptions{Name: "creds", Variables: []VariableSetVariableCreateOptions{
			{Key: "plain", Category: CategoryEnv, Value: Ptr("not secret")},
			{Key: "k", Category: CategoryEnv, Value: &s, Sensitive: Ptr(true)},
		}}))
	}},
	{"NoCodeModules.CreateWorkspace", "POST", "/no-code-modules/nocode-1/workspaces", func(ctx context.Context, c *Client, s string) error {
		return errOf(c.NoCodeModules.CreateWorkspace(ctx, "nocode-1", NoCodeWorkspaceCreateOptions{Name: "w", ProjectID: "prj-1",
			Variables: []NoCodeWorkspaceVariable{{Key: "k", Value: s, Category: CategoryEnv, Sensitive: true}}}))
	}},
	{"NoCodeModules.UpgradeWorkspace", "POST", "/no-code-modules/nocode-1/workspaces/ws-1/upgrade", func(ctx context.Context, c *Client, s string) error {
		return errOf(c.NoCodeModules.UpgradeWorkspace(ctx, "nocode-1", "ws-1", &NoCodeWorkspaceUpgradeOptions{
			Variables: []NoCodeWorkspaceVariable{{Key: "k", Value: s, Category: CategoryEnv, Sensitive: true}}}))
	}},
}

// echoingAnswers answer with the secret echoed everywhere an error may
// carry it.
var echoingAnswers = map[string]func(secret string) (status int, body string){
	"JSON:API error": func(s string) (int, string) {
		e := jsonEscape(s)
		return 422, `{"errors":[{"status":"422","code":"` + e + `","title":"bad ` + e + `","detail":"value ` + e + ` refused",
		  "source":{"pointer":"/data/attributes/` + e + `","parameter":"` + e + `"},"meta":{"echo":"` + e + `","` + e + `":["` + e + `"]}}]}`
	},
	"plain text": func(s string) (int, string) { return 500, "refused: " + s },
}

// assertNoSecretIn checks that err, every field of its *APIError and the
// log show no trace of secret, and that the redaction mark stands in.
func assertNoSecretIn(t *testing.T, err error, log, secret string) {
	t.Helper()
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	printed := fmt.Sprintf("%v %+v %#v", err, apiErr, apiErr)
	for _, obj := range apiErr.Errors {
		printed += fmt.Sprintf(" %+v %+v %v", *obj, obj.Source, obj.Meta)
	}
	assert.NotContains(t, printed, secret, "the error shows the secret")
	assert.NotContains(t, printed, jsonEscape(secret))
	assert.Contains(t, err.Error(), redactedText)
	assert.NotContains(t, log, secret, "the log shows the secret")
	assert.NotContains(t, log, jsonEscape(secret))
}

func TestSecretsTheServerEchoesNeverShow(t *testing.T) {
	for _, c := range echoedSecretCalls {
		for answerName, answer := range echoingAnswers {
			t.Run(c.name+"/"+answerName, func(t *testing.T) {
				t.Parallel()
				secret := plantSecret("s3cr<e>t&\"" + strings.ReplaceAll(c.name, ".", "-") + "\"")
				var log bytes.Buffer
				ts := setup(t, func(cfg *Config) {
					cfg.RetryMax = -1
					cfg.Logger = suiteLoggerAnd(slog.NewJSONHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug}))
				})
				status, body := answer(secret)
				ts.expect(exchange{method: c.method, path: c.path, anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
					if strings.HasPrefix(body, "{") {
						respond(w, status, body)
						return
					}
					w.WriteHeader(status)
					_, _ = w.Write([]byte(body))
				}})
				assertNoSecretIn(t, c.call(context.Background(), ts.client, secret), log.String(), secret)
			})
		}
	}
}

func TestTheTokenTheServerEchoesNeverShows(t *testing.T) {
	for _, status := range []int{401, 403} {
		for answerName, answer := range echoingAnswers {
			t.Run(strconv.Itoa(status)+"/"+answerName, func(t *testing.T) {
				t.Parallel()
				var log bytes.Buffer
				ts := setup(t, func(cfg *Config) {
					cfg.Logger = suiteLoggerAnd(slog.NewJSONHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug}))
				})
				_, body := answer(testToken)
				ts.expect(exchange{method: "GET", path: "/workspaces/ws-1/vars", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
					w.Header().Set("X-Echo", "Bearer "+testToken)
					w.Header().Set("X-Token-Was", testToken)
					respond(w, status, strings.Replace(body, `"422"`, `"`+strconv.Itoa(status)+`"`, 1))
				}})
				_, err := ts.client.Variables.List(context.Background(), "ws-1", nil)
				assertNoSecretIn(t, err, log.String(), testToken)
			})
		}
	}
}

// TestRedirectHopsAreNotAttempts: RetryMax counts retries of the endpoint,
// not the redirects each attempt follows.
func TestRedirectHopsAreNotAttempts(t *testing.T) {
	ts := setup(t, func(c *Config) { c.RetryMax = 3 })
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/api/v2/workspaces/ws-2", http.StatusTemporaryRedirect)
	}})
	endpoint := ts.expect(exchange{method: "GET", path: "/workspaces/ws-2", anyRequest: true, status: 503, body: `{"errors":[{"status":"503"}]}`})
	_, err := requestOne(context.Background(), ts.client, get(apiPath("workspaces", "ws-1"), nil), workspaceDecoder)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 503, apiErr.StatusCode)
	assert.EqualValues(t, 4, endpoint.Load(), "the first attempt and 3 retries reach the endpoint")
}

// TestNoBodyFollowsARedirectToAnotherOrigin: a 307 or 308 to another
// scheme, host or port fails the call before anything reaches it.
func TestNoBodyFollowsARedirectToAnotherOrigin(t *testing.T) {
	var reached atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		respond(w, 201, `{"data":{"id":"var-1","type":"vars"}}`)
	}))
	defer other.Close()
	for _, status := range []int{http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			ts := setup(t)
			served := ts.expect(exchange{method: "POST", path: "/workspaces/ws-1/vars", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, other.URL+"/api/v2/workspaces/ws-1/vars", status)
			}})
			secret := plantSecret("redirected-sensitive-" + strconv.Itoa(status))
			_, err := ts.client.Variables.Create(context.Background(), "ws-1", VariableCreateOptions{Key: "k", Category: CategoryEnv, Value: &secret, Sensitive: Ptr(true)})
			require.Error(t, err)
			assert.ErrorIs(t, err, errBodyToOtherOrigin)
			assert.Contains(t, err.Error(), other.URL, "the error names the target origin")
			assert.Zero(t, reached.Load(), "nothing is sent to the other origin")
			assert.EqualValues(t, 1, served.Load(), "the refusal is final")
		})
	}
	t.Run("same origin is followed", func(t *testing.T) {
		ts := setup(t)
		ts.expect(exchange{method: "POST", path: "/workspaces/ws-1/vars", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/api/v2/workspaces/ws-2/vars", http.StatusTemporaryRedirect)
		}})
		ts.expect(exchange{method: "POST", path: "/workspaces/ws-2/vars", golden: "workspace_variables/create.request.json", status: 201, fixture: "workspace_variables/create.response.json"})
		_, err := ts.client.Variables.Create(context.Background(), "ws-1", VariableCreateOptions{
			Key: "some_key", Value: Ptr("some_value"), Description: Ptr("some description"), Category: CategoryTerraform, HCL: Ptr(false), Sensitive: Ptr(false),
		})
		require.NoError(t, err)
	})
}

// TestServerNamedWaitsStaySane: a Retry-After date far in the future is
// capped like the numeric forms, never wraps negative, and still fails
// fast past the context's deadline.
func TestServerNamedWaitsStaySane(t *testing.T) {
	far := "Fri, 31 Dec 9999 23:59:59 GMT"
	t.Run("capped", func(t *testing.T) {
		ts := setup(t, func(c *Config) { c.RetryMax = 1 })
		var n atomic.Int32
		ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
			if n.Add(1) == 1 {
				w.Header().Set("Retry-After", far)
				respond(w, 429, `{"errors":[{"status":"429"}]}`)
				return
			}
			respond(w, 200, okWorkspace)
		}})
		_, err := requestOne(context.Background(), ts.client, get(apiPath("workspaces", "ws-1"), nil), workspaceDecoder)
		require.NoError(t, err)
		waits := ts.clock.sleeps()
		require.Len(t, waits, 1)
		assert.GreaterOrEqual(t, waits[0], maxServerWait, "the wait the server named, capped")
		assert.Less(t, waits[0], maxServerWait+time.Second, "plus jitter, and no more")
	})
	t.Run("past the deadline", func(t *testing.T) {
		ts := setup(t)
		ts.clock.now = time.Now() // the deadline is on the wall clock
		ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", far)
			respond(w, 429, `{"errors":[{"status":"429"}]}`)
		}})
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		_, err := requestOne(ctx, ts.client, get(apiPath("workspaces", "ws-1"), nil), workspaceDecoder)
		assert.ErrorIs(t, err, ErrRateLimited)
		assert.Equal(t, 1, ts.count())
	})
	for _, h := range [][2]string{{"Retry-After", far}, {"Retry-After", "1e308"}, {"X-RateLimit-Reset", "9.3e18"}, {"Retry-After", "Mon, 01 Jan 0001 00:00:00 GMT"}} {
		header := http.Header{}
		header.Set(h[0], h[1])
		wait, ok := serverWait(header, time.Now())
		assert.True(t, ok, h[1])
		assert.True(t, wait >= 0 && wait <= maxServerWait, "%s: %s", h[1], wait)
	}
}

// TestMemoryFollowsWhatArrives: an answer that announces 64 MiB and sends
// a few bytes costs a small buffer, not 64 MiB.
func TestMemoryFollowsWhatArrives(t *testing.T) {
	got, err := readAll(strings.NewReader(okWorkspace), maxAnswerBytes, maxAnswerBytes)
	require.NoError(t, err)
	assert.Equal(t, okWorkspace, string(got))
	assert.LessOrEqual(t, cap(got), initialAnswerBuffer, "the announced length reserves no more than %d bytes", initialAnswerBuffer)

	// End to end: the server announces the cap and cuts the body short.
	ts := setup(t, func(c *Config) { c.RetryMax = -1 })
	ts.expect(exchange{method: "POST", path: "/workspaces", anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		fmt.Fprintf(buf, "HTTP/1.1 201 Created\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", mediaType, maxAnswerBytes, okWorkspace[:10])
		_ = buf.Flush()
	}})
	_, err = requestOne(context.Background(), ts.client, post("workspaces", newDocument("workspaces", noAttributes{})), workspaceDecoder)
	var decodeErr *DecodeError
	require.ErrorAs(t, err, &decodeErr, "a cut 2xx answer of a POST")
	assert.Equal(t, 201, decodeErr.StatusCode)
}

// TestAResourceOfAnotherTypeIsADecodeError: a workspaces resource where a
// vars one belongs is no Variable with empty fields.
func TestAResourceOfAnotherTypeIsADecodeError(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1/vars/var-1", anyRequest: true, status: 200, body: okWorkspace})
	v, err := ts.client.Variables.Read(context.Background(), "ws-1", "var-1")
	assert.Nil(t, v)
	var decodeErr *DecodeError
	require.ErrorAs(t, err, &decodeErr)
	assert.Contains(t, err.Error(), `"workspaces"`)
}
