package openapi

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// subsetPath is the committed extract of the official TFE OpenAPI document.
const subsetPath = "../../testdata/openapi/tfe-subset.json"

// writeSpec writes doc to a temporary file and loads it.
func writeSpec(t *testing.T, doc string) *Spec {
	t.Helper()
	path := filepath.Join(t.TempDir(), "spec.json")
	require.NoError(t, os.WriteFile(path, []byte(doc), 0o600))
	spec, err := Load(path)
	require.NoError(t, err)
	return spec
}

// specWithBodySchema returns a spec whose only operation, POST /things,
// takes a required application/json body described by schema. The
// components section holds the definitions used by the $ref tests.
func specWithBodySchema(t *testing.T, schema string) *Spec {
	t.Helper()
	return writeSpec(t, `{
	  "openapi": "3.0.0",
	  "paths": {"/things": {"post": {"requestBody": {"required": true,
	    "content": {"application/json": {"schema": `+schema+`}}}}}},
	  "components": {"schemas": {
	    "name": {"type": "string", "minLength": 1},
	    "node": {"type": "object", "properties": {"child": {"$ref": "#/components/schemas/node"},
	                                              "label": {"$ref": "#/components/schemas/name"}}},
	    "loop-a": {"$ref": "#/components/schemas/loop-b"},
	    "loop-b": {"allOf": [{"$ref": "#/components/schemas/loop-a"}]}
	  }}
	}`)
}

// keywordCase is one schema with a document it accepts and one it rejects.
type keywordCase struct {
	name    string
	schema  string
	valid   string
	invalid string
	// want is a substring of the violation the invalid document causes.
	want string
}

