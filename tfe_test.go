package tfe

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	_, err := NewClient(&Config{Address: srv.URL, Token: testToken, Logger: suiteLogger()})
	require.NoError(t, err)
	assert.Zero(t, hits.Load(), "requests NewClient sent")
}

func TestEveryRequestCarriesTheHeaders(t *testing.T) {
	ts := setup(t, func(c *Config) {
		c.UserAgent = "my-ci/2.1"
		c.Headers = http.Header{"X-Team": {"platform"}, "Authorization": {"Bearer not-this"}, "User-Agent": {"evil"}}
	})
	ts.expect(exchange{method: "POST", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		checkRequest(ts, r, "POST", nil)
		assert.Equal(ts, mediaType, r.Header.Get("Content-Type"), "Content-Type")
		assert.Equal(ts, "tfe-go/"+Version+" my-ci/2.1", r.Header.Get("User-Agent"), "User-Agent")
		assert.Equal(ts, "platform", r.Header.Get("X-Team"), "extra header X-Team")
		respond(w, 200, `{"data":{"id":"ws-1","type":"workspaces","attributes":{"name":"a"}}}`)
	}})
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		checkRequest(ts, r, "GET", nil)
		assert.Empty(ts, r.Header.Get("Content-Type"), "the Content-Type of a GET without body")
		respond(w, 200, `{"data":{"id":"ws-1","type":"workspaces","attributes":{"name":"a"}}}`)
	}})
	ctx := context.Background()
	_, err := requestOne(ctx, ts.client, post(apiPath("workspaces", "ws-1"), newDocument("workspaces", noAttributes{})), workspaceDecoder)
	require.NoError(t, err)
	_, err = requestOne(ctx, ts.client, get(apiPath("workspaces", "ws-1"), nil), workspaceDecoder)
	require.NoError(t, err)
}

// writeCredentials writes a terraform login credentials file under home.
func writeCredentials(t *testing.T, home, host, token string) {
	t.Helper()
	dir := filepath.Join(home, ".terraform.d")
	require.NoError(t, os.MkdirAll(dir, 0o700))
	body := `{"credentials":{"` + host + `":{"token":"` + token + `"}}}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "credentials.tfrc.json"), []byte(body), 0o600))
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
			require.NoError(t, err)
			assert.Equal(t, tc.want, c.token, "the token's source")
		})
	}
}

func TestDefaultConfigReadsTheEnvironment(t *testing.T) {
	clearTokenEnv(t)
	t.Setenv("TFE_ADDRESS", "https://tfe.example.com")
	t.Setenv("TFE_TOKEN", "env-token")
	cfg := DefaultConfig()
	require.Equal(t, "https://tfe.example.com", cfg.Address, "DefaultConfig().Address")
	require.Equal(t, "env-token", cfg.Token, "DefaultConfig().Token")
	require.Equal(t, 30.0, cfg.RateLimit, "DefaultConfig().RateLimit")
	require.Equal(t, 5, cfg.RetryMax, "DefaultConfig().RetryMax")
	c, err := NewClient(nil)
	require.NoError(t, err)
	assert.Equal(t, "https://tfe.example.com/api/v2/", c.baseURL.String(), "base URL")
	t.Setenv("TFE_ADDRESS", "")
	assert.Equal(t, DefaultAddress, DefaultConfig().Address, "default address")
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
			require.Error(t, err)
			if tc.want != nil {
				assert.ErrorIs(t, err, tc.want)
			}
			assert.NotContains(t, err.Error(), ":p@", "the error shows URL credentials")
		})
	}
}

func TestPlainHTTPIsAllowedOnLoopbackAndByOptIn(t *testing.T) {
	for _, addr := range []string{"http://localhost:8080", "http://127.0.0.1:1", "http://[::1]:1"} {
		_, err := NewClient(&Config{Address: addr, Token: "t", Logger: suiteLogger()})
		assert.NoError(t, err, addr)
	}
	_, err := NewClient(&Config{Address: "http://tfe.internal", Token: "t", SendTokenOverPlainHTTP: true, Logger: suiteLogger()})
	assert.NoError(t, err, "opt-in refused")
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
		_, err := requestOne(context.Background(), ts.client, get(apiPath("workspaces", "ws-1"), nil), workspaceDecoder)
		require.NoError(t, err)
		require.False(t, leaked.Load(), "the token followed a redirect to %s", otherURL)
	}
}

func TestRedirectToPlainHTTPElsewhereIsRefused(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://tfe.example.com/api/v2/workspaces/ws-1", http.StatusFound)
	}})
	_, err := requestOne(context.Background(), ts.client, get(apiPath("workspaces", "ws-1"), nil), workspaceDecoder)
	require.ErrorIs(t, err, errTokenDestination, "want the destination refused")
	assert.Equal(t, 1, ts.count(), "requests: a refused destination is not retried")
}

func TestCallerHTTPClientIsNotModified(t *testing.T) {
	hc := &http.Client{Timeout: 7 * time.Second}
	_, err := NewClient(&Config{Address: "https://tfe.example.com", Token: "t", HTTPClient: hc, Logger: suiteLogger()})
	require.NoError(t, err)
	assert.Nil(t, hc.Transport, "the caller's http.Client was modified: its Transport")
	assert.Equal(t, 7*time.Second, hc.Timeout, "the caller's http.Client was modified: its Timeout")
}

func TestTFELogDebugLogsToStderr(t *testing.T) {
	assert.False(t, newLogger(nil, func(string) string { return "" }).Enabled(context.Background(), -4), "silent by default")
	assert.True(t, newLogger(nil, func(k string) string { return map[string]string{"TFE_LOG": "DEBUG"}[k] }).Enabled(context.Background(), -4),
		"TFE_LOG=debug enables debug logs")
}
