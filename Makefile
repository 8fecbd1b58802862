# Voile. `make run` starts the demo, `make test` runs every test. Both
# install what they need. Each part of the project has its own section.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
GO ?= go
GOBIN := $(shell $(GO) env GOPATH)/bin
BUILD := build
FUZZTIME ?= 5000x

.PHONY: all test run vet generate test-go fuzz bench

all: wasm extension

test: vet test-go fuzz test-wasm test-extension test-e2e

vet:
	$(GO) vet ./...
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' ':!third_party')); test -z "$$unformatted" || { echo "gofmt needed: $$unformatted" >&2; exit 1; }

generate:
	$(GO) generate ./...

# ---- shared/ and cmd/voile ---------------------------------------------------

test-go: worker-deps
	$(GO) test ./...

# Short runs of every fuzz target; longer ones with FUZZTIME=5m. The short
# runs count executions, not seconds: Go 1.26's fuzzing coordinator can
# report "context deadline exceeded" when a -fuzztime duration ends while a
# worker is busy on a loaded machine (go.dev/issue/75804, fixed in Go 1.27),
# a failure with no input behind it.
FUZZ_TARGETS := \
	./shared/normalize:FuzzNormalize \
	./shared/normalize:FuzzFastPath \
	./shared/rules:FuzzParse \
	./shared/rules:FuzzDecode \
	./shared/rules:FuzzParsePattern \
	./shared/bundle:FuzzDecode \
	./shared/wire:FuzzDecode \
	./shared/wire:FuzzDiff \
	./shared/model:FuzzDecode \
	./shared/match:FuzzFindKeyOf \
	./shared/match:FuzzRewalk \
	./shared/match:FuzzAnchors \
	./shared/frames:FuzzPlainGap
fuzz:
	for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		$(GO) test $$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME); \
	done

bench:
	$(GO) test ./shared/... -run '^$$' -bench . -benchmem -count 6 -cpu 1

