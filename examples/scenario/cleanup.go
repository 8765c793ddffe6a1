package scenario

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"time"

	"github.com/tfe-sdk/tfe"
)

// cleanupTimeout bounds the cleanup, which outlives Ctrl-C.
const cleanupTimeout = 30 * time.Second

// Cleanup is a stack of actions that undo what a scenario made. They run
// last added first when the scenario ends, whether it succeeded, failed
// or was interrupted, unless an action already ran as a step of its own.
type Cleanup struct {
	out     io.Writer
	keep    bool
	actions []*action
}

// action is one entry of a Cleanup.
type action struct {
	what, undo string
	fn         func(context.Context) error
	done       bool
}

// NewCleanup returns an empty stack that reports on out. With keep (a
// Target's Keep, for one), Run calls nothing: it lists what is left in
// place and how to undo it.
func NewCleanup(out io.Writer, keep bool) *Cleanup { return &Cleanup{out: out, keep: keep} }

// Add pushes fn, described by what ("delete the variable set …"), with
// undo, the command by which a person undoes it when the Cleanup does not
// (UndoDelete writes one; "" for none). It returns a function that runs fn
// now, once, instead of at the end: for a scenario whose own last step
// undoes what it made.
func (c *Cleanup) Add(what, undo string, fn func(context.Context) error) func(context.Context) error {
	a := &action{what: what, undo: undo, fn: fn}
	c.actions = append(c.actions, a)
	return func(ctx context.Context) error {
		a.done = true
		return a.fn(ctx)
	}
}

// Run runs the pending actions, last added first, each at most once, on
// a context that outlives ctx's end by up to 30 s, printing one line each,
// and returns their errors joined, marked as printed. Once cause or an
// action's error shows that the service refused the token or cannot be
// reached, it calls the service no more: it lists each action left and
// how to undo it, as it does with keep.
func (c *Cleanup) Run(ctx context.Context, cause error) error {
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

// Finish is Run for a deferred call: it runs the pending actions with
// *err as the cause and joins their errors to *err, so that a failed step
// is cleaned up after too.
//
//	func run(ctx context.Context, …) (err error) {
//		cleanup := scenario.NewCleanup(out, keep)
//		defer cleanup.Finish(ctx, &err)
func (c *Cleanup) Finish(ctx context.Context, err *error) {
	*err = errors.Join(*err, c.Run(ctx, *err))
}

// UndoDelete is the command that deletes what path (under /api/v2/, e.g.
// "varsets/varset-…") names, for a person to run: it reads the address
// from TFE_ADDRESS (app.terraform.io when unset) and the token from
// TFE_TOKEN, so that the token is not shown.
func UndoDelete(path string) string {
	return `curl -fsS -X DELETE -H "Authorization: Bearer $TFE_TOKEN" "${TFE_ADDRESS:-https://app.terraform.io}/api/v2/` + path + `"`
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
