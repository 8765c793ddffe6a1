package tfetest

import (
	"regexp"
	"strings"
)

// projectName is what the service takes as a project name: letters,
// numbers, spaces, - and _, 3 to 40 characters, no space at either end.
var projectName = regexp.MustCompile(`^[A-Za-z0-9_-]([A-Za-z0-9 _-]{1,38})[A-Za-z0-9_-]$`)

// autoDestroyDuration is the format of auto-destroy-activity-duration.
var autoDestroyDuration = regexp.MustCompile(`^\d{1,4}[dh]$`)

// draftProject applies a project create or update body to a copy of old.
func (st *store) draftProject(in *input, old *project) (*project, *apiError) {
	p := *old
	if name, ok := in.str("name"); ok || old.id == "" {
		switch {
		case name == "":
			return nil, errInvalid(in.attr("name"), "Name can't be blank")
		case !projectName.MatchString(name):
			return nil, errInvalid(in.attr("name"), "Name may only contain letters, numbers, spaces, dashes (-) and underscores (_), must not start or end with a space, and must be 3 to 40 characters long")
		}
		for _, other := range st.projects {
			if other.org == p.org && other.id != p.id && strings.EqualFold(other.name, name) {
				return nil, errInvalid(in.attr("name"), "Name has already been taken")
			}
		}
		p.name = name
	}
	p.description = stringAttr(in, "description", p.description)
	if d, ok := in.str("auto-destroy-activity-duration"); ok && d != "" && !autoDestroyDuration.MatchString(d) {
		return nil, errInvalid(in.attr("auto-destroy-activity-duration"), "Auto destroy activity duration has an incorrect format, we expect up to 4 numeric digits and 1 unit ('d' or 'h')")
	}
	if m, ok := in.str("stacks-default-execution-mode"); ok && m != "remote" && m != "agent" {
		return nil, errInvalid(in.attr("stacks-default-execution-mode"), "stacks-default-execution-mode must be remote or agent; got "+quote(m))
	}
	p.settings = in.settings(old.settings, projectDefaults)
	bindings, apiErr := st.readTagBindings(in, p.tagBindings)
	if apiErr != nil {
		return nil, apiErr
	}
	p.tagBindings = bindings
	if apiErr := st.draftProjectDefaults(in, &p, old); apiErr != nil {
		return nil, apiErr
	}
	return &p, nil
}

// draftProjectDefaults reads default-execution-mode and the default agent
// pool (attribute default-agent-pool-id or relationship default-agent-pool).
// A project follows its organization's defaults until a body sets a mode
// or pool; setting-overwrites with default-execution-mode false makes it
// follow them again.
func (st *store) draftProjectDefaults(in *input, p, old *project) *apiError {
	var c execChange
	if apiErr := c.readMode(in, "default-execution-mode"); apiErr != nil {
		return apiErr
	}
	// Unlike a workspace's, the attribute and the relationship may name
	// different pools: the relationship wins.
	if _, apiErr := c.readPool(in, "default-agent-pool-id", "default-agent-pool"); apiErr != nil {
		return apiErr
	}
	if ov, ok := in.object("setting-overwrites"); ok {
		if b, ok := ov["default-execution-mode"].(bool); ok && !b && !c.modeGiven {
			p.execMode, p.poolID = "", ""
			return nil
		}
	}
	if !c.modeGiven && !c.poolGiven {
		return nil
	}
	if old.execMode == "" {
		p.execMode, p.poolID = old.defaults()
	}
	var apiErr *apiError
	if p.execMode, p.poolID, apiErr = st.settle(p.org, c, p.execMode, p.poolID); apiErr != nil {
		apiErr.Detail = "Default " + strings.ToLower(apiErr.Detail[:1]) + apiErr.Detail[1:]
		return apiErr
	}
	return nil
}
