// Package tfetest is an in-process fake of the HCP Terraform / Terraform
// Enterprise API for tests: a real HTTP server on a loopback port that
// speaks the JSON:API wire format under /api/v2/ from an in-memory store.
//
// It behaves like the service rather than replaying recordings: it checks
// the bearer token (401), the content type of bodies (415), resource types
// and attribute names against the documented allow-lists (422 with a
// source.pointer, so a misspelled wire name fails loudly), answers 404 for
// unknown IDs, enforces the documented conflicts, paginates lists with the
// documented meta and links, and never answers write-only values (a
// sensitive variable's value, the SMTP password and test address).
//
// It serves workspace variables and all-vars, variable sets and their
// variables, organizations (with default execution mode and agent pool),
// token TTL policies, admin SMTP settings, private registry modules,
// no-code modules with their workspaces and upgrades, and GET
// /api/v2/ping.
//
// # Testing your code
//
//	func TestMyTool(t *testing.T) {
//		srv := tfetest.NewServer(tfetest.WithOrganization("acme"))
//		defer srv.Close()
//		wsID := srv.AddWorkspace("acme", tfetest.Workspace{Name: "web"})
//
//		client := srv.Client() // a *tfe.Client for this server
//		// ... run the code under test against client, or give it
//		// srv.URL and srv.Token ...
//
//		for _, req := range srv.Requests() {
//			t.Log(req.Method, req.Path)
//		}
//		_ = wsID
//	}
//
// # Seeding
//
// What the API cannot create is seeded with methods: AddOrganization,
// AddProject, AddAgentPool, AddWorkspace, AddRegistryModule and
// AddModuleVersion, or SeedDemo for a ready-made set.
//
// # Faults
//
// InjectFault makes chosen requests fail: 429 with rate-limit headers, a
// 5xx with a JSON:API body, a reset connection, latency, a truncated or
// malformed 2xx body, an HTML or empty error page. A fault strikes either
// before the store is touched or after it applied the request, so a test
// can check that a client does not repeat a create the server already
// made. WithRateLimit adds a per-token rate limit, WithLatency a delay on
// every answer, and WithClock an injectable clock for the limiter.
// WithPingRateLimit changes the limit that ping announces without
// enforcing one, for benchmarks of clients that throttle themselves from
// it.
//
// # Scripted behaviour
//
// WithUpgradeStates (or SetUpgradeStates) scripts the run states a no-code
// workspace upgrade walks through, one per read. FailNextSMTPUpdate makes
// the next SMTP settings PATCH fail as the service does when its test
// email fails (401, 500 or 504), and TestEmailsSent counts test emails.
// WithHCPTerraform makes admin endpoints answer 404.
//
// A command, tfetest/cmd/tfe-fake, serves the same fake on a loopback port
// for tools written in other languages.
package tfetest