// keywordCases exercise each supported keyword on its own.
var keywordCases = []keywordCase{
	{"type object", `{"type":"object"}`, `{}`, `[]`, `(root): expected object, got array`},
	{"type array", `{"type":"array"}`, `[]`, `{}`, `(root): expected array, got object`},
	{"type string", `{"type":"string"}`, `"a"`, `1`, `(root): expected string, got integer`},
	{"type integer", `{"type":"integer"}`, `2`, `2.5`, `(root): expected integer, got number`},
	{"type integer written with exponent", `{"type":"integer"}`, `2e3`, `true`, `expected integer, got boolean`},
	{"type number", `{"type":"number"}`, `2.5`, `"2.5"`, `(root): expected number, got string`},
	{"type boolean", `{"type":"boolean"}`, `false`, `null`, `(root): expected boolean, got null`},
	{"type array with null", `{"type":["string","null"]}`, `null`, `3`, `expected string or null, got integer`},
	{"nullable", `{"type":"string","nullable":true}`, `null`, `1`, `expected string, got integer`},
	{"not nullable", `{"type":"string","nullable":false}`, `"x"`, `null`, `expected string, got null`},
	{"nullable skips allOf members", `{"type":"object","nullable":true,"allOf":[{"type":"object","required":["id"]}]}`,
		`null`, `{}`, `/id: missing required property`},
	{"enum", `{"type":"string","enum":["terraform","env"]}`, `"env"`, `"foo"`,
		`(root): value "foo" not in enum [terraform env]`},
	{"enum of numbers compares values", `{"enum":[1, "1", null]}`, `1.0`, `2`, `value 2 not in enum [1 "1" null]`},
	{"enum keeps large integers exact", `{"type":"integer","enum":[9007199254740993]}`,
		`9007199254740993`, `9007199254740992`, `value 9007199254740992 not in enum [9007199254740993]`},
	{"const", `{"const":{"a":[1,true]}}`, `{"a":[1.0,true]}`, `{"a":[1,false]}`,
		`value {"a":[1,false]} is not the constant {"a":[1,true]}`},
	{"required", `{"type":"object","required":["data"]}`, `{"data":1}`, `{"other":1}`,
		`/data: missing required property`},
	{"properties", `{"properties":{"a":{"type":"string"}}}`, `{"a":"x","b":1}`, `{"a":1}`,
		`/a: expected string, got integer`},
	{"property names are escaped", `{"properties":{"a/b~c":{"type":"string"}}}`, `{"a/b~c":"x"}`, `{"a/b~c":1}`,
		`/a~1b~0c: expected string, got integer`},
	{"additionalProperties false", `{"properties":{"a":{}},"additionalProperties":false}`, `{"a":1}`, `{"a":1,"b":2}`,
		`/b: property not allowed (additionalProperties is false)`},
	{"additionalProperties true", `{"properties":{"a":{"type":"string"}},"additionalProperties":true}`,
		`{"b":2}`, `{"a":2}`, `/a: expected string, got integer`},
	{"additionalProperties schema", `{"additionalProperties":{"type":"integer"}}`, `{"a":1,"b":2}`, `{"a":1,"b":"x"}`,
		`/b: expected integer, got string`},
	{"items", `{"type":"array","items":{"type":"string"}}`, `["a","b"]`, `["a",1]`,
		`/1: expected string, got integer`},
	{"allOf", `{"allOf":[{"required":["a"]},{"required":["b"]}]}`, `{"a":1,"b":2}`, `{"a":1}`,
		`/b: missing required property`},
	{"anyOf", `{"anyOf":[{"type":"string"},{"type":"integer"}]}`, `3`, `true`,
		`value matches none of the 2 anyOf schemas: #0: (root): expected string, got boolean; #1: (root): expected integer, got boolean`},
	{"oneOf with no match", `{"oneOf":[{"type":"string"},{"type":"integer"}]}`, `"x"`, `[]`,
		`value matches none of the 2 oneOf schemas`},
	{"oneOf with two matches", `{"oneOf":[{"type":"number"},{"type":"integer"}]}`, `2.5`, `2`,
		`value matches 2 oneOf schemas [0 1]; exactly one must match`},
	{"format int64 must be whole", `{"type":"number","format":"int64"}`, `63113904000`, `1.5`,
		`value 1.5 is not a whole number (format int64)`},
	{"format int64 range", `{"type":"integer","format":"int64"}`, `9223372036854775807`, `9223372036854775808`,
		`value 9223372036854775808 is out of range for format int64`},
	{"format int32 range", `{"type":"integer","format":"int32"}`, `-2147483648`, `2147483648`,
		`value 2147483648 is out of range for format int32`},
	{"other formats are ignored", `{"type":"string","format":"date-time"}`, `"not a date"`, `1`,
		`expected string, got integer`},
	{"minimum", `{"type":"integer","minimum":0}`, `0`, `-1`, `value -1 is less than minimum 0`},
	{"maximum keeps large integers exact", `{"type":"integer","maximum":63113904000}`, `63113904000`, `63113904001`,
		`value 63113904001 is more than maximum 63113904000`},
	{"minItems", `{"type":"array","minItems":1}`, `[1]`, `[]`, `item count 0 is less than minItems 1`},
	{"maxItems", `{"type":"array","maxItems":1}`, `[1]`, `[1,2]`, `item count 2 is more than maxItems 1`},
	{"minLength counts characters", `{"type":"string","minLength":2}`, `"éé"`, `"é"`, `length 1 is less than minLength 2`},
	{"maxLength", `{"type":"string","maxLength":2}`, `"ab"`, `"abc"`, `length 3 is more than maxLength 2`},
	{"pattern", `{"type":"string","pattern":"^ws-[a-z0-9]+$"}`, `"ws-abc"`, `"abc"`,
		`value "abc" does not match pattern "^ws-[a-z0-9]+$"`},
	{"$ref", `{"$ref":"#/components/schemas/name"}`, `"x"`, `""`, `length 0 is less than minLength 1`},
	{"recursive $ref follows the data", `{"$ref":"#/components/schemas/node"}`,
		`{"child":{"child":{"label":"x"}}}`, `{"child":{"child":{"label":""}}}`,
		`/child/child/label: length 0 is less than minLength 1`},
	{"$ref siblings are ignored", `{"$ref":"#/components/schemas/name","type":"integer"}`, `"x"`, `1`,
		`expected string, got integer`},
	{"$ref cycle without data is reported", `{"properties":{"a":{"$ref":"#/components/schemas/loop-a"}}}`,
		`{}`, `{"a":1}`, `/a: $ref cycle through #/components/schemas/loop-a`},
	{"unresolvable $ref", `{"properties":{"a":{"$ref":"#/components/schemas/missing"}}}`, `{}`, `{"a":1}`,
		`/a: unresolvable $ref #/components/schemas/missing`},
	{"non-local $ref", `{"properties":{"a":{"$ref":"other.json#/x"}}}`, `{}`, `{"a":1}`,
		`/a: unresolvable $ref other.json#/x`},
}

