package tfe

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// plantedSecret is the token value planted in the malformed fixtures; no
// error message may ever contain it.
const plantedSecret = "planted-secret-9f3c"

// mapEnv returns an env function that reads from vars instead of the process
// environment.
func mapEnv(vars map[string]string) func(string) string {
	return func(name string) string { return vars[name] }
}

// installCredentials copies testdata/credentials/<fixture> to
// <home>/.terraform.d/credentials.tfrc.json and returns the destination path.
func installCredentials(t *testing.T, home, fixture string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "credentials", fixture))
	require.NoError(t, err)
	dir := filepath.Join(home, ".terraform.d")
	require.NoError(t, os.MkdirAll(dir, 0o700))
	path := filepath.Join(dir, credentialsFileName)
	require.NoError(t, os.WriteFile(path, data, 0o600))
	return path
}

// TestTokenLookupPrecedence checks each source on its own and that the first
// non-empty source wins: TFE_TOKEN, then TF_TOKEN_<host>, then the file.
func TestTokenLookupPrecedence(t *testing.T) {
	const addr = "https://app.terraform.io"
	tests := []struct {
		name       string
		env        map[string]string
		withFile   bool
		wantToken  string
		wantSource string
	}{
		{
			name:       "TFE_TOKEN alone",
			env:        map[string]string{"TFE_TOKEN": "tfe-token"},
			wantToken:  "tfe-token",
			wantSource: "TFE_TOKEN",
		},
		{
			name:       "TF_TOKEN_ alone",
			env:        map[string]string{"TF_TOKEN_app_terraform_io": "host-token"},
			wantToken:  "host-token",
			wantSource: "TF_TOKEN_app_terraform_io",
		},
		{
			name:       "file alone",
			withFile:   true,
			wantToken:  "file-token-app",
			wantSource: "credentials file <file>",
		},
		{
			name:       "TFE_TOKEN beats TF_TOKEN_ and file",
			env:        map[string]string{"TFE_TOKEN": "tfe-token", "TF_TOKEN_app_terraform_io": "host-token"},
			withFile:   true,
			wantToken:  "tfe-token",
			wantSource: "TFE_TOKEN",
		},
		{
			name:       "TF_TOKEN_ beats file",
			env:        map[string]string{"TF_TOKEN_app_terraform_io": "host-token"},
			withFile:   true,
			wantToken:  "host-token",
			wantSource: "TF_TOKEN_app_terraform_io",
		},
		{
			name:       "TF_TOKEN_ for another host is ignored",
			env:        map[string]string{"TF_TOKEN_tfe_example_com": "other-host-token"},
			withFile:   true,
			wantToken:  "file-token-app",
			wantSource: "credentials file <file>",
		},
		{
			name:       "empty TFE_TOKEN is skipped",
			env:        map[string]string{"TFE_TOKEN": "", "TF_TOKEN_app_terraform_io": "host-token"},
			wantToken:  "host-token",
			wantSource: "TF_TOKEN_app_terraform_io",
		},
		{
			name: "nothing anywhere",
		},
		{
			name: "TF_TOKEN_ for another host and no file",
			env:  map[string]string{"TF_TOKEN_tfe_example_com": "other-host-token"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			env := map[string]string{"HOME": home}
			for k, v := range tt.env {
				env[k] = v
			}
			wantSource := tt.wantSource
			if tt.withFile {
				path := installCredentials(t, home, "hosts.tfrc.json")
				wantSource = strings.ReplaceAll(wantSource, "<file>", path)
			}

			token, source, err := tokenLookup(addr, mapEnv(env), "linux")

			require.NoError(t, err)
			assert.Equal(t, tt.wantToken, token)
			assert.Equal(t, wantSource, source)
			if token != "" {
				assert.NotContains(t, source, token, "source must not reveal the token")
			}
		})
	}
}

