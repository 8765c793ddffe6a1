// Command tfe-fake serves the tfetest fake of the HCP Terraform /
// Terraform Enterprise API on a loopback port, for tools that are not
// written in Go.
//
// Usage:
//
//	tfe-fake [-addr 127.0.0.1:0] [-token TOKEN] [-org NAME] [-seed-demo] [-hcp]
//
// The first lines on standard output are the address and the token:
//
//	TFE_ADDRESS=http://127.0.0.1:41234
//	TFE_TOKEN=2f6c...
//
// With -seed-demo further lines name what was seeded (TFE_ORG,
// DEMO_PROJECT_ID, DEMO_WORKSPACE_ID, DEMO_AGENT_POOL_ID,
// DEMO_REGISTRY_MODULE_ID). The server stops cleanly on SIGINT or SIGTERM.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/tfe-sdk/tfe/tfetest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "tfe-fake:", err)
		os.Exit(2)
	}
}

// run parses args, serves until ctx ends, and writes the address, token
// and seeded IDs to out.
func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("tfe-fake", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addr := fs.String("addr", "127.0.0.1:0", "loopback `address` to listen on")
	token := fs.String("token", "", "bearer `token` to accept (default: random)")
	org := fs.String("org", "", "seed an organization with this `name`")
	demo := fs.Bool("seed-demo", false, "seed a project, agent pool, workspace and a registry module with versions 1.4.0 and 1.5.0 (in -org, default demo-org)")
	hcp := fs.Bool("hcp", false, "act as HCP Terraform: admin endpoints answer 404")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := checkLoopback(*addr); err != nil {
		return err
	}
	if *token == "" {
		b := make([]byte, 16)
		_, _ = rand.Read(b)
		*token = hex.EncodeToString(b)
	}
	opts := []tfetest.Option{tfetest.WithAddr(*addr), tfetest.WithToken(*token)}
	if *hcp {
		opts = append(opts, tfetest.WithHCPTerraform())
	}
	if *demo && *org == "" {
		*org = "demo-org"
	}
	if *org != "" {
		opts = append(opts, tfetest.WithOrganization(*org))
	}
	srv, err := newServer(opts)
	if err != nil {
		return err
	}
	defer srv.Close()
	fmt.Fprintf(out, "TFE_ADDRESS=%s\nTFE_TOKEN=%s\n", srv.URL, srv.Token)
	if *org != "" {
		fmt.Fprintf(out, "TFE_ORG=%s\n", *org)
	}
	if *demo {
		d := srv.SeedDemo(*org)
		fmt.Fprintf(out, "DEMO_PROJECT_ID=%s\nDEMO_WORKSPACE_ID=%s\nDEMO_AGENT_POOL_ID=%s\nDEMO_REGISTRY_MODULE_ID=%s\n",
			d.ProjectID, d.WorkspaceID, d.AgentPoolID, d.RegistryModuleID)
	}
	<-ctx.Done()
	return nil
}

// newServer turns NewServer's panic on a listen failure into an error.
func newServer(opts []tfetest.Option) (srv *tfetest.Server, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return tfetest.NewServer(opts...), nil
}

// checkLoopback refuses addresses that are not on a loopback interface:
// the fake accepts a known token and must not be reachable from outside.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return errors.New("refusing to listen on " + addr + ": not a loopback address")
}
