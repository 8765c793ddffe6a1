// Command compare runs every benchmark scenario of tfe and go-tfe in one
// process, against the same in-process fake API, and prints the
// comparison table that BENCHMARKS.md quotes. Run it with make bench at
// the repository root (or go run ./cmd/compare in benchmarks/).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/tfe-sdk/tfe/benchmarks"
	"github.com/tfe-sdk/tfe/tfetest"
)

func main() {
	testing.Init()
	benchtime := flag.String("benchtime", "250ms", "run time of each per-call benchmark (testing's -benchtime syntax)")
	rounds := flag.Int("rounds", 5, "interleaved rounds of the per-call benchmarks; the table shows each figure's median")
	starts := flag.Int("starts", 50, "client starts measured per SDK")
	bulk := flag.Int("bulk", 300, "variables created in the bulk scenario against a token bucket")
	strict := flag.Int("strict", 150, "variables created in each bulk scenario against a strict server (no burst, fixed window)")
	workers := flag.Int("workers", 10, "goroutines of the bulk scenario")
	limit := flag.Int("limit", 30, "requests/second per token the bulk scenario's server enforces")
	sets := flag.Int("sets", 1000, "variable sets in the listing scenario")
	lists := flag.Int("lists", 10, "listings measured per SDK")
	skipBulk := flag.Bool("skip-bulk", false, "skip the bulk scenarios (about 45 s)")
	flag.Parse()
	if err := flag.Set("test.benchtime", *benchtime); err != nil {
		fatal(err)
	}
	started := time.Now()
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()

	header(out)
	perCall(out, *rounds)
	clientStart(out, *starts)
	if !*skipBulk {
		bulkCreates(out, *bulk, *strict, *workers, *limit)
	}
	listing(out, *sets, *lists)
	fmt.Fprintf(out, "\ncompare ran in %.1fs\n", time.Since(started).Seconds())
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "compare:", err)
	os.Exit(1)
}

// header names the run: versions, machine.
func header(w io.Writer) {
	goTFE := "?"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/hashicorp/go-tfe" {
				goTFE = d.Version
			}
		}
	}
	fmt.Fprintln(w, "tfe (this repository) vs github.com/hashicorp/go-tfe "+goTFE+": one run, one process, the same in-process fake API (tfetest)")
	fmt.Fprintf(w, "%s %s/%s, %d CPUs (GOMAXPROCS %d), %s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH,
		runtime.NumCPU(), runtime.GOMAXPROCS(0), cpuModel())
}

// cpuModel is the first "model name" of /proc/cpuinfo.
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "CPU model unknown"
	}
	for line := range strings.Lines(string(b)) {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "CPU model unknown"
}

type figures struct{ ns, cpu, bytes, allocs float64 }

func run(env *benchmarks.Env, f func(*testing.B)) figures {
	r := testing.Benchmark(f)
	if err := env.Err(); err != nil {
		fatal(err)
	}
	if r.N == 0 {
		fatal(fmt.Errorf("a benchmark did not run"))
	}
	n := float64(r.N)
	return figures{float64(r.T.Nanoseconds()) / n, float64(env.LastCPU().Nanoseconds()) / n, float64(r.MemBytes) / n, float64(r.MemAllocs) / n}
}

func ratio(a, b figures) figures {
	return figures{a.ns / b.ns, a.cpu / b.cpu, a.bytes / b.bytes, a.allocs / b.allocs}
}

