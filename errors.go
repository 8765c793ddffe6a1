package tfe

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode"
)

// sentinel is an error value with a parent, so that a specific error such as
// ErrInvalidWorkspaceID also matches its family (ErrInvalidID) and
// ErrValidation with errors.Is.
type sentinel struct {
	msg    string
	parent error
}

func (s *sentinel) Error() string { return s.msg }
func (s *sentinel) Unwrap() error { return s.parent }

func newSentinel(msg string, parent error) error { return &sentinel{msg: msg, parent: parent} }

// Errors that match an *APIError by its HTTP status with errors.Is.
var (
	// ErrUnauthorized matches a 401 answer: the API token is missing,
	// invalid or expired.
	ErrUnauthorized = errors.New("unauthorized")
	// ErrForbidden matches a 403 answer: the token is valid but may not do
	// this (a public module curation the organization has turned off, a
	// token TTL policy read by someone outside the owners team). Most
	// endpoints answer 404 rather than 403 to a token that may not see a
	// resource, so ErrResourceNotFound can mean "no permission" too.
	ErrForbidden = errors.New("forbidden")
	// ErrResourceNotFound matches a 404 answer. The API also answers 404
	// when the token may not see the resource and when the organization is
	// not entitled to the feature, so it can mean "no permission" too.
	ErrResourceNotFound = errors.New("resource not found")
	// ErrConflict matches a 409 answer.
	ErrConflict = errors.New("conflict")
	// ErrUnprocessable matches a 422 answer: the API refused the request's
	// content; APIError.Errors says which attribute and why.
	ErrUnprocessable = errors.New("unprocessable entity")
	// ErrRateLimited matches a 429 answer that was still 429 after the
	// client's retries ran out.
	ErrRateLimited = errors.New("rate limited")
	// ErrSMTPCredentials is returned by AdminSMTP.Update when the service
	// answers 401: the SMTP server refused the username and password. It does
	// not match ErrUnauthorized, because the API token was fine.
	ErrSMTPCredentials = errors.New("SMTP server refused the credentials")
)

// Local validation errors. Every one of them matches ErrValidation with
// errors.Is, and the ID errors also match ErrInvalidID. None of them is ever
// sent to the network: the SDK checks before it builds a request.
var (
	// ErrValidation is the parent of every local validation error.
	ErrValidation = errors.New("invalid request options")
	// ErrInvalidID is the parent of every malformed ID or name that would go
	// into a URL path.
	ErrInvalidID = newSentinel("invalid ID", ErrValidation)

	// ErrInvalidOrg is a malformed organization name.
	ErrInvalidOrg = newSentinel("invalid organization name", ErrInvalidID)
	// ErrInvalidWorkspaceID is a malformed workspace ID.
	ErrInvalidWorkspaceID = newSentinel("invalid workspace ID", ErrInvalidID)
	// ErrInvalidVariableID is a malformed variable ID.
	ErrInvalidVariableID = newSentinel("invalid variable ID", ErrInvalidID)
	// ErrInvalidVariableSetID is a malformed variable set ID.
	ErrInvalidVariableSetID = newSentinel("invalid variable set ID", ErrInvalidID)
	// ErrInvalidProjectID is a malformed project ID.
	ErrInvalidProjectID = newSentinel("invalid project ID", ErrInvalidID)
	// ErrInvalidNoCodeModuleID is a malformed no-code module ID.
	ErrInvalidNoCodeModuleID = newSentinel("invalid no-code module ID", ErrInvalidID)
	// ErrInvalidUpgradeID is a malformed workspace upgrade (run) ID.
	ErrInvalidUpgradeID = newSentinel("invalid workspace upgrade ID", ErrInvalidID)
	// ErrInvalidStackID is a malformed stack ID.
	ErrInvalidStackID = newSentinel("invalid stack ID", ErrInvalidID)
	// ErrInvalidAgentPoolID is a malformed agent pool ID.
	ErrInvalidAgentPoolID = newSentinel("invalid agent pool ID", ErrInvalidID)
	// ErrInvalidRegistryModuleID is a malformed registry module ID or part
	// of a RegistryModuleID (name, provider, namespace).
	ErrInvalidRegistryModuleID = newSentinel("invalid registry module ID", ErrInvalidID)
	// ErrInvalidVersion is a malformed module version.
	ErrInvalidVersion = newSentinel("invalid version", ErrInvalidID)

	// ErrRequiredKey is a variable create without a key.
	ErrRequiredKey = newSentinel("key is required", ErrValidation)
	// ErrRequiredCategory is a variable create without a category.
	ErrRequiredCategory = newSentinel("category is required", ErrValidation)
	// ErrInvalidCategory is a category other than terraform, env and
	// policy-set.
	ErrInvalidCategory = newSentinel("category must be one of terraform, env, policy-set", ErrValidation)
	// ErrRequiredName is a create without the required name.
	ErrRequiredName = newSentinel("name is required", ErrValidation)
	// ErrRequiredAgentPoolID is the agent execution mode without an agent
	// pool.
	ErrRequiredAgentPoolID = newSentinel("execution mode agent requires an agent pool ID", ErrValidation)
	// ErrAgentPoolNotAllowed is an agent pool given with an execution mode
	// other than agent.
	ErrAgentPoolNotAllowed = newSentinel("an agent pool is only allowed with execution mode agent", ErrValidation)
	// ErrRequiredTokenTTLPolicy is a token TTL policy update that sets no
	// policy.
	ErrRequiredTokenTTLPolicy = newSentinel("at least one token TTL policy is required", ErrValidation)
	// ErrNothingToUpdate is an update whose options set no field.
	ErrNothingToUpdate = newSentinel("the update sets no field", ErrValidation)
	// ErrInvalidPagination is a page number below zero or a page size
	// outside 1..100 (zero for either means the API's default).
	ErrInvalidPagination = newSentinel("page number must not be negative and page size must be 1..100 (0 for the defaults)", ErrValidation)
)

