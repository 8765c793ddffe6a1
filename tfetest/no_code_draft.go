package tfetest

import (
	"slices"
	"strings"
)

// draftNoCode applies a create or update body to a copy of old. It reads
// the registry module (types registry-module or registry-modules), the
// version pin (a published version; by default the latest) and the
// variable options, which when present replace the whole set: an item with
// an id replaces that option set, one without makes a new set.
func (st *store) draftNoCode(in *input, old *noCodeModule) (*noCodeModule, *apiError) {
	nc := *old
	modID, _, apiErr := in.relOne("registry-module", "registry-module", "registry-modules")
	if apiErr != nil {
		return nil, apiErr
	}
	ptr := in.rel("registry-module") + "/data"
	m, ok := st.modules[modID]
	if modID == "" || !ok || m.org != nc.org {
		return nil, errInvalid(ptr, "registry module "+quote(modID)+" not found in organization "+quote(nc.org.name))
	}
	for _, other := range st.noCodeFor(m) {
		if other.id != nc.id {
			return nil, errInvalid(ptr, "registry module "+quote(modID)+" already has no-code module "+quote(other.id))
		}
	}
	if nc.moduleID != m.id {
		nc.moduleID, nc.versionPin = m.id, latestVersion(m)
	}
	if e, ok := in.boolean("enabled"); ok {
		nc.enabled = e
	}
	if pin, ok := in.str("version-pin"); ok {
		if m.version(pin) == nil {
			return nil, errInvalid(in.attr("version-pin"), "version-pin "+quote(pin)+" is not a published version of module "+quote(m.name))
		}
		nc.versionPin = pin
	}
	items, present, apiErr := in.relInline("variable-options", []string{"variable-options"}, varOptionAttrs)
	if apiErr != nil {
		return nil, apiErr
	}
	if present {
		if nc.options, apiErr = st.draftVarOptions(items, old.options, m.version(nc.versionPin)); apiErr != nil {
			return nil, apiErr
		}
	}
	return &nc, nil
}

func (st *store) draftVarOptions(items []*input, old []*varOption, mv *moduleVersion) ([]*varOption, *apiError) {
	out := []*varOption{}
	for _, it := range items {
		opt := &varOption{id: it.ID}
		if it.ID != "" && !slices.ContainsFunc(old, func(o *varOption) bool { return o.id == it.ID }) {
			return nil, errInvalid(it.ptr+"/id", "variable option set "+quote(it.ID)+" not found on this no-code module")
		}
		if opt.id == "" {
			opt.id = st.newID("ncvaropt")
		}
		opt.name, _ = it.str("variable-name")
		opt.typ, _ = it.str("variable-type")
		var ok bool
		if opt.options, ok = it.list("options"); !ok {
			return nil, errInvalid(it.attr("options"), "options is required")
		}
		switch {
		case strings.TrimSpace(opt.name) == "":
			return nil, errInvalid(it.attr("variable-name"), "variable-name is required")
		case strings.TrimSpace(opt.typ) == "":
			return nil, errInvalid(it.attr("variable-type"), "variable-type is required")
		case mv != nil && len(mv.vars) > 0 && !slices.ContainsFunc(mv.vars, func(v moduleVar) bool { return v.Name == opt.name }):
			return nil, errInvalid(it.attr("variable-name"), "module version "+mv.version+" has no variable "+quote(opt.name))
		case slices.ContainsFunc(out, func(o *varOption) bool { return o.name == opt.name }):
			return nil, errInvalid(it.attr("variable-name"), "variable "+quote(opt.name)+" has two option sets")
		}
		out = append(out, opt)
	}
	return out, nil
}

// latestVersion is the highest published version of m, "" when none.
// A version whose archive was never uploaded (status pending) or failed
// to ingest is not published: the service leaves the pin of a no-code
// module made then empty.
func latestVersion(m *registryModule) string {
	latest := ""
	for _, v := range m.versions {
		if v.status == "ok" && (latest == "" || compareVersions(v.version, latest) > 0) {
			latest = v.version
		}
	}
	return latest
}
