// scaffold.go is the same in every example (a test checks that): what a
// scenario needs around it. Copy it with main.go; the two build on their
// own in any module that requires github.com/tfe-sdk/tfe.
//
// It connects to the service named by TFE_ADDRESS and TFE_TOKEN, or starts
// the embedded fake when neither is set; checks the address and the token
// with one request before anything changes; gives the run a context that
// Ctrl-C or a timeout ends; prints one line per step; and undoes what the
// run made, also after a failed step, unless the service refused the
// token or cannot be reached, or TFE_KEEP is set: then it says what is
// left and how to undo it. Every error is printed once.

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

const (
	// fakeBanner is the first line of a run against the embedded fake.
	fakeBanner = "No TFE_ADDRESS/TFE_TOKEN: running against the embedded fake API (tfetest)."
	// fakeOrg is the organization the embedded fake is seeded with.
	fakeOrg = "demo-org"
	// runTimeout bounds a whole run; Ctrl-C ends it sooner.
	runTimeout = 10 * time.Minute
	// preflightTimeout bounds the request that checks address and token.
	preflightTimeout = 5 * time.Second
	// cleanupTimeout bounds the cleanup, which outlives Ctrl-C.
	cleanupTimeout = 30 * time.Second
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first Ctrl-C the cleanup runs; a second one ends the
	// process at once.
	context.AfterFunc(ctx, stop)
	ctx, cancel := context.WithTimeout(ctx, runTimeout)
	code := runMain(ctx, os.Getenv, os.Stdout, os.Stderr)
	cancel()
	stop()
	os.Exit(code)
}

// runMain connects, builds the example's settings with envFor, runs it,
// and returns the exit code. An error that the steps or the cleanup
// already printed is not printed again: stderr then says only where the
// run stopped.
func runMain(ctx context.Context, getenv func(string) string, stdout, stderr io.Writer) int {
	err := func() error {
		t, release, err := connect(ctx, getenv, stdout)
		if err != nil {
			return err
		}
		defer release()
		env, err := envFor(t)
		if err != nil {
			return err
		}
		_, err = run(ctx, env, stdout)
		return err
	}()
	if err == nil {
		return 0
	}
	if where := shownAt(err); where != nil {
		fmt.Fprintf(stderr, "%s: failed at %s\n", exampleName, strings.Join(where, "; "))
	} else {
		fmt.Fprintf(stderr, "%s: %v\n", exampleName, err)
	}
	return 1
}

// target is where an example runs: a client and its organization and,
// against the embedded fake, the server and what was seeded in it.
type target struct {
	client *tfe.Client
	org    string
	// getenv reads the example's other settings; against the fake it
	// answers "" for all of them.
	getenv func(string) string
	// fake is the embedded server, nil against a real service.
	fake   *tfetest.Server
	seeded tfetest.Demo
	// keep leaves what the run made in place (TFE_KEEP set, real service
	// only).
	keep bool
}

// connect returns a target for the service that TFE_ADDRESS and TFE_TOKEN
// name (TFE_ORG is then required) after checking it with preflight, or,
// when neither is set, starts and seeds the embedded fake and says so on
// out. The returned function releases what connect started.
func connect(ctx context.Context, getenv func(string) string, out io.Writer) (*target, func(), error) {
	if getenv("TFE_ADDRESS") == "" && getenv("TFE_TOKEN") == "" {
		fmt.Fprintln(out, fakeBanner)
		t := startFake()
		return t, t.fake.Close, nil
	}
	org := getenv("TFE_ORG")
	if org == "" {
		return nil, nil, errors.New("TFE_ORG is not set: name the organization to work in")
	}
	cfg := tfe.DefaultConfig()
	if address := getenv("TFE_ADDRESS"); address != "" {
		cfg.Address = address
	}
	cfg.Token = getenv("TFE_TOKEN")
	client, err := tfe.NewClient(cfg)
	if err != nil {
		return nil, nil, err
	}
	if err := preflight(ctx, *cfg, org); err != nil {
		return nil, nil, err
	}
	return &target{client: client, org: org, getenv: getenv, keep: getenv("TFE_KEEP") != ""}, func() {}, nil
}

// startFake starts the embedded fake, seeded by SeedDemo in fakeOrg. The
// caller closes target.fake.
func startFake(opts ...tfetest.Option) *target {
	srv := tfetest.NewServer(opts...)
	return &target{
		client: srv.Client(),
		org:    fakeOrg,
		getenv: func(string) string { return "" },
		fake:   srv,
		seeded: srv.SeedDemo(fakeOrg),
	}
}

// preflight reads the organization once, without retries and within
// preflightTimeout, so that a wrong address, token or organization stops
// the run in seconds, before anything is made. An answer other than 401
// and 404 is fine: the run's own retries deal with a 429 or a 503.
func preflight(ctx context.Context, cfg tfe.Config, org string) error {
	cfg.RetryMax = -1
	client, err := tfe.NewClient(&cfg)
	if err != nil {
		return err
	}
	checkCtx, cancel := context.WithTimeout(ctx, preflightTimeout)
	defer cancel()
	_, err = client.Organizations.Read(checkCtx, org)
	var apiErr *tfe.APIError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, tfe.ErrUnauthorized):
		return fmt.Errorf("the service refused the token, check TFE_TOKEN: %w", err)
	case errors.Is(err, tfe.ErrResourceNotFound):
		return fmt.Errorf("organization %q is not there, or the token may not see it; check TFE_ORG: %w", org, err)
	case errors.As(err, &apiErr):
		return nil
	case ctx.Err() != nil:
		return err
	}
	return fmt.Errorf("cannot reach %s (TFE_ADDRESS): %w", cfg.Address, err)
}

