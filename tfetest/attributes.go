package tfetest

// The allow-lists below are the attribute names each resource type accepts
// per operation, from the official API docs pages (and, where the docs are
// silent, the OpenAPI spec). Anything else is ignored, or in strict mode
// answers 422 with source.pointer /data/attributes/<name>, so a misspelled
// wire name in a client fails loudly (see strict.go). Read-only attributes
// (created-at, var-count, ...) are left out on purpose. Attributes the fake
// only stores and answers back are listed with their documented defaults
// in orgDefaults, workspaceDefaults and projectDefaults.

// Workspace variables, variable set variables, and the inline variables of
// a variable set create/update, a no-code workspace create and an upgrade.
var varAttrs = attrSpec{
	"key":         kString,
	"value":       kNullString,
	"description": kNullString,
	"category":    kString,
	"hcl":         kBool,
	"sensitive":   kBool,
}

// Variable sets, create and update (PUT/PATCH varsets/:id).
var varsetAttrs = attrSpec{
	"name":        kString,
	"description": kNullString,
	"global":      kBool,
	"priority":    kBool,
}

var varsetRels = []string{"workspaces", "projects", "stacks", "vars", "parent"}

// Organizations, create and update. max-ttl-enabled is not on the docs
// page but the service accepts it (every client sends it); stacks-enabled,
// user-tokens-enabled and registry-monorepo-support-enabled are what
// go-tfe sends, the first in the OpenAPI description too.
var orgBody = body{typ: "organizations", attrs: attrSpec{
	"name":                     kString,
	"email":                    kString,
	"session-timeout":          kInt,
	"session-remember":         kInt,
	"collaborator-auth-policy": kString,
	"cost-estimation-enabled":  kBool,
	"send-passing-statuses-for-untriggered-speculative-plans": kBool,
	"aggregated-commit-status-enabled":                        kBool,
	"speculative-plan-management-enabled":                     kBool,
	"owners-team-saml-role-id":                                kNullString,
	"assessments-enforced":                                    kBool,
	"allow-force-delete-workspaces":                           kBool,
	"default-execution-mode":                                  kString,
	"default-agent-pool-id":                                   kNullString,
	"enforce-hyok":                                            kBool,
	"max-ttl-enabled":                                         kBool,
	"stacks-enabled":                                          kBool,
	"user-tokens-enabled":                                     kBool,
	"registry-monorepo-support-enabled":                       kBool,
	"recoverable-items-enabled":                               kBool,
	"global-module-sharing":                                   kBool,
	"global-provider-sharing":                                 kBool,
}, rels: []string{"default-agent-pool"}}

// Organization token TTL policies (PATCH, a single resource).
var ttlAttrs = attrSpec{"token-ttl-policies": kList}

// Keys of one entry of token-ttl-policies.
var ttlEntryKeys = []string{"token-type", "max-ttl-ms"}

// Admin SMTP settings (PATCH).
var smtpAttrs = attrSpec{
	"enabled":            kBool,
	"host":               kString,
	"port":               kInt,
	"sender":             kString,
	"auth":               kString,
	"username":           kNullString,
	"password":           kNullString,
	"test-email-address": kNullString,
}

// Workspaces, create and update (by ID or by name).
var workspaceBody = body{typ: "workspaces", attrs: attrSpec{
	"name":                           kString,
	"description":                    kNullString,
	"execution-mode":                 kString,
	"agent-pool-id":                  kNullString,
	"terraform-version":              kString,
	"auto-apply":                     kBool,
	"auto-apply-run-trigger":         kBool,
	"auto-destroy-at":                kNullString,
	"auto-destroy-activity-duration": kNullString,
	"inherits-project-auto-destroy":  kBool,
	"allow-destroy-plan":             kBool,
	"assessments-enabled":            kBool,
	"file-triggers-enabled":          kBool,
	"global-remote-state":            kBool,
	"project-remote-state":           kBool,
	"migration-environment":          kString,
	"operations":                     kBool,
	"queue-all-runs":                 kBool,
	"speculative-enabled":            kBool,
	"source-name":                    kNullString,
	"source-url":                     kNullString,
	"structured-run-output-enabled":  kBool,
	"trigger-prefixes":               kList,
	"trigger-patterns":               kList,
	"working-directory":              kNullString,
	"vcs-repo":                       kObject,
	"setting-overwrites":             kObject,
	"hyok-enabled":                   kBool,
	"tag-names":                      kList,
}, rels: []string{"project", "agent-pool", "tags", "tag-bindings"}}

// Items of a tags relationship (workspaces) and of a tag-bindings
// relationship (workspaces, projects, registry modules).
var (
	tagAttrs        = attrSpec{"name": kString}
	tagBindingAttrs = attrSpec{"key": kString, "value": kNullString}
)

// Projects, create and update.
var projectBody = body{typ: "projects", attrs: attrSpec{
	"name":                           kString,
	"description":                    kNullString,
	"auto-destroy-activity-duration": kNullString,
	"default-execution-mode":         kString,
	"default-agent-pool-id":          kNullString,
	"stacks-default-execution-mode":  kString,
	"setting-overwrites":             kObject,
}, rels: []string{"tag-bindings", "default-agent-pool"}}

// Agent pools, create and update.
var agentPoolBody = body{typ: "agent-pools", attrs: attrSpec{
	"name":                kString,
	"organization-scoped": kBool,
}, rels: []string{"allowed-workspaces", "allowed-projects", "excluded-workspaces"}}

// Private registry modules created without VCS.
var registryModuleAttrs = attrSpec{
	"name":          kString,
	"provider":      kString,
	"namespace":     kString,
	"registry-name": kString,
	"no-code":       kBool,
}

// Registry module updates (PATCH). no-code is the deprecated way to make
// a module's no-code module; vcs-repo only applies to VCS modules.
var registryModuleUpdateAttrs = attrSpec{
	"no-code":     kBool,
	"test-config": kObject,
	"vcs-repo":    kObject,
}

// Registry modules published from VCS (POST .../registry-modules/vcs).
var registryModuleVCSAttrs = attrSpec{
	"name":            kString,
	"provider":        kString,
	"vcs-repo":        kObject,
	"initial-version": kString,
	"test-config":     kObject,
}

// Registry module versions (POST .../versions).
var moduleVersionAttrs = attrSpec{
	"version":    kString,
	"commit-sha": kNullString,
}

// Data retention policies (POST organizations/:org/relationships/
// data-retention-policy); only the delete-older kind has an attribute.
var retentionAttrs = attrSpec{"delete-older-than-n-days": kInt}

// No-code modules, create and update.
var noCodeAttrs = attrSpec{
	"enabled":     kBool,
	"version-pin": kString,
}

var noCodeRels = []string{"registry-module", "variable-options"}

// Items of a no-code module's variable-options relationship.
var varOptionAttrs = attrSpec{
	"variable-name": kString,
	"variable-type": kString,
	"options":       kList,
}

// Workspaces created from a no-code module. auto_apply is spelled with an
// underscore, as on the docs page.
var noCodeWorkspaceAttrs = attrSpec{
	"name":              kString,
	"description":       kNullString,
	"auto_apply":        kBool,
	"execution-mode":    kString,
	"agent-pool-id":     kNullString,
	"terraform-version": kString,
	"source-name":       kString,
	"source-url":        kString,
	"message":           kString,
}

var noCodeWorkspaceRels = []string{"project", "vars"}

// Upgrade initiate and confirm bodies.
var upgradeAttrs = attrSpec{"message": kString}

var upgradeRels = []string{"vars"}