// summarize is, across rounds, the best (lowest) wall time, which
// filters out the other loads of a shared machine, and the median of the
// other figures.
func summarize(rounds []figures) figures {
	pick := func(get func(figures) float64) float64 {
		v := make([]float64, len(rounds))
		for i, r := range rounds {
			v[i] = get(r)
		}
		slices.Sort(v)
		if len(v)%2 == 1 {
			return v[len(v)/2]
		}
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	best := rounds[0].ns
	for _, r := range rounds {
		best = min(best, r.ns)
	}
	return figures{
		best,
		pick(func(f figures) float64 { return f.cpu }),
		pick(func(f figures) float64 { return f.bytes }),
		pick(func(f figures) float64 { return f.allocs }),
	}
}

// The per-call measurements, in the order each round runs them.
type measure int

const (
	fakeOurs measure = iota
	fakeTheirs
	cannedOurs
	cannedTheirs
	floorDecode
	floorTrip
	measures
)

// perCall runs the per-call benchmarks and prints section 1: for each
// call, rounds rounds of every measurement in turn (so both SDKs see the
// same machine conditions), summarized by summarize.
func perCall(w io.Writer, rounds int) {
	env, err := benchmarks.NewEnv()
	if err != nil {
		fatal(err)
	}
	defer env.Close()
	fmt.Fprintf(w, "\n1. Per call: testing.Benchmark, -benchtime %s, %d interleaved rounds. ns/op: wall time, the best round;\n",
		flag.Lookup("test.benchtime").Value, rounds)
	fmt.Fprintln(w, "   CPU ns/op (user+system), B/op, allocs/op: the median round, counting the whole process (fake server, handler")
	fmt.Fprintln(w, "   and GC included). The canned answer replays the fake's bytes from a minimal handler: the client-side figure.")
	fmt.Fprintln(w, "   Ratios below 1 favour tfe. Floor: the same bytes decoded by encoding/json into plain structs; + round trip:")
	fmt.Fprintln(w, "   fetched with bare net/http from the canned handler.")
	row := func(label, what string, f figures, isRatio bool) {
		if isRatio {
			fmt.Fprintf(w, "%-16s %-28s %10.2fx %10.2fx %10.2fx %10.2fx\n", label, what, f.ns, f.cpu, f.bytes, f.allocs)
			return
		}
		fmt.Fprintf(w, "%-16s %-28s %11s %11s %11s %11s\n", label, what, group(f.ns), group(f.cpu), group(f.bytes), group(f.allocs))
	}
	for _, call := range benchmarks.Calls {
		bodies := []func(*testing.B){
			fakeOurs:     env.Bench(benchmarks.Ours, benchmarks.Fake, call),
			fakeTheirs:   env.Bench(benchmarks.GoTFE, benchmarks.Fake, call),
			cannedOurs:   env.Bench(benchmarks.Ours, benchmarks.Canned, call),
			cannedTheirs: env.Bench(benchmarks.GoTFE, benchmarks.Canned, call),
			floorDecode:  env.FloorBench(call, false),
			floorTrip:    env.FloorBench(call, true),
		}
		got := make([][]figures, measures)
		for range rounds {
			for m := range measures {
				got[m] = append(got[m], run(env, bodies[m]))
			}
		}
		med := make([]figures, measures)
		for m := range measures {
			med[m] = summarize(got[m])
		}
		fmt.Fprintf(w, "\n%-45s %11s %11s %11s %11s\n", call, "ns/op", "CPU ns/op", "B/op", "allocs/op")
		row("  fake API", "tfe", med[fakeOurs], false)
		row("", "go-tfe", med[fakeTheirs], false)
		row("", "tfe / go-tfe", ratio(med[fakeOurs], med[fakeTheirs]), true)
		row("  canned answer", "tfe", med[cannedOurs], false)
		row("", "go-tfe", med[cannedTheirs], false)
		row("", "tfe / go-tfe", ratio(med[cannedOurs], med[cannedTheirs]), true)
		what := "decode only"
		if call == benchmarks.CreateVariable {
			what = "encode + decode"
		}
		row("  floor", what, med[floorDecode], false)
		row("", "+ net/http round trip", med[floorTrip], false)
		row("", "canned tfe / floor+trip", ratio(med[cannedOurs], med[floorTrip]), true)
		row("", "canned go-tfe / floor+trip", ratio(med[cannedTheirs], med[floorTrip]), true)
	}
}

// clientStart prints section 2.
func clientStart(w io.Writer, runs int) {
	fmt.Fprintf(w, "\n2. Client start: construct with defaults, then the first call (Variables.List of a 1-variable workspace);\n")
	fmt.Fprintf(w, "   a fresh connection pool each time; the fake's ping announces 30 requests/s. Median of %d starts.\n", runs)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "SDK\trequests at construction\trequests to first answer\tmedian\tmin\t")
	var med, best [2]time.Duration
	for i, sdk := range []benchmarks.SDK{benchmarks.Ours, benchmarks.GoTFE} {
		r, err := benchmarks.ClientStart(sdk, runs)
		if err != nil {
			fatal(err)
		}
		med[i], best[i] = r.Median, r.Min
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t\n", sdk, r.AtConstruction, r.ToFirstAnswer, micro(r.Median), micro(r.Min))
	}
	fmt.Fprintf(tw, "tfe / go-tfe\t\t\t%.2fx\t%.2fx\t\n", float64(med[0])/float64(med[1]), float64(best[0])/float64(best[1]))
	tw.Flush()
}

