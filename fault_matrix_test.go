package tfe_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// The fault matrix: every HTTP method the SDK sends, against every fault
// the fake can inject, before and after the server applies a write. Each
// row says how many requests reach the server, what the caller gets back,
// and whether the server holds the change afterwards — exactly once: the
// runner also checks that no variable key is ever stored twice.
//
// GET is Variables.Read, POST Variables.Create, PATCH Variables.Update and
// DELETE Variables.Delete. No service of the SDK uses PUT, so PUT goes
// through a raw request (Client.NewRequest and Client.Do), on the same
// request path, against the fake's PUT varsets/:id.
//
// The client retries at most twice (RetryMax 2). A fault strikes once
// unless its name ends in "always". Nothing sleeps long: a latency fault
// waits matrixDelay against a deadline of matrixDeadline, and a 429 names
// a reset of matrixReset.
//
// One caveat about the evidence: the fake, like the API, refuses a second
// variable with the same key, so a re-sent POST would show as a 422, not
// as two variables. The attempt count is what proves no POST is re-sent.
//
// The failure messages name values (sent, old) and count requests and
// variables, but never print them: they hold the planted secrets.

// The timings of the matrix: no test sleeps past 100 ms.
const (
	matrixDelay    = 90 * time.Millisecond // a latency fault's wait
	matrixDeadline = 40 * time.Millisecond // the caller's deadline against it
	matrixReset    = 3 * time.Millisecond  // a 429's X-RateLimit-Reset
	matrixTimeout  = 5 * time.Second       // any other call's safety net
)

// matrixRow is one line of the matrix.
type matrixRow struct {
	method   string
	fault    fault
	when     tfetest.FaultTiming
	attempts int     // requests the server receives
	want     outcome // what the caller gets
	applied  bool    // the server holds the change (exactly once)
	why      string
}

// Abbreviations for the table.
const (
	before = tfetest.BeforeApply
	after  = tfetest.AfterApply
)

