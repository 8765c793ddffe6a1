package benchmarks

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	gotfe "github.com/hashicorp/go-tfe"
	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// Sizes of the per-call fixtures.
const (
	ListSize   = 100 // variables of the listed workspace
	VarsetSize = 50  // variables of the variable set read with include=vars
	// SetsSize sets, each with SetVars variables and applied to SetWorkspaces
	// of SetsWorkspaces workspaces, are listed with their workspaces and
	// variables included.
	SetsSize       = 100
	SetVars        = 5
	SetWorkspaces  = 2
	SetsWorkspaces = 20
	org            = "bench"
	setsOrg        = "bench-sets"
)

// Env is the per-call fixture: one fake API and one canned-answer server,
// each with a client of either SDK. Neither client limits itself: the fake
// enforces no limit and its ping announces none (tfetest.WithPingRateLimit
// (-1)), so go-tfe's limiter is unlimited; ours has RateLimit -1 from
// Server.Config.
type Env struct {
	// Fake is the in-memory fake API.
	Fake *tfetest.Server
	// Canned replays the fake's answer bytes, captured once.
	Canned *httptest.Server

	listWS   string // workspace with ListSize variables
	createWS string // workspace the create benchmarks add to (emptied as they go)
	varsetID string // variable set with VarsetSize variables

	answers map[string]cannedAnswer // by "METHOD path"
	ours    map[Target]*tfe.Client
	theirs  map[Target]*gotfe.Client
	keys    atomic.Int64

	mu      sync.Mutex
	err     error
	lastCPU time.Duration
}

// Target is the server a per-call benchmark talks to.
type Target int

const (
	// Fake is the tfetest fake: its cost is in every figure.
	Fake Target = iota
	// Canned is a minimal httptest handler replaying the fake's captured
	// answer bytes, so that the figures are mostly the client's.
	Canned
)

func (t Target) String() string {
	if t == Fake {
		return "fake API"
	}
	return "canned answer"
}

// SDK names a client library.
type SDK int

const (
	// Ours is github.com/tfe-sdk/tfe.
	Ours SDK = iota
	// GoTFE is github.com/hashicorp/go-tfe.
	GoTFE
)

func (s SDK) String() string {
	if s == Ours {
		return "tfe"
	}
	return "go-tfe"
}

// cannedAnswer is an answer as the fake sent it.
type cannedAnswer struct {
	status      int
	contentType string
	body        []byte
}

// NewEnv seeds a fake, captures its answers, starts the canned server and
// builds the four clients.
func NewEnv() (*Env, error) {
	e := &Env{
		Fake:    tfetest.NewServer(tfetest.WithOrganization(org), tfetest.WithPingRateLimit(-1)),
		answers: map[string]cannedAnswer{},
		ours:    map[Target]*tfe.Client{},
		theirs:  map[Target]*gotfe.Client{},
	}
	e.listWS = e.Fake.AddWorkspace(org, tfetest.Workspace{Name: "listed"})
	for i := range ListSize {
		e.Fake.AddWorkspaceVariable(e.listWS, seedVar("var", i))
	}
	e.createWS = e.Fake.AddWorkspace(org, tfetest.Workspace{Name: "created"})
	set := tfetest.VariableSet{Name: "read"}
	for i := range VarsetSize {
		set.Variables = append(set.Variables, seedVar("setvar", i))
	}
	e.varsetID = e.Fake.AddVariableSet(org, set)
	e.seedSets()

	if err := e.capture(); err != nil {
		e.Close()
		return nil, err
	}
	e.Canned = httptest.NewServer(http.HandlerFunc(e.serveCanned))
	for _, t := range []Target{Fake, Canned} {
		url := e.url(t)
		cfg := e.Fake.Config()
		cfg.Address = url
		c, err := tfe.NewClient(cfg)
		if err != nil {
			e.Close()
			return nil, err
		}
		e.ours[t] = c
		g, err := newGoTFE(url, e.Fake.Token)
		if err != nil {
			e.Close()
			return nil, fmt.Errorf("go-tfe client for the %s: %w", t, err)
		}
		e.theirs[t] = g
	}
	e.Fake.ResetRequests()
	return e, nil
}

// seedSets seeds the organization whose SetsSize variable sets are
// listed.
func (e *Env) seedSets() {
	e.Fake.AddOrganization(setsOrg, "sets@example.com")
	ws := make([]string, SetsWorkspaces)
	for i := range ws {
		ws[i] = e.Fake.AddWorkspace(setsOrg, tfetest.Workspace{Name: "ws-" + strconv.Itoa(i), Description: "a workspace the sets apply to"})
	}
	for i := range SetsSize {
		set := tfetest.VariableSet{Name: "set-" + strconv.Itoa(i), Description: "a listed set"}
		for j := range SetWorkspaces {
			set.WorkspaceIDs = append(set.WorkspaceIDs, ws[(i+j)%SetsWorkspaces])
		}
		for j := range SetVars {
			set.Variables = append(set.Variables, seedVar("set"+strconv.Itoa(i)+"_", j))
		}
		e.Fake.AddVariableSet(setsOrg, set)
	}
}

// Close stops both servers.
func (e *Env) Close() {
	e.Fake.Close()
	if e.Canned != nil {
		e.Canned.Close()
	}
}

func (e *Env) url(t Target) string {
	if t == Fake {
		return e.Fake.URL
	}
	return e.Canned.URL
}

// newGoTFE builds a go-tfe client with its defaults (it pings the server).
func newGoTFE(address, token string) (*gotfe.Client, error) {
	return gotfe.NewClient(&gotfe.Config{Address: address, Token: token})
}

