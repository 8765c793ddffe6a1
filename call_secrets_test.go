package tfe

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSecretFormsCoverJSONEscaping(t *testing.T) {
	want := []string{`p\u003ca\u0026s\"s\u003e`, `p<a&s\"s>`, `p<a&s"s>`}
	assert.Equal(t, want, secretForms(`p<a&s"s>`))
	assert.Equal(t, []string{"plain"}, secretForms("plain"), "one form")
}

func TestHidingIgnoresEmptyValues(t *testing.T) {
	cl := get("x", nil)
	assert.Nil(t, cl.hiding("", "").secrets, "no secret given")
	assert.Equal(t, []string{"one", "two"}, cl.hiding("one").hiding("", "two").secrets)
}

// TestCallSecretsNeverLoggedNorInErrors sends a secret the service echoes
// back in an error detail and an HTML error page, and checks that neither
// the debug log nor the error shows it.
func TestCallSecretsNeverLoggedNorInErrors(t *testing.T) {
	secret := plantSecret(`s3cr<e>t&"x"-5e2f`)
	var log bytes.Buffer
	ts := setup(t, func(c *Config) {
		c.Logger = suiteLoggerAnd(slog.NewJSONHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	ts.expect(exchange{method: "PATCH", path: "/things/json", anyRequest: true, status: 422, body: `{"errors":[{"status":"422","title":"bad ` + jsonEscape(secret) + `","detail":"value ` + jsonEscape(secret) + ` refused"}]}`})
	ts.expect(exchange{method: "PATCH", path: "/things/html", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(500)
		_, _ = w.Write([]byte("<html>refused " + secret + "</html>"))
	}})
	payload := map[string]string{"password": secret}
	for _, path := range []string{"things/json", "things/html"} {
		_, err := ts.client.do(context.Background(), patch(path, payload).hiding(secret))
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr, path)
		assert.NotContains(t, err.Error(), secret, "%s: the error shows the secret", path)
		assert.Contains(t, err.Error(), redactedText, "%s: the error has no redaction mark", path)
	}
	assert.NotContains(t, log.String(), jsonEscape(secret), "the debug log shows the secret")
	assert.NotContains(t, log.String(), "s3cr", "the debug log shows the secret")
	assert.Contains(t, log.String(), redactedText, "the debug log has no redaction mark")
}

// jsonEscape returns s as the content of a JSON string literal.
func jsonEscape(s string) string { return secretForms(s)[0] }
