package tfe

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
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
// base path, with a client configured for it.
type testServer struct {
	t        *testing.T
	mux      *http.ServeMux
	server   *httptest.Server
	client   *Client
	clock    *fakeClock
	requests atomic.Int32
}

// setup starts a server and a client with a fake clock. Handlers are
// registered with paths relative to /api/v2 ("GET /varsets/{id}"), so a
// request to a wrong absolute path fails the test. opts adjust the Config.
func setup(t *testing.T, opts ...func(*Config)) *testServer {
	t.Helper()
	ts := &testServer{t: t, mux: http.NewServeMux(), clock: newFakeClock()}
	ts.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL.RequestURI())
		http.Error(w, "unexpected request", http.StatusNotImplemented)
	})
	ts.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ts.requests.Add(1)
		ts.mux.ServeHTTP(w, r)
	}))
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
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	client.clock = ts.clock
	ts.client = client
	return ts
}

// handle registers h for a pattern whose path is relative to /api/v2.
func (ts *testServer) handle(pattern string, h http.HandlerFunc) {
	method, path, ok := strings.Cut(pattern, " ")
	if !ok {
		ts.t.Fatalf("pattern %q needs a method", pattern)
	}
	ts.mux.HandleFunc(method+" /api/v2"+path, h)
}

// count is the number of requests the server received.
func (ts *testServer) count() int { return int(ts.requests.Load()) }

// assertNoRequests fails the test when the server received any request.
func (ts *testServer) assertNoRequests() {
	ts.t.Helper()
	if n := ts.count(); n != 0 {
		ts.t.Errorf("want no request sent, got %d", n)
	}
}

// assertRequest checks the method, the exact query, and the headers every
// request carries.
func assertRequest(t *testing.T, r *http.Request, method string, query url.Values) {
	t.Helper()
	if r.Method != method {
		t.Errorf("method = %s, want %s", r.Method, method)
	}
	if query == nil {
		query = url.Values{}
	}
	if got := r.URL.Query(); !equalValues(got, query) {
		t.Errorf("query = %v, want %v", got, query)
	}
	if got := r.Header.Get("Authorization"); got != "Bearer "+testToken {
		t.Errorf("Authorization header is not the bearer token")
	}
	if got := r.Header.Get("Accept"); got != mediaType {
		t.Errorf("Accept = %q, want %q", got, mediaType)
	}
	if r.ContentLength > 0 && r.Header.Get("Content-Type") != mediaType {
		t.Errorf("Content-Type = %q, want %q", r.Header.Get("Content-Type"), mediaType)
	}
	if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "tfe-go/"+Version) {
		t.Errorf("User-Agent = %q, want a tfe-go/%s prefix", ua, Version)
	}
}

func equalValues(a, b url.Values) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if strings.Join(v, "\x00") != strings.Join(b[k], "\x00") {
			return false
		}
	}
	return true
}

// assertJSONBody compares the request body with the golden JSON document
// testdata/<golden> as JSON values (not text). With -update it rewrites
// the golden file instead.
func assertJSONBody(t *testing.T, r *http.Request, golden string) {
	t.Helper()
	got, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatalf("reading the request body: %v", err)
	}
	path := filepath.Join("testdata", golden)
	if *update {
		writeGolden(t, path, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden %s: %v (run with -update to create it)", path, err)
	}
	assertJSONEqual(t, want, got)
}

func writeGolden(t *testing.T, path string, body []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("the request body is not JSON: %v", err)
	}
	pretty, _ := json.MarshalIndent(v, "", "  ")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(pretty, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// assertJSONEqual compares two JSON documents as values.
func assertJSONEqual(t *testing.T, want, got []byte) {
	t.Helper()
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("want is not JSON: %v", err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("got is not JSON: %v\n%s", err, got)
	}
	wb, _ := json.Marshal(w)
	gb, _ := json.Marshal(g)
	if !bytes.Equal(wb, gb) {
		t.Errorf("JSON differs\nwant: %s\n got: %s", wb, gb)
	}
}

// respondFixture answers with status and the JSON:API file testdata/<name>.
func respondFixture(t *testing.T, w http.ResponseWriter, status int, name string) {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("reading fixture: %v", err)
	}
	respond(w, status, string(body))
}

// respond answers with status and a JSON:API body.
func respond(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", mediaType)
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// exchange is one request a test expects and the answer it gets.
type exchange struct {
	method string
	path   string // relative to /api/v2: "/varsets/varset-1"
	query  url.Values
	golden string // the request body's golden document in testdata; "" for no body
	status int
	answer string // the answer's fixture in testdata; "" for an empty body
}

// handler checks a request against e (method, exact query, headers, body)
// and answers it.
func (e exchange) handler(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		assertRequest(t, r, e.method, e.query)
		if e.golden != "" {
			assertJSONBody(t, r, e.golden)
		} else {
			assertNoBody(t, r)
		}
		if e.answer == "" {
			w.WriteHeader(e.status)
			return
		}
		respondFixture(t, w, e.status, e.answer)
	}
}

// expect serves e at its method and path and returns the number of
// requests served so far.
func (ts *testServer) expect(e exchange) *atomic.Int32 {
	var served atomic.Int32
	h := e.handler(ts.t)
	ts.handle(e.method+" "+e.path, func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		h(w, r)
	})
	return &served
}

// assertNoBody fails the test when the request carries a body.
func assertNoBody(t *testing.T, r *http.Request) {
	t.Helper()
	if body, _ := io.ReadAll(r.Body); len(body) != 0 {
		t.Errorf("want no request body, got %s", body)
	}
}

// assertLocalError checks that err is a *ValidationError naming its field
// and matching sentinel and ErrValidation, and that nothing was sent.
func assertLocalError(t *testing.T, ts *testServer, err, sentinel error) {
	t.Helper()
	if !errors.Is(err, sentinel) || !errors.Is(err, ErrValidation) {
		t.Errorf("err = %v, want %v and ErrValidation", err, sentinel)
	}
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field == "" {
		t.Errorf("err = %#v, want a *ValidationError naming the field", err)
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
	if n := served.Load(); n != 1 {
		t.Errorf("served %d requests, want 1", n)
	}
}