// seedVar is the i-th seeded variable: realistic lengths, some env and HCL
// variables, one in ten sensitive.
func seedVar(prefix string, i int) tfetest.Variable {
	v := tfetest.Variable{
		Key:         prefix + "_" + strconv.Itoa(i),
		Value:       "value-" + strconv.Itoa(i) + "-0123456789abcdef",
		Description: "benchmark variable number " + strconv.Itoa(i),
		Category:    "terraform",
		Sensitive:   i%10 == 9,
	}
	if i%3 == 1 {
		v.Category = "env"
	}
	if i%7 == 3 {
		v.HCL = true
		v.Value = `{ region = "eu-west-1" }`
	}
	return v
}

// Paths of the three per-call requests, under the fake's /api/v2/.
func (e *Env) listPath() string   { return "/api/v2/workspaces/" + e.listWS + "/vars" }
func (e *Env) createPath() string { return "/api/v2/workspaces/" + e.createWS + "/vars" }
func (e *Env) readPath() string   { return "/api/v2/varsets/" + e.varsetID }
func (e *Env) setsPath() string   { return "/api/v2/organizations/" + setsOrg + "/varsets" }

// setsQuery is the query of the sets list: its first page of 100, with
// the workspaces and variables included.
const setsQuery = "include=workspaces%2Cvars&page%5Bnumber%5D=1&page%5Bsize%5D=100"

// createBody is the request document of a variable create.
func createBody(key string) []byte {
	return []byte(`{"data":{"type":"vars","attributes":{"key":"` + key +
		`","value":"eu-west-1","category":"terraform","hcl":false,"sensitive":false}}}`)
}

// capture asks the fake for each per-call answer once and keeps its bytes.
func (e *Env) capture() error {
	reqs := []struct {
		method, path, query string
		body                []byte
	}{
		{http.MethodGet, e.listPath(), "", nil},
		{http.MethodGet, e.readPath(), "include=vars", nil},
		{http.MethodPost, e.createPath(), "", createBody("captured")},
		{http.MethodGet, e.setsPath(), setsQuery, nil},
	}
	for _, r := range reqs {
		a, err := e.rawCall(r.method, r.path+"?"+r.query, r.body)
		if err != nil {
			return fmt.Errorf("capturing %s %s: %w", r.method, r.path, err)
		}
		e.answers[r.method+" "+r.path] = a
	}
	// Leave the create workspace empty again.
	return e.cleanup(context.Background())
}

// rawCall sends one request to the fake with net/http alone.
func (e *Env) rawCall(method, pathQuery string, body []byte) (cannedAnswer, error) {
	req, err := http.NewRequest(method, e.Fake.URL+pathQuery, bytes.NewReader(body))
	if err != nil {
		return cannedAnswer{}, err
	}
	req.Header.Set("Authorization", "Bearer "+e.Fake.Token)
	req.Header.Set("Accept", "application/vnd.api+json")
	if body != nil {
		req.Header.Set("Content-Type", "application/vnd.api+json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return cannedAnswer{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return cannedAnswer{}, err
	}
	if resp.StatusCode/100 != 2 {
		return cannedAnswer{}, fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	return cannedAnswer{status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"), body: b}, nil
}

// serveCanned is the canned server: ping answers 204 without a rate limit
// (as the fake's does here), every captured request its captured bytes.
func (e *Env) serveCanned(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	if r.URL.Path == "/api/v2/ping" {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	a, ok := e.answers[r.Method+" "+r.URL.Path]
	if !ok {
		http.Error(w, "no canned answer", http.StatusNotFound)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("Content-Length", strconv.Itoa(len(a.body)))
	w.WriteHeader(a.status)
	_, _ = w.Write(a.body)
}

// Answer returns the captured answer body of call.
func (e *Env) Answer(call Call) []byte {
	switch call {
	case ListVariables:
		return e.answers["GET "+e.listPath()].body
	case ReadVariableSet:
		return e.answers["GET "+e.readPath()].body
	case ListVariableSets:
		return e.answers["GET "+e.setsPath()].body
	default:
		return e.answers["POST "+e.createPath()].body
	}
}

// cleanup deletes the variables the create benchmarks made and forgets
// the recorded requests, so the fake's cost stays the same however many
// iterations run.
func (e *Env) cleanup(ctx context.Context) error {
	c := e.ours[Fake]
	if c == nil {
		cfg := e.Fake.Config()
		var err error
		if c, err = tfe.NewClient(cfg); err != nil {
			return err
		}
	}
	list, err := c.Variables.List(ctx, e.createWS, nil)
	if err != nil {
		return err
	}
	for _, v := range list.Items {
		if err := c.Variables.Delete(ctx, e.createWS, v.ID); err != nil {
			return err
		}
	}
	e.Fake.ResetRequests()
	return nil
}

// nextKey is a variable key no create has used.
func (e *Env) nextKey() string { return "k" + strconv.FormatInt(e.keys.Add(1), 10) }

// fail records the first error of a benchmark body.
func (e *Env) fail(err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.err == nil {
		e.err = err
	}
}

// setCPU records the CPU time of the benchmark body that just ran.
func (e *Env) setCPU(d time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.lastCPU = d
}

// LastCPU is the process CPU time used by the last benchmark body run,
// which for testing.Benchmark is the run its result reports.
func (e *Env) LastCPU() time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.lastCPU
}

// Err returns the first error a benchmark body met, if any.
func (e *Env) Err() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.err
}
