package tfe

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// This file walks the platform team's no-code lifecycle (seed 000) end to
// end against a scripted server that keeps state: enable a module pinned
// at 1.4.0, read its variables, restrict their values, create a workspace
// with variables and one in agent mode, bump the pin to 1.5.0, upgrade the
// first workspace with a changed variable, wait until the plan can be
// confirmed, confirm, and disable no-code provisioning.

// noCodeLifecycle is what the lifecycle created along the way.
type noCodeLifecycle struct {
	module     *NoCodeModule
	variables  []*RegistryModuleVariable
	workspaces []*Workspace
	upgrade    *WorkspaceUpgrade
}

// runNoCodeLifecycle is seed 000 in Go. It stops at the first error, and
// without confirming when the upgrade's plan cannot be confirmed, saying
// why (status and plan URL).
func runNoCodeLifecycle(ctx context.Context, c *Client, org, registryModuleID, projectID, secret string) (*noCodeLifecycle, error) {
	nc, out := c.NoCodeModules, &noCodeLifecycle{}
	m, err := nc.Create(ctx, org, NoCodeModuleCreateOptions{
		RegistryModuleID: registryModuleID, Enabled: Ptr(true), VersionPin: Ptr("1.4.0"),
	})
	if err != nil {
		return out, fmt.Errorf("enabling no-code provisioning: %w", err)
	}
	if out.variables, err = nc.ReadVariables(ctx, m.ID, "1.4.0"); err != nil {
		return out, fmt.Errorf("reading the module's variables: %w", err)
	}
	if m, err = nc.Update(ctx, m.ID, NoCodeModuleUpdateOptions{VariableOptions: []*NoCodeVariableOption{
		{VariableName: "region", VariableType: "string", Options: []string{"us-east-1", "us-west-2", "eu-west-1"}},
		{VariableName: "instance_size", VariableType: "string", Options: []string{"small", "medium", "large"}},
	}}); err != nil {
		return out, fmt.Errorf("setting variable options: %w", err)
	}
	// Add a set and keep the others: read them, append, send them back.
	if m, err = nc.Read(ctx, m.ID, nil); err != nil {
		return out, err
	}
	if m, err = nc.Update(ctx, m.ID, NoCodeModuleUpdateOptions{VariableOptions: append(m.VariableOptions,
		&NoCodeVariableOption{VariableName: "tier", VariableType: "string", Options: []string{"dev", "prod"}})}); err != nil {
		return out, fmt.Errorf("adding a variable option set: %w", err)
	}
	out.module = m

	for _, opts := range []NoCodeWorkspaceCreateOptions{{
		Name: "customer-acme-us-east-1", ProjectID: projectID,
		Description:      Ptr("Production environment for ACME (us-east-1)"),
		TerraformVersion: Ptr("1.7.0"),
		Variables: []NoCodeWorkspaceVariable{
			{Key: "region", Value: "us-east-1", Category: CategoryTerraform},
			{Key: "instance_size", Value: "medium", Category: CategoryTerraform},
			{Key: "DB_PASSWORD", Value: secret, Category: CategoryEnv, Sensitive: true},
		},
	}, {
		Name: "private-network-ws", ProjectID: projectID,
		ExecutionMode: Ptr(ExecutionModeAgent), AgentPoolID: Ptr("apool-abc123"),
	}} {
		ws, err := nc.CreateWorkspace(ctx, m.ID, opts)
		if err != nil {
			return out, fmt.Errorf("creating workspace %s: %w", opts.Name, err)
		}
		out.workspaces = append(out.workspaces, ws)
	}

	if _, err := nc.Update(ctx, m.ID, NoCodeModuleUpdateOptions{VersionPin: Ptr("1.5.0")}); err != nil {
		return out, fmt.Errorf("bumping the version pin: %w", err)
	}
	ws := out.workspaces[0]
	up, err := nc.UpgradeWorkspace(ctx, m.ID, ws.ID, &NoCodeWorkspaceUpgradeOptions{Variables: []NoCodeWorkspaceVariable{
		{Key: "instance_size", Value: "large", Category: CategoryTerraform},
	}})
	if err != nil {
		return out, fmt.Errorf("starting the upgrade of %s: %w", ws.Name, err)
	}
	if out.upgrade, err = nc.WaitForWorkspaceUpgrade(ctx, m.ID, ws.ID, up.ID, nil); err != nil {
		return out, fmt.Errorf("waiting for the upgrade of %s: %w", ws.Name, err)
	}
	if up = out.upgrade; !up.Confirmable() {
		return out, fmt.Errorf("the upgrade %s of %s stopped in state %s, not confirmed; see %s", up.ID, ws.Name, up.Status, up.PlanURL)
	}
	if err := nc.ConfirmWorkspaceUpgrade(ctx, m.ID, ws.ID, up.ID); err != nil {
		return out, fmt.Errorf("confirming the upgrade of %s: %w", ws.Name, err)
	}
	if err := nc.Delete(ctx, m.ID); err != nil {
		return out, fmt.Errorf("disabling no-code provisioning: %w", err)
	}
	return out, nil
}

