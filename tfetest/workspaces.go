package tfetest

import (
	"maps"
	"strings"
)

// Workspaces: the record every route shares (seeded with AddWorkspace, made
// through the workspaces API or from a no-code module) and how a workspace
// is rendered.

// defaultTerraformVersion is what a workspace gets when its create body or
// seed names no version ("latest release" on the service).
const defaultTerraformVersion = "1.9.8"

// workspaceByName finds a workspace of o by name.
func (st *store) workspaceByName(o *org, name string) *workspace {
	for _, ws := range st.workspaces {
		if ws.org == o && strings.EqualFold(ws.name, name) {
			return ws
		}
	}
	return nil
}

// addWorkspace stores ws, giving it an ID when it has none.
func (st *store) addWorkspace(ws *workspace) {
	if ws.id == "" {
		ws.id = st.newID("ws")
	}
	ws.seq = st.nextSeq()
	ws.createdAt = st.timestamp()
	st.workspaces[ws.id] = ws
}

// validName reports whether s is a valid organization or workspace name:
// letters, numbers, - and _.
func validName(s string) bool {
	if s == "" {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool {
		return !(r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) < 0
}

// workspaceDefaults are the documented defaults of the workspace settings
// the fake stores and answers back without giving them meaning.
var workspaceDefaults = map[string]any{
	"allow-destroy-plan":             true,
	"auto-apply-run-trigger":         false,
	"auto-destroy-at":                nil,
	"auto-destroy-activity-duration": nil,
	"inherits-project-auto-destroy":  true,
	"assessments-enabled":            false,
	"file-triggers-enabled":          true,
	"global-remote-state":            false,
	"project-remote-state":           false,
	"queue-all-runs":                 false,
	"speculative-enabled":            true,
	"structured-run-output-enabled":  true,
	"trigger-prefixes":               []any{},
	"trigger-patterns":               []any{},
	"working-directory":              "",
	"hyok-enabled":                   false,
}

// execution is the workspace's execution mode and agent pool: its own, or
// while it inherits them its project's defaults (see projectDefaults).
func (st *store) execution(ws *workspace) (mode, pool string) {
	if !ws.inherits {
		return ws.execMode, ws.poolID
	}
	if p, ok := st.projects[ws.projectID]; ok {
		return p.defaults()
	}
	return ws.org.execMode, ws.org.poolID
}

// workspaceResource renders a workspace the way the workspaces API does,
// with the attributes the fake tracks.
func (st *store) workspaceResource(ws *workspace) resource {
	mode, pool := st.execution(ws)
	attrs := map[string]any{}
	maps.Copy(attrs, workspaceDefaults)
	maps.Copy(attrs, ws.settings)
	tags := ws.tagNames
	if tags == nil {
		tags = []string{}
	}
	updated := ws.updatedAt
	if updated.IsZero() {
		updated = ws.createdAt
	}
	maps.Copy(attrs, map[string]any{
		"name":              ws.name,
		"description":       ws.description,
		"execution-mode":    mode,
		"operations":        mode != "local",
		"auto-apply":        ws.autoApply,
		"terraform-version": ws.terraformVersion,
		"source-name":       nilIfEmpty(ws.sourceName),
		"source-url":        nilIfEmpty(ws.sourceURL),
		"created-at":        formatTime(ws.createdAt),
		"updated-at":        formatTime(updated),
		"tag-names":         tags,
		"locked":            false,
		"environment":       "default",
		"resource-count":    0,
		"vcs-repo":          nil,
		"actions":           map[string]bool{"is-destroyable": true},
		"permissions":       workspacePermissions,
		"setting-overwrites": map[string]any{
			"execution-mode": !ws.inherits,
			"agent-pool":     !ws.inherits,
		},
	})
	var varIDs []string
	for _, v := range st.wsVars(ws.id) {
		varIDs = append(varIDs, v.id)
	}
	rels := map[string]relationship{
		"organization": toOne("organizations", ws.org.name),
		"project":      toOne("projects", ws.projectID),
		"agent-pool":   toOne("agent-pools", pool),
		"vars":         toMany("vars", varIDs),
	}
	if nc, ok := st.noCode[ws.noCodeID]; ok {
		attrs["source"] = "tfe-module"
		attrs["no-code-upgrade-available"] = nc.versionPin != ws.moduleVersion
		if m, ok := st.modules[nc.moduleID]; ok {
			attrs["source-module-id"] = strings.Join([]string{m.registry, m.namespace, m.name, m.provider, ws.moduleVersion}, "/")
		}
		rels["no-code-module"] = toOne("no-code-modules", nc.id)
	} else {
		attrs["source"] = "tfe-api"
	}
	return resource{
		ID: ws.id, Type: "workspaces", Attributes: attrs, Relationships: rels,
		Links: map[string]string{
			"self":      apiPath("organizations", ws.org.name, "workspaces", ws.name),
			"self-html": "/app/" + ws.org.name + "/workspaces/" + ws.name,
		},
	}
}

// workspacePermissions is what the fake's one user may do: everything.
var workspacePermissions = map[string]bool{
	"can-update": true, "can-destroy": true, "can-queue-run": true, "can-queue-apply": true,
	"can-queue-destroy": true, "can-read-variable": true, "can-update-variable": true,
	"can-lock": true, "can-unlock": true, "can-force-unlock": true, "can-read-settings": true,
	"can-read-state-versions": true, "can-manage-run-tasks": true, "can-force-delete": true,
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