var faultMatrix = []matrixRow{
	// GET: safe to repeat, so every transient failure is retried. A GET
	// changes nothing: applied is false throughout.
	{"GET", f429, before, 2, ok, false, "the server did not act: re-sent after its reset"},
	{"GET", f500, before, 1, api(500), false, "500 is final for every method: only 502, 503 and 504 are transient"},
	{"GET", f502, before, 2, ok, false, "transient, and a GET is safe to repeat"},
	{"GET", f503, before, 2, ok, false, "transient, and a GET is safe to repeat"},
	{"GET", f504, before, 2, ok, false, "transient, and a GET is safe to repeat"},
	{"GET", fReset, before, 2, ok, false, "a transport error on a GET is retried"},
	{"GET", fSlow, before, 1, deadline, false, "the caller's deadline ends the call; no retry past it"},
	{"GET", fTruncated, before, 2, ok, false, "a body the connection cut short is a transport error: retried"},
	{"GET", fCutJSON, before, 1, decode, false, "a whole 2xx body that is not the document is final"},
	{"GET", fHTML, before, 2, ok, false, "a proxy's HTML 502 is a 502"},
	{"GET", fEmpty, before, 2, ok, false, "an empty 502 is a 502"},
	{"GET", fMalformed, before, 1, decode, false, "malformed JSON in a 200 is final"},
	{"GET", always(f503), before, 3, api(503), false, "retries run out: the last 503"},
	{"GET", always(f429), before, 3, limited, false, "still 429 when retries run out: ErrRateLimited"},

	// POST: re-sent only after a 429, whose contract is that the server
	// did not act. Anything else may have created the variable.
	{"POST", f429, before, 2, ok, true, "the server did not act, so even a POST is re-sent: one variable"},
	{"POST", f500, before, 1, api(500), false, "final"},
	{"POST", f502, before, 1, api(502), false, "a POST is never re-sent after a 5xx: the server may have acted"},
	{"POST", f503, before, 1, api(503), false, "a POST is never re-sent after a 5xx: the server may have acted"},
	{"POST", f504, before, 1, api(504), false, "a POST is never re-sent after a 5xx: the server may have acted"},
	{"POST", fReset, before, 1, transport, false, "never re-sent after a reset: the server may have acted"},
	{"POST", fSlow, before, 1, deadline, false, "the deadline ends the call; the server dropped the request"},
	{"POST", fTruncated, before, 1, decode, false, "a cut 2xx: *DecodeError, not re-sent"},
	{"POST", fCutJSON, before, 1, decode, false, "a cut 2xx: *DecodeError, not re-sent"},
	{"POST", fHTML, before, 1, api(502), false, "a 502 page: not re-sent"},
	{"POST", fEmpty, before, 1, api(502), false, "an empty 502: not re-sent"},
	{"POST", fMalformed, before, 1, decode, false, "a 200 that is not JSON: *DecodeError"},
	{"POST", always(f429), before, 3, limited, false, "429 is re-sent until retries run out; nothing created"},
	{"POST", f429, after, 2, api(422), true, "the fault breaks 429's promise (it acted): the SDK trusts 429 and re-sends; the API's unique key refuses the copy"},
	{"POST", f500, after, 1, api(500), true, "created once; the caller hears of the failure, nothing re-sent"},
	{"POST", f502, after, 1, api(502), true, "the answer is lost, the variable exists once: no duplicate"},
	{"POST", f503, after, 1, api(503), true, "the answer is lost, the variable exists once: no duplicate"},
	{"POST", f504, after, 1, api(504), true, "the answer is lost, the variable exists once: no duplicate"},
	{"POST", fReset, after, 1, transport, true, "the answer is lost in the reset; created once"},
	{"POST", fSlow, after, 1, deadline, true, "created, but the answer comes after the deadline; once"},
	{"POST", fTruncated, after, 1, decode, true, "the 201 is cut: *DecodeError with status 201; created once"},
	{"POST", fCutJSON, after, 1, decode, true, "the 201 is cut: *DecodeError; created once"},
	{"POST", fHTML, after, 1, api(502), true, "a proxy hides the 201: created once"},
	{"POST", fEmpty, after, 1, api(502), true, "a proxy hides the 201: created once"},
	{"POST", fMalformed, after, 1, decode, true, "the 2xx says it was created; created once"},

	// PATCH: like POST, never re-sent once the server may have acted
	// (the SMTP PATCH sends an email each time). No update is lost: when
	// the server applied it, it holds the sent value.
	{"PATCH", f429, before, 2, ok, true, "the server did not act: re-sent, the sent value stored"},
	{"PATCH", f500, before, 1, api(500), false, "final; the old value stays"},
	{"PATCH", f502, before, 1, api(502), false, "a PATCH is never re-sent after a 5xx"},
	{"PATCH", f503, before, 1, api(503), false, "a PATCH is never re-sent after a 5xx"},
	{"PATCH", f504, before, 1, api(504), false, "a PATCH is never re-sent after a 5xx"},
	{"PATCH", fReset, before, 1, transport, false, "never re-sent after a reset"},
	{"PATCH", fSlow, before, 1, deadline, false, "the deadline ends the call; the server dropped the request"},
	{"PATCH", fTruncated, before, 1, decode, false, "a cut 2xx: *DecodeError, not re-sent"},
	{"PATCH", fCutJSON, before, 1, decode, false, "a cut 2xx: *DecodeError, not re-sent"},
	{"PATCH", fHTML, before, 1, api(502), false, "a 502 page: not re-sent"},
	{"PATCH", fEmpty, before, 1, api(502), false, "an empty 502: not re-sent"},
	{"PATCH", fMalformed, before, 1, decode, false, "a 200 that is not JSON: *DecodeError"},
	{"PATCH", f429, after, 2, ok, true, "the fault breaks 429's promise: the re-sent PATCH stores the same value again"},
	{"PATCH", f500, after, 1, api(500), true, "the update stands: the stored value is the sent one"},
	{"PATCH", f502, after, 1, api(502), true, "the answer is lost, the update stands"},
	{"PATCH", f503, after, 1, api(503), true, "the answer is lost, the update stands"},
	{"PATCH", f504, after, 1, api(504), true, "the answer is lost, the update stands"},
	{"PATCH", fReset, after, 1, transport, true, "the answer is lost in the reset, the update stands"},
	{"PATCH", fSlow, after, 1, deadline, true, "applied, but the answer comes after the deadline"},
	{"PATCH", fTruncated, after, 1, decode, true, "the 200 is cut: *DecodeError; the update stands"},
	{"PATCH", fCutJSON, after, 1, decode, true, "the 200 is cut: *DecodeError; the update stands"},
	{"PATCH", fHTML, after, 1, api(502), true, "a proxy hides the 200; the update stands"},
	{"PATCH", fEmpty, after, 1, api(502), true, "a proxy hides the 200; the update stands"},
	{"PATCH", fMalformed, after, 1, decode, true, "the update stands"},

	// PUT (a raw request): safe to repeat, retried like a GET; applying it
	// twice stores the same thing.
	{"PUT", f429, before, 2, ok, true, "re-sent after the reset"},
	{"PUT", f500, before, 1, api(500), false, "500 is final"},
	{"PUT", f502, before, 2, ok, true, "transient, and a PUT is safe to repeat"},
	{"PUT", f503, before, 2, ok, true, "transient, and a PUT is safe to repeat"},
	{"PUT", f504, before, 2, ok, true, "transient, and a PUT is safe to repeat"},
	{"PUT", fReset, before, 2, ok, true, "a transport error on a PUT is retried"},
	{"PUT", fSlow, before, 1, deadline, false, "the deadline ends the call; the server dropped the request"},
	{"PUT", fTruncated, before, 2, ok, true, "a body cut short is a transport error: retried"},
	{"PUT", fCutJSON, before, 1, decode, false, "a whole 2xx body that is not the document is final"},
	{"PUT", fHTML, before, 2, ok, true, "a proxy's 502 page is a 502: retried"},
	{"PUT", fEmpty, before, 2, ok, true, "an empty 502: retried"},
	{"PUT", fMalformed, before, 1, decode, false, "malformed JSON in a 200 is final"},
	{"PUT", f429, after, 2, ok, true, "re-sent; the same value stored again"},
	{"PUT", f500, after, 1, api(500), true, "500 is final; the change stands"},
	{"PUT", f502, after, 2, ok, true, "applied twice, same result: the second answer arrives"},
	{"PUT", f503, after, 2, ok, true, "applied twice, same result: the second answer arrives"},
	{"PUT", f504, after, 2, ok, true, "applied twice, same result: the second answer arrives"},
	{"PUT", fReset, after, 2, ok, true, "applied twice, same result"},
	{"PUT", fSlow, after, 1, deadline, true, "applied, but the answer comes after the deadline"},
	{"PUT", fTruncated, after, 2, ok, true, "applied twice, same result"},
	{"PUT", fCutJSON, after, 1, decode, true, "the change stands; its answer is not the document"},
	{"PUT", fHTML, after, 2, ok, true, "applied twice, same result"},
	{"PUT", fEmpty, after, 2, ok, true, "applied twice, same result"},
	{"PUT", fMalformed, after, 1, decode, true, "the change stands; its answer is not JSON"},

	// DELETE: safe to repeat. Its answer body is not read, and a retry
	// after a lost answer finds the variable gone: ErrResourceNotFound,
	// though the delete took effect.
	{"DELETE", f429, before, 2, ok, true, "re-sent after the reset"},
	{"DELETE", f500, before, 1, api(500), false, "500 is final; the variable stays"},
	{"DELETE", f502, before, 2, ok, true, "transient, and a DELETE is safe to repeat"},
	{"DELETE", f503, before, 2, ok, true, "transient, and a DELETE is safe to repeat"},
	{"DELETE", f504, before, 2, ok, true, "transient, and a DELETE is safe to repeat"},
	{"DELETE", fReset, before, 2, ok, true, "a transport error on a DELETE is retried"},
	{"DELETE", fSlow, before, 1, deadline, false, "the deadline ends the call; the server dropped the request"},
	{"DELETE", fTruncated, before, 2, ok, true, "a body cut short is a transport error: retried"},
	{"DELETE", fCutJSON, before, 1, ok, false, "a 2xx is taken at its word and a DELETE reads no body: success, though the fault answered for a server that never acted"},
	{"DELETE", fHTML, before, 2, ok, true, "a proxy's 502 page is a 502: retried"},
	{"DELETE", fEmpty, before, 2, ok, true, "an empty 502: retried"},
	{"DELETE", fMalformed, before, 1, ok, false, "a 2xx is taken at its word and a DELETE reads no body: success, though the server never acted"},
	{"DELETE", f429, after, 2, api(404), true, "the fault breaks 429's promise: the retry finds the variable gone"},
	{"DELETE", f500, after, 1, api(500), true, "500 is final; the delete stands"},
	{"DELETE", f502, after, 2, api(404), true, "deleted; the retry finds it gone: ErrResourceNotFound"},
	{"DELETE", f503, after, 2, api(404), true, "deleted; the retry finds it gone: ErrResourceNotFound"},
	{"DELETE", f504, after, 2, api(404), true, "deleted; the retry finds it gone: ErrResourceNotFound"},
	{"DELETE", fReset, after, 2, api(404), true, "deleted; the retry finds it gone: ErrResourceNotFound"},
	{"DELETE", fSlow, after, 1, deadline, true, "deleted, but the answer comes after the deadline"},
	{"DELETE", fTruncated, after, 2, api(404), true, "deleted; the cut answer is retried and finds it gone"},
	{"DELETE", fCutJSON, after, 1, ok, true, "deleted; the body is not read"},
	{"DELETE", fHTML, after, 2, api(404), true, "deleted; the retry finds it gone: ErrResourceNotFound"},
	{"DELETE", fEmpty, after, 2, api(404), true, "deleted; the retry finds it gone: ErrResourceNotFound"},
	{"DELETE", fMalformed, after, 1, ok, true, "deleted; the body is not read"},
}

