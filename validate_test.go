package tfe

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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
			if !errors.Is(err, ErrInvalidID) || !errors.Is(err, ErrValidation) {
				t.Fatalf("refusal is not a validation error: %v", err)
			}
			return
		}
		if id == "" || id == "." || id == ".." || !utf8.ValidString(id) || strings.ContainsAny(id, `/\?#%`) || strings.IndexFunc(id, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
			t.Fatalf("accepted %q", id)
		}
		seg := apiPath(id)
		if strings.Contains(seg, "/") {
			t.Fatalf("%q escaped to %q, which has a slash", id, seg)
		}
		if back, err := url.PathUnescape(seg); err != nil || back != id {
			t.Fatalf("%q escaped to %q, unescaped to %q (%v)", id, seg, back, err)
		}
	})
}
