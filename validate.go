package tfe

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// checkID validates an ID or name that goes into a URL path. It refuses the
// empty string, "." and "..", and anything holding a character that could
// change the path or query: / \ ? # %, whitespace and control characters.
// The error wraps sentinel (and so ErrInvalidID and ErrValidation); field
// names the argument for the message.
func checkID(sentinel error, field, value string) error {
	if reason := pathSegmentProblem(value); reason != "" {
		return invalid(sentinel, field, reason)
	}
	return nil
}

// pathSegmentProblem says what makes value unusable as one path segment, or
// returns "" when it is fine.
func pathSegmentProblem(value string) string {
	switch value {
	case "":
		return mustNotBeEmpty
	case ".", "..":
		return fmt.Sprintf("%q is not a name", value)
	}
	for _, r := range value {
		if strings.ContainsRune(`/\?#%`, r) {
			return fmt.Sprintf("must not contain %q", r)
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return fmt.Sprintf("must not contain whitespace or control character %U", r)
		}
		if r == unicode.ReplacementChar {
			return "must be valid UTF-8"
		}
	}
	return ""
}

// checkIDs validates each ID of a list and refuses an empty list.
func checkIDs(sentinel error, field string, ids []string) error {
	if len(ids) == 0 {
		return invalid(sentinel, field, "at least one ID is required")
	}
	for i, id := range ids {
		if err := checkID(sentinel, fieldIndex(field, i), id); err != nil {
			return err
		}
	}
	return nil
}

// checkOptionalID checks the shape of an optional ID: nil passes.
func checkOptionalID(sentinel error, field string, id *string) error {
	if id == nil {
		return nil
	}
	return checkID(sentinel, field, *id)
}

// checkOptionalIDs validates each ID of a list that may be empty.
func checkOptionalIDs(sentinel error, field string, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	return checkIDs(sentinel, field, ids)
}

// checkName refuses an empty name to look up.
func checkName(field, name string) error {
	if name == "" {
		return invalid(ErrRequiredName, field, mustNotBeEmpty)
	}
	return nil
}

// checkNewName refuses a blank name (empty, or white space only) for a
// resource to create or rename.
func checkNewName(field, name string) error {
	return checkName(field, strings.TrimSpace(name))
}

// fieldIndex names element i of a list field: "Field[i]".
func fieldIndex(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

// firstError returns the first non-nil error, so a method can list its
// checks in order.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// mustNotBeEmpty is the reason of a required field left empty.
const mustNotBeEmpty = "must not be empty"

// nothingToUpdate is the error of an update whose options set no field.
func nothingToUpdate(field string) error {
	return invalid(ErrNothingToUpdate, field, "set at least one field")
}