func TestNoCodeLifecycle(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	fake := newNoCodeFake(t, "pending", "plan_queued", "planning", "cost_estimating", "planned_and_finished")
	fake.mount(ts)

	out, err := runNoCodeLifecycle(context.Background(), ts.client, "my-org", "mod-abc123", "prj-abc123", sensitiveValue)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.variables) != 2 || out.variables[0].Name != "region" || !out.variables[0].Required {
		t.Errorf("variables = %+v", out.variables)
	}
	if len(out.module.VariableOptions) != 3 {
		t.Errorf("variable options after the update = %+v, want 3 sets", out.module.VariableOptions)
	}
	if ws := out.workspaces[1]; ws.ExecutionMode != ExecutionModeAgent || ws.AgentPoolID != "apool-abc123" {
		t.Errorf("agent workspace = %+v", ws)
	}
	if out.upgrade.Status != "planned_and_finished" {
		t.Errorf("upgrade = %+v", out.upgrade)
	}

	fake.mu.Lock()
	defer fake.mu.Unlock()
	// The sets of the first update kept their IDs when the third was added.
	if got := optionSets(fake.module.VariableOptions); got != "ncvaropt-1:region,ncvaropt-2:instance_size,ncvaropt-3:tier" {
		t.Errorf("variable option sets = %s", got)
	}
	if got := strings.Join(fake.pins, ","); got != "1.4.0,1.5.0" {
		t.Errorf("version pins = %s", got)
	}
	first := fake.workspaces[out.workspaces[0].ID]
	if first.vars["instance_size"] != "large" || first.vars["region"] != "us-east-1" || first.vars["DB_PASSWORD"] != sensitiveValue {
		t.Errorf("workspace variables = %v", first.vars)
	}
	if len(fake.confirmed) != 1 || fake.confirmed[0] != out.upgrade.ID || !fake.deleted {
		t.Errorf("confirmed %v, deleted %v", fake.confirmed, fake.deleted)
	}
	// The wait read the run once per state, sleeping 5 s between reads.
	polls := 0
	for _, d := range ts.clock.sleeps() {
		if d == defaultPollInterval {
			polls++
		}
	}
	if reads := fake.runs[out.upgrade.ID].reads; reads != 5 || polls != 4 {
		t.Errorf("upgrade reads = %d with %d poll waits, want 5 and 4", reads, polls)
	}
}

func TestNoCodeLifecycleUpgradeErrored(t *testing.T) {
	t.Parallel()
	ts := setup(t)
	fake := newNoCodeFake(t, "pending", "planning", "errored")
	fake.mount(ts)

	out, err := runNoCodeLifecycle(context.Background(), ts.client, "my-org", "mod-abc123", "prj-abc123", sensitiveValue)
	if err == nil {
		t.Fatal("want the lifecycle to stop")
	}
	up := out.upgrade
	if up == nil || !up.Failed() || up.Status != "errored" {
		t.Fatalf("upgrade = %+v", up)
	}
	for _, want := range []string{"errored", up.PlanURL, "not confirmed"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %q, want it to say %q", err, want)
		}
	}
	fake.mu.Lock()
	defer fake.mu.Unlock()
	if len(fake.confirmed) != 0 || fake.deleted {
		t.Errorf("confirmed %v, deleted %v: want the lifecycle to stop at the failed upgrade", fake.confirmed, fake.deleted)
	}
}

// optionSets lists option sets as id:variable, comma-separated.
func optionSets(opts []*NoCodeVariableOption) string {
	sets := make([]string, len(opts))
	for i, o := range opts {
		sets[i] = o.ID + ":" + o.VariableName
	}
	return strings.Join(sets, ",")
}

// noCodeFake is a scripted no-code service that keeps state. It answers
// like the documentation says and refuses what the service refuses: an
// include other than variable_options (400), an update without the
// registry module (404), agent mode without a pool (422), confirming a
// plan that is not confirmable (409).
type noCodeFake struct {
	t          *testing.T
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
func newNoCodeFake(t *testing.T, script ...string) *noCodeFake {
	return &noCodeFake{t: t, script: script, workspaces: map[string]*fakeWorkspace{}, runs: map[string]*fakeRun{}}
}

// mount registers the fake's routes on ts.
func (f *noCodeFake) mount(ts *testServer) {
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
		ts.handle(pattern, f.serve(h))
	}
}

// serve decodes the request body, runs h under the lock and writes its
// answer: a string as plain text, anything else as JSON.
func (f *noCodeFake) serve(h func(*http.Request, *fakeBody) (int, any)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var body fakeBody
		if raw, _ := io.ReadAll(r.Body); len(raw) > 0 {
			if err := json.Unmarshal(raw, &body); err != nil {
				f.t.Errorf("%s %s: body is not JSON: %v", r.Method, r.URL.Path, err)
			}
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
		Data *resourceRef `json:"data"`
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
