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
// # Workspaces, projects, agent pools and registry modules
//
// Workspaces made over the API (POST organizations/{org}/workspaces) are
// the records seeded and no-code workspaces use, so variables, variable
// sets and upgrades work on them. They are read, updated and deleted by ID
// (workspaces/{ws}) or by organization and name, and safe-delete always
// succeeds: the fake's workspaces hold no state and are never locked.
// Lists take search[name], search[wildcard-name], search[tags],
// search[exclude-tags], filter[project][id], sort and include. A workspace
// follows its project's default execution mode and agent pool (the
// organization's unless the project sets one) until a body sets a mode or
// a pool (agent-pool-id or the agent-pool relationship), and again after
// setting-overwrites with execution-mode false. The agent-pool rule answers
// the service's texts. A vcs-repo is refused on its oauth-token-id: the
// fake has no VCS connections. Projects refuse deletion while they hold
// workspaces or stacks (409) and for the default project (422); the
// variable sets a project owns go with it. Agent pools are refused
// deletion while in use (409); their create answers 200, as the OpenAPI
// description says.
//
// A registry module version (POST .../{provider}/versions, or the older
// registry-modules/{org}/{name}/{provider}/versions) answers an upload
// link under /_archivist/v1/object/ that, like the service's, needs no
// token and takes any content type. A PUT of a gzipped tar moves the
// version to ok and the module to setup_complete; anything else to
// reg_ingress_failed; the link stays valid. No-code modules pin the latest
// uploaded version, empty while there is none. Creating a module with
// no-code true makes its no-code module, and a no-code module created
// without enabled is enabled: go-tfe's tests, run against the service,
// expect both, where the docs give false. Publishing from VCS answers 422
// on vcs-repo.oauth-token-id (or github-app-installation-id), and a
// module's commits 404, since no module comes from a repository. Public
// registry modules (GET organizations/{org}/registry-modules/public/...)
// are seeded with AddRegistryModule and RegistryName public. Stacks, made
// from VCS by the API, are seeded with AddStack; variable sets apply to
// them (varsets/{id}/relationships/stacks, include=stacks).
//
// Routes added for these (under /api/v2/ but the upload link):
//
//	GET    organizations/{org}/workspaces, POST organizations/{org}/workspaces
//	GET    organizations/{org}/workspaces/{name}, PATCH organizations/{org}/workspaces/{name}
//	DELETE organizations/{org}/workspaces/{name}
//	POST   organizations/{org}/workspaces/{name}/actions/safe-delete
//	GET    workspaces/{ws}, PATCH workspaces/{ws}, DELETE workspaces/{ws}
//	POST   workspaces/{ws}/actions/safe-delete
//	GET    workspaces/{ws}/tag-bindings, GET projects/{prj}/tag-bindings
//	GET    organizations/{org}/projects, POST organizations/{org}/projects
//	GET    projects/{prj}, PATCH projects/{prj}, DELETE projects/{prj}
//	GET    organizations/{org}/agent-pools, POST organizations/{org}/agent-pools
//	GET    agent-pools/{id}, PATCH agent-pools/{id}, DELETE agent-pools/{id}
//	POST   varsets/{id}/relationships/stacks, DELETE varsets/{id}/relationships/stacks
//	GET    organizations/{org}/stacks, GET stacks/{id}
//	PATCH  organizations/{org}/registry-modules/{registry}/{namespace}/{name}/{provider}
//	GET    organizations/{org}/registry-modules/{registry}/{namespace}/{name}/{provider}/commits
//	POST   organizations/{org}/registry-modules/{registry}/{namespace}/{name}/{provider}/versions
//	GET    organizations/{org}/registry-modules/{registry}/{namespace}/{name}/{provider}/version (module_version=)
//	DELETE organizations/{org}/registry-modules/{registry}/{namespace}/{name}/{provider}/{version}
//	DELETE organizations/{org}/registry-modules/{registry}/{namespace}/{name}
//	POST   organizations/{org}/registry-modules/vcs, POST registry-modules
//	GET    registry-modules/{id}, GET registry-modules/{id}/tag-bindings
//	POST   registry-modules/{org}/{name}/{provider}/{action} (the only action: versions)
//	POST   registry-modules/actions/delete/{org}/{name}
//	POST   registry-modules/actions/delete/{org}/{name}/{provider}
//	POST   registry-modules/actions/delete/{org}/{name}/{provider}/{version}
//	PUT    /_archivist/v1/object/{secret} (the upload link)
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
