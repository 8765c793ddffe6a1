package tfe

import (
	"context"
	"fmt"
	"time"
)

// defaultPollInterval is WaitOptions.PollInterval when it is not set.
const defaultPollInterval = 5 * time.Second

// WaitOptions paces a wait.
type WaitOptions struct {
	// PollInterval is the time between two reads (default 5 s).
	PollInterval time.Duration
}

// pollInterval returns the interval to wait, with the default filled in.
func (o *WaitOptions) pollInterval() time.Duration {
	if o == nil || o.PollInterval <= 0 {
		return defaultPollInterval
	}
	return o.PollInterval
}

// WorkspaceUpgrade is the run that moves a no-code workspace to its
// module's current settings.
type WorkspaceUpgrade struct {
	// ID is the upgrade's run ID (run-…), which ReadWorkspaceUpgrade,
	// ConfirmWorkspaceUpgrade and WaitForWorkspaceUpgrade take.
	ID string `json:"-"`
	// Status is the run's state, such as planning, planned or errored;
	// InProgress, Confirmable, Applied and Failed classify it.
	Status string `json:"status"`
	// PlanURL is the run's page in the UI, to review the plan or see why
	// it failed.
	PlanURL string `json:"plan-url"`
	// Message is the run's message, when the service gives one.
	Message string `json:"message"`
	// Workspace is the upgraded workspace (ID only unless included).
	Workspace *Workspace `json:"-"`
}

// upgradePhase is what a run state means to a caller driving an upgrade.
type upgradePhase int

const (
	// phaseOther is a state that is none of the below: a run waiting on a
	// person (a policy override, a run task decision) or a state this
	// table does not know. Waiting stops there rather than spin.
	phaseOther upgradePhase = iota
	// phaseInProgress is a state the service moves on from by itself.
	phaseInProgress
	// phaseConfirmable is a finished plan the caller may confirm.
	phaseConfirmable
	// phaseApplied is a run whose changes have been applied.
	phaseApplied
	// phaseFailed is a run that stopped for good without applying.
	phaseFailed
)

// runStatePhases classifies the run states of the API documentation,
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/run#run-states
// (with the apply-side states of the OpenAPI specification's run status
// enum). This table is the only place the SDK interprets a run state.
//
// Choices the documentation leaves open:
//   - planned_and_finished (a plan with nothing to apply) is confirmable:
//     the no-code upgrade flow confirms there to finish the upgrade.
//   - confirmed and the apply states are in progress, so that a wait
//     after ConfirmWorkspaceUpgrade lasts until the apply ends.
//   - applied and post_apply_completed are applied; neither in progress
//     nor failed.
//   - policy_override, pre_plan_awaiting_decision and
//     post_plan_awaiting_decision wait on a person: neither in progress
//     nor confirmable, so a wait returns them.
//   - policy_soft_failed (a final state) is failed.
var runStatePhases = map[string]upgradePhase{
	"pending":            phaseInProgress,
	"fetching":           phaseInProgress,
	"fetching_completed": phaseInProgress,
	"pre_plan_running":   phaseInProgress,
	"pre_plan_completed": phaseInProgress,
	"queuing":            phaseInProgress,
	"plan_queued":        phaseInProgress,
	"planning":           phaseInProgress,
	"cost_estimating":    phaseInProgress,
	"policy_checking":    phaseInProgress,
	"post_plan_running":  phaseInProgress,

	"planned":              phaseConfirmable,
	"planned_and_finished": phaseConfirmable,
	"cost_estimated":       phaseConfirmable,
	"policy_checked":       phaseConfirmable,
	"post_plan_completed":  phaseConfirmable,

	"confirmed":           phaseInProgress,
	"pre_apply_running":   phaseInProgress,
	"pre_apply_completed": phaseInProgress,
	"queuing_apply":       phaseInProgress,
	"apply_queued":        phaseInProgress,
	"applying":            phaseInProgress,
	"post_apply_running":  phaseInProgress,

	"post_apply_completed": phaseApplied,
	"applied":              phaseApplied,

	"errored":            phaseFailed,
	"canceled":           phaseFailed,
	"force_canceled":     phaseFailed,
	"discarded":          phaseFailed,
	"policy_soft_failed": phaseFailed,

	"policy_override":             phaseOther,
	"pre_plan_awaiting_decision":  phaseOther,
	"post_plan_awaiting_decision": phaseOther,
}

