# The checks CI runs are `make test`. Nothing here needs the network but
# the Go module proxy (for the pinned staticcheck and the modules in go.sum).

GO          ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
FUZZTIME    ?= 5m
# Extra flags for each fuzz run, e.g. FUZZFLAGS=-parallel=1 on a shared
# machine (one fuzzing worker instead of one per core).
FUZZFLAGS   ?=
# Extra flags for `make conformance`, e.g. CONFORMANCE_FLAGS='-run Org
# -markdown' (see go run ./tfetest/internal/conformance -h).
CONFORMANCE_FLAGS ?=
# Packages whose statement coverage `make cover` checks, with their floor.
COVER_MIN   ?= 85

# Each fuzz target and its package (TestMakefileFuzzesEveryTarget checks
# that the list matches the Fuzz functions the tests define).
FUZZ_TARGETS := \
	.:FuzzDecodeAnswer \
	.:FuzzAPIError \
	.:FuzzRedactBody \
	.:FuzzParseTTL \
	.:FuzzCheckID \
	.:FuzzNewRequestPath

.PHONY: all test fmt-check vet staticcheck lint unit cover demo fuzz bench conformance help

all: test

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

test: lint unit ## everything CI checks: formatting, vet, staticcheck, race tests

lint: fmt-check vet staticcheck ## gofmt, go vet and staticcheck

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

staticcheck:
	$(GO) run $(STATICCHECK) ./...

unit: ## the tests, with the race detector (fuzz seed corpora included)
	$(GO) test -race -count=1 ./...

cover: ## statement coverage of the SDK and tfetest
	$(GO) test -count=1 -coverprofile=coverage.out ./...
	@$(GO) tool cover -func=coverage.out | tail -1
	@$(GO) test -count=1 -cover . ./tfetest/... 2>/dev/null | tee /dev/stderr | \
	  awk -v min=$(COVER_MIN) '/coverage:/ { for (i = 1; i <= NF; i++) if ($$i == "coverage:") { p = $$(i+1); sub("%", "", p); if (p + 0 < min && $$2 == "github.com/tfe-sdk/tfe") { print "coverage of " $$2 " is " p "%, under " min "%"; bad = 1 } } } END { exit bad }'

demo: ## run every example against the embedded fake API
	@for d in examples/*/; do \
	  [ -f "$$d/main.go" ] || continue; \
	  echo "=== $$d"; $(GO) run "./$$d" || exit 1; echo; \
	done

fuzz: ## run each fuzz target for FUZZTIME (default 5m)
	@for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; name=$${t##*:}; \
	  echo "=== $$name ($$pkg) for $(FUZZTIME)"; \
	  $(GO) test -run='^$$' -fuzz="^$$name$$" -fuzztime=$(FUZZTIME) $(FUZZFLAGS) $$pkg || exit 1; \
	done

bench: ## the side-by-side comparison with go-tfe (benchmarks/ module)
	cd benchmarks && $(GO) run ./cmd/compare

conformance: ## go-tfe's integration tests for our areas against tfe-fake (minutes; needs the module proxy)
	$(GO) run ./tfetest/internal/conformance $(CONFORMANCE_FLAGS)