// Configuration errors returned by NewClient.
var (
	// ErrMissingToken means no API token was found in Config.Token,
	// TFE_TOKEN, TF_TOKEN_<host> or the Terraform CLI credentials file.
	ErrMissingToken = errors.New("no API token: set Config.Token, TFE_TOKEN or TF_TOKEN_<host> (TF_TOKEN_app_terraform_io for app.terraform.io), or run terraform login")
	// ErrInsecureAddress means the token would travel over plain http:// to
	// a host that is not loopback; set Config.SendTokenOverPlainHTTP to
	// allow it.
	ErrInsecureAddress = errors.New("refusing to send the API token over plain http:// to a host that is not loopback")
)

// ValidationError describes one local validation failure: which field and
// why. It unwraps to the specific sentinel (such as ErrRequiredKey), which
// in turn matches ErrValidation.
type ValidationError struct {
	// Field names the option or argument at fault, e.g. "workspaceID" or
	// "VariableCreateOptions.Category".
	Field string
	// Reason says what is wrong, without echoing secret values.
	Reason string
	// Err is the specific sentinel.
	Err error
}

// Error implements error.
func (e *ValidationError) Error() string {
	msg := "tfe: " + e.Err.Error()
	if e.Field != "" {
		msg += ": " + e.Field
	}
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	return msg
}

// Unwrap returns the specific sentinel.
func (e *ValidationError) Unwrap() error { return e.Err }

// invalid builds a *ValidationError.
func invalid(sentinel error, field, reason string) error {
	return &ValidationError{Field: field, Reason: reason, Err: sentinel}
}

// ErrorObject is one JSON:API error object from the API.
type ErrorObject struct {
	// Status is the HTTP status as a string, as JSON:API spells it.
	Status string `json:"status,omitempty"`
	// Code is an application-specific error code, when the API gives one.
	Code string `json:"code,omitempty"`
	// Title is a short summary of the problem.
	Title string `json:"title,omitempty"`
	// Detail explains this occurrence of the problem.
	Detail string `json:"detail,omitempty"`
	// Source points at the part of the request at fault.
	Source *ErrorSource `json:"source,omitempty"`
	// Meta holds any extra information the API gives.
	Meta map[string]any `json:"meta,omitempty"`
}