// phase returns the upgrade's phase; an unknown state is phaseOther.
func (u *WorkspaceUpgrade) phase() upgradePhase {
	if u == nil {
		return phaseOther
	}
	return runStatePhases[u.Status]
}

// InProgress reports whether the service is still working on the run
// (planning, or applying after a confirmation) and will move it on by
// itself.
func (u *WorkspaceUpgrade) InProgress() bool { return u.phase() == phaseInProgress }

// Confirmable reports whether the plan is finished and the upgrade can be
// confirmed with ConfirmWorkspaceUpgrade (planned, planned_and_finished,
// cost_estimated, policy_checked, post_plan_completed).
func (u *WorkspaceUpgrade) Confirmable() bool { return u.phase() == phaseConfirmable }

// Applied reports whether the upgrade's changes have been applied.
func (u *WorkspaceUpgrade) Applied() bool { return u.phase() == phaseApplied }

// Failed reports whether the run stopped without applying (errored,
// canceled, force_canceled, discarded, policy_soft_failed); PlanURL shows
// why.
func (u *WorkspaceUpgrade) Failed() bool { return u.phase() == phaseFailed }

// upgradePath validates the IDs of an upgrade and returns its path.
func upgradePath(noCodeModuleID, workspaceID, upgradeID string) (string, error) {
	err := firstError(
		checkID(ErrInvalidNoCodeModuleID, "noCodeModuleID", noCodeModuleID),
		checkID(ErrInvalidWorkspaceID, "workspaceID", workspaceID),
		checkID(ErrInvalidUpgradeID, "upgradeID", upgradeID),
	)
	if err != nil {
		return "", err
	}
	return apiPath("no-code-modules", noCodeModuleID, "workspaces", workspaceID, "upgrade", upgradeID), nil
}

// ReadWorkspaceUpgrade returns an upgrade's run status and plan URL.
func (s *noCodeModules) ReadWorkspaceUpgrade(ctx context.Context, noCodeModuleID, workspaceID, upgradeID string) (*WorkspaceUpgrade, error) {
	path, err := upgradePath(noCodeModuleID, workspaceID, upgradeID)
	if err != nil {
		return nil, err
	}
	return requestOne(ctx, s.client, get(path, nil), workspaceUpgradeDecoder)
}

// ConfirmWorkspaceUpgrade confirms an upgrade's plan and applies it.
func (s *noCodeModules) ConfirmWorkspaceUpgrade(ctx context.Context, noCodeModuleID, workspaceID, upgradeID string) error {
	path, err := upgradePath(noCodeModuleID, workspaceID, upgradeID)
	if err != nil {
		return err
	}
	// The answer is plain text ("Workspace update completed"), not a
	// JSON:API document: success is the 2xx status, the body is not read.
	return s.client.requestNoContent(ctx, post(path, nil))
}

// WaitForWorkspaceUpgrade reads the upgrade until its run leaves the
// in-progress states, waiting opts.PollInterval between two reads on the
// client's clock.
func (s *noCodeModules) WaitForWorkspaceUpgrade(ctx context.Context, noCodeModuleID, workspaceID, upgradeID string, opts *WaitOptions) (*WorkspaceUpgrade, error) {
	interval := opts.pollInterval()
	var last *WorkspaceUpgrade
	for {
		up, err := s.ReadWorkspaceUpgrade(ctx, noCodeModuleID, workspaceID, upgradeID)
		if err != nil {
			return last, err
		}
		if last = up; !up.InProgress() {
			return up, nil
		}
		if err := s.client.clock.Sleep(ctx, interval); err != nil {
			return last, fmt.Errorf("tfe: waiting for workspace upgrade %s (last status %s): %w", upgradeID, last.Status, err)
		}
	}
}

// workspaceUpgradeRelationships are the relationships of a
// workspace-upgrade resource.
type workspaceUpgradeRelationships struct {
	Workspace toOne `json:"workspace"`
}

// workspaceUpgradeDecoder decodes workspace-upgrade resources, with the
// workspace when the answer includes it.
var workspaceUpgradeDecoder = newDecoder(&kind[WorkspaceUpgrade, workspaceUpgradeRelationships, WorkspaceUpgrade]{
	typ: "workspace-upgrade",
	model: func(res *resource[WorkspaceUpgrade, workspaceUpgradeRelationships], inc *included) *WorkspaceUpgrade {
		u := &res.Attributes
		u.ID = res.ID
		u.Workspace = resolveOne(inc, res.Relationships.Workspace, workspaceStub)
		return u
	},
}, workspaceKind)
