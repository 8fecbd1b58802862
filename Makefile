# Voile. `make run` starts the demo, `make test` runs every test. Both
# install what they need. Each part of the project has its own section.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
GO ?= go
GOBIN := $(shell $(GO) env GOPATH)/bin
BUILD := build
FUZZTIME ?= 5s

.PHONY: all test run vet generate test-go fuzz bench

all: wasm extension

test: vet test-go fuzz test-wasm test-extension test-e2e

vet:
	$(GO) vet ./...

generate:
	$(GO) generate ./...

# ---- shared/ and cmd/voile ---------------------------------------------------

test-go:
	$(GO) test ./...

# Short runs of every fuzz target; longer ones with FUZZTIME=5m.
FUZZ_TARGETS := \
	./shared/normalize:FuzzNormalize \
	./shared/rules:FuzzParse \
	./shared/rules:FuzzDecode \
	./shared/bundle:FuzzDecode
fuzz:
	for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		$(GO) test $$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME); \
	done

bench:
	$(GO) test ./shared/... -run '^$$' -bench . -benchmem -count 6 -cpu 1

# ---- wasm/ -------------------------------------------------------------------

.PHONY: wasm test-wasm
wasm:
test-wasm:

# ---- server/ -----------------------------------------------------------------

.PHONY: server bench-server
server:
bench-server:

# ---- extension/ --------------------------------------------------------------

.PHONY: extension test-extension
extension:
test-extension:

# ---- end-to-end --------------------------------------------------------------

.PHONY: test-e2e
test-e2e:

# ---- the demo ----------------------------------------------------------------

run:
