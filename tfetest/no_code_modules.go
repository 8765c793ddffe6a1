package tfetest

import (
	"net/http"
	"strconv"
)

// Handlers for no-code modules: POST organizations/:org/no-code-modules,
// GET/PATCH/DELETE no-code-modules/:id and the module variables of one of
// its versions.

// createNoCodeModule creates a no-code module, not enabled unless the
// body says so: the docs give false as the default (go-tfe's beta tests
// expect true; the package doc says why tfetest follows the docs).
func (st *store) createNoCodeModule(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	nc, apiErr := st.noCodeFromBody(r, &noCodeModule{org: o}, func(in *input) *apiError {
		return errInvalid(in.rel("registry-module"), "the registry-module relationship is required")
	})
	if apiErr != nil {
		return fail(apiErr)
	}
	nc.id = st.newID("nocode")
	nc.seq = st.nextSeq()
	st.saveNoCode(nc)
	// The docs answer 200 here, not 201.
	return one(http.StatusOK, noCodeResource(nc), nil)
}

func (st *store) readNoCodeModule(r *http.Request) (int, any, *apiError) {
	nc, apiErr := st.findNoCode(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	// The docs spell the include variable_options; go-tfe sends
	// variable-options, the relationship's name. Both are taken.
	inc, apiErr := parseInclude(r, "variable_options", "variable-options")
	if apiErr != nil {
		return fail(apiErr)
	}
	var included []resource
	if inc["variable_options"] || inc["variable-options"] {
		for _, opt := range nc.options {
			included = append(included, varOptionResource(nc, opt))
		}
	}
	return one(http.StatusOK, noCodeResource(nc), included)
}

// updateNoCodeModule answers 404 when the body lacks the registry-module
// relationship: HCP Terraform does, though the docs call it optional.
func (st *store) updateNoCodeModule(r *http.Request) (int, any, *apiError) {
	old, apiErr := st.findNoCode(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	nc, apiErr := st.noCodeFromBody(r, old, func(*input) *apiError {
		return errNotFound("no-code module " + quote(old.id) + " not found (the registry-module relationship is missing)")
	})
	if apiErr != nil {
		return fail(apiErr)
	}
	st.saveNoCode(nc)
	return one(http.StatusOK, noCodeResource(nc), nil)
}

// noCodeFromBody reads a no-code module document and drafts it over old
// (see draftNoCode). A body without the registry-module relationship
// answers the error noModule makes.
func (st *store) noCodeFromBody(r *http.Request, old *noCodeModule, noModule func(*input) *apiError) (*noCodeModule, *apiError) {
	in, apiErr := readResource(r, []string{"no-code-modules"}, noCodeAttrs, noCodeRels...)
	if apiErr != nil {
		return nil, apiErr
	}
	if _, ok := in.rels["registry-module"]; !ok {
		return nil, noModule(in)
	}
	return st.draftNoCode(in, old)
}

func (st *store) deleteNoCodeModule(r *http.Request) (int, any, *apiError) {
	nc, apiErr := st.findNoCode(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	delete(st.noCode, nc.id)
	if m, ok := st.modules[nc.moduleID]; ok {
		m.noCode = false
	}
	return noContent()
}

// readModuleVariables answers the variables a version of the module
// declares, as registry-module-variables resources. Not paginated.
func (st *store) readModuleVariables(r *http.Request) (int, any, *apiError) {
	nc, apiErr := st.findNoCode(r.PathValue("id"))
	if apiErr != nil {
		return fail(apiErr)
	}
	m := st.modules[nc.moduleID]
	mv := m.version(r.PathValue("version"))
	if mv == nil {
		return fail(errNotFound("version " + quote(r.PathValue("version")) + " of module " + quote(m.name) + " not found"))
	}
	out := []resource{}
	for _, v := range mv.vars {
		options := v.Options
		if options == nil {
			options = []string{}
		}
		out = append(out, resource{
			ID:   v.id,
			Type: "registry-module-variables",
			Attributes: map[string]any{
				"name":        v.Name,
				"type":        v.Type,
				"description": v.Description,
				"default":     v.Default,
				"required":    v.Required,
				"sensitive":   v.Sensitive,
				"options":     options,
			},
		})
	}
	return many(out, nil)
}

// saveNoCode stores nc and marks its registry module as no-code.
func (st *store) saveNoCode(nc *noCodeModule) {
	st.noCode[nc.id] = nc
	if m, ok := st.modules[nc.moduleID]; ok {
		m.noCode = true
	}
}

func noCodeResource(nc *noCodeModule) resource {
	var optIDs []string
	for _, o := range nc.options {
		optIDs = append(optIDs, o.id)
	}
	mod := toOne("registry-modules", nc.moduleID)
	mod.Links = map[string]string{"related": apiPath("registry-modules", nc.moduleID)}
	return resource{
		ID:         nc.id,
		Type:       "no-code-modules",
		Attributes: map[string]any{"enabled": nc.enabled, "version-pin": nc.versionPin},
		Relationships: map[string]relationship{
			"organization":     toOne("organizations", nc.org.name),
			"registry-module":  mod,
			"variable-options": toMany("variable-options", optIDs),
		},
		Links: map[string]string{"self": apiPath("no-code-modules", nc.id)},
	}
}

func varOptionResource(nc *noCodeModule, o *varOption) resource {
	options := o.options
	if options == nil {
		options = []any{}
	}
	return resource{
		ID:   o.id,
		Type: "variable-options",
		Attributes: map[string]any{
			"variable-name": o.name,
			"variable-type": o.typ,
			"options":       options,
		},
		Relationships: map[string]relationship{
			"no-code-allowed-module": toOne("no-code-allowed-modules", nc.id),
		},
	}
}

// compareVersions orders two semantic versions (major.minor.patch, a
// pre-release sorting before its release); it falls back to string order.
func compareVersions(a, b string) int {
	pa, pb := splitVersion(a), splitVersion(b)
	for i := range 3 {
		if pa.nums[i] != pb.nums[i] {
			return pa.nums[i] - pb.nums[i]
		}
	}
	switch {
	case pa.pre == pb.pre:
		return 0
	case pa.pre == "":
		return 1
	case pb.pre == "":
		return -1
	case pa.pre < pb.pre:
		return -1
	}
	return 1
}

type semver struct {
	nums [3]int
	pre  string
}

func splitVersion(v string) semver {
	var sv semver
	core := v
	for i, c := range v {
		if c == '-' || c == '+' {
			core, sv.pre = v[:i], v[i:]
			break
		}
	}
	part := 0
	start := 0
	for i := 0; i <= len(core) && part < 3; i++ {
		if i == len(core) || core[i] == '.' {
			sv.nums[part], _ = strconv.Atoi(core[start:i])
			part++
			start = i + 1
		}
	}
	return sv
}
