package tfetest

import (
	"encoding/json"
	"net/http"
)

// The module registry protocol's "get a specific module", as the service
// implements it beside the JSON:API: GET /api/registry/v1/modules/
// :namespace/:name/:provider/:version for a private module (the namespace
// is its organization) and GET /api/registry/public/v1/modules/... for a
// curated public module (seeded with AddRegistryModule and RegistryName
// public; the service proxies these from the public registry). The
// answers are plain JSON, errors included ({"errors": ["Not Found"]}),
// and they need the token like the rest of the API. Only versions whose
// archive was ingested (status ok, as every seeded version is) are served.

// registryJSON is the registry protocol's content type.
const registryJSON = "application/json"

func (st *store) readPrivateProtocolModule(r *http.Request) (int, any, *apiError) {
	o, ok := st.orgs[r.PathValue("namespace")]
	if !ok {
		return registryNotFound()
	}
	return st.protocolModule(r, st.findModule(o, "private", o.name, r.PathValue("name"), r.PathValue("provider")))
}

func (st *store) readPublicProtocolModule(r *http.Request) (int, any, *apiError) {
	var found *registryModule
	for _, m := range sortedBy(st.modules, func(m *registryModule) int { return m.seq }) {
		if m.registry == "public" && m.namespace == r.PathValue("namespace") &&
			m.name == r.PathValue("name") && m.provider == r.PathValue("provider") {
			found = m
			break
		}
	}
	return st.protocolModule(r, found)
}

// protocolModule answers version :version of m, a 404 for a nil m or a
// version not published.
func (st *store) protocolModule(r *http.Request, m *registryModule) (int, any, *apiError) {
	if m == nil {
		return registryNotFound()
	}
	var versions []string
	for _, v := range m.versions {
		if v.status == "ok" {
			versions = append(versions, v.version)
		}
	}
	mv := m.version(r.PathValue("version"))
	if mv == nil || mv.status != "ok" {
		return registryNotFound()
	}
	inputs := []map[string]any{}
	for _, v := range mv.vars {
		inputs = append(inputs, map[string]any{
			"name": v.Name, "type": v.Type, "description": v.Description,
			"default": encodedDefault(v.Default), "required": v.Required,
		})
	}
	empty := []any{}
	body, _ := json.Marshal(map[string]any{
		"id":                m.namespace + "/" + m.name + "/" + m.provider + "/" + mv.version,
		"owner":             "",
		"namespace":         m.namespace,
		"name":              m.name,
		"version":           mv.version,
		"provider":          m.provider,
		"provider_logo_url": "",
		"description":       "",
		"source":            "",
		"tag":               "",
		"published_at":      formatTime(mv.created),
		"downloads":         0,
		"verified":          false,
		"root": map[string]any{
			"path": "", "name": m.name, "readme": "", "empty": false,
			"inputs": inputs, "outputs": empty, "dependencies": empty,
			"provider_dependencies": empty, "resources": empty,
		},
		"submodules": empty,
		"examples":   empty,
		"providers":  []string{m.provider},
		"versions":   versions,
	})
	return rawAnswer(http.StatusOK, registryJSON, body)
}

// encodedDefault is a variable's default as the registry protocol gives
// it: the value encoded as JSON, in a string; "" for none.
func encodedDefault(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}

// registryNotFound is the registry protocol's 404.
func registryNotFound() (int, any, *apiError) {
	return rawAnswer(http.StatusNotFound, registryJSON, []byte(`{"errors":["Not Found"]}`))
}