# ---- classifier quality --------------------------------------------------------
# `make eval` measures the starter lists and the default model (what the
# extension ships) on the project's functional suites (all cases, then the
# held-out third) and on the dev splits of the team's corpora in
# $(DATA), with the whole classifier then with the model alone (as the
# corpora's baselines are models alone); `make model` trains the default model from the corpora's train
# splits and the project's own labelled posts. Neither is part of `make test`:
# the suites' floors are, in shared/eval's tests.
DATA ?= ../shared/data
SUITES := shared/eval/testdata/suite-en.jsonl shared/eval/testdata/suite-fr.jsonl
# Cases written apart from the suites, never trained on (README there).
FRESH := shared/eval/testdata/fresh-en.jsonl shared/eval/testdata/fresh-fr.jsonl
# Two more sets, written blind to the lexicons (README there).
FRESH3 := shared/eval/testdata/fresh3-en.jsonl shared/eval/testdata/fresh3-fr.jsonl
FRESH4 := shared/eval/testdata/fresh4-en.jsonl shared/eval/testdata/fresh4-fr.jsonl
# The fifth, in a plain register of short sentences; not trained on.
FRESH5 := shared/eval/testdata/fresh5-en.jsonl shared/eval/testdata/fresh5-fr.jsonl
# The sixth, in mixed registers, written blind after the others' errors had
# been read; not trained on.
FRESH6 := shared/eval/testdata/fresh6-en.jsonl shared/eval/testdata/fresh6-fr.jsonl
# The seventh, plain sentences written blind after the sixth's errors had
# been read; not trained on.
FRESH7 := shared/eval/testdata/fresh7-en.jsonl shared/eval/testdata/fresh7-fr.jsonl
# The eighth, in mixed registers and lengths, written blind after the
# seventh's dev errors had been read; not trained on.
FRESH8 := shared/eval/testdata/fresh8-en.jsonl shared/eval/testdata/fresh8-fr.jsonl
# The ninth, in mixed registers over more groups, written blind at the end
# of 2026-12-01's third session; not trained on.
FRESH9 := shared/eval/testdata/fresh9-en.jsonl shared/eval/testdata/fresh9-fr.jsonl
# Posts the lexicons were tuned on (README there): a check against regressions.
PROBES := shared/eval/testdata/probes-en.jsonl shared/eval/testdata/probes-fr.jsonl
# Templated posts over many groups (testdata/battery.py); tuned on, like the probes.
BATTERY := shared/eval/testdata/battery-en.jsonl shared/eval/testdata/battery-fr.jsonl
# Templates written blind to the lexicons, split by template: b2-dev tuned
# on, b2-test never (testdata/battery2.md).
BATTERY2 := shared/eval/testdata/battery2-en.jsonl shared/eval/testdata/battery2-fr.jsonl
# The same on threats, questions, pronouns and counter-speech.
BATTERY3 := shared/eval/testdata/battery3-en.jsonl shared/eval/testdata/battery3-fr.jsonl
# The same in a casual register, and a development set (battery5, tuned on).
BATTERY4 := shared/eval/testdata/battery4-en.jsonl shared/eval/testdata/battery4-fr.jsonl
BATTERY5 := shared/eval/testdata/battery5-en.jsonl shared/eval/testdata/battery5-fr.jsonl
# Every function in a social-media register, split by template: b6-dev
# tuned on, b6-test never (testdata/battery6.md).
BATTERY6 := shared/eval/testdata/battery6-en.jsonl shared/eval/testdata/battery6-fr.jsonl
# Posts each written on its own, not from a template, in a natural
# register, half of them read (nat-dev) and half never (nat-test):
# testdata/README.md.
NATURAL := shared/eval/testdata/natural-en.jsonl shared/eval/testdata/natural-fr.jsonl
CORPORA := $(DATA)/davidson.en.jsonl $(DATA)/mlma.en.jsonl $(DATA)/mlma.fr.jsonl

# The default model rides in a list of the demo publisher; bump
# MODEL_VERSION with each retraining that is published.
MODEL_VERSION ?= 11
# Hate rows weigh half the balanced weight: the corpora's few hate rows
# weighed fully made the model read many neutral mentions of a group as
# hate (make eval). 32 passes, not 8: chosen on the read halves (nat-dev,
# the batteries' dev templates, fresh5-9 dev, battery5) over 8 to 64
# passes and learning rates 0.03 to 0.08, where 8 passes left the model
# short of what the written sets teach it (the closing note of the
# eleventh session has the figures).
MODEL_FLAGS ?= -balance 0.5 -epochs 32
# The third and fourth fresh sets' dev halves are trained on too (their
# test halves never): posts in many more words than the suites', which
# lifted recall on every unseen half (make eval; the closing note of
# 2026-11-30 has the figures). The first fresh set stays wholly unseen.
MODEL_TRAIN := $(CORPORA) $(SUITES) shared/demo/training/identity-en.jsonl shared/demo/training/identity-fr.jsonl \
	shared/demo/training/everyday-en.jsonl shared/demo/training/everyday-fr.jsonl \
	shared/demo/training/written-en.jsonl shared/demo/training/written-fr.jsonl \
	shared/demo/training/written2-en.jsonl shared/demo/training/written2-fr.jsonl \
	shared/demo/training/written3-en.jsonl shared/demo/training/written3-fr.jsonl \
	shared/demo/training/written4-en.jsonl shared/demo/training/written4-fr.jsonl \
	shared/demo/training/plain-en.jsonl shared/demo/training/plain-fr.jsonl \
	shared/demo/training/written5-en.jsonl shared/demo/training/written5-fr.jsonl \
	shared/demo/training/identity2-en.jsonl shared/demo/training/identity2-fr.jsonl \
	shared/demo/training/written7-en.jsonl shared/demo/training/written7-fr.jsonl \
	shared/demo/training/written8-en.jsonl shared/demo/training/written8-fr.jsonl $(FRESH3) $(FRESH4)

