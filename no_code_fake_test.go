package tfe

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/stretchr/testify/assert"
)

// noCodeFake is a scripted no-code service that keeps state. It answers
// like the documentation says and refuses what the service refuses: an
// include other than variable_options (400), an update without the
// registry module (404), agent mode without a pool (422), confirming a
// plan that is not confirmable (409). Its handlers record what they find
// wrong on the test server they are mounted on, never on the test.
type noCodeFake struct {
	server     assert.TestingT
	script     []string
	mu         sync.Mutex
	seq        int
	module     *NoCodeModule
	pins       []string
	deleted    bool
	workspaces map[string]*fakeWorkspace
	runs       map[string]*fakeRun
	confirmed  []string
}

type fakeWorkspace struct {
	ws   *Workspace
	vars map[string]string
}

type fakeRun struct {
	id, workspaceID string
	reads           int
}

// fakeBody is the part of a request document the fake reads.
type fakeBody struct {
	Data struct {
		Type          string                     `json:"type"`
		Attributes    map[string]any             `json:"attributes"`
		Relationships map[string]json.RawMessage `json:"relationships"`
	} `json:"data"`
}

// newNoCodeFake returns a fake whose upgrade runs go through script, one
// state per read, staying in the last.
func newNoCodeFake(script ...string) *noCodeFake {
	return &noCodeFake{script: script, workspaces: map[string]*fakeWorkspace{}, runs: map[string]*fakeRun{}}
}

// mount registers the fake's routes on ts, and records the problems its
// handlers find there.
func (f *noCodeFake) mount(ts *testServer) {
	f.server = ts
	routes := map[string]func(*http.Request, *fakeBody) (int, any){
		"POST /organizations/{org}/no-code-modules":                     f.createModule,
		"GET /no-code-modules/{id}":                                     f.readModule,
		"PATCH /no-code-modules/{id}":                                   f.updateModule,
		"DELETE /no-code-modules/{id}":                                  f.deleteModule,
		"GET /no-code-modules/{id}/versions/{version}/module-variables": f.moduleVariables,
		"POST /no-code-modules/{id}/workspaces":                         f.createWorkspace,
		"POST /no-code-modules/{id}/workspaces/{ws}/upgrade":            f.upgrade,
		"GET /no-code-modules/{id}/workspaces/{ws}/upgrade/{run}":       f.readUpgrade,
		"POST /no-code-modules/{id}/workspaces/{ws}/upgrade/{run}":      f.confirmUpgrade,
	}
	for pattern, h := range routes {
		method, path, _ := strings.Cut(pattern, " ")
		ts.expect(exchange{method: method, path: path, anyRequest: true, answer: f.serve(h)})
	}
}

// serve decodes the request body, runs h under the lock and writes its
// answer: a string as plain text, anything else as JSON.
func (f *noCodeFake) serve(h func(*http.Request, *fakeBody) (int, any)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var body fakeBody
		if raw, _ := io.ReadAll(r.Body); len(raw) > 0 {
			err := json.Unmarshal(raw, &body)
			assert.NoError(f.server, err, "%s %s: the body is not JSON", r.Method, r.URL.Path)
		}
		f.mu.Lock()
		status, answer := h(r, &body)
		f.mu.Unlock()
		switch a := answer.(type) {
		case nil:
			w.WriteHeader(status)
		case string:
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(status)
			_, _ = io.WriteString(w, a)
		default:
			b, _ := json.Marshal(a)
			respond(w, status, string(b))
		}
	}
}

// fakeError is a JSON:API error document.
func fakeError(status int, detail string) (int, any) {
	return status, map[string]any{"errors": []map[string]any{{"status": fmt.Sprint(status), "detail": detail}}}
}

// nextID returns a fresh ID with prefix.
func (f *noCodeFake) nextID(prefix string) string {
	f.seq++
	return fmt.Sprintf("%s-%d", prefix, f.seq)
}

// relationID returns the ID and type of a to-one relationship.
func (b *fakeBody) relationID(name string) (id, typ string) {
	var rel struct {
		Data *ref `json:"data"`
	}
	if raw, ok := b.Data.Relationships[name]; ok && json.Unmarshal(raw, &rel) == nil && rel.Data != nil {
		return rel.Data.ID, rel.Data.Type
	}
	return "", ""
}

