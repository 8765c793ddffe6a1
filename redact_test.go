package tfe

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonAPI is the content type of the HCP Terraform API.
const jsonAPI = "application/vnd.api+json"

// checkRedacted fails t unless out lacks every string in absent and holds
// every string in present, so that a test fails both when a secret leaks
// and when the redactor throws away what it should keep.
func checkRedacted(t *testing.T, out string, absent, present []string) {
	t.Helper()
	for _, s := range absent {
		assert.NotContains(t, out, s, "which must be redacted")
	}
	for _, s := range present {
		assert.Contains(t, out, s, "which must survive")
	}
	assert.True(t, utf8.ValidString(out), "output is not valid UTF-8: %q", out)
}

// TestRedactHeaders checks which headers are redacted and that the others
// survive, with the input left untouched.
func TestRedactHeaders(t *testing.T) {
	secretHeaders := []string{
		"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
		"X-Auth-Token", "X-Vault-Token", "X-Webhook-Secret", "X-Password",
		"X-Private-Key", "X-Privatekey", "X-Api-Key", "X-Apikey",
		"X-Tfc-Task-Signature", "X-Amz-Security-Token",
	}
	h := http.Header{}
	for _, name := range secretHeaders {
		h.Add(name, "s3cr3t-"+name)
	}
	h.Add("Cookie", "second=s3cr3t-second")
	h.Set("Content-Type", jsonAPI)
	h.Set("X-Request-Id", "req-123")
	h.Set("User-Agent", "go-tfe-sdk-test")
	h.Set("Location", "https://archivist.terraform.io/v1/object/dmVyeXNlY3JldA")
	h.Set("Content-Location", "https://app.terraform.io/api/v2/workspaces/ws-abc")
	before := h.Clone()

	got := redactHeaders(h)

	for _, name := range secretHeaders {
		for _, v := range got.Values(name) {
			assert.Equal(t, redactedText, v, name)
		}
	}
	assert.Len(t, got.Values("Cookie"), 2, "Cookie values")
	for _, name := range []string{"Content-Type", "X-Request-Id", "User-Agent", "Content-Location"} {
		assert.Equal(t, h.Get(name), got.Get(name), "%s kept", name)
	}
	assert.Equal(t, "https://archivist.terraform.io/"+redactedText, got.Get("Location"), "Location: want the blob secret redacted")
	assert.Equal(t, before, h, "the input headers are not modified")
	assert.Nil(t, redactHeaders(nil), "redactHeaders(nil)")
}

// bodyCase is one redactBody table case.
type bodyCase struct {
	// name names the rule the case checks.
	name string
	// body is the HTTP body.
	body string
	// contentType is the declared content type.
	contentType string
	// isRequest is true for a body the SDK sends.
	isRequest bool
	// max is the output limit; 0 means none.
	max int
	// absent must not appear in the output.
	absent []string
	// present must appear in the output.
	present []string
}