// bulkCreates prints section 3: n creates against a token bucket, strict
// creates against each strict server.
func bulkCreates(w io.Writer, n, strict, workers, limit int) {
	fmt.Fprintf(w, "\n3. Bulk: Variables.Create (distinct keys) from %d goroutines; the fake enforces %d requests/s per token, 429\n", workers, limit)
	fmt.Fprintln(w, "   with X-RateLimit-Reset beyond. Each SDK's default rate limiting and retries. Servers: token bucket (burst =")
	fmt.Fprintln(w, "   limit); no burst (a request less than 1/limit s after the last one let in is refused); fixed window (limit")
	fmt.Fprintln(w, "   requests in each whole second).")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "server\tcreates\tSDK\twall\tcreates/s\tof limit\t429s to caller\tother errors\t429s sent by server\tPOSTs sent\tstored\tduplicates\t")
	for _, s := range []struct {
		name  string
		kind  tfetest.RateLimitKind
		count int
	}{{"token bucket", tfetest.TokenBucket, n}, {"no burst", tfetest.NoBurst, strict}, {"fixed window", tfetest.FixedWindow, strict}} {
		for _, sdk := range []benchmarks.SDK{benchmarks.Ours, benchmarks.GoTFE} {
			r, err := benchmarks.Bulk(sdk, s.kind, s.count, workers, limit)
			if err != nil {
				fatal(err)
			}
			fmt.Fprintf(tw, "%s\t%d\t%s\t%.2fs\t%.1f\t%.1f%%\t%d\t%d\t%d\t%d\t%d\t%d\t\n", s.name, s.count, sdk, r.Wall.Seconds(), r.Rate(),
				100*r.Rate()/float64(limit), r.Caller429, r.OtherErrors, r.Server429, r.Sent, r.Stored, r.Duplicates())
		}
	}
	tw.Flush()
}

// listing prints section 4.
func listing(w io.Writer, sets, runs int) {
	fmt.Fprintf(w, "\n4. Listing %s variable sets: tfe VariableSets.ListIter; go-tfe VariableSets.List with PageSize 100 (the API's\n", group(float64(sets)))
	fmt.Fprintf(w, "   maximum) following Pagination.NextPage (go-tfe has no iterator). No rate limit. Median of %d listings.\n", runs)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "SDK\trequests\tceil(N/100)\tmedian\tmin\t")
	var med, best [2]time.Duration
	for i, sdk := range []benchmarks.SDK{benchmarks.Ours, benchmarks.GoTFE} {
		r, err := benchmarks.ListAll(sdk, sets, runs)
		if err != nil {
			fatal(err)
		}
		med[i], best[i] = r.Median, r.Min
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t\n", sdk, r.Requests, (sets+99)/100, milli(r.Median), milli(r.Min))
	}
	fmt.Fprintf(tw, "tfe / go-tfe\t\t\t%.2fx\t%.2fx\t\n", float64(med[0])/float64(med[1]), float64(best[0])/float64(best[1]))
	tw.Flush()
}

// group prints a non-negative figure rounded, with thousands separators.
func group(f float64) string {
	s := fmt.Sprintf("%d", int64(math.Round(f)))
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func micro(d time.Duration) string {
	return fmt.Sprintf("%.0fµs", float64(d)/float64(time.Microsecond))
}
func milli(d time.Duration) string {
	return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond))
}
