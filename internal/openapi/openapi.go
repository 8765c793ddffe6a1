// Package openapi checks JSON bodies against the schemas of an OpenAPI 3
// document. The SDK's tests use it to show that every request body the SDK
// sends, and every response fixture it decodes, matches the official HCP
// Terraform / Terraform Enterprise API description.
//
// It implements the subset of OpenAPI 3.0 / JSON Schema that the TFE
// document uses: $ref (local, with cycle protection), type (including
// OpenAPI 3.1 type arrays), nullable, enum, const, required, properties,
// additionalProperties, items, allOf, oneOf, anyOf, format (only int32 and
// int64, which must be whole numbers in range), minimum, maximum, minItems,
// maxItems, minLength, maxLength and pattern. Other keywords, including
// readOnly and writeOnly, are ignored. Keywords next to a $ref are ignored,
// as OpenAPI 3.0 specifies.
//
// A schema with "nullable": true accepts null outright, even when its allOf,
// oneOf or anyOf members are not nullable; the TFE document relies on that
// for to-one relationships ({"data": null} clears one).
//
// A Spec is read-only once loaded and safe for concurrent use.
package openapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/big"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrNoSchema reports that an operation (or the chosen response) has no
// JSON body schema, so there is nothing to validate.
var ErrNoSchema = errors.New("openapi: no JSON body schema")

// ErrNotInSpec reports that the spec has no such path, method or response
// status. It is distinct from ErrNoSchema so a test cannot mistake a typo
// in a path for an operation that takes no body.
var ErrNotInSpec = errors.New("openapi: not in the spec")

// jsonContentTypes are the media types whose schema describes a JSON body,
// in order of preference.
var jsonContentTypes = []string{"application/vnd.api+json", "application/json"}

// apiPrefix is the base path of the TFE API, which the spec's paths omit.
const apiPrefix = "/api/v2"

// escapeToken and unescapeToken convert between names and JSON-pointer
// reference tokens (RFC 6901).
var (
	escapeToken   = strings.NewReplacer("~", "~0", "/", "~1")
	unescapeToken = strings.NewReplacer("~1", "/", "~0", "~")
)

// maxRefHops bounds chains of $ref between non-schema objects.
const maxRefHops = 32

// Spec is a loaded OpenAPI document.
type Spec struct {
	doc             map[string]any
	paths           map[string]any
	templates       []pathTemplate
	patterns        map[string]*regexp.Regexp
	skippedPatterns []string
}

// pathTemplate is one key of the document's "paths", split into segments.
type pathTemplate struct {
	raw      string
	segments []string
}

// Violation is one way a JSON document fails its schema.
type Violation struct {
	// Pointer is the RFC 6901 JSON pointer of the offending value ("" for
	// the whole document, "/data/type" for a member).
	Pointer string
	// Message says what is wrong.
	Message string
}

// String formats the violation as "<pointer>: <message>".
func (v Violation) String() string {
	if v.Pointer == "" {
		return "(root): " + v.Message
	}
	return v.Pointer + ": " + v.Message
}

// ValidationError lists every violation found in one body.
type ValidationError struct {
	// Subject names what was checked, e.g. "POST /varsets/{varset_id}
	// request body".
	Subject string
	// Violations are in the order the checks found them; object members
	// are visited by name.
	Violations []Violation
}

// Error lists the subject and then one violation per line.
func (e *ValidationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "openapi: %s has %d violation(s):", e.Subject, len(e.Violations))
	for _, v := range e.Violations {
		b.WriteString("\n  ")
		b.WriteString(v.String())
	}
	return b.String()
}

// Load reads an OpenAPI JSON document.
func Load(path string) (*Spec, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("openapi: %w", err)
	}
	decoded, err := decodeJSON(raw)
	if err != nil {
		return nil, fmt.Errorf("openapi: decode %s: %w", path, err)
	}
	doc, ok := decoded.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("openapi: %s is not a JSON object", path)
	}
	paths, ok := doc["paths"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("openapi: %s has no \"paths\" object", path)
	}
	s := &Spec{doc: doc, paths: paths, templates: splitTemplates(paths)}
	s.compilePatterns()
	return s, nil
}

// SkippedPatterns lists, sorted, each "pattern" in the document that Go's
// regexp package cannot compile, with the reason. Validation ignores them.
func (s *Spec) SkippedPatterns() []string {
	return slices.Clone(s.skippedPatterns)
}

