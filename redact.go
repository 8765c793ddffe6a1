package tfe

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the pure functions the request logger calls so that no
// secret is ever written to a log: header, body and URL redaction. They
// never panic, whatever the input, and always return valid UTF-8.
//
// What it covers is what this client can send and receive. The services
// send the API token (a header), sensitive variable values, the SMTP
// password and test address; each call also scrubs the values it knows
// it sends (call.secrets, call_secrets.go). Through the raw-request escape
// hatch the client reaches every other endpoint under /api/v2/, and the
// redirects those follow, so the rules also cover what any of them can
// carry:
//   - headers and JSON keys and query parameters named for a secret
//     (tokens of team, organization and user token answers, OAuth client
//     secrets, run task HMAC keys, webhook signatures, Authorization and
//     cookies a caller adds to Config.Headers);
//   - the values of a request's "value" (every variable, SSH key and
//     policy set parameter create), "state" and "json-state" (a state
//     version upload) whatever their object says;
//   - PEM private keys (SSH keys, GitHub App keys), bearer credentials
//     and API tokens in free text, such as an error page that echoes a
//     header;
//   - hosted blob URLs (archivist, /v1/object/) that grant access by
//     themselves: state, plan and log download links, upload links;
//   - Terraform state and plan documents, which a state or plan JSON
//     download returns after a redirect: never logged, only their size.
// Nothing here is specific to an endpoint the client cannot reach.

// redactedText replaces a secret in logs.
const redactedText = "[REDACTED]"

// textScrubSlack is how many bytes past the output limit a text body is
// still scrubbed, so that a secret straddling the limit is recognised while
// a huge body is not scanned in full only to be cut.
const textScrubSlack = 4096

// secretWords mark a normalised name (lower case, no '-' or '_') of a
// header, JSON key or query parameter as naming a secret. "authorization"
// and "cookie" cover Authorization, Proxy-Authorization, Cookie and
// Set-Cookie, also where a JSON body echoes headers.
var secretWords = []string{
	"token", "secret", "password", "privatekey", "apikey",
	"credential", "hmackey", "signature", "authorization", "cookie",
}

// secretKeyNames are normalised JSON keys that are secret although they
// contain no secret word: the write-only SMTP test address.
var secretKeyNames = []string{"testemailaddress"}

// requestSecretKeyNames are normalised JSON keys whose values are secret in
// a body the SDK sends: variable values (the SDK cannot know whether the
// variable it updates is sensitive) and uploaded state, which holds every
// secret of the infrastructure it describes.
var requestSecretKeyNames = []string{"value", "state", "jsonstate", "jsonstateoutputs"}

// secretQueryNames are normalised query parameter names that carry a
// secret in signed and keyed URLs although they contain no secret word.
var secretQueryNames = []string{"sig", "key"}

// plainKeyNames are dashed JSON keys (lower case, '_' read as '-') that
// never hold a secret although they contain a secret word; the value under
// them is walked like any other.
var plainKeyNames = []string{"id", "type", "token-ttl-policies"}

// plainKeySuffixes end dashed JSON keys that hold identifiers, kinds,
// switches, durations and timestamps rather than secrets.
var plainKeySuffixes = []string{"-id", "-ids", "-type", "-enabled", "-ms", "-at"}

// hostedURLKeyWords mark a dashed JSON key ending in "-url" as holding a
// URL that grants access to a hosted blob by itself.
var hostedURLKeyWords = []string{"hosted", "upload", "download", "log-read", "archiv"}

// Patterns that scrubText removes from free text; compiled once.
var (
	// privateKeyPattern matches a PEM private key block, or its start
	// when the text ends inside it.
	privateKeyPattern = regexp.MustCompile(`-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?s:.*?)(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)`)
	// bearerPattern matches a bearer credential; group 1 is the part kept.
	bearerPattern = regexp.MustCompile(`(?i)(\bbearer\s+)[^\s"'<>\\]+`)
	// apiTokenPattern matches an HCP Terraform API token, whose middle
	// part is ".atlasv1.".
	apiTokenPattern = regexp.MustCompile(`\b[A-Za-z0-9]+\.atlasv1\.[A-Za-z0-9_\-]+`)
	// urlPattern matches an absolute URL, or a bare blob path.
	urlPattern = regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.\-]*://[^\s"'<>\\]+|/_archivist/[^\s"'<>\\]*|/v1/object/[^\s"'<>\\]*`)
	// quotedPairPattern matches a JSON-like "key": value pair in text,
	// also one cut off inside its value; group 1 is the key, group 2 the
	// value. (A bounded key length, {1,128}, would make matching some
	// fifty times slower.)
	quotedPairPattern = regexp.MustCompile(`"((?:[^"\\]|\\.)+)"\s*:\s*("(?:[^"\\]|\\.)*"?|[^\s,}\]"{\[]+)`)
)

