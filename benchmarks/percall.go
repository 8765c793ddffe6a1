package benchmarks

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	gotfe "github.com/hashicorp/go-tfe"
	"github.com/tfe-sdk/tfe"
)

// Call is one of the per-call operations.
type Call int

const (
	// ListVariables is Variables.List of a workspace with ListSize
	// variables.
	ListVariables Call = iota
	// ReadVariableSet is VariableSets.Read with include=vars of a set with
	// VarsetSize variables.
	ReadVariableSet
	// CreateVariable is Variables.Create of a terraform variable.
	CreateVariable
	// ListVariableSets is VariableSets.List of SetsSize sets with their
	// workspaces and variables included.
	ListVariableSets
)

// Calls lists the per-call operations in report order.
var Calls = []Call{ListVariables, ReadVariableSet, CreateVariable, ListVariableSets}

func (c Call) String() string {
	switch c {
	case ListVariables:
		return fmt.Sprintf("Variables.List (%d vars)", ListSize)
	case ReadVariableSet:
		return fmt.Sprintf("VariableSets.Read include=vars (%d vars)", VarsetSize)
	case ListVariableSets:
		return fmt.Sprintf("VariableSets.List include=workspaces,vars (%d sets)", SetsSize)
	default:
		return "Variables.Create"
	}
}

// op is one call; key is the variable key of a create.
type op func(ctx context.Context, key string) error

// op returns the call made with sdk's client against target. Each checks
// the size of what it got, so both SDKs provably do the whole work.
func (e *Env) op(sdk SDK, target Target, call Call) op {
	if sdk == Ours {
		c := e.ours[target]
		switch call {
		case ListVariables:
			return func(ctx context.Context, _ string) error {
				l, err := c.Variables.List(ctx, e.listWS, nil)
				if err != nil {
					return err
				}
				return wantLen(len(l.Items), ListSize)
			}
		case ReadVariableSet:
			opts := &tfe.VariableSetReadOptions{Include: []tfe.VariableSetIncludeOpt{tfe.VariableSetIncludeVars}}
			return func(ctx context.Context, _ string) error {
				vs, err := c.VariableSets.Read(ctx, e.varsetID, opts)
				if err != nil {
					return err
				}
				if err := wantLen(len(vs.Variables), VarsetSize); err != nil {
					return err
				}
				return wantKey(vs.Variables[0].Key)
			}
		case ListVariableSets:
			opts := &tfe.VariableSetListOptions{ListOptions: tfe.ListOptions{PageNumber: 1, PageSize: 100},
				Include: []tfe.VariableSetIncludeOpt{tfe.VariableSetIncludeWorkspaces, tfe.VariableSetIncludeVars}}
			return func(ctx context.Context, _ string) error {
				l, err := c.VariableSets.List(ctx, setsOrg, opts)
				if err != nil {
					return err
				}
				return wantSets(len(l.Items), len(l.Items[0].Variables), l.Items[0].Variables[0].Key, l.Items[0].Workspaces[0].Name)
			}
		default:
			return func(ctx context.Context, key string) error {
				_, err := c.Variables.Create(ctx, e.createWS, tfe.VariableCreateOptions{
					Key: key, Value: tfe.Ptr("eu-west-1"), Category: tfe.CategoryTerraform,
					HCL: tfe.Ptr(false), Sensitive: tfe.Ptr(false),
				})
				return err
			}
		}
	}
	c := e.theirs[target]
	switch call {
	case ListVariables:
		return func(ctx context.Context, _ string) error {
			l, err := c.Variables.List(ctx, e.listWS, nil)
			if err != nil {
				return err
			}
			return wantLen(len(l.Items), ListSize)
		}
	case ReadVariableSet:
		opts := &gotfe.VariableSetReadOptions{Include: &[]gotfe.VariableSetIncludeOpt{gotfe.VariableSetVars}}
		return func(ctx context.Context, _ string) error {
			vs, err := c.VariableSets.Read(ctx, e.varsetID, opts)
			if err != nil {
				return err
			}
			if err := wantLen(len(vs.Variables), VarsetSize); err != nil {
				return err
			}
			return wantKey(vs.Variables[0].Key)
		}
	case ListVariableSets:
		opts := &gotfe.VariableSetListOptions{ListOptions: gotfe.ListOptions{PageNumber: 1, PageSize: 100}, Include: "workspaces,vars"}
		return func(ctx context.Context, _ string) error {
			l, err := c.VariableSets.List(ctx, setsOrg, opts)
			if err != nil {
				return err
			}
			return wantSets(len(l.Items), len(l.Items[0].Variables), l.Items[0].Variables[0].Key, l.Items[0].Workspaces[0].Name)
		}
	default:
		return func(ctx context.Context, key string) error {
			_, err := c.Variables.Create(ctx, e.createWS, gotfe.VariableCreateOptions{
				Key: gotfe.String(key), Value: gotfe.String("eu-west-1"), Category: gotfe.Category(gotfe.CategoryTerraform),
				HCL: gotfe.Bool(false), Sensitive: gotfe.Bool(false),
			})
			return err
		}
	}
}