// ValidateRequest checks body (JSON) against the request-body schema of
// method+path. path is a template exactly as in the spec
// ("/varsets/{varset_id}") or a concrete path ("/varsets/varset-abc",
// optionally prefixed with "/api/v2" and followed by a query string) that
// is matched against the templates segment by segment, literal segments
// winning over parameters. It returns a *ValidationError listing every
// violation with a JSON pointer, ErrNoSchema when the operation has no JSON
// request body schema, or an error wrapping ErrNotInSpec when the spec has
// no such operation. An empty body passes unless the body is required.
func (s *Spec) ValidateRequest(method, path string, body []byte) error {
	op, subject, err := s.operation(method, path)
	if err != nil {
		return err
	}
	requestBody, ok := s.resolveObject(op["requestBody"])
	if !ok {
		return ErrNoSchema
	}
	schema, ok := jsonSchema(requestBody)
	if !ok {
		return ErrNoSchema
	}
	required, _ := requestBody["required"].(bool)
	return s.validateBody(subject+" request body", schema, required, body)
}

// ValidateResponse checks body against the response schema for
// method+path+status (used to check fixtures), with the same conventions as
// ValidateRequest. The response is looked up by exact status, then by range
// ("2XX"), then "default"; an empty body is a violation.
func (s *Spec) ValidateResponse(method, path string, status int, body []byte) error {
	op, subject, err := s.operation(method, path)
	if err != nil {
		return err
	}
	response, err := s.response(op, status)
	if err != nil {
		return fmt.Errorf("%w: %s response %d", err, subject, status)
	}
	schema, ok := jsonSchema(response)
	if !ok {
		return ErrNoSchema
	}
	return s.validateBody(fmt.Sprintf("%s response %d body", subject, status), schema, true, body)
}

// operation finds the operation object for method and path and returns it
// with a subject such as "POST /varsets/{varset_id}" for messages.
func (s *Spec) operation(method, path string) (map[string]any, string, error) {
	template, ok := s.matchPath(path)
	if !ok {
		return nil, "", fmt.Errorf("%w: no path matches %q", ErrNotInSpec, path)
	}
	item, _ := s.resolveObject(s.paths[template])
	op, ok := item[strings.ToLower(method)].(map[string]any)
	subject := strings.ToUpper(method) + " " + template
	if !ok {
		return nil, "", fmt.Errorf("%w: no operation %s", ErrNotInSpec, subject)
	}
	return op, subject, nil
}

// response returns the response object declared for status.
func (s *Spec) response(op map[string]any, status int) (map[string]any, error) {
	responses, _ := s.resolveObject(op["responses"])
	code := strconv.Itoa(status)
	for _, key := range []string{code, code[:1] + "XX", code[:1] + "xx", "default"} {
		if response, ok := s.resolveObject(responses[key]); ok {
			return response, nil
		}
	}
	return nil, ErrNotInSpec
}

// jsonSchema returns the schema of the preferred JSON media type in the
// "content" of a request body or response object.
func jsonSchema(holder map[string]any) (map[string]any, bool) {
	content, _ := holder["content"].(map[string]any)
	for _, contentType := range jsonContentTypes {
		media, _ := content[contentType].(map[string]any)
		if schema, ok := media["schema"].(map[string]any); ok {
			return schema, true
		}
	}
	return nil, false
}

// validateBody decodes body and checks it against schema.
func (s *Spec) validateBody(subject string, schema map[string]any, required bool, body []byte) error {
	if len(bytes.TrimSpace(body)) == 0 {
		if !required {
			return nil
		}
		return &ValidationError{Subject: subject, Violations: []Violation{{Message: "body is empty but required"}}}
	}
	value, err := decodeJSON(body)
	if err != nil {
		return fmt.Errorf("openapi: %s is not valid JSON: %w", subject, err)
	}
	v := s.newValidator()
	v.validate(schema, value, "")
	if len(v.violations) == 0 {
		return nil
	}
	return &ValidationError{Subject: subject, Violations: v.violations}
}

// decodeJSON decodes exactly one JSON value, keeping numbers as
// json.Number so that large integers stay exact.
func decodeJSON(data []byte) (any, error) {
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber()
	var value any
	if err := decoder.Decode(&value); err != nil {
		return nil, err
	}
	if _, err := decoder.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("unexpected data after the JSON value")
	}
	return value, nil
}

