package tfetest_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/tfe-sdk/tfe/tfetest"
)

// A test of your own code starts a server, seeds what it needs, points
// the code at srv.URL and srv.Token (or uses srv.Client()), and checks
// the answers and srv.Requests().
func ExampleNewServer() {
	srv := tfetest.NewServer(tfetest.WithOrganization("acme"))
	defer srv.Close()
	wsID := srv.AddWorkspace("acme", tfetest.Workspace{ID: "ws-example00000001", Name: "web"})

	body := `{"data":{"type":"vars","attributes":{"key":"region","value":"eu-west-1","category":"terraform"}}}`
	req, _ := http.NewRequest("POST", srv.URL+"/api/v2/workspaces/"+wsID+"/vars", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+srv.Token)
	req.Header.Set("Content-Type", "application/vnd.api+json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()

	fmt.Println(resp.StatusCode)
	for _, r := range srv.Requests() {
		fmt.Println(r.Method, r.Path, r.Authorized)
	}
	// Output:
	// 201
	// POST /api/v2/workspaces/ws-example00000001/vars true
}

// Faults make chosen requests fail, here a 503 after the server already
// stored the variable, as a gateway timeout in front of the service would.
func ExampleServer_InjectFault() {
	srv := tfetest.NewServer(tfetest.WithOrganization("acme"))
	defer srv.Close()
	wsID := srv.AddWorkspace("acme", tfetest.Workspace{Name: "web"})
	srv.InjectFault(tfetest.Fault{
		Method: "POST",
		Path:   "workspaces/*",
		Kind:   tfetest.FaultStatus,
		Status: http.StatusServiceUnavailable,
		When:   tfetest.AfterApply,
	})

	body := `{"data":{"type":"vars","attributes":{"key":"k","category":"env"}}}`
	req, _ := http.NewRequest("POST", srv.URL+"/api/v2/workspaces/"+wsID+"/vars", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+srv.Token)
	req.Header.Set("Content-Type", "application/vnd.api+json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	resp.Body.Close()
	fmt.Println(resp.StatusCode)
	// Output: 503
}