// TestTokenLookupHostVariable checks the TF_TOKEN_<host> name computed from
// various addresses: dots, dashes, upper case, ports, paths and IDNs.
func TestTokenLookupHostVariable(t *testing.T) {
	tests := []struct {
		address string
		varName string
	}{
		{"https://app.terraform.io", "TF_TOKEN_app_terraform_io"},
		{"https://tfe-1.example.com", "TF_TOKEN_tfe__1_example_com"},
		{"https://tfe-1.example.com", "TF_TOKEN_tfe-1_example_com"},
		{"https://TFE.Example.com", "TF_TOKEN_tfe_example_com"},
		{"https://tfe.example.com:8443/", "TF_TOKEN_tfe_example_com"},
		{"https://tfe.example.com/api/v2/", "TF_TOKEN_tfe_example_com"},
		{"https://app.terraform.io.", "TF_TOKEN_app_terraform_io"},
		{"http://127.0.0.1:51234", "TF_TOKEN_127_0_0_1"},
		{"https://例えば.com", "TF_TOKEN_xn--r8j3dr99h_com"},
		{"https://café.fr", "TF_TOKEN_xn____caf__dma_fr"},
		{"https://caf%C3%A9.fr", "TF_TOKEN_xn--caf-dma_fr"},
		{"https://CAFÉ.fr", "TF_TOKEN_xn____caf__dma_fr"},
		{"https://xn--caf-dma.fr", "TF_TOKEN_xn____caf__dma_fr"},
	}
	for _, tt := range tests {
		t.Run(tt.address+" "+tt.varName, func(t *testing.T) {
			env := map[string]string{tt.varName: "host-token"}

			token, source, err := tokenLookup(tt.address, mapEnv(env), "linux")

			require.NoError(t, err)
			assert.Equal(t, "host-token", token)
			assert.Equal(t, tt.varName, source)
		})
	}
}

// TestTFTokenEnvNames checks the exact candidate names, in order, and the
// hosts for which no variable name can be formed.
func TestTFTokenEnvNames(t *testing.T) {
	tests := []struct {
		host string
		want []string
	}{
		{"app.terraform.io", []string{"TF_TOKEN_app_terraform_io"}},
		{"tfe-1.example.com", []string{"TF_TOKEN_tfe__1_example_com", "TF_TOKEN_tfe-1_example_com"}},
		{"Upper.Example.COM", []string{"TF_TOKEN_upper_example_com"}},
		{"例えば.com", []string{"TF_TOKEN_xn____r8j3dr99h_com", "TF_TOKEN_xn--r8j3dr99h_com"}},
		{"::1", nil},
		{"under_score.example.com", nil},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			assert.Equal(t, tt.want, tfTokenEnvNames(tt.host))
		})
	}
}

// TestASCIIHostLikeTheTerraformCLI checks hosts against the punycode
// samples of RFC 3492, section 7.1, and the Terraform CLI documentation.
func TestASCIIHostLikeTheTerraformCLI(t *testing.T) {
	tests := map[string]string{
		"例えば.com":          "xn--r8j3dr99h.com",
		"café.fr":          "xn--caf-dma.fr",
		"Bücher.example":   "xn--bcher-kva.example",
		"他们为什么不说中文.cn":     "xn--ihqwcrb4cv8a8dqg056pqjye.cn",
		"tfe.example.com":  "tfe.example.com",
		"TFE.Example.COM.": "tfe.example.com.",
	}
	for host, want := range tests {
		got, ok := asciiHost(host)
		require.True(t, ok, host)
		assert.Equal(t, want, got, host)
	}
	for _, bad := range []string{"under_score.com", "-lead.com", "a\u200db.com"} {
		_, ok := asciiHost(bad)
		assert.False(t, ok, bad)
	}
}

// TestTokenLookupCredentialsFile checks which entry of the credentials file
// is used for various addresses.
func TestTokenLookupCredentialsFile(t *testing.T) {
	tests := []struct {
		name      string
		address   string
		wantToken string
	}{
		{"exact host", "https://app.terraform.io", "file-token-app"},
		{"path and trailing slash", "https://app.terraform.io/api/v2/", "file-token-app"},
		{"host key compared case-insensitively", "https://tfe.example.com", "file-token-tfe"},
		{"address upper case", "https://TFE.Example.com", "file-token-tfe"},
		{"host with port preferred", "https://localhost:8443", "file-token-localhost-8443"},
		{"port without entry falls back to host", "http://localhost:9999", "file-token-localhost"},
		{"empty token for port falls back to host", "https://fallback.example.com:8443", "file-token-fallback"},
		{"bare host ignores port entries", "https://localhost", "file-token-localhost"},
		{"IP address", "http://127.0.0.1:51234", "file-token-loopback"},
		{"IPv6 with port", "http://[::1]:9443", "file-token-ipv6-9443"},
		{"IDN key matched by punycode address", "https://xn--caf-dma.fr", "file-token-cafe"},
		{"IDN key matched by Unicode address", "https://CAFÉ.fr", "file-token-cafe"},
		{"no entry for host", "https://unknown.example.com", ""},
		{"entry without token", "https://notoken.example.com", ""},
		{"entry with null token", "https://nulltoken.example.com", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			path := installCredentials(t, home, "hosts.tfrc.json")

			token, source, err := tokenLookup(tt.address, mapEnv(map[string]string{"HOME": home}), "linux")

			require.NoError(t, err)
			assert.Equal(t, tt.wantToken, token)
			if tt.wantToken == "" {
				assert.Empty(t, source)
			} else {
				assert.Equal(t, "credentials file "+path, source)
			}
		})
	}
}

