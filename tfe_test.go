package tfe

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// clearTokenEnv isolates a test from the machine's token sources.
func clearTokenEnv(t *testing.T) {
	t.Setenv("TFE_TOKEN", "")
	t.Setenv("TFE_ADDRESS", "")
	t.Setenv("TFE_LOG", "")
	t.Setenv("HOME", t.TempDir())
	t.Setenv("APPDATA", t.TempDir())
}

func TestNewClientSendsNothing(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits.Add(1) }))
	defer srv.Close()
	if _, err := NewClient(&Config{Address: srv.URL, Token: testToken, Logger: suiteLogger()}); err != nil {
		t.Fatal(err)
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("NewClient sent %d requests, want 0", n)
	}
}

func TestEveryRequestCarriesTheHeaders(t *testing.T) {
	ts := setup(t, func(c *Config) {
		c.UserAgent = "my-ci/2.1"
		c.Headers = http.Header{"X-Team": {"platform"}, "Authorization": {"Bearer not-this"}, "User-Agent": {"evil"}}
	})
	ts.expect(exchange{method: "POST", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		checkRequest(ts, r, "POST", nil)
		if got := r.Header.Get("Content-Type"); got != mediaType {
			t.Errorf("Content-Type = %q", got)
		}
		if got, want := r.Header.Get("User-Agent"), "tfe-go/"+Version+" my-ci/2.1"; got != want {
			t.Errorf("User-Agent = %q, want %q", got, want)
		}
		if got := r.Header.Get("X-Team"); got != "platform" {
			t.Errorf("extra header X-Team = %q", got)
		}
		respond(w, 200, `{"data":{"id":"ws-1","type":"workspaces","attributes":{"name":"a"}}}`)
	}})
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		checkRequest(ts, r, "GET", nil)
		if r.Header.Get("Content-Type") != "" {
			t.Errorf("a GET without body has Content-Type %q", r.Header.Get("Content-Type"))
		}
		respond(w, 200, `{"data":{"id":"ws-1","type":"workspaces","attributes":{"name":"a"}}}`)
	}})
	ctx := context.Background()
	if _, err := requestOne(ctx, ts.client, post(apiPath("workspaces", "ws-1"), newDocument("workspaces", noAttributes{})), workspaceDecoder); err != nil {
		t.Fatal(err)
	}
	if _, err := requestOne(ctx, ts.client, get(apiPath("workspaces", "ws-1"), nil), workspaceDecoder); err != nil {
		t.Fatal(err)
	}
}

