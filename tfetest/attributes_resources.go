package tfetest

// Allow-lists (see attributes.go) of the workspaces, projects, agent pools
// and registry module writes, from the docs pages and the OpenAPI spec.
// Attributes the fake only stores and answers back are listed with their
// documented defaults in workspaceDefaults and projectDefaults.

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
