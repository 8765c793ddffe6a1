package tfetest

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Create and update of workspaces: POST organizations/:org/workspaces,
// PATCH workspaces/:id and PATCH organizations/:org/workspaces/:name.

// maxWorkspaceName is the longest workspace name the service takes.
const maxWorkspaceName = 90

func (st *store) createWorkspace(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	ws, apiErr := draftBody(r, workspaceBody, &workspace{
		org: o, projectID: o.defaultProjectID, inherits: true, terraformVersion: defaultTerraformVersion,
	}, st.draftWorkspace)
	if apiErr != nil {
		return fail(apiErr)
	}
	st.addWorkspace(ws)
	return one(http.StatusCreated, st.workspaceResource(ws), nil)
}

func (st *store) updateWorkspace(r *http.Request) (int, any, *apiError) {
	ws, apiErr := st.workspaceFromPath(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	return update(r, ws, workspaceBody, st.draftWorkspace, st.workspaceResource)
}

// draftWorkspace applies a create or update body to a copy of old and
// checks the result; a draft of an update is stamped updated now.
// Nothing is stored.
func (st *store) draftWorkspace(in *input, old *workspace) (*workspace, *apiError) {
	ws := *old
	if name, ok := in.str("name"); ok || old.id == "" {
		switch {
		case name == "":
			return nil, errInvalid(in.attr("name"), "Name can't be blank")
		case !validName(name) || len(name) > maxWorkspaceName:
			return nil, errInvalid(in.attr("name"), "Name is invalid: use only letters, numbers, - and _, at most 90 characters")
		}
		if other := st.workspaceByName(ws.org, name); other != nil && other.id != ws.id {
			return nil, errInvalid(in.attr("name"), "Name has already been taken")
		}
		ws.name = name
	}
	ws.description = stringAttr(in, "description", ws.description)
	ws.sourceName = stringAttr(in, "source-name", ws.sourceName)
	ws.sourceURL = stringAttr(in, "source-url", ws.sourceURL)
	if b, ok := in.boolean("auto-apply"); ok {
		ws.autoApply = b
	}
	if v, ok := in.str("terraform-version"); ok {
		if !validTerraformVersion(v) {
			return nil, errInvalid(in.attr("terraform-version"), "Terraform version "+quote(v)+" is not a known version or a version constraint")
		}
		ws.terraformVersion = v
	}
	if repo, ok := in.object("vcs-repo"); ok && repo != nil {
		return nil, errInvalid(in.attr("vcs-repo")+"/oauth-token-id", "OAuth token not found: the fake has no VCS connections")
	}
	ws.settings = in.settings(old.settings, workspaceDefaults)
	if apiErr := st.draftProjectRef(in, &ws); apiErr != nil {
		return nil, apiErr
	}
	if apiErr := st.draftTags(in, &ws); apiErr != nil {
		return nil, apiErr
	}
	if apiErr := st.draftExecution(in, &ws, old); apiErr != nil {
		return nil, apiErr
	}
	if old.id != "" {
		ws.updatedAt = st.timestamp()
	}
	return &ws, nil
}

// stringAttr returns the string attribute name when sent (null reads as
// ""), else def.
func stringAttr(in *input, name, def string) string {
	if v, ok := in.str(name); ok {
		return v
	}
	return def
}

// terraformVersion matches an exact Terraform version or a constraint such
// as "~> 1.5" or ">= 1.2, < 2.0".
var terraformVersion = regexp.MustCompile(`^\s*(?:(?:~>|>=|<=|!=|>|<|=)?\s*v?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?\s*(?:,\s*|$))+$`)

func validTerraformVersion(v string) bool { return v == "latest" || terraformVersion.MatchString(v) }

// draftProjectRef reads the project relationship: a project of the
// workspace's organization.
func (st *store) draftProjectRef(in *input, ws *workspace) *apiError {
	id, ok, apiErr := in.relOne("project", "projects")
	if apiErr != nil || !ok {
		return apiErr
	}
	if p, found := st.projects[id]; !found || p.org != ws.org {
		return errInvalid(in.rel("project")+"/data/id", "project "+quote(id)+" not found in organization "+quote(ws.org.name))
	}
	ws.projectID = id
	return nil
}

// draftTags reads tag-names, the tags relationship (items with a name;
// added to tag-names) and the tag-bindings relationship (replaces the
// workspace's key/value tags).
func (st *store) draftTags(in *input, ws *workspace) *apiError {
	if names, ok := in.list("tag-names"); ok {
		ws.tagNames = nil
		for i, n := range names {
			s, _ := n.(string)
			if !validTagName(s) {
				return errInvalid(in.attr("tag-names")+"/"+strconv.Itoa(i), "tag name "+quote(s)+" is invalid: use letters, numbers, :, - and _")
			}
			ws.tagNames = appendNew(ws.tagNames, s)
		}
	}
	items, _, apiErr := in.relInline("tags", []string{"tags"}, tagAttrs)
	if apiErr != nil {
		return apiErr
	}
	for _, it := range items {
		s, _ := it.str("name")
		if !validTagName(s) {
			return errInvalid(it.attr("name"), "tag name "+quote(s)+" is invalid: use letters, numbers, :, - and _")
		}
		ws.tagNames = appendNew(ws.tagNames, s)
	}
	bindings, apiErr := st.readTagBindings(in, ws.tagBindings)
	ws.tagBindings = bindings
	return apiErr
}

func validTagName(s string) bool {
	return s != "" && len(s) <= 255 && strings.IndexFunc(s, func(r rune) bool {
		return !(r == ':' || r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) < 0
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// draftExecution reads the execution mode and agent pool. The pool comes
// as the attribute agent-pool-id or the relationship agent-pool; the
// deprecated operations flag stands for remote (true) or local (false).
// A workspace follows its organization's default until a body sets a mode
// or a pool, or setting-overwrites says so; setting-overwrites with
// execution-mode false makes it follow the default again.
func (st *store) draftExecution(in *input, ws, old *workspace) *apiError {
	var c execChange
	if apiErr := c.readMode(in, "execution-mode"); apiErr != nil {
		return apiErr
	}
	if ops, ok := in.boolean("operations"); ok {
		if c.modeGiven {
			return errInvalid(in.attr("operations"), "operations is deprecated and cannot be set together with execution-mode")
		}
		c.mode, c.modeGiven, c.modePtr = "local", true, in.attr("operations")
		if ops {
			c.mode = "remote"
		}
	}
	disagree, apiErr := c.readPool(in, "agent-pool-id", "agent-pool")
	switch {
	case apiErr != nil:
		return apiErr
	case disagree:
		return errInvalid(in.rel("agent-pool"), "agent-pool and agent-pool-id disagree")
	}
	ws.inherits = old.inherits && !c.modeGiven && !c.poolGiven
	if ov, ok := in.object("setting-overwrites"); ok {
		if b, ok := ov["execution-mode"].(bool); ok {
			ws.inherits = !b
		}
	}
	if ws.inherits {
		ws.execMode, ws.poolID = "", ""
		return nil
	}
	if old.inherits {
		ws.execMode, ws.poolID = st.execution(old)
	}
	ws.execMode, ws.poolID, apiErr = st.settle(ws.org, c, ws.execMode, ws.poolID)
	return apiErr
}
