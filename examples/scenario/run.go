package scenario

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

// runTimeout bounds a whole run; Ctrl-C ends it sooner.
const runTimeout = 10 * time.Minute

// Func is a scenario: it works in t and prints its progress on out. An
// error it returns that Steps.Fail or Cleanup.Run made is not printed
// again.
type Func func(ctx context.Context, t *Target, out io.Writer) error

// Of returns the Func of a scenario in two halves: settings, which reads
// what the scenario needs from the Target (Target.Require, Target.Seeded),
// and run, which does the work with it. Keeping them apart lets a test
// call run with settings of its own choosing, such as a shorter poll
// interval; Of drops run's result, which is for such tests.
func Of[S, R any](settings func(*Target) (S, error), run func(context.Context, S, io.Writer) (R, error)) Func {
	return func(ctx context.Context, t *Target, out io.Writer) error {
		s, err := settings(t)
		if err != nil {
			return err
		}
		_, err = run(ctx, s, out)
		return err
	}
}

// Main runs fn as the program name, with the settings of the environment
// (see the package documentation), and exits with 0 when fn succeeds and
// 1 when it fails. The first SIGINT or SIGTERM, or a 10-minute timeout,
// ends fn's context, so that fn stops and cleans up; a second signal ends
// the process at once.
func Main(name string, fn Func) {
	ctx, stop := interruptible()
	ctx, cancel := context.WithTimeout(ctx, runTimeout)
	code := Run(ctx, name, fn, os.Getenv, os.Stdout, os.Stderr)
	cancel()
	stop()
	os.Exit(code)
}

// interruptible returns a context that the first SIGINT or SIGTERM ends,
// and the function that releases it. Before the context ends, both
// signals are handled as Go does by default again, so that the next one
// ends the process.
func interruptible() (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-sig:
		case <-ctx.Done():
		}
		signal.Stop(sig)
		cancel()
	}()
	return ctx, cancel
}

// Run is Main without the process around it: it reads the settings with
// getenv, connects, runs fn with stdout for its progress, and returns the
// exit code. An error is written to stderr prefixed with name, unless fn
// printed it already: stderr then says only where the run stopped.
func Run(ctx context.Context, name string, fn Func, getenv func(string) string, stdout, stderr io.Writer) int {
	err := func() error {
		t, release, err := connect(ctx, getenv, stdout)
		if err != nil {
			return err
		}
		defer release()
		return fn(ctx, t, stdout)
	}()
	switch where := shownAt(err); {
	case err == nil:
		return 0
	case where != nil:
		fmt.Fprintf(stderr, "%s: failed at %s\n", name, strings.Join(where, "; "))
	default:
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
	}
	return 1
}
