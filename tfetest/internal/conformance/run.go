package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Running one test: a fresh tfe-fake, the test binary pointed at it, and
// the verdict read from the test's verbose output.

// verdict is how a test ended.
type verdict string

const (
	pass verdict = "pass"
	fail verdict = "fail"
	skip verdict = "skip"
)

// result is one test's verdict and output.
type result struct {
	testCase
	verdict verdict
	output  string
	elapsed time.Duration
}

// fake is a running tfe-fake.
type fake struct {
	cmd            *exec.Cmd
	address, token string
}

// startFake starts the tfe-fake binary on a free loopback port and reads
// the address and token it prints.
func startFake(ctx context.Context, bin string) (*fake, error) {
	cmd := exec.CommandContext(ctx, bin, "-addr", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	f := &fake{cmd: cmd}
	sc := bufio.NewScanner(stdout)
	for (f.address == "" || f.token == "") && sc.Scan() {
		line := strings.TrimPrefix(sc.Text(), "export ")
		if v, ok := strings.CutPrefix(line, "TFE_ADDRESS="); ok {
			f.address = strings.Trim(v, `'"`)
		}
		if v, ok := strings.CutPrefix(line, "TFE_TOKEN="); ok {
			f.token = strings.Trim(v, `'"`)
		}
	}
	if f.address == "" || f.token == "" {
		f.stop()
		return nil, fmt.Errorf("tfe-fake printed no TFE_ADDRESS and TFE_TOKEN: %s", stderr.String())
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	return f, nil
}

// stop ends the fake and waits for it.
func (f *fake) stop() {
	_ = f.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { _ = f.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = f.cmd.Process.Kill()
		<-done
	}
}

// testEnv is the environment of a test: this one's, less anything that
// points go-tfe's tests at other services or credentials, plus the fake.
func testEnv(f *fake) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "TFE_") || strings.HasPrefix(name, "TFC_") || strings.HasPrefix(name, "ENABLE_") ||
			strings.HasPrefix(name, "GITHUB_") || strings.HasPrefix(name, "OAUTH_") || strings.HasPrefix(name, "TF_TOKEN_") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "TFE_ADDRESS="+f.address, "TFE_TOKEN="+f.token, "ENABLE_TFE=1", "ENABLE_BETA=1")
}

// runTest runs tc in its own process of the test binary (in dir) against
// its own fake.
func runTest(ctx context.Context, fakeBin, testBin, dir string, tc testCase, timeout time.Duration) result {
	res := result{testCase: tc, verdict: fail}
	start := time.Now()
	defer func() { res.elapsed = time.Since(start) }()
	f, err := startFake(ctx, fakeBin)
	if err != nil {
		res.output = err.Error()
		return res
	}
	defer f.stop()
	// The test binary's own timeout panics with the goroutines; the
	// context is the backstop for a binary that hangs anyway.
	backstop := timeout + 30*time.Second
	tctx, cancel := context.WithTimeout(ctx, backstop)
	defer cancel()
	cmd := exec.CommandContext(tctx, testBin, "-test.run", "^"+tc.name+"$", "-test.v", "-test.count=1",
		"-test.timeout", timeout.String())
	cmd.Dir = dir
	cmd.Env = testEnv(f)
	out, err := cmd.CombinedOutput()
	res.output = string(out)
	if err != nil && len(out) == 0 {
		res.output = err.Error() // it did not start
	}
	res.verdict = parseVerdict(tc.name, res.output)
	if errors.Is(tctx.Err(), context.DeadlineExceeded) {
		res.verdict = fail
		res.output += "\n(conformance: killed after " + backstop.String() + ")"
	}
	return res
}

// parseVerdict reads the verdict of the top-level test name from its
// verbose output: its --- PASS/FAIL/SKIP line, else (a panic, a timeout)
// a failure.
func parseVerdict(name, output string) verdict {
	for _, line := range strings.Split(output, "\n") {
		switch {
		case strings.HasPrefix(line, "--- PASS: "+name+" "):
			return pass
		case strings.HasPrefix(line, "--- SKIP: "+name+" "):
			return skip
		case strings.HasPrefix(line, "--- FAIL: "+name+" "):
			return fail
		}
	}
	return fail
}

// excerpt picks the first n telling lines of a failed test's output: the
// errors and panics, without the run markers and stack traces.
func excerpt(output string, n int) []string {
	var out []string
	inTrace := false
	for _, line := range strings.Split(output, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "", strings.HasPrefix(t, "=== "), strings.HasPrefix(t, "--- PASS"), strings.HasPrefix(t, "--- SKIP"),
			t == "FAIL", t == "PASS", strings.HasPrefix(t, "goroutine "), strings.HasPrefix(t, "created by "),
			strings.HasPrefix(t, "/"), strings.HasPrefix(t, "Test:"), strings.HasPrefix(t, "Messages:"),
			strings.Contains(t, ": Skipping test"), strings.HasPrefix(t, "--- FAIL: Test") && !strings.Contains(t, "/"),
			strings.Contains(t, "Warning: failed to list stacks"), strings.Contains(t, "[WARN] Support for"):
			continue
		case strings.HasPrefix(t, "Error Trace:"):
			inTrace = true
			continue
		case strings.HasPrefix(t, "Error:"):
			inTrace = false
		}
		if inTrace {
			continue
		}
		if strings.HasSuffix(t, ")") && strings.Contains(t, "(0x") {
			continue // a stack frame
		}
		out = append(out, t)
		if len(out) == n {
			break
		}
	}
	return out
}

// skipReason is the message a skipped test gave: the text of its first
// log line (file:line: dropped).
func skipReason(output string) string {
	for _, line := range strings.Split(output, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- ") {
			continue
		}
		if _, msg, ok := strings.Cut(t, ".go:"); ok {
			if _, text, ok := strings.Cut(msg, ": "); ok {
				return text
			}
		}
		return t
	}
	return "(no message)"
}
