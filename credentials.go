package tfe

import (
	"encoding/json"
	"errors"
	"fmt"
	"golang.org/x/net/idna"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// envTFEToken is the environment variable that holds an API token for any
// host. It takes precedence over every other source.
const envTFEToken = "TFE_TOKEN"

// tfTokenPrefix starts the name of the Terraform CLI's host-specific token
// variables (Terraform 1.2 and later), for example TF_TOKEN_app_terraform_io.
const tfTokenPrefix = "TF_TOKEN_"

// credentialsFileName is the name of the file that `terraform login` writes
// into the Terraform CLI configuration directory.
const credentialsFileName = "credentials.tfrc.json"

// tokenLookup finds an API token for address. env reads an environment
// variable (os.Getenv in production; a map in tests) and goos selects the
// platform's credentials file location.
//
// The sources are tried in order and the first non-empty token wins:
// TFE_TOKEN, then the Terraform CLI's TF_TOKEN_<host> variable, then the
// credentials file written by `terraform login`. source says where the token
// came from (a variable name or "credentials file <path>"), for tests and
// error messages; it never contains the token. Finding no token anywhere is not an error:
// the result is "", "", nil. An address that does not parse, or a credentials
// file that exists but is malformed, is an error.
func tokenLookup(address string, env func(string) string, goos string) (token, source string, err error) {
	host, err := parseLookupHost(address)
	if err != nil {
		return "", "", err
	}
	if token := env(envTFEToken); token != "" {
		return token, envTFEToken, nil
	}
	if token, name := tokenFromHostEnv(host.name, env); token != "" {
		return token, name, nil
	}
	path := credentialsFilePath(env, goos)
	if path == "" {
		return "", "", nil
	}
	token, err = tokenFromCredentialsFile(path, host.keys())
	if err != nil || token == "" {
		return "", "", err
	}
	return token, "credentials file " + path, nil
}

// lookupHost is the part of an API address that credentials are keyed by.
type lookupHost struct {
	// name is the host name without port, lower-cased, without a trailing dot
	// and without IPv6 brackets.
	name string
	// port is the explicit port from the address, or "" when it has none.
	port string
}

// parseLookupHost extracts the host and port from an API address such as
// "https://tfe.example.com:8443/". The error does not quote the address, so
// that credentials embedded in it cannot leak into logs.
func parseLookupHost(address string) (lookupHost, error) {
	u, err := url.Parse(address)
	if err != nil {
		return lookupHost{}, fmt.Errorf("tfe: cannot parse address for token lookup: %w", errors.Unwrap(err))
	}
	name := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if name == "" {
		return lookupHost{}, errors.New("tfe: address for token lookup has no host; want a URL such as https://app.terraform.io")
	}
	return lookupHost{name: name, port: u.Port()}, nil
}

// keys returns the credentials file keys to try for h, most specific first:
// host with port (when the address has one), then the bare host name.
func (h lookupHost) keys() []string {
	bare := canonicalHostKey(h.name)
	if h.port == "" {
		return []string{bare}
	}
	return []string{canonicalHostKey(net.JoinHostPort(h.name, h.port)), bare}
}

// tokenFromHostEnv looks up the TF_TOKEN_<host> variables for host and returns
// the first non-empty token together with the variable name it came from.
func tokenFromHostEnv(host string, env func(string) string) (token, name string) {
	for _, name := range tfTokenEnvNames(host) {
		if token := env(name); token != "" {
			return token, name
		}
	}
	return "", ""
}

// tfTokenEnvNames returns the TF_TOKEN_ variable names the Terraform CLI
// accepts for host, preferred spelling first: dots as underscores and hyphens
// as double underscores, then the spelling that keeps hyphens (the form the
// Terraform docs show for punycode hosts, such as TF_TOKEN_xn--r8j3dr99h_com).
// Non-ASCII labels are punycode-encoded first. It returns nil when host
// cannot be spelled as a variable name (IPv6 literals, underscores, labels
// too long to encode).
func tfTokenEnvNames(host string) []string {
	ascii, ok := asciiHost(host)
	if !ok || !isLDHName(ascii) {
		return nil
	}
	dotted := strings.ReplaceAll(ascii, ".", "_")
	names := []string{tfTokenPrefix + strings.ReplaceAll(dotted, "-", "__")}
	if strings.Contains(dotted, "-") {
		names = append(names, tfTokenPrefix+dotted)
	}
	return names
}

// asciiHost returns host in the ASCII form the Terraform CLI compares
// and names variables by: IDNA's lookup profile (UTS #46 mapping, then
// punycode with the "xn--" prefix for non-ASCII labels), as the CLI's
// svchost package does. ok is false when host is not a valid name for
// lookup.
func asciiHost(host string) (string, bool) {
	ascii, err := idna.Lookup.ToASCII(host)
	return ascii, err == nil
}

// isLDHName reports whether s consists only of lower-case ASCII letters,
// digits, hyphens and dots, the characters a TF_TOKEN_ name can encode.
func isLDHName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// canonicalHostKey normalizes a credentials file key or a lookup key for
// comparison: lower case, punycode for non-ASCII labels, no trailing dot on
// the host, no brackets around a bare IPv6 literal; a port is kept.
func canonicalHostKey(key string) string {
	host, port, err := net.SplitHostPort(key)
	if err != nil {
		host, port = strings.TrimSuffix(strings.TrimPrefix(key, "["), "]"), ""
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if ascii, ok := asciiHost(host); ok {
		host = ascii
	}
	if port == "" {
		return host
	}
	return net.JoinHostPort(host, port)
}

// credentialsFilePath returns where `terraform login` keeps its credentials
// file for goos: %APPDATA%\terraform.d on Windows, $HOME/.terraform.d
// elsewhere. It returns "" when the variable it needs is not set.
func credentialsFilePath(env func(string) string, goos string) string {
	if goos == "windows" {
		if dir := env("APPDATA"); dir != "" {
			return filepath.Join(dir, "terraform.d", credentialsFileName)
		}
		return ""
	}
	if dir := env("HOME"); dir != "" {
		return filepath.Join(dir, ".terraform.d", credentialsFileName)
	}
	return ""
}

// credentialsFileError reports a credentials file that exists but cannot be
// used. Its message names the file and the problem but never includes a token
// or other file content.
type credentialsFileError struct {
	// Path is the credentials file.
	Path string
	// Problem says what is wrong, without quoting file content.
	Problem string
	// Err is the underlying error, if any.
	Err error
}

// Error implements error.
func (e *credentialsFileError) Error() string {
	msg := "tfe: credentials file " + e.Path + ": " + e.Problem
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the underlying error so errors.Is and errors.As see it.
func (e *credentialsFileError) Unwrap() error { return e.Err }

// tokenFromCredentialsFile returns the token stored in the credentials file
// at path for the first of keys that has a non-empty one. A file that is
// missing, unreadable or empty yields no token and no error.
func tokenFromCredentialsFile(path string, keys []string) (string, error) {
	creds, err := readCredentialsFile(path)
	if err != nil || creds == nil {
		return "", err
	}
	for _, key := range keys {
		entry, found := findCredentialsEntry(creds, key)
		if !found {
			continue
		}
		token, err := entryToken(path, key, entry)
		if err != nil || token != "" {
			return token, err
		}
	}
	return "", nil
}

// readCredentialsFile reads the file at path and returns its "credentials"
// object. It returns nil and no error when the file cannot be read or holds
// no credentials, and a *credentialsFileError when the content is malformed.
func readCredentialsFile(path string) (map[string]any, error) {
	data, err := os.ReadFile(path)
	if err != nil || len(data) == 0 {
		return nil, nil
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		// Only syntax errors are possible when decoding into any; their
		// messages quote at most one offending character.
		return nil, &credentialsFileError{Path: path, Problem: invalidJSONProblem(err), Err: err}
	}
	top, ok := doc.(map[string]any)
	if !ok {
		return nil, &credentialsFileError{Path: path, Problem: "top level is " + jsonKind(doc) + ", want a JSON object"}
	}
	switch creds := top["credentials"].(type) {
	case nil:
		return nil, nil
	case map[string]any:
		return creds, nil
	default:
		return nil, &credentialsFileError{Path: path, Problem: `"credentials" is ` + jsonKind(creds) + ", want a JSON object"}
	}
}

// invalidJSONProblem describes a decoding error, with the byte offset when
// err is a *json.SyntaxError.
func invalidJSONProblem(err error) string {
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		return fmt.Sprintf("invalid JSON at byte offset %d", syntaxErr.Offset)
	}
	return "invalid JSON"
}

// findCredentialsEntry returns the entry of creds whose key, after
// canonicalHostKey, equals key (already canonical). When several keys match,
// the lexically smallest one wins so that the result does not depend on map
// order.
func findCredentialsEntry(creds map[string]any, key string) (entry any, found bool) {
	fileKeys := make([]string, 0, len(creds))
	for k := range creds {
		fileKeys = append(fileKeys, k)
	}
	slices.Sort(fileKeys)
	for _, k := range fileKeys {
		if canonicalHostKey(k) == key {
			return creds[k], true
		}
	}
	return nil, false
}

// entryToken returns the "token" string of the credentials entry for key. A
// missing or null token is no token; any other non-string value is an error
// that names the host (as derived from the address, not as spelled in the
// file) but not the value.
func entryToken(path, key string, entry any) (string, error) {
	obj, ok := entry.(map[string]any)
	if !ok {
		return "", &credentialsFileError{Path: path, Problem: fmt.Sprintf("entry for host %q is %s, want a JSON object", key, jsonKind(entry))}
	}
	switch token := obj["token"].(type) {
	case nil:
		return "", nil
	case string:
		return token, nil
	default:
		return "", &credentialsFileError{Path: path, Problem: fmt.Sprintf("\"token\" for host %q is %s, want a string", key, jsonKind(token))}
	}
}

// jsonKind names the JSON type of a value decoded by encoding/json into any,
// for error messages that must not repeat the value itself.
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case float64:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	default:
		return "an object"
	}
}
