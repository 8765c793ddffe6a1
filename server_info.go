package tfe

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
)

// Server information: every answer of the API carries headers naming the
// API version and the product (and, for Terraform Enterprise, its
// release). The transport records them from each answer the client
// receives; Client.ServerInfo returns the latest, and sends one GET ping
// only when the client has received no answer yet. NewClient sends
// nothing.

// The server information headers.
const (
	headerAPIVersion        = "TFP-API-Version"
	headerAppName           = "TFP-AppName"
	headerTFEVersion        = "X-TFE-Version"
	headerTFECurrentVersion = "X-TFE-Current-Version"
)

// Product is the service a client talks to.
type Product string

// The products.
const (
	// ProductUnknown is a server whose answers do not say which product
	// it is (neither TFP-AppName nor X-TFE-Version).
	ProductUnknown Product = ""
	// ProductHCPTerraform is HCP Terraform (formerly Terraform Cloud).
	ProductHCPTerraform Product = "HCP Terraform"
	// ProductTerraformEnterprise is a Terraform Enterprise installation.
	ProductTerraformEnterprise Product = "Terraform Enterprise"
)

// ServerInfo is what the server says about itself in its answers'
// headers.
type ServerInfo struct {
	// APIVersion is the API's version, such as "2.6" (TFP-API-Version).
	APIVersion string
	// AppName is the product's name as the server spells it, such as
	// "HCP Terraform" or "Terraform Enterprise" (TFP-AppName); older
	// Terraform Enterprise releases do not send it.
	AppName string
	// TFEVersion is a Terraform Enterprise release, such as "v202507-1"
	// (X-TFE-Version); empty for HCP Terraform.
	TFEVersion string
	// TFECurrentVersion is a Terraform Enterprise release's numeric
	// version, such as "1.1.0" (X-TFE-Current-Version); empty for HCP
	// Terraform and older releases.
	TFECurrentVersion string
	// Product is HCP Terraform or Terraform Enterprise: from AppName
	// ("HCP Terraform", or the former "Terraform Cloud"; "Terraform
	// Enterprise"), else Terraform Enterprise when X-TFE-Version is
	// present, else ProductUnknown.
	Product Product
}

// IsHCPTerraform reports whether the server is HCP Terraform.
func (i *ServerInfo) IsHCPTerraform() bool { return i.Product == ProductHCPTerraform }

// IsTerraformEnterprise reports whether the server is Terraform
// Enterprise.
func (i *ServerInfo) IsTerraformEnterprise() bool { return i.Product == ProductTerraformEnterprise }

// serverInfoFrom reads the server information headers of h.
func serverInfoFrom(h http.Header) ServerInfo {
	info := ServerInfo{
		APIVersion:        h.Get(headerAPIVersion),
		AppName:           h.Get(headerAppName),
		TFEVersion:        h.Get(headerTFEVersion),
		TFECurrentVersion: h.Get(headerTFECurrentVersion),
	}
	switch {
	case info.AppName == "HCP Terraform" || info.AppName == "Terraform Cloud":
		info.Product = ProductHCPTerraform
	case info.AppName == "Terraform Enterprise" || info.TFEVersion != "":
		info.Product = ProductTerraformEnterprise
	}
	return info
}

// serverInfoCache holds the server information of the latest answer that
// carried it. It is safe for concurrent use.
type serverInfoCache struct {
	latest atomic.Pointer[ServerInfo]
	ping   sync.Mutex // one ping at a time
}

// observe records the server information of an answer's headers h, when
// it has any and it differs from what is recorded.
func (s *serverInfoCache) observe(h http.Header) {
	if h.Get(headerAPIVersion) == "" && h.Get(headerAppName) == "" && h.Get(headerTFEVersion) == "" {
		return // not an answer of the API (a proxy's error page), or a server that says nothing
	}
	info := serverInfoFrom(h)
	if cur := s.latest.Load(); cur != nil && *cur == info {
		return
	}
	s.latest.Store(&info)
}

// known returns a copy of the recorded information, nil when none is.
func (s *serverInfoCache) known() *ServerInfo {
	if cur := s.latest.Load(); cur != nil {
		info := *cur
		return &info
	}
	return nil
}

// observeServer records the server information of an answer from the
// API's host.
func (c *Client) observeServer(req *http.Request, resp *http.Response) {
	if resp != nil && c.isAPIOrigin(req.URL) {
		c.server.observe(resp.Header)
	}
}

// ServerInfo returns the API version, the product (HCP Terraform or
// Terraform Enterprise) and the Terraform Enterprise release, from the
// headers of the latest answer the client received. When it has received
// none, it sends one GET /api/v2/ping and keeps what that answer says.
// NewClient sends nothing; a client whose first call is ServerInfo sends
// the one ping.
//
// GET /ping (only before any other answer)
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs#response-headers
func (c *Client) ServerInfo(ctx context.Context) (*ServerInfo, error) {
	if info := c.server.known(); info != nil {
		return info, nil
	}
	c.server.ping.Lock()
	defer c.server.ping.Unlock()
	if info := c.server.known(); info != nil {
		return info, nil // another goroutine's ping, or another call, answered meanwhile
	}
	a, err := c.do(ctx, get("ping", nil))
	if err != nil {
		if info := c.server.known(); info != nil {
			return info, nil // an error answer of the API carries the headers too (a 401: the ping needs no token)
		}
		return nil, err
	}
	// The transport recorded the ping's headers; a server that sent none
	// is recorded as saying nothing, so that the ping is not repeated.
	info := serverInfoFrom(a.header)
	c.server.latest.CompareAndSwap(nil, &info)
	return c.server.known(), nil
}
