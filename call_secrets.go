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

// scrubAPIError removes the call's secrets from every part of e a caller
// may print or log: each error object's status, code, title, detail,
// source and meta, and the excerpt of a body that was not a JSON:API
// error document.
func scrubAPIError(secrets []string, e *APIError) {
	for _, obj := range e.Errors {
		if obj == nil {
			continue
		}
		for _, field := range []*string{&obj.Status, &obj.Code, &obj.Title, &obj.Detail} {
			*field = scrubString(secrets, *field)
		}
		if obj.Source != nil {
			obj.Source.Pointer = scrubString(secrets, obj.Source.Pointer)
			obj.Source.Parameter = scrubString(secrets, obj.Source.Parameter)
		}
		obj.Meta = scrubMeta(secrets, obj.Meta)
	}
	e.Excerpt = scrubString(secrets, e.Excerpt)
}

// scrubMeta returns meta with the secrets removed from its keys and from
// every string it holds, however deep.
func scrubMeta(secrets []string, meta map[string]any) map[string]any {
	if meta == nil {
		return nil
	}
	out := make(map[string]any, len(meta))
	for k, v := range meta {
		out[scrubString(secrets, k)] = scrubValue(secrets, v)
	}
	return out
}

// scrubValue returns a decoded JSON value with the secrets removed from
// its strings.
func scrubValue(secrets []string, v any) any {
	switch t := v.(type) {
	case string:
		return scrubString(secrets, t)
	case map[string]any:
		return scrubMeta(secrets, t)
	case []any:
		out := make([]any, len(t))
		for i := range t {
			out[i] = scrubValue(secrets, t[i])
		}
		return out
	}
	return v
}
