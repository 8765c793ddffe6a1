// Package tfetest is an in-process fake of the HCP Terraform / Terraform
// Enterprise API for tests: a real HTTP server on a loopback port that
// speaks the JSON:API wire format under /api/v2/ from an in-memory store.
//
// It behaves like the service for any client, not like a fixture for this
// SDK alone: it takes what the service takes and refuses what it refuses,
// with the service's status codes and JSON:API error shapes. It checks
// the bearer token (401), the content type of bodies (415), resource
// types and the JSON type of every attribute it knows (422 with a
// source.pointer), answers 404 for unknown IDs, enforces the documented
// conflicts and limits, paginates lists with the documented meta and
// links, and never answers write-only values (a sensitive variable's
// value, the SMTP password and test address). Every answer carries the
// server headers TFP-API-Version and TFP-AppName, and as Terraform
// Enterprise X-TFE-Version and X-TFE-Current-Version.
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
// # Attributes and strict mode
//
// By default a request may carry attributes and relationships tfetest does
// not know, and they are ignored: the service takes every attribute it
// documents (and clients send newer ones, such as go-tfe's stacks-enabled
// on every organization create), while the docs do not say what it does
// with a name it does not know, so the fake must not refuse what the
// service may take. An attribute it knows with the wrong JSON type is
// still a 422. WithStrictAttributes (tfe-fake -strict) refuses unknown
// names with 422 and the member's source.pointer instead, so an SDK
// author's misspelled wire name fails loudly; this SDK's own tests run
// strict.
//
// # Where the sources disagree
//
// Where the docs, the OpenAPI description and go-tfe's tests disagree,
// tfetest decides from the OpenAPI description and the docs, and takes both
// spellings where the service plausibly does:
//
//   - No-code module reads take include=variable_options (the docs) and
//     include=variable-options (go-tfe, the relationship's name).
//   - A no-code module created without enabled is not enabled: the docs
//     give false as the default (go-tfe's beta tests expect true).
//   - Token TTL policies: the OpenAPI description lists five token types,
//     the fifth metrics, and metrics tokens are HCP Terraform only there.
//     So WithHCPTerraform has five policies and Terraform Enterprise (the
//     default) four, refusing metrics on PATCH. The list is paginated.
//   - The default agent pool of an organization is taken as the documented
//     attribute default-agent-pool-id or as go-tfe's relationship
//     default-agent-pool.
//   - all-vars answers each variable with configurable and workspace set to
//     the workspace whose runs see it (the OpenAPI description allows it,
//     and go-tfe decodes configurable as a workspace), varset set to the
//     variable set it comes from, and overwritten listing what it hides.
//     Precedence follows the variable sets docs: a priority set beats
//     everything, then the workspace's own variables, then sets by scope
//     (applied to the workspace, to its project, global); within a scope a
//     project-owned set beats an organization-owned one, then names sort.
//
// Figures the docs do not give: organizations report a
// remaining-testable-count of 5, no trial, and every permission of the
// OpenAPI description (the token acts as an owner); the capacity is idle
// and the run queue empty (the fake runs nothing); the entitlement set has
// the paid features on, Waypoint actions and Infragraph with
// near-real-time updates off.
//
// # Routes
//
// A method and path not listed here answers 404 titled "route not
// implemented by tfetest", where a missing resource's 404 is titled "not
// found", so a test can tell the two apart. Paths are under /api/v2/;
// "TFE" marks Terraform Enterprise only (404 with WithHCPTerraform).
//
//	GET    ping (needs no token)
//	GET    organizations, POST organizations
//	GET    organizations/{org} (include default-project, entitlement_set, subscription)
//	PATCH  organizations/{org}, DELETE organizations/{org}
//	GET    organizations/{org}/capacity
//	GET    organizations/{org}/runs/queue
//	GET    organizations/{org}/entitlement-set
//	GET    organizations/{org}/relationships/data-retention-policy (TFE)
//	POST   organizations/{org}/relationships/data-retention-policy (TFE)
//	DELETE organizations/{org}/relationships/data-retention-policy (TFE)
//	GET    organizations/{org}/token-ttl-policies, PATCH organizations/{org}/token-ttl-policies
//	GET    organizations/{org}/teams (filter[names]), GET teams/{id}
//	POST   teams/{id}/authentication-token, DELETE teams/{id}/authentication-token
//	GET    admin/smtp-settings, PATCH admin/smtp-settings (TFE)
//	GET    workspaces/{ws}/vars, POST workspaces/{ws}/vars
//	GET    workspaces/{ws}/vars/{id}, PATCH workspaces/{ws}/vars/{id}, DELETE workspaces/{ws}/vars/{id}
//	GET    workspaces/{ws}/all-vars
//	GET    organizations/{org}/varsets, POST organizations/{org}/varsets
//	GET    workspaces/{ws}/varsets, GET projects/{prj}/varsets
//	GET    varsets/{id}, PATCH varsets/{id}, PUT varsets/{id}, DELETE varsets/{id}
//	POST   varsets/{id}/relationships/workspaces, DELETE varsets/{id}/relationships/workspaces
//	POST   varsets/{id}/relationships/projects, DELETE varsets/{id}/relationships/projects
//	GET    varsets/{id}/relationships/vars, POST varsets/{id}/relationships/vars
//	GET    varsets/{id}/relationships/vars/{var}, PATCH varsets/{id}/relationships/vars/{var}, DELETE varsets/{id}/relationships/vars/{var}
//	GET    organizations/{org}/registry-modules, POST organizations/{org}/registry-modules
//	GET    organizations/{org}/registry-modules/{registry}/{namespace}/{name}/{provider}
//	DELETE organizations/{org}/registry-modules/{registry}/{namespace}/{name}/{provider}
//	POST   organizations/{org}/no-code-modules
//	GET    no-code-modules/{id}, PATCH no-code-modules/{id}, DELETE no-code-modules/{id}
//	GET    no-code-modules/{id}/versions/{version}/module-variables
//	POST   no-code-modules/{id}/workspaces
//	POST   no-code-modules/{id}/workspaces/{ws}/upgrade
//	GET    no-code-modules/{id}/workspaces/{ws}/upgrade/{run}, POST no-code-modules/{id}/workspaces/{ws}/upgrade/{run}
//
// # Conformance
//
// make conformance runs hashicorp/go-tfe v1.111.2's integration tests for
// these areas, unmodified, against tfe-fake (README.md has the latest
// table). These cannot pass against a fake; go-tfe skips them there:
//
//   - A VCS connection or GitHub token (GITHUB_REGISTRY_MODULE_IDENTIFIER,
//     GITHUB_REGISTRY_NO_CODE_MODULE_IDENTIFIER, OAUTH_CLIENT_GITHUB_TOKEN):
//     TestRegistryModulesCreateWithVCSConnection and its BranchBased,
//     MonorepoBranchBased, MonorepoTagBased, MonorepoNonStandardName,
//     BranchBasedWithVCSConnectionWithTesting, WithGithubApp and
//     _AgentExecutionValidation variants, TestRegistryModuleUpdateWithVCSConnection,
//     TestRegistryModulesListCommit, TestRegistryModulesUpdate_AgentExecutionValidation,
//     TestRegistryNoCodeModulesReadVariables, TestRegistryNoCodeModulesCreateWorkspace,
//     TestRegistryNoCodeModuleWorkspaceUpgrade, TestVariableSetsApplyToAndRemoveFromStacks
//     and TestVariableSetsUpdateStacks (stacks come from a VCS repository).
//   - HCP Terraform billing (skipped as Terraform Enterprise):
//     TestOrganizationsReadWithBusiness, TestOrganizationsReadEntitlements,
//     TestOrganizationsReadRunTasksEntitlement.
//   - Run infrastructure: TestOrganizationsReadCapacity_RunDependent and
//     TestOrganizationsReadRunQueue_RunDependent (real queued runs).
//   - TestRegistryModulesReadTerraformRegistryModule, skipped by go-tfe.
//
// TestRegistryNoCodeModulesCreate, TestRegistryNoCodeModulesRead and
// TestRegistryNoCodeModulesUpdate fail on purpose: they expect a no-code
// module created without enabled to be enabled, where the docs give false
// (see above).
//
// # Seeding
//
// What the API cannot create is seeded with methods: AddOrganization,
// AddProject, AddAgentPool, AddWorkspace, AddRegistryModule,
// AddModuleVersion, AddStack and AddTeam, or SeedDemo for a ready-made
// set. AddVariableSet and AddWorkspaceVariable give variables fixed IDs,
// and AddTeamToken makes a team's token for a client without a teams API.
// VariableSet and WorkspaceVariables report what the server holds.
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
// no-code true makes its no-code module, as go-tfe's tests expect.
// Publishing from VCS answers 422
// on vcs-repo.oauth-token-id (or github-app-installation-id), and a
// module's commits 404, since no module comes from a repository. Public
// registry modules (GET organizations/{org}/registry-modules/public/...)
// are seeded with AddRegistryModule and RegistryName public. The module
// registry protocol's read of one version answers plain JSON, errors
// included, for a private module (namespace: its organization) under
// /api/registry/v1/ and a public one under /api/registry/public/v1/; it
// serves the versions whose archive was ingested, with the variables a
// seeded version declares as the root module's inputs. Stacks, made from
// VCS by the API, are seeded with AddStack; variable sets apply to them
// (varsets/{id}/relationships/stacks, include=stacks) and may be owned by
// a project (the parent relationship).
//
// Routes added for these (under /api/v2/ but the upload link and the
// registry protocol):
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
//	GET    /api/registry/v1/modules/{namespace}/{name}/{provider}/{version}
//	GET    /api/registry/public/v1/modules/{namespace}/{name}/{provider}/{version}
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
// WithHCPTerraform makes the server act as HCP Terraform: the server
// headers say so, admin endpoints and data retention policies answer 404,
// and organizations read as HCP Terraform's do.
//
// A command, tfetest/cmd/tfe-fake, serves the same fake on a loopback port
// for tools written in other languages and for the examples (tfe-fake -h).
package tfetest
