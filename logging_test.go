package tfe

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNoSecretInAnyLogLineOrError sends a token, a password and a sensitive
// variable value through a debug logger at full verbosity and through every
// error path, and looks for them in every log line and error string.
func TestNoSecretInAnyLogLineOrError(t *testing.T) {
	password := plantSecret("smtp-PASSWORD-9f8e7d")
	sensitive := plantSecret("sensitive-VALUE-1a2b3c")
	var logs bytes.Buffer
	logger := suiteLoggerAnd(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug, AddSource: true}))
	ts := setup(t, func(c *Config) { c.Logger = logger; c.RetryMax = 1 })

	answers := map[string]func(w http.ResponseWriter){
		"ok": func(w http.ResponseWriter) {
			respond(w, 200, `{"data":{"id":"var-1","type":"vars","attributes":{"key":"k","value":"","sensitive":true}}}`)
		},
		"401": func(w http.ResponseWriter) { respond(w, 401, `{"errors":[{"status":"401","title":"unauthorized"}]}`) },
		"404": func(w http.ResponseWriter) { respond(w, 404, `{"errors":[{"status":"404","title":"not found"}]}`) },
		"422": func(w http.ResponseWriter) {
			respond(w, 422, `{"errors":[{"status":"422","detail":"bad","source":{"pointer":"/data/attributes/value"}}]}`)
		},
		"429":       func(w http.ResponseWriter) { w.Header().Set("X-RateLimit-Reset", "0.01"); respond(w, 429, `{}`) },
		"html-502":  func(w http.ResponseWriter) { w.WriteHeader(502); io.WriteString(w, "<html>Bad Gateway</html>") },
		"empty-503": func(w http.ResponseWriter) { w.WriteHeader(503) },
		"truncated": func(w http.ResponseWriter) {
			w.Header().Set("Content-Length", "999")
			w.WriteHeader(200)
			io.WriteString(w, `{"data":{"id":"var-1","type":"vars","attributes":{"key":"k","value":"`)
		},
		"malformed": func(w http.ResponseWriter) { respond(w, 200, `{"data":`) },
		"reset":     func(w http.ResponseWriter) { resetConnection(w, nil) },
	}
	var errs []string
	for name, answer := range answers {
		ts.expect(exchange{method: "PATCH", path: "/vars/" + name, anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) { answer(w) }})
		ts.expect(exchange{method: "POST", path: "/vars/" + name, anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) { answer(w) }})
		ts.expect(exchange{method: "GET", path: "/vars/" + name, anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) { answer(w) }})
		smtp := newDocument("smtp-settings", map[string]any{"password": password, "username": "bot"})
		variable := newDocument("vars", map[string]any{"value": sensitive, "sensitive": true})
		// an update of a sensitive variable does not repeat the flag
		update := newDocument("vars", map[string]any{"value": sensitive})
		path := apiPath("vars", name)
		for _, cl := range []call{patch(path, smtp), post(path, variable), get(path, nil), patch(path, update)} {
			if _, err := requestOne(context.Background(), ts.client, cl, workspaceDecoder); err != nil {
				errs = append(errs, err.Error())
			}
		}
	}
	require.GreaterOrEqual(t, len(errs), 20, "error paths exercised")
	out := logs.String()
	// The failure messages show the log's beginning and a secret's first
	// characters only: the log is long, and a secret stays a secret.
	for _, want := range []string{"request body", "attempt=", "smtp-settings"} {
		require.True(t, strings.Contains(out, want), "the debug log lacks %q (bodies or attempts); the test would prove nothing:\n%.2000s", want, out)
	}
	for _, secret := range []string{testToken, password, sensitive} {
		assert.False(t, strings.Contains(out, secret), "a secret (%.6s…) is in the debug log", secret)
		for _, e := range errs {
			assert.False(t, strings.Contains(e, secret), "a secret (%.6s…) is in an error: %s", secret, strings.ReplaceAll(e, secret, "<the secret>"))
		}
	}
}

func TestDebugRecordsCarryTheAttemptFields(t *testing.T) {
	var logs bytes.Buffer
	ts := setup(t, func(c *Config) {
		c.Logger = suiteLoggerAnd(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	scripted(ts, "GET", status(503))
	require.NoError(t, send(ts, context.Background(), "GET"))
	for _, want := range []string{`"method":"GET"`, `"path":"/api/v2/workspaces/ws-1"`, `"status":503`, `"attempt":1`, `"attempt":2`, `"status":200`, `"duration":`, `"msg":"tfe: retrying"`} {
		assert.Contains(t, logs.String(), want, "the debug log")
	}
}
