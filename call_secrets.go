package tfe

import (
	"bytes"
	"encoding/json"
	"strings"
)

// The log redactor masks secrets by the name of the key that holds them.
// A call that sends a secret it knows by value (a sensitive variable's
// value, the SMTP password, the address of a test email, and always the
// API token) lists it in call.secrets: the call's logged bodies and its
// error never show it, even where the service echoes it back under
// another key or in an error detail.

// scrubSecrets replaces every one of secrets in body, as written and as
// JSON string content, with redactedText. A very short secret masks
// every place it occurs, wanted or not, which costs readability, never
// secrecy.
func scrubSecrets(secrets []string, body []byte) []byte {
	for _, s := range secrets {
		if s == "" {
			continue
		}
		for _, form := range secretForms(s) {
			body = bytes.ReplaceAll(body, []byte(form), []byte(redactedText))
		}
	}
	return body
}

// scrubString is scrubSecrets for a string.
func scrubString(secrets []string, s string) string {
	if len(secrets) == 0 {
		return s
	}
	return string(scrubSecrets(secrets, []byte(s)))
}

// secretForms lists the ways s appears in a body, longest escaping first
// so that replacing one form cannot break another: JSON-escaped with HTML
// escaping (as encoding/json writes requests), JSON-escaped without it,
// and as written.
func secretForms(s string) []string {
	html, _ := json.Marshal(s)
	var plain bytes.Buffer
	enc := json.NewEncoder(&plain)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return dedupe([]string{unquote(string(html)), unquote(strings.TrimSuffix(plain.String(), "\n")), s})
}

// unquote drops the quotes around a JSON string literal.
func unquote(lit string) string { return lit[1 : len(lit)-1] }

// dedupe drops repeated strings, keeping the first of each.
func dedupe(items []string) []string {
	out := items[:0]
	seen := make(map[string]bool, len(items))
	for _, it := range items {
		if !seen[it] {
			seen[it] = true
			out = append(out, it)
		}
	}
	return out
}

// scrubAPIError removes the call's secrets from the parts of e that its
// message shows: each error object's title, detail and code, and the
// excerpt of a body that was not a JSON:API error document.
func scrubAPIError(secrets []string, e *APIError) {
	for _, obj := range e.Errors {
		if obj != nil {
			obj.Title = scrubString(secrets, obj.Title)
			obj.Detail = scrubString(secrets, obj.Detail)
			obj.Code = scrubString(secrets, obj.Code)
		}
	}
	e.Excerpt = scrubString(secrets, e.Excerpt)
}