// TestKeywords runs every keywordCase: the valid document must pass and
// the invalid one must fail with the expected violation.
func TestKeywords(t *testing.T) {
	for _, tc := range keywordCases {
		t.Run(tc.name, func(t *testing.T) {
			spec := specWithBodySchema(t, tc.schema)
			assert.NoError(t, spec.ValidateRequest("POST", "/things", []byte(tc.valid)), "valid document")
			err := spec.ValidateRequest("POST", "/things", []byte(tc.invalid))
			var verr *ValidationError
			require.ErrorAs(t, err, &verr, "invalid document")
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestUnknownTypeNameMatchesNothing checks that a type name outside JSON
// Schema rejects every value.
func TestUnknownTypeNameMatchesNothing(t *testing.T) {
	spec := specWithBodySchema(t, `{"type":"file"}`)
	assert.ErrorContains(t, spec.ValidateRequest("POST", "/things", []byte(`"x"`)), "(root): expected file, got string")
}

// TestInvalidPatternIsSkippedAndNoted checks that a pattern Go cannot
// compile is listed by SkippedPatterns and not applied.
func TestInvalidPatternIsSkippedAndNoted(t *testing.T) {
	spec := specWithBodySchema(t, `{"type":"string","pattern":"^(?!x)"}`)
	require.Len(t, spec.SkippedPatterns(), 1)
	assert.Contains(t, spec.SkippedPatterns()[0], `"^(?!x)"`)
	assert.NoError(t, spec.ValidateRequest("POST", "/things", []byte(`"x"`)))
	assert.Error(t, spec.ValidateRequest("POST", "/things", []byte(`1`)))
}

// TestValidationErrorListsEveryViolation checks the violations and the
// error text for a body with several problems.
func TestValidationErrorListsEveryViolation(t *testing.T) {
	spec := specWithBodySchema(t, `{"type":"object","required":["a","b"],"properties":{"c":{"type":"string"}}}`)
	err := spec.ValidateRequest("POST", "/things", []byte(`{"c":1}`))
	var verr *ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, []Violation{
		{Pointer: "/a", Message: "missing required property"},
		{Pointer: "/b", Message: "missing required property"},
		{Pointer: "/c", Message: "expected string, got integer"},
	}, verr.Violations)
	assert.Equal(t, "openapi: POST /things request body has 3 violation(s):\n"+
		"  /a: missing required property\n"+
		"  /b: missing required property\n"+
		"  /c: expected string, got integer", err.Error())
}

// TestRequestBodyPresence checks empty bodies against required and
// optional request bodies.
func TestRequestBodyPresence(t *testing.T) {
	spec := writeSpec(t, `{"paths": {
	  "/required": {"post": {"requestBody": {"required": true, "content": {"application/json": {"schema": {}}}}}},
	  "/optional": {"post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}}}
	}}`)
	err := spec.ValidateRequest("POST", "/required", nil)
	assert.ErrorContains(t, err, "(root): body is empty but required")
	assert.NoError(t, spec.ValidateRequest("POST", "/optional", []byte("  ")))
	assert.NoError(t, spec.ValidateRequest("POST", "/optional", []byte(`{}`)))
}

// TestMalformedBodies checks that a body that is not one JSON value is an
// error but not a *ValidationError.
func TestMalformedBodies(t *testing.T) {
	spec := specWithBodySchema(t, `{}`)
	for _, body := range []string{`{`, `{} {}`, `nope`} {
		err := spec.ValidateRequest("POST", "/things", []byte(body))
		assert.ErrorContains(t, err, "is not valid JSON", body)
		var verr *ValidationError
		assert.False(t, errors.As(err, &verr), body)
	}
}

// routingSpec has overlapping templates, a body-less operation, a
// non-JSON body, bodies and responses reached through $ref, and the
// response shapes ValidateResponse distinguishes.
const routingSpec = `{
  "paths": {
    "/things/{id}": {
      "post": {"requestBody": {"content": {"application/vnd.api+json": {"schema": {"const": "by-id"}}}}},
      "get": {"responses": {
        "200": {"content": {"application/vnd.api+json": {"schema": {"required": ["data"]}}}},
        "4XX": {"content": {"application/json": {"schema": {"required": ["errors"]}}}},
        "default": {"$ref": "#/components/responses/error"}}},
      "delete": {"responses": {"204": {"description": "gone"}}}
    },
    "/things/special": {
      "post": {"requestBody": {"$ref": "#/components/requestBodies/special"}},
      "put": {"requestBody": {"content": {"text/plain": {"schema": {"type": "string"}}}}},
      "get": {"responses": {"200": {"$ref": "#/components/responses/loop"}}}
    },
    "/{kind}/special": {
      "post": {"requestBody": {"content": {"application/json": {"schema": {"const": "by-kind"}}}}}
    }
  },
  "components": {
    "requestBodies": {"special": {"content": {"application/json": {"schema": {"const": "special"}}}}},
    "responses": {
      "error": {"content": {"application/vnd.api+json": {"schema": {"required": ["fallback"]}}}},
      "loop": {"$ref": "#/components/responses/loop"}
    }
  }
}`

// TestPathMatching checks template, concrete, prefixed and query-string
// paths, and that literal segments win over parameters.
func TestPathMatching(t *testing.T) {
	spec := writeSpec(t, routingSpec)
	cases := []struct{ path, body string }{
		{"/things/{id}", `"by-id"`},
		{"/things/abc", `"by-id"`},
		{"/things/special", `"special"`},
		{"/stuff/special", `"by-kind"`},
		{"/api/v2/things/abc", `"by-id"`},
		{"/things/abc?include=x", `"by-id"`},
		{"/api/v2/things/special?x=1", `"special"`},
	}
	for _, tc := range cases {
		assert.NoError(t, spec.ValidateRequest("post", tc.path, []byte(tc.body)), tc.path)
	}
	assert.ErrorContains(t, spec.ValidateRequest("POST", "/things/abc", []byte(`"special"`)),
		`POST /things/{id} request body`)
}

// TestUnknownOperations checks ErrNotInSpec for unknown paths and methods.
func TestUnknownOperations(t *testing.T) {
	spec := writeSpec(t, routingSpec)
	for _, path := range []string{"/things", "/things/", "/things/a/b", "/api/v3/things/a", "things/a"} {
		assert.ErrorIs(t, spec.ValidateRequest("POST", path, []byte(`{}`)), ErrNotInSpec, path)
	}
	assert.ErrorIs(t, spec.ValidateRequest("PATCH", "/things/a", []byte(`{}`)), ErrNotInSpec)
	assert.ErrorIs(t, spec.ValidateRequest("parameters", "/things/a", []byte(`{}`)), ErrNotInSpec)
	assert.ErrorIs(t, spec.ValidateResponse("GET", "/nowhere", 200, []byte(`{}`)), ErrNotInSpec)
}

// TestNoSchema checks ErrNoSchema for operations without a JSON body.
func TestNoSchema(t *testing.T) {
	spec := writeSpec(t, routingSpec)
	assert.ErrorIs(t, spec.ValidateRequest("GET", "/things/a", nil), ErrNoSchema)
	assert.ErrorIs(t, spec.ValidateRequest("PUT", "/things/special", []byte(`"x"`)), ErrNoSchema)
	assert.ErrorIs(t, spec.ValidateResponse("DELETE", "/things/a", 204, nil), ErrNoSchema)
}

// TestValidateResponse checks status lookup (exact, range, default) and
// the response error conventions.
func TestValidateResponse(t *testing.T) {
	spec := writeSpec(t, routingSpec)
	cases := []struct {
		status        int
		valid, want   string
		invalidReason string
	}{
		{200, `{"data":1}`, "GET /things/{id} response 200 body", "/data: missing required property"},
		{404, `{"errors":[]}`, "GET /things/{id} response 404 body", "/errors: missing required property"},
		{500, `{"fallback":1}`, "GET /things/{id} response 500 body", "/fallback: missing required property"},
	}
	for _, tc := range cases {
		assert.NoError(t, spec.ValidateResponse("GET", "/things/t-1", tc.status, []byte(tc.valid)))
		err := spec.ValidateResponse("GET", "/things/t-1", tc.status, []byte(`{}`))
		assert.ErrorContains(t, err, tc.want)
		assert.ErrorContains(t, err, tc.invalidReason)
	}
	assert.ErrorContains(t, spec.ValidateResponse("GET", "/things/t-1", 200, nil), "body is empty but required")
	assert.ErrorIs(t, spec.ValidateResponse("DELETE", "/things/t-1", 200, nil), ErrNotInSpec)
	assert.ErrorIs(t, spec.ValidateResponse("GET", "/things/special", 200, []byte(`{}`)), ErrNotInSpec,
		"a $ref loop between responses resolves to nothing")
}

// TestLoadErrors checks that Load rejects unreadable and malformed
// documents.
func TestLoadErrors(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "missing.json"))
	assert.ErrorContains(t, err, "openapi:")
	for doc, want := range map[string]string{
		`{`:                   "decode",
		`[]`:                  "is not a JSON object",
		`{"openapi":"3.0.0"}`: `has no "paths" object`,
	} {
		path := filepath.Join(t.TempDir(), "spec.json")
		require.NoError(t, os.WriteFile(path, []byte(doc), 0o600))
		_, err := Load(path)
		assert.ErrorContains(t, err, want, doc)
	}
}

// TestSpecIsSafeForConcurrentUse validates in parallel on one Spec (run
// with -race).
func TestSpecIsSafeForConcurrentUse(t *testing.T) {
	spec := specWithBodySchema(t, `{"$ref":"#/components/schemas/node"}`)
	for i := range 8 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			assert.NoError(t, spec.ValidateRequest("POST", "/things", []byte(`{"child":{"label":"x"}}`)))
			assert.Error(t, spec.ValidateRequest("POST", "/things", []byte(`{"child":{"label":""}}`)))
		})
	}
}

