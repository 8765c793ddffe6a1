package tfetest

import (
	"net/http"
	"net/url"
	"strings"
)

// mediaType is the JSON:API media type every request body and answer uses.
const mediaType = "application/vnd.api+json"

// resource is one JSON:API resource object in an answer.
type resource struct {
	ID            string                  `json:"id"`
	Type          string                  `json:"type"`
	Attributes    map[string]any          `json:"attributes,omitempty"`
	Relationships map[string]relationship `json:"relationships,omitempty"`
	Links         map[string]string       `json:"links,omitempty"`
}

// relationship is one member of a resource's relationships. Data is an
// *ident (nil answers null), a []ident or a []resource (inline attributes,
// as the variable set create answer shows).
type relationship struct {
	Data  any               `json:"data"`
	Links map[string]string `json:"links,omitempty"`
}

// ident is a resource identifier object.
type ident struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

// toOne builds a to-one relationship; an empty id answers null.
func toOne(typ, id string) relationship {
	if id == "" {
		return relationship{Data: nil}
	}
	return relationship{Data: &ident{ID: id, Type: typ}}
}

// toMany builds a to-many relationship; no ids answer an empty array.
func toMany(typ string, ids []string) relationship {
	out := make([]ident, 0, len(ids))
	for _, id := range ids {
		out = append(out, ident{ID: id, Type: typ})
	}
	return relationship{Data: out}
}

// document is a whole answer: one resource or a list, plus included
// resources, and for paginated lists links and meta.
type document struct {
	Data     any        `json:"data"`
	Included []resource `json:"included,omitempty"`
	Links    any        `json:"links,omitempty"`
	Meta     any        `json:"meta,omitempty"`
}

// parseInclude reads the include query parameter and checks every value
// against allowed; an unknown value answers 400 as the service does.
func parseInclude(r *http.Request, allowed ...string) (map[string]bool, *apiError) {
	raw := r.URL.Query().Get("include")
	out := map[string]bool{}
	if raw == "" {
		return out, nil
	}
	for _, v := range strings.Split(raw, ",") {
		v = strings.TrimSpace(v)
		ok := false
		for _, a := range allowed {
			if v == a {
				ok = true
			}
		}
		if !ok {
			return nil, errBadRequest("include value "+quote(v)+" is not one of: "+strings.Join(allowed, ", "), "include")
		}
		out[v] = true
	}
	return out, nil
}

// apiPath builds an absolute API path from escaped segments, for links.
func apiPath(segments ...string) string {
	var b strings.Builder
	b.WriteString("/api/v2")
	for _, s := range segments {
		b.WriteByte('/')
		b.WriteString(url.PathEscape(s))
	}
	return b.String()
}

// absoluteURL is the URL of path (and the query rawQuery, if any) on the
// server r was sent to, for links a client follows as they are.
func absoluteURL(r *http.Request, path, rawQuery string) string {
	u := url.URL{Scheme: "http", Host: r.Host, Path: path, RawQuery: rawQuery}
	if r.TLS != nil {
		u.Scheme = "https"
	}
	return u.String()
}

func quote(s string) string { return `"` + s + `"` }