// TestTokenLookupCredentialsFileNoCredentials checks files that hold no
// credentials: they yield no token and no error.
func TestTokenLookupCredentialsFileNoCredentials(t *testing.T) {
	for _, fixture := range []string{"empty.tfrc.json", "credentials-null.tfrc.json", "no-credentials.tfrc.json"} {
		t.Run(fixture, func(t *testing.T) {
			home := t.TempDir()
			installCredentials(t, home, fixture)

			token, source, err := tokenLookup("https://app.terraform.io", mapEnv(map[string]string{"HOME": home}), "linux")

			require.NoError(t, err)
			assert.Empty(t, token)
			assert.Empty(t, source)
		})
	}
}

// TestTokenLookupDuplicateHostKeys checks that keys differing only in case
// resolve deterministically (the lexically smallest key wins).
func TestTokenLookupDuplicateHostKeys(t *testing.T) {
	home := t.TempDir()
	installCredentials(t, home, "duplicate-hosts.tfrc.json")

	for range 20 {
		token, _, err := tokenLookup("https://app.terraform.io", mapEnv(map[string]string{"HOME": home}), "linux")
		require.NoError(t, err)
		require.Equal(t, "file-token-mixed", token)
	}
}

// TestTokenLookupCredentialsFileUnusable checks that a missing or unreadable
// credentials file, or a missing home directory, is not an error.
func TestTokenLookupCredentialsFileUnusable(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, home string)
		env   func(home string) map[string]string
	}{
		{
			name:  "missing file",
			setup: func(t *testing.T, home string) {},
		},
		{
			name: "directory instead of file",
			setup: func(t *testing.T, home string) {
				require.NoError(t, os.MkdirAll(filepath.Join(home, ".terraform.d", credentialsFileName), 0o700))
			},
		},
		{
			name: "unreadable file",
			setup: func(t *testing.T, home string) {
				if os.Geteuid() == 0 {
					t.Skip("running as root: root can read a file with mode 000, so it cannot be made unreadable")
				}
				path := installCredentials(t, home, "hosts.tfrc.json")
				require.NoError(t, os.Chmod(path, 0o000))
			},
		},
		{
			name:  "HOME not set",
			setup: func(t *testing.T, home string) { installCredentials(t, home, "hosts.tfrc.json") },
			env:   func(string) map[string]string { return map[string]string{} },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			tt.setup(t, home)
			env := map[string]string{"HOME": home}
			if tt.env != nil {
				env = tt.env(home)
			}

			token, source, err := tokenLookup("https://app.terraform.io", mapEnv(env), "linux")

			require.NoError(t, err)
			assert.Empty(t, token)
			assert.Empty(t, source)
		})
	}
}

// TestTokenLookupCredentialsFileMalformed checks that a malformed file is an
// error that names the file, says what is wrong, unwraps to the underlying
// error and never contains the planted token.
func TestTokenLookupCredentialsFileMalformed(t *testing.T) {
	tests := []struct {
		fixture     string
		wantProblem string
		wantSyntax  bool
	}{
		{"trailing-comma.tfrc.json", "invalid JSON at byte offset 72", true},
		{"truncated.tfrc.json", "invalid JSON at byte offset 67", true},
		{"top-level-array.tfrc.json", "top level is an array, want a JSON object", false},
		{"top-level-null.tfrc.json", "top level is null, want a JSON object", false},
		{"credentials-string.tfrc.json", `"credentials" is a string, want a JSON object`, false},
		{"entry-string.tfrc.json", `entry for host "app.terraform.io" is a string, want a JSON object`, false},
		{"token-number.tfrc.json", `"token" for host "app.terraform.io" is a number, want a string`, false},
		{"token-object.tfrc.json", `"token" for host "app.terraform.io" is an object, want a string`, false},
		{"token-array.tfrc.json", `"token" for host "app.terraform.io" is an array, want a string`, false},
		{"token-bool.tfrc.json", `"token" for host "app.terraform.io" is a boolean, want a string`, false},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			home := t.TempDir()
			path := installCredentials(t, home, tt.fixture)

			token, source, err := tokenLookup("https://app.terraform.io", mapEnv(map[string]string{"HOME": home}), "linux")

			require.Error(t, err)
			assert.Empty(t, token)
			assert.Empty(t, source)
			msg := err.Error()
			assert.Contains(t, msg, path)
			assert.Contains(t, msg, tt.wantProblem)
			assert.NotContains(t, msg, plantedSecret)
			assert.NotContains(t, msg, "424242")

			var fileErr *credentialsFileError
			require.ErrorAs(t, err, &fileErr)
			assert.Equal(t, path, fileErr.Path)

			var syntaxErr *json.SyntaxError
			assert.Equal(t, tt.wantSyntax, errors.As(err, &syntaxErr))
		})
	}
}

