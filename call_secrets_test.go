package tfe

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

func TestSecretFormsCoverJSONEscaping(t *testing.T) {
	got := secretForms(`p<a&s"s>`)
	want := []string{`p\u003ca\u0026s\"s\u003e`, `p<a&s\"s>`, `p<a&s"s>`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("secretForms = %q, want %q", got, want)
	}
	if got := secretForms("plain"); len(got) != 1 || got[0] != "plain" {
		t.Errorf("secretForms(plain) = %q, want one form", got)
	}
}

func TestHidingIgnoresEmptyValues(t *testing.T) {
	cl := get("x", nil)
	if got := cl.hiding("", ""); got.secrets != nil {
		t.Errorf("no secret given, but secrets = %q", got.secrets)
	}
	if got := cl.hiding("one").hiding("", "two"); strings.Join(got.secrets, ",") != "one,two" {
		t.Errorf("secrets = %q, want [one two]", got.secrets)
	}
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
		if !errors.As(err, &apiErr) {
			t.Fatalf("%s: err = %v, want *APIError", path, err)
		}
		if strings.Contains(err.Error(), secret) || !strings.Contains(err.Error(), redactedText) {
			t.Errorf("%s: the error shows the secret or no redaction mark: %v", path, err)
		}
	}
	if strings.Contains(log.String(), jsonEscape(secret)) || strings.Contains(log.String(), "s3cr") {
		t.Errorf("the debug log shows the secret:\n%s", log.String())
	}
	if !strings.Contains(log.String(), redactedText) {
		t.Errorf("the debug log has no redaction mark:\n%s", log.String())
	}
}

// jsonEscape returns s as the content of a JSON string literal.
func jsonEscape(s string) string { return secretForms(s)[0] }
