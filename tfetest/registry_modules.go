package tfetest

import (
	"net/http"
	"strings"
)

// Handlers for private registry modules:
// organizations/:org/registry-modules (GET list, POST create without VCS)
// and .../:registry/:namespace/:name/:provider (GET, DELETE). Updates,
// the other deletes and reads by ID are in registry_modules_write.go,
// versions and their uploads in registry_module_versions.go.

func (st *store) listRegistryModules(r *http.Request) (int, any, *apiError) {
	o, p, apiErr := st.orgPage(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	inc, apiErr := parseInclude(r, "no-code-modules")
	if apiErr != nil {
		return fail(apiErr)
	}
	qv := r.URL.Query()
	q := strings.ToLower(qv.Get("q"))
	var all []*registryModule
	for _, m := range sortedBy(st.modules, func(m *registryModule) int { return m.seq }) {
		text := strings.ToLower(m.name + "\x00" + m.namespace + "\x00" + m.provider)
		switch {
		case m.org != o, !strings.Contains(text, q),
			qv.Has("filter[registry_name]") && qv.Get("filter[registry_name]") != m.registry,
			qv.Has("filter[provider]") && qv.Get("filter[provider]") != m.provider,
			qv.Has("filter[organization_name]") && qv.Get("filter[organization_name]") != o.name:
			continue
		}
		all = append(all, m)
	}
	var data, included []resource
	for _, m := range paginate(all, p) {
		data = append(data, st.moduleResource(m))
		if inc["no-code-modules"] {
			for _, nc := range st.noCodeFor(m) {
				included = append(included, noCodeResource(nc))
			}
		}
	}
	return page(r, p, len(all), data, included)
}

func (st *store) createRegistryModule(r *http.Request) (int, any, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return fail(apiErr)
	}
	in, apiErr := readResource(r, []string{"registry-modules"}, registryModuleAttrs)
	if apiErr != nil {
		return fail(apiErr)
	}
	m := &registryModule{org: o, registry: "private", namespace: o.name}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"name", &m.name}, {"provider", &m.provider}} {
		*f.dst, _ = in.str(f.name)
		if !validName(*f.dst) {
			return fail(errInvalid(in.attr(f.name), f.name+" is required and may contain only letters, numbers, - and _"))
		}
	}
	if reg, ok := in.str("registry-name"); ok {
		if reg != "private" && reg != "public" {
			return fail(errInvalid(in.attr("registry-name"), "registry-name must be private or public"))
		}
		m.registry = reg
	}
	ns, nsGiven := in.str("namespace")
	switch {
	case m.registry == "public" && ns == "":
		return fail(errInvalid(in.attr("namespace"), "namespace is required for a public registry module"))
	case m.registry == "public":
		m.namespace = ns
	case nsGiven && ns != o.name:
		return fail(errInvalid(in.attr("namespace"), "the namespace of a private module is its organization"))
	}
	if st.findModule(o, m.registry, m.namespace, m.name, m.provider) != nil {
		return fail(errInvalid(in.attr("name"), "module "+quote(m.name)+" for provider "+quote(m.provider)+" already exists"))
	}
	st.addModule(m)
	if noCode, _ := in.boolean("no-code"); noCode {
		st.enableNoCode(m)
	}
	return one(http.StatusCreated, st.moduleResource(m), nil)
}

func (st *store) readRegistryModule(r *http.Request) (int, any, *apiError) {
	m, apiErr := st.moduleFromPath(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	return one(http.StatusOK, st.moduleResource(m), nil)
}

func (st *store) deleteRegistryModule(r *http.Request) (int, any, *apiError) {
	m, apiErr := st.moduleFromPath(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	st.removeNoCode(m)
	delete(st.modules, m.id)
	return noContent()
}

func (st *store) moduleFromPath(r *http.Request) (*registryModule, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return nil, apiErr
	}
	registry, namespace := r.PathValue("registry"), r.PathValue("namespace")
	if registry == "" { // the older paths name private modules by organization
		registry, namespace = "private", o.name
	}
	m := st.findModule(o, registry, namespace, r.PathValue("name"), r.PathValue("provider"))
	if m == nil {
		return nil, errNotFound("registry module not found")
	}
	return m, nil
}

func (st *store) findModule(o *org, registry, namespace, name, provider string) *registryModule {
	for _, m := range st.modules {
		if m.org == o && m.registry == registry && m.namespace == namespace && m.name == name && m.provider == provider {
			return m
		}
	}
	return nil
}

// addModule stores m, giving it an ID when it has none.
func (st *store) addModule(m *registryModule) {
	if m.id == "" {
		m.id = st.newID("mod")
	}
	m.seq = st.nextSeq()
	m.createdAt = st.timestamp()
	m.updatedAt = m.createdAt
	st.modules[m.id] = m
}

// noCodeFor returns the no-code modules made from m.
func (st *store) noCodeFor(m *registryModule) []*noCodeModule {
	var out []*noCodeModule
	for _, nc := range sortedBy(st.noCode, func(nc *noCodeModule) int { return nc.seq }) {
		if nc.moduleID == m.id {
			out = append(out, nc)
		}
	}
	return out
}

// enableNoCode makes m's no-code module, enabled and pinned to the latest
// version, as the deprecated no-code attribute of a module does.
func (st *store) enableNoCode(m *registryModule) {
	if len(st.noCodeFor(m)) > 0 {
		return
	}
	st.saveNoCode(&noCodeModule{
		id: st.newID("nocode"), seq: st.nextSeq(), org: m.org, moduleID: m.id,
		enabled: true, versionPin: latestVersion(m),
	})
}

func (st *store) moduleResource(m *registryModule) resource {
	status := "pending"
	statuses := []map[string]string{}
	for _, v := range m.versions {
		if v.status == "ok" {
			status = "setup_complete"
		}
		statuses = append(statuses, map[string]string{"version": v.version, "status": v.status})
	}
	var ncIDs []string
	for _, nc := range st.noCodeFor(m) {
		ncIDs = append(ncIDs, nc.id)
	}
	return resource{
		ID:   m.id,
		Type: "registry-modules",
		Attributes: map[string]any{
			"name":                 m.name,
			"namespace":            m.namespace,
			"provider":             m.provider,
			"registry-name":        m.registry,
			"status":               status,
			"version-statuses":     statuses,
			"no-code":              m.noCode,
			"publishing-mechanism": "non_vcs",
			"vcs-repo":             nil,
			"test-config":          m.testConfig,
			"created-at":           formatTime(m.createdAt),
			"updated-at":           formatTime(m.updatedAt),
			"permissions":          map[string]bool{"can-delete": true, "can-resync": true, "can-retry": true},
		},
		Relationships: map[string]relationship{
			"organization":    toOne("organizations", m.org.name),
			"no-code-modules": toMany("no-code-modules", ncIDs),
			"tag-bindings": {
				Data:  tagBindingIdents(m.tagBindings, "tag-bindings"),
				Links: map[string]string{"related": apiPath("registry-modules", m.id, "tag-bindings")},
			},
		},
		Links: map[string]string{"self": apiPath("organizations", m.org.name, "registry-modules", m.registry, m.namespace, m.name, m.provider)},
	}
}

// version finds a published version of m.
func (m *registryModule) version(v string) *moduleVersion {
	for _, mv := range m.versions {
		if mv.version == v {
			return mv
		}
	}
	return nil
}