// ErrorSource points at the part of a request that caused an error.
type ErrorSource struct {
	// Pointer is a JSON pointer into the request document, such as
	// "/data/attributes/category".
	Pointer string `json:"pointer,omitempty"`
	// Parameter names the query parameter at fault.
	Parameter string `json:"parameter,omitempty"`
}

// APIError is every non-2xx answer from the API. It matches ErrUnauthorized,
// ErrForbidden, ErrResourceNotFound, ErrConflict, ErrUnprocessable and
// ErrRateLimited with errors.Is, by its status code.
type APIError struct {
	// StatusCode is the HTTP status of the answer.
	StatusCode int
	// Method and Path identify the request (the path without host or query).
	Method string
	// Path is the URL path of the request, e.g. /api/v2/varsets/varset-1.
	Path string
	// Errors are the JSON:API error objects of the answer; empty when the
	// body was not a JSON:API document (a proxy's HTML page, an empty 502).
	Errors []*ErrorObject
	// Excerpt is the start of a body that was not a JSON:API error
	// document, whitespace collapsed, for diagnosis.
	Excerpt string

	// EndpointAddedIn is set on a 404 from an endpoint that older
	// Terraform Enterprise releases lack: the release that added it, such
	// as "v202401-1", or "a later release" when the SDK does not know
	// which. The service answers such a 404 like that of a missing
	// resource, so both are possible; the error's text says so. It is
	// empty on an answer that says it comes from HCP Terraform
	// (TFP-AppName), which has no such releases. The error still matches
	// ErrResourceNotFound.
	EndpointAddedIn string

	// kind, when set, replaces the status-based sentinel (an SMTP 401 is
	// ErrSMTPCredentials, not ErrUnauthorized).
	kind error
}

// Error summarises the status and the first error's detail.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "tfe: %s %s: %d %s", e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode))
	if e.kind != nil {
		b.WriteString(": " + e.kind.Error())
	}
	if msg := e.firstMessage(); msg != "" {
		b.WriteString(": " + msg)
	}
	if e.EndpointAddedIn != "" && e.StatusCode == http.StatusNotFound {
		fmt.Fprintf(&b, " (not found, or this Terraform Enterprise release lacks the endpoint, which was added in %s)", e.EndpointAddedIn)
	}
	return b.String()
}

// firstMessage is the first error's detail, else its title, else the
// excerpt of a non-JSON:API body.
func (e *APIError) firstMessage() string {
	for _, obj := range e.Errors {
		if obj == nil {
			continue
		}
		msg := obj.Detail
		if msg == "" {
			msg = obj.Title
		}
		if msg != "" {
			if obj.Source != nil && obj.Source.Pointer != "" {
				msg += " (at " + obj.Source.Pointer + ")"
			}
			return cutString(msg, 300)
		}
	}
	if e.Excerpt != "" {
		return "body: " + e.Excerpt
	}
	return ""
}

// Is reports whether target is the sentinel for this error's status.
func (e *APIError) Is(target error) bool {
	if e.kind != nil {
		return target == e.kind
	}
	return target == statusSentinel(e.StatusCode) && target != nil
}

// statusSentinel maps an HTTP status to the sentinel it matches.
func statusSentinel(status int) error {
	switch status {
	case http.StatusUnauthorized:
		return ErrUnauthorized
	case http.StatusForbidden:
		return ErrForbidden
	case http.StatusNotFound:
		return ErrResourceNotFound
	case http.StatusConflict:
		return ErrConflict
	case http.StatusUnprocessableEntity:
		return ErrUnprocessable
	case http.StatusTooManyRequests:
		return ErrRateLimited
	}
	return nil
}

// DecodeError means a 2xx answer could not be decoded: a truncated or
// malformed body, or a document without the expected data.
type DecodeError struct {
	// Method and Path identify the request.
	Method string
	// Path is the URL path of the request.
	Path string
	// StatusCode is the (successful) status of the answer.
	StatusCode int
	// Err is the underlying problem.
	Err error
}

// Error implements error.
func (e *DecodeError) Error() string {
	return fmt.Sprintf("tfe: %s %s: decoding the %d answer: %v", e.Method, e.Path, e.StatusCode, e.Err)
}

// Unwrap returns the underlying problem.
func (e *DecodeError) Unwrap() error { return e.Err }