// TestRedactBodyJSON checks every JSON rule and exception, both ways.
func TestRedactBodyJSON(t *testing.T) {
	cases := []bodyCase{
		{
			name:    "sensitive variable in attributes",
			body:    `{"data":{"id":"var-1","type":"vars","attributes":{"key":"db_password_var","value":"hunter2-sensitive","sensitive":true,"category":"terraform","hcl":false}}}`,
			absent:  []string{"hunter2-sensitive"},
			present: []string{`"value":"[REDACTED]"`, `"key":"db_password_var"`, `"id":"var-1"`, `"sensitive":true`, `"category":"terraform"`},
		},
		{
			name: "sensitive variable nested in relationships.vars.data",
			body: `{"data":{"id":"varset-1","type":"varsets","attributes":{"name":"shared"},"relationships":{"vars":{"data":[` +
				`{"id":"var-a","type":"vars","attributes":{"key":"region","value":"eu-west-1","sensitive":false}},` +
				`{"id":"var-b","type":"vars","attributes":{"key":"aws_secret","value":"AKIA-nested-secret","sensitive":true}}]}}}}`,
			absent:  []string{"AKIA-nested-secret"},
			present: []string{`"value":"eu-west-1"`, `"key":"aws_secret"`, `"id":"var-b"`, `"name":"shared"`},
		},
		{
			name:      "request update sends value without sensitive",
			body:      `{"data":{"id":"var-1","type":"vars","attributes":{"key":"api_pw","value":"request-side-secret"}}}`,
			isRequest: true,
			absent:    []string{"request-side-secret"},
			present:   []string{`"key":"api_pw"`, `"id":"var-1"`, `"value":"[REDACTED]"`},
		},
		{
			name:      "request redacts every value at any depth",
			body:      `{"data":[{"type":"tag-bindings","attributes":{"key":"env","value":"tag-value-secret"}}],"meta":{"run-vars":[{"key":"x","value":"run-var-secret"}]}}`,
			isRequest: true,
			absent:    []string{"tag-value-secret", "run-var-secret"},
			present:   []string{`"key":"env"`, `"type":"tag-bindings"`},
		},
		{
			name:    "response non-sensitive value kept",
			body:    `{"data":{"id":"var-1","type":"vars","attributes":{"key":"region","value":"us-east-1","sensitive":false}}}`,
			present: []string{`"value":"us-east-1"`, `"key":"region"`},
		},
		{
			name:    "sensitive composite value walked and redacted",
			body:    `{"name":"out","sensitive":true,"value":{"user":"admin-secret","port":5432,"none":null}}`,
			absent:  []string{"admin-secret", "5432"},
			present: []string{`"none":null`, `"name":"out"`},
		},
		{
			name: "SMTP settings PATCH",
			body: `{"data":{"type":"smtp-settings","attributes":{"enabled":true,"host":"smtp.example.com","port":587,"sender":"tfe@example.com",` +
				`"auth":"login","username":"mailer","password":"smtp-pass-secret","test-email-address":"ops-private@example.com"}}}`,
			isRequest: true,
			absent:    []string{"smtp-pass-secret", "ops-private@example.com"},
			present:   []string{`"host":"smtp.example.com"`, `"port":587`, `"username":"mailer"`, `"enabled":true`, `"sender":"tfe@example.com"`},
		},
		{
			name:    "token redacted, token-type and expired-at kept",
			body:    `{"data":{"id":"at-9","type":"authentication-tokens","attributes":{"token":"abc-token-secret","token-type":"team","expired-at":"2030-01-01T00:00:00Z","created-at":"2024-01-01T00:00:00Z"}}}`,
			absent:  []string{"abc-token-secret"},
			present: []string{`"token":"[REDACTED]"`, `"token-type":"team"`, `"expired-at":"2030-01-01T00:00:00Z"`, `"id":"at-9"`},
		},
		{
			name:    "authentication-token relationship keeps its ID",
			body:    `{"data":{"relationships":{"authentication-token":{"data":{"id":"at-1","type":"authentication-tokens"}}}}}`,
			present: []string{`"id":"at-1"`, `"type":"authentication-tokens"`},
		},
		{
			name:    "scalars inside a secret object are redacted, IDs and timestamps kept",
			body:    `{"credentials":{"app.terraform.io":{"token":"nested-cred-secret","host-note":"note-secret","id":"cred-1","expires-at":"2031-01-01"}},"secrets":["list-secret-1",7]}`,
			absent:  []string{"nested-cred-secret", "note-secret", "list-secret-1", "7"},
			present: []string{`"id":"cred-1"`, `"expires-at":"2031-01-01"`, `"app.terraform.io"`},
		},
		{
			name:    "token-ttl-policies walked, not dropped",
			body:    `{"token-ttl-policies":[{"token-type":"user","max-ttl-ms":2592000000,"scope":"organization","token":"ttl-inner-secret"}]}`,
			absent:  []string{"ttl-inner-secret"},
			present: []string{`"token-type":"user"`, `"max-ttl-ms":2592000000`, `"scope":"organization"`},
		},
		{
			name: "every secret word, any spelling",
			body: `{"private-key":"pk-secret","privateKey":"pk2-secret","api_key":"ak-secret","apiKey":"ak2-secret","client-credential":"cc-secret",` +
				`"hmac-key":"hk-secret","signature":"sig-secret","webhook-secret":"ws-secret","oauth-token-string":"ots-secret","Password":"pw-secret"}`,
			absent:  []string{"pk-secret", "pk2-secret", "ak-secret", "ak2-secret", "cc-secret", "hk-secret", "sig-secret", "ws-secret", "ots-secret", "pw-secret"},
			present: []string{`"private-key":"[REDACTED]"`, `"privateKey":"[REDACTED]"`, `"Password":"[REDACTED]"`},
		},
		{
			name:    "echoed credential headers",
			body:    `{"headers":{"Authorization":"Basic dXNlcjpwYXNzd29yZA==","Set-Cookie":"sid=cookie-secret","Content-Type":"text/plain"}}`,
			absent:  []string{"dXNlcjpwYXNzd29yZA", "cookie-secret"},
			present: []string{`"Content-Type":"text/plain"`, `"Authorization":"[REDACTED]"`},
		},
		{
			name:    "plain keys with secret words kept",
			body:    `{"oauth-token-id":"ot-123","ssh_key_id":"sshkey-1","secret-ids":["s-1","s-2"],"api-key-enabled":true,"token-ttl-ms":60000,"token_expires_at":"2030-02-02","secret-type":"opaque"}`,
			present: []string{`"ot-123"`, `"sshkey-1"`, `["s-1","s-2"]`, `"api-key-enabled":true`, `"token-ttl-ms":60000`, `"2030-02-02"`, `"opaque"`},
		},
		{
			name:    "null and empty secrets stay as they are",
			body:    `{"token":null,"password":""}`,
			present: []string{`"token":null`, `"password":""`},
		},
		{
			name: "hosted blob URLs",
			body: `{"data":{"attributes":{"hosted-state-download-url":"https://archivist.terraform.io/v1/object/c3RhdGVzZWNyZXQ?sig=abc",` +
				`"hosted-json-state-upload-url":"https://tfe.example.com/upload/plain-path-secret","upload-url":"https://tfe.example.com/uploads/cv-secret",` +
				`"log-read-url":"https://tfe.example.com/logs/log-secret","archive-url":"relative-archive-secret","serial":3}}}`,
			absent: []string{"c3RhdGVzZWNyZXQ", "sig=abc", "plain-path-secret", "cv-secret", "log-secret", "relative-archive-secret"},
			present: []string{
				`"hosted-state-download-url":"https://archivist.terraform.io/[REDACTED]"`,
				`"upload-url":"https://tfe.example.com/[REDACTED]"`, `"archive-url":"[REDACTED]"`, `"serial":3`,
			},
		},
		{
			name: "blob URL under any key",
			body: `{"links":{"download":"https://archivist.terraform.io/v1/object/b2JqZWN0c2VjcmV0","tfe":"https://tfe.example.com/_archivist/v1/object/tfe-blob-secret",` +
				`"obj":"https://blob.example.com/v1/object/objpath-secret","spaced":"https://archivist.terraform.io/v1/object/abc spaced-tail-secret",` +
				`"creds":"https://user:userinfo-secret@example.com/x","signed":"https://bucket.example.com/o?X-Amz-Signature=amz-sig-secret","self":"/api/v2/workspaces/ws-1",` +
				`"html":"https://app.terraform.io/app/org/workspaces/ws"},"detail":"download it from https://archivist.terraform.io/v1/object/in-text-secret now"}`,
			absent: []string{"b2JqZWN0c2VjcmV0", "tfe-blob-secret", "objpath-secret", "spaced-tail-secret", "userinfo-secret", "amz-sig-secret", "in-text-secret"},
			present: []string{
				`"download":"https://archivist.terraform.io/[REDACTED]"`, `"tfe":"https://tfe.example.com/[REDACTED]"`,
				`"self":"/api/v2/workspaces/ws-1"`, `"html":"https://app.terraform.io/app/org/workspaces/ws"`, "download it from https://archivist.terraform.io/[REDACTED] now",
			},
		},
		{
			name:    "secrets inside free-text string values",
			body:    `{"errors":[{"status":"401","detail":"header was Bearer leaked-bearer-secret","meta":"{\"password\":\"embedded-json-secret\"}","token-ish":"xyz123.atlasv1.apitokensecret"}]}`,
			absent:  []string{"leaked-bearer-secret", "embedded-json-secret", "apitokensecret"},
			present: []string{"header was Bearer [REDACTED]", `"status":"401"`},
		},
		{
			name:      "uploaded state redacted in requests",
			body:      `{"data":{"type":"state-versions","attributes":{"serial":2,"md5":"d41d8cd9","state":"c3RhdGUtc2VjcmV0","json-state":"anNvbi1zZWNyZXQ"}}}`,
			isRequest: true,
			absent:    []string{"c3RhdGUtc2VjcmV0", "anNvbi1zZWNyZXQ"},
			present:   []string{`"serial":2`, `"md5":"d41d8cd9"`},
		},
		{
			name:    "response state attribute kept",
			body:    `{"data":{"attributes":{"state":"finished","value":"plain"}}}`,
			present: []string{`"state":"finished"`, `"value":"plain"`},
		},
		{
			name:    "terraform state document summarised",
			body:    `{"version":4,"terraform_version":"1.9.0","serial":1,"lineage":"abc","outputs":{},"resources":[{"instances":[{"attributes":{"content":"state-secret"}}]}]}`,
			absent:  []string{"state-secret", "lineage"},
			present: []string{"[terraform state or plan, "},
		},
		{
			name:        "JSON body under a non-JSON content type",
			body:        `{"password":"ctype-secret","host":"kept.example.com"}`,
			contentType: "text/plain",
			absent:      []string{"ctype-secret"},
			present:     []string{`"host":"kept.example.com"`},
		},
		{
			name:        "invalid JSON with a JSON content type is scrubbed as text",
			body:        `{"data":{"attributes":{"password":"cutoff-secret","token": 12345678,"note":"Bearer text-bearer-secret","host":"h.example.com"`,
			contentType: jsonAPI,
			absent:      []string{"cutoff-secret", "12345678", "text-bearer-secret"},
			present:     []string{`"host":"h.example.com"`, `"password":"[REDACTED]"`},
		},
		{
			name:        "invalid JSON cut inside a secret value",
			body:        `{"data":{"attributes":{"name":"n1","private-key":"-----BEGIN RSA PRIVATE KEY-----\nMIIEow`,
			contentType: "application/json",
			absent:      []string{"MIIEow", "BEGIN RSA"},
			present:     []string{`"name":"n1"`},
		},
		{
			name:        "JSON followed by more data is scrubbed as text",
			body:        `{"a":1} {"password":"trail-secret","oauth-token-id":"ot-77","bad\qkey":"kept-bad"}`,
			contentType: jsonAPI,
			absent:      []string{"trail-secret"},
			present:     []string{`{"a":1} `, `"oauth-token-id":"ot-77"`, `"bad\qkey":"kept-bad"`},
		},
		{
			name:    "top-level array",
			body:    `[{"token":"array-secret"},"plain-element"]`,
			absent:  []string{"array-secret"},
			present: []string{`[{"token":"[REDACTED]"},"plain-element"]`},
		},
		{
			name:        "invalid JSON request value and escaped key",
			body:        `[{"value":"req-text-secret"},{"pass\u0077ord":"escaped-key-secret"},{"plain":"kept-value"}`,
			contentType: jsonAPI,
			isRequest:   true,
			absent:      []string{"req-text-secret", "escaped-key-secret"},
			present:     []string{`"plain":"kept-value"`},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ct := tc.contentType
			if ct == "" {
				ct = jsonAPI
			}
			out := redactBody([]byte(tc.body), tc.isRequest, tc.max)
			checkRedacted(t, out, tc.absent, tc.present)
		})
	}
}

