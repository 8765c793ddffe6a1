package tfe

// Test hooks for the external test package tfe_test, which runs in the
// same test binary: its clients log into the suite's shared debug log and
// plant the secrets TestMain looks for there.
var (
	SuiteLogger = suiteLogger
	PlantSecret = plantSecret
)