// redactHeaders returns a copy of h in which every secret-bearing header
// value is replaced by redactedText. h is not modified.
//
// A header is secret-bearing when its name says so (Authorization,
// Proxy-Authorization, Cookie, Set-Cookie, or any name containing a secret
// word such as "token" or "api-key"). Other values are scrubbed like text,
// so that a Location header pointing at a hosted blob loses its secret.
func redactHeaders(h http.Header) http.Header {
	if h == nil {
		return nil
	}
	out := make(http.Header, len(h))
	for name, values := range h {
		out[name] = redactHeaderValues(name, values)
	}
	return out
}

// redactHeaderValues returns a redacted copy of the values of the header
// called name.
func redactHeaderValues(name string, values []string) []string {
	secret := isSecretHeader(name)
	out := make([]string, len(values))
	for i, v := range values {
		if secret {
			out[i] = redactedText
		} else {
			out[i] = scrubText(v, false)
		}
	}
	return out
}

// isSecretHeader reports whether the header called name carries a secret.
func isSecretHeader(name string) bool {
	return containsAny(normaliseKey(name), secretWords)
}

// redactBody returns a loggable, redacted form of an HTTP body, cut to at
// most max bytes of output (plus a short marker such as
// "…(1234 more bytes)"); max <= 0 means no limit. isRequest is true for
// bodies the SDK sends.
//
// A body that parses as JSON is redacted key by key and re-encoded
// compactly with sorted keys; any other text is scrubbed of bearer
// credentials, API tokens, private keys, secret URLs and "key": value pairs
// that name a secret; a binary body is summarised by its size. The body
// itself decides, not its Content-Type: proxies answer JSON endpoints with
// HTML, and blob storage serves JSON as octet streams.
func redactBody(body []byte, isRequest bool, max int) string {
	switch {
	case len(body) == 0:
		return ""
	case isBinary(body):
		return fmt.Sprintf("[binary body, %d bytes]", len(body))
	}
	if out, ok := redactJSON(body, isRequest); ok {
		return truncateUTF8(out, max, 0)
	}
	return redactText(string(body), isRequest, max)
}

// isBinary reports whether body is not loggable text: not UTF-8, or
// holding NUL bytes.
func isBinary(body []byte) bool {
	return !utf8.Valid(body) || bytes.IndexByte(body, 0) >= 0
}

// redactText scrubs a text body and cuts it to max bytes. Only the first
// max+textScrubSlack bytes are scrubbed; the rest would be cut anyway.
func redactText(text string, isRequest bool, max int) string {
	skipped := 0
	if max > 0 && len(text)-max > textScrubSlack {
		head := cutUTF8(text, max+textScrubSlack)
		skipped = len(text) - len(head)
		text = head
	}
	return truncateUTF8(scrubText(text, isRequest), max, skipped)
}

// truncateUTF8 cuts s to at most max bytes (no limit when max <= 0)
// without splitting a UTF-8 sequence, and appends a marker counting the
// bytes left out, including skipped bytes already dropped by the caller.
func truncateUTF8(s string, max, skipped int) string {
	if max > 0 && len(s) > max {
		kept := cutUTF8(s, max)
		skipped += len(s) - len(kept)
		s = kept
	}
	if skipped == 0 {
		return s
	}
	return fmt.Sprintf("%s…(%d more bytes)", s, skipped)
}