// splitTemplates returns the document's path templates, sorted.
func splitTemplates(paths map[string]any) []pathTemplate {
	var templates []pathTemplate
	for _, raw := range slices.Sorted(maps.Keys(paths)) {
		templates = append(templates, pathTemplate{raw: raw, segments: strings.Split(raw, "/")})
	}
	return templates
}

// matchPath returns the path template that path names, trying it as is and
// then without the "/api/v2" prefix.
func (s *Spec) matchPath(path string) (string, bool) {
	path, _, _ = strings.Cut(path, "?")
	if template, ok := s.matchTemplate(path); ok {
		return template, true
	}
	if rest, ok := strings.CutPrefix(path, apiPrefix); ok {
		return s.matchTemplate(rest)
	}
	return "", false
}

// matchTemplate returns path itself if it is a template, or else the most
// specific template it matches segment by segment.
func (s *Spec) matchTemplate(path string) (string, bool) {
	if _, ok := s.paths[path]; ok {
		return path, true
	}
	segments := strings.Split(path, "/")
	best, bestScore := "", ""
	for _, t := range s.templates {
		if score, ok := t.match(segments); ok && score > bestScore {
			best, bestScore = t.raw, score
		}
	}
	return best, best != ""
}

// match reports whether segments fit the template. The score has one
// character per segment, "1" for a literal and "0" for a parameter, so a
// larger score (compared as strings) means literals earlier in the path.
func (t pathTemplate) match(segments []string) (string, bool) {
	if len(segments) != len(t.segments) {
		return "", false
	}
	score := make([]byte, len(segments))
	for i, want := range t.segments {
		switch {
		case want == segments[i]:
			score[i] = '1'
		case isParameter(want) && segments[i] != "":
			score[i] = '0'
		default:
			return "", false
		}
	}
	return string(score), true
}

// isParameter reports whether a template segment is "{name}".
func isParameter(segment string) bool {
	return len(segment) > 2 && strings.HasPrefix(segment, "{") && strings.HasSuffix(segment, "}")
}

// compilePatterns compiles every "pattern" string in the document once,
// recording those Go's regexp package rejects.
func (s *Spec) compilePatterns() {
	s.patterns = map[string]*regexp.Regexp{}
	walkObjects(s.doc, func(object map[string]any) {
		pattern, ok := object["pattern"].(string)
		if !ok {
			return
		}
		if _, seen := s.patterns[pattern]; seen {
			return
		}
		compiled, err := regexp.Compile(pattern)
		if err != nil {
			s.skippedPatterns = append(s.skippedPatterns, fmt.Sprintf("%q: %v", pattern, err))
		}
		s.patterns[pattern] = compiled
	})
	slices.Sort(s.skippedPatterns)
}

// walkObjects calls visit for every JSON object inside value.
func walkObjects(value any, visit func(map[string]any)) {
	switch v := value.(type) {
	case map[string]any:
		visit(v)
		for _, member := range v {
			walkObjects(member, visit)
		}
	case []any:
		for _, element := range v {
			walkObjects(element, visit)
		}
	}
}

// resolveObject returns value as an object, following $ref chains, for
// objects such as path items, request bodies and responses.
func (s *Spec) resolveObject(value any) (map[string]any, bool) {
	object, ok := value.(map[string]any)
	for hops := 0; ok && hops < maxRefHops; hops++ {
		ref, isRef := object["$ref"].(string)
		if !isRef {
			return object, true
		}
		object, ok = s.lookupRef(ref)
	}
	return nil, false
}

// lookupRef returns the object a local reference ("#/a/b") points to.
func (s *Spec) lookupRef(ref string) (map[string]any, bool) {
	fragment, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil, false
	}
	var current any = s.doc
	for _, token := range pointerTokens(fragment) {
		object, isObject := current.(map[string]any)
		if !isObject {
			return nil, false
		}
		current, ok = object[token]
		if !ok {
			return nil, false
		}
	}
	object, ok := current.(map[string]any)
	return object, ok
}

// pointerTokens splits a JSON pointer into unescaped reference tokens.
func pointerTokens(pointer string) []string {
	if pointer == "" {
		return nil
	}
	tokens := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	for i, token := range tokens {
		tokens[i] = unescapeToken.Replace(token)
	}
	return tokens
}

// childPointer appends one escaped reference token to a JSON pointer.
func childPointer(pointer, token string) string {
	return pointer + "/" + escapeToken.Replace(token)
}

