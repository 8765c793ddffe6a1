package tfetest

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// rawResult is a response read without failing the test, for faults that
// break the transport or the body.
type rawResult struct {
	resp    *http.Response
	body    []byte
	err     error // transport error
	readErr error // error reading the body
}

// raw sends one request on a fresh connection.
func raw(t *testing.T, srv *Server, method, path, body string, timeout time.Duration) rawResult {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, srv.URL+"/api/v2/"+path, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+srv.Token)
	if body != "" {
		req.Header.Set("Content-Type", mediaType)
	}
	c := &http.Client{Timeout: timeout, Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Do(req)
	if err != nil {
		return rawResult{err: err}
	}
	defer resp.Body.Close()
	b, readErr := io.ReadAll(resp.Body)
	return rawResult{resp: resp, body: b, readErr: readErr}
}

// faultFixture has one workspace; creating a variable in it is the
// request faults strike.
func faultFixture(t *testing.T, opts ...Option) (*Server, *api, string) {
	srv, a := newAPI(t, append(opts, WithOrganization("acme"))...)
	return srv, a, srv.AddWorkspace("acme", Workspace{Name: "web"})
}

const varBody = `{"data":{"type":"vars","attributes":{"key":"k","value":"v","category":"env"}}}`

func TestFaultKinds(t *testing.T) {
	cases := []struct {
		name  string
		fault Fault
		check func(t *testing.T, r rawResult)
	}{
		{"status", Fault{Kind: FaultStatus, Status: 503}, func(t *testing.T, r rawResult) {
			wantStatus(t, r, 503)
			var doc struct {
				Errors []errorObject `json:"errors"`
			}
			if json.Unmarshal(r.body, &doc) != nil || len(doc.Errors) != 1 || doc.Errors[0].Status != "503" {
				t.Errorf("body %s", r.body)
			}
		}},
		{"default-status", Fault{Kind: FaultStatus}, func(t *testing.T, r rawResult) { wantStatus(t, r, 503) }},
		{"rate-limit", Fault{Kind: FaultRateLimit, Reset: 1500 * time.Millisecond, Limit: 30}, func(t *testing.T, r rawResult) {
			wantStatus(t, r, 429)
			if r.resp.Header.Get("X-RateLimit-Reset") != "1.500" || r.resp.Header.Get("X-RateLimit-Limit") != "30" {
				t.Errorf("headers %v", r.resp.Header)
			}
		}},
		{"rate-limit-defaults", Fault{Kind: FaultRateLimit}, func(t *testing.T, r rawResult) {
			wantStatus(t, r, 429)
			if r.resp.Header.Get("X-RateLimit-Reset") != "0.100" {
				t.Errorf("headers %v", r.resp.Header)
			}
		}},
		{"reset", Fault{Kind: FaultConnReset}, func(t *testing.T, r rawResult) {
			if r.err == nil {
				t.Errorf("want a transport error, got %d", r.resp.StatusCode)
			}
		}},
		{"truncated", Fault{Kind: FaultTruncatedBody}, func(t *testing.T, r rawResult) {
			if r.err != nil || r.resp.StatusCode/100 != 2 || !errors.Is(r.readErr, io.ErrUnexpectedEOF) {
				t.Errorf("want a 2xx whose body ends early, got %+v", r)
			}
		}},
		{"cut-json", Fault{Kind: FaultCutJSON}, func(t *testing.T, r rawResult) {
			if r.err != nil || r.readErr != nil || r.resp.StatusCode/100 != 2 || json.Valid(r.body) || len(r.body) == 0 {
				t.Errorf("want a 2xx with cut JSON, got %+v %q", r.err, r.body)
			}
		}},
		{"html", Fault{Kind: FaultHTMLBody}, func(t *testing.T, r rawResult) {
			wantStatus(t, r, 502)
			if r.resp.Header.Get("Content-Type") != "text/html" || !strings.Contains(string(r.body), "<html>") ||
				!strings.Contains(string(r.body), "502 Bad Gateway") {
				t.Errorf("html: %s %s", r.resp.Header.Get("Content-Type"), r.body)
			}
		}},
		{"empty", Fault{Kind: FaultEmptyBody, Status: 503}, func(t *testing.T, r rawResult) {
			wantStatus(t, r, 503)
			if len(r.body) != 0 {
				t.Errorf("body %q", r.body)
			}
		}},
		{"malformed", Fault{Kind: FaultMalformedJSON}, func(t *testing.T, r rawResult) {
			wantStatus(t, r, 200)
			if json.Valid(r.body) {
				t.Errorf("body is valid JSON: %s", r.body)
			}
		}},
	}
	for _, tc := range cases {
		for _, when := range []FaultTiming{BeforeApply, AfterApply} {
			name := tc.name + map[FaultTiming]string{BeforeApply: "/before", AfterApply: "/after"}[when]
			t.Run(name, func(t *testing.T) {
				srv, a, ws := faultFixture(t)
				f := tc.fault
				f.Method, f.Path, f.When = "POST", "workspaces/"+ws+"/vars", when
				srv.InjectFault(f)
				tc.check(t, raw(t, srv, "POST", "workspaces/"+ws+"/vars", varBody, 30*time.Second))
				n := len(a.do("GET", "workspaces/"+ws+"/vars", nil).want(200).items())
				if want := map[FaultTiming]int{BeforeApply: 0, AfterApply: 1}[when]; n != want {
					t.Fatalf("%d variables stored, want %d", n, want)
				}
				// One strike only: the next request is served normally.
				if r := raw(t, srv, "POST", "workspaces/"+ws+"/vars", strings.Replace(varBody, `"k"`, `"k2"`, 1), 30*time.Second); r.err != nil || r.resp.StatusCode != 201 {
					t.Fatalf("after the fault: %+v %s", r.err, r.body)
				}
			})
		}
	}
}

