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

# voile.wasm with the wasm_exec.js of the same Go, and voile.js, the API
# the extension imports. -s -w drop the symbol and DWARF tables and
# -trimpath the build paths: the browser needs neither.
WASM_OUT := $(BUILD)/wasm
WASM_FIXTURES := $(BUILD)/wasm-test
GOROOT_WASM = $(shell $(GO) env GOROOT)/lib/wasm

.PHONY: wasm test-wasm bench-wasm wasm-size wasm-fixtures
wasm:
	mkdir -p $(WASM_OUT)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(WASM_OUT)/voile.wasm ./wasm
	cp $(GOROOT_WASM)/wasm_exec.js wasm/js/voile.js $(WASM_OUT)/

# Keys, bundles, messages and expected verdicts for the node tests, made
# afresh each time: no private key is ever stored.
wasm-fixtures:
	$(GO) run ./wasm/internal/fixtures -out $(WASM_FIXTURES)

# The Go packages run under node as js/wasm, then the node suite drives
# the built voile.wasm through voile.js.
test-wasm: wasm wasm-fixtures
	GOOS=js GOARCH=wasm $(GO) test -exec=$(GOROOT_WASM)/go_js_wasm_exec ./wasm/...
	node --test wasm/test/
	$(GO) test ./wasm/internal/engine -run '^$$' -fuzz '^FuzzClassifyRequest$$' -fuzztime $(FUZZTIME)

# Throughput, start-up time, memory and size; medians of several runs.
bench-wasm: wasm wasm-fixtures
	node wasm/bench/bench.mjs

# What the wasm is made of, by package (code bytes).
wasm-size:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -o $(WASM_OUT)/voile-names.wasm ./wasm
	$(GO) run ./wasm/internal/wasmsize $(WASM_OUT)/voile-names.wasm

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
