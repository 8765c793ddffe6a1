package tfetest

// The allow-lists below are the attribute names each resource type accepts
// per operation, from the official API docs pages (and, where the docs are
// silent, the OpenAPI spec). Anything else answers 422 with
// source.pointer /data/attributes/<name>, so a misspelled wire name in a
// client fails loudly instead of being ignored. Read-only attributes
// (created-at, var-count, ...) are left out on purpose.

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

// Private registry modules created without VCS.
var registryModuleAttrs = attrSpec{
	"name":          kString,
	"provider":      kString,
	"namespace":     kString,
	"registry-name": kString,
	"no-code":       kBool,
}

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
