package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"text/tabwriter"
)

// measure prepares the binaries, runs the tests and prints the report to
// out; progress goes to progress.
func measure(ctx context.Context, o options, out, progress io.Writer) error {
	root, err := moduleRoot(ctx)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "tfe-conformance-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Fprintln(progress, "work directory:", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	fakeBin := o.fake
	if fakeBin == "" {
		fmt.Fprintln(progress, "building tfe-fake from", root)
		if fakeBin, err = buildFake(ctx, root, dir); err != nil {
			return err
		}
	}
	fmt.Fprintln(progress, "fetching go-tfe", goTFEVersion)
	src, err := fetchGoTFE(ctx, dir)
	if err != nil {
		return err
	}
	fmt.Fprintln(progress, "compiling go-tfe's tests")
	testBin, err := compileTests(ctx, src)
	if err != nil {
		return err
	}
	tests, err := listTests(src, testFiles, o.run)
	if err != nil {
		return err
	}
	fmt.Fprintf(progress, "running %d tests, %d at a time\n", len(tests), o.parallel)
	results := runAll(ctx, tests, o, func(tc testCase) result {
		res := runTest(ctx, fakeBin, testBin, src, tc, o.timeout)
		fmt.Fprintf(progress, "%-4s %s (%.1fs)\n", res.verdict, tc.name, res.elapsed.Seconds())
		if o.keep {
			_ = os.WriteFile(filepath.Join(dir, tc.name+".out"), []byte(res.output), 0o644)
		}
		return res
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	report(out, results, o)
	return nil
}

// runAll runs each test with fn, up to o.parallel at once, and returns the
// results in the order of tests.
func runAll(ctx context.Context, tests []testCase, o options, fn func(testCase) result) []result {
	results := make([]result, len(tests))
	sem := make(chan struct{}, o.parallel)
	var wg sync.WaitGroup
	for i, tc := range tests {
		if ctx.Err() != nil {
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			results[i] = fn(tc)
		}()
	}
	wg.Wait()
	return results
}

// tally counts the verdicts of one file.
type tally struct {
	file             string
	pass, fail, skip int
}

func (t *tally) add(v verdict) {
	switch v {
	case pass:
		t.pass++
	case skip:
		t.skip++
	default:
		t.fail++
	}
}

// tallies counts the results per file, in the order of testFiles, with a
// total last.
func tallies(results []result) []tally {
	byFile := map[string]*tally{}
	total := tally{file: "total"}
	for _, r := range results {
		if r.name == "" {
			continue // not run: interrupted
		}
		t := byFile[r.file]
		if t == nil {
			t = &tally{file: r.file}
			byFile[r.file] = t
		}
		t.add(r.verdict)
		total.add(r.verdict)
	}
	var out []tally
	for _, f := range testFiles {
		if t := byFile[f]; t != nil {
			out = append(out, *t)
		}
	}
	return append(out, total)
}

// report prints the table per file and then each failure with the first
// lines of its output.
func report(w io.Writer, results []result, o options) {
	ts := tallies(results)
	if o.markdown {
		fmt.Fprintln(w, "| go-tfe test file | pass | fail | skip |")
		fmt.Fprintln(w, "| --- | ---: | ---: | ---: |")
		for _, t := range ts {
			name := "`" + t.file + "`"
			if t.file == "total" {
				name = "**total**"
			}
			fmt.Fprintf(w, "| %s | %d | %d | %d |\n", name, t.pass, t.fail, t.skip)
		}
	} else {
		tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "file\tpass\tfail\tskip\t")
		for _, t := range ts {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", t.file, t.pass, t.fail, t.skip)
		}
		_ = tw.Flush()
	}
	total := ts[len(ts)-1]
	fmt.Fprintf(w, "\n%d of %d top-level tests pass (%d fail, %d skip).\n",
		total.pass, total.pass+total.fail+total.skip, total.fail, total.skip)
	var failed, skipped []result
	for _, r := range results {
		switch {
		case r.name != "" && r.verdict == fail:
			failed = append(failed, r)
		case r.name != "" && r.verdict == skip:
			skipped = append(skipped, r)
		}
	}
	if len(skipped) > 0 {
		fmt.Fprintln(w, "\nSkipped:")
		for _, r := range skipped {
			fmt.Fprintf(w, "  %s (%s): %s\n", r.name, r.file, skipReason(r.output))
		}
	}
	if len(failed) == 0 {
		return
	}
	fmt.Fprintln(w, "\nFailures:")
	for _, r := range failed {
		fmt.Fprintf(w, "\n%s (%s)\n", r.name, r.file)
		for _, line := range excerpt(r.output, o.lines) {
			fmt.Fprintln(w, "    "+strings.TrimSpace(line))
		}
	}
}