func wantStatus(t *testing.T, r rawResult, code int) {
	t.Helper()
	if r.err != nil {
		t.Fatalf("transport error %v", r.err)
	}
	if r.resp.StatusCode != code {
		t.Fatalf("status %d, want %d: %s", r.resp.StatusCode, code, r.body)
	}
}

func TestFaultLatency(t *testing.T) {
	for _, when := range []FaultTiming{BeforeApply, AfterApply} {
		srv, a, ws := faultFixture(t)
		srv.InjectFault(Fault{Method: "POST", Path: "/api/v2/workspaces/*", When: when, Kind: FaultLatency, Delay: 300 * time.Millisecond})
		// The client gives up before the answer.
		r := raw(t, srv, "POST", "workspaces/"+ws+"/vars", varBody, 50*time.Millisecond)
		if r.err == nil {
			t.Fatalf("want a client timeout, got %d", r.resp.StatusCode)
		}
		time.Sleep(350 * time.Millisecond)
		n := len(a.do("GET", "workspaces/"+ws+"/vars", nil).want(200).items())
		if want := map[FaultTiming]int{BeforeApply: 0, AfterApply: 1}[when]; n != want {
			t.Fatalf("when=%d: %d variables stored, want %d", when, n, want)
		}
		// With patience the latency fault answers normally.
		srv.InjectFault(Fault{Path: "workspaces/*", When: when, Kind: FaultLatency, Delay: 20 * time.Millisecond})
		start := time.Now()
		a.do("GET", "workspaces/"+ws+"/vars", nil).want(200)
		if time.Since(start) < 20*time.Millisecond {
			t.Error("latency not applied")
		}
	}
}

