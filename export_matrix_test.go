package tfe

import (
	"context"
	"strings"
)

// anyResource decodes a resource of the type the fault matrix's PUT
// answers, keeping nothing of it.
var anyResource = newDecoder(attributesOnly[struct{}]("varsets", nil))

// Test hooks for the fault matrix in the external test package tfe_test
// (SuiteLogger and PlantSecret are in export_test.go).

// SuiteLogContains reports whether the suite's debug sink holds s so far.
func SuiteLogContains(s string) bool { return strings.Contains(suiteLog.String(), s) }

// RawRequest sends method to path (relative to the base path, escaped)
// with payload as its JSON body through the client's one request path,
// c.do (rate limit, retries, logging), and decodes the answer as one
// JSON:API resource of any type.
//
// It exists for the fault matrix: no endpoint of this SDK uses PUT, yet
// the retry policy names PUT as safe to repeat, so the matrix drives PUT
// through this hook against the fake's PUT varsets/:id.
func RawRequest(c *Client, ctx context.Context, method, path string, payload any) error {
	_, err := requestOne(ctx, c, call{method: method, path: path, body: payload}, anyResource)
	return err
}