// validator walks one value against one schema and collects violations.
type validator struct {
	spec *Spec
	// expanding holds "$ref@pointer" pairs being expanded, to stop a
	// reference that leads back to itself without consuming any data.
	expanding  map[string]bool
	violations []Violation
}

// newValidator returns a validator with no violations.
func (s *Spec) newValidator() *validator {
	return &validator{spec: s, expanding: map[string]bool{}}
}

// report records a violation at pointer.
func (v *validator) report(pointer, format string, args ...any) {
	v.violations = append(v.violations, Violation{Pointer: pointer, Message: fmt.Sprintf(format, args...)})
}

// validate checks value, found at pointer, against schema.
func (v *validator) validate(schema map[string]any, value any, pointer string) {
	if ref, ok := schema["$ref"].(string); ok {
		v.validateRef(ref, value, pointer)
		return
	}
	if value == nil && schema["nullable"] == true {
		return
	}
	if !v.checkType(schema, value, pointer) {
		return
	}
	v.checkEnum(schema, value, pointer)
	v.checkConst(schema, value, pointer)
	switch value := value.(type) {
	case map[string]any:
		v.checkObject(schema, value, pointer)
	case []any:
		v.checkArray(schema, value, pointer)
	case string:
		v.checkString(schema, value, pointer)
	case json.Number:
		v.checkNumber(schema, value, pointer)
	}
	v.checkAllOf(schema, value, pointer)
	v.checkAnyOf(schema, value, pointer)
	v.checkOneOf(schema, value, pointer)
}

// validateRef checks value against the schema ref points to.
func (v *validator) validateRef(ref string, value any, pointer string) {
	key := ref + "@" + pointer
	if v.expanding[key] {
		v.report(pointer, "$ref cycle through %s", ref)
		return
	}
	target, ok := v.spec.lookupRef(ref)
	if !ok {
		v.report(pointer, "unresolvable $ref %s", ref)
		return
	}
	v.expanding[key] = true
	defer delete(v.expanding, key)
	v.validate(target, value, pointer)
}

// schemaTypes returns the "type" of schema as a list: empty when absent,
// one name for OpenAPI 3.0, any number for an OpenAPI 3.1 type array.
func schemaTypes(schema map[string]any) []string {
	switch t := schema["type"].(type) {
	case string:
		return []string{t}
	case []any:
		var names []string
		for _, name := range t {
			if s, ok := name.(string); ok {
				names = append(names, s)
			}
		}
		return names
	}
	return nil
}

// checkType reports a violation and returns false when value has none of
// the schema's types.
func (v *validator) checkType(schema map[string]any, value any, pointer string) bool {
	types := schemaTypes(schema)
	if len(types) == 0 || slices.ContainsFunc(types, func(t string) bool { return hasType(value, t) }) {
		return true
	}
	v.report(pointer, "expected %s, got %s", strings.Join(types, " or "), typeName(value))
	return false
}

// hasType reports whether value is of the JSON Schema type name.
func hasType(value any, name string) bool {
	switch name {
	case "null":
		return value == nil
	case "object":
		_, ok := value.(map[string]any)
		return ok
	case "array":
		_, ok := value.([]any)
		return ok
	case "string":
		_, ok := value.(string)
		return ok
	case "boolean":
		_, ok := value.(bool)
		return ok
	case "number":
		_, ok := value.(json.Number)
		return ok
	case "integer":
		n, ok := value.(json.Number)
		return ok && isWhole(n)
	}
	return false
}

// typeName names the JSON type of a decoded value for messages.
func typeName(value any) string {
	switch value := value.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case json.Number:
		if isWhole(value) {
			return "integer"
		}
	}
	return "number"
}

// checkEnum reports value when the schema's enum does not list it.
func (v *validator) checkEnum(schema map[string]any, value any, pointer string) {
	allowed, ok := schema["enum"].([]any)
	if !ok || slices.ContainsFunc(allowed, func(a any) bool { return jsonEqual(a, value) }) {
		return
	}
	v.report(pointer, "value %s not in enum %s", formatValue(value), formatEnum(allowed))
}

// checkConst reports value when it differs from the schema's const.
func (v *validator) checkConst(schema map[string]any, value any, pointer string) {
	want, ok := schema["const"]
	if !ok || jsonEqual(want, value) {
		return
	}
	v.report(pointer, "value %s is not the constant %s", formatValue(value), formatValue(want))
}

