package tfe

import (
	"bytes"
	"io"
	"strings"
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
