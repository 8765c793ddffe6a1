// Package demotest is what the tests of the examples and of package
// scenario share: starting the fake in strict mode, running an example,
// and looking at what it sent and printed. The examples themselves do not
// import it: a copy of one builds without it.
package demotest

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tfe-sdk/tfe/examples/scenario"
	"github.com/tfe-sdk/tfe/tfetest"
)

// Start starts the embedded fake as an example's own run does, but with
// tfetest.WithStrictAttributes before opts, so that an attribute the fake
// does not know fails the test, and builds the example's settings for it
// with envFor. The fake is closed when the test ends.
func Start[E any](t testing.TB, envFor func(*scenario.Target) (E, error), opts ...tfetest.Option) (*scenario.Target, E) {
	t.Helper()
	tgt := scenario.StartFake(append([]tfetest.Option{tfetest.WithStrictAttributes()}, opts...)...)
	t.Cleanup(tgt.Fake.Close)
	env, err := envFor(tgt)
	if err != nil {
		t.Fatal(err)
	}
	return tgt, env
}

// Service starts a fake in strict mode that an example reaches as a real
// service, through TFE_ADDRESS and TFE_TOKEN, seeded as tfe-fake
// -seed-demo seeds it, and returns the settings tfe-fake prints for it,
// under the names the examples read, with more added (an empty value
// removes a setting). The SMTP password is a scenario.Placeholder. The
// fake is closed when the test ends.
func Service(t testing.TB, more map[string]string) (*tfetest.Server, map[string]string) {
	t.Helper()
	srv := tfetest.NewServer(tfetest.WithStrictAttributes())
	t.Cleanup(srv.Close)
	d := srv.SeedDemo("demo-org")
	second := srv.AddWorkspace(d.Organization, tfetest.Workspace{Name: "demo-workspace-2", ProjectID: d.ProjectID})
	vars := map[string]string{
		"TFE_ADDRESS": srv.URL, "TFE_TOKEN": srv.Token, "TFE_ORG": d.Organization,
		"TFE_PROJECT_ID": d.ProjectID, "TFE_WORKSPACE_IDS": d.WorkspaceID + "," + second,
		"TFE_AGENT_POOL_ID": d.AgentPoolID, "TFE_REGISTRY_MODULE_ID": d.RegistryModuleID,
		"TFE_SMTP_HOST": "smtp.example.com", "TFE_SMTP_PORT": "587", "TFE_SMTP_SENDER": "noreply@example.com",
		"TFE_SMTP_USERNAME": "smtp-bot", "TFE_SMTP_PASSWORD": scenario.Placeholder("smtp-pw-"),
		"TFE_SMTP_TEST_EMAIL": "ops@example.com",
	}
	for k, v := range more {
		if v == "" {
			delete(vars, k)
			continue
		}
		vars[k] = v
	}
	return srv, vars
}

// Run calls an example's run with env and a deadline of timeout, and
// returns its result, what it printed and its error. It fails the test when
// the output or the error shows any of secrets.
func Run[E, R any](t testing.TB, run func(context.Context, E, io.Writer) (R, error), env E, timeout time.Duration, secrets ...string) (R, string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var out bytes.Buffer
	res, err := run(ctx, env, &out)
	for _, s := range secrets {
		if strings.Contains(out.String(), s) || (err != nil && strings.Contains(err.Error(), s)) {
			t.Errorf("a secret (%d chars) was printed:\n%s\n%v", len(s), out.String(), err)
		}
	}
	return res, out.String(), err
}

// Main runs fn as scenario.Main would run the program name, with the
// settings vars and a deadline of 30 s, and returns its exit code,
// standard output and standard error.
func Main(name string, fn scenario.Func, vars map[string]string) (code int, stdout, stderr string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out, errOut bytes.Buffer
	code = scenario.Run(ctx, name, fn, func(k string) string { return vars[k] }, &out, &errOut)
	return code, out.String(), errOut.String()
}

// DeadAddress returns the URL of a loopback port nothing listens on.
func DeadAddress(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return "http://" + addr
}

// Count counts the requests srv received with method to a path matching
// pattern, relative to /api/v2/ and with the wildcards of path.Match ("*"
// matches one path segment).
func Count(srv *tfetest.Server, method, pattern string) int {
	n := 0
	for _, r := range srv.Requests() {
		if ok, _ := path.Match("/api/v2/"+pattern, r.Path); ok && r.Method == method {
			n++
		}
	}
	return n
}

// undoLine matches a command scenario.UndoDelete writes, capturing the
// path.
var undoLine = regexp.MustCompile(`curl -fsS -X DELETE -H "Authorization: Bearer \$TFE_TOKEN" "\$\{TFE_ADDRESS:-https://app\.terraform\.io\}(/api/v2/[^"]+)"`)

// Undo does what the undo commands in out say, against srv as the shell
// would with TFE_ADDRESS and TFE_TOKEN set for it, and returns the paths
// it deleted. It fails the test when a command does not succeed.
func Undo(t testing.TB, srv *tfetest.Server, out string) []string {
	t.Helper()
	var deleted []string
	for _, m := range undoLine.FindAllStringSubmatch(out, -1) {
		req, err := http.NewRequest(http.MethodDelete, srv.URL+m[1], nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+srv.Token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = res.Body.Close()
		if res.StatusCode >= 300 {
			t.Errorf("undo DELETE %s: %s", m[1], res.Status)
		}
		deleted = append(deleted, m[1])
	}
	return deleted
}
