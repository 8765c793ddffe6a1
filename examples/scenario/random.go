package scenario

import (
	"crypto/rand"
	"encoding/hex"
)

// Unique returns name as it is against the embedded fake and, against a
// real service, with a random suffix ("name-1a2b3c"), so that a second run
// does not collide with what a first one left in place.
func (t *Target) Unique(name string) string {
	if t.Fake != nil {
		return name
	}
	return name + "-" + randomHex(3)
}

// Placeholder returns prefix followed by 24 random hex digits: a stand-in
// secret, different on every run, so that a test can look for it in what
// was printed.
func Placeholder(prefix string) string { return prefix + randomHex(12) }

// randomHex returns n random bytes in hex.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
