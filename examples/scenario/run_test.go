package scenario_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tfe-sdk/tfe/examples/internal/demotest"
	"github.com/tfe-sdk/tfe/examples/scenario"
)

const banner = "No TFE_ADDRESS/TFE_TOKEN: running against the embedded fake API (tfetest).\n"

// Without TFE_ADDRESS and TFE_TOKEN the scenario runs against the
// embedded fake, seeded, and the first line says so.
func TestRunAgainstTheFake(t *testing.T) {
	code, stdout, stderr := demotest.Main("demo", func(ctx context.Context, tgt *scenario.Target, out io.Writer) error {
		require.NotNil(t, tgt.Fake)
		assert.Equal(t, "demo-org", tgt.Org)
		assert.NotEmpty(t, tgt.Seeded.AgentPoolID)
		assert.Empty(t, tgt.Getenv("TFE_ORG"), "against the fake every setting reads empty")
		assert.False(t, tgt.Keep)
		_, err := tgt.Client.Organizations.Read(ctx, tgt.Org)
		fmt.Fprintln(out, "ran")
		return err
	}, map[string]string{"TFE_ORG": "acme", "TFE_KEEP": "1"})
	assert.Equal(t, 0, code)
	assert.Equal(t, banner+"ran\n", stdout)
	assert.Empty(t, stderr)
}

// An error that a step or the cleanup printed is not printed again:
// stderr names where the run stopped. Any other error is printed whole.
func TestRunPrintsAnErrorOnce(t *testing.T) {
	failed := func(ctx context.Context, _ *scenario.Target, out io.Writer) (err error) {
		steps, cleanup := scenario.NewSteps(out, 2), scenario.NewCleanup(out, false)
		defer cleanup.Finish(ctx, &err)
		cleanup.Add("undo a", "", func(context.Context) error { return errors.New("gone") })
		steps.Begin("a")
		return steps.Fail(errors.New("broken"))
	}
	code, stdout, stderr := demotest.Main("demo", failed, nil)
	assert.Equal(t, 1, code)
	assert.Equal(t, banner+"✗ 1/2 a: broken\n✗ cleanup: undo a: gone\n", stdout)
	assert.Equal(t, "demo: failed at step 1/2 (a); cleanup (undo a)\n", stderr)

	for _, tc := range []struct {
		name string
		err  func(shown error) error
		want string
	}{
		{"plain", func(error) error { return errors.New("plain") }, "demo: plain\n"},
		{"wrapped", func(shown error) error { return fmt.Errorf("more: %w", shown) }, "demo: more: step 1/1 (x): broken\n"},
		{"joined", func(shown error) error { return errors.Join(shown, errors.New("new")) }, "demo: step 1/1 (x): broken\nnew\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := demotest.Main("demo", func(_ context.Context, _ *scenario.Target, out io.Writer) error {
				steps := scenario.NewSteps(out, 1)
				steps.Begin("x")
				return tc.err(steps.Fail(errors.New("broken")))
			}, nil)
			assert.Equal(t, 1, code)
			assert.Equal(t, tc.want, stderr, "an error not printed yet is printed in full")
		})
	}
}

// The settings of a real service: TFE_ORG is required, TFE_KEEP is read,
// the scenario's own settings pass through, and nothing is printed before
// the scenario's first line.
func TestRunAgainstAService(t *testing.T) {
	srv, vars := demotest.Service(t, map[string]string{"TFE_KEEP": "1", "TFE_X": "x"})
	delete(vars, "TFE_ORG")
	code, stdout, stderr := demotest.Main("demo", func(context.Context, *scenario.Target, io.Writer) error {
		t.Error("ran without TFE_ORG")
		return nil
	}, vars)
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Equal(t, "demo: TFE_ORG is not set: name the organization to work in\n", stderr)

	vars["TFE_ORG"] = "demo-org"
	code, stdout, stderr = demotest.Main("demo", func(context.Context, *scenario.Target, io.Writer) error {
		return nil
	}, vars)
	assert.Equal(t, 0, code, stderr)
	assert.Empty(t, stdout, "nothing is printed for a real service")

	code, _, stderr = demotest.Main("demo", func(ctx context.Context, tgt *scenario.Target, _ io.Writer) error {
		assert.Nil(t, tgt.Fake)
		assert.Equal(t, "demo-org", tgt.Org)
		assert.True(t, tgt.Keep)
		assert.Equal(t, "x", tgt.Getenv("TFE_X"))
		_, err := tgt.Client.Organizations.Read(ctx, tgt.Org)
		return err
	}, vars)
	assert.Equal(t, 0, code, stderr)
	assert.Equal(t, 3, demotest.Count(srv, "GET", "organizations/demo-org"), "the preflight reads the organization once a run")

	vars["TFE_ADDRESS"] = "http://tfe.example.com"
	code, _, stderr = demotest.Main("demo", nil, vars)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "refusing to send the API token over plain http:// to a host that is not loopback")
}