// newAPIError builds the error for a non-2xx answer from its body.
func newAPIError(method, path string, status int, body []byte) *APIError {
	e := &APIError{StatusCode: status, Method: method, Path: path}
	if objs, ok := parseErrorDocument(body); ok {
		e.Errors = objs
	} else {
		e.Excerpt = excerpt(body, 160)
	}
	return e
}

// wireErrorObject tolerates the status as a number or a string.
type wireErrorObject struct {
	ErrorObject
	Status json.RawMessage `json:"status"`
}

// parseErrorDocument reads a JSON:API errors document. It also accepts the
// older shape some endpoints still answer, a list of strings.
func parseErrorDocument(body []byte) ([]*ErrorObject, bool) {
	var doc struct {
		Errors json.RawMessage `json:"errors"`
	}
	if json.Unmarshal(body, &doc) != nil || len(doc.Errors) == 0 {
		return nil, false
	}
	var objs []*wireErrorObject
	if err := json.Unmarshal(doc.Errors, &objs); err == nil {
		out := make([]*ErrorObject, 0, len(objs))
		for _, o := range objs {
			if o == nil {
				continue
			}
			obj := o.ErrorObject
			obj.Status = strings.Trim(string(o.Status), `"`)
			out = append(out, &obj)
		}
		return out, len(out) > 0
	}
	var texts []string
	if err := json.Unmarshal(doc.Errors, &texts); err != nil || len(texts) == 0 {
		return nil, false
	}
	out := make([]*ErrorObject, len(texts))
	for i, t := range texts {
		out[i] = &ErrorObject{Detail: t}
	}
	return out, true
}

// excerpt returns the start of a body with whitespace and control
// characters collapsed, redacted, and cut to at most n bytes.
func excerpt(body []byte, n int) string {
	text := redactBody(body, false, 4*n)
	text = strings.Join(strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
	return cutString(text, n)
}

// cutString cuts s to at most n bytes (cutUTF8), marking a cut with "…".
func cutString(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return cutUTF8(s, n) + "…"
}

// laterRelease is APIError.EndpointAddedIn for an endpoint whose first
// Terraform Enterprise release the SDK does not know.
const laterRelease = "a later release"

// since returns the call marked as one to an endpoint that Terraform
// Enterprise added in release (laterRelease when unknown): its 404 says
// that the release may lack it (APIError.EndpointAddedIn).
func (cl call) since(release string) call {
	cl.addedIn = release
	return cl
}

// ErrAmbiguous is returned by a lookup by name that the API answers with
// more than one exact match: the SDK refuses to pick one. The error is an
// *AmbiguousError, which says how many matched.
var ErrAmbiguous = errors.New("more than one resource matches")

// AmbiguousError is a lookup by name that more than one resource matches
// exactly. It matches ErrAmbiguous with errors.Is.
type AmbiguousError struct {
	// Kind is the kind of resource looked up, such as "variable set".
	Kind string
	// Name is the name looked up.
	Name string
	// Scope is where it was looked up, such as `organization "acme"`.
	Scope string
	// IDs are the IDs of the resources that match.
	IDs []string
}

// Error implements error.
func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("tfe: %d %ss named %q in %s (%s): %s", len(e.IDs), e.Kind, cutString(e.Name, 80), e.Scope,
		cutString(strings.Join(e.IDs, ", "), 200), ErrAmbiguous.Error())
}

// Is reports whether target is ErrAmbiguous.
func (e *AmbiguousError) Is(target error) bool { return target == ErrAmbiguous }

// exactlyOne returns the one resource of matches, the exact matches of a
// lookup of a kind of resource by name in scope: none is an error
// matching ErrResourceNotFound, more than one an *AmbiguousError.
func exactlyOne[M any](matches []*M, kind, name, scope string, id func(*M) string) (*M, error) {
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		return nil, fmt.Errorf("tfe: no %s named %q in %s: %w", kind, cutString(name, 80), scope, ErrResourceNotFound)
	}
	ids := make([]string, len(matches))
	for i, m := range matches {
		ids[i] = id(m)
	}
	return nil, &AmbiguousError{Kind: kind, Name: name, Scope: scope, IDs: ids}
}
