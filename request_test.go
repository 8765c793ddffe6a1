package tfe

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oneByteReader returns one byte per Read, as a slow connection may.
type oneByteReader struct{ r io.Reader }

func (o oneByteReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return o.r.Read(p[:1])
}

func TestReadBodyWhateverTheAnnouncedLength(t *testing.T) {
	body := strings.Repeat("abcdefgh", 100)
	for _, tc := range []struct {
		name     string
		announce int64
		slow     bool
	}{
		{"exact", int64(len(body)), false},
		{"exact, one byte per read", int64(len(body)), true},
		{"unknown", -1, false},
		{"shorter than the body", 10, false},
		{"longer than the body", int64(len(body)) * 3, false},
		{"larger than the limit", maxAnswerBytes + 10, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r io.Reader = strings.NewReader(body)
			if tc.slow {
				r = oneByteReader{r}
			}
			got, err := readAll(r, tc.announce, maxAnswerBytes)
			require.NoError(t, err)
			assert.Equal(t, body, string(got))
		})
	}
}

func TestReadBodyStopsPastTheLimit(t *testing.T) {
	r := io.MultiReader(bytes.NewReader(make([]byte, 100)), strings.NewReader("xyz"))
	_, err := readAll(r, 100, 100)
	assert.ErrorIs(t, err, errBodyTooLarge)
	got, err := readAll(bytes.NewReader(make([]byte, 100)), -1, 100)
	require.NoError(t, err)
	assert.Len(t, got, 100, "a body of exactly the limit is read whole")
}

// bodyRecorder is an http.RoundTripper that records whether each request
// it passes on carries a body.
type bodyRecorder struct {
	mu       sync.Mutex
	hasBody  map[string]bool
	lengths  map[string]int64
	upstream http.RoundTripper
}

func (b *bodyRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	b.mu.Lock()
	b.hasBody[req.Method] = req.Body != nil && req.Body != http.NoBody
	b.lengths[req.Method] = req.ContentLength
	b.mu.Unlock()
	return b.upstream.RoundTrip(req)
}

// TestGetAndDeleteSendNoBody: a call without a body hands net/http no body
// at all, not an empty one (which it would probe with a goroutine and a
// timer on every request); a call with one announces its length.
func TestGetAndDeleteSendNoBody(t *testing.T) {
	rec := &bodyRecorder{hasBody: map[string]bool{}, lengths: map[string]int64{}, upstream: http.DefaultTransport}
	ts := setup(t, func(c *Config) { c.HTTPClient = &http.Client{Transport: rec} })
	for _, m := range []string{"GET", "DELETE", "POST"} {
		ts.expect(exchange{method: m, path: "/workspaces/ws-1", anyRequest: true, status: 200, body: okWorkspace})
	}
	path := apiPath("workspaces", "ws-1")
	for _, cl := range []call{get(path, nil), del(path, nil), post(path, newDocument("workspaces", noAttributes{}))} {
		_, err := requestOne(context.Background(), ts.client, cl, workspaceDecoder)
		require.NoError(t, err, cl.method)
	}
	assert.False(t, rec.hasBody["GET"], "GET hands net/http no body")
	assert.False(t, rec.hasBody["DELETE"], "DELETE hands net/http no body")
	assert.True(t, rec.hasBody["POST"])
	assert.Positive(t, rec.lengths["POST"], "a body announces its length")
}
