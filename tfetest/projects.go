package tfetest

import (
	"maps"
	"net/http"
	"strconv"
	"strings"
)

// Handlers for projects: organizations/:org/projects (GET list, POST
// create) and projects/:id (GET, PATCH, DELETE).

// projectDefaults are the documented defaults of the project settings the
// fake stores and answers back without giving them meaning.
var projectDefaults = map[string]any{
	"auto-destroy-activity-duration": nil,
	"stacks-default-execution-mode":  "remote",
}

func (st *store) listProjects(r *http.Request) (int, any, *apiError) {
	o, p, apiErr := st.orgPage(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	inc, apiErr := parseInclude(r, "effective_tag_bindings")
	if apiErr != nil {
		return fail(apiErr)
	}
	qv := r.URL.Query()
	q := strings.ToLower(qv.Get("q"))
	names := splitList(qv.Get("filter[names]"))
	tagged := taggedFilter(r)
	var all []*project
	for _, prj := range sortedBy(st.projects, func(p *project) int { return p.seq }) {
		switch {
		case prj.org != o, !strings.Contains(strings.ToLower(prj.name), q),
			len(names) > 0 && !contains(names, prj.name), !tagged(prj.tagBindings):
			continue
		}
		all = append(all, prj)
	}
	var data, included []resource
	for _, prj := range paginate(all, p) {
		res := st.projectAnswer(prj)
		if inc["effective_tag_bindings"] {
			res.Relationships["effective-tag-bindings"] = relationship{Data: tagBindingIdents(prj.tagBindings, "effective-tag-bindings")}
			for _, b := range tagBindingResources(prj.tagBindings) {
				b.Type = "effective-tag-bindings"
				included = append(included, b)
			}
		}
		data = append(data, res)
	}
	return page(r, p, len(all), data, included)
}

// taggedFilter reads filter[tagged][i][key] and filter[tagged][i][value]:
// a tag list narrows to what has every key (with that value, when given).
func taggedFilter(r *http.Request) func([]tagBinding) bool {
	q := r.URL.Query()
	type kv struct{ key, value string }
	var want []kv
	for i := 0; q.Has("filter[tagged][" + strconv.Itoa(i) + "][key]"); i++ {
		p := "filter[tagged][" + strconv.Itoa(i) + "]"
		want = append(want, kv{q.Get(p + "[key]"), q.Get(p + "[value]")})
	}
	return func(bindings []tagBinding) bool {
		for _, w := range want {
			if !hasTag(bindings, w.key, w.value) {
				return false
			}
		}
		return true
	}
}

func (st *store) createProject(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	prj, apiErr := draftBody(r, projectBody, &project{org: o}, st.draftProject)
	if apiErr != nil {
		return fail(apiErr)
	}
	st.addProject(prj)
	return one(http.StatusCreated, st.projectAnswer(prj), nil)
}

// addProject stores p, giving it an ID when it has none.
func (st *store) addProject(p *project) {
	if p.id == "" {
		p.id = st.newID("prj")
	}
	p.seq = st.nextSeq()
	p.createdAt = st.timestamp()
	st.projects[p.id] = p
}

func (st *store) readProject(r *http.Request) (int, any, *apiError) {
	prj, apiErr := st.findProject(r.PathValue("prj"))
	if apiErr != nil {
		return fail(apiErr)
	}
	if _, apiErr := parseInclude(r, "effective_tag_bindings"); apiErr != nil {
		return fail(apiErr)
	}
	return one(http.StatusOK, st.projectAnswer(prj), nil)
}

func (st *store) updateProject(r *http.Request) (int, any, *apiError) {
	prj, apiErr := st.findProject(r.PathValue("prj"))
	if apiErr != nil {
		return fail(apiErr)
	}
	return update(r, prj, projectBody, st.draftProject, st.projectAnswer)
}

// deleteProject refuses the default project and a project that still
// holds workspaces or stacks, as the service does; the variable sets the
// project owns go with it.
func (st *store) deleteProject(r *http.Request) (int, any, *apiError) {
	prj, apiErr := st.findProject(r.PathValue("prj"))
	if apiErr != nil {
		return fail(apiErr)
	}
	if prj.id == prj.org.defaultProjectID {
		return fail(errInvalid("", "the default project of an organization cannot be deleted"))
	}
	if n := st.projectWorkspaces(prj); n > 0 {
		return fail(errConflict("project " + quote(prj.name) + " still contains " + strconv.Itoa(n) + " workspace(s) or stack(s); move or delete them first"))
	}
	delete(st.projects, prj.id)
	maps.DeleteFunc(st.varsets, func(_ string, vs *varset) bool { return vs.parentType == "projects" && vs.parentID == prj.id })
	st.pruneOrphans()
	return noContent()
}

// projectWorkspaces counts the workspaces and stacks in prj.
func (st *store) projectWorkspaces(prj *project) int {
	n := 0
	for _, ws := range st.workspaces {
		if ws.projectID == prj.id {
			n++
		}
	}
	for _, s := range st.stacks {
		if s.projectID == prj.id {
			n++
		}
	}
	return n
}

// defaults are the execution mode and agent pool the project's workspaces
// inherit: its own when set, else its organization's.
func (p *project) defaults() (mode, pool string) {
	if p.execMode != "" {
		return p.execMode, p.poolID
	}
	return p.org.execMode, p.org.poolID
}

// projectAnswer renders p with its workspace-count, which only the store
// knows.
func (st *store) projectAnswer(p *project) resource {
	res := projectResource(p)
	res.Attributes["workspace-count"] = st.projectWorkspaces(p)
	return res
}

// projectResource renders a project as the projects API does, but for its
// workspace-count (see projectAnswer).
func projectResource(p *project) resource {
	mode, pool := p.defaults()
	attrs := map[string]any{}
	maps.Copy(attrs, projectDefaults)
	maps.Copy(attrs, p.settings)
	maps.Copy(attrs, map[string]any{
		"name":                   p.name,
		"description":            p.description,
		"created-at":             formatTime(p.createdAt),
		"default-execution-mode": mode,
		"team-count":             0,
		"is-unified":             false,
		"setting-overwrites": map[string]bool{
			"default-execution-mode": p.execMode != "",
			"default-agent-pool":     p.execMode != "",
		},
		"permissions": map[string]bool{
			"can-read": true, "can-update": true, "can-destroy": true, "can-create-workspace": true,
			"can-move-workspace": true, "can-move-stack": true, "can-deploy-no-code-modules": true,
			"can-read-teams": true, "can-manage-tags": true, "can-manage-teams": true,
			"can-manage-in-hcp": false, "can-manage-ephemeral-workspace-for-projects": true,
			"can-manage-varsets": true,
		},
	})
	return resource{
		ID: p.id, Type: "projects", Attributes: attrs,
		Relationships: map[string]relationship{
			"organization":       toOne("organizations", p.org.name),
			"default-agent-pool": toOne("agent-pools", pool),
		},
		Links: map[string]string{"self": apiPath("projects", p.id)},
	}
}