// TestRedactBodyJSONEncoding checks the re-encoding: compact, sorted keys,
// numbers as written, no HTML escaping.
func TestRedactBodyJSONEncoding(t *testing.T) {
	body := "{\n  \"b\": 12345678901234567890,\n  \"a\": [1.50, true, null],\n  \"html\": \"<p>&</p>\"\n}\n"
	want := `{"a":[1.50,true,null],"b":12345678901234567890,"html":"<p>&</p>"}`
	assert.Equal(t, want, redactBody([]byte(body), false, 0))
}

// TestRedactBodyText checks the text, binary and empty rules.
func TestRedactBodyText(t *testing.T) {
	cases := []bodyCase{
		{
			name:        "HTML error page with a bearer token",
			body:        `<html><body><h1>502 Bad Gateway</h1><p>Authorization: Bearer html-bearer-secret was rejected</p><a href='x'>BEARER other-bearer-secret</a></body></html>`,
			contentType: "text/html",
			absent:      []string{"html-bearer-secret", "other-bearer-secret"},
			present:     []string{"<h1>502 Bad Gateway</h1>", "Bearer [REDACTED] was rejected</p>", "BEARER [REDACTED]</a>"},
		},
		{
			name:        "plain text kept",
			body:        "Workspace update completed",
			contentType: "text/plain",
			present:     []string{"Workspace update completed"},
		},
		{
			name:        "blob URL and blob path in text",
			body:        "see https://archivist.terraform.io/v1/object/text-blob-secret?x=1 or /_archivist/path-blob-secret, also https://app.terraform.io/app/org",
			contentType: "text/plain",
			absent:      []string{"text-blob-secret", "path-blob-secret"},
			present:     []string{"see https://archivist.terraform.io/[REDACTED] or [REDACTED]", "also https://app.terraform.io/app/org"},
		},
		{
			name:        "secret query parameters in text URLs",
			body:        `<a href="https://example.com/cb?code=1&amp;access_token=query-secret">x</a> <a href="https://blob.example.net/c?sv=2020&sig=sas-secret">y</a> https://example.org/p?pass%77ord=escaped-name-secret`,
			contentType: "text/html",
			absent:      []string{"query-secret", "sas-secret", "escaped-name-secret"},
			present:     []string{`<a href="https://example.com/[REDACTED]">x</a>`, `https://blob.example.net/[REDACTED]`},
		},
		{
			name:        "API token and private key in text",
			body:        "token abcdef123.atlasv1.zyx987_secret-tail in use\n-----BEGIN PRIVATE KEY-----\npem-body-secret\n-----END PRIVATE KEY-----\ndone",
			contentType: "text/plain",
			absent:      []string{"zyx987_secret-tail", "abcdef123", "pem-body-secret"},
			present:     []string{"token [REDACTED] in use", "[REDACTED]\ndone"},
		},
		{
			name:    "binary with NUL bytes",
			body:    "PK\x03\x04\x00\x00secret-in-zip",
			absent:  []string{"secret-in-zip", "PK"},
			present: []string{"[binary body, 19 bytes]"},
		},
		{
			name:    "binary that is not UTF-8",
			body:    "\xff\xfe\xfdpassword=hunter2",
			absent:  []string{"hunter2"},
			present: []string{"[binary body, 19 bytes]"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := redactBody([]byte(tc.body), tc.isRequest, tc.max)
			checkRedacted(t, out, tc.absent, tc.present)
		})
	}
	assert.Empty(t, redactBody(nil, true, 100), "an empty body")
}