// checkObject applies required, properties and additionalProperties.
func (v *validator) checkObject(schema map[string]any, object map[string]any, pointer string) {
	required, _ := schema["required"].([]any)
	for _, name := range required {
		if name, ok := name.(string); ok {
			if _, present := object[name]; !present {
				v.report(childPointer(pointer, name), "missing required property")
			}
		}
	}
	properties, _ := schema["properties"].(map[string]any)
	for _, name := range slices.Sorted(maps.Keys(object)) {
		member := childPointer(pointer, name)
		if property, ok := properties[name].(map[string]any); ok {
			v.validate(property, object[name], member)
			continue
		}
		v.checkAdditional(schema["additionalProperties"], object[name], member)
	}
}

// checkAdditional applies additionalProperties to one undeclared member.
func (v *validator) checkAdditional(additional, value any, pointer string) {
	switch additional := additional.(type) {
	case bool:
		if !additional {
			v.report(pointer, "property not allowed (additionalProperties is false)")
		}
	case map[string]any:
		v.validate(additional, value, pointer)
	}
}

// checkArray applies minItems, maxItems and items.
func (v *validator) checkArray(schema map[string]any, array []any, pointer string) {
	v.checkBounds(schema, "minItems", "maxItems", len(array), "item count", pointer)
	items, ok := schema["items"].(map[string]any)
	if !ok {
		return
	}
	for i, element := range array {
		v.validate(items, element, childPointer(pointer, strconv.Itoa(i)))
	}
}

// checkString applies minLength, maxLength (in characters) and pattern.
func (v *validator) checkString(schema map[string]any, s string, pointer string) {
	v.checkBounds(schema, "minLength", "maxLength", utf8.RuneCountInString(s), "length", pointer)
	pattern, ok := schema["pattern"].(string)
	if !ok {
		return
	}
	if compiled := v.spec.patterns[pattern]; compiled != nil && !compiled.MatchString(s) {
		v.report(pointer, "value %s does not match pattern %q", formatValue(s), pattern)
	}
}

// checkBounds reports count when it is outside the schema's minKey and
// maxKey limits; what names the counted quantity in messages.
func (v *validator) checkBounds(schema map[string]any, minKey, maxKey string, count int, what, pointer string) {
	if limit, ok := integerKeyword(schema, minKey); ok && int64(count) < limit {
		v.report(pointer, "%s %d is less than %s %d", what, count, minKey, limit)
	}
	if limit, ok := integerKeyword(schema, maxKey); ok && int64(count) > limit {
		v.report(pointer, "%s %d is more than %s %d", what, count, maxKey, limit)
	}
}

// integerKeyword returns the integer value of a schema keyword.
func integerKeyword(schema map[string]any, key string) (int64, bool) {
	n, ok := schema[key].(json.Number)
	if !ok {
		return 0, false
	}
	limit, err := n.Int64()
	return limit, err == nil
}

// intFormatRanges are the integer formats whose values must be whole
// numbers within these bounds.
var intFormatRanges = map[string][2]*big.Rat{
	"int32": {big.NewRat(-1<<31, 1), big.NewRat(1<<31-1, 1)},
	"int64": {new(big.Rat).SetInt64(-1 << 63), new(big.Rat).SetInt64(1<<63 - 1)},
}

// checkNumber applies minimum, maximum and the int32/int64 formats.
func (v *validator) checkNumber(schema map[string]any, n json.Number, pointer string) {
	value, ok := parseNumber(n)
	if !ok {
		v.report(pointer, "number %s cannot be parsed", n)
		return
	}
	if limit, ok := numberKeyword(schema, "minimum"); ok && value.Cmp(limit) < 0 {
		v.report(pointer, "value %s is less than minimum %s", n, schema["minimum"])
	}
	if limit, ok := numberKeyword(schema, "maximum"); ok && value.Cmp(limit) > 0 {
		v.report(pointer, "value %s is more than maximum %s", n, schema["maximum"])
	}
	format, _ := schema["format"].(string)
	bounds, ok := intFormatRanges[format]
	switch {
	case !ok:
	case !value.IsInt():
		v.report(pointer, "value %s is not a whole number (format %s)", n, format)
	case value.Cmp(bounds[0]) < 0 || value.Cmp(bounds[1]) > 0:
		v.report(pointer, "value %s is out of range for format %s", n, format)
	}
}