// Main, in a process of its own (this test binary, run again), exits with
// the scenario's status; Ctrl-C ends the scenario's context and the
// cleanup still runs; a second Ctrl-C ends the process at once.
func TestMainInAProcess(t *testing.T) {
	t.Run("succeeds", func(t *testing.T) {
		out, errOut, err := child(t, "ok")
		require.NoError(t, err)
		assert.Equal(t, banner+"ran\n", out)
		assert.Empty(t, errOut)
	})
	t.Run("fails", func(t *testing.T) {
		out, errOut, err := child(t, "fail")
		assertExit(t, err, 1)
		assert.Equal(t, banner, out)
		assert.Equal(t, "child: broken\n", errOut)
	})
	t.Run("interrupted", func(t *testing.T) {
		out, errOut, err := child(t, "wait", func(p *os.Process) { require.NoError(t, p.Signal(os.Interrupt)) })
		assertExit(t, err, 1)
		assert.Equal(t, banner+"waiting\n  cleanup: undo\n", out)
		assert.Equal(t, "child: context canceled\n", errOut)
	})
	t.Run("interrupted twice", func(t *testing.T) {
		out, _, err := child(t, "stuck", func(p *os.Process) { require.NoError(t, p.Signal(os.Interrupt)) },
			func(p *os.Process) { require.NoError(t, p.Signal(os.Interrupt)) })
		var exit *exec.ExitError
		require.ErrorAs(t, err, &exit)
		assert.Equal(t, "signal: interrupt", exit.ProcessState.String(), "the second Ctrl-C ends the process")
		assert.Equal(t, banner+"waiting\nstuck\n", out)
	})
}

// child runs TestChildProcess as scenario.Main's program in mode (see
// there), without the TFE_ settings of this process. After each line of
// its standard output but the banner it calls the next of then. It
// returns the output and the error of the wait.
func child(t *testing.T, mode string, then ...func(*os.Process)) (stdout, stderr string, err error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildProcess$")
	// Under -race, an exit waits 1 s for reports unless GORACE says not to.
	cmd.Env = []string{"SCENARIO_CHILD=" + mode, "GORACE=atexit_sleep_ms=0"}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TFE_") && !strings.HasPrefix(kv, "GORACE=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	var errOut strings.Builder
	cmd.Stderr = &errOut
	pipe, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	var out strings.Builder
	lines := bufio.NewScanner(pipe)
	for i := 0; lines.Scan(); i++ {
		out.WriteString(lines.Text() + "\n")
		if i > 0 && i <= len(then) {
			then[i-1](cmd.Process)
		}
	}
	err = cmd.Wait()
	return out.String(), errOut.String(), err
}

// assertExit checks that err is an exit with code.
func assertExit(t *testing.T, err error, code int) {
	t.Helper()
	var exit *exec.ExitError
	if assert.ErrorAs(t, err, &exit) {
		assert.Equal(t, code, exit.ExitCode())
	}
}

// TestChildProcess is the program child runs; it does nothing in a test
// run of its own.
func TestChildProcess(t *testing.T) {
	modes := map[string]scenario.Func{
		"ok": func(_ context.Context, _ *scenario.Target, out io.Writer) error {
			fmt.Fprintln(out, "ran")
			return nil
		},
		"fail": func(context.Context, *scenario.Target, io.Writer) error { return errors.New("broken") },
		// Interrupted, it cleans up on a context that has not ended.
		"wait": func(ctx context.Context, _ *scenario.Target, out io.Writer) (err error) {
			cleanup := scenario.NewCleanup(out, false)
			defer cleanup.Finish(ctx, &err)
			cleanup.Add("undo", "", func(ctx context.Context) error { return ctx.Err() })
			fmt.Fprintln(out, "waiting")
			<-ctx.Done()
			return ctx.Err()
		},
		// Interrupted, it does not return.
		"stuck": func(ctx context.Context, _ *scenario.Target, out io.Writer) error {
			fmt.Fprintln(out, "waiting")
			<-ctx.Done()
			fmt.Fprintln(out, "stuck")
			time.Sleep(time.Minute)
			return nil
		},
	}
	mode := os.Getenv("SCENARIO_CHILD")
	if mode == "" {
		t.Skip("run by TestMainInAProcess")
	}
	scenario.Main("child", modes[mode])
}
