// Package demotest is what the examples' tests share: running an example
// against a fresh embedded fake and looking at what it sent and printed.
package demotest

import (
	"bytes"
	"context"
	"io"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/tfe-sdk/tfe/examples/internal/demo"
	"github.com/tfe-sdk/tfe/tfetest"
)

// Start starts a fake seeded as the examples' is, in strict attributes
// mode, closed when the test ends, and builds the example's settings for
// it with envFor.
func Start[E any](t testing.TB, envFor func(*demo.Target) (E, error), opts ...tfetest.Option) (*demo.Target, E) {
	t.Helper()
	target := demo.StartFake(append([]tfetest.Option{tfetest.WithStrictAttributes()}, opts...)...)
	t.Cleanup(target.Fake.Close)
	env, err := envFor(target)
	if err != nil {
		t.Fatal(err)
	}
	return target, env
}

// Run calls an example's run with env and a deadline of timeout, and
// returns its result, what it printed and its error. It fails the test when
// the output or the error shows any of secrets.
func Run[E, R any](t testing.TB, run func(context.Context, E, io.Writer) (R, error), env E, timeout time.Duration, secrets ...string) (R, string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var out bytes.Buffer
	res, err := run(ctx, env, &out)
	for _, s := range secrets {
		if strings.Contains(out.String(), s) || (err != nil && strings.Contains(err.Error(), s)) {
			t.Errorf("a secret (%d chars) was printed:\n%s\n%v", len(s), out.String(), err)
		}
	}
	return res, out.String(), err
}

// Count counts the requests srv received with method to a path matching
// pattern, relative to /api/v2/ and with the wildcards of path.Match ("*"
// matches one path segment).
func Count(srv *tfetest.Server, method, pattern string) int {
	n := 0
	for _, r := range srv.Requests() {
		if ok, _ := path.Match("/api/v2/"+pattern, r.Path); ok && r.Method == method {
			n++
		}
	}
	return n
}
