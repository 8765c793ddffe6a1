// Package scenario runs a scenario program, a series of steps that change
// things in HCP Terraform or Terraform Enterprise and undo them at the
// end, against a real service or the embedded fake API. The programs under
// examples/ are written with it, and a program of yours can be too:
// copied into another module, an example builds with nothing but this
// module.
//
// A scenario is a Func. Main runs it as a program:
//
//	func main() { scenario.Main("my-scenario", myScenario) }
//
// Main connects to the service that TFE_ADDRESS and TFE_TOKEN name, in the
// organization TFE_ORG, or, when neither TFE_ADDRESS nor TFE_TOKEN is set,
// starts the embedded fake (tfetest) seeded by SeedDemo and says so. Against
// a real service one request (the organization, read once, no retries, at
// most 5 s) checks the address, the token and TFE_ORG before the scenario
// runs, so that a mistake in them stops the run before anything changes.
// Ctrl-C, SIGTERM or a 10-minute timeout ends the scenario's context; a
// second Ctrl-C ends the process at once.
//
// Inside the scenario, Steps prints one line per step and Cleanup undoes
// what the steps made, last first, also after a failed step or Ctrl-C.
// After a 401, or when the service cannot be reached, the Cleanup calls the
// service no more; it lists what it leaves in place and the command that
// undoes each (UndoDelete writes one), as it does when TFE_KEEP is set.
//
// Every error is printed once: an error that Steps.Fail or Cleanup.Run
// returned was printed where it happened, so standard error then names
// only where the run stopped.
package scenario