// cutUTF8 returns the longest prefix of s of at most n bytes that does not
// end inside a UTF-8 sequence. n must be less than len(s).
func cutUTF8(s string, n int) string {
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// redactJSON redacts a body that parses as one JSON value and re-encodes
// it compactly with sorted keys. ok is false when body is not JSON.
func redactJSON(body []byte, isRequest bool) (out string, ok bool) {
	doc, ok := decodeJSON(body)
	if !ok {
		return "", false
	}
	if isTerraformDocument(doc) {
		return fmt.Sprintf("[terraform state or plan, %d bytes]", len(body)), true
	}
	r := jsonRedactor{isRequest: isRequest}
	return encodeJSON(r.walk(doc, "", false)), true
}

// decodeJSON parses body as exactly one JSON value, keeping numbers as
// written. ok is false when body is anything else.
func decodeJSON(body []byte) (doc any, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, false
	}
	return doc, true
}

// encodeJSON encodes a decoded JSON document compactly, with object keys
// sorted and without HTML escaping.
func encodeJSON(doc any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		// Unreachable for a decoded document; never log the raw body.
		return "[unencodable JSON body]"
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// isTerraformDocument reports whether doc is a Terraform state or plan in
// Terraform's own JSON formats (top-level "terraform_version"): these hold
// every secret of the infrastructure in plain form and are never logged.
func isTerraformDocument(doc any) bool {
	obj, ok := doc.(map[string]any)
	if !ok {
		return false
	}
	_, ok = obj["terraform_version"]
	return ok
}

// jsonRedactor walks a decoded JSON document and redacts its secrets in
// place.
type jsonRedactor struct {
	// isRequest is true for a body the SDK sends.
	isRequest bool
}

// walk returns v with its secrets redacted. key is the object key v sits
// under (array elements inherit their array's key), and inSecret reports
// whether v is inside a value whose key names a secret: there every scalar
// is redacted, except under keys that plainly hold no secret, such as IDs.
func (r jsonRedactor) walk(v any, key string, inSecret bool) any {
	switch t := v.(type) {
	case map[string]any:
		r.walkObject(t, inSecret)
		return t
	case []any:
		for i := range t {
			t[i] = r.walk(t[i], key, inSecret)
		}
		return t
	case string:
		return r.redactString(key, t, inSecret)
	case nil:
		return nil
	default: // bool or json.Number
		if inSecret {
			return redactedText
		}
		return t
	}
}

// walkObject redacts the values of obj in place.
func (r jsonRedactor) walkObject(obj map[string]any, inSecret bool) {
	sensitive := obj["sensitive"] == true
	for k, v := range obj {
		obj[k] = r.walk(v, k, r.keyIsSecret(k, sensitive, inSecret))
	}
}

// keyIsSecret reports whether the value under key, in an object that is
// marked sensitive or not and sits inside a secret or not, is secret.
func (r jsonRedactor) keyIsSecret(key string, sensitive, inSecret bool) bool {
	switch {
	case isPlainKey(key):
		return false
	case inSecret || keyNamesSecret(key, r.isRequest):
		return true
	default:
		return sensitive && strings.EqualFold(key, "value")
	}
}

// redactString returns the redacted form of the string s found under key.
func (r jsonRedactor) redactString(key, s string, inSecret bool) string {
	switch {
	case s == "":
		return s
	case inSecret:
		return redactedText
	case isHostedURLKey(key):
		return redactHostedURL(s)
	case isSecretURL(s):
		return redactURL(s)
	default:
		return scrubText(s, r.isRequest)
	}
}

// keyNamesSecret reports whether the value under key is secret by the
// key's name alone.
func keyNamesSecret(key string, isRequest bool) bool {
	if isPlainKey(key) {
		return false
	}
	name := normaliseKey(key)
	return containsAny(name, secretWords) ||
		slices.Contains(secretKeyNames, name) ||
		(isRequest && slices.Contains(requestSecretKeyNames, name))
}

// isPlainKey reports whether key plainly holds no secret although it may
// contain a secret word: IDs, types, switches, durations, timestamps.
func isPlainKey(key string) bool {
	k := dashedKey(key)
	return slices.Contains(plainKeyNames, k) || hasAnySuffix(k, plainKeySuffixes)
}

// isHostedURLKey reports whether key names a URL that by itself grants
// access to a hosted blob, such as "hosted-state-download-url".
func isHostedURLKey(key string) bool {
	k := dashedKey(key)
	return strings.HasSuffix(k, "-url") && containsAny(k, hostedURLKeyWords)
}

// redactHostedURL returns the non-empty string s, found under a hosted URL
// key, without its secret: scheme and host of a URL, else redactedText.
func redactHostedURL(s string) string {
	if p, ok := splitAbsoluteURL(s); ok {
		return p.withoutSecret()
	}
	return redactedText
}

// normaliseKey returns name in lower case without '-' and '_'.
func normaliseKey(name string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' {
			return -1
		}
		return unicode.ToLower(r)
	}, name)
}

