package tfetest

import (
	"net/http"
	"slices"
	"sync"
)

// Request is one request the server received, as Requests reports it.
// The bearer token is never kept; Authorized says whether it was right.
type Request struct {
	// Method is the HTTP method.
	Method string
	// Path is the URL path, e.g. /api/v2/workspaces/ws-…/vars.
	Path string
	// RawQuery is the URL query, still encoded.
	RawQuery string
	// ContentType is the Content-Type header as sent.
	ContentType string
	// Body is the request body as sent.
	Body []byte
	// Authorized reports whether the request carried a token the server
	// accepts: its own or a team token.
	Authorized bool
}

type recorder struct {
	mu   sync.Mutex
	list []Request
}

func (rc *recorder) add(r *http.Request, body []byte, authorized bool) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.list = append(rc.list, Request{
		Method:      r.Method,
		Path:        r.URL.Path,
		RawQuery:    r.URL.RawQuery,
		ContentType: r.Header.Get("Content-Type"),
		Body:        slices.Clone(body),
		Authorized:  authorized,
	})
}

// Requests returns a copy of every request received since the server
// started or ResetRequests was last called, in the order they arrived.
func (s *Server) Requests() []Request {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	out := make([]Request, len(s.rec.list))
	for i, r := range s.rec.list {
		r.Body = slices.Clone(r.Body)
		out[i] = r
	}
	return out
}

// ResetRequests forgets the requests received so far.
func (s *Server) ResetRequests() {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	s.rec.list = nil
}