// TestTokenLookupMalformedEntryForOtherHost checks that a malformed entry for
// a host other than the address's does not stop the lookup.
func TestTokenLookupMalformedEntryForOtherHost(t *testing.T) {
	home := t.TempDir()
	installCredentials(t, home, "hosts.tfrc.json")

	token, _, err := tokenLookup("https://app.terraform.io", mapEnv(map[string]string{"HOME": home}), "linux")
	require.NoError(t, err)
	assert.Equal(t, "file-token-app", token)

	_, _, err = tokenLookup("https://broken.example.com", mapEnv(map[string]string{"HOME": home}), "linux")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), plantedSecret)
}

// TestTokenLookupWindows checks that on Windows the file is read from
// %APPDATA%\terraform.d and HOME is not consulted.
func TestTokenLookupWindows(t *testing.T) {
	appData := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(appData, "terraform.d"), 0o700))
	data, err := os.ReadFile(filepath.Join("testdata", "credentials", "hosts.tfrc.json"))
	require.NoError(t, err)
	path := filepath.Join(appData, "terraform.d", credentialsFileName)
	require.NoError(t, os.WriteFile(path, data, 0o600))
	home := t.TempDir()
	installCredentials(t, home, "duplicate-hosts.tfrc.json")

	t.Run("APPDATA", func(t *testing.T) {
		token, source, err := tokenLookup("https://app.terraform.io", mapEnv(map[string]string{"APPDATA": appData, "HOME": home}), "windows")
		require.NoError(t, err)
		assert.Equal(t, "file-token-app", token)
		assert.Equal(t, "credentials file "+path, source)
	})
	t.Run("APPDATA not set", func(t *testing.T) {
		token, source, err := tokenLookup("https://app.terraform.io", mapEnv(map[string]string{"HOME": home}), "windows")
		require.NoError(t, err)
		assert.Empty(t, token)
		assert.Empty(t, source)
	})
	t.Run("APPDATA ignored elsewhere", func(t *testing.T) {
		token, _, err := tokenLookup("https://app.terraform.io", mapEnv(map[string]string{"APPDATA": appData, "HOME": home}), "darwin")
		require.NoError(t, err)
		assert.Equal(t, "file-token-mixed", token)
	})
}

// TestCredentialsFilePath checks the path built for each platform.
func TestCredentialsFilePath(t *testing.T) {
	env := mapEnv(map[string]string{"HOME": "/home/u", "APPDATA": "/appdata"})
	assert.Equal(t, filepath.Join("/home/u", ".terraform.d", "credentials.tfrc.json"), credentialsFilePath(env, "linux"))
	assert.Equal(t, filepath.Join("/appdata", "terraform.d", "credentials.tfrc.json"), credentialsFilePath(env, "windows"))
	assert.Empty(t, credentialsFilePath(mapEnv(nil), "linux"))
}

// TestTokenLookupBadAddress checks that an address without a usable host is
// an error even when TFE_TOKEN is set, and that the error does not echo the
// address (which could carry a password).
func TestTokenLookupBadAddress(t *testing.T) {
	for _, address := range []string{
		"",
		"app.terraform.io",
		"localhost:8443",
		"://app.terraform.io",
		"https://user:s3cret@host%zz",
		"https://user:s3cret@host:abc",
		"http://[::1",
		"https://a b.com",
	} {
		t.Run(address, func(t *testing.T) {
			env := mapEnv(map[string]string{"TFE_TOKEN": "tfe-token", "HOME": t.TempDir()})

			token, source, err := tokenLookup(address, env, "linux")

			require.Error(t, err)
			assert.Empty(t, token)
			assert.Empty(t, source)
			assert.NotContains(t, err.Error(), "s3cret")
		})
	}
}

// TestCanonicalHostKey checks the normalization used to compare host keys.
func TestCanonicalHostKey(t *testing.T) {
	tests := map[string]string{
		"App.Terraform.IO":   "app.terraform.io",
		"app.terraform.io.":  "app.terraform.io",
		"LocalHost:8443":     "localhost:8443",
		"[::1]":              "::1",
		"[::1]:9443":         "[::1]:9443",
		"Café.fr":            "xn--caf-dma.fr",
		"café.fr:8443":       "xn--caf-dma.fr:8443",
		"xn--caf-dma.fr":     "xn--caf-dma.fr",
		"under_score.test":   "under_score.test",
		"tfe-1.example.com:": "tfe-1.example.com",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			assert.Equal(t, want, canonicalHostKey(in))
		})
	}
}
