// Command extract copies a small, self-contained subset of the HCP
// Terraform / Terraform Enterprise OpenAPI document into the repository's
// testdata, so that tests never depend on a file outside the module.
//
// The subset holds the "openapi" and "info" fields, the path items listed
// in wantedPaths (every operation of each), every path that has one of the
// segments in wantedSegments, and, transitively, every "#/components/..."
// entry those path items reference through "$ref". Nothing else is copied.
// A top-level "x-extracted-from" note names the source file and the paths.
//
// Usage:
//
//	go run ./internal/openapi/cmd/extract \
//	    -in path/to/tfe-openapi-v2-beta.json \
//	    -out testdata/openapi/tfe-subset.json
//
// where -in is HashiCorp's published OpenAPI description of the API (v2
// beta).
//
// The subset is committed; the Makefile does not run this program.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// wantedPaths are the path templates copied verbatim; each must exist.
var wantedPaths = []string{
	"/workspaces/{workspace_id}/vars",
	"/workspaces/{workspace_id}/vars/{id}",
	"/workspaces/{workspace_id}/all-vars",
	"/organizations/{organization_name}/varsets",
	"/varsets/{varset_id}",
	"/varsets/{varset_id}/relationships/vars",
	"/varsets/{varset_id}/relationships/vars/{id}",
	"/varsets/{varset_id}/relationships/workspaces",
	"/varsets/{varset_id}/relationships/projects",
	"/varsets/{varset_id}/relationships/stacks",
	"/workspaces/{workspace_id}/varsets",
	"/projects/{project_id}/varsets",
	"/organizations",
	"/organizations/{organization_name}",
	"/organizations/{organization_name}/token-ttl-policies",
	"/organizations/{organization_name}/relationships/data-retention-policy",
	"/organizations/{organization_name}/workspaces",
	"/organizations/{organization_name}/workspaces/{workspace_name}",
	"/workspaces/{workspace_id}",
	"/workspaces/{workspace_id}/actions/safe-delete",
	"/organizations/{organization_name}/projects",
	"/projects/{project_id}",
}

// wantedSegments selects any further path that has one of these segments.
// The spec may have no such path; the program reports what it found.
var wantedSegments = []string{"smtp-settings", "no-code-modules", "registry-modules"}

// componentsPrefix is the only kind of reference the subset resolves.
const componentsPrefix = "#/components/"

// source is the part of the OpenAPI document the program reads. Values stay
// raw so that copied entries keep their original key order.
type source struct {
	OpenAPI    json.RawMessage                       `json:"openapi"`
	Info       json.RawMessage                       `json:"info"`
	Paths      map[string]json.RawMessage            `json:"paths"`
	Components map[string]map[string]json.RawMessage `json:"components"`
}

// subset is the document the program writes, fields in output order.
type subset struct {
	OpenAPI       json.RawMessage                       `json:"openapi"`
	Info          json.RawMessage                       `json:"info"`
	ExtractedFrom extractionNote                        `json:"x-extracted-from"`
	Paths         map[string]json.RawMessage            `json:"paths"`
	Components    map[string]map[string]json.RawMessage `json:"components"`
}

// extractionNote records where the subset came from.
type extractionNote struct {
	Source string   `json:"source"`
	Paths  []string `json:"paths"`
}

// main parses the flags and runs the extraction.
func main() {
	in := flag.String("in", "", "path of the full OpenAPI JSON document")
	out := flag.String("out", "", "path of the subset to write")
	flag.Parse()
	if *in == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "extract:", err)
		os.Exit(1)
	}
}

// run reads the document at in and writes its subset to out.
func run(in, out string) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var src source
	if err := json.Unmarshal(raw, &src); err != nil {
		return fmt.Errorf("decode %s: %w", in, err)
	}
	paths, err := selectPaths(src.Paths)
	if err != nil {
		return err
	}
	doc, err := buildSubset(src, paths, filepath.Base(in))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(out, encodeReadably(doc), 0o644)
}

// encodeReadably pretty-prints doc, leaving "<", ">" and "&" unescaped.
func encodeReadably(doc subset) []byte {
	var buf bytes.Buffer
	encoder := json.NewEncoder(&buf)
	encoder.SetEscapeHTML(false)
	encoder.SetIndent("", "  ")
	if err := encoder.Encode(doc); err != nil {
		panic(err) // doc holds only values that were just decoded
	}
	return buf.Bytes()
}

