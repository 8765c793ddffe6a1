package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTestNames(t *testing.T) {
	src := []byte("package tfe\n\nfunc TestA(t *testing.T) {}\nfunc helper(t *testing.T) {}\nfunc TestB_c(tt *testing.T) {\n}\n// func TestD(t *testing.T)\nfunc BenchmarkE(b *testing.B) {}\n")
	assert.Equal(t, []string{"TestA", "TestB_c"}, testNames(src))
}

func TestParseVerdict(t *testing.T) {
	for _, tc := range []struct {
		out  string
		want verdict
	}{
		{"=== RUN   TestA\n--- PASS: TestA (0.01s)\nPASS\n", pass},
		{"=== RUN   TestA\n    x_test.go:3: Skipping\n--- SKIP: TestA (0.00s)\n", skip},
		{"=== RUN   TestA\n    --- PASS: TestA/sub (0.00s)\n--- FAIL: TestA (0.00s)\n", fail},
		{"=== RUN   TestAB\n--- PASS: TestAB (0.00s)\n", fail}, // another test's line
		{"panic: boom\n\ngoroutine 7 [running]:\n", fail},
	} {
		assert.Equal(t, tc.want, parseVerdict("TestA", tc.out), tc.out)
	}
}

func TestExcerpt(t *testing.T) {
	out := strings.Join([]string{
		"=== RUN   TestA",
		"=== PAUSE TestA",
		"    a_test.go:10: Skipping test related to Terraform Enterprise. Set ENABLE_TFE=0 to run.",
		"    a_test.go:12: ",
		"        \tError Trace:\t/tmp/a_test.go:12",
		"        \t            \t/tmp/b_test.go:40",
		"        \tError:      \tReceived unexpected error:",
		"        \t            \tnot found",
		"        \tTest:       \tTestA",
		"    --- FAIL: TestA/sub (0.00s)",
		"--- FAIL: TestA (0.00s)",
		"FAIL",
	}, "\n")
	assert.Equal(t, []string{"a_test.go:12:", "Error:      \tReceived unexpected error:", "not found", "--- FAIL: TestA/sub (0.00s)"}, excerpt(out, 5))
	assert.Len(t, excerpt(out, 2), 2)
}

func TestReport(t *testing.T) {
	results := []result{
		{testCase: testCase{file: testFiles[1], name: "TestB"}, verdict: fail, output: "    b_test.go:3: boom\n--- FAIL: TestB (0.00s)\n"},
		{testCase: testCase{file: testFiles[0], name: "TestA"}, verdict: pass},
		{testCase: testCase{file: testFiles[0], name: "TestC"}, verdict: skip, output: "=== RUN   TestC\n    c_test.go:9: needs a VCS connection\n--- SKIP: TestC (0.00s)\n"},
		{}, // not run
	}
	var buf bytes.Buffer
	report(&buf, results, options{markdown: true, lines: 3})
	got := buf.String()
	assert.Contains(t, got, "| `"+testFiles[0]+"` | 1 | 0 | 1 |")
	assert.Contains(t, got, "| `"+testFiles[1]+"` | 0 | 1 | 0 |")
	assert.Contains(t, got, "| **total** | 1 | 1 | 1 |")
	assert.Contains(t, got, "1 of 3 top-level tests pass")
	assert.Contains(t, got, "TestB ("+testFiles[1]+")\n    b_test.go:3: boom\n")
	assert.Contains(t, got, "Skipped:\n  TestC ("+testFiles[0]+"): needs a VCS connection\n")
	require.Less(t, strings.Index(got, testFiles[0]), strings.Index(got, testFiles[1]), "files in testFiles order")
}

func TestParseFlags(t *testing.T) {
	var stderr bytes.Buffer
	o, err := parseFlags([]string{"-run", "Org", "-parallel", "0"}, &stderr)
	require.NoError(t, err)
	assert.Equal(t, 1, o.parallel)
	assert.True(t, o.run.MatchString("TestOrganizationsRead"))
	_, err = parseFlags([]string{"-run", "("}, &stderr)
	assert.Error(t, err)
	_, err = parseFlags([]string{"-h"}, &stderr)
	assert.Error(t, err)
	assert.Contains(t, stderr.String(), "-parallel")
}
