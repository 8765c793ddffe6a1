package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// CleanupTimeout bounds the cleanup actions, which run even after the
// example's context ended (Ctrl-C, timeout).
const CleanupTimeout = 30 * time.Second

// Cleanup is a stack of actions that undo what an example made. They run
// in reverse order when the example ends, whether it succeeded, failed or
// was interrupted, unless an action already ran as a step of its own.
type Cleanup struct {
	out     io.Writer
	keep    bool
	actions []*action
}

type action struct {
	what string
	fn   func(context.Context) error
	done bool
}

// NewCleanup returns an empty stack reporting on out. With keep, Finish
// runs nothing and lists what is left in place instead (for inspection).
func NewCleanup(out io.Writer, keep bool) *Cleanup { return &Cleanup{out: out, keep: keep} }

// Add pushes an action described by what ("delete variable set varset-…")
// and returns a function that runs it now, once, instead of at the end.
func (c *Cleanup) Add(what string, fn func(context.Context) error) func(context.Context) error {
	a := &action{what: what, fn: fn}
	c.actions = append(c.actions, a)
	return func(ctx context.Context) error {
		a.done = true
		return a.fn(ctx)
	}
}

// Run runs the pending actions, last added first, on a context that
// outlives ctx's cancellation by up to CleanupTimeout, printing one line
// each, and returns their errors joined. An action runs at most once.
func (c *Cleanup) Run(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), CleanupTimeout)
	defer cancel()
	var errs []error
	for i := len(c.actions) - 1; i >= 0; i-- {
		a := c.actions[i]
		if a.done {
			continue
		}
		a.done = true
		if c.keep {
			fmt.Fprintf(c.out, "  kept (TFE_KEEP is set), not done: %s\n", a.what)
			continue
		}
		if err := a.fn(ctx); err != nil {
			fmt.Fprintf(c.out, "✗ cleanup: %s: %v\n", a.what, err)
			errs = append(errs, fmt.Errorf("cleanup: %s: %w", a.what, err))
			continue
		}
		fmt.Fprintf(c.out, "  cleanup: %s\n", a.what)
	}
	return errors.Join(errs...)
}

// Finish is Run for a deferred call: it joins Run's errors to *err, so
// that a failed step is cleaned up after too.
//
//	defer cleanup.Finish(ctx, &err)
func (c *Cleanup) Finish(ctx context.Context, err *error) {
	*err = errors.Join(*err, c.Run(ctx))
}
