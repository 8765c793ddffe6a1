package tfetest

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tarGz packs one file as a gzipped tar, like a module archive.
func tarGz(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	body := []byte(`variable "x" {}`)
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: "main.tf", Mode: 0o644, Size: int64(len(body))}))
	_, err := tw.Write(body)
	require.NoError(t, err)
	require.NoError(t, tw.Close())
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// createModule creates the private module name/provider in acme.
func (a *api) createModule(name, provider string) *answer {
	a.t.Helper()
	return a.do("POST", "organizations/acme/registry-modules", res("registry-modules", map[string]any{"name": name, "provider": provider}, nil)).
		want(http.StatusCreated)
}

// put sends body to an absolute URL without a token, as clients upload.
func put(t *testing.T, url string, body []byte) int {
	t.Helper()
	req, err := http.NewRequest("PUT", url, bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	return resp.StatusCode
}

func TestModuleVersionCreateUploadRead(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	mod := a.createModule("vpc", "aws")
	modID := mod.str("data", "id")
	const base = "organizations/acme/registry-modules/private/acme/vpc/aws"

	v := a.do("POST", base+"/versions", res("registry-module-versions", map[string]any{"version": "1.2.3", "commit-sha": nil}, nil)).want(201)
	assert.Equal(t, "registry-module-versions", v.str("data", "type"))
	assert.Equal(t, "pending", v.str("data", "attributes", "status"))
	assert.Equal(t, modID, v.str("data", "relationships", "registry-module", "data", "id"))
	upload := v.str("data", "links", "upload")
	require.Contains(t, upload, "/object/")

	// Before the upload the module has a pending version.
	m := a.do("GET", "registry-modules/"+modID, nil).want(200)
	assert.Equal(t, "pending", m.str("data", "attributes", "status"))
	assert.Equal(t, "pending", m.str("data", "attributes", "version-statuses", 0, "status"))

	// The older path makes versions too; duplicates and bad versions are refused.
	a.do("POST", "registry-modules/acme/vpc/aws/versions", res("registry-module-versions", map[string]any{"version": "1.2.4-beta+x"}, nil)).want(201)
	a.do("POST", base+"/versions", res("registry-module-versions", map[string]any{"version": "1.2.3"}, nil)).wantError(422, "/data/attributes/version")
	a.do("POST", base+"/versions", res("registry-module-versions", map[string]any{"version": "one"}, nil)).wantError(422, "/data/attributes/version")
	a.do("POST", "registry-modules/acme/vpc/aws/other", res("registry-module-versions", map[string]any{"version": "2.0.0"}, nil)).wantError(404, "")

	// The upload needs no token; a tar.gz moves the version to ok, twice.
	assert.Equal(t, 200, put(t, upload, tarGz(t)))
	assert.Equal(t, 200, put(t, upload, tarGz(t)))
	read := a.do("GET", base+"/version?module_version=1.2.3", nil).want(200)
	assert.Equal(t, "ok", read.str("data", "attributes", "status"))
	assert.Equal(t, upload, read.str("data", "links", "upload"))
	assert.Equal(t, "setup_complete", a.do("GET", base, nil).want(200).str("data", "attributes", "status"))
	assert.Equal(t, 404, put(t, upload+"nope", tarGz(t)))
	a.do("GET", base+"/version?module_version=9.9.9", nil).wantError(404, "")

	// Deleting versions: the documented path and the older one.
	a.do("DELETE", base+"/1.2.3", nil).want(204)
	a.do("DELETE", base+"/1.2.3", nil).wantError(404, "")
	a.do("POST", "registry-modules/actions/delete/acme/vpc/aws/1.2.4-beta+x", nil).want(204)
	assert.Empty(t, a.do("GET", base, nil).want(200).get("data", "attributes", "version-statuses"))
}

func TestModuleUploadOfAnythingElseFails(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	a.createModule("vpc", "aws")
	v := a.do("POST", "registry-modules/acme/vpc/aws/versions", res("registry-module-versions", map[string]any{"version": "1.0.0"}, nil)).want(201)
	assert.Equal(t, 200, put(t, v.str("data", "links", "upload"), []byte("plain text")))
	read := a.do("GET", "organizations/acme/registry-modules/private/acme/vpc/aws/version?module_version=1.0.0", nil).want(200)
	assert.Equal(t, "reg_ingress_failed", read.str("data", "attributes", "status"))
}

func TestModuleDeleteRoutes(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	mk := func(name, provider, registry, ns string) string {
		attrs := map[string]any{"name": name, "provider": provider, "registry-name": registry}
		if ns != "" {
			attrs["namespace"] = ns
		}
		return a.do("POST", "organizations/acme/registry-modules", res("registry-modules", attrs, nil)).want(201).str("data", "id")
	}
	aws, gcp := mk("net", "aws", "private", ""), mk("net", "gcp", "private", "")
	pub := mk("vpc", "aws", "public", "terraform-aws-modules")

	// DELETE by name removes every provider.
	a.do("DELETE", "organizations/acme/registry-modules/private/acme/net", nil).want(204)
	a.do("GET", "registry-modules/"+aws, nil).wantError(404, "")
	a.do("GET", "registry-modules/"+gcp, nil).wantError(404, "")
	a.do("DELETE", "organizations/acme/registry-modules/private/acme/net", nil).wantError(404, "")

	// The older delete by name reaches public modules too.
	a.do("GET", "organizations/acme/registry-modules/public/terraform-aws-modules/vpc/aws", nil).want(200)
	a.do("POST", "registry-modules/actions/delete/acme/vpc", nil).want(204)
	a.do("GET", "registry-modules/"+pub, nil).wantError(404, "")
	a.do("POST", "registry-modules/actions/delete/acme/vpc", nil).wantError(404, "")

	// ... and by provider.
	mk("db", "aws", "private", "")
	keep := mk("db", "gcp", "private", "")
	a.do("POST", "registry-modules/actions/delete/acme/db/aws", nil).want(204)
	a.do("GET", "registry-modules/"+keep, nil).want(200)
	a.do("POST", "registry-modules/actions/delete/nope/db", nil).wantError(404, "")
}

func TestModuleUpdateAndNoCode(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	pool := srv.AddAgentPool("acme", AgentPool{Name: "p"})
	mod := a.do("POST", "organizations/acme/registry-modules", res("registry-modules", map[string]any{"name": "iam", "provider": "aws", "no-code": true}, nil)).want(201)
	modID := mod.str("data", "id")
	assert.Equal(t, true, mod.get("data", "attributes", "no-code"))
	nc := mod.str("data", "relationships", "no-code-modules", "data", 0, "id")
	require.NotEmpty(t, nc)
	ncm := a.do("GET", "no-code-modules/"+nc, nil).want(200)
	assert.Equal(t, true, ncm.get("data", "attributes", "enabled"))
	assert.Equal(t, "", ncm.str("data", "attributes", "version-pin"))
	list := a.do("GET", "organizations/acme/registry-modules?include=no-code-modules", nil).want(200)
	assert.Equal(t, nc, list.str("included", 0, "id"))

	const path = "organizations/acme/registry-modules/private/acme/iam/aws"
	off := a.do("PATCH", path, res("registry-modules", map[string]any{"no-code": false}, nil)).want(200)
	assert.Equal(t, false, off.get("data", "attributes", "no-code"))
	a.do("GET", "no-code-modules/"+nc, nil).wantError(404, "")

	tc := a.do("PATCH", path, res("registry-modules", map[string]any{
		"test-config": map[string]any{"tests-enabled": true, "agent-execution-mode": "agent", "agent-pool-id": pool},
	}, map[string]any{"tag-bindings": tagBindingRel("env", "prod")})).want(200)
	assert.Equal(t, pool, tc.str("data", "attributes", "test-config", "agent-pool-id"))
	tags := a.do("GET", "registry-modules/"+modID+"/tag-bindings", nil).want(200).items()
	require.Len(t, tags, 1)
	assert.Equal(t, "prod", dig(tags[0], "attributes", "value"))
	a.do("PATCH", path, res("registry-modules", nil, map[string]any{"tag-bindings": rel([]any{})})).want(200)
	assert.Empty(t, a.do("GET", "registry-modules/"+modID+"/tag-bindings", nil).want(200).items())

	a.do("PATCH", path, res("registry-modules", map[string]any{
		"test-config": map[string]any{"tests-enabled": true, "agent-execution-mode": "remote", "agent-pool-id": pool},
	}, nil)).wantError(422, "/data/attributes/test-config/agent-pool-id")
	a.do("PATCH", path, res("registry-modules", map[string]any{"vcs-repo": map[string]any{"branch": "main"}}, nil)).wantError(422, "/data/attributes/vcs-repo")
	a.do("PATCH", "organizations/acme/registry-modules/private/acme/nope/aws", res("registry-modules", map[string]any{}, nil)).wantError(404, "")
}

func TestModuleVCSAndCommits(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	vcs := map[string]any{"vcs-repo": map[string]any{"identifier": "acme/terraform-aws-vpc", "oauth-token-id": "ot-123", "display-identifier": "acme/terraform-aws-vpc"}}
	a.do("POST", "registry-modules", res("registry-modules", vcs, nil)).wantError(422, "/data/attributes/vcs-repo/oauth-token-id")
	a.do("POST", "organizations/acme/registry-modules/vcs", res("registry-modules", vcs, nil)).wantError(422, "/data/attributes/vcs-repo/oauth-token-id")
	a.do("POST", "organizations/nope/registry-modules/vcs", res("registry-modules", vcs, nil)).wantError(404, "")
	a.createModule("vpc", "aws")
	a.do("GET", "organizations/acme/registry-modules/private/acme/vpc/aws/commits", nil).wantError(404, "")
	a.do("GET", "registry-modules/mod-nope", nil).wantError(404, "")
}
