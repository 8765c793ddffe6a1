package benchmarks

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	gotfe "github.com/hashicorp/go-tfe"
	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// ---- Client start ----

// StartResult is the cost of starting a client: from constructing it to
// its first answered call (Variables.List of a one-variable workspace), on
// a fresh connection pool each time.
type StartResult struct {
	SDK SDK
	// Runs is the number of starts measured.
	Runs int
	// Median and Min are the wall times of one start.
	Median, Min time.Duration
	// AtConstruction is the number of requests the constructor sent.
	AtConstruction int
	// ToFirstAnswer is the number of requests up to the first answered call,
	// that call included.
	ToFirstAnswer int
}

// ClientStart measures runs starts of sdk's client with its defaults
// against a fake whose ping announces the service's 30 requests/second.
func ClientStart(sdk SDK, runs int) (StartResult, error) {
	srv := tfetest.NewServer(tfetest.WithOrganization(org))
	defer srv.Close()
	ws := srv.AddWorkspace(org, tfetest.Workspace{Name: "start"})
	srv.AddWorkspaceVariable(ws, seedVar("var", 0))
	res := StartResult{SDK: sdk, Runs: runs}
	times := make([]time.Duration, 0, runs)
	ctx := context.Background()
	for range runs {
		srv.ResetRequests()
		// A fresh pool each time, so every start dials: go-tfe's default
		// client is this cleanhttp pooled client; ours gets the same.
		hc := cleanhttp.DefaultPooledClient()
		var constructed, answered int
		start := time.Now()
		if sdk == Ours {
			c, err := tfe.NewClient(&tfe.Config{Address: srv.URL, Token: srv.Token, HTTPClient: hc})
			if err != nil {
				return res, err
			}
			constructed = len(srv.Requests())
			l, err := c.Variables.List(ctx, ws, nil)
			if err == nil {
				err = wantLen(len(l.Items), 1)
			}
			if err != nil {
				return res, err
			}
		} else {
			c, err := gotfe.NewClient(&gotfe.Config{Address: srv.URL, Token: srv.Token, HTTPClient: hc})
			if err != nil {
				return res, err
			}
			constructed = len(srv.Requests())
			l, err := c.Variables.List(ctx, ws, nil)
			if err == nil {
				err = wantLen(len(l.Items), 1)
			}
			if err != nil {
				return res, err
			}
		}
		times = append(times, time.Since(start))
		answered = len(srv.Requests())
		hc.CloseIdleConnections()
		res.AtConstruction, res.ToFirstAnswer = constructed, answered
	}
	res.Median, res.Min = median(times), slices.Min(times)
	return res, nil
}

// ---- Bulk creates under a server rate limit ----

// BulkResult is the outcome of creating many variables from several
// goroutines against a server that enforces a rate limit.
type BulkResult struct {
	SDK SDK
	// Creates is the number of creates asked for; Limit the server's limit
	// in requests per second per token.
	Creates, Limit int
	// Wall is the time from the first create to the last answer.
	Wall time.Duration
	// Succeeded is the number of creates that returned a variable.
	Succeeded int
	// Caller429 is the number of creates that returned a 429 to the caller;
	// OtherErrors the other failures.
	Caller429, OtherErrors int
	// Sent is the number of create requests the server received, Server429
	// how many of them it refused with 429 (Sent - Succeeded - other
	// server-side failures).
	Sent, Server429 int
	// Stored is the number of variables in the workspace afterwards,
	// Distinct the number of distinct keys among them.
	Stored, Distinct int
}

// Rate is the achieved rate of successful creates per second.
func (r BulkResult) Rate() float64 { return float64(r.Succeeded) / r.Wall.Seconds() }

// Duplicates is the number of stored variables that repeat a key.
func (r BulkResult) Duplicates() int { return r.Stored - r.Distinct }

