package scenario

import (
	"fmt"
	"io"
)

// Steps prints a scenario's progress, one line per step:
//
//	✓ 2/8 make agent the default execution mode: pool apool-…
//
// A step is begun with Begin and ends with Done (✓), Skip (-) or Fail (✗).
type Steps struct {
	out   io.Writer
	total int
	n     int
	what  string
}

// NewSteps returns the progress of total steps, written to out.
func NewSteps(out io.Writer, total int) *Steps { return &Steps{out: out, total: total} }

// Begin starts the next step, described by what; it prints nothing until
// the step ends.
func (s *Steps) Begin(what string) {
	s.n++
	s.what = what
}

// Done ends the current step, printing the detail that format makes with
// args.
func (s *Steps) Done(format string, args ...any) { s.end("✓", fmt.Sprintf(format, args...)) }

// Skip ends the current step without doing it, saying why.
func (s *Steps) Skip(why string) { s.end("-", "skipped, "+why) }

// Fail ends the current step with err: it prints err and returns it,
// marked as printed, so that Run does not print it again, and prefixed
// with the step's number and description.
func (s *Steps) Fail(err error) error {
	s.end("✗", err.Error())
	return &shownError{where: fmt.Sprintf("step %d/%d (%s)", s.n, s.total, s.what), err: err}
}

// end prints the current step's line, with mark and detail.
func (s *Steps) end(mark, detail string) {
	fmt.Fprintf(s.out, "%s %d/%d %s: %s\n", mark, s.n, s.total, s.what, detail)
}
