// Command conformance measures how far tfetest acts like the service: it
// runs hashicorp/go-tfe's integration tests for this SDK's areas,
// unmodified, against tfe-fake, and prints a table of what passed.
//
// It fetches go-tfe with the Go module tool, copies the module to a
// temporary directory, compiles its test binary once (go test -c), builds
// tfe-fake from the checkout it runs in, and runs each top-level test of
// the chosen files in its own process against its own fresh tfe-fake, with
// ENABLE_TFE=1 and ENABLE_BETA=1 and a timeout. It needs the Go module
// proxy (for go-tfe and its dependencies) and takes minutes; CI does not
// run it. `make conformance` runs it from the module root.
//
// Usage:
//
//	go run ./tfetest/internal/conformance [-run REGEXP] [-parallel N] [-timeout D] [-markdown]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"runtime"
	"time"
)

// goTFEVersion is the go-tfe release whose tests are the measure.
const goTFEVersion = "v1.111.2"

// testFiles are the go-tfe test files for the areas this SDK covers.
var testFiles = []string{
	"variable_integration_test.go",
	"variable_set_test.go",
	"variable_set_variable_test.go",
	"organization_integration_test.go",
	"organization_token_ttl_policy_integration_test.go",
	"admin_setting_smtp_integration_test.go",
	"registry_module_integration_test.go",
	"registry_no_code_module_integration_test.go",
}

type options struct {
	run      *regexp.Regexp
	parallel int
	timeout  time.Duration
	markdown bool
	lines    int
	keep     bool
	fake     string
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opts, err := parseFlags(os.Args[1:], os.Stderr)
	if err != nil {
		if err == flag.ErrHelp {
			return
		}
		os.Exit(2)
	}
	if err := measure(ctx, opts, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("conformance", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: conformance [flags]\n\nRuns go-tfe "+goTFEVersion+"'s integration tests for this SDK's areas against tfe-fake.\n\nflags:")
		fs.PrintDefaults()
	}
	run := fs.String("run", "", "run only the top-level tests whose name matches this `regexp`")
	var o options
	fs.IntVar(&o.parallel, "parallel", runtime.NumCPU(), "run up to `n` tests at once")
	fs.DurationVar(&o.timeout, "timeout", 3*time.Minute, "stop a test after this `duration` (it counts as failed)")
	fs.BoolVar(&o.markdown, "markdown", false, "print the table as Markdown")
	fs.IntVar(&o.lines, "lines", 4, "print the first `n` lines of each failure")
	fs.BoolVar(&o.keep, "keep", false, "keep the work directory (the go-tfe copy, the binaries and each test's output)")
	fs.StringVar(&o.fake, "fake", "", "use this tfe-fake `binary` instead of building one from the checkout")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	re, err := regexp.Compile(*run)
	if err != nil {
		fmt.Fprintln(stderr, "conformance: -run:", err)
		return o, err
	}
	o.run = re
	if o.parallel < 1 {
		o.parallel = 1
	}
	return o, nil
}
