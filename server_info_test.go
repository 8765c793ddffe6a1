package tfe

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withHeaders answers status and body with the server headers h.
func withHeaders(h map[string]string, status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		for k, v := range h {
			w.Header().Set(k, v)
		}
		if body == "" {
			w.WriteHeader(status)
			return
		}
		respond(w, status, body)
	}
}

var (
	enterpriseHeaders = map[string]string{
		"TFP-API-Version": "2.6", "TFP-AppName": "Terraform Enterprise",
		"X-TFE-Version": "v202507-1", "X-TFE-Current-Version": "1.1.0",
	}
	hcpHeaders = map[string]string{"TFP-API-Version": "2.6", "TFP-AppName": "HCP Terraform"}
)

func TestServerInfoFromHeaders(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		headers map[string]string
		want    ServerInfo
	}{
		{"Terraform Enterprise", enterpriseHeaders, ServerInfo{APIVersion: "2.6", AppName: "Terraform Enterprise", TFEVersion: "v202507-1", TFECurrentVersion: "1.1.0", Product: ProductTerraformEnterprise}},
		{"HCP Terraform", hcpHeaders, ServerInfo{APIVersion: "2.6", AppName: "HCP Terraform", Product: ProductHCPTerraform}},
		{"Terraform Cloud, its former name", map[string]string{"TFP-AppName": "Terraform Cloud"}, ServerInfo{AppName: "Terraform Cloud", Product: ProductHCPTerraform}},
		{"an older Terraform Enterprise, without the app name", map[string]string{"TFP-API-Version": "2.5", "X-TFE-Version": "v202206-1"},
			ServerInfo{APIVersion: "2.5", TFEVersion: "v202206-1", Product: ProductTerraformEnterprise}},
		{"nothing says which", map[string]string{"TFP-API-Version": "2.6"}, ServerInfo{APIVersion: "2.6"}},
	} {
		h := http.Header{}
		for k, v := range tc.headers {
			h.Set(k, v)
		}
		info := serverInfoFrom(h)
		assert.Equal(t, tc.want, info, tc.name)
		assert.Equal(t, tc.want.Product == ProductHCPTerraform, info.IsHCPTerraform(), tc.name)
		assert.Equal(t, tc.want.Product == ProductTerraformEnterprise, info.IsTerraformEnterprise(), tc.name)
	}
}

func TestServerInfoComesFromAnAnswerAlreadyReceived(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1/vars", anyRequest: true, answer: withHeaders(enterpriseHeaders, 200, `{"data": []}`)})
	ctx := context.Background()

	_, err := ts.client.Variables.List(ctx, "ws-1", nil)
	require.NoError(t, err)
	info, err := ts.client.ServerInfo(ctx)
	require.NoError(t, err)
	assert.Equal(t, &ServerInfo{APIVersion: "2.6", AppName: "Terraform Enterprise", TFEVersion: "v202507-1", TFECurrentVersion: "1.1.0", Product: ProductTerraformEnterprise}, info)
	assert.Equal(t, 1, ts.count(), "no ping: the list's answer said it")

	info.APIVersion = "changed by the caller"
	again, err := ts.client.ServerInfo(ctx)
	require.NoError(t, err)
	assert.Equal(t, "2.6", again.APIVersion, "each call returns a copy")
}

func TestServerInfoPingsOnceWhenNothingWasReceived(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	pings := ts.expect(exchange{method: "GET", path: "/ping", answer: withHeaders(hcpHeaders, 204, "")})

	var wg sync.WaitGroup
	infos := make([]*ServerInfo, 8)
	for i := range infos {
		wg.Go(func() {
			info, err := ts.client.ServerInfo(context.Background())
			assert.NoError(t, err)
			infos[i] = info
		})
	}
	wg.Wait()
	assert.EqualValues(t, 1, pings.Load(), "one ping for all callers")
	for _, info := range infos {
		assert.Equal(t, &ServerInfo{APIVersion: "2.6", AppName: "HCP Terraform", Product: ProductHCPTerraform}, info)
	}
}

func TestServerInfoOfAServerThatSaysNothingIsCached(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	pings := ts.expect(exchange{method: "GET", path: "/ping", status: 204})
	ctx := context.Background()

	for range 2 {
		info, err := ts.client.ServerInfo(ctx)
		require.NoError(t, err)
		assert.Equal(t, &ServerInfo{}, info)
		assert.False(t, info.IsHCPTerraform() || info.IsTerraformEnterprise())
	}
	assertServedOnce(t, pings)
}

func TestServerInfoFollowsTheLatestAnswer(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-1", anyRequest: true, answer: withHeaders(map[string]string{"TFP-API-Version": "2.5", "X-TFE-Version": "v202401-1"}, 404, `{"errors":[{"status":"404"}]}`)})
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-2", anyRequest: true, answer: withHeaders(enterpriseHeaders, 404, `{"errors":[{"status":"404"}]}`)})
	ts.expect(exchange{method: "GET", path: "/workspaces/ws-3", anyRequest: true, answer: withHeaders(map[string]string{"Content-Type": "text/html"}, 502, "<html>bad gateway</html>")})
	ctx := context.Background()

	_, err := ts.client.Workspaces.ReadByID(ctx, "ws-1")
	require.ErrorIs(t, err, ErrResourceNotFound)
	info, err := ts.client.ServerInfo(ctx)
	require.NoError(t, err)
	assert.Equal(t, "v202401-1", info.TFEVersion, "an error answer of the API says it too")

	_, err = ts.client.Workspaces.ReadByID(ctx, "ws-2")
	require.Error(t, err)
	_, err = ts.client.Workspaces.ReadByID(ctx, "ws-3")
	require.Error(t, err)
	info, err = ts.client.ServerInfo(ctx)
	require.NoError(t, err)
	assert.Equal(t, "v202507-1", info.TFEVersion, "after an upgrade; a proxy's page without the headers changes nothing")
	assert.Equal(t, "1.1.0", info.TFECurrentVersion)
}

func TestServerInfoPingFails(t *testing.T) {
	t.Parallel()
	ts := setup(t, func(c *Config) { c.RetryMax = -1 })
	pings := ts.expect(exchange{method: "GET", path: "/ping", status: 401, body: `{"errors":[{"status":"401","title":"unauthorized"}]}`})

	_, err := ts.client.ServerInfo(context.Background())
	assert.ErrorIs(t, err, ErrUnauthorized)
	_, err = ts.client.ServerInfo(context.Background())
	assert.ErrorIs(t, err, ErrUnauthorized)
	assert.EqualValues(t, 2, pings.Load(), "a failed ping is not cached: an answer without the headers told nothing")
}

func TestServerInfoFromAPingRefused(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/ping", anyRequest: true, answer: withHeaders(hcpHeaders, 401, `{"errors":[{"status":"401"}]}`)})

	info, err := ts.client.ServerInfo(context.Background())
	require.NoError(t, err, "the answer's headers say what the server is, whatever its status")
	assert.True(t, info.IsHCPTerraform())
}