// loadSubset loads the committed TFE spec subset.
func loadSubset(t *testing.T) *Spec {
	t.Helper()
	spec, err := Load(subsetPath)
	require.NoError(t, err)
	assert.Empty(t, spec.SkippedPatterns())
	return spec
}

// TestSubsetWorkspaceVariableCreate checks a workspace variable create
// body, and a bad category, against the real spec.
func TestSubsetWorkspaceVariableCreate(t *testing.T) {
	spec := loadSubset(t)
	valid := `{"data":{"type":"vars","attributes":{"key":"region","value":"us-east-1","category":"terraform","hcl":false,"sensitive":false}}}`
	assert.NoError(t, spec.ValidateRequest("POST", "/workspaces/ws-1/vars", []byte(valid)))

	invalid := strings.Replace(valid, `"terraform"`, `"nope"`, 1)
	err := spec.ValidateRequest("POST", "/workspaces/ws-1/vars", []byte(invalid))
	assert.ErrorContains(t, err,
		`/data/attributes/category: value "nope" not in enum [terraform env terraform-cloud policy-set]`)
}

// TestSubsetTokenTTLPolicies checks the token TTL policy PATCH body
// against the real spec.
func TestSubsetTokenTTLPolicies(t *testing.T) {
	spec := loadSubset(t)
	path := "/organizations/my-org/token-ttl-policies"
	valid := `{"data":{"type":"organization-token-ttl-policies","attributes":{"token-ttl-policies":[{"token-type":"organization","max-ttl-ms":5184000000}]}}}`
	assert.NoError(t, spec.ValidateRequest("PATCH", path, []byte(valid)))

	assert.NoError(t, spec.ValidateRequest("PATCH", path, []byte(strings.Replace(valid, "5184000000", "63113904000", 1))))
	err := spec.ValidateRequest("PATCH", path, []byte(strings.Replace(valid, "5184000000", "5184000000.5", 1)))
	assert.ErrorContains(t, err, "/data/attributes/token-ttl-policies/0/max-ttl-ms: expected integer, got number")
	err = spec.ValidateRequest("PATCH", path, []byte(`{"data":{"type":"organization-token-ttl-policies","attributes":{"token-ttl-policies":[{"token-type":"robot"}]}}}`))
	assert.ErrorContains(t, err, "/data/attributes/token-ttl-policies/0/max-ttl-ms: missing required property")
	assert.ErrorContains(t, err, `/data/attributes/token-ttl-policies/0/token-type: value "robot" not in enum`)
}

