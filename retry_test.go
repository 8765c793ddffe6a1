package tfe

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const okWorkspace = `{"data":{"id":"ws-1","type":"workspaces","attributes":{"name":"app"}}}`

// fault answers one attempt; nil means a 200 with okWorkspace.
type fault func(w http.ResponseWriter, r *http.Request)

func status(code int, headers ...string) fault {
	return func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		respond(w, code, `{"errors":[{"status":"`+http.StatusText(code)+`"}]}`)
	}
}

// resetConnection closes the connection without an answer.
func resetConnection(w http.ResponseWriter, _ *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		conn.Close()
	}
}

// truncatedBody announces the whole okWorkspace answer and sends half of
// it before the connection closes.
func truncatedBody(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Length", strconv.Itoa(len(okWorkspace)))
	w.WriteHeader(200)
	_, _ = io.WriteString(w, okWorkspace[:len(okWorkspace)/2])
}

// scripted registers a handler for method /workspaces/ws-1 that plays the
// faults in order, then answers 200; it returns the attempt counter.
func scripted(ts *testServer, method string, faults ...fault) *atomic.Int32 {
	var n atomic.Int32
	ts.expect(exchange{method: method, path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if i < len(faults) && faults[i] != nil {
			faults[i](w, r)
			return
		}
		respond(w, 200, okWorkspace)
	}})
	return &n
}

// send makes one call of method to workspaces/ws-1 and decodes its answer.
func send(ts *testServer, ctx context.Context, method string) error {
	cl := call{method: method, path: apiPath("workspaces", "ws-1")}
	if method == http.MethodPost || method == http.MethodPatch || method == http.MethodPut {
		cl.body = newDocument("workspaces", noAttributes{})
	}
	_, err := requestOne(ctx, ts.client, cl, workspaceDecoder)
	return err
}

func TestRetryPolicy(t *testing.T) {
	cases := []struct {
		name      string
		method    string
		faults    []fault
		retryMax  int
		attempts  int
		wantErr   error // nil: success
		wantCode  int   // status of the *APIError when wantErr is set
		minWaited time.Duration
	}{
		{name: "429 with X-RateLimit-Reset waits at least that long", method: "GET", faults: []fault{status(429, "X-RateLimit-Reset", "0.2")}, attempts: 2, minWaited: 200 * time.Millisecond},
		{name: "429 on POST is retried: the server did not act", method: "POST", faults: []fault{status(429, "Retry-After", "1")}, attempts: 2, minWaited: time.Second},
		{name: "429 without headers backs off", method: "GET", faults: []fault{status(429)}, attempts: 2},
		{name: "GET 503 then 200", method: "GET", faults: []fault{status(503)}, attempts: 2},
		{name: "GET 502, 504 then 200", method: "GET", faults: []fault{status(502), status(504)}, attempts: 3},
		{name: "PUT 503 then 200", method: "PUT", faults: []fault{status(503)}, attempts: 2},
		{name: "DELETE 504 then 200", method: "DELETE", faults: []fault{status(504)}, attempts: 2},
		{name: "POST 503 is sent once", method: "POST", faults: []fault{status(503)}, attempts: 1, wantErr: &APIError{}, wantCode: 503},
		{name: "PATCH 504 is sent once", method: "PATCH", faults: []fault{status(504)}, attempts: 1, wantErr: &APIError{}, wantCode: 504},
		{name: "GET 500 is not retried", method: "GET", faults: []fault{status(500)}, attempts: 1, wantErr: &APIError{}, wantCode: 500},
		{name: "GET 404 is not retried", method: "GET", faults: []fault{status(404)}, attempts: 1, wantErr: ErrResourceNotFound, wantCode: 404},
		{name: "reset connection on GET is retried", method: "GET", faults: []fault{resetConnection}, attempts: 2},
		{name: "reset connection on POST is not retried", method: "POST", faults: []fault{resetConnection}, attempts: 1, wantErr: errors.New("transport")},
		{name: "RetryMax bounds attempts", method: "GET", faults: []fault{status(503), status(503), status(503), status(503)}, retryMax: 2, attempts: 3, wantErr: &APIError{}, wantCode: 503},
		{name: "negative RetryMax means no retry", method: "GET", faults: []fault{status(503)}, retryMax: -1, attempts: 1, wantErr: &APIError{}, wantCode: 503},
		{name: "GET answer cut short is retried", method: "GET", faults: []fault{truncatedBody}, attempts: 2},
		{name: "PUT answer cut short is retried", method: "PUT", faults: []fault{truncatedBody}, attempts: 2},
		{name: "DELETE answer cut short is retried", method: "DELETE", faults: []fault{truncatedBody}, attempts: 2},
		{name: "POST answer cut short is a DecodeError, sent once", method: "POST", faults: []fault{truncatedBody}, attempts: 1, wantErr: &DecodeError{}},
		{name: "PATCH answer cut short is a DecodeError, sent once", method: "PATCH", faults: []fault{truncatedBody}, attempts: 1, wantErr: &DecodeError{}},
		{name: "GET answers cut short until retries run out give a DecodeError", method: "GET", faults: []fault{truncatedBody, truncatedBody}, retryMax: 1, attempts: 2, wantErr: &DecodeError{}},
		{name: "429 after retries run out is ErrRateLimited", method: "GET", faults: []fault{status(429), status(429)}, retryMax: 1, attempts: 2, wantErr: ErrRateLimited, wantCode: 429},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ts := setup(t, func(c *Config) { c.RetryMax = tc.retryMax })
			n := scripted(ts, tc.method, tc.faults...)
			err := send(ts, context.Background(), tc.method)
			assert.EqualValues(t, tc.attempts, n.Load(), "attempts")
			var waited time.Duration
			for _, d := range ts.clock.sleeps() {
				waited += d
			}
			assert.GreaterOrEqual(t, waited, tc.minWaited, "waited")
			if tc.wantErr == nil {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			if _, ok := tc.wantErr.(*DecodeError); ok {
				var de *DecodeError
				require.ErrorAs(t, err, &de, "want a *DecodeError of the 200 answer cut short")
				require.Equal(t, 200, de.StatusCode, "want a *DecodeError of the 200 answer cut short")
				require.ErrorIs(t, err, io.ErrUnexpectedEOF, "want a *DecodeError of the 200 answer cut short")
			}
			if tc.wantCode == 0 {
				return
			}
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			require.Equal(t, tc.wantCode, apiErr.StatusCode, "the *APIError's status")
			if s := statusSentinel(tc.wantCode); s != nil {
				assert.ErrorIs(t, err, s)
			}
		})
	}
}