// TestRedactBodyTruncation checks the output limit: exact cut points,
// never inside a UTF-8 sequence, and the marker's count.
func TestRedactBodyTruncation(t *testing.T) {
	cases := []struct {
		name string
		body string
		max  int
		want string
	}{
		{"under the limit", "héllo", 100, "héllo"},
		{"exactly the limit", "héllo", 6, "héllo"},
		{"cut before a two-byte char", "héllo", 2, "h…(5 more bytes)"},
		{"cut inside a three-byte char", "a€b", 3, "a…(4 more bytes)"},
		{"cut inside a four-byte char at the start", "😀x", 2, "…(5 more bytes)"},
		{"no limit", "héllo", 0, "héllo"},
		{"negative limit means none", "héllo", -1, "héllo"},
		{"JSON output is cut too", `{"b":"é","a":"x"}`, 12, `{"a":"x","b"…(6 more bytes)`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := redactBody([]byte(tc.body), false, tc.max)
			assert.Equal(t, tc.want, got, "redactBody(%q, max %d)", tc.body, tc.max)
			assert.True(t, utf8.ValidString(got), "output is not valid UTF-8: %q", got)
		})
	}
}

// TestRedactBodyLongText checks that a text far longer than the limit is
// cut, counted in full, and still scrubbed at the cut.
func TestRedactBodyLongText(t *testing.T) {
	body := strings.Repeat("é", 5000) + " Bearer long-bearer-secret " + strings.Repeat("x", 20000)
	max := 10000 + len(" Bearer long-bear")
	out := redactBody([]byte(body), false, max)
	checkRedacted(t, out, []string{"long-bear"}, []string{" Bearer [REDACTED…("})
	kept, marker, found := strings.Cut(out, "…(")
	require.True(t, found, "no truncation marker in %q", out[len(out)-40:])
	assert.LessOrEqual(t, len(kept), max, "bytes kept")
	wantMarker := "more bytes)"
	assert.True(t, strings.HasSuffix(marker, wantMarker), "marker %q does not end in %q", marker, wantMarker)
	scrubbedLen := len(body) - len("long-bearer-secret") + len(redactedText)
	want := "…(" + itoa(scrubbedLen-len(kept)) + " more bytes)"
	assert.True(t, strings.HasSuffix(out, want), "output ends %q, want %q", out[len(out)-30:], want)
}

