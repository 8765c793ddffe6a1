package tfetest

import (
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// FaultKind says what an injected fault does to a matching request.
type FaultKind int

const (
	// FaultStatus answers Fault.Status (default 503) with a JSON:API error
	// body.
	FaultStatus FaultKind = iota + 1
	// FaultRateLimit answers 429 with X-RateLimit-Limit (Fault.Limit,
	// default the server's limit) and X-RateLimit-Reset (Fault.Reset in
	// fractional seconds, default 0.1) and a JSON:API error body.
	FaultRateLimit
	// FaultConnReset closes the connection with a TCP reset and no answer.
	FaultConnReset
	// FaultLatency waits Fault.Delay and then answers normally. BeforeApply
	// waits before the store is touched, AfterApply after it applied the
	// request, so a client timeout leaves the change made.
	FaultLatency
	// FaultTruncatedBody answers a 2xx whose Content-Length is larger than
	// the bytes written, then closes the connection.
	FaultTruncatedBody
	// FaultCutJSON answers a 2xx whose JSON body stops half way; the
	// Content-Length matches the bytes sent.
	FaultCutJSON
	// FaultHTMLBody answers Fault.Status (default 502) with a text/html
	// page, as a proxy in front of the service does.
	FaultHTMLBody
	// FaultEmptyBody answers Fault.Status (default 502) with no body.
	FaultEmptyBody
	// FaultMalformedJSON answers a 2xx (default 200) whose body is not
	// valid JSON.
	FaultMalformedJSON
)

// FaultTiming says when a fault strikes relative to the store.
type FaultTiming int

const (
	// BeforeApply answers the fault without touching the store.
	BeforeApply FaultTiming = iota
	// AfterApply lets the store apply the request first and then replaces
	// (or corrupts, or delays) its answer, so a test can check that a
	// client does not repeat a create the server already made.
	AfterApply
)

// Fault describes a failure to inject into matching requests. Faults
// strike whether or not the request is authorized, as a proxy in front of
// the service would.
type Fault struct {
	// Method matches the request method; empty matches any.
	Method string
	// Path matches the request path, exactly or, when it ends in "*", as
	// a prefix. A path without a leading slash is taken under /api/v2/,
	// so "varsets/*" and "/api/v2/varsets/*" are the same.
	Path string
	// Times is how many matching requests the fault strikes (default 1; a
	// negative value strikes every matching request until ClearFaults).
	Times int
	// When is BeforeApply (the default) or AfterApply.
	When FaultTiming
	// Kind is what happens.
	Kind FaultKind
	// Status is the status answered by FaultStatus, FaultHTMLBody,
	// FaultEmptyBody and FaultMalformedJSON.
	Status int
	// Delay is how long FaultLatency waits.
	Delay time.Duration
	// Reset is the X-RateLimit-Reset a FaultRateLimit answer carries.
	Reset time.Duration
	// Limit is the X-RateLimit-Limit a FaultRateLimit answer carries.
	Limit int
}

// InjectFault arms f for the next f.Times requests that match it. Faults
// are tried in the order they were injected; the first that matches a
// request strikes it.
func (s *Server) InjectFault(f Fault) {
	if f.Times == 0 {
		f.Times = 1
	}
	if !strings.HasPrefix(f.Path, "/") {
		f.Path = "/api/v2/" + f.Path
	}
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.list = append(s.faults.list, &f)
}

// ClearFaults disarms every injected fault.
func (s *Server) ClearFaults() {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.list = nil
}

type faultSet struct {
	mu   sync.Mutex
	list []*Fault
}

// match finds the first armed fault matching r and uses up one strike.
func (fs *faultSet) match(r *http.Request) *Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i, f := range fs.list {
		if f.Method != "" && !strings.EqualFold(f.Method, r.Method) {
			continue
		}
		if p, ok := strings.CutSuffix(f.Path, "*"); ok {
			if !strings.HasPrefix(r.URL.Path, p) {
				continue
			}
		} else if r.URL.Path != f.Path {
			continue
		}
		hit := *f
		if f.Times > 0 {
			f.Times--
			if f.Times == 0 {
				fs.list = append(fs.list[:i:i], fs.list[i+1:]...)
			}
		}
		return &hit
	}
	return nil
}