// writeCredentials writes a terraform login credentials file under home.
func writeCredentials(t *testing.T, home, host, token string) {
	t.Helper()
	dir := filepath.Join(home, ".terraform.d")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	body := `{"credentials":{"` + host + `":{"token":"` + token + `"}}}`
	if err := os.WriteFile(filepath.Join(dir, "credentials.tfrc.json"), []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestTokenSourcesInLookupOrder(t *testing.T) {
	const hostVar = "TF_TOKEN_tfe__1_example_com"
	cases := []struct {
		name                        string
		config, tfeEnv, tfEnv, file string
		want                        string
	}{
		{"Config.Token first", "from-config", "from-tfe-token", "from-tf-token", "from-file", "from-config"},
		{"then TFE_TOKEN", "", "from-tfe-token", "from-tf-token", "from-file", "from-tfe-token"},
		{"then TF_TOKEN_<host>", "", "", "from-tf-token", "from-file", "from-tf-token"},
		{"then the credentials file", "", "", "", "from-file", "from-file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			clearTokenEnv(t)
			home := t.TempDir()
			t.Setenv("HOME", home)
			t.Setenv("TFE_TOKEN", tc.tfeEnv)
			t.Setenv(hostVar, tc.tfEnv)
			writeCredentials(t, home, "tfe-1.example.com", tc.file)
			c, err := NewClient(&Config{Address: "https://tfe-1.example.com", Token: tc.config, Logger: suiteLogger()})
			if err != nil {
				t.Fatal(err)
			}
			if c.token != tc.want {
				t.Errorf("token from the wrong source: got %q, want %q", c.token, tc.want)
			}
		})
	}
}

func TestDefaultConfigReadsTheEnvironment(t *testing.T) {
	clearTokenEnv(t)
	t.Setenv("TFE_ADDRESS", "https://tfe.example.com")
	t.Setenv("TFE_TOKEN", "env-token")
	cfg := DefaultConfig()
	if cfg.Address != "https://tfe.example.com" || cfg.Token != "env-token" || cfg.RateLimit != 30 || cfg.RetryMax != 5 {
		t.Fatalf("DefaultConfig = %+v", cfg)
	}
	c, err := NewClient(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.baseURL.String(); got != "https://tfe.example.com/api/v2/" {
		t.Errorf("base URL = %s", got)
	}
	t.Setenv("TFE_ADDRESS", "")
	if got := DefaultConfig().Address; got != DefaultAddress {
		t.Errorf("default address = %s", got)
	}
}

func TestNewClientRefusesBadConfig(t *testing.T) {
	clearTokenEnv(t)
	cases := []struct {
		name string
		cfg  Config
		want error
	}{
		{"no token anywhere", Config{Address: "https://tfe.example.com"}, ErrMissingToken},
		{"plain http to a remote host", Config{Address: "http://tfe.example.com", Token: "t"}, ErrInsecureAddress},
		{"not a URL", Config{Address: "://nope", Token: "t"}, nil},
		{"no scheme", Config{Address: "tfe.example.com", Token: "t"}, nil},
		{"user info", Config{Address: "https://u:p@tfe.example.com", Token: "t"}, nil},
		{"waits inverted", Config{Address: "https://tfe.example.com", Token: "t", RetryWaitMin: time.Second, RetryWaitMax: time.Millisecond}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewClient(&tc.cfg)
			if err == nil {
				t.Fatal("want an error")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
			if strings.Contains(err.Error(), ":p@") {
				t.Errorf("the error shows URL credentials: %v", err)
			}
		})
	}
}

func TestPlainHTTPIsAllowedOnLoopbackAndByOptIn(t *testing.T) {
	for _, addr := range []string{"http://localhost:8080", "http://127.0.0.1:1", "http://[::1]:1"} {
		if _, err := NewClient(&Config{Address: addr, Token: "t", Logger: suiteLogger()}); err != nil {
			t.Errorf("%s: %v", addr, err)
		}
	}
	if _, err := NewClient(&Config{Address: "http://tfe.internal", Token: "t", SendTokenOverPlainHTTP: true, Logger: suiteLogger()}); err != nil {
		t.Errorf("opt-in refused: %v", err)
	}
}

func TestTokenNeverFollowsARedirectToAnotherHost(t *testing.T) {
	var leaked atomic.Bool
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			leaked.Store(true)
		}
		respond(w, 200, `{"data":{"id":"ws-1","type":"workspaces","attributes":{}}}`)
	}))
	defer other.Close()
	// Another name for the host, and the same IP on another port: net/http
	// itself keeps the Authorization header on the second (it compares
	// host names, not ports), so only the SDK's own check stops it there.
	for _, otherURL := range []string{strings.Replace(other.URL, "127.0.0.1", "localhost", 1), other.URL} {
		ts := setup(t)
		ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, otherURL+"/api/v2/workspaces/ws-1", http.StatusFound)
		}})
		if _, err := requestOne(context.Background(), ts.client, get(apiPath("workspaces", "ws-1"), nil), workspaceDecoder); err != nil {
			t.Fatal(err)
		}
		if leaked.Load() {
			t.Fatalf("the token followed a redirect to %s", otherURL)
		}
	}
}

func TestRedirectToPlainHTTPElsewhereIsRefused(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://tfe.example.com/api/v2/workspaces/ws-1", http.StatusFound)
	}})
	_, err := requestOne(context.Background(), ts.client, get(apiPath("workspaces", "ws-1"), nil), workspaceDecoder)
	if !errors.Is(err, errTokenDestination) {
		t.Fatalf("err = %v, want the destination refused", err)
	}
	if ts.count() != 1 {
		t.Errorf("a refused destination was retried: %d requests", ts.count())
	}
}

func TestCallerHTTPClientIsNotModified(t *testing.T) {
	hc := &http.Client{Timeout: 7 * time.Second}
	if _, err := NewClient(&Config{Address: "https://tfe.example.com", Token: "t", HTTPClient: hc, Logger: suiteLogger()}); err != nil {
		t.Fatal(err)
	}
	if hc.Transport != nil || hc.Timeout != 7*time.Second {
		t.Fatalf("the caller's http.Client was modified: %+v", hc)
	}
}

func TestTFELogDebugLogsToStderr(t *testing.T) {
	if newLogger(nil, func(string) string { return "" }).Enabled(context.Background(), -4) {
		t.Error("silent by default")
	}
	if !newLogger(nil, func(k string) string { return map[string]string{"TFE_LOG": "DEBUG"}[k] }).Enabled(context.Background(), -4) {
		t.Error("TFE_LOG=debug should enable debug logs")
	}
}
