package tfe

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"
)

// maxLoggedBody is how much of a body a debug record carries.
const maxLoggedBody = 4 << 10

// newLogger returns the configured logger; without one, a stderr debug
// logger when TFE_LOG=debug, else a logger that discards everything.
func newLogger(configured *slog.Logger, getenv func(string) string) *slog.Logger {
	if configured != nil {
		return configured
	}
	if strings.EqualFold(strings.TrimSpace(getenv("TFE_LOG")), "debug") {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.DiscardHandler)
}

// logAttempt records one attempt: method, path, status, attempt number and
// duration, at debug level; at debug level the request headers too,
// redacted.
func (c *Client) logAttempt(ctx context.Context, req *http.Request, attempt int, resp *http.Response, err error, took time.Duration) {
	if !c.logger.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", req.Method),
		slog.String("path", req.URL.EscapedPath()),
		slog.Int("status", statusOf(resp)),
		slog.Int("attempt", attempt),
		slog.Duration("duration", took),
		slog.Any("request_headers", c.loggedHeaders(req.Header)),
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	if resp != nil {
		attrs = append(attrs, slog.Any("response_headers", c.loggedHeaders(resp.Header)))
	}
	c.logger.LogAttrs(ctx, slog.LevelDebug, "tfe: request", attrs...)
}

// loggedHeaders is h as a debug record shows it: redacted, and without the
// API token wherever a header repeats it.
func (c *Client) loggedHeaders(h http.Header) http.Header {
	out := redactHeaders(h)
	for name, values := range out {
		for i, v := range values {
			values[i] = scrubString([]string{c.token}, v)
		}
		out[name] = values
	}
	return out
}

// logBody records a request or answer body of cl at debug level, without
// the call's secrets, redacted and cut to maxLoggedBody.
func (c *Client) logBody(ctx context.Context, msg string, cl call, path string, body []byte, isRequest bool) {
	if len(body) == 0 || !c.logger.Enabled(ctx, slog.LevelDebug) {
		return
	}
	c.logger.LogAttrs(ctx, slog.LevelDebug, "tfe: "+msg,
		slog.String("method", cl.method),
		slog.String("path", path),
		slog.String("body", redactBody(scrubSecrets(cl.secrets, body), isRequest, maxLoggedBody)),
	)
}