// applyFault answers f. buf holds the real answer when the fault strikes
// after the store applied the request, nil before. It reports whether the
// request should go on and be answered normally (latency faults only).
func (s *Server) applyFault(w http.ResponseWriter, r *http.Request, f *Fault, buf *bufferedWriter) bool {
	switch f.Kind {
	case FaultLatency:
		return sleep(r, f.Delay)
	case FaultRateLimit:
		limit := f.Limit
		if limit == 0 {
			limit = s.limit()
		}
		reset := f.Reset
		if reset == 0 {
			reset = 100 * time.Millisecond
		}
		w.Header().Set("X-RateLimit-Limit", strconv.Itoa(limit))
		w.Header().Set("X-RateLimit-Reset", formatSeconds(reset))
		writeError(w, rateLimited())
	case FaultConnReset:
		resetConn(w)
	case FaultTruncatedBody:
		status, body := realOrSample(buf)
		writeTruncated(w, status, body)
	case FaultCutJSON:
		status, body := realOrSample(buf)
		writeRaw(w, status, mediaType, body[:len(body)/2])
	case FaultHTMLBody:
		status := orDefault(f.Status, http.StatusBadGateway)
		text := strconv.Itoa(status) + " " + http.StatusText(status)
		page := "<html>\r\n<head><title>" + text + "</title></head>\r\n<body>\r\n<center><h1>" + text +
			"</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
		writeRaw(w, status, "text/html", []byte(page))
	case FaultEmptyBody:
		writeRaw(w, orDefault(f.Status, http.StatusBadGateway), "", nil)
	case FaultMalformedJSON:
		status := orDefault(f.Status, http.StatusOK)
		writeRaw(w, status, mediaType, []byte(`{"data": {"id": "x", "type": <<not json>>`))
	default:
		writeError(w, errServer(orDefault(f.Status, http.StatusServiceUnavailable)))
	}
	return false
}

// realOrSample is the 2xx answer a body fault corrupts: the real one when
// the store applied the request and answered 2xx, else a stand-in.
func realOrSample(buf *bufferedWriter) (int, []byte) {
	if buf != nil && buf.status >= 200 && buf.status < 300 && buf.body.Len() > 1 {
		return buf.status, buf.body.Bytes()
	}
	return http.StatusOK, []byte(`{"data":{"id":"fault","type":"faults","attributes":{"note":"this answer is cut short"}}}`)
}

func writeRaw(w http.ResponseWriter, status int, contentType string, body []byte) {
	if contentType != "" {
		w.Header().Set("Content-Type", contentType)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// writeTruncated sends headers announcing all of body but only half of it,
// then closes the connection, by writing the answer on the raw connection.
func writeTruncated(w http.ResponseWriter, status int, body []byte) {
	conn, bufrw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	_, _ = bufrw.WriteString("HTTP/1.1 " + strconv.Itoa(status) + " " + http.StatusText(status) + "\r\n" +
		"Content-Type: " + mediaType + "\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n")
	_, _ = bufrw.Write(body[:len(body)/2])
	_ = bufrw.Flush()
}

// resetConn drops the connection with a TCP RST and no answer.
func resetConn(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = conn.Close()
}

func rateLimited() *apiError {
	return &apiError{Status: http.StatusTooManyRequests, Title: "Too many requests", Detail: "You have exceeded the API's rate limit."}
}

// formatSeconds renders d as fractional seconds, as X-RateLimit-Reset.
func formatSeconds(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', 3, 64) }

func orDefault(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}