// organizationPatch builds an organization PATCH body with the given
// attributes and relationships JSON.
func organizationPatch(attributes, relationships string) []byte {
	return []byte(`{"data":{"type":"organizations","attributes":` + attributes +
		`,"relationships":` + relationships + `}}`)
}

// TestSubsetOrganizationDefaultAgentPool records what the spec accepts for
// setting and clearing an organization's default agent pool.
func TestSubsetOrganizationDefaultAgentPool(t *testing.T) {
	spec := loadSubset(t)
	path := "/organizations/my-org"
	accepted := map[string][]byte{
		"relationship cleared with data null": organizationPatch(`{}`,
			`{"default-agent-pool":{"data":null}}`),
		"relationship set to an agent pool": organizationPatch(`{}`,
			`{"default-agent-pool":{"data":{"type":"agent-pools","id":"apool-1"}}}`),
		// Accepted only because organization attributes allow additional
		// properties; the spec does not declare this attribute.
		"undeclared attribute default-agent-pool-id": organizationPatch(`{"default-agent-pool-id":"apool-1"}`, `{}`),
		"any undeclared attribute":                   organizationPatch(`{"no-such-attribute":true}`, `{}`),
	}
	for name, body := range accepted {
		assert.NoError(t, spec.ValidateRequest("PATCH", path, body), name)
	}
	rejected := map[string]string{
		`{"default-agent-pool":{"data":{"type":"workspaces","id":"ws-1"}}}`: `/data/relationships/default-agent-pool/data/type: value "workspaces" not in enum [agent-pools]`,
		`{"default-agent-pool":{"data":{"type":"agent-pools"}}}`:            `/data/relationships/default-agent-pool/data/id: missing required property`,
		`{"default-agent-pool":{}}`:                                         `/data/relationships/default-agent-pool/data: missing required property`,
		`{"default-agent-pool":"apool-1"}`:                                  `/data/relationships/default-agent-pool: expected object, got string`,
	}
	for relationships, want := range rejected {
		err := spec.ValidateRequest("PATCH", path, organizationPatch(`{}`, relationships))
		assert.ErrorContains(t, err, want, relationships)
	}
	err := spec.ValidateRequest("PATCH", path, []byte(`{"data":{"type":"organizations","attributes":{"session-timeout":"1h"}}}`))
	assert.ErrorContains(t, err, "/data/attributes/session-timeout: expected integer, got string")

	// The organization schema requires "attributes" even when a PATCH
	// only changes a relationship.
	err = spec.ValidateRequest("PATCH", path, []byte(`{"data":{"type":"organizations","relationships":{"default-agent-pool":{"data":null}}}}`))
	assert.ErrorContains(t, err, "/data/attributes: missing required property")
	// The relationship object itself is nullable too.
	assert.NoError(t, spec.ValidateRequest("PATCH", path, organizationPatch(`{}`, `{"default-agent-pool":null}`)))
}

