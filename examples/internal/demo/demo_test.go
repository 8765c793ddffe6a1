package demo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestConnectWithoutSettingsStartsTheFake(t *testing.T) {
	var out bytes.Buffer
	target, release, err := Connect(env(nil), &out)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if out.String() != FakeBanner+"\n" {
		t.Errorf("output = %q, want the banner line", out.String())
	}
	if target.Fake == nil || target.Org != FakeOrg || target.Seeded.AgentPoolID == "" {
		t.Fatalf("target = %+v, want a seeded fake", target)
	}
	if _, err := target.Client.Organizations.Read(context.Background(), FakeOrg); err != nil {
		t.Errorf("the client cannot reach the fake: %v", err)
	}
	if got := target.Unique("ws"); got != "ws" {
		t.Errorf("Unique against the fake = %q, want the name as it is", got)
	}
}

func TestConnectToARealService(t *testing.T) {
	var out bytes.Buffer
	vars := map[string]string{"TFE_ADDRESS": "https://tfe.example.com", "TFE_TOKEN": "tok"}
	if _, _, err := Connect(env(vars), &out); err == nil || !strings.Contains(err.Error(), "TFE_ORG") {
		t.Errorf("without TFE_ORG: err = %v", err)
	}
	vars["TFE_ORG"], vars["TFE_KEEP"] = "acme", "1"
	target, release, err := Connect(env(vars), &out)
	if err != nil {
		t.Fatal(err)
	}
	release()
	if target.Fake != nil || target.Org != "acme" || !target.Keep || out.Len() != 0 {
		t.Errorf("target = %+v, output %q", target, out.String())
	}
	if a, b := target.Unique("ws"), target.Unique("ws"); !strings.HasPrefix(a, "ws-") || a == b {
		t.Errorf("Unique = %q, %q, want two different suffixed names", a, b)
	}
	if _, err := target.Require("TFE_ORG", "TFE_X", "TFE_Y"); err == nil || !strings.Contains(err.Error(), "TFE_X, TFE_Y") {
		t.Errorf("Require: err = %v, want both missing names", err)
	}
	vars["TFE_ADDRESS"] = "http://tfe.example.com"
	if _, _, err := Connect(env(vars), &out); err == nil {
		t.Error("a token over plain HTTP to a remote host was accepted")
	}
}

func TestConnectAndRun(t *testing.T) {
	var out bytes.Buffer
	envFor := func(target *Target) (string, error) { return target.Org, nil }
	run := func(_ context.Context, org string, w io.Writer) (int, error) {
		fmt.Fprintln(w, "ran in", org)
		return 0, errors.New("boom")
	}
	err := connectAndRun(context.Background(), env(nil), &out, envFor, run)
	if err == nil || err.Error() != "boom" || out.String() != FakeBanner+"\nran in "+FakeOrg+"\n" {
		t.Errorf("err = %v, output %q", err, out.String())
	}
	badEnv := func(*Target) (string, error) { return "", errors.New("no settings") }
	if err := connectAndRun(context.Background(), env(nil), &out, badEnv, run); err == nil || err.Error() != "no settings" {
		t.Errorf("envFor failing: err = %v", err)
	}
	if err := connectAndRun(context.Background(), env(map[string]string{"TFE_TOKEN": "x"}), &out, envFor, run); err == nil {
		t.Error("connecting without TFE_ORG did not fail")
	}
}

func TestSteps(t *testing.T) {
	var out bytes.Buffer
	s := NewSteps(&out, 3)
	s.Begin("first")
	s.Done("%d things", 2)
	s.Begin("second")
	s.Skip("not here")
	s.Begin("third")
	err := s.Fail(errors.New("broken"))
	want := "✓ 1/3 first: 2 things\n- 2/3 second: skipped, not here\n✗ 3/3 third: broken\n"
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
	if err.Error() != "step 3/3 (third): broken" {
		t.Errorf("err = %v", err)
	}
}

func TestCleanup(t *testing.T) {
	var out bytes.Buffer
	var order []string
	c := NewCleanup(&out, false)
	record := func(name string, err error) func(context.Context) error {
		return func(ctx context.Context) error {
			if ctx.Err() != nil {
				t.Errorf("%s ran on an ended context", name)
			}
			order = append(order, name)
			return err
		}
	}
	c.Add("a", record("a", nil))
	now := c.Add("b", record("b", nil))
	c.Add("c", record("c", errors.New("gone")))
	if err := now(context.Background()); err != nil {
		t.Fatal(err)
	}
	// An interrupted run still cleans up.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := errors.New("step failed")
	c.Finish(ctx, &err)
	if strings.Join(order, "") != "bca" {
		t.Errorf("order = %v, want b (now), then c and a in reverse", order)
	}
	if err == nil || !strings.Contains(err.Error(), "step failed") || !strings.Contains(err.Error(), "cleanup: c: gone") {
		t.Errorf("err = %v, want the step's and the cleanup's", err)
	}
	if out.String() != "✗ cleanup: c: gone\n  cleanup: a\n" {
		t.Errorf("output = %q", out.String())
	}
	if c.Run(context.Background()) != nil || len(order) != 3 {
		t.Error("an action ran twice")
	}
}

func TestCleanupKeep(t *testing.T) {
	var out bytes.Buffer
	c := NewCleanup(&out, true)
	c.Add("delete x", func(context.Context) error {
		t.Error("ran with keep")
		return nil
	})
	if err := c.Run(context.Background()); err != nil || !strings.Contains(out.String(), "not done: delete x") {
		t.Errorf("err = %v, output %q", err, out.String())
	}
}

func TestPlaceholder(t *testing.T) {
	a, b := Placeholder("pw-"), Placeholder("pw-")
	if !strings.HasPrefix(a, "pw-") || len(a) != 27 || a == b {
		t.Errorf("placeholders %q, %q", a, b)
	}
}
