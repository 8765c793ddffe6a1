package tfe

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// update rewrites golden request documents in testdata from what the SDK
// sends: go test -run TestX -update. Review the diff before committing.
var update = flag.Bool("update", false, "rewrite golden files in testdata")

// testToken is the API token of every test client. It must never appear in
// a log line or an error (TestMain checks the suite's log).
const testToken = "tok-SECRET-5c1d7e0a.atlasv1.d0n0tl34k"

// Secrets planted by tests: the suite log must contain none of them.
var (
	secretsMu sync.Mutex
	secrets   = map[string]bool{testToken: true}
	suiteLog  syncBuffer
)

// plantSecret registers a value that must never be logged.
func plantSecret(s string) string {
	secretsMu.Lock()
	defer secretsMu.Unlock()
	secrets[s] = true
	return s
}

// syncBuffer is a bytes.Buffer safe for concurrent writers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// suiteLogger writes every test client's debug log into one sink.
func suiteLogger() *slog.Logger {
	return slog.New(suiteHandler())
}

func suiteHandler() slog.Handler {
	return slog.NewJSONHandler(&suiteLog, &slog.HandlerOptions{Level: slog.LevelDebug})
}

// suiteLoggerAnd writes into the suite's sink and into h, for a test that
// reads its own client's log.
func suiteLoggerAnd(h slog.Handler) *slog.Logger {
	return slog.New(slog.NewMultiHandler(suiteHandler(), h))
}

// TestMain runs the suite, then checks that no planted secret reached the
// shared debug log of all test clients: every client of this test binary
// (package tfe and tfe_test alike) logs there at debug level, those given
// suiteLogger explicitly and, through catchUnconfiguredLogs, those built
// without a Logger.
func TestMain(m *testing.M) {
	stop := catchUnconfiguredLogs()
	code := m.Run()
	caught := stop()
	if code == 0 {
		code = checkSuiteLogForSecrets(caught)
	}
	os.Exit(code)
}

// catchUnconfiguredLogs sends the debug log of any client built without
// Config.Logger (tfetest's Server.Client, NewClient(nil)) into the suite's
// sink: TFE_LOG=debug makes such a client log to os.Stderr, which until
// stop is a pipe copied line by line into the sink. Lines that are not SDK
// log records (the testing package's own output, such as fuzzing
// progress) go on to the real standard error. stop restores os.Stderr and
// returns how many SDK log records came that way. A test that clears
// TFE_LOG opts out.
func catchUnconfiguredLogs() (stop func() int) {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	stderr := os.Stderr
	os.Setenv("TFE_LOG", "debug")
	os.Stderr = w
	records := make(chan int)
	go func() {
		n := 0
		in := bufio.NewReader(r)
		for {
			line, err := in.ReadBytes('\n')
			_, _ = suiteLog.Write(line)
			if bytes.Contains(line, []byte(`msg="tfe: `)) {
				n++
			} else {
				_, _ = stderr.Write(line)
			}
			if err != nil {
				records <- n
				return
			}
		}
	}()
	return func() int {
		os.Stderr = stderr
		w.Close()
		n := <-records
		r.Close()
		return n
	}
}

func checkSuiteLogForSecrets(caught int) int {
	log := suiteLog.String()
	secretsMu.Lock()
	defer secretsMu.Unlock()
	if testing.Verbose() {
		fmt.Printf("secrets check: %d planted values, %d bytes of debug log (%d records from clients without a Logger)\n", len(secrets), len(log), caught)
	}
	for s := range secrets {
		if strings.Contains(log, s) {
			fmt.Fprintf(os.Stderr, "FAIL: a planted secret (%d chars, starts %q) appears in the suite's debug log\n", len(s), s[:4])
			return 1
		}
	}
	return 0
}

// fakeClock is a clock whose Sleep returns at once and advances Now.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
	// frozen keeps Now still during Sleep, so that concurrent waits are
	// each measured from the same instant.
	frozen bool
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)} }

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.frozen {
		f.now = f.now.Add(d)
	}
	f.slept = append(f.slept, d)
	return nil
}

// Backoff records a retry backoff of d as a wait, advancing Now, and
// returns 0: the retry library does not wait at all.
func (f *fakeClock) Backoff(d time.Duration) time.Duration {
	_ = f.Sleep(context.Background(), d)
	return 0
}

// sleeps returns the waits so far.
func (f *fakeClock) sleeps() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.slept...)
}