// itoa formats n in decimal.
func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestRedactURL checks URL redaction for URLs and for other strings.
func TestRedactURL(t *testing.T) {
	cases := []struct {
		in, want string
	}{
		{"https://archivist.terraform.io/v1/object/dGhlLXNlY3JldA", "https://archivist.terraform.io/[REDACTED]"},
		{"https://tfe.example.com:8443/_archivist/v1/object/abc?sig=x", "https://tfe.example.com:8443/[REDACTED]"},
		{"https://storage.example.com/v1/object/xyz", "https://storage.example.com/[REDACTED]"},
		{"https://user:pw-secret@archivist.example.com", "https://archivist.example.com"},
		{"https://app.terraform.io", "https://app.terraform.io"},
		{"https://app.terraform.io/api/v2/workspaces?x=%zz", "https://app.terraform.io/[REDACTED]"},
		{"/_archivist/v1/object/relative-secret", redactedText},
		{"archivist.terraform.io/abc", redactedText},
		{"signature=abc&x=1", redactedText},
		{"Bearer abc", redactedText},
		{"ws-123", "ws-123"},
		{"not a url: https", "not a url: https"},
		{"", ""},
		{"1http://x/y", "1http://x/y"},
		{"http:///path", "http:///path"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, redactURL(tc.in), "redactURL(%q)", tc.in)
	}
}

