package tfe

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
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
			resp := &http.Response{Body: io.NopCloser(r), ContentLength: tc.announce}
			got, err := readBody(resp)
			if err != nil || string(got) != body {
				t.Fatalf("got %d bytes, %v", len(got), err)
			}
		})
	}
}

func TestReadBodyStopsPastTheLimit(t *testing.T) {
	resp := &http.Response{Body: io.NopCloser(io.MultiReader(bytes.NewReader(make([]byte, maxAnswerBytes)), strings.NewReader("xyz"))), ContentLength: maxAnswerBytes}
	got, err := readBody(resp)
	if err != nil || len(got) != maxAnswerBytes+1 {
		t.Fatalf("got %d bytes, %v; want the limit plus one", len(got), err)
	}
}