// testServer is an httptest server whose mux is mounted under the API's
// base path, with a client configured for it. Handlers never fail the
// test themselves: they record what they find wrong on the server (the
// server's assert.TestingT), and the test goroutine reports it when the
// test ends.
type testServer struct {
	t        *testing.T
	mux      *http.ServeMux
	server   *httptest.Server
	client   *Client
	clock    *fakeClock
	requests atomic.Int32

	mu       sync.Mutex
	problems []string
}

// Errorf records a problem a handler found; it makes testServer an
// assert.TestingT for handlers.
func (ts *testServer) Errorf(format string, args ...any) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.problems = append(ts.problems, fmt.Sprintf(format, args...))
}

// reportProblems fails the test with each recorded problem.
func (ts *testServer) reportProblems() {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	for _, p := range ts.problems {
		ts.t.Error("test server: " + p)
	}
}

// setup starts a server and a client with a fake clock. Exchanges are
// registered with paths relative to /api/v2 ("/varsets/{id}"), so a
// request to a wrong absolute path fails the test. opts adjust the Config.
func setup(t *testing.T, opts ...func(*Config)) *testServer {
	t.Helper()
	ts := &testServer{t: t, mux: http.NewServeMux(), clock: newFakeClock()}
	ts.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		ts.Errorf("unexpected request %s %s", r.Method, r.URL.RequestURI())
		http.Error(w, "unexpected request", http.StatusNotImplemented)
	})
	ts.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ts.requests.Add(1)
		ts.mux.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.reportProblems)
	t.Cleanup(ts.server.Close)
	cfg := &Config{
		Address:      ts.server.URL,
		Token:        testToken,
		RetryWaitMin: time.Millisecond,
		RetryWaitMax: 10 * time.Millisecond,
		Logger:       suiteLogger(),
	}
	for _, o := range opts {
		o(cfg)
	}
	client, err := NewClient(cfg)
	require.NoError(t, err)
	client.clock = ts.clock
	ts.client = client
	return ts
}

// exchange is a request a test expects and how the server answers it.
type exchange struct {
	method string
	path   string // relative to /api/v2, a ServeMux pattern: "/varsets/{id}"
	// query is the exact query the request carries (nil: none), and
	// golden the request body's golden document in testdata ("": no
	// body); anyRequest skips both checks, for tests about the answer.
	query      url.Values
	golden     string
	anyRequest bool
	// The answer: status with the body of the testdata file fixture, or
	// body given inline, or answer writes the whole answer itself (faults,
	// scripted answers).
	status  int
	fixture string
	body    string
	answer  http.HandlerFunc
}

// expect serves e at its method and path and returns the number of
// requests served so far. It is the one way tests make the server answer.
func (ts *testServer) expect(e exchange) *atomic.Int32 {
	var served atomic.Int32
	h := ts.handlerOf(e)
	ts.mux.HandleFunc(e.method+" /api/v2"+e.path, func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		h(w, r)
	})
	return &served
}

// handlerOf is the handler that checks a request against e and answers
// it, for a test that composes handlers itself.
func (ts *testServer) handlerOf(e exchange) http.HandlerFunc {
	answer := e.answer
	if answer == nil {
		answer = ts.fixedAnswer(e)
	}
	return func(w http.ResponseWriter, r *http.Request) {
		if !e.anyRequest {
			checkRequest(ts, r, e.method, e.query)
			checkBody(ts, r, e.golden)
		}
		answer(w, r)
	}
}

// fixedAnswer answers with e's status and body (inline or from testdata).
func (ts *testServer) fixedAnswer(e exchange) http.HandlerFunc {
	body := []byte(e.body)
	if e.fixture != "" {
		var err error
		body, err = os.ReadFile(filepath.Join("testdata", e.fixture))
		require.NoError(ts.t, err, "reading the fixture")
	}
	return func(w http.ResponseWriter, _ *http.Request) {
		if len(body) == 0 {
			w.WriteHeader(e.status)
			return
		}
		respond(w, e.status, string(body))
	}
}

// count is the number of requests the server received.
func (ts *testServer) count() int { return int(ts.requests.Load()) }

// assertNoRequests fails the test when the server received any request.
func (ts *testServer) assertNoRequests() {
	ts.t.Helper()
	assert.Zero(ts.t, ts.count(), "want no request sent")
}

// checkRequest checks the method, the exact query, and the headers every
// request carries.
func checkRequest(t assert.TestingT, r *http.Request, method string, query url.Values) {
	assert.Equal(t, method, r.Method, "method")
	if query == nil {
		query = url.Values{}
	}
	assert.Equal(t, query, r.URL.Query(), "query of %s %s", r.Method, r.URL.Path)
	assert.Equal(t, "Bearer "+testToken, r.Header.Get("Authorization"), "the Authorization header is not the bearer token")
	assert.Equal(t, mediaType, r.Header.Get("Accept"), "Accept")
	if r.ContentLength > 0 {
		assert.Equal(t, mediaType, r.Header.Get("Content-Type"), "Content-Type")
	}
	assert.True(t, strings.HasPrefix(r.Header.Get("User-Agent"), "tfe-go/"+Version), "User-Agent %q", r.Header.Get("User-Agent"))
}

// checkBody compares the request body with the golden JSON document
// testdata/<golden> as JSON values (not text), or checks that there is no
// body when golden is "". With -update it rewrites the golden file.
func checkBody(t assert.TestingT, r *http.Request, golden string) {
	got, err := io.ReadAll(r.Body)
	if !assert.NoError(t, err, "reading the request body") {
		return
	}
	if golden == "" {
		assert.Empty(t, string(got), "want no request body")
		return
	}
	path := filepath.Join("testdata", golden)
	if *update {
		assert.NoError(t, writeGolden(path, got))
		return
	}
	want, err := os.ReadFile(path)
	if assert.NoError(t, err, "reading golden %s (run with -update to create it)", path) {
		assert.JSONEq(t, string(want), string(got), "the request body against %s", golden)
	}
}

// writeGolden writes body, indented, to the golden file path.
func writeGolden(path string, body []byte) error {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return fmt.Errorf("the request body is not JSON: %w", err)
	}
	pretty, _ := json.MarshalIndent(v, "", "  ")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, append(pretty, '\n'), 0o644)
}

// respond answers with status and a JSON:API body.
func respond(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", mediaType)
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// assertLocalError checks that err is a *ValidationError naming its field
// and matching sentinel and ErrValidation, and that nothing was sent.
func assertLocalError(t *testing.T, ts *testServer, err, sentinel error) {
	t.Helper()
	assert.ErrorIs(t, err, sentinel)
	assert.ErrorIs(t, err, ErrValidation)
	var ve *ValidationError
	if assert.ErrorAs(t, err, &ve) {
		assert.NotEmpty(t, ve.Field, "the *ValidationError names the field")
	}
	ts.assertNoRequests()
}

// invalidCall is a call that must fail validation with want.
type invalidCall struct {
	name string
	want error
	call func(ctx context.Context, c *Client) error
}

// runInvalidCalls checks, each against a fresh server, that every call
// fails locally with its sentinel and sends nothing.
func runInvalidCalls(t *testing.T, calls []invalidCall) {
	t.Helper()
	for _, tc := range calls {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ts := setup(t)
			assertLocalError(t, ts, tc.call(context.Background(), ts.client), tc.want)
		})
	}
}

// assertServedOnce fails the test unless the exchange was served once.
func assertServedOnce(t *testing.T, served *atomic.Int32) {
	t.Helper()
	assert.EqualValues(t, 1, served.Load(), "served requests")
}

// wantDecodeError checks that err is a *DecodeError.
func wantDecodeError(t *testing.T, err error) {
	t.Helper()
	var decodeErr *DecodeError
	assert.ErrorAs(t, err, &decodeErr)
}

// fixture returns the content of the testdata file name; a handler that
// cannot read it records the problem on t (the test server).
func fixture(t assert.TestingT, name string) string {
	body, err := os.ReadFile(filepath.Join("testdata", name))
	assert.NoError(t, err, "reading the fixture")
	return string(body)
}

// collect ranges over seq and returns its items and the error it ended
// with.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var items []T
	for item, err := range seq {
		if err != nil {
			return items, err
		}
		items = append(items, item)
	}
	return items, nil
}

// iterErr is the error an iterator yields first, for validation tests.
func iterErr[T any](seq iter.Seq2[T, error]) error {
	_, err := collect(seq)
	return err
}

// errOf is the error of a call that also returns a value.
func errOf[T any](_ T, err error) error { return err }

// errOf3 is the error of a call that also returns two values.
func errOf3[A, B any](_ A, _ B, err error) error { return err }