func wantLen(got, want int) error {
	if got != want {
		return fmt.Errorf("got %d items, want %d", got, want)
	}
	return nil
}

// wantSets checks a listed page of sets: all of them, each first set's
// variables, and its first variable and workspace decoded from the
// included resources.
func wantSets(sets, vars int, key, workspace string) error {
	if err := wantLen(sets, SetsSize); err != nil {
		return err
	}
	if err := wantLen(vars, SetVars); err != nil {
		return err
	}
	if workspace == "" {
		return fmt.Errorf("an included workspace has no name")
	}
	return wantKey(key)
}

// wantKey checks that an included variable was decoded, not left as a
// bare reference.
func wantKey(key string) error {
	if key == "" {
		return fmt.Errorf("an included variable has no key")
	}
	return nil
}

// cleanupEvery is how many creates the fake keeps before the benchmark
// deletes them (with the timer stopped): the fake scans every stored
// variable on each request, so an ever-growing store would make its cost
// depend on b.N.
const cleanupEvery = 100

// Bench returns the benchmark body of call made with sdk against target.
func (e *Env) Bench(sdk SDK, target Target, call Call) func(*testing.B) {
	do := e.op(sdk, target, call)
	cleans := call == CreateVariable && target == Fake
	return func(b *testing.B) {
		ctx := context.Background()
		if err := e.cleanup(ctx); err != nil {
			e.fail(err)
			b.Fatal(err)
		}
		b.ReportAllocs()
		cpu := startCPU(b)
		for i := range b.N {
			if cleans && i > 0 && i%cleanupEvery == 0 {
				cpu.stop()
				if err := e.cleanup(ctx); err != nil {
					e.fail(err)
					b.Fatal(err)
				}
				cpu.start()
			}
			if err := do(ctx, e.nextKey()); err != nil {
				err = fmt.Errorf("%s %s against the %s: %w", sdk, call, target, err)
				e.fail(err)
				b.Fatal(err)
			}
		}
		e.setCPU(cpu.done())
	}
}

// cpuClock follows a benchmark's timer and the process CPU time used while
// it runs.
type cpuClock struct {
	b     *testing.B
	since time.Duration
	used  time.Duration
}

// startCPU resets b's timer and starts counting CPU time.
func startCPU(b *testing.B) *cpuClock {
	b.ResetTimer()
	return &cpuClock{b: b, since: processCPU()}
}

func (c *cpuClock) stop() {
	c.b.StopTimer()
	c.used += processCPU() - c.since
}

func (c *cpuClock) start() {
	c.since = processCPU()
	c.b.StartTimer()
}

// done stops the timer, reports cpu-ns/op and returns the CPU time used.
func (c *cpuClock) done() time.Duration {
	c.stop()
	if c.b.N > 0 {
		c.b.ReportMetric(float64(c.used.Nanoseconds())/float64(c.b.N), "cpu-ns/op")
	}
	return c.used
}

// The floor: plain structs decoded with encoding/json, no JSON:API
// library. They hold what this SDK's models hold (go-tfe's Variable has no
// created-at, so the floor does a little more than go-tfe does).

type floorRef struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

type floorVarAttrs struct {
	Key         string    `json:"key"`
	Value       string    `json:"value"`
	Description string    `json:"description"`
	Category    string    `json:"category"`
	HCL         bool      `json:"hcl"`
	Sensitive   bool      `json:"sensitive"`
	VersionID   string    `json:"version-id"`
	CreatedAt   time.Time `json:"created-at"`
}

type floorVar struct {
	ID            string        `json:"id"`
	Type          string        `json:"type"`
	Attributes    floorVarAttrs `json:"attributes"`
	Relationships struct {
		Configurable struct {
			Data *floorRef `json:"data"`
		} `json:"configurable"`
	} `json:"relationships"`
}

// FloorVariable is the floor's model of a variable.
type FloorVariable struct {
	ID string
	floorVarAttrs
	Owner *floorRef
}

func (v *floorVar) model() *FloorVariable {
	return &FloorVariable{ID: v.ID, floorVarAttrs: v.Attributes, Owner: v.Relationships.Configurable.Data}
}

// FloorVariableSet is the floor's model of a variable set.
type FloorVariableSet struct {
	ID           string
	Name         string
	Description  string
	Global       bool
	Priority     bool
	Organization string
	Variables    []*FloorVariable
}