// TestSubsetVariableSetBodies checks representative bodies for each
// variable-set and variable operation that takes one.
func TestSubsetVariableSetBodies(t *testing.T) {
	spec := loadSubset(t)
	varsetBody := `{"data":{"type":"varsets","attributes":{"name":"shared","global":false,"priority":true},
	  "relationships":{"workspaces":{"data":[{"type":"workspaces","id":"ws-1"}]},
	                   "parent":{"data":{"type":"projects","id":"prj-1"}}}}}`
	varBody := `{"data":{"type":"vars","attributes":{"key":"k","value":"v","category":"env"}}}`
	workspaces := `{"data":[{"type":"workspaces","id":"ws-1"}]}`
	projects := `{"data":[{"type":"projects","id":"prj-1"}]}`
	valid := []struct{ method, path, body string }{
		{"POST", "/organizations/my-org/varsets", varsetBody},
		{"PATCH", "/varsets/varset-1", varsetBody},
		{"POST", "/varsets/varset-1/relationships/vars", varBody},
		{"PATCH", "/varsets/varset-1/relationships/vars/var-1", varBody},
		{"PATCH", "/workspaces/ws-1/vars/var-1", `{"data":{"type":"vars","id":"var-1","attributes":{"value":null}}}`},
		{"POST", "/varsets/varset-1/relationships/workspaces", workspaces},
		{"DELETE", "/varsets/varset-1/relationships/workspaces", workspaces},
		{"POST", "/varsets/varset-1/relationships/projects", projects},
		{"DELETE", "/varsets/varset-1/relationships/projects", projects},
		{"POST", "/organizations", `{"data":{"type":"organizations","attributes":{"name":"my-org","email":"a@example.com"}}}`},
	}
	for _, tc := range valid {
		assert.NoError(t, spec.ValidateRequest(tc.method, tc.path, []byte(tc.body)), tc.method+" "+tc.path)
	}
	invalid := []struct{ method, path, body, want string }{
		{"POST", "/varsets/varset-1/relationships/workspaces", projects, `/data/0/type: value "projects" not in enum [workspaces]`},
		{"POST", "/varsets/varset-1/relationships/projects", `{"data":[{"type":"projects"}]}`, `/data/0/id: missing required property`},
		{"PATCH", "/workspaces/ws-1/vars/var-1", `{"data":{"type":"vars"}}`, `/data/attributes: missing required property`},
		{"POST", "/organizations", `{"data":{"type":"organizations"}}`, `/data/attributes: missing required property`},
	}
	for _, tc := range invalid {
		assert.ErrorContains(t, spec.ValidateRequest(tc.method, tc.path, []byte(tc.body)), tc.want, tc.method+" "+tc.path)
	}
	for _, path := range []string{"/workspaces/ws-1/all-vars", "/workspaces/ws-1/varsets", "/projects/prj-1/varsets"} {
		assert.ErrorIs(t, spec.ValidateRequest("GET", path, nil), ErrNoSchema, path)
	}
}
