package tfetest

import "strings"

// Workspaces are seeded (AddWorkspace) or made from a no-code module; the
// fake serves no workspaces endpoint of its own, but renders workspaces in
// includes and in the no-code workspace create answer.

var execModes = []string{"remote", "local", "agent"}

// checkPool applies the agent-pool rule of workspaces and organization
// defaults: agent mode needs a pool of the organization, and a pool is only
// allowed with agent mode. modePtr and poolPtr are where to point an error.
// The texts are the service's (go-tfe's tests look for them).
func (st *store) checkPool(o *org, mode, poolID, modePtr, poolPtr string) *apiError {
	if mode == "agent" && poolID == "" {
		return errInvalid(poolPtr, "Agent pool must be specified when using 'agent' execution mode")
	}
	if mode != "agent" && poolID != "" {
		return errInvalid(poolPtr, "Agent pool must not be specified unless using 'agent' execution mode (the execution mode is "+quote(mode)+")")
	}
	if p, ok := st.pools[poolID]; poolID != "" && (!ok || p.org != o) {
		return errInvalid(poolPtr, "agent pool "+quote(poolID)+" not found in organization "+quote(o.name))
	}
	return nil
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

// workspaceResource renders a workspace the way the workspaces API does,
// with the attributes the fake tracks.
func (st *store) workspaceResource(ws *workspace) resource {
	attrs := map[string]any{
		"name":              ws.name,
		"description":       ws.description,
		"execution-mode":    ws.execMode,
		"auto-apply":        ws.autoApply,
		"terraform-version": ws.terraformVersion,
		"source-name":       nilIfEmpty(ws.sourceName),
		"source-url":        nilIfEmpty(ws.sourceURL),
		"created-at":        formatTime(ws.createdAt),
		"setting-overwrites": map[string]any{
			"execution-mode": ws.execMode != ws.org.execMode,
			"agent-pool":     ws.poolID != ws.org.poolID,
		},
	}
	rels := map[string]relationship{
		"organization": toOne("organizations", ws.org.name),
		"project":      toOne("projects", ws.projectID),
		"agent-pool":   toOne("agent-pools", ws.poolID),
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
		Links: map[string]string{"self": apiPath("organizations", ws.org.name, "workspaces", ws.name)},
	}
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
