package tfe

import (
	"net/url"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// FuzzCheckID shows that an ID checkID accepts always becomes exactly one
// escaped path segment that unescapes back to itself, and that whatever it
// refuses is a validation error.
func FuzzCheckID(f *testing.F) {
	for _, s := range []string{"ws-abc123", "..", "a/b", "a%2Fb", "例え", "a b", "", "\x00", "a?b#c", `a\b`, "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		err := checkID(ErrInvalidWorkspaceID, "workspaceID", id)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidID, "the refusal is an invalid ID")
			require.ErrorIs(t, err, ErrValidation, "the refusal is a validation error")
			return
		}
		bad := id == "" || id == "." || id == ".." || !utf8.ValidString(id) || strings.ContainsAny(id, `/\?#%`) ||
			strings.IndexFunc(id, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0
		require.False(t, bad, "accepted %q", id)
		seg := apiPath(id)
		require.NotContains(t, seg, "/", "%q escaped to %q, which has a slash", id, seg)
		back, err := url.PathUnescape(seg)
		require.NoError(t, err, "%q escaped to %q", id, seg)
		require.Equal(t, id, back, "%q escaped to %q, unescaped", id, seg)
	})
}
