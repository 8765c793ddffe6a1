package tfe

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
)

// The log redactor masks secrets by the name of the key that holds them.
// A call that sends a write-only secret it knows by value (the SMTP
// password, the address of a test email) also registers the value on its
// context: the call's logged bodies and its error never show it, even
// where the service echoes it back under another key or in an error
// detail.

// callSecretsKey is the context key of a call's secret values.
type callSecretsKey struct{}

// withCallSecrets returns a context under which the request and answer
// bodies logged for a call, and its *APIError, never show any of values.
// Empty values are ignored; a very short value masks every place it
// occurs, wanted or not, which costs readability, never secrecy.
func withCallSecrets(ctx context.Context, values ...string) context.Context {
	secrets := callSecrets(ctx)
	for _, v := range values {
		if v != "" {
			secrets = append(secrets, v)
		}
	}
	if len(secrets) == 0 {
		return ctx
	}
	return context.WithValue(ctx, callSecretsKey{}, secrets)
}

// callSecrets returns a copy of the secret values registered on ctx.
func callSecrets(ctx context.Context) []string {
	secrets, _ := ctx.Value(callSecretsKey{}).([]string)
	return append([]string(nil), secrets...)
}

// scrubCallSecrets replaces every registered secret in body, as written
// and as JSON string content, with redactedText.
func scrubCallSecrets(ctx context.Context, body []byte) []byte {
	for _, s := range callSecrets(ctx) {
		for _, form := range secretForms(s) {
			body = bytes.ReplaceAll(body, []byte(form), []byte(redactedText))
		}
	}
	return body
}

// scrubString is scrubCallSecrets for a string.
func scrubString(ctx context.Context, s string) string {
	return string(scrubCallSecrets(ctx, []byte(s)))
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
func scrubAPIError(ctx context.Context, e *APIError) {
	for _, obj := range e.Errors {
		if obj != nil {
			obj.Title = scrubString(ctx, obj.Title)
			obj.Detail = scrubString(ctx, obj.Detail)
			obj.Code = scrubString(ctx, obj.Code)
		}
	}
	e.Excerpt = scrubString(ctx, e.Excerpt)
}