type floorVarset struct {
	ID         string `json:"id"`
	Type       string `json:"type"`
	Attributes struct {
		Name        string `json:"name"`
		Description string `json:"description"`
		Global      bool   `json:"global"`
		Priority    bool   `json:"priority"`
	} `json:"attributes"`
	Relationships struct {
		Organization struct {
			Data *floorRef `json:"data"`
		} `json:"organization"`
		Vars struct {
			Data []floorRef `json:"data"`
		} `json:"vars"`
	} `json:"relationships"`
}

// floorWorkspace is the floor's model of a workspace: the attributes the
// SDK's Workspace holds.
type floorWorkspace struct {
	ID string
	floorWorkspaceAttrs
	ProjectID string
}

// floorWorkspaceAttrs are a workspace's attributes as the SDK's Workspace
// holds them.
type floorWorkspaceAttrs struct {
	Name                   string    `json:"name"`
	ExecutionMode          string    `json:"execution-mode"`
	TerraformVersion       string    `json:"terraform-version"`
	AutoApply              bool      `json:"auto-apply"`
	WorkingDirectory       string    `json:"working-directory"`
	TagNames               []string  `json:"tag-names"`
	Locked                 bool      `json:"locked"`
	ResourceCount          int       `json:"resource-count"`
	UpdatedAt              time.Time `json:"updated-at"`
	SourceName             string    `json:"source-name"`
	SourceURL              string    `json:"source-url"`
	SourceModuleID         string    `json:"source-module-id"`
	NoCodeUpgradeAvailable bool      `json:"no-code-upgrade-available"`
	Permissions            struct {
		CanUpdate         bool `json:"can-update"`
		CanDestroy        bool `json:"can-destroy"`
		CanQueueRun       bool `json:"can-queue-run"`
		CanReadVariable   bool `json:"can-read-variable"`
		CanUpdateVariable bool `json:"can-update-variable"`
	} `json:"permissions"`
}

// floorIncluded is an included resource of the sets list: the attributes
// of a workspace and of a variable in one plain struct, as a decoder that
// knows both types writes it by hand (description and created-at, which
// both have, once, in the variable's part).
type floorIncluded struct {
	ID         string `json:"id"`
	Type       string `json:"type"`
	Attributes struct {
		floorVarAttrs
		floorWorkspaceAttrs
	} `json:"attributes"`
	Relationships struct {
		Project struct {
			Data *floorRef `json:"data"`
		} `json:"project"`
		Varset struct {
			Data *floorRef `json:"data"`
		} `json:"varset"`
	} `json:"relationships"`
}

// floorListedSet is a set of the list with its workspaces.
type floorListedSet struct {
	FloorVariableSet
	Workspaces []*floorWorkspace
}

