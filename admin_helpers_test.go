package tfe

import (
	"errors"
	"net/http"
	"testing"
)

// Test helpers of the organizations, token TTL policy and SMTP tests.

// wantDecodeError checks that err is a *DecodeError.
func wantDecodeError(t *testing.T, err error) {
	t.Helper()
	var decodeErr *DecodeError
	if !errors.As(err, &decodeErr) {
		t.Errorf("err = %v, want a *DecodeError", err)
	}
}

// answerWith answers requests to pattern with status and a JSON:API body.
func answerWith(ts *testServer, pattern string, status int, body string) {
	ts.handle(pattern, func(w http.ResponseWriter, _ *http.Request) { respond(w, status, body) })
}
