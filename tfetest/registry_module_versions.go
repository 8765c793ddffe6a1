package tfetest

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net/http"
	"regexp"
	"slices"
)

// Versions of private registry modules published without VCS: create one
// (POST organizations/:org/registry-modules/private/:namespace/:name/
// :provider/versions, or the older POST registry-modules/:org/:name/
// :provider/versions), upload its archive to the upload link the answer
// carries, read it (GET .../:provider/version?module_version=) and delete
// it (DELETE .../:provider/:version).

// uploadPath is where upload links point. Like the service's object
// storage links they carry their own secret and need no token.
const uploadPath = "/_archivist/v1/object/"

// moduleVersionRE is a semantic version, with an optional pre-release and
// build metadata.
var moduleVersionRE = regexp.MustCompile(`^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

func (st *store) createModuleVersion(r *http.Request) (int, any, *apiError) {
	m, apiErr := st.moduleFromPath(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	in, apiErr := readResource(r, []string{"registry-module-versions"}, moduleVersionAttrs)
	if apiErr != nil {
		return fail(apiErr)
	}
	v, _ := in.str("version")
	switch {
	case m.registry != "private":
		return fail(errInvalid("", "versions can only be published for private registry modules"))
	case v == "":
		return fail(errInvalid(in.attr("version"), "Version can't be blank"))
	case !moduleVersionRE.MatchString(v):
		return fail(errInvalid(in.attr("version"), "Version "+quote(v)+" is not a valid semantic version"))
	case m.version(v) != nil:
		return fail(errInvalid(in.attr("version"), "Version "+quote(v)+" has already been taken"))
	}
	now := st.timestamp()
	mv := &moduleVersion{version: v, id: st.newID("modver"), status: "pending", token: st.hexID(), created: now, updated: now}
	m.versions = append(m.versions, mv)
	m.updatedAt = now
	return one(http.StatusCreated, moduleVersionResource(r, m, mv), nil)
}

// readModuleVersion serves GET .../:provider/version?module_version=.
func (st *store) readModuleVersion(r *http.Request) (int, any, *apiError) {
	m, apiErr := st.moduleFromPath(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	v := r.URL.Query().Get("module_version")
	mv := m.version(v)
	if mv == nil {
		return fail(errNotFound("version " + quote(v) + " of module " + quote(m.name) + " not found"))
	}
	return one(http.StatusOK, moduleVersionResource(r, m, mv), nil)
}

func (st *store) deleteModuleVersion(r *http.Request) (int, any, *apiError) {
	m, apiErr := st.moduleFromPath(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	if apiErr := st.removeVersion(m, r.PathValue("version")); apiErr != nil {
		return fail(apiErr)
	}
	return noContent()
}

// removeVersion deletes version v of m; the module stays, with the
// versions it has left.
func (st *store) removeVersion(m *registryModule, v string) *apiError {
	if m.version(v) == nil {
		return errNotFound("version " + quote(v) + " of module " + quote(m.name) + " not found")
	}
	m.versions = slices.DeleteFunc(m.versions, func(mv *moduleVersion) bool { return mv.version == v })
	m.updatedAt = st.timestamp()
	return nil
}

// uploadModuleVersion takes the archive of a version: PUT to its upload
// link. A gzipped tar moves the version to ok (and its module to
// setup_complete); anything else to reg_ingress_failed, as the service's
// ingestion does. The link stays valid, so a later upload replaces the
// archive.
func (st *store) uploadModuleVersion(r *http.Request) (int, any, *apiError) {
	token := r.PathValue("secret")
	for _, m := range st.modules {
		for _, mv := range m.versions {
			if mv.token != "" && mv.token == token {
				body, _ := io.ReadAll(r.Body)
				mv.status = "ok"
				if !isTarGz(body) {
					mv.status = "reg_ingress_failed"
				}
				mv.updated = st.timestamp()
				m.updatedAt = mv.updated
				return http.StatusOK, nil, nil
			}
		}
	}
	return fail(errNotFound("upload link not found"))
}

// isTarGz reports whether b is a gzipped tar archive.
func isTarGz(b []byte) bool {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return false
	}
	tr := tar.NewReader(zr)
	for {
		_, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			return false
		}
	}
}

func moduleVersionResource(r *http.Request, m *registryModule, mv *moduleVersion) resource {
	res := resource{
		ID: mv.id, Type: "registry-module-versions",
		Attributes: map[string]any{
			"source":     "tfe-api",
			"status":     mv.status,
			"version":    mv.version,
			"created-at": formatTime(mv.created),
			"updated-at": formatTime(mv.updated),
		},
		Relationships: map[string]relationship{"registry-module": toOne("registry-modules", m.id)},
	}
	if mv.token != "" {
		res.Links = map[string]string{"upload": absoluteURL(r, uploadPath+mv.token, "")}
	}
	return res
}