func TestFaultMatrix(t *testing.T) {
	for _, row := range faultMatrix {
		t.Run(row.name(), func(t *testing.T) { runMatrixRow(t, row) })
	}
}

// TestHostedBlobURLIsLoggedRedacted shows that the planted blob URL, which
// every answer about the seeded variable carries, reaches the suite's
// debug sink only redacted; TestMain shows that its secret part is nowhere
// in the sink.
func TestHostedBlobURLIsLoggedRedacted(t *testing.T) {
	fx := newMatrixFixture(t)
	require.NoError(t, matrixOps["GET"].call(context.Background(), fx))
	redacted := "https://archivist.terraform.io/[REDACTED]"
	require.True(t, tfe.SuiteLogContains(redacted), "the sink lacks %s: the answer was not logged, so the secrets check proves nothing", redacted)
}

// runMatrixRow injects the row's fault, makes the call, and checks the
// attempts, the error and the server's state.
func runMatrixRow(t *testing.T, row matrixRow) {
	fx := newMatrixFixture(t)
	op := matrixOps[row.method]
	fx.srv.InjectFault(tfetest.Fault{
		Method: row.method, Path: op.path(fx), Times: row.fault.times, When: row.when,
		Kind: row.fault.kind, Status: row.fault.status, Delay: matrixDelay, Reset: matrixReset,
	})
	timeout := matrixTimeout
	if row.fault.kind == tfetest.FaultLatency {
		timeout = matrixDeadline
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	err := op.call(ctx, fx)
	fx.srv.Close() // waits for any handler still running, so the state is final

	assert.True(t, row.want.match(err), "error = %v, want %s (%s)", err, row.want.name, row.why)
	assert.Equal(t, row.attempts, len(fx.srv.Requests()), "requests the server received (%s)", row.why)
	op.check(t, fx, row.applied)
	checkNoDuplicateKeys(t, fx)
}

func (r matrixRow) name() string {
	when := "before"
	if r.when == after {
		when = "after"
	}
	return r.method + "/" + r.fault.name + "/" + when
}

// fault is a fault of the matrix, striking once (times 1) or always (-1).
type fault struct {
	name   string
	kind   tfetest.FaultKind
	status int
	times  int
}

var (
	f429       = fault{"429", tfetest.FaultRateLimit, 0, 1}
	f500       = fault{"500", tfetest.FaultStatus, 500, 1}
	f502       = fault{"502", tfetest.FaultStatus, 502, 1}
	f503       = fault{"503", tfetest.FaultStatus, 503, 1}
	f504       = fault{"504", tfetest.FaultStatus, 504, 1}
	fReset     = fault{"reset", tfetest.FaultConnReset, 0, 1}
	fSlow      = fault{"latency", tfetest.FaultLatency, 0, 1}
	fTruncated = fault{"truncated", tfetest.FaultTruncatedBody, 0, 1}
	fCutJSON   = fault{"cut-json", tfetest.FaultCutJSON, 0, 1}
	fHTML      = fault{"html-502", tfetest.FaultHTMLBody, 0, 1}
	fEmpty     = fault{"empty-502", tfetest.FaultEmptyBody, 0, 1}
	fMalformed = fault{"malformed-200", tfetest.FaultMalformedJSON, 0, 1}
)

// always makes f strike every attempt.
func always(f fault) fault {
	f.name += "-always"
	f.times = -1
	return f
}

// outcome is what the caller gets back.
type outcome struct {
	name  string
	match func(error) bool
}

var (
	ok      = outcome{"success", func(err error) bool { return err == nil }}
	limited = outcome{"ErrRateLimited", func(err error) bool { return errors.Is(err, tfe.ErrRateLimited) }}
	decode  = outcome{"*DecodeError", func(err error) bool {
		var de *tfe.DecodeError
		return errors.As(err, &de)
	}}
	deadline = outcome{"context.DeadlineExceeded", func(err error) bool {
		return errors.Is(err, context.DeadlineExceeded)
	}}
	// transport is a transport failure the SDK passes on: neither an
	// answer (*APIError, *DecodeError) nor the caller's deadline.
	transport = outcome{"a transport error (*url.Error)", func(err error) bool {
		var ue *url.Error
		var ae *tfe.APIError
		var de *tfe.DecodeError
		return errors.As(err, &ue) && !errors.As(err, &ae) && !errors.As(err, &de) && !errors.Is(err, context.DeadlineExceeded)
	}}
)

// api is an *APIError with status.
func api(status int) outcome {
	return outcome{"*APIError " + strconv.Itoa(status), func(err error) bool {
		var ae *tfe.APIError
		return errors.As(err, &ae) && ae.StatusCode == status
	}}
}

// matrixFixture is a fake with one workspace holding one sensitive
// variable, and one variable set, and a client for it.
type matrixFixture struct {
	srv      *tfetest.Server
	client   *tfe.Client
	ws       string
	varID    string
	varsetID string
	secrets  matrixSecrets
}

// matrixSecrets are the planted values the matrix sends and receives;
// none may reach the suite's debug log.
type matrixSecrets struct {
	token    string // the API token
	oldValue string // the seeded sensitive variable's value
	newValue string // the value a POST or PATCH sends
	blobPath string // the secret part of a hosted blob URL the answers carry
}

// Planted once for the suite: TestMain checks the shared log for them.
var plantedMatrixSecrets = matrixSecrets{
	token:    tfe.PlantSecret("matrix7f3e.atlasv1.Zq9xTOKENb41dK2"),
	oldValue: tfe.PlantSecret("matrix-OLD-sensitive-4d1c"),
	newValue: tfe.PlantSecret("matrix-NEW-sensitive-9a7e"),
	blobPath: tfe.PlantSecret("dmF1bHQ6djE6bWF0cml4LWJsb2ItNjJmMQ"),
}

// The key the seeded variable has, and the key a POST creates.
const (
	seededKey  = "region"
	createdKey = "replicas"
)

// blobURL is a hosted blob URL (the kind that grants access by itself),
// the seeded variable's description: every answer about it carries it.
func (s matrixSecrets) blobURL() string {
	return "https://archivist.terraform.io/v1/object/" + s.blobPath
}

func newMatrixFixture(t *testing.T) *matrixFixture {
	t.Helper()
	sec := plantedMatrixSecrets
	srv := tfetest.NewServer(tfetest.WithStrictAttributes(), tfetest.WithToken(sec.token), tfetest.WithOrganization("acme"))
	t.Cleanup(srv.Close)
	fx := &matrixFixture{srv: srv, secrets: sec}
	fx.ws = srv.AddWorkspace("acme", tfetest.Workspace{Name: "web"})
	fx.varID = srv.AddWorkspaceVariable(fx.ws, tfetest.Variable{
		Key: seededKey, Value: sec.oldValue, Description: sec.blobURL(), Category: "env", Sensitive: true,
	})
	fx.varsetID = srv.AddVariableSet("acme", tfetest.VariableSet{Name: "shared", Description: "before"})
	fx.client = fakeClient(t, srv, func(c *tfe.Config) { c.RetryMax = 2 })
	return fx
}

// matrixOp is how the matrix drives one method: the path the fault
// strikes, the call, and the check of the server's state afterwards.
type matrixOp struct {
	path  func(fx *matrixFixture) string
	call  func(ctx context.Context, fx *matrixFixture) error
	check func(t *testing.T, fx *matrixFixture, applied bool)
}

const putDescription = "after"

var matrixOps = map[string]matrixOp{
	"GET": {
		path: (*matrixFixture).varPath,
		call: func(ctx context.Context, fx *matrixFixture) error {
			v, err := fx.client.Variables.Read(ctx, fx.ws, fx.varID)
			if err == nil && v.Description != fx.secrets.blobURL() {
				return fmt.Errorf("read description %q: the answer did not carry the blob URL", v.Description)
			}
			return err
		},
		check: func(t *testing.T, fx *matrixFixture, _ bool) { fx.wantSeeded(t, fx.secrets.oldValue) },
	},
	"POST": {
		path: func(fx *matrixFixture) string { return "workspaces/" + fx.ws + "/vars" },
		call: func(ctx context.Context, fx *matrixFixture) error {
			_, err := fx.client.Variables.Create(ctx, fx.ws, tfe.VariableCreateOptions{
				Key: createdKey, Value: tfe.Ptr(fx.secrets.newValue), Category: tfe.CategoryEnv, Sensitive: tfe.Ptr(true),
			})
			return err
		},
		check: func(t *testing.T, fx *matrixFixture, applied bool) {
			fx.wantSeeded(t, fx.secrets.oldValue)
			created := fx.withKey(createdKey)
			if !applied {
				assert.Equal(t, 0, len(created), "variables %q: want none", createdKey)
				return
			}
			if assert.Equal(t, 1, len(created), "variables %q: want exactly one", createdKey) {
				assert.True(t, created[0].Value == fx.secrets.newValue, "the created %q does not hold the sent value", createdKey)
			}
		},
	},
	"PATCH": {
		path: (*matrixFixture).varPath,
		call: func(ctx context.Context, fx *matrixFixture) error {
			_, err := fx.client.Variables.Update(ctx, fx.ws, fx.varID, tfe.VariableUpdateOptions{Value: tfe.Ptr(fx.secrets.newValue)})
			return err
		},
		check: func(t *testing.T, fx *matrixFixture, applied bool) {
			fx.wantSeeded(t, pick(applied, fx.secrets.newValue, fx.secrets.oldValue))
		},
	},
	"PUT": {
		path: func(fx *matrixFixture) string { return "varsets/" + fx.varsetID },
		call: func(ctx context.Context, fx *matrixFixture) error {
			body := json.RawMessage(`{"data":{"type":"varsets","attributes":{"description":"` + putDescription + `"}}}`)
			req, err := fx.client.NewRequest("PUT", "varsets/"+fx.varsetID, nil, body)
			if err != nil {
				return err
			}
			var answer tfe.Document[tfe.Resource[json.RawMessage]]
			_, err = fx.client.Do(ctx, req, &answer)
			return err
		},
		check: func(t *testing.T, fx *matrixFixture, applied bool) {
			vs, _ := fx.srv.VariableSet(fx.varsetID)
			assert.Equal(t, pick(applied, putDescription, "before"), vs.Description, "the set's description")
		},
	},
	"DELETE": {
		path: (*matrixFixture).varPath,
		call: func(ctx context.Context, fx *matrixFixture) error {
			return fx.client.Variables.Delete(ctx, fx.ws, fx.varID)
		},
		check: func(t *testing.T, fx *matrixFixture, applied bool) {
			assert.Equal(t, pick(applied, 0, 1), len(fx.withKey(seededKey)), "variables %q left", seededKey)
		},
	},
}

// varPath is the seeded variable's path.
func (fx *matrixFixture) varPath() string { return "workspaces/" + fx.ws + "/vars/" + fx.varID }

// withKey returns the workspace's stored variables with key.
func (fx *matrixFixture) withKey(key string) []tfetest.Variable {
	var out []tfetest.Variable
	for _, v := range fx.srv.WorkspaceVariables(fx.ws) {
		if v.Key == key {
			out = append(out, v)
		}
	}
	return out
}

// wantSeeded checks that the seeded variable exists once with value.
func (fx *matrixFixture) wantSeeded(t *testing.T, value string) {
	t.Helper()
	seeded := fx.withKey(seededKey)
	if !assert.Equal(t, 1, len(seeded), "variables %q: want the seeded one once", seededKey) ||
		!assert.Equal(t, fx.varID, seeded[0].ID, "the ID of the variable %q", seededKey) {
		return
	}
	holds, want := pick(seeded[0].Value == fx.secrets.newValue, "sent", "old"), pick(value == fx.secrets.newValue, "sent", "old")
	assert.True(t, seeded[0].Value == value, "the seeded variable holds the %s value, want the %s value", holds, want)
}

// checkNoDuplicateKeys fails when a key is stored twice in the workspace.
func checkNoDuplicateKeys(t *testing.T, fx *matrixFixture) {
	t.Helper()
	seen := map[string]bool{}
	for _, v := range fx.srv.WorkspaceVariables(fx.ws) {
		assert.False(t, seen[v.Key], "variable %q is stored twice", v.Key)
		seen[v.Key] = true
	}
}

// pick returns a when cond holds, else b.
func pick[T any](cond bool, a, b T) T {
	if cond {
		return a
	}
	return b
}