.PHONY: eval model
model:
	$(GO) run ./cmd/voile train -list demo-model -publisher voile-demo -version $(MODEL_VERSION) -demo \
		-name "Voile default model (English and French)" -train-splits train,build,fresh3-dev,fresh4-dev -dev-splits dev $(MODEL_FLAGS) \
		-out shared/demo/model.yaml -dev-out shared/demo/model-report.txt $(MODEL_TRAIN)

eval:
	$(GO) run ./cmd/voile eval -table $(SUITES)
	$(GO) run ./cmd/voile eval -table -split holdout $(SUITES)
	$(GO) run ./cmd/voile eval -table -split fresh-dev,fresh-test $(FRESH)
	$(GO) run ./cmd/voile eval -table -split fresh-test $(FRESH)
	$(GO) run ./cmd/voile eval -table $(FRESH3)
	$(GO) run ./cmd/voile eval -table -split fresh3-test $(FRESH3)
	$(GO) run ./cmd/voile eval -table $(FRESH4)
	$(GO) run ./cmd/voile eval -table -split fresh4-test $(FRESH4)
	$(GO) run ./cmd/voile eval -table -split fresh5-dev $(FRESH5)
	$(GO) run ./cmd/voile eval -table -split fresh5-test $(FRESH5)
	$(GO) run ./cmd/voile eval -table -split fresh6-dev $(FRESH6)
	$(GO) run ./cmd/voile eval -table -split fresh6-test $(FRESH6)
	$(GO) run ./cmd/voile eval -table -split fresh7-dev $(FRESH7)
	$(GO) run ./cmd/voile eval -table -split fresh7-test $(FRESH7)
	$(GO) run ./cmd/voile eval -table -split fresh8-dev $(FRESH8)
	$(GO) run ./cmd/voile eval -table -split fresh8-test $(FRESH8)
	$(GO) run ./cmd/voile eval -table -split fresh9-dev $(FRESH9)
	$(GO) run ./cmd/voile eval -table -split fresh9-test $(FRESH9)
	$(GO) run ./cmd/voile eval -table $(PROBES)
	$(GO) run ./cmd/voile eval -table $(BATTERY)
	$(GO) run ./cmd/voile eval -table -split b2-dev $(BATTERY2)
	$(GO) run ./cmd/voile eval -table -split b2-test $(BATTERY2)
	$(GO) run ./cmd/voile eval -table -split b3-dev $(BATTERY3)
	$(GO) run ./cmd/voile eval -table -split b3-test $(BATTERY3)
	$(GO) run ./cmd/voile eval -table -split b4-dev $(BATTERY4)
	$(GO) run ./cmd/voile eval -table -split b4-test $(BATTERY4)
	$(GO) run ./cmd/voile eval -table $(BATTERY5)
	$(GO) run ./cmd/voile eval -table -split b6-dev $(BATTERY6)
	$(GO) run ./cmd/voile eval -table -split b6-test $(BATTERY6)
	$(GO) run ./cmd/voile eval -table -split nat-dev $(NATURAL)
	$(GO) run ./cmd/voile eval -table -split nat-test $(NATURAL)
	$(GO) run ./cmd/voile eval -table -split dev $(CORPORA)
	$(GO) run ./cmd/voile eval -table -split dev -model-only $(CORPORA)

# Voile against plain matchers on the same lists and posts, one core, in
# one interleaved run that prints the ratios (not part of `make test`):
# natively against a Go Aho-Corasick and a regexp alternation, and the
# wasm under node against the npm ahocorasick package. The peers live in
# their own module, bench/peers, so the main module does not depend on
# them. BENCH_PEERS_ARGS=-cpuprofile=... profiles the native run.
BENCH_PEERS := $(BUILD)/bench-peers
BENCH_PEERS_DEPS := bench/peers/node_modules/.package-lock.json
BENCH_PEERS_ARGS ?=

