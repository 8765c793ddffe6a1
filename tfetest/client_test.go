package tfetest

import (
	"testing"
	"time"

	"github.com/tfe-sdk/tfe"
)

func TestConfigAndClient(t *testing.T) {
	srv, _ := newAPI(t, WithToken("t0k"))
	cfg := srv.Config()
	if cfg.Address != srv.URL || cfg.Token != "t0k" || cfg.BasePath != "/api/v2/" ||
		cfg.RetryWaitMin != time.Millisecond || cfg.RetryWaitMax != 20*time.Millisecond || cfg.RateLimit >= 0 {
		t.Fatalf("config %+v", cfg)
	}
	// Each call is a fresh value the caller may change.
	cfg.Token = "other"
	if srv.Config().Token != "t0k" {
		t.Fatal("Config shares state")
	}
	if _, err := tfe.NewClient(cfg); err != nil {
		t.Fatal(err)
	}
	c := srv.Client()
	if c == nil || c.Variables == nil || c.NoCodeModules == nil || c.Admin.SMTP == nil {
		t.Fatalf("client %+v", c)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Fatalf("building a client sent %d requests", n)
	}
}

func TestHeaderOnlyWithRateLimit(t *testing.T) {
	_, a := newAPI(t, WithOrganization("acme"))
	if h := a.do("GET", "organizations/acme", nil).want(200).header.Get("X-RateLimit-Limit"); h != "" {
		t.Errorf("unlimited server announced a limit %q", h)
	}
	if h := a.send("GET", "ping", nil, nil).want(204).header.Get("X-RateLimit-Limit"); h != "30" {
		t.Errorf("ping limit %q", h)
	}
}

func TestPingRateLimit(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []Option
		want string
	}{
		{"default", nil, "30"},
		{"high", []Option{WithPingRateLimit(1000000)}, "1000000"},
		{"off", []Option{WithPingRateLimit(-1)}, ""},
		{"enforced wins", []Option{WithPingRateLimit(1000), WithRateLimit(5)}, "5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, a := newAPI(t, append(tc.opts, WithOrganization("acme"))...)
			if h := a.send("GET", "ping", nil, nil).want(204).header.Get("X-RateLimit-Limit"); h != tc.want {
				t.Errorf("ping limit %q, want %q", h, tc.want)
			}
			// Without WithRateLimit nothing is enforced: a burst well past
			// the announced figure is answered in full.
			if tc.name != "enforced wins" {
				for range 40 {
					a.do("GET", "organizations/acme", nil).want(200)
				}
			}
		})
	}
}