func TestBackoffGrowsAndStaysInBounds(t *testing.T) {
	minWait, maxWait := 500*time.Millisecond, 8*time.Second
	for attempt := 1; attempt <= 8; attempt++ {
		step := minWait << (attempt - 1)
		if step > maxWait {
			step = maxWait
		}
		for range 50 {
			d := exponential(minWait, maxWait, attempt)
			require.GreaterOrEqual(t, d, step/2, "attempt %d: backoff %s outside [%s, %s]", attempt, d, step/2, step)
			require.LessOrEqual(t, d, step, "attempt %d: backoff %s outside [%s, %s]", attempt, d, step/2, step)
		}
	}
}

func TestCancelEndsALongBackoffAtOnce(t *testing.T) {
	ts := setup(t, func(c *Config) { c.RetryWaitMin, c.RetryWaitMax = 10*time.Second, 20*time.Second })
	ts.client.clock = realClock{}
	scripted(ts, "GET", status(503), status(503))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	start := time.Now()
	err := send(ts, ctx, "GET")
	took := time.Since(start)
	require.ErrorIs(t, err, context.Canceled)
	require.LessOrEqual(t, took, 20*time.Millisecond+50*time.Millisecond, "cancel took %s to end a 10 s backoff", took)
}

func TestA429WaitPastTheDeadlineReturnsRateLimited(t *testing.T) {
	ts := setup(t)
	n := scripted(ts, "GET", status(429, "X-RateLimit-Reset", "30"))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ts.clock.now = time.Now() // the deadline is on the wall clock
	err := send(ts, ctx, "GET")
	require.ErrorIs(t, err, ErrRateLimited)
	require.EqualValues(t, 1, n.Load(), "attempts: want ErrRateLimited at once")
	ts2 := setup(t)
	scripted(ts2, "GET", status(429, "X-RateLimit-Reset", "30"))
	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Hour)
	defer cancel2()
	ts2.clock.now = time.Now()
	require.NoError(t, send(ts2, ctx2, "GET"), "a 30 s wait within an hour's deadline")
}

func TestServerWait(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		headers map[string]string
		want    time.Duration
		ok      bool
	}{
		{map[string]string{"X-RateLimit-Reset": "0.25"}, 250 * time.Millisecond, true},
		{map[string]string{"Retry-After": "3"}, 3 * time.Second, true},
		{map[string]string{"X-RateLimit-Reset": "1", "Retry-After": "2"}, 2 * time.Second, true},
		{map[string]string{"Retry-After": now.Add(5 * time.Second).Format(http.TimeFormat)}, 5 * time.Second, true},
		{map[string]string{"X-RateLimit-Reset": "1e300"}, maxServerWait, true},
		{map[string]string{"X-RateLimit-Reset": "-1"}, 0, false},
		{map[string]string{"X-RateLimit-Reset": "soon"}, 0, false},
		{nil, 0, false},
	}
	for _, tc := range cases {
		h := http.Header{}
		for k, v := range tc.headers {
			h.Set(k, v)
		}
		got, ok := serverWait(h, now)
		assert.Equal(t, tc.want, got, "serverWait(%v)", tc.headers)
		assert.Equal(t, tc.ok, ok, "serverWait(%v) found a wait", tc.headers)
	}
}

func TestDialErrorsAreRetriedForEveryMethod(t *testing.T) {
	clearTokenEnv(t)
	c, err := NewClient(&Config{Address: "http://127.0.0.1:1", Token: testToken, RetryMax: 2, Logger: suiteLogger()})
	require.NoError(t, err)
	clk := newFakeClock()
	c.clock = clk
	_, err = requestOne(context.Background(), c, post(apiPath("workspaces"), newDocument("workspaces", noAttributes{})), workspaceDecoder)
	require.Error(t, err, "want a connection error")
	assert.Len(t, clk.sleeps(), 2, "retries of a POST that never reached the server")
}
