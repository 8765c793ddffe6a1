package tfetest

import "net/http"

// routes maps every endpoint the fake serves to its handler. Anything else
// answers a JSON:API 404.
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	h := mux.HandleFunc
	const v2 = "/api/v2/"

	h("GET "+v2+"ping", s.ping)

	// Workspace variables.
	h("GET "+v2+"workspaces/{ws}/vars", s.listWorkspaceVars)
	h("POST "+v2+"workspaces/{ws}/vars", s.createWorkspaceVar)
	h("GET "+v2+"workspaces/{ws}/vars/{id}", s.readWorkspaceVar)
	h("PATCH "+v2+"workspaces/{ws}/vars/{id}", s.updateWorkspaceVar)
	h("DELETE "+v2+"workspaces/{ws}/vars/{id}", s.deleteWorkspaceVar)
	h("GET "+v2+"workspaces/{ws}/all-vars", s.listAllVars)

	// Variable sets.
	h("GET "+v2+"organizations/{org}/varsets", s.listOrgVarsets)
	h("POST "+v2+"organizations/{org}/varsets", s.createVarset)
	h("GET "+v2+"workspaces/{ws}/varsets", s.listWorkspaceVarsets)
	h("GET "+v2+"projects/{prj}/varsets", s.listProjectVarsets)
	h("GET "+v2+"varsets/{id}", s.readVarset)
	h("PATCH "+v2+"varsets/{id}", s.updateVarset)
	h("PUT "+v2+"varsets/{id}", s.updateVarset)
	h("DELETE "+v2+"varsets/{id}", s.deleteVarset)
	h("POST "+v2+"varsets/{id}/relationships/workspaces", s.applyVarsetToWorkspaces)
	h("DELETE "+v2+"varsets/{id}/relationships/workspaces", s.removeVarsetFromWorkspaces)
	h("POST "+v2+"varsets/{id}/relationships/projects", s.applyVarsetToProjects)
	h("DELETE "+v2+"varsets/{id}/relationships/projects", s.removeVarsetFromProjects)

	// Variable set variables.
	h("GET "+v2+"varsets/{id}/relationships/vars", s.listVarsetVars)
	h("POST "+v2+"varsets/{id}/relationships/vars", s.createVarsetVar)
	h("GET "+v2+"varsets/{id}/relationships/vars/{var}", s.readVarsetVar)
	h("PATCH "+v2+"varsets/{id}/relationships/vars/{var}", s.updateVarsetVar)
	h("DELETE "+v2+"varsets/{id}/relationships/vars/{var}", s.deleteVarsetVar)

	// Organizations and their token TTL policies.
	h("GET "+v2+"organizations", s.listOrgs)
	h("POST "+v2+"organizations", s.createOrg)
	h("GET "+v2+"organizations/{org}", s.readOrg)
	h("PATCH "+v2+"organizations/{org}", s.updateOrg)
	h("DELETE "+v2+"organizations/{org}", s.deleteOrg)
	h("GET "+v2+"organizations/{org}/token-ttl-policies", s.listTTLPolicies)
	h("PATCH "+v2+"organizations/{org}/token-ttl-policies", s.updateTTLPolicies)

	// Admin settings (Terraform Enterprise only).
	h("GET "+v2+"admin/smtp-settings", s.readSMTP)
	h("PATCH "+v2+"admin/smtp-settings", s.updateSMTP)

	// Private registry modules.
	const mod = "organizations/{org}/registry-modules/{registry}/{namespace}/{name}/{provider}"
	h("GET "+v2+"organizations/{org}/registry-modules", s.listRegistryModules)
	h("POST "+v2+"organizations/{org}/registry-modules", s.createRegistryModule)
	h("GET "+v2+mod, s.readRegistryModule)
	h("DELETE "+v2+mod, s.deleteRegistryModule)

	// No-code modules, their workspaces and upgrades.
	h("POST "+v2+"organizations/{org}/no-code-modules", s.createNoCodeModule)
	h("GET "+v2+"no-code-modules/{id}", s.readNoCodeModule)
	h("PATCH "+v2+"no-code-modules/{id}", s.updateNoCodeModule)
	h("DELETE "+v2+"no-code-modules/{id}", s.deleteNoCodeModule)
	h("GET "+v2+"no-code-modules/{id}/versions/{version}/module-variables", s.readModuleVariables)
	h("POST "+v2+"no-code-modules/{id}/workspaces", s.createNoCodeWorkspace)
	h("POST "+v2+"no-code-modules/{id}/workspaces/{ws}/upgrade", s.upgradeWorkspace)
	h("GET "+v2+"no-code-modules/{id}/workspaces/{ws}/upgrade/{run}", s.readUpgrade)
	h("POST "+v2+"no-code-modules/{id}/workspaces/{ws}/upgrade/{run}", s.confirmUpgrade)

	h("/", notFoundRoute)
	return mux
}
