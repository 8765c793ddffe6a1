package tfe

import (
	"errors"
	"net/http"
	"strings"
	"testing"
)

// Test helpers of the organizations, token TTL policy and SMTP tests.

// serve answers requests to pattern ("PATCH /organizations/x") with the
// fixture testdata/<fixture> and status, after checking the method, an
// empty query, the SDK's headers and, when golden is not empty, the body
// against testdata/<golden>.
func serve(t *testing.T, ts *testServer, pattern, golden string, status int, fixture string) {
	t.Helper()
	method, _, _ := strings.Cut(pattern, " ")
	ts.handle(pattern, func(w http.ResponseWriter, r *http.Request) {
		assertRequest(t, r, method, nil)
		if golden != "" {
			assertJSONBody(t, r, golden)
		}
		respondFixture(t, w, status, fixture)
	})
}

// wantLocalError checks that err is a local validation error matching
// sentinel and that nothing was sent.
func wantLocalError(t *testing.T, ts *testServer, err, sentinel error) {
	t.Helper()
	if !errors.Is(err, sentinel) || !errors.Is(err, ErrValidation) {
		t.Errorf("err = %v, want %v and ErrValidation", err, sentinel)
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Errorf("err = %T, want *ValidationError", err)
	}
	ts.assertNoRequests()
}

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