// numberKeyword returns the numeric value of a schema keyword.
func numberKeyword(schema map[string]any, key string) (*big.Rat, bool) {
	n, ok := schema[key].(json.Number)
	if !ok {
		return nil, false
	}
	return parseNumber(n)
}

// parseNumber converts a JSON number to an exact rational.
func parseNumber(n json.Number) (*big.Rat, bool) {
	return new(big.Rat).SetString(string(n))
}

// isWhole reports whether a JSON number has no fractional part.
func isWhole(n json.Number) bool {
	value, ok := parseNumber(n)
	return ok && value.IsInt()
}

// checkAllOf checks value against every member of allOf.
func (v *validator) checkAllOf(schema map[string]any, value any, pointer string) {
	members, _ := schema["allOf"].([]any)
	for _, member := range members {
		if member, ok := member.(map[string]any); ok {
			v.validate(member, value, pointer)
		}
	}
}

// checkAnyOf reports value when it matches no member of anyOf.
func (v *validator) checkAnyOf(schema map[string]any, value any, pointer string) {
	members, ok := schema["anyOf"].([]any)
	if !ok {
		return
	}
	matched, failures := v.tryEach(members, value, pointer)
	if len(matched) == 0 {
		v.report(pointer, "value matches none of the %d anyOf schemas: %s", len(members), failures)
	}
}

// checkOneOf reports value unless it matches exactly one member of oneOf.
func (v *validator) checkOneOf(schema map[string]any, value any, pointer string) {
	members, ok := schema["oneOf"].([]any)
	if !ok {
		return
	}
	matched, failures := v.tryEach(members, value, pointer)
	switch len(matched) {
	case 1:
	case 0:
		v.report(pointer, "value matches none of the %d oneOf schemas: %s", len(members), failures)
	default:
		v.report(pointer, "value matches %d oneOf schemas %v; exactly one must match", len(matched), matched)
	}
}

// tryEach checks value against each member on its own. It returns the
// indexes of the members that accept value and a summary of why the
// others do not.
func (v *validator) tryEach(members []any, value any, pointer string) ([]int, string) {
	var matched []int
	var failures []string
	for i, member := range members {
		member, _ := member.(map[string]any)
		trial := &validator{spec: v.spec, expanding: v.expanding}
		trial.validate(member, value, pointer)
		if len(trial.violations) == 0 {
			matched = append(matched, i)
			continue
		}
		failures = append(failures, fmt.Sprintf("#%d: %s", i, joinViolations(trial.violations)))
	}
	return matched, strings.Join(failures, "; ")
}

// joinViolations formats violations on one line.
func joinViolations(violations []Violation) string {
	parts := make([]string, len(violations))
	for i, violation := range violations {
		parts[i] = violation.String()
	}
	return strings.Join(parts, ", ")
}

// jsonEqual reports whether two decoded JSON values are equal, comparing
// numbers by value.
func jsonEqual(a, b any) bool {
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		return ok && maps.EqualFunc(a, b, jsonEqual)
	case []any:
		b, ok := b.([]any)
		return ok && slices.EqualFunc(a, b, jsonEqual)
	case json.Number:
		b, ok := b.(json.Number)
		return ok && numbersEqual(a, b)
	case nil, string, bool:
		return a == b
	}
	return false
}

// numbersEqual compares two JSON numbers by value ("1.0" equals "1").
func numbersEqual(a, b json.Number) bool {
	x, okA := parseNumber(a)
	y, okB := parseNumber(b)
	return okA && okB && x.Cmp(y) == 0
}

// formatValue renders a decoded JSON value as JSON for messages. Values
// produced by decodeJSON always encode.
func formatValue(value any) string {
	encoded, _ := json.Marshal(value)
	return string(encoded)
}

// formatEnum renders enum members as [a b c]: bare words when every
// member is a string, JSON otherwise so that 1 and "1" stay distinct.
func formatEnum(members []any) string {
	parts := make([]string, len(members))
	for i, member := range members {
		parts[i] = formatValue(member)
	}
	if slices.ContainsFunc(members, isNotString) {
		return "[" + strings.Join(parts, " ") + "]"
	}
	for i, member := range members {
		parts[i] = member.(string)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// isNotString reports whether a decoded JSON value is not a string.
func isNotString(value any) bool {
	_, ok := value.(string)
	return !ok
}
