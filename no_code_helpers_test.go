package tfe

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Test helpers of the registry module and no-code module tests.

// exchange is one expected request and the answer to give it.
type exchange struct {
	method string
	query  url.Values
	// golden is the request body's golden document under testdata; ""
	// expects a request without a body.
	golden string
	status int
	// fixture is the answer's file under testdata; "" answers without a
	// body.
	fixture string
}

// handler checks the request against e and answers it.
func (e exchange) handler(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		assertRequest(t, r, e.method, e.query)
		if e.golden != "" {
			assertJSONBody(t, r, e.golden)
		} else {
			assertNoBody(t, r)
		}
		if e.fixture == "" {
			w.WriteHeader(e.status)
			return
		}
		respondFixture(t, w, e.status, e.fixture)
	}
}

// assertNoBody fails the test when the request carries a body.
func assertNoBody(t *testing.T, r *http.Request) {
	t.Helper()
	body, _ := io.ReadAll(r.Body)
	if len(body) != 0 {
		t.Errorf("want no request body, got %s", body)
	}
}

// validationCase is a call that must fail locally with sentinel.
type validationCase struct {
	name     string
	sentinel error
	call     func(c *Client) error
}

// runValidationCases runs each case against a fresh server and checks the
// error matches its sentinel and ErrValidation, and that no request left.
func runValidationCases(t *testing.T, cases []validationCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := setup(t)
			err := tc.call(ts.client)
			if !errors.Is(err, tc.sentinel) {
				t.Errorf("err = %v, want %v", err, tc.sentinel)
			}
			if !errors.Is(err, ErrValidation) {
				t.Errorf("err = %v, want it to match ErrValidation", err)
			}
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Field == "" {
				t.Errorf("err = %#v, want a *ValidationError naming the field", err)
			}
			ts.assertNoRequests()
		})
	}
}

// expect registers e as the handler of pattern ("POST /path"); the
// request's method is the pattern's.
func (ts *testServer) expect(pattern string, e exchange) {
	method, _, _ := strings.Cut(pattern, " ")
	e.method = method
	ts.handle(pattern, e.handler(ts.t))
}
