// Package benchmarks compares github.com/tfe-sdk/tfe with
// github.com/hashicorp/go-tfe on the same work, in the same process,
// against the same in-process fake API (tfetest).
//
// It is a module of its own so that the SDK never depends on go-tfe. The
// go test benchmarks (bench_test.go) measure the per-call figures; the
// program cmd/compare (make bench at the repository root) runs every
// scenario once and prints the comparison table that BENCHMARKS.md
// quotes:
//
//   - per call: Variables.List of a workspace with 100 variables,
//     VariableSets.Read with include=vars of a set with 50 variables, and
//     Variables.Create, each against the fake and against a canned answer
//     (the fake's bytes replayed by a minimal httptest handler, so the
//     figures are mostly the client's), beside a floor that decodes the
//     same bytes with encoding/json into plain structs;
//   - client start: constructing a client up to its first answered call;
//   - bulk: 300 creates from 10 goroutines against a fake enforcing 30
//     requests/second per token, with each SDK's default rate limiting
//     and retries;
//   - listing 1,000 variable sets with each SDK's way to list everything.
package benchmarks
