package tfetest

import (
	"net/http"
	"slices"
	"strings"
)

// Handlers for workspaces: organizations/:org/workspaces (GET list, POST
// create), organizations/:org/workspaces/:name and workspaces/:id (GET,
// PATCH, DELETE) and actions/safe-delete under both.

// workspaceIncludes are the include values the service takes on workspace
// reads and lists. The fake holds no runs, state or configuration
// versions, so those relationships are null and include nothing.
var workspaceIncludes = []string{
	"organization", "project", "agent_pool", "vars", "readme", "outputs", "locked_by",
	"current_run", "current_run.plan", "current_run.apply", "current_run.configuration_version",
	"current_run.configuration_version.ingress_attributes", "latest_run", "latest_run.plan",
	"latest_run.configuration_version", "latest_run.configuration_version.ingress_attributes",
	"current_configuration_version", "current_configuration_version.ingress_attributes",
	"current_state_version", "current_state_version.resources_processed",
	"current_assessment_result", "effective_tag_bindings", "no_code_module_version",
	"no_code_module_version.no_code_module", "no_code_module_version.no_code_module.latest_version",
}

func (st *store) listWorkspaces(r *http.Request) (int, any, *apiError) {
	o, p, apiErr := st.orgPage(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	inc, apiErr := parseInclude(r, workspaceIncludes...)
	if apiErr != nil {
		return fail(apiErr)
	}
	keep := workspaceFilter(r)
	var all []*workspace
	for _, ws := range sortedBy(st.workspaces, func(w *workspace) int { return w.seq }) {
		if ws.org == o && keep(ws) {
			all = append(all, ws)
		}
	}
	switch r.URL.Query().Get("sort") {
	case "name":
		slices.SortStableFunc(all, func(a, b *workspace) int { return strings.Compare(a.name, b.name) })
	case "-name":
		slices.SortStableFunc(all, func(a, b *workspace) int { return strings.Compare(b.name, a.name) })
	}
	list := paginate(all, p)
	var data []resource
	for _, ws := range list {
		data = append(data, st.workspaceResource(ws))
	}
	return page(r, p, len(all), data, st.workspaceIncluded(list, inc))
}

// workspaceFilter reads the search and filter parameters of a workspace
// list: search[name] (a case-insensitive substring), search[wildcard-name]
// (* matches any run of characters), search[tags] (every tag),
// search[exclude-tags] (none of them), filter[project][id] and
// filter[current-run][status] (the fake's workspaces have no runs).
func workspaceFilter(r *http.Request) func(*workspace) bool {
	q := r.URL.Query()
	name := strings.ToLower(q.Get("search[name]"))
	wildcard := strings.ToLower(q.Get("search[wildcard-name]"))
	tags, excluded := splitList(q.Get("search[tags]")), splitList(q.Get("search[exclude-tags]"))
	prj := q.Get("filter[project][id]")
	runStatus := q.Get("filter[current-run][status]")
	return func(ws *workspace) bool {
		lower := strings.ToLower(ws.name)
		switch {
		case !strings.Contains(lower, name),
			wildcard != "" && !wildcardMatch(wildcard, lower),
			prj != "" && ws.projectID != prj,
			runStatus != "":
			return false
		}
		for _, t := range tags {
			if !contains(ws.tagNames, t) {
				return false
			}
		}
		for _, t := range excluded {
			if contains(ws.tagNames, t) {
				return false
			}
		}
		return true
	}
}

// wildcardMatch matches s against pattern, where * stands for any run of
// characters (possibly none) and everything else for itself.
func wildcardMatch(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := len(parts) - 1
	for _, part := range parts[1:last] {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	if last == 0 {
		return s == ""
	}
	return strings.HasSuffix(s, parts[last])
}

// splitList splits a comma-separated parameter, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (st *store) readWorkspace(r *http.Request) (int, any, *apiError) {
	ws, apiErr := st.workspaceFromPath(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	inc, apiErr := parseInclude(r, workspaceIncludes...)
	if apiErr != nil {
		return fail(apiErr)
	}
	return one(http.StatusOK, st.workspaceResource(ws), st.workspaceIncluded([]*workspace{ws}, inc))
}

// deleteWorkspace serves DELETE and safe-delete alike: the fake's
// workspaces manage no resources and are never locked, so a safe delete
// always succeeds.
func (st *store) deleteWorkspace(r *http.Request) (int, any, *apiError) {
	ws, apiErr := st.workspaceFromPath(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	delete(st.workspaces, ws.id)
	st.pruneOrphans()
	return noContent()
}

// workspaceFromPath finds the workspace a path names: workspaces/:ws, or
// organizations/:org/workspaces/:name.
func (st *store) workspaceFromPath(r *http.Request) (*workspace, *apiError) {
	if id := r.PathValue("ws"); id != "" {
		return st.findWorkspace(id)
	}
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return nil, apiErr
	}
	name := r.PathValue("name")
	if ws := st.workspaceByName(o, name); ws != nil {
		return ws, nil
	}
	return nil, errNotFound("workspace " + quote(name) + " not found")
}

// workspaceIncluded builds the included member of a workspace answer.
func (st *store) workspaceIncluded(list []*workspace, inc map[string]bool) []resource {
	var out []resource
	seen := map[string]bool{}
	add := func(res resource) {
		if key := res.Type + "/" + res.ID; !seen[key] {
			seen[key] = true
			out = append(out, res)
		}
	}
	for _, ws := range list {
		if inc["organization"] {
			add(st.orgResource(ws.org))
		}
		if p, ok := st.projects[ws.projectID]; ok && inc["project"] {
			add(st.projectAnswer(p))
		}
		if _, id := st.execution(ws); inc["agent_pool"] && st.pools[id] != nil {
			add(st.agentPoolResource(st.pools[id]))
		}
		if inc["vars"] {
			for _, v := range st.wsVars(ws.id) {
				add(st.varResource(v))
			}
		}
	}
	return out
}