func TestFaultMatching(t *testing.T) {
	srv, a, ws := faultFixture(t)
	srv.InjectFault(Fault{Method: "GET", Path: "organizations/acme", Kind: FaultStatus, Status: 500, Times: 2})
	a.do("PATCH", "organizations/acme", res("organizations", map[string]any{}, nil)).want(200) // method differs
	a.do("GET", "organizations/acme/varsets", nil).want(200)                                   // exact path differs
	a.do("GET", "organizations/acme", nil).wantError(500, "")
	a.do("GET", "organizations/acme", nil).wantError(500, "")
	a.do("GET", "organizations/acme", nil).want(200)

	srv.InjectFault(Fault{Path: "workspaces/*", Kind: FaultStatus, Status: 502, Times: -1})
	for range 3 {
		a.do("GET", "workspaces/"+ws+"/vars", nil).wantError(502, "")
	}
	srv.ClearFaults()
	a.do("GET", "workspaces/"+ws+"/vars", nil).want(200)

	// Faults strike unauthorized requests too, like a proxy in front.
	srv.InjectFault(Fault{Path: "organizations/acme", Kind: FaultEmptyBody})
	a.send("GET", "organizations/acme", nil, nil).want(502)
	srv.InjectFault(Fault{Path: "organizations/acme", Kind: FaultHTMLBody, Status: 504, When: AfterApply})
	a.send("GET", "organizations/acme", nil, nil).want(504)
	a.send("GET", "organizations/acme", nil, nil).wantError(401, "")
}

// clock is a settable time source for WithClock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *clock) Add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.now = c.now.Add(d) }

func TestRateLimit(t *testing.T) {
	clk := &clock{now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	_, a := newAPI(t, WithOrganization("acme"), WithRateLimit(4), WithClock(clk.Now))
	for range 4 {
		if ans := a.do("GET", "organizations/acme", nil).want(200); ans.header.Get("X-RateLimit-Limit") != "4" {
			t.Fatalf("limit header %q", ans.header.Get("X-RateLimit-Limit"))
		}
	}
	limited := a.do("GET", "organizations/acme", nil).wantError(429, "")
	if limited.header.Get("X-RateLimit-Limit") != "4" || limited.header.Get("X-RateLimit-Reset") != "0.250" {
		t.Fatalf("429 headers %v", limited.header)
	}
	clk.Add(100 * time.Millisecond)
	if r := a.do("GET", "organizations/acme", nil).wantError(429, "").header.Get("X-RateLimit-Reset"); r != "0.150" {
		t.Fatalf("reset after 100ms: %s", r)
	}
	clk.Add(150 * time.Millisecond)
	a.do("GET", "organizations/acme", nil).want(200)
	a.do("GET", "organizations/acme", nil).want(429)
	clk.Add(10 * time.Second) // refills to the burst, not beyond
	for range 4 {
		a.do("GET", "organizations/acme", nil).want(200)
	}
	a.do("GET", "organizations/acme", nil).want(429)

	// Buckets are per token.
	l := newRateLimiter(TokenBucket, 1, clk.Now)
	if ok, _ := l.allow("Bearer a"); !ok {
		t.Fatal("first a")
	}
	if ok, _ := l.allow("Bearer b"); !ok {
		t.Fatal("first b")
	}
	if ok, wait := l.allow("Bearer a"); ok || wait != time.Second {
		t.Fatalf("second a: %v %v", ok, wait)
	}
}

func TestGlobalLatencyAndConcurrency(t *testing.T) {
	srv, a, ws := faultFixture(t, WithLatency(15*time.Millisecond))
	start := time.Now()
	a.do("GET", "workspaces/"+ws+"/vars", nil).want(200)
	if time.Since(start) < 15*time.Millisecond {
		t.Error("latency not applied")
	}
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			key := string(rune('a' + i))
			r := raw(t, srv, "POST", "workspaces/"+ws+"/vars", strings.Replace(varBody, `"k"`, `"`+key+`"`, 1), 5*time.Second)
			if r.err != nil || r.resp.StatusCode != 201 {
				t.Errorf("create %s: %v %s", key, r.err, r.body)
			}
			srv.Requests()
		}()
	}
	wg.Wait()
	if n := len(a.do("GET", "workspaces/"+ws+"/vars", nil).want(200).items()); n != 20 {
		t.Fatalf("%d variables", n)
	}
}