// fuzzSeed is one seed of FuzzRedactBody; testdata/fuzz/FuzzRedactBody
// holds the same seeds as corpus files.
type fuzzSeed struct {
	// body is the HTTP body.
	body string
	// contentType is the declared content type.
	contentType string
	// isRequest is true for a body the SDK sends.
	isRequest bool
	// max is the output limit.
	max int
	// secret is wrapped into a password field by the fuzz function.
	secret string
}

// fuzzSeeds are realistic bodies to start fuzzing from.
var fuzzSeeds = []fuzzSeed{
	{`{"data":{"id":"var-1","type":"vars","attributes":{"key":"k","value":"v","sensitive":true}}}`, jsonAPI, false, 4096, "hunter2hunter2"},
	{`{"data":{"type":"smtp-settings","attributes":{"host":"smtp.example.com","password":"p","test-email-address":"a@example.com"}}}`, jsonAPI, true, 64, "correct horse battery"},
	{`{"data":{"attributes":{"hosted-state-download-url":"https://archivist.terraform.io/v1/object/abc"}}}`, "application/json", false, 0, "s3cr3t-value-é"},
	{`<html><p>Bearer abc.atlasv1.def</p></html>`, "text/html", false, 20, "bearer-secret-1"},
	{"Workspace update completed", "text/plain", false, 10, "12345678"},
	{`{"data":{"attributes":{"password":"cut`, jsonAPI, true, 4096, "unterminated"},
	{"\x00\x01binary\xff", "application/octet-stream", false, 4096, "binarysecret"},
}

// FuzzRedactBody checks that redactBody never panics, always returns valid
// UTF-8 within the limit, and never leaks a password wrapped into a JSON
// object built from the fuzzed body.
func FuzzRedactBody(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s.body), s.contentType, s.isRequest, s.max, s.secret)
	}
	f.Fuzz(func(t *testing.T, body []byte, contentType string, isRequest bool, max int, secret string) {
		out := redactBody(body, isRequest, max)
		require.True(t, utf8.ValidString(out), "output is not valid UTF-8: %q", out)
		if max > 0 {
			// len(out)-max, not len(out) <= max+64: max+64 may overflow.
			require.LessOrEqual(t, len(out)-max, 64, "output is %d bytes, limit %d", len(out), max)
		}
		checkPasswordRedacted(t, body, contentType, isRequest, secret)
	})
}

