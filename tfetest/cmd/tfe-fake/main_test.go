package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// curl sends one request the way curl does in the docs and decodes a JSON
// answer.
func curl(t *testing.T, method, url, token, body string) (int, http.Header, map[string]any) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/vnd.api+json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var doc map[string]any
	raw, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(raw, &doc)
	return resp.StatusCode, resp.Header, doc
}

// readVars reads KEY=value lines until it has n of them.
func readVars(t *testing.T, sc *bufio.Scanner, n int) map[string]string {
	t.Helper()
	out := map[string]string{}
	for len(out) < n && sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok {
			t.Fatalf("unexpected line %q", sc.Text())
		}
		out[k] = v
	}
	if len(out) < n {
		t.Fatalf("got %v before output ended (%v)", out, sc.Err())
	}
	return out
}

// exercise checks documented shapes against a running tfe-fake.
func exercise(t *testing.T, vars map[string]string) {
	t.Helper()
	base, tok := vars["TFE_ADDRESS"]+"/api/v2/", vars["TFE_TOKEN"]
	if status, h, _ := curl(t, "GET", base+"ping", "", ""); status != 204 || h.Get("TFP-API-Version") != "2.6" || h.Get("X-RateLimit-Limit") == "" {
		t.Fatalf("ping: %d %v", status, h)
	}
	if status, _, _ := curl(t, "GET", base+"organizations/"+vars["TFE_ORG"], "wrong", ""); status != 401 {
		t.Fatalf("bad token: %d", status)
	}
	status, _, doc := curl(t, "GET", base+"organizations/"+vars["TFE_ORG"], tok, "")
	if status != 200 || doc["data"].(map[string]any)["type"] != "organizations" {
		t.Fatalf("org: %d %v", status, doc)
	}
	wsIDs := strings.Split(vars["TFE_WORKSPACE_IDS"], ",")
	if len(wsIDs) != 2 {
		t.Fatalf("TFE_WORKSPACE_IDS=%q, want two", vars["TFE_WORKSPACE_IDS"])
	}
	status, _, doc = curl(t, "POST", base+"workspaces/"+wsIDs[1]+"/vars", tok,
		`{"data":{"type":"vars","attributes":{"key":"some_key","value":"some_value","category":"terraform","sensitive":true}}}`)
	if status != 201 || doc["data"].(map[string]any)["attributes"].(map[string]any)["value"] != "" {
		t.Fatalf("create var: %d %v", status, doc)
	}
	status, _, doc = curl(t, "GET", base+"organizations/"+vars["TFE_ORG"]+"/registry-modules", tok, "")
	meta, _ := doc["meta"].(map[string]any)
	if status != 200 || meta["pagination"].(map[string]any)["total-count"] != 1.0 {
		t.Fatalf("modules: %d %v", status, doc)
	}
	status, _, doc = curl(t, "POST", base+"organizations/"+vars["TFE_ORG"]+"/no-code-modules", tok,
		`{"data":{"type":"no-code-modules","attributes":{"enabled":true,"version-pin":"1.4.0"},"relationships":{"registry-module":{"data":{"type":"registry-module","id":"`+vars["TFE_REGISTRY_MODULE_ID"]+`"}}}}}`)
	if status != 200 || doc["data"].(map[string]any)["type"] != "no-code-modules" {
		t.Fatalf("no-code: %d %v", status, doc)
	}
}

func TestSubprocess(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	bin := filepath.Join(t.TempDir(), "tfe-fake")
	if out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	// Port 0: the binary picks a free port and prints it. A port found
	// free beforehand and released could be taken by another test process
	// before the binary listens on it.
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-token", "sekret", "-org", "acme", "-seed-demo")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	sc := bufio.NewScanner(stdout)
	vars := readVars(t, sc, 14)
	if sc.Scan() {
		t.Fatalf("a line after the settings: %q", sc.Text())
	}
	if vars["TFE_TOKEN"] != "sekret" || vars["TFE_SMTP_HOST"] == "" || vars["TFE_FAKE_PID"] == "" || vars["TFE_ORG"] != "acme" || !strings.HasPrefix(vars["TFE_ADDRESS"], "http://127.0.0.1:") {
		t.Fatalf("first lines: %v", vars)
	}
	exercise(t, vars)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit: %v\n%s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("did not stop on SIGTERM")
	}
}

// syncBuffer is an io.Writer the test reads while run writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startRun runs run with args in the background until stop, which answers
// run's error, and waits up to 5 s for it to print n lines.
func startRun(args []string, n int) (out *syncBuffer, stop func() error) {
	ctx, cancel := context.WithCancel(context.Background())
	out = &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, out) }()
	deadline := time.Now().Add(5 * time.Second)
	for strings.Count(out.String(), "\n") < n && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	return out, func() error { cancel(); return <-done }
}

func TestRunInProcess(t *testing.T) {
	out, stop := startRun([]string{"-seed-demo", "-hcp"}, 8)
	vars := readVars(t, bufio.NewScanner(strings.NewReader(out.String())), 8)
	if vars["TFE_ORG"] != "demo-org" || len(vars["TFE_TOKEN"]) != 32 || vars["TFE_SMTP_HOST"] != "" {
		t.Fatalf("vars %v", vars)
	}
	exercise(t, vars)
	if status, _, _ := curl(t, "GET", vars["TFE_ADDRESS"]+"/api/v2/admin/smtp-settings", vars["TFE_TOKEN"], ""); status != 404 {
		t.Errorf("-hcp: admin answered %d", status)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestRunErrors(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for _, args := range [][]string{
		{"-nope"},
		{"-addr", "0.0.0.0:0"},
		{"-addr", "example.com:80"},
		{"-addr", "no-port"},
		{"-addr", busy.Addr().String()},
		{"-org", "a b"},
		{"extra"},
	} {
		if err := run(context.Background(), args, io.Discard); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := run(ctx, []string{"-addr", "localhost:0", "-org", "acme"}, io.Discard); err != nil {
		t.Errorf("localhost: %v", err)
	}
}

func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "-help", "--help"} {
		var out bytes.Buffer
		require.NoError(t, run(context.Background(), []string{arg}, &out), arg)
		for _, flag := range []string{"-addr", "-token", "-org", "-seed-demo", "-hcp", "-strict", "-export", "-env-file", "TFE_FAKE_PID"} {
			assert.Contains(t, out.String(), flag, arg)
		}
	}
}

func TestExportAndEnvFile(t *testing.T) {
	env := filepath.Join(t.TempDir(), "fake.env")
	out, stop := startRun([]string{"-org", "acme", "-export", "-env-file", env, "-strict"}, 4)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 4)
	for _, l := range lines {
		assert.True(t, strings.HasPrefix(l, "export TFE_"), l)
	}
	file, err := os.ReadFile(env)
	require.NoError(t, err)
	assert.Equal(t, strings.ReplaceAll(out.String(), "export ", ""), string(file))
	vars := readVars(t, bufio.NewScanner(bytes.NewReader(file)), 4)
	status, _, _ := curl(t, "PATCH", vars["TFE_ADDRESS"]+"/api/v2/organizations/acme", vars["TFE_TOKEN"],
		`{"data":{"type":"organizations","attributes":{"no-such-attribute":true}}}`)
	assert.Equal(t, http.StatusUnprocessableEntity, status, "-strict")
	require.NoError(t, stop())
}