// inline returns the inline resources of a to-many relationship, and
// whether the relationship was sent.
func (b *fakeBody) inline(name string) ([]fakeInline, bool) {
	raw, ok := b.Data.Relationships[name]
	var rel struct {
		Data []fakeInline `json:"data"`
	}
	if ok && json.Unmarshal(raw, &rel) != nil {
		return nil, false
	}
	return rel.Data, ok
}

type fakeInline struct {
	ID         string         `json:"id"`
	Type       string         `json:"type"`
	Attributes map[string]any `json:"attributes"`
}

func (f *noCodeFake) createModule(r *http.Request, b *fakeBody) (int, any) {
	id, typ := b.relationID("registry-module")
	if b.Data.Type != "no-code-modules" || typ != "registry-module" || id == "" {
		return fakeError(422, "a no-code module needs its registry module")
	}
	f.module = &NoCodeModule{ID: "nocode-1", Organization: &Organization{Name: r.PathValue("org")}, RegistryModule: &RegistryModule{ID: id}}
	f.applyModule(b)
	return 200, f.moduleDoc(false)
}

func (f *noCodeFake) readModule(r *http.Request, _ *fakeBody) (int, any) {
	if r.URL.Query().Get("include") != "variable_options" {
		return fakeError(400, "invalid include parameter")
	}
	if f.module == nil || r.PathValue("id") != f.module.ID {
		return fakeError(404, "not found")
	}
	return 200, f.moduleDoc(true)
}

func (f *noCodeFake) updateModule(r *http.Request, b *fakeBody) (int, any) {
	if id, _ := b.relationID("registry-module"); id == "" || f.module == nil {
		return fakeError(404, "not found")
	}
	f.applyModule(b)
	return 200, f.moduleDoc(false)
}

// applyModule stores the attributes and option sets of a create or
// update: the sent sets replace the module's, keeping the IDs sent.
func (f *noCodeFake) applyModule(b *fakeBody) {
	if pin, ok := b.Data.Attributes["version-pin"].(string); ok {
		f.module.VersionPin = pin
		f.pins = append(f.pins, pin)
	}
	if enabled, ok := b.Data.Attributes["enabled"].(bool); ok {
		f.module.Enabled = enabled
	}
	sets, ok := b.inline("variable-options")
	if !ok {
		return
	}
	f.module.VariableOptions = nil
	for _, s := range sets {
		o := &NoCodeVariableOption{ID: s.ID, VariableName: fmt.Sprint(s.Attributes["variable-name"]), VariableType: fmt.Sprint(s.Attributes["variable-type"])}
		if o.ID == "" {
			o.ID = f.nextID("ncvaropt")
		}
		for _, v := range s.Attributes["options"].([]any) {
			o.Options = append(o.Options, fmt.Sprint(v))
		}
		f.module.VariableOptions = append(f.module.VariableOptions, o)
	}
}

// moduleDoc is the module's document, with its option sets included when
// asked.
func (f *noCodeFake) moduleDoc(include bool) map[string]any {
	m := f.module
	refs, inc := []map[string]any{}, []map[string]any{}
	for _, o := range m.VariableOptions {
		refs = append(refs, map[string]any{"id": o.ID, "type": "variable-options"})
		inc = append(inc, map[string]any{"id": o.ID, "type": "variable-options", "attributes": map[string]any{
			"variable-name": o.VariableName, "variable-type": o.VariableType, "options": o.Options,
		}})
	}
	doc := map[string]any{"data": map[string]any{
		"id": m.ID, "type": "no-code-modules",
		"attributes": map[string]any{"enabled": m.Enabled, "version-pin": m.VersionPin},
		"relationships": map[string]any{
			"organization":     map[string]any{"data": map[string]any{"id": m.Organization.Name, "type": "organizations"}},
			"registry-module":  map[string]any{"data": map[string]any{"id": m.RegistryModule.ID, "type": "registry-modules"}},
			"variable-options": map[string]any{"data": refs},
		},
	}}
	if include {
		doc["included"] = inc
	}
	return doc
}

func (f *noCodeFake) deleteModule(r *http.Request, _ *fakeBody) (int, any) {
	f.deleted = true
	return 204, nil
}

