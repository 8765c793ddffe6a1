// Command tfe-fake serves the tfetest fake of the HCP Terraform /
// Terraform Enterprise API on a loopback port, for tools that are not
// written in Go and for running this SDK's examples against it.
//
// Usage:
//
//	tfe-fake [flags]
//
// tfe-fake -h lists the flags. It prints the settings a client needs as
// NAME=value lines on standard output, then closes standard output and
// serves until SIGINT or SIGTERM:
//
//	TFE_ADDRESS=http://127.0.0.1:41234
//	TFE_TOKEN=2f6c...
//	TFE_FAKE_PID=12345
//
// With -org, TFE_ORG follows; with -seed-demo the IDs of what was seeded
// follow under the names the examples read (TFE_PROJECT_ID,
// TFE_WORKSPACE_IDS, TFE_AGENT_POOL_ID, TFE_REGISTRY_MODULE_ID) and, acting
// as Terraform Enterprise, an SMTP relay's settings (TFE_SMTP_HOST, ...).
// So either of
//
//	eval "$(tfe-fake -seed-demo -export &)"
//	tfe-fake -seed-demo -env-file fake.env & sleep 1; set -a; . ./fake.env; set +a
//
// makes every example run against it unchanged; kill $TFE_FAKE_PID stops
// it.
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
	"strings"
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

// settings are the parsed flags.
type settings struct {
	addr, token, org string
	demo, hcp        bool
	strict, export   bool
	envFile          string
}

// parse reads the flags; -h and --help print the usage to out and answer
// flag.ErrHelp.
func parse(args []string, out io.Writer) (settings, error) {
	var s settings
	fs := flag.NewFlagSet("tfe-fake", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&s.addr, "addr", "127.0.0.1:0", "loopback `address` to listen on (port 0: a free port)")
	fs.StringVar(&s.token, "token", "", "bearer `token` to accept (default: random)")
	fs.StringVar(&s.org, "org", "", "seed an organization with this `name` (default with -seed-demo: demo-org)")
	fs.BoolVar(&s.demo, "seed-demo", false, "seed what every example needs: a project, two workspaces in it, an agent pool\nand a registry module with versions 1.4.0 and 1.5.0")
	fs.BoolVar(&s.hcp, "hcp", false, "act as HCP Terraform (default: Terraform Enterprise): admin endpoints answer 404")
	fs.BoolVar(&s.strict, "strict", false, "refuse attributes tfetest does not know with 422 (default: ignore them, as the service does)")
	fs.BoolVar(&s.export, "export", false, "print export NAME=value lines, for eval")
	fs.StringVar(&s.envFile, "env-file", "", "also write the NAME=value lines to this `file`")
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(out)
		fmt.Fprint(out, usage)
		fs.PrintDefaults()
		return s, err
	}
	if err != nil {
		return s, fmt.Errorf("%v (tfe-fake -h lists the flags)", err)
	}
	if fs.NArg() > 0 {
		return s, fmt.Errorf("unexpected argument %q (tfe-fake -h lists the flags)", fs.Arg(0))
	}
	if s.demo && s.org == "" {
		s.org = "demo-org"
	}
	if s.org != "" && !validName(s.org) {
		return s, fmt.Errorf("-org %q: use letters, digits, - and _", s.org)
	}
	return s, checkLoopback(s.addr)
}

const usage = `Usage: tfe-fake [flags]

Serves an in-memory fake of the HCP Terraform / Terraform Enterprise API
on a loopback port. It prints the settings as NAME=value lines (TFE_ADDRESS,
TFE_TOKEN, TFE_FAKE_PID, and TFE_ORG and the seeded IDs under the names the
examples read), closes standard output and serves until SIGINT or SIGTERM:

  eval "$(tfe-fake -seed-demo -export &)"; go run ./examples/variable-sets
  kill $TFE_FAKE_PID

Flags:
`

// run parses args, starts the server, writes the settings to out (closing
// it when it can be closed) and serves until ctx ends.
func run(ctx context.Context, args []string, out io.Writer) error {
	s, err := parse(args, out)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	if s.token == "" {
		b := make([]byte, 16)
		_, _ = rand.Read(b)
		s.token = hex.EncodeToString(b)
	}
	opts := []tfetest.Option{tfetest.WithAddr(s.addr), tfetest.WithToken(s.token)}
	if s.hcp {
		opts = append(opts, tfetest.WithHCPTerraform())
	}
	if s.strict {
		opts = append(opts, tfetest.WithStrictAttributes())
	}
	if s.org != "" {
		opts = append(opts, tfetest.WithOrganization(s.org))
	}
	srv, err := newServer(opts)
	if err != nil {
		return err
	}
	defer srv.Close()
	lines := settingLines(srv, s)
	if s.envFile != "" {
		if err := os.WriteFile(s.envFile, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
			return err
		}
	}
	prefix := ""
	if s.export {
		prefix = "export "
	}
	for _, l := range lines {
		fmt.Fprintln(out, prefix+l)
	}
	if c, ok := out.(io.Closer); ok {
		_ = c.Close() // so that $(tfe-fake ... &) ends
	}
	<-ctx.Done()
	return nil
}

// settingLines are the NAME=value lines for srv: its address and token,
// the process, and what -org and -seed-demo made.
func settingLines(srv *tfetest.Server, s settings) []string {
	lines := []string{
		"TFE_ADDRESS=" + srv.URL,
		"TFE_TOKEN=" + srv.Token,
		fmt.Sprintf("TFE_FAKE_PID=%d", os.Getpid()),
	}
	if s.org != "" {
		lines = append(lines, "TFE_ORG="+s.org)
	}
	if !s.demo {
		return lines
	}
	d := srv.SeedDemo(s.org)
	second := srv.AddWorkspace(s.org, tfetest.Workspace{Name: "demo-workspace-2", ProjectID: d.ProjectID})
	lines = append(lines,
		"TFE_PROJECT_ID="+d.ProjectID,
		"TFE_WORKSPACE_IDS="+d.WorkspaceID+","+second,
		"TFE_AGENT_POOL_ID="+d.AgentPoolID,
		"TFE_REGISTRY_MODULE_ID="+d.RegistryModuleID,
	)
	if !s.hcp {
		// The SMTP relay admin-bootstrap configures: the fake sends no mail.
		pw := make([]byte, 8)
		_, _ = rand.Read(pw)
		lines = append(lines, "TFE_SMTP_HOST=smtp.example.com", "TFE_SMTP_PORT=587",
			"TFE_SMTP_SENDER=noreply@example.com", "TFE_SMTP_USERNAME=smtp-bot",
			"TFE_SMTP_PASSWORD="+hex.EncodeToString(pw), "TFE_SMTP_TEST_EMAIL=ops@example.com")
	}
	return lines
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

// validName reports whether s is a valid organization name (and safe in a
// shell line): letters, digits, - and _.
func validName(s string) bool {
	return s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == ""
}