.PHONY: bench-peers bench-peers-go bench-peers-wasm bench-peers-data
bench-peers: bench-peers-go bench-peers-wasm

bench-peers-go:
	cd bench/peers && $(GO) run . $(BENCH_PEERS_ARGS)

bench-peers-data:
	cd bench/peers && $(GO) run . -export ../../$(BENCH_PEERS)

$(BENCH_PEERS_DEPS): bench/peers/package.json bench/peers/package-lock.json
	cd bench/peers && npm ci --no-audit --no-fund
	touch $@

bench-peers-wasm: wasm bench-peers-data $(BENCH_PEERS_DEPS)
	node bench/peers/bench.mjs

# ---- wasm/ -------------------------------------------------------------------

# voile.wasm with the wasm_exec.js of the same Go, and voile.js, the API
# the extension imports. -s -w drop the symbol and DWARF tables and
# -trimpath the build paths: the browser needs neither.
WASM_OUT := $(BUILD)/wasm
WASM_FIXTURES := $(BUILD)/wasm-test
GOROOT_WASM = $(shell $(GO) env GOROOT)/lib/wasm
# No inlining in the packages that only decode and encode (msgp's
# runtime and the codecs it generated in wire and bundle) or check the
# JS API's arguments: they run once per bundle, sync message or call,
# never per post, and msgp's readers inlined were a copy in every field of
# every decoder (10 KB of the gzipped wasm). Not rules, nor regexp/syntax:
# -l also keeps a package's functions from being inlined into others, and
# the classifier calls rules' small methods per hit and regexp calls
# regexp/syntax's per character.
WASM_GCFLAGS := $(foreach p,github.com/tinylib/msgp/msgp voile/shared/wire voile/shared/bundle voile/wasm/internal/jsapi,-gcflags=$(p)=-l)
# voile.wasm checks signatures and makes none: built verifyonly, it links
# no crypto/ed25519, whose FIPS self-test would link signing and a second
# curve (shared/bundle/sign.go).
WASM_TAGS := -tags verifyonly

.PHONY: wasm test-wasm bench-wasm wasm-size wasm-fixtures
wasm:
	mkdir -p $(WASM_OUT)
	GOOS=js GOARCH=wasm $(GO) build -trimpath $(WASM_TAGS) $(WASM_GCFLAGS) -ldflags="-s -w" -o $(WASM_OUT)/voile.wasm ./wasm
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

# What the wasm is made of: code bytes by package, the data section by part.
wasm-size:
	GOOS=js GOARCH=wasm $(GO) build -trimpath $(WASM_TAGS) $(WASM_GCFLAGS) -o $(WASM_OUT)/voile-names.wasm ./wasm
	$(GO) run ./wasm/internal/wasmsize $(WASM_OUT)/voile-names.wasm

# ---- server/ -----------------------------------------------------------------
# The sync server, its load tool, the CLI and the edge worker (js/wasm, with
# the JavaScript glue of syumai/workers and the entry server/worker/js/edge.mjs,
# which keeps one Go instance per isolate) into $(BUILD)/.
# The server's tests, with the SIGKILL crash test, the NATS cluster tests
# and the worker run under workerd (the npm package in server/worker,
# installed by worker-deps), run in test-go (`go test ./...`).
SERVER_ADDR ?= 127.0.0.1:8787
SERVER_DATA ?= .run/server
# NODES=3: three sync nodes over a three-server NATS cluster (run inside
# voile-load), 10,000 subscribers each unless LOAD_N says otherwise.
NODES ?= 1
LOAD_N ?= $(NODES)0000
LOAD_RUNS ?= 5

.PHONY: server bench-server run-server worker-deps
WORKER_DEPS := server/worker/node_modules/.package-lock.json