// checkPasswordRedacted puts secret as "password" into the fuzzed body (or
// a realistic body around it, when the fuzzed one is no JSON object) and
// fails t if secret survives redaction. Inputs where secret also appears
// elsewhere, needs JSON escaping, or is shorter than 8 bytes are skipped;
// so are outputs where the secret appears even when the password holds
// something else, since then it was not the password that leaked.
func checkPasswordRedacted(t *testing.T, body []byte, contentType string, isRequest bool, secret string) {
	if len(secret) < 8 || !utf8.ValidString(secret) || quoteJSON(secret) != `"`+secret+`"` {
		return
	}
	withSecret, ok := bodyWithPassword(body, secret)
	if !ok || strings.Count(string(withSecret), secret) != 1 {
		return
	}
	reference, _ := bodyWithPassword(body, "x")
	if strings.Contains(redactBody(reference, isRequest, 0), secret) {
		return
	}
	require.NotContains(t, redactBody(withSecret, isRequest, 0), secret, "the password leaked from %s", withSecret)
}

// bodyWithPassword returns body with a top-level "password": password
// when body is a JSON object, else a settings body holding both.
func bodyWithPassword(body []byte, password string) ([]byte, bool) {
	var obj map[string]any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if dec.Decode(&obj) != nil || obj == nil {
		obj = map[string]any{"data": map[string]any{
			"type": "smtp-settings",
			"attributes": map[string]any{
				"host": "smtp.example.com", "note": string(body),
				"password": password,
			},
		}}
	} else {
		obj["password"] = password
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(obj)
	return buf.Bytes(), err == nil
}

// quoteJSON returns s as a JSON string without HTML escaping.
func quoteJSON(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(buf.String(), "\n")
}

// workspaceListBody returns a JSON:API list response of n workspaces with
// a sensitive variable each, about 600 bytes per workspace.
func workspaceListBody(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"data":[`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"id":"ws-` + itoa(i) + `","type":"workspaces","attributes":{"name":"workspace-` + itoa(i) +
			`","auto-apply":false,"created-at":"2024-01-01T00:00:00Z","terraform-version":"1.9.0","working-directory":"",` +
			`"execution-mode":"remote","description":"A workspace with a \"quoted\" description and a link https://app.terraform.io/app/org/ws"},` +
			`"relationships":{"vars":{"data":[{"id":"var-` + itoa(i) + `","type":"vars","attributes":{"key":"k","value":"secret","sensitive":true}}]},` +
			`"organization":{"data":{"id":"org","type":"organizations"}}},"links":{"self":"/api/v2/workspaces/ws-` + itoa(i) + `"}}`)
	}
	b.WriteString(`],"meta":{"pagination":{"current-page":1,"total-count":` + itoa(n) + `}}}`)
	return []byte(b.String())
}

// BenchmarkRedactBodyJSON measures a 100-workspace list response.
func BenchmarkRedactBodyJSON(b *testing.B) {
	body := workspaceListBody(100)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		redactBody(body, false, 64<<10)
	}
}

// BenchmarkRedactBodyHTML measures a 100 KB proxy error page.
func BenchmarkRedactBodyHTML(b *testing.B) {
	body := []byte(strings.Repeat(`<div class="row"><a href="https://app.terraform.io/app/org/ws">link</a> text</div>`+"\n", 1200))
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		redactBody(body, false, 0)
	}
}

// BenchmarkRedactHeaders measures a typical request's headers.
func BenchmarkRedactHeaders(b *testing.B) {
	h := http.Header{
		"Authorization": {"Bearer abc.atlasv1.def"},
		"Content-Type":  {jsonAPI},
		"User-Agent":    {"tfe-sdk"},
		"X-Request-Id":  {"req-1"},
	}
	for b.Loop() {
		redactHeaders(h)
	}
}
