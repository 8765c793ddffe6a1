package benchmarks

import (
	"fmt"
	"os"
	"testing"
)

// env is shared by every benchmark and test of the package.
var env *Env

func TestMain(m *testing.M) {
	var err error
	if env, err = NewEnv(); err != nil {
		fmt.Fprintln(os.Stderr, "benchmarks:", err)
		os.Exit(1)
	}
	code := m.Run()
	env.Close()
	os.Exit(code)
}

// benchCall runs call for both SDKs against the fake and the canned
// answer, then the floor (decode only, and over HTTP to the canned
// server).
func benchCall(b *testing.B, call Call) {
	for _, target := range []Target{Fake, Canned} {
		for _, sdk := range []SDK{Ours, GoTFE} {
			b.Run(targetName(target)+"/"+sdk.String(), env.Bench(sdk, target, call))
		}
	}
	b.Run("floor/decode", env.FloorBench(call, false))
	b.Run("floor/http", env.FloorBench(call, true))
}

func targetName(t Target) string {
	if t == Fake {
		return "fake"
	}
	return "canned"
}

// BenchmarkVariablesList is Variables.List of a workspace with 100
// variables.
func BenchmarkVariablesList(b *testing.B) { benchCall(b, ListVariables) }

// BenchmarkVariableSetRead is VariableSets.Read with include=vars of a set
// with 50 variables.
func BenchmarkVariableSetRead(b *testing.B) { benchCall(b, ReadVariableSet) }

// BenchmarkVariablesCreate is Variables.Create of one variable.
func BenchmarkVariablesCreate(b *testing.B) { benchCall(b, CreateVariable) }

// BenchmarkVariableSetsList is VariableSets.List of 100 sets with their
// workspaces and variables included.
func BenchmarkVariableSetsList(b *testing.B) { benchCall(b, ListVariableSets) }

// TestOps checks, untimed, that every benchmarked call works for both
// SDKs against both servers and that the floor decodes each answer.
func TestOps(t *testing.T) {
	for _, call := range Calls {
		for _, target := range []Target{Fake, Canned} {
			for _, sdk := range []SDK{Ours, GoTFE} {
				if err := env.op(sdk, target, call)(t.Context(), env.nextKey()); err != nil {
					t.Errorf("%s %s against the %s: %v", sdk, call, target, err)
				}
			}
		}
		if _, err := FloorDecode(call, env.Answer(call)); err != nil {
			t.Errorf("floor %s: %v", call, err)
		}
	}
}

// TestListAllRequests checks that listing N variable sets with ListIter
// takes ceil(N/100) requests, and that the go-tfe paging loop lists them
// all.
func TestListAllRequests(t *testing.T) {
	for _, sdk := range []SDK{Ours, GoTFE} {
		r, err := ListAll(sdk, 250, 1)
		if err != nil {
			t.Fatal(err)
		}
		if sdk == Ours && r.Requests != 3 {
			t.Errorf("ListIter of 250 sets sent %d requests, want 3", r.Requests)
		}
	}
}

// TestClientStartRequests checks that our constructor sends nothing.
func TestClientStartRequests(t *testing.T) {
	r, err := ClientStart(Ours, 1)
	if err != nil {
		t.Fatal(err)
	}
	if r.AtConstruction != 0 || r.ToFirstAnswer != 1 {
		t.Errorf("requests at construction %d, to the first answer %d; want 0 and 1", r.AtConstruction, r.ToFirstAnswer)
	}
}