// Bulk creates n variables (distinct keys) from workers goroutines with
// sdk's client at its defaults for rate limiting and retries, against a
// fake limiting the token to limit requests/second, counted the way kind
// says.
func Bulk(sdk SDK, kind tfetest.RateLimitKind, n, workers, limit int) (BulkResult, error) {
	srv := tfetest.NewServer(tfetest.WithOrganization(org), tfetest.WithRateLimitOf(kind, limit))
	defer srv.Close()
	ws := srv.AddWorkspace(org, tfetest.Workspace{Name: "bulk"})
	res := BulkResult{SDK: sdk, Creates: n, Limit: limit}
	ctx := context.Background()

	// Each SDK's defaults; ours keeps RateLimit at its default (30).
	ours, err := tfe.NewClient(&tfe.Config{Address: srv.URL, Token: srv.Token})
	if err != nil {
		return res, err
	}
	var create func(ctx context.Context, key string) (status int, err error)
	if sdk == Ours {
		create = func(ctx context.Context, key string) (int, error) {
			_, err := ours.Variables.Create(ctx, ws, tfe.VariableCreateOptions{
				Key: key, Value: tfe.Ptr("v"), Category: tfe.CategoryTerraform,
			})
			var apiErr *tfe.APIError
			if errors.As(err, &apiErr) {
				return apiErr.StatusCode, err
			}
			return 0, err
		}
	} else {
		theirs, err := gotfe.NewClient(&gotfe.Config{Address: srv.URL, Token: srv.Token})
		if err != nil {
			return res, err
		}
		create = func(ctx context.Context, key string) (int, error) {
			// go-tfe reports the final status through this hook only.
			var status int
			hctx := gotfe.ContextWithResponseHeaderHook(ctx, func(code int, _ http.Header) { status = code })
			_, err := theirs.Variables.Create(hctx, ws, gotfe.VariableCreateOptions{
				Key: gotfe.String(key), Value: gotfe.String("v"), Category: gotfe.Category(gotfe.CategoryTerraform),
			})
			return status, err
		}
	}
	srv.ResetRequests()

	var next atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Go(func() {
			for {
				i := next.Add(1)
				if i > int64(n) {
					return
				}
				status, err := create(ctx, "bulk_"+strconv.FormatInt(i, 10))
				mu.Lock()
				switch {
				case err == nil:
					res.Succeeded++
				case status == http.StatusTooManyRequests:
					res.Caller429++
				default:
					res.OtherErrors++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res.Wall = time.Since(start)

	path := "/api/v2/workspaces/" + ws + "/vars"
	for _, r := range srv.Requests() {
		if r.Method == http.MethodPost && r.Path == path {
			res.Sent++
		}
	}
	res.Server429 = res.Sent - res.Succeeded - res.OtherErrors

	// Count what the server stored (one more request, after the clock).
	list, err := ours.Variables.List(ctx, ws, nil)
	if err != nil {
		return res, fmt.Errorf("listing the created variables: %w", err)
	}
	keys := map[string]bool{}
	for _, v := range list.Items {
		keys[v.Key] = true
	}
	res.Stored, res.Distinct = len(list.Items), len(keys)
	return res, nil
}

// ---- Listing every variable set ----

// ListResult is the cost of listing every variable set of an
// organization with each SDK's way to list everything.
type ListResult struct {
	SDK SDK
	// Sets is the number of variable sets; Runs the listings measured.
	Sets, Runs int
	// Requests is the number of requests one listing sent.
	Requests int
	// Median and Min are the wall times of one listing.
	Median, Min time.Duration
}

// ListAll lists sets variable sets runs times. Ours uses
// VariableSets.ListIter; go-tfe, which has no iterator, pages through
// VariableSets.List with ListOptions.PageSize 100 (the API's maximum),
// following Pagination.NextPage. Neither client limits itself (the fake
// enforces no limit and its ping announces none).
func ListAll(sdk SDK, sets, runs int) (ListResult, error) {
	srv := tfetest.NewServer(tfetest.WithOrganization(org), tfetest.WithPingRateLimit(-1))
	defer srv.Close()
	for i := range sets {
		srv.AddVariableSet(org, tfetest.VariableSet{Name: "set-" + strconv.Itoa(i), Description: "benchmark set"})
	}
	res := ListResult{SDK: sdk, Sets: sets, Runs: runs}
	ctx := context.Background()
	var list func() (int, error)
	if sdk == Ours {
		c := srv.Client()
		list = func() (int, error) {
			n := 0
			for vs, err := range c.VariableSets.ListIter(ctx, org, nil) {
				if err != nil {
					return n, err
				}
				if vs.ID != "" {
					n++
				}
			}
			return n, nil
		}
	} else {
		c, err := gotfe.NewClient(&gotfe.Config{Address: srv.URL, Token: srv.Token})
		if err != nil {
			return res, err
		}
		list = func() (int, error) {
			n := 0
			opts := &gotfe.VariableSetListOptions{ListOptions: gotfe.ListOptions{PageNumber: 1, PageSize: 100}}
			for {
				page, err := c.VariableSets.List(ctx, org, opts)
				if err != nil {
					return n, err
				}
				for _, vs := range page.Items {
					if vs.ID != "" {
						n++
					}
				}
				if page.Pagination == nil || page.NextPage == 0 {
					return n, nil
				}
				opts.PageNumber = page.NextPage
			}
		}
	}
	times := make([]time.Duration, 0, runs)
	for range runs {
		srv.ResetRequests()
		start := time.Now()
		n, err := list()
		times = append(times, time.Since(start))
		if err != nil {
			return res, err
		}
		if n != sets {
			return res, fmt.Errorf("%s listed %d variable sets, want %d", sdk, n, sets)
		}
		res.Requests = len(srv.Requests())
	}
	res.Median, res.Min = median(times), slices.Min(times)
	return res, nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
