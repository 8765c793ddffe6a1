// Package demo is what the runnable examples share: connecting to a real
// service or starting the embedded fake, the Ctrl-C and timeout context,
// one-line-per-step progress, and cleanup that runs even when a step
// fails.
package demo

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// FakeBanner is the first line an example prints when it runs against the
// embedded fake.
const FakeBanner = "No TFE_ADDRESS/TFE_TOKEN: running against the embedded fake API (tfetest)."

// FakeOrg is the organization the embedded fake is seeded with.
const FakeOrg = "demo-org"

// Timeout bounds a whole example run; Ctrl-C ends it sooner.
const Timeout = 10 * time.Minute

// Target is where an example runs: a client and its organization, and,
// against the embedded fake, the server and what was seeded in it.
type Target struct {
	// Client talks to the service.
	Client *tfe.Client
	// Org is the organization the example works in (TFE_ORG).
	Org string
	// Getenv reads the example's other settings; it answers "" for all of
	// them against the fake.
	Getenv func(string) string
	// Fake is the embedded server, nil against a real service.
	Fake *tfetest.Server
	// Seeded is what SeedDemo made in the fake.
	Seeded tfetest.Demo
	// Keep leaves what the example made in place instead of cleaning up
	// (TFE_KEEP set to anything).
	Keep bool
}

// Connect returns a Target for a real service when TFE_ADDRESS or
// TFE_TOKEN is set (TFE_ORG is then required), else starts and seeds the
// embedded fake and says so on out. The returned function releases what
// Connect started.
func Connect(getenv func(string) string, out io.Writer) (*Target, func(), error) {
	if getenv("TFE_ADDRESS") == "" && getenv("TFE_TOKEN") == "" {
		fmt.Fprintln(out, FakeBanner)
		t := StartFake()
		return t, t.Fake.Close, nil
	}
	org := getenv("TFE_ORG")
	if org == "" {
		return nil, nil, errors.New("TFE_ORG is not set: name the organization to work in")
	}
	cfg := tfe.DefaultConfig()
	cfg.Address, cfg.Token = getenv("TFE_ADDRESS"), getenv("TFE_TOKEN")
	client, err := tfe.NewClient(cfg)
	if err != nil {
		return nil, nil, err
	}
	return &Target{Client: client, Org: org, Getenv: getenv, Keep: getenv("TFE_KEEP") != ""}, func() {}, nil
}

// StartFake starts the embedded fake, seeded by SeedDemo in FakeOrg, and
// returns a Target for it. The caller closes Target.Fake.
func StartFake(opts ...tfetest.Option) *Target {
	srv := tfetest.NewServer(opts...)
	return &Target{
		Client: srv.Client(),
		Org:    FakeOrg,
		Getenv: func(string) string { return "" },
		Fake:   srv,
		Seeded: srv.SeedDemo(FakeOrg),
	}
}

// Require reads the settings names from the environment of a real
// service, or fails naming every one that is missing.
func (t *Target) Require(names ...string) (map[string]string, error) {
	values := map[string]string{}
	var missing []string
	for _, name := range names {
		if values[name] = t.Getenv(name); values[name] == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("against a real service set %s", strings.Join(missing, ", "))
	}
	return values, nil
}

// Main runs an example: it connects (or starts the fake), builds the
// example's settings with envFor, calls run with a context that Ctrl-C or
// Timeout ends, and exits non-zero with the error on stderr when either
// fails.
func Main[E, R any](name string, envFor func(*Target) (E, error), run func(context.Context, E, io.Writer) (R, error)) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first Ctrl-C the cleanup runs; a second one ends the
	// process at once.
	context.AfterFunc(ctx, stop)
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	err := connectAndRun(ctx, os.Getenv, os.Stdout, envFor, run)
	cancel()
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
}

func connectAndRun[E, R any](ctx context.Context, getenv func(string) string, out io.Writer,
	envFor func(*Target) (E, error), run func(context.Context, E, io.Writer) (R, error)) error {
	t, release, err := Connect(getenv, out)
	if err != nil {
		return err
	}
	defer release()
	env, err := envFor(t)
	if err != nil {
		return err
	}
	_, err = run(ctx, env, out)
	return err
}

// Unique returns name as it is against the fake and, against a real
// service, with a random suffix, so that a second run does not collide
// with what a first one left behind.
func (t *Target) Unique(name string) string {
	if t.Fake != nil {
		return name
	}
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	return name + "-" + hex.EncodeToString(b)
}

// Placeholder returns prefix followed by random hex: a stand-in secret
// for a demo, different on every run so a test can look for it.
func Placeholder(prefix string) string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}
