package demo

import (
	"fmt"
	"io"
)

// Steps prints an example's progress, one line per step:
//
//	✓ 2/8 make agent the default execution mode: pool apool-…
//
// A step is begun with Begin and ends with Done (✓) or Fail (✗).
type Steps struct {
	out   io.Writer
	total int
	n     int
	what  string
}

// NewSteps returns progress for total steps, written to out.
func NewSteps(out io.Writer, total int) *Steps { return &Steps{out: out, total: total} }

// Begin starts the next step, described by what; it prints nothing until
// the step ends.
func (s *Steps) Begin(what string) {
	s.n++
	s.what = what
}

// Done ends the current step successfully, printing what and the detail
// format makes with args.
func (s *Steps) Done(format string, args ...any) {
	fmt.Fprintf(s.out, "✓ %d/%d %s: %s\n", s.n, s.total, s.what, fmt.Sprintf(format, args...))
}

// Skip ends the current step without doing it, saying why.
func (s *Steps) Skip(why string) {
	fmt.Fprintf(s.out, "- %d/%d %s: skipped, %s\n", s.n, s.total, s.what, why)
}

// Fail ends the current step with err: it prints a ✗ line and returns err
// wrapped with the step's number and description.
func (s *Steps) Fail(err error) error {
	fmt.Fprintf(s.out, "✗ %d/%d %s: %v\n", s.n, s.total, s.what, err)
	return fmt.Errorf("step %d/%d (%s): %w", s.n, s.total, s.what, err)
}