// floorDecodeSets decodes the sets list into the floor's models.
func floorDecodeSets(body []byte) ([]*floorListedSet, error) {
	var doc struct {
		Data []struct {
			floorVarset
			Relationships struct {
				Vars struct {
					Data []floorRef `json:"data"`
				} `json:"vars"`
				Workspaces struct {
					Data []floorRef `json:"data"`
				} `json:"workspaces"`
			} `json:"relationships"`
		} `json:"data"`
		Included []floorIncluded `json:"included"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return nil, err
	}
	vars := make(map[string]*FloorVariable, len(doc.Included))
	workspaces := map[string]*floorWorkspace{}
	for i := range doc.Included {
		inc := &doc.Included[i]
		a := &inc.Attributes
		switch inc.Type {
		case "vars":
			vars[inc.ID] = &FloorVariable{ID: inc.ID, floorVarAttrs: a.floorVarAttrs}
		case "workspaces":
			ws := &floorWorkspace{ID: inc.ID, floorWorkspaceAttrs: a.floorWorkspaceAttrs}
			if p := inc.Relationships.Project.Data; p != nil {
				ws.ProjectID = p.ID
			}
			workspaces[inc.ID] = ws
		}
	}
	out := make([]*floorListedSet, len(doc.Data))
	for i := range doc.Data {
		d := &doc.Data[i]
		set := &floorListedSet{FloorVariableSet: FloorVariableSet{ID: d.ID, Name: d.Attributes.Name, Description: d.Attributes.Description,
			Global: d.Attributes.Global, Priority: d.Attributes.Priority}}
		for _, r := range d.Relationships.Vars.Data {
			v := vars[r.ID]
			if v == nil {
				v = &FloorVariable{ID: r.ID}
			}
			set.Variables = append(set.Variables, v)
		}
		for _, r := range d.Relationships.Workspaces.Data {
			ws := workspaces[r.ID]
			if ws == nil {
				ws = &floorWorkspace{ID: r.ID}
			}
			set.Workspaces = append(set.Workspaces, ws)
		}
		out[i] = set
	}
	return out, nil
}

// FloorDecode decodes a captured answer of call into the floor's models.
func FloorDecode(call Call, body []byte) (any, error) {
	switch call {
	case ListVariables:
		var doc struct {
			Data []floorVar `json:"data"`
		}
		if err := json.Unmarshal(body, &doc); err != nil {
			return nil, err
		}
		out := make([]*FloorVariable, len(doc.Data))
		for i := range doc.Data {
			out[i] = doc.Data[i].model()
		}
		return out, wantLen(len(out), ListSize)
	case ReadVariableSet:
		var doc struct {
			Data     floorVarset `json:"data"`
			Included []floorVar  `json:"included"`
		}
		if err := json.Unmarshal(body, &doc); err != nil {
			return nil, err
		}
		byID := make(map[string]*floorVar, len(doc.Included))
		for i := range doc.Included {
			if doc.Included[i].Type == "vars" {
				byID[doc.Included[i].ID] = &doc.Included[i]
			}
		}
		d := doc.Data
		vs := &FloorVariableSet{ID: d.ID, Name: d.Attributes.Name, Description: d.Attributes.Description,
			Global: d.Attributes.Global, Priority: d.Attributes.Priority}
		if o := d.Relationships.Organization.Data; o != nil {
			vs.Organization = o.ID
		}
		vs.Variables = make([]*FloorVariable, 0, len(d.Relationships.Vars.Data))
		for _, ref := range d.Relationships.Vars.Data {
			if v, ok := byID[ref.ID]; ok {
				vs.Variables = append(vs.Variables, v.model())
			} else {
				vs.Variables = append(vs.Variables, &FloorVariable{ID: ref.ID})
			}
		}
		if err := wantLen(len(vs.Variables), VarsetSize); err != nil {
			return nil, err
		}
		return vs, wantKey(vs.Variables[0].Key)
	case ListVariableSets:
		sets, err := floorDecodeSets(body)
		if err != nil {
			return nil, err
		}
		return sets, wantSets(len(sets), len(sets[0].Variables), sets[0].Variables[0].Key, sets[0].Workspaces[0].Name)
	default:
		var doc struct {
			Data floorVar `json:"data"`
		}
		if err := json.Unmarshal(body, &doc); err != nil {
			return nil, err
		}
		return doc.Data.model(), nil
	}
}

// floorCreateRequest is the floor's request document of a create.
type floorCreateRequest struct {
	Data struct {
		Type       string        `json:"type"`
		Attributes floorVarAttrs `json:"attributes"`
	} `json:"data"`
}

// floorEncodeCreate is the floor's encoding of a create: encoding/json of a
// plain struct.
func floorEncodeCreate(key string) ([]byte, error) {
	var req floorCreateRequest
	req.Data.Type = "vars"
	req.Data.Attributes = floorVarAttrs{Key: key, Value: "eu-west-1", Category: "terraform"}
	return json.Marshal(&req)
}

// FloorBench is the floor's benchmark body for call: decoding the captured
// answer (and, for a create, encoding the request) with encoding/json.
// With overHTTP it also sends the request to the canned server with a bare
// net/http client and reads the answer: the least a client must do for
// the call end to end.
func (e *Env) FloorBench(call Call, overHTTP bool) func(*testing.B) {
	method, path := http.MethodGet, e.listPath()
	switch call {
	case ReadVariableSet:
		path = e.readPath() + "?include=vars"
	case CreateVariable:
		method, path = http.MethodPost, e.createPath()
	case ListVariableSets:
		path = e.setsPath() + "?" + setsQuery
	}
	captured := e.Answer(call)
	hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	return func(b *testing.B) {
		ctx := context.Background()
		b.ReportAllocs()
		cpu := startCPU(b)
		for range b.N {
			if err := e.floorOnce(ctx, hc, call, method, path, captured, overHTTP); err != nil {
				e.fail(fmt.Errorf("floor %s: %w", call, err))
				b.Fatal(err)
			}
		}
		e.setCPU(cpu.done())
	}
}

func (e *Env) floorOnce(ctx context.Context, hc *http.Client, call Call, method, path string, captured []byte, overHTTP bool) error {
	var reqBody []byte
	if call == CreateVariable {
		var err error
		if reqBody, err = floorEncodeCreate(e.nextKey()); err != nil {
			return err
		}
	}
	body := captured
	if overHTTP {
		var rd io.Reader
		if reqBody != nil {
			rd = bytes.NewReader(reqBody)
		}
		req, err := http.NewRequestWithContext(ctx, method, e.Canned.URL+path, rd)
		if err != nil {
			return err
		}
		req.Header.Set("Authorization", "Bearer "+e.Fake.Token)
		req.Header.Set("Accept", "application/vnd.api+json")
		if reqBody != nil {
			req.Header.Set("Content-Type", "application/vnd.api+json")
		}
		resp, err := hc.Do(req)
		if err != nil {
			return err
		}
		body, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		if resp.StatusCode/100 != 2 {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
	}
	_, err := FloorDecode(call, body)
	return err
}