// require reads settings of a real service, or fails naming every one
// that is missing.
func (t *target) require(names ...string) (map[string]string, error) {
	values := map[string]string{}
	var missing []string
	for _, name := range names {
		if values[name] = t.getenv(name); values[name] == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("against a real service set %s", strings.Join(missing, ", "))
	}
	return values, nil
}

// shownError is an error the example has printed already, at where.
type shownError struct {
	where string
	err   error
}

func (e *shownError) Error() string { return e.where + ": " + e.err.Error() }
func (e *shownError) Unwrap() error { return e.err }

// shownAt lists where each error in err was printed, or returns nil when
// one of them was not printed yet.
func shownAt(err error) []string {
	if shown, ok := err.(*shownError); ok {
		return []string{shown.where}
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return nil
	}
	var where []string
	for _, e := range joined.Unwrap() {
		w := shownAt(e)
		if w == nil {
			return nil
		}
		where = append(where, w...)
	}
	return where
}

// steps prints a run's progress, one line per step:
//
//	✓ 2/8 make agent the default execution mode: pool apool-…
//
// A step is begun with begin and ends with done (✓) or fail (✗).
type steps struct {
	out   io.Writer
	total int
	n     int
	what  string
}

// newSteps returns progress for total steps, written to out.
func newSteps(out io.Writer, total int) *steps { return &steps{out: out, total: total} }

// begin starts the next step, described by what; it prints nothing until
// the step ends.
func (s *steps) begin(what string) {
	s.n++
	s.what = what
}

// done ends the current step, printing the detail format makes with args.
func (s *steps) done(format string, args ...any) {
	fmt.Fprintf(s.out, "✓ %d/%d %s: %s\n", s.n, s.total, s.what, fmt.Sprintf(format, args...))
}

// fail ends the current step with err: it prints a ✗ line with the error
// and returns it, marked as printed, with the step's number and
// description.
func (s *steps) fail(err error) error {
	fmt.Fprintf(s.out, "✗ %d/%d %s: %v\n", s.n, s.total, s.what, err)
	return &shownError{where: fmt.Sprintf("step %d/%d (%s)", s.n, s.total, s.what), err: err}
}

// cleanup is a stack of actions that undo what a run made. They run in
// reverse order when the run ends, whether it succeeded, failed or was
// interrupted, unless an action already ran as a step of its own.
type cleanup struct {
	out     io.Writer
	keep    bool
	actions []*action
}

type action struct {
	what, undo string
	fn         func(context.Context) error
	done       bool
}

// newCleanup returns an empty stack reporting on out. With keep, run does
// nothing and lists what is left in place and how to undo it.
func newCleanup(out io.Writer, keep bool) *cleanup { return &cleanup{out: out, keep: keep} }

// add pushes an action described by what ("delete the variable set …")
// with undo, how a person undoes it by hand, and returns a function that
// runs it now, once, instead of at the end.
func (c *cleanup) add(what, undo string, fn func(context.Context) error) func(context.Context) error {
	a := &action{what: what, undo: undo, fn: fn}
	c.actions = append(c.actions, a)
	return func(ctx context.Context) error {
		a.done = true
		return a.fn(ctx)
	}
}

// run runs the pending actions, last added first, on a context that
// outlives ctx's cancellation by up to cleanupTimeout, printing one line
// each, and returns their errors joined. An action runs at most once.
// After cause or an action's error shows that the service refused the
// token or cannot be reached, it calls the service no more: it lists the
// actions left and how to undo each, as it does when keep is set.
func (c *cleanup) run(ctx context.Context, cause error) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancel()
	stop := stopReason(cause)
	if c.keep {
		stop = "TFE_KEEP is set"
	}
	var errs []error
	for i := len(c.actions) - 1; i >= 0; i-- {
		a := c.actions[i]
		if a.done {
			continue
		}
		a.done = true
		if stop != "" {
			fmt.Fprintf(c.out, "  left in place (%s), not done: %s\n", stop, a.what)
			if a.undo != "" {
				fmt.Fprintf(c.out, "    undo: %s\n", a.undo)
			}
			continue
		}
		if err := a.fn(ctx); err != nil {
			fmt.Fprintf(c.out, "✗ cleanup: %s: %v\n", a.what, err)
			errs = append(errs, &shownError{where: "cleanup (" + a.what + ")", err: err})
			stop = stopReason(err)
			continue
		}
		fmt.Fprintf(c.out, "  cleanup: %s\n", a.what)
	}
	return errors.Join(errs...)
}

// finish is run for a deferred call: it joins run's errors to *err, so
// that a failed step is cleaned up after too.
//
//	defer c.finish(ctx, &err)
func (c *cleanup) finish(ctx context.Context, err *error) {
	*err = errors.Join(*err, c.run(ctx, *err))
}

// stopReason says why calling the service again is pointless after err:
// it refused the token, or it did not answer at all. It returns "" for
// any other error (a 2xx answer cut short did come from the service), and
// for the end of the run's context (Ctrl-C, timeout), after which the
// cleanup still runs.
func stopReason(err error) string {
	var apiErr *tfe.APIError
	var decodeErr *tfe.DecodeError
	var netErr net.Error
	switch {
	case err == nil, errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return ""
	case errors.Is(err, tfe.ErrUnauthorized):
		return "the service refused the token"
	case errors.As(err, &apiErr), errors.As(err, &decodeErr):
		return ""
	case errors.As(err, &netErr):
		return "the service cannot be reached"
	}
	return ""
}