func (f *noCodeFake) moduleVariables(r *http.Request, _ *fakeBody) (int, any) {
	if v := r.PathValue("version"); v != "1.4.0" && v != "1.5.0" {
		return fakeError(404, "no such version")
	}
	variable := func(name string, required bool) map[string]any {
		return map[string]any{"id": "modvar-" + name, "type": "registry-module-variables", "attributes": map[string]any{
			"name": name, "type": "string", "required": required, "sensitive": false,
		}}
	}
	return 200, map[string]any{"data": []any{variable("region", true), variable("instance_size", false)}}
}

func (f *noCodeFake) createWorkspace(r *http.Request, b *fakeBody) (int, any) {
	project, typ := b.relationID("project")
	if b.Data.Type != "workspaces" || typ != "projects" || project == "" {
		return fakeError(422, "a workspace needs its project")
	}
	a := b.Data.Attributes
	ws := &Workspace{ID: f.nextID("ws"), Name: fmt.Sprint(a["name"]), ExecutionMode: ExecutionModeRemote, Project: &Project{ID: project}}
	if mode, ok := a["execution-mode"].(string); ok {
		ws.ExecutionMode = ExecutionMode(mode)
	}
	ws.AgentPoolID, _ = a["agent-pool-id"].(string)
	if (ws.ExecutionMode == ExecutionModeAgent) != (ws.AgentPoolID != "") {
		return fakeError(422, "agent-pool-id goes with execution mode agent")
	}
	fw := &fakeWorkspace{ws: ws, vars: map[string]string{}}
	f.setVars(fw, b)
	f.workspaces[ws.ID] = fw
	return 200, map[string]any{"data": map[string]any{
		"id": ws.ID, "type": "workspaces",
		"attributes": map[string]any{"name": ws.Name, "execution-mode": ws.ExecutionMode, "source": "tfe-module"},
		"relationships": map[string]any{
			"project":    map[string]any{"data": map[string]any{"id": project, "type": "projects"}},
			"agent-pool": map[string]any{"data": fakeRef(ws.AgentPoolID, "agent-pools")},
		},
	}}
}

// fakeRef is a relationship's data: a reference, or null without an ID.
func fakeRef(id, typ string) any {
	if id == "" {
		return nil
	}
	return map[string]any{"id": id, "type": typ}
}

// setVars stores the inline variables of a workspace create or upgrade.
func (f *noCodeFake) setVars(fw *fakeWorkspace, b *fakeBody) {
	vars, _ := b.inline("vars")
	for _, v := range vars {
		fw.vars[fmt.Sprint(v.Attributes["key"])] = fmt.Sprint(v.Attributes["value"])
	}
}

func (f *noCodeFake) upgrade(r *http.Request, b *fakeBody) (int, any) {
	fw, ok := f.workspaces[r.PathValue("ws")]
	if !ok || b.Data.Type != "workspaces" {
		return fakeError(404, "not found")
	}
	f.setVars(fw, b)
	run := &fakeRun{id: f.nextID("run"), workspaceID: fw.ws.ID}
	f.runs[run.id] = run
	return 200, f.upgradeDoc(run, f.script[0])
}

func (f *noCodeFake) readUpgrade(r *http.Request, _ *fakeBody) (int, any) {
	run, ok := f.runs[r.PathValue("run")]
	if !ok {
		return fakeError(404, "not found")
	}
	state := f.script[min(run.reads, len(f.script)-1)]
	run.reads++
	return 200, f.upgradeDoc(run, state)
}

func (f *noCodeFake) confirmUpgrade(r *http.Request, _ *fakeBody) (int, any) {
	run, ok := f.runs[r.PathValue("run")]
	if !ok {
		return fakeError(404, "not found")
	}
	if state := f.script[min(max(run.reads-1, 0), len(f.script)-1)]; !(&WorkspaceUpgrade{Status: state}).Confirmable() {
		return fakeError(409, "the plan cannot be confirmed in state "+state)
	}
	f.confirmed = append(f.confirmed, run.id)
	return 200, "Workspace update completed"
}

// upgradeDoc is a workspace-upgrade document for run in state.
func (f *noCodeFake) upgradeDoc(run *fakeRun, state string) map[string]any {
	return map[string]any{"data": map[string]any{
		"id": run.id, "type": "workspace-upgrade",
		"attributes": map[string]any{
			"status":   state,
			"plan-url": "https://app.terraform.io/app/my-org/workspaces/" + run.workspaceID + "/runs/" + run.id,
		},
		"relationships": map[string]any{"workspace": map[string]any{"data": map[string]any{"id": run.workspaceID, "type": "workspaces"}}},
	}}
}