server:
	$(GO) build -o $(BUILD)/ ./server/cmd/voile-server ./server/cmd/voile-load ./cmd/voile
	$(GO) run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o $(BUILD)/worker
	cp server/worker/js/edge.mjs $(BUILD)/worker/
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(BUILD)/worker/app.wasm ./server/worker

$(WORKER_DEPS): server/worker/package.json server/worker/package-lock.json
	cd server/worker && npm ci --no-audit --no-fund
	touch $@

worker-deps: $(WORKER_DEPS)

# The server alone, with the demo publisher and lists, in the foreground.
run-server: server
	$(BUILD)/voile-server -demo -data $(SERVER_DATA) -addr $(SERVER_ADDR)

# N subscribers on loopback, then timed publishes (not part of `make test`).
# Each server process and each subscriber process (one per node) needs
# N/NODES file descriptors: the soft limit is raised to the hard one.
bench-server: server
	ulimit -n $$(ulimit -Hn); $(BUILD)/voile-load -server-bin $(BUILD)/voile-server -n $(LOAD_N) -runs $(LOAD_RUNS) -nodes $(NODES)

# ---- extension/ --------------------------------------------------------------

# `make extension` builds build/extension/{chromium,firefox}/ (load
# unpacked) and {chromium,firefox}.zip from build/wasm. TRUST=file.json
# ships trusted publisher keys: {"publisher": "voile-pub-..."}.
# `make bench-extension` measures the built extension in headless Debian
# Chromium (installed with apt-get when missing), BROWSER=firefox in
# Firefox ESR; it is not part of test.

.PHONY: extension test-extension bench-extension extension-deps extension-chromium
EXT_DEPS := extension/node_modules/.package-lock.json
TRUST ?=

$(EXT_DEPS): extension/package.json extension/package-lock.json
	cd extension && npm ci --no-audit --no-fund
	touch $@

extension-deps: $(EXT_DEPS)

extension: wasm $(EXT_DEPS)
	cd extension && node build.mjs --wasm ../$(BUILD)/wasm --out ../$(BUILD)/extension $(if $(TRUST),--trust $(abspath $(TRUST)))

# The unit tests run the real voile.wasm under node, with fixtures (the
# demo lists signed by a key made afresh, sync messages) written by
# wasm/internal/extfixtures; no private key is stored.
EXT_FIXTURES := $(BUILD)/extension-test
.PHONY: extension-fixtures
extension-fixtures:
	$(GO) run ./wasm/internal/extfixtures -out $(EXT_FIXTURES)

