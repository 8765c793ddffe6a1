package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// Preparing a run: the tfe-fake binary, the go-tfe copy and its test
// binary, and the list of tests.

// goCmd runs the go command in dir and returns its standard output; a
// failure carries the command's standard error.
func goCmd(ctx context.Context, dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out, nil
}

// goTFEEnv runs the go command for go-tfe, a module of its own: outside
// any workspace, resolving its requirements as they are.
var goTFEEnv = []string{"GOWORK=off", "GOFLAGS=-mod=mod"}

// moduleRoot is the directory of the tfe module this program runs in.
func moduleRoot(ctx context.Context) (string, error) {
	out, err := goCmd(ctx, "", nil, "list", "-m", "-f", "{{.Dir}}", "github.com/tfe-sdk/tfe")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// buildFake builds tfe-fake from the checkout at root into dir.
func buildFake(ctx context.Context, root, dir string) (string, error) {
	bin := filepath.Join(dir, "tfe-fake")
	_, err := goCmd(ctx, root, nil, "build", "-o", bin, "./tfetest/cmd/tfe-fake")
	return bin, err
}

// fetchGoTFE downloads go-tfe with the module tool and copies it to
// dir/go-tfe, writable, since the module cache is read-only.
func fetchGoTFE(ctx context.Context, dir string) (string, error) {
	out, err := goCmd(ctx, dir, goTFEEnv, "mod", "download", "-json", "github.com/hashicorp/go-tfe@"+goTFEVersion)
	if err != nil {
		return "", err
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil {
		return "", fmt.Errorf("go mod download: %v", err)
	}
	if info.Error != "" || info.Dir == "" {
		return "", fmt.Errorf("go mod download: %s", info.Error)
	}
	dst := filepath.Join(dir, "go-tfe")
	return dst, copyTree(info.Dir, dst)
}

// copyTree copies the regular files under src to dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// compileTests builds go-tfe's test binary in its copy at src.
func compileTests(ctx context.Context, src string) (string, error) {
	bin := filepath.Join(src, "go-tfe.test")
	_, err := goCmd(ctx, src, goTFEEnv, "test", "-c", "-o", bin, ".")
	return bin, err
}

// testCase is one top-level test of a go-tfe file.
type testCase struct {
	file, name string
}

var testFunc = regexp.MustCompile(`^func (Test\w+)\(\w+ \*testing\.T\)`)

// listTests reads the top-level test functions of files in src, in file
// order, keeping those run matches.
func listTests(src string, files []string, run *regexp.Regexp) ([]testCase, error) {
	var out []testCase
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			return nil, err
		}
		for _, name := range testNames(data) {
			if run.MatchString(name) {
				out = append(out, testCase{file: f, name: name})
			}
		}
	}
	return out, nil
}

// testNames returns the names of the top-level test functions in a Go
// source file.
func testNames(src []byte) []string {
	var names []string
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		if m := testFunc.FindStringSubmatch(sc.Text()); m != nil {
			names = append(names, m[1])
		}
	}
	return names
}
