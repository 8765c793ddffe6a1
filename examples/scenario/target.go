package scenario

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

const (
	// fakeBanner is the first line of a run against the embedded fake.
	fakeBanner = "No TFE_ADDRESS/TFE_TOKEN: running against the embedded fake API (tfetest)."
	// fakeOrg is the organization the embedded fake is seeded in.
	fakeOrg = "demo-org"
)

// Target is where a scenario runs: a client and its organization and,
// against the embedded fake, the server and what was seeded in it.
type Target struct {
	// Client calls the service with the token.
	Client *tfe.Client
	// Org is the organization to work in.
	Org string
	// Getenv reads the scenario's own settings. Against the embedded fake
	// it answers "" for every name: the scenario takes what it needs from
	// Seeded, or makes it in Fake.
	Getenv func(string) string
	// Fake is the embedded fake; nil against a real service.
	Fake *tfetest.Server
	// Seeded is what SeedDemo made in Fake; zero against a real service.
	Seeded tfetest.Demo
	// Keep reports that TFE_KEEP is set (against a real service only): the
	// scenario is to leave what it made in place, as a Cleanup made with
	// it does.
	Keep bool
}

// StartFake starts the embedded fake with opts, seeds it by SeedDemo in
// the organization demo-org, and returns it as a Target. The caller
// closes t.Fake. Tests start the scenario's fake with it, usually with
// tfetest.WithStrictAttributes.
func StartFake(opts ...tfetest.Option) *Target {
	srv := tfetest.NewServer(opts...)
	return &Target{
		Client: srv.Client(),
		Org:    fakeOrg,
		Getenv: func(string) string { return "" },
		Fake:   srv,
		Seeded: srv.SeedDemo(fakeOrg),
	}
}

// Require reads the settings names, or fails naming every one that is
// not set. Against the embedded fake none is set: call it only for a real
// service.
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

// connect returns a Target for the service that TFE_ADDRESS and TFE_TOKEN
// name (TFE_ORG is then required) after checking it with preflight or,
// when neither is set, starts the embedded fake and says so on out. The
// returned function releases what connect started.
func connect(ctx context.Context, getenv func(string) string, out io.Writer) (*Target, func(), error) {
	if getenv("TFE_ADDRESS") == "" && getenv("TFE_TOKEN") == "" {
		fmt.Fprintln(out, fakeBanner)
		t := StartFake()
		return t, t.Fake.Close, nil
	}
	org := getenv("TFE_ORG")
	if org == "" {
		return nil, nil, errors.New("TFE_ORG is not set: name the organization to work in")
	}
	cfg := tfe.DefaultConfig()
	if address := getenv("TFE_ADDRESS"); address != "" {
		cfg.Address = address
	}
	cfg.Token = getenv("TFE_TOKEN")
	client, err := tfe.NewClient(cfg)
	if err != nil {
		return nil, nil, err
	}
	if err := preflight(ctx, *cfg, org); err != nil {
		return nil, nil, err
	}
	return &Target{Client: client, Org: org, Getenv: getenv, Keep: getenv("TFE_KEEP") != ""}, func() {}, nil
}
