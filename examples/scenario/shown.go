package scenario

// shownError is an error the scenario has printed already, at where.
type shownError struct {
	where string
	err   error
}

func (e *shownError) Error() string { return e.where + ": " + e.err.Error() }
func (e *shownError) Unwrap() error { return e.err }

// shownAt lists where each error in err was printed, or returns nil when
// one of them was not printed yet. A shownError wrapped by fmt.Errorf does
// not count: the wrapping adds text that was not printed.
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
