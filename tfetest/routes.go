package tfetest

import "net/http"

// routes maps every endpoint the fake serves to its handler. Anything else
// answers a JSON:API 404.
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	h := func(pattern string, fn handler) { mux.HandleFunc(pattern, s.serve(fn)) }
	const v2 = "/api/v2/"

	mux.HandleFunc("GET "+v2+"ping", s.ping)

	// Workspace variables.
	h("GET "+v2+"workspaces/{ws}/vars", (*store).listWorkspaceVars)
	h("POST "+v2+"workspaces/{ws}/vars", (*store).createWorkspaceVar)
	h("GET "+v2+"workspaces/{ws}/vars/{id}", (*store).readWorkspaceVar)
	h("PATCH "+v2+"workspaces/{ws}/vars/{id}", (*store).updateWorkspaceVar)
	h("DELETE "+v2+"workspaces/{ws}/vars/{id}", (*store).deleteWorkspaceVar)
	h("GET "+v2+"workspaces/{ws}/all-vars", (*store).listAllVars)

	// Variable sets.
	h("GET "+v2+"organizations/{org}/varsets", (*store).listOrgVarsets)
	h("POST "+v2+"organizations/{org}/varsets", (*store).createVarset)
	h("GET "+v2+"workspaces/{ws}/varsets", (*store).listWorkspaceVarsets)
	h("GET "+v2+"projects/{prj}/varsets", (*store).listProjectVarsets)
	h("GET "+v2+"varsets/{id}", (*store).readVarset)
	h("PATCH "+v2+"varsets/{id}", (*store).updateVarset)
	h("PUT "+v2+"varsets/{id}", (*store).updateVarset)
	h("DELETE "+v2+"varsets/{id}", (*store).deleteVarset)
	h("POST "+v2+"varsets/{id}/relationships/workspaces", (*store).applyVarsetToWorkspaces)
	h("DELETE "+v2+"varsets/{id}/relationships/workspaces", (*store).removeVarsetFromWorkspaces)
	h("POST "+v2+"varsets/{id}/relationships/projects", (*store).applyVarsetToProjects)
	h("DELETE "+v2+"varsets/{id}/relationships/projects", (*store).removeVarsetFromProjects)
	h("POST "+v2+"varsets/{id}/relationships/stacks", (*store).applyVarsetToStacks)
	h("DELETE "+v2+"varsets/{id}/relationships/stacks", (*store).removeVarsetFromStacks)
	h("GET "+v2+"organizations/{org}/stacks", (*store).listStacks)
	h("GET "+v2+"stacks/{id}", (*store).readStack)

	// Variable set variables.
	h("GET "+v2+"varsets/{id}/relationships/vars", (*store).listVarsetVars)
	h("POST "+v2+"varsets/{id}/relationships/vars", (*store).createVarsetVar)
	h("GET "+v2+"varsets/{id}/relationships/vars/{var}", (*store).readVarsetVar)
	h("PATCH "+v2+"varsets/{id}/relationships/vars/{var}", (*store).updateVarsetVar)
	h("DELETE "+v2+"varsets/{id}/relationships/vars/{var}", (*store).deleteVarsetVar)

	// Organizations and their token TTL policies.
	h("GET "+v2+"organizations", (*store).listOrgs)
	h("POST "+v2+"organizations", (*store).createOrg)
	h("GET "+v2+"organizations/{org}", (*store).readOrg)
	h("PATCH "+v2+"organizations/{org}", (*store).updateOrg)
	h("DELETE "+v2+"organizations/{org}", (*store).deleteOrg)
	h("GET "+v2+"organizations/{org}/token-ttl-policies", (*store).listTTLPolicies)
	h("PATCH "+v2+"organizations/{org}/token-ttl-policies", (*store).updateTTLPolicies)
	h("GET "+v2+"organizations/{org}/capacity", (*store).readCapacity)
	h("GET "+v2+"organizations/{org}/runs/queue", (*store).readRunQueue)
	h("GET "+v2+"organizations/{org}/entitlement-set", (*store).readEntitlements)
	h("GET "+v2+"organizations/{org}/relationships/data-retention-policy", (*store).readRetention)
	h("POST "+v2+"organizations/{org}/relationships/data-retention-policy", (*store).setRetention)
	h("DELETE "+v2+"organizations/{org}/relationships/data-retention-policy", (*store).deleteRetention)

	// Teams and team tokens.
	h("GET "+v2+"organizations/{org}/teams", (*store).listTeams)
	h("GET "+v2+"teams/{id}", (*store).readTeam)
	h("POST "+v2+"teams/{id}/authentication-token", (*store).createTeamToken)
	h("DELETE "+v2+"teams/{id}/authentication-token", (*store).deleteTeamToken)

	// Admin settings (Terraform Enterprise only).
	h("GET "+v2+"admin/smtp-settings", (*store).readSMTP)
	h("PATCH "+v2+"admin/smtp-settings", (*store).updateSMTP)

	// Private registry modules.
	const mod = "organizations/{org}/registry-modules/{registry}/{namespace}/{name}/{provider}"
	h("GET "+v2+"organizations/{org}/registry-modules", (*store).listRegistryModules)
	h("POST "+v2+"organizations/{org}/registry-modules", (*store).createRegistryModule)
	h("GET "+v2+mod, (*store).readRegistryModule)
	h("DELETE "+v2+mod, (*store).deleteRegistryModule)
	h("PATCH "+v2+mod, (*store).updateRegistryModule)
	h("GET "+v2+"organizations/{org}/registry-modules/{registry}/{namespace}/{name}/{provider}/commits", (*store).listModuleCommits)
	h("POST "+v2+"organizations/{org}/registry-modules/{registry}/{namespace}/{name}/{provider}/versions", (*store).createModuleVersion)
	h("GET "+v2+"organizations/{org}/registry-modules/{registry}/{namespace}/{name}/{provider}/version", (*store).readModuleVersion)
	h("DELETE "+v2+"organizations/{org}/registry-modules/{registry}/{namespace}/{name}/{provider}/{version}", (*store).deleteModuleVersion)
	h("DELETE "+v2+"organizations/{org}/registry-modules/{registry}/{namespace}/{name}", (*store).deleteModulesByName)
	h("POST "+v2+"organizations/{org}/registry-modules/vcs", (*store).createModuleFromVCS)
	h("POST "+v2+"registry-modules", (*store).createModuleFromVCS)
	h("GET "+v2+"registry-modules/{id}", (*store).readModuleByID)
	h("GET "+v2+"registry-modules/{id}/tag-bindings", (*store).listModuleTagBindings)
	h("POST "+v2+"registry-modules/{org}/{name}/{provider}/{action}", (*store).legacyModuleAction)
	h("POST "+v2+"registry-modules/actions/delete/{org}/{name}", (*store).legacyDelete)
	h("POST "+v2+"registry-modules/actions/delete/{org}/{name}/{provider}", (*store).legacyDelete)
	h("POST "+v2+"registry-modules/actions/delete/{org}/{name}/{provider}/{version}", (*store).legacyDelete)
	h("PUT "+uploadPath+"{secret}", (*store).uploadModuleVersion)

	// The module registry protocol (plain JSON, outside /api/v2/).
	const registryV1 = "/api/registry/v1/"
	const publicRegistryV1 = "/api/registry/public/v1/"
	h("GET "+registryV1+"modules/{namespace}/{name}/{provider}/{version}", (*store).readPrivateProtocolModule)
	h("GET "+publicRegistryV1+"modules/{namespace}/{name}/{provider}/{version}", (*store).readPublicProtocolModule)

	// No-code modules, their workspaces and upgrades.
	h("POST "+v2+"organizations/{org}/no-code-modules", (*store).createNoCodeModule)
	h("GET "+v2+"no-code-modules/{id}", (*store).readNoCodeModule)
	h("PATCH "+v2+"no-code-modules/{id}", (*store).updateNoCodeModule)
	h("DELETE "+v2+"no-code-modules/{id}", (*store).deleteNoCodeModule)
	h("GET "+v2+"no-code-modules/{id}/versions/{version}/module-variables", (*store).readModuleVariables)
	h("POST "+v2+"no-code-modules/{id}/workspaces", (*store).createNoCodeWorkspace)
	h("POST "+v2+"no-code-modules/{id}/workspaces/{ws}/upgrade", (*store).upgradeWorkspace)
	h("GET "+v2+"no-code-modules/{id}/workspaces/{ws}/upgrade/{run}", (*store).readUpgrade)
	h("POST "+v2+"no-code-modules/{id}/workspaces/{ws}/upgrade/{run}", (*store).confirmUpgrade)

	// Workspaces, projects and agent pools.
	const wsName = "organizations/{org}/workspaces/{name}"
	h("GET "+v2+"organizations/{org}/workspaces", (*store).listWorkspaces)
	h("POST "+v2+"organizations/{org}/workspaces", (*store).createWorkspace)
	h("GET "+v2+wsName, (*store).readWorkspace)
	h("PATCH "+v2+wsName, (*store).updateWorkspace)
	h("DELETE "+v2+wsName, (*store).deleteWorkspace)
	h("POST "+v2+"organizations/{org}/workspaces/{name}/actions/safe-delete", (*store).deleteWorkspace)
	h("GET "+v2+"workspaces/{ws}", (*store).readWorkspace)
	h("PATCH "+v2+"workspaces/{ws}", (*store).updateWorkspace)
	h("DELETE "+v2+"workspaces/{ws}", (*store).deleteWorkspace)
	h("POST "+v2+"workspaces/{ws}/actions/safe-delete", (*store).deleteWorkspace)
	h("GET "+v2+"workspaces/{ws}/tag-bindings", (*store).listWorkspaceTagBindings)
	h("GET "+v2+"organizations/{org}/projects", (*store).listProjects)
	h("POST "+v2+"organizations/{org}/projects", (*store).createProject)
	h("GET "+v2+"projects/{prj}", (*store).readProject)
	h("PATCH "+v2+"projects/{prj}", (*store).updateProject)
	h("DELETE "+v2+"projects/{prj}", (*store).deleteProject)
	h("GET "+v2+"projects/{prj}/tag-bindings", (*store).listProjectTagBindings)
	h("GET "+v2+"organizations/{org}/agent-pools", (*store).listAgentPools)
	h("POST "+v2+"organizations/{org}/agent-pools", (*store).createAgentPool)
	h("GET "+v2+"agent-pools/{id}", (*store).readAgentPool)
	h("PATCH "+v2+"agent-pools/{id}", (*store).updateAgentPool)
	h("DELETE "+v2+"agent-pools/{id}", (*store).deleteAgentPool)

	mux.HandleFunc("/", notFoundRoute)
	return mux
}