// selectPaths returns the sorted paths to copy: every wanted path (an
// error if one is missing) plus every path with a wanted segment.
func selectPaths(all map[string]json.RawMessage) ([]string, error) {
	var selected []string
	for _, p := range wantedPaths {
		if _, ok := all[p]; !ok {
			return nil, fmt.Errorf("path %q not in the document", p)
		}
		selected = append(selected, p)
	}
	for _, segment := range wantedSegments {
		found := pathsWithSegment(all, segment)
		fmt.Fprintf(os.Stderr, "segment %q: %d path(s) %q\n", segment, len(found), found)
		selected = append(selected, found...)
	}
	slices.Sort(selected)
	return slices.Compact(selected), nil
}

// pathsWithSegment returns the sorted paths that have segment as one of
// their "/"-separated parts.
func pathsWithSegment(all map[string]json.RawMessage, segment string) []string {
	var found []string
	for p := range all {
		if slices.Contains(strings.Split(p, "/"), segment) {
			found = append(found, p)
		}
	}
	slices.Sort(found)
	return found
}

// buildSubset copies the chosen path items and the closure of the
// components they reference.
func buildSubset(src source, paths []string, sourceName string) (subset, error) {
	doc := subset{
		OpenAPI:       src.OpenAPI,
		Info:          src.Info,
		ExtractedFrom: extractionNote{Source: sourceName, Paths: paths},
		Paths:         map[string]json.RawMessage{},
		Components:    map[string]map[string]json.RawMessage{},
	}
	var pending []string
	for _, p := range paths {
		doc.Paths[p] = src.Paths[p]
		refs, err := collectRefs(src.Paths[p])
		if err != nil {
			return subset{}, fmt.Errorf("path %s: %w", p, err)
		}
		pending = append(pending, refs...)
	}
	for len(pending) > 0 {
		ref := pending[len(pending)-1]
		pending = pending[:len(pending)-1]
		refs, err := copyComponent(src.Components, doc.Components, ref)
		if err != nil {
			return subset{}, err
		}
		pending = append(pending, refs...)
	}
	return doc, nil
}

// copyComponent copies the entry named by ref into dst unless it is already
// there, and returns the references found inside the newly copied entry.
func copyComponent(src, dst map[string]map[string]json.RawMessage, ref string) ([]string, error) {
	kind, name, err := splitComponentRef(ref)
	if err != nil {
		return nil, err
	}
	if _, done := dst[kind][name]; done {
		return nil, nil
	}
	entry, ok := src[kind][name]
	if !ok {
		return nil, fmt.Errorf("reference %q does not resolve", ref)
	}
	if dst[kind] == nil {
		dst[kind] = map[string]json.RawMessage{}
	}
	dst[kind][name] = entry
	return collectRefs(entry)
}

// splitComponentRef splits "#/components/<kind>/<name>" into kind and
// name, unescaping JSON-pointer tokens.
func splitComponentRef(ref string) (kind, name string, err error) {
	rest, ok := strings.CutPrefix(ref, componentsPrefix)
	if !ok {
		return "", "", fmt.Errorf("reference %q is not under %s", ref, componentsPrefix)
	}
	kind, name, ok = strings.Cut(rest, "/")
	if !ok || strings.Contains(name, "/") {
		return "", "", fmt.Errorf("reference %q does not name one component", ref)
	}
	unescape := strings.NewReplacer("~1", "/", "~0", "~")
	return unescape.Replace(kind), unescape.Replace(name), nil
}

// collectRefs returns every "$ref" string value anywhere inside raw.
func collectRefs(raw json.RawMessage) ([]string, error) {
	var value any
	if err := json.Unmarshal(raw, &value); err != nil {
		return nil, err
	}
	var refs []string
	walkRefs(value, func(ref string) { refs = append(refs, ref) })
	return refs, nil
}

// walkRefs calls found for each "$ref" string member of value's objects.
func walkRefs(value any, found func(string)) {
	switch v := value.(type) {
	case map[string]any:
		if ref, ok := v["$ref"].(string); ok {
			found(ref)
		}
		for _, member := range v {
			walkRefs(member, found)
		}
	case []any:
		for _, element := range v {
			walkRefs(element, found)
		}
	}
}