test-extension: wasm extension-fixtures $(EXT_DEPS)
	cd extension && node --test --test-timeout=120000 test/*.test.js

extension-chromium:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

BENCH_RUNS ?= 7
BROWSER ?= chromium
ifeq ($(BROWSER),firefox)
# Firefox is driven through the harness (puppeteer-core over WebDriver BiDi).
bench-extension: extension firefox harness-deps
	cd extension && node bench/firefox.mjs --extension ../$(BUILD)/extension/firefox --runs $(BENCH_RUNS)
else
bench-extension: extension extension-chromium
	cd extension && node bench/run.mjs --extension ../$(BUILD)/extension/chromium --runs $(BENCH_RUNS)
endif

# ---- end-to-end --------------------------------------------------------------

# `make test-e2e` drives the built extension in headless Debian Chromium
# and Firefox ESR (harness/, node --test; VOILE_BROWSERS=chromium for one)
# against fixture feeds and a real voile-server, both on 127.0.0.1. It
# installs Chromium and Firefox ESR from Debian when missing and the
# harness's npm packages from its lock file, and builds
# under build/e2e/ a test extension that trusts two publishers whose keys
# are made afresh each build (the demo lists', and a test publisher's).
# `make report PAGES="x facebook saved.html"` writes a JSON report and a
# screenshot for each page into build/report/ (see harness/README.md);
# BROWSER=firefox runs them in Firefox ESR.

.PHONY: test-e2e e2e-build chromium firefox harness-deps report
E2E := $(BUILD)/e2e
HARNESS_DEPS := harness/node_modules/.package-lock.json
E2E_TEST_TIMEOUT_MS ?= 180000

chromium:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# Debian's Firefox ESR (bookworm's security archive serves 153).
firefox:
	@test -x /usr/bin/firefox-esr || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr; }

$(HARNESS_DEPS): harness/package.json harness/package-lock.json
	cd harness && npm ci --no-audit --no-fund
	touch $@

harness-deps: $(HARNESS_DEPS)

e2e-build: wasm extension-deps
	mkdir -p $(E2E)/bin $(E2E)/keys
	$(GO) build -o $(E2E)/bin/ ./cmd/voile ./server/cmd/voile-server
	rm -f $(E2E)/keys/*
	$(E2E)/bin/voile keygen -out $(E2E)/keys/demo >/dev/null
	$(E2E)/bin/voile keygen -out $(E2E)/keys/harness >/dev/null
	printf '{"voile-demo": "%s", "voile-harness": "%s"}\n' "$$(cat $(E2E)/keys/demo.pub)" "$$(cat $(E2E)/keys/harness.pub)" > $(E2E)/trust.json
	cd extension && node build.mjs --wasm ../$(BUILD)/wasm --out ../$(E2E)/extension --trust ../$(E2E)/trust.json

test-e2e: chromium firefox harness-deps e2e-build
	cd harness && node --test --test-concurrency=1 --test-timeout=$(E2E_TEST_TIMEOUT_MS) test/*.test.js

PAGES ?= facebook x reddit youtube mastodon generic
report: $(BROWSER) harness-deps e2e-build
	node harness/bin/report.mjs --browser $(BROWSER) --demo-server --out $(BUILD)/report $(PAGES)

# ---- the demo ----------------------------------------------------------------

# `make run`: the sync server with its embedded store and the demo lists
# published by a demo publisher (key made on first run, kept in .run/), the
# extension built to trust that publisher (build/extension/chromium: load it
# unpacked), and the demo feeds on FEED_ADDR. Ctrl-C stops everything.
RUN := .run
FEED_ADDR ?= 127.0.0.1:8788

.PHONY: run
run: server wasm extension-deps harness-deps
	mkdir -p $(RUN)
	trap 'kill $$(jobs -p) 2>/dev/null; wait' EXIT INT TERM; \
	$(BUILD)/voile-server -demo -data $(SERVER_DATA) -addr $(SERVER_ADDR) & \
	for i in $$(seq 100); do test -s $(SERVER_DATA)/demo.pub && curl -fsS http://$(SERVER_ADDR)/healthz >/dev/null 2>&1 && break; sleep 0.1; done; \
	test -s $(SERVER_DATA)/demo.pub || { echo "voile-server did not start" >&2; exit 1; }; \
	printf '{"voile-demo": "%s"}\n' "$$(cat $(SERVER_DATA)/demo.pub)" > $(RUN)/trust.json; \
	(cd extension && node build.mjs --wasm ../$(BUILD)/wasm --out ../$(BUILD)/extension --trust ../$(RUN)/trust.json); \
	(cd harness && node bin/feeds.mjs --addr $(FEED_ADDR)) & \
	echo; \
	echo "Voile is running."; \
	echo "  sync server   http://$(SERVER_ADDR) (demo lists published; publisher token in $(SERVER_DATA)/demo.token)"; \
	echo "  extension     $(BUILD)/extension/chromium (chrome://extensions > Developer mode > Load unpacked)"; \
	echo "                $(BUILD)/extension/firefox (about:debugging > Load Temporary Add-on)"; \
	echo "  demo feeds    http://$(FEED_ADDR)/ (in the popup, turn Voile on for this site)"; \
	echo "Ctrl-C stops."; \
	wait
