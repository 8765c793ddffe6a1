package tfetest

import (
	"net/http"
	"slices"
)

// The no-code workspace upgrade lifecycle: initiate (POST
// no-code-modules/:id/workspaces/:ws/upgrade), read (GET .../upgrade/:run)
// and confirm (POST .../upgrade/:run). The run walks through the scripted
// run states one step per read (see WithUpgradeStates).

// confirmableStates are the run states in which an upgrade can be
// confirmed and applied.
var confirmableStates = []string{"planned", "planned_and_finished", "cost_estimated", "policy_checked", "post_plan_completed"}

func (st *store) upgradeWorkspace(r *http.Request) (int, any, *apiError) {
	nc, ws, apiErr := st.noCodeWorkspace(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	var vars []*variable
	var message string
	if r.ContentLength != 0 {
		in, apiErr := readResource(r, []string{"workspaces"}, upgradeAttrs, upgradeRels...)
		if apiErr == nil {
			message, _ = in.str("message")
			vars, apiErr = draftInlineVars(in, st.wsVars(ws.id))
		}
		if apiErr != nil {
			return fail(apiErr)
		}
	}
	if ws.moduleVersion == nc.versionPin {
		return fail(errInvalid("", "no upgrade available: workspace "+quote(ws.name)+" already uses version "+nc.versionPin))
	}
	states := slices.Clone(st.upgradeStates)
	if len(states) == 0 {
		states = []string{"planned"}
	}
	run := &upgradeRun{id: st.newID("run"), ncID: nc.id, wsID: ws.id, version: nc.versionPin, message: message, states: states, vars: vars}
	st.runs[run.id] = run
	return one(http.StatusOK, upgradeResource(r, ws, run), nil)
}

func (st *store) readUpgrade(r *http.Request) (int, any, *apiError) {
	ws, run, apiErr := st.upgradeRunFromPath(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	if !run.applied && run.pos < len(run.states)-1 {
		run.pos++
	}
	return one(http.StatusOK, upgradeResource(r, ws, run), nil)
}

// confirmUpgrade applies a run that is waiting for confirmation and
// answers 200 text/plain "Workspace update completed"; any other state
// answers 409.
func (st *store) confirmUpgrade(r *http.Request) (int, any, *apiError) {
	ws, run, apiErr := st.upgradeRunFromPath(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	if r.ContentLength != 0 {
		if _, apiErr := readResource(r, []string{"workspaces", "workspace-upgrade", ""}, upgradeAttrs); apiErr != nil {
			return fail(apiErr)
		}
	}
	if status := run.status(); !contains(confirmableStates, status) {
		return fail(errConflict("the upgrade run is " + quote(status) + " and cannot be confirmed"))
	}
	run.applied = true
	ws.moduleVersion = run.version
	existing := st.wsVars(ws.id)
	for _, v := range run.vars {
		v.wsID = ws.id
		for _, e := range existing {
			if e.key == v.key && e.category == v.category && v.id == "" {
				v.id, v.seq, v.createdAt = e.id, e.seq, e.createdAt
			}
		}
		st.saveVar(v)
	}
	return rawAnswer(http.StatusOK, "text/plain; charset=utf-8", []byte("Workspace update completed"))
}

func (run *upgradeRun) status() string {
	if run.applied {
		return "applied"
	}
	return run.states[run.pos]
}

// noCodeWorkspace finds the no-code module and workspace in the path; the
// workspace must have been made from that module.
func (st *store) noCodeWorkspace(r *http.Request) (*noCodeModule, *workspace, *apiError) {
	nc, apiErr := st.findNoCode(r.PathValue("id"))
	if apiErr != nil {
		return nil, nil, apiErr
	}
	ws, apiErr := st.findWorkspace(r.PathValue("ws"))
	if apiErr != nil {
		return nil, nil, apiErr
	}
	if ws.noCodeID != nc.id {
		return nil, nil, errNotFound("workspace " + quote(ws.id) + " was not created from no-code module " + quote(nc.id))
	}
	return nc, ws, nil
}

func (st *store) upgradeRunFromPath(r *http.Request) (*workspace, *upgradeRun, *apiError) {
	nc, ws, apiErr := st.noCodeWorkspace(r)
	if apiErr != nil {
		return nil, nil, apiErr
	}
	run, ok := st.runs[r.PathValue("run")]
	if !ok || run.wsID != ws.id || run.ncID != nc.id {
		return nil, nil, errNotFound("workspace upgrade " + quote(r.PathValue("run")) + " not found")
	}
	return ws, run, nil
}

func upgradeResource(r *http.Request, ws *workspace, run *upgradeRun) resource {
	planURL := "http://" + r.Host + "/app/" + ws.org.name + "/workspaces/" + ws.name + "/runs/" + run.id
	return resource{
		ID:   run.id,
		Type: "workspace-upgrade",
		Attributes: map[string]any{
			"status":   run.status(),
			"plan-url": planURL,
			"message":  run.message,
		},
		Relationships: map[string]relationship{"workspace": toOne("workspaces", ws.id)},
	}
}
