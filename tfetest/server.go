package tfetest

import (
	"bytes"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"
)

// Server is an in-process fake of the HCP Terraform / Terraform Enterprise
// API, serving /api/v2/ from an in-memory store. Make one with NewServer and
// stop it with Close. All methods are safe for concurrent use.
type Server struct {
	// URL is the base URL of the server, http://127.0.0.1:<port>, without
	// the /api/v2/ base path.
	URL string
	// Token is the bearer token the server accepts.
	Token string

	cfg     config
	ts      *httptest.Server
	mux     *http.ServeMux
	st      *store
	faults  faultSet
	limiter *rateLimiter
	rec     recorder
}

// NewServer starts a fake server on a free loopback port (or the address
// given by WithAddr) and returns it. It panics if it cannot listen, like
// httptest.NewServer.
func NewServer(opts ...Option) *Server {
	cfg := config{token: defaultToken, clock: time.Now}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.clock == nil {
		cfg.clock = time.Now
	}
	s := &Server{Token: cfg.token, cfg: cfg, st: newStore(cfg.clock)}
	s.st.hcp = cfg.hcp
	if cfg.upgradeStates != nil {
		s.st.upgradeStates = cfg.upgradeStates
	}
	if cfg.rateLimit > 0 {
		s.limiter = newRateLimiter(cfg.rateLimitKind, cfg.rateLimit, cfg.clock)
	}
	s.mux = s.routes()
	for _, name := range cfg.orgs {
		s.AddOrganization(name, "")
	}
	s.ts = httptest.NewUnstartedServer(s)
	if cfg.addr != "" {
		l, err := net.Listen("tcp", cfg.addr)
		if err != nil {
			panic("tfetest: listen on " + cfg.addr + ": " + err.Error())
		}
		_ = s.ts.Listener.Close()
		s.ts.Listener = l
	}
	s.ts.Start()
	s.URL = s.ts.URL
	return s
}

// Close shuts the server down and waits for requests in flight to finish.
func (s *Server) Close() { s.ts.Close() }

// ServeHTTP answers one request: record it, apply latency, injected faults,
// authentication, rate limiting and the content-type rule, then route it.
// It is exported only so *Server is an http.Handler; tests use URL.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, maxBody))
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	if s.cfg.strict {
		r = withStrict(r)
	}
	who, authorized := s.identify(r)
	s.rec.add(r, body, authorized)
	s.serverHeaders(w.Header())
	if !sleep(r, s.cfg.latency) {
		return
	}
	if s.limiter != nil {
		w.Header().Set("X-RateLimit-Limit", strconv.Itoa(s.limit()))
	}
	fault := s.faults.match(r)
	if fault != nil && fault.When == BeforeApply {
		if !s.applyFault(w, r, fault, nil) {
			return
		}
		fault = nil // latency: go on and answer normally
	}
	buf := newBufferedWriter()
	apiErr := s.gate(r, body, authorized, buf)
	if apiErr == nil && authorized {
		apiErr = s.checkAccess(r, who)
	}
	if apiErr != nil {
		writeError(buf, apiErr)
	} else {
		s.mux.ServeHTTP(buf, r)
	}
	if fault != nil && !s.applyFault(w, r, fault, buf) {
		return
	}
	buf.flushTo(w)
}

// gate applies the rules every request passes before routing.
func (s *Server) gate(r *http.Request, body []byte, authorized bool, w http.ResponseWriter) *apiError {
	if strings.HasPrefix(r.URL.Path, uploadPath) {
		return nil // an upload link carries its own secret and any content type
	}
	if !authorized && r.URL.Path != "/api/v2/ping" {
		return errUnauthorized()
	}
	if s.limiter != nil {
		if ok, wait := s.limiter.allow(r.Header.Get("Authorization")); !ok {
			w.Header().Set("X-RateLimit-Reset", formatSeconds(wait))
			return rateLimited()
		}
	}
	if s.cfg.hcp && strings.HasPrefix(r.URL.Path, "/api/v2/admin/") {
		return errNotFound("the admin API is only available in Terraform Enterprise")
	}
	if len(body) > 0 {
		ct := r.Header.Get("Content-Type")
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != mediaType {
			return errUnsupportedMedia(ct)
		}
	}
	return nil
}

// limit is the rate the server reports in X-RateLimit-Limit: the
// configured rate, else the one WithPingRateLimit set, else the service's
// documented 30 per second; zero or less means no header. Answers carry
// the header only when WithRateLimit is set (so a client does not slow
// itself down for a limit the fake does not enforce); ping carries it
// unless WithPingRateLimit turned it off, since go-tfe reads it there.
func (s *Server) limit() int {
	switch {
	case s.cfg.rateLimit > 0:
		return s.cfg.rateLimit
	case s.cfg.pingLimit != 0:
		return s.cfg.pingLimit
	}
	return 30
}

// sleep waits d unless the request is cancelled first; it reports whether
// the request is still wanted.
func sleep(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// Server information headers, on every answer as the service sends them:
// the API version, the product's name, and for Terraform Enterprise its
// release (X-TFE-Version) and numeric version (X-TFE-Current-Version).
// Clients read them from GET /api/v2/ping to tell the two products apart.
const (
	apiVersion = "2.6"
	appNameHCP = "HCP Terraform"
	appNameTFE = "Terraform Enterprise"
	tfeRelease = "v202507-1"
	tfeNumeric = "1.1.0"
)

// serverHeaders sets the server information headers on h.
func (s *Server) serverHeaders(h http.Header) {
	h.Set("TFP-API-Version", apiVersion)
	if s.cfg.hcp {
		h.Set("TFP-AppName", appNameHCP)
		return
	}
	h.Set("TFP-AppName", appNameTFE)
	h.Set("X-TFE-Version", tfeRelease)
	h.Set("X-TFE-Current-Version", tfeNumeric)
}

// ping answers GET /api/v2/ping: 204 with the rate limit go-tfe reads when
// it builds a client (the server headers are on every answer). It needs no
// token.
func (s *Server) ping(w http.ResponseWriter, r *http.Request) {
	if n := s.limit(); n > 0 {
		w.Header().Set("X-RateLimit-Limit", strconv.Itoa(n))
	}
	w.WriteHeader(http.StatusNoContent)
}

// notFoundRoute answers any method and path the fake does not serve: a 404
// as for a missing resource, but titled so that a test can tell the two
// apart.
func notFoundRoute(w http.ResponseWriter, r *http.Request) {
	writeError(w, &apiError{
		Status: http.StatusNotFound, Title: unimplementedTitle,
		Detail: "tfetest does not serve " + r.Method + " " + r.URL.Path + " (the tfetest package doc lists the routes it serves)",
	})
}

// unimplementedTitle is the title of the 404 for a route tfetest does not
// serve; a missing resource's 404 is titled "not found".
const unimplementedTitle = "route not implemented by tfetest"

// bufferedWriter holds a handler's answer so an injected fault can replace
// or corrupt it after the store has applied the request.
type bufferedWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func newBufferedWriter() *bufferedWriter { return &bufferedWriter{header: http.Header{}} }

func (b *bufferedWriter) Header() http.Header { return b.header }

func (b *bufferedWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

func (b *bufferedWriter) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.body.Write(p)
}

func (b *bufferedWriter) flushTo(w http.ResponseWriter) {
	for k, v := range b.header {
		w.Header()[k] = v
	}
	if b.status == 0 {
		b.status = http.StatusOK
	}
	w.WriteHeader(b.status)
	_, _ = w.Write(b.body.Bytes())
}