// dashedKey returns name in lower case with '_' read as '-'.
func dashedKey(name string) string {
	return strings.ReplaceAll(strings.ToLower(name), "_", "-")
}

// containsAny reports whether s contains any of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// hasAnySuffix reports whether s ends with any of suffixes.
func hasAnySuffix(s string, suffixes []string) bool {
	for _, suffix := range suffixes {
		if strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}

// redactURL returns u with any embedded secret removed (hosted blob URLs
// carry their secret in the URL).
//
// An absolute URL keeps its scheme and host; its path, query and fragment
// become "/[REDACTED]" and any user information is dropped. A string that
// is not an absolute URL is returned as redactedText if it looks like it
// contains a secret (a blob path, a secret query parameter, a bearer
// credential, an API token), otherwise unchanged.
func redactURL(u string) string {
	p, ok := splitAbsoluteURL(u)
	switch {
	case ok:
		return p.withoutSecret()
	case looksSecret(u):
		return redactedText
	default:
		return u
	}
}

// looksSecret reports whether s, which is not an absolute URL, looks like
// it contains a secret.
func looksSecret(s string) bool {
	return isBlobURL(s) || hasSecretQuery(s) || scrubText(s, false) != s
}

// urlParts is an absolute URL split just enough to redact it.
type urlParts struct {
	// scheme is the part before "://".
	scheme string
	// userinfo is the part of the authority before '@', if any.
	userinfo string
	// host is the rest of the authority: host name and port.
	host string
	// rest is path, query and fragment.
	rest string
}

// splitAbsoluteURL splits s of the form scheme://[userinfo@]host[rest].
// It is lenient about what it does not need: unlike url.Parse, bad escapes
// do not stop it from finding the host. ok is false when s has no scheme
// or no host.
func splitAbsoluteURL(s string) (p urlParts, ok bool) {
	scheme, afterScheme, found := strings.Cut(s, "://")
	if !found || !isURLScheme(scheme) {
		return urlParts{}, false
	}
	authority, rest := afterScheme, ""
	if i := strings.IndexAny(afterScheme, "/?#"); i >= 0 {
		authority, rest = afterScheme[:i], afterScheme[i:]
	}
	userinfo, host := "", authority
	if i := strings.LastIndexByte(authority, '@'); i >= 0 {
		userinfo, host = authority[:i], authority[i+1:]
	}
	if host == "" {
		return urlParts{}, false
	}
	return urlParts{scheme: scheme, userinfo: userinfo, host: host, rest: rest}, true
}

// isURLScheme reports whether s is a valid URL scheme (RFC 3986).
func isURLScheme(s string) bool {
	for i, c := range s {
		isLetter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		isOther := '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'
		if !isLetter && (i == 0 || !isOther) {
			return false
		}
	}
	return s != ""
}

// withoutSecret returns the URL's scheme and host, followed by
// "/[REDACTED]" if it had a path, query or fragment.
func (p urlParts) withoutSecret() string {
	origin := p.scheme + "://" + p.host
	if p.rest == "" {
		return origin
	}
	return origin + "/" + redactedText
}

// isSecretURL reports whether s is an absolute URL that carries a secret:
// a hosted blob URL, user information, or a secret query parameter.
func isSecretURL(s string) bool {
	p, ok := splitAbsoluteURL(s)
	return ok && (p.userinfo != "" || isBlobURL(s) || hasSecretQuery(p.rest))
}

// isBlobURL reports whether s is a hosted blob URL, or a blob path: its
// path contains "/_archivist/" or "/v1/object/", or its host starts with
// "archivist.".
func isBlobURL(s string) bool {
	host, path := strings.TrimPrefix(s, "//"), s
	if p, ok := splitAbsoluteURL(s); ok {
		host, path = p.host, p.rest
	}
	path, _, _ = strings.Cut(path, "?")
	return hasPrefixFold(host, "archivist.") ||
		strings.Contains(path, "/_archivist/") ||
		strings.Contains(path, "/v1/object/")
}

// hasPrefixFold reports whether s starts with prefix, ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// hasSecretQuery reports whether the query in s (after '?', or all of s
// when it has none) has a parameter whose name names a secret.
func hasSecretQuery(s string) bool {
	if _, query, found := strings.Cut(s, "?"); found {
		s = query
	}
	s, _, _ = strings.Cut(s, "#")
	for param := range strings.FieldsFuncSeq(s, isQuerySeparator) {
		name, _, hasValue := strings.Cut(param, "=")
		if hasValue && isSecretQueryName(name) {
			return true
		}
	}
	return false
}

// isQuerySeparator reports whether r separates query parameters.
func isQuerySeparator(r rune) bool {
	return r == '&' || r == ';'
}

// isSecretQueryName reports whether the (possibly escaped) query parameter
// name names a secret.
func isSecretQueryName(name string) bool {
	if unescaped, err := url.QueryUnescape(name); err == nil {
		name = unescaped
	}
	return keyNamesSecret(name, false) || slices.Contains(secretQueryNames, normaliseKey(name))
}

// containsFold reports whether s contains word, a lower-case ASCII word,
// ignoring case.
func containsFold(s, word string) bool {
	first := word[0]
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == first && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// scrubText removes secrets from free text: private key blocks, bearer
// credentials, API tokens, secret-bearing URLs and blob paths, and the
// values of "key": value pairs whose key names a secret (isRequest as in
// redactBody).
//
// Each pattern only runs when a cheap literal search finds the text it
// needs, so ordinary text costs a few fast scans.
func scrubText(s string, isRequest bool) string {
	if strings.Contains(s, "PRIVATE KEY") {
		s = privateKeyPattern.ReplaceAllLiteralString(s, redactedText)
	}
	if containsFold(s, "bearer") {
		s = bearerPattern.ReplaceAllString(s, "${1}"+redactedText)
	}
	if strings.Contains(s, ".atlasv1.") {
		s = apiTokenPattern.ReplaceAllLiteralString(s, redactedText)
	}
	if containsAny(s, urlMarkers) {
		s = urlPattern.ReplaceAllStringFunc(s, redactURLIfSecret)
	}
	if strings.Contains(s, `"`) {
		s = redactQuotedPairs(s, isRequest)
	}
	return s
}

// urlMarkers are the literals one of which every urlPattern match holds.
var urlMarkers = []string{"://", "/_archivist/", "/v1/object/"}

// redactURLIfSecret returns redactURL(u) if u, a URL or blob path found in
// text, carries a secret, otherwise u.
func redactURLIfSecret(u string) string {
	if isBlobURL(u) || isSecretURL(u) {
		return redactURL(u)
	}
	return u
}

// redactQuotedPairs replaces the value of every "key": value pair in s
// whose key names a secret by a quoted redactedText. It catches secrets
// in JSON that does not parse, such as a body cut short.
func redactQuotedPairs(s string, isRequest bool) string {
	matches := quotedPairPattern.FindAllStringSubmatchIndex(s, -1)
	if matches == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range matches {
		key, valueStart, valueEnd := s[m[2]:m[3]], m[4], m[5]
		if !keyNamesSecret(unquoteJSONKey(key), isRequest) {
			continue
		}
		b.WriteString(s[last:valueStart])
		b.WriteString(`"` + redactedText + `"`)
		last = valueEnd
	}
	b.WriteString(s[last:])
	return b.String()
}

// unquoteJSONKey decodes the JSON escapes in key, the text between the
// quotes; a key that does not decode is returned as it is.
func unquoteJSONKey(key string) string {
	if !strings.Contains(key, `\`) {
		return key
	}
	var decoded string
	if err := json.Unmarshal([]byte(`"`+key+`"`), &decoded); err != nil {
		return key
	}
	return decoded
}
