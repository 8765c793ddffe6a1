package tfe

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// uploadSecret is the path of every upload link in these tests: it grants
// access by itself, so no log line and no error may show it.
var uploadSecret = plantSecret("/v1/object/dmF1bHQ6djE6VVBMT0FELVNFQ1JFVA")

// receivedUpload is what an upload host saw.
type receivedUpload struct {
	mu      sync.Mutex
	bodies  [][]byte
	headers []http.Header
}

func (r *receivedUpload) record(req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.bodies = append(r.bodies, body)
	r.headers = append(r.headers, req.Header.Clone())
}

func (r *receivedUpload) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.bodies)
}

// foreignHost starts an upload host on another origin (another port) that
// answers with statuses in turn, the last one from then on.
func foreignHost(t *testing.T, got *receivedUpload, statuses ...int) *httptest.Server {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPut || r.URL.Path != uploadSecret {
			w.WriteHeader(http.StatusTeapot)
			return
		}
		got.record(r)
		i := min(int(n.Add(1))-1, len(statuses)-1)
		w.WriteHeader(statuses[i])
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestRegistryModulesUploadToAnotherOrigin(t *testing.T) {
	t.Parallel()
	var got receivedUpload
	upload := foreignHost(t, &got, http.StatusOK)
	var logged syncBuffer
	ts := setup(t, func(c *Config) {
		c.Headers = http.Header{"X-Proxy-Auth": {"caller-secret"}}
		c.Logger = suiteLoggerAnd(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	archive := []byte("\x1f\x8b fake tar.gz")
	err := ts.client.RegistryModules.Upload(context.Background(), &RegistryModuleVersion{UploadURL: upload.URL + uploadSecret}, bytes.NewReader(archive))
	require.NoError(t, err)
	require.Equal(t, 1, got.count())
	assert.Equal(t, archive, got.bodies[0])
	h := got.headers[0]
	assert.Empty(t, h.Get("Authorization"), "the token stays on the API's origin")
	assert.Empty(t, h.Get("X-Proxy-Auth"), "so do the caller's extra headers")
	assert.Equal(t, "application/octet-stream", h.Get("Content-Type"))
	assert.Contains(t, h.Get("User-Agent"), "tfe-go/")
	assert.Zero(t, ts.count(), "nothing went to the API")
	assert.NotContains(t, logged.String(), uploadSecret)
	assert.Contains(t, logged.String(), "PUT")
}

func TestRegistryModulesUploadOnTheAPIOriginCarriesTheToken(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	var got receivedUpload
	ts.mux.HandleFunc("PUT "+uploadSecret, func(w http.ResponseWriter, r *http.Request) {
		got.record(r)
		w.WriteHeader(http.StatusOK)
	})
	err := ts.client.RegistryModules.Upload(context.Background(), &RegistryModuleVersion{UploadURL: ts.server.URL + uploadSecret}, strings.NewReader("archive"))
	require.NoError(t, err)
	require.Equal(t, 1, got.count())
	assert.Equal(t, "Bearer "+testToken, got.headers[0].Get("Authorization"))
	assert.Equal(t, "archive", string(got.bodies[0]))
}

func TestRegistryModulesUploadIsNotRedirectedElsewhere(t *testing.T) {
	t.Parallel()
	var got receivedUpload
	upload := foreignHost(t, &got, http.StatusOK)
	ts := setup(t)
	ts.mux.HandleFunc("PUT "+uploadSecret, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, upload.URL+uploadSecret, http.StatusTemporaryRedirect)
	})
	err := ts.client.RegistryModules.Upload(context.Background(), &RegistryModuleVersion{UploadURL: ts.server.URL + uploadSecret}, strings.NewReader("archive"))
	assert.ErrorIs(t, err, errBodyToOtherOrigin, "neither the token nor the archive follows a redirect to another origin")
	assert.Zero(t, got.count(), "nothing reached the other origin")
	assert.NotContains(t, err.Error(), uploadSecret)
}

func TestRegistryModulesUploadIsRetriedWithTheSameBytes(t *testing.T) {
	t.Parallel()
	var got receivedUpload
	upload := foreignHost(t, &got, http.StatusServiceUnavailable, http.StatusBadGateway, http.StatusCreated)
	ts := setup(t)
	err := ts.client.RegistryModules.Upload(context.Background(), &RegistryModuleVersion{UploadURL: upload.URL + uploadSecret}, strings.NewReader("archive bytes"))
	require.NoError(t, err)
	require.Equal(t, 3, got.count())
	for _, b := range got.bodies {
		assert.Equal(t, "archive bytes", string(b))
	}
}

func TestRegistryModulesUploadErrorHidesTheLink(t *testing.T) {
	t.Parallel()
	var got receivedUpload
	upload := foreignHost(t, &got, http.StatusForbidden)
	ts := setup(t)
	err := ts.client.RegistryModules.Upload(context.Background(), &RegistryModuleVersion{UploadURL: upload.URL + uploadSecret}, strings.NewReader("x"))
	assert.ErrorIs(t, err, ErrForbidden)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.NotContains(t, err.Error(), uploadSecret)
	assert.NotContains(t, apiErr.Path, uploadSecret)
	assert.Contains(t, err.Error(), strings.TrimPrefix(upload.URL, "http://"), "the host is shown")

	// A transport error names the URL too; it is hidden as well.
	upload.Close()
	err = ts.client.RegistryModules.Upload(context.Background(), &RegistryModuleVersion{UploadURL: upload.URL + uploadSecret}, strings.NewReader("x"))
	require.Error(t, err)
	assert.NotContains(t, err.Error(), uploadSecret)
}

// countingReader yields n zero bytes, then EOF, counting what is read.
type countingReader struct {
	left, read int64
}

func (r *countingReader) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	n := int(min(int64(len(p)), r.left))
	clear(p[:n])
	r.left -= int64(n)
	r.read += int64(n)
	return n, nil
}

func TestReadArchiveStopsOneBytePastTheCap(t *testing.T) {
	t.Parallel()
	const limit = 1 << 10
	endless := &countingReader{left: 1 << 40}
	_, err := readArchive(endless, limit)
	assert.ErrorIs(t, err, ErrArchiveTooLarge)
	assert.ErrorIs(t, err, ErrValidation)
	assert.EqualValues(t, limit+1, endless.read, "read no more than the cap and one byte")

	exact := &countingReader{left: limit}
	data, err := readArchive(exact, limit)
	require.NoError(t, err)
	assert.Len(t, data, limit)

	_, err = readArchive(errReader{}, limit)
	assert.ErrorContains(t, err, "reading the module archive")
	assert.EqualValues(t, 500<<20, MaxModuleArchiveSize)
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }
