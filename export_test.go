package tfe

import "strings"

// Test hooks for the external test package tfe_test, which runs in the
// same test binary: its clients log into the suite's shared debug log and
// plant the secrets TestMain looks for there.
var (
	SuiteLogger = suiteLogger
	PlantSecret = plantSecret
)

// SuiteLogContains reports whether the suite's debug sink holds s so far
// (the fault matrix checks that an answer was logged).
func SuiteLogContains(s string) bool { return strings.Contains(suiteLog.String(), s) }
