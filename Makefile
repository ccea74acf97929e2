# Model Card Studio. `make serve` and `make test` are the two commands in the README;
# both run the idempotent setup first, so they work on a fresh machine.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
# scripts/bin first: its wasm-bindgen splits the app into lazy chunks, then runs the real one.
export PATH := $(CURDIR)/scripts/bin:$(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

WASM := --target wasm32-unknown-unknown

.PHONY: setup serve dist dist-crash test check fmt lint unit e2e bench lighthouse fuzz fuzz-ui clean icons screenshot

## setup: install the toolchain (Trunk, wasm-bindgen-cli, wasm-opt, Chromium, Playwright)
setup:
	@scripts/setup.sh

## serve: set up, build, and serve the app on http://127.0.0.1:8080
serve: setup
	trunk serve --release

## dist: release build into dist/
dist: setup
	trunk build --release

## dist-crash: the same release build with the `crash-test` feature, into dist-crash/:
## a hidden trigger that makes the app trap, for the crash fallback's spec only. Never
## deployed; dist/ never has it (the spec checks).
dist-crash: setup
	trunk build --release --features crash-test --dist dist-crash

## check: formatting, lints (native and wasm32) and the native unit tests
check: fmt lint unit

fmt:
	cargo fmt --check

lint:
	cargo clippy --all-targets -- -D warnings
	cargo clippy $(WASM) --lib --bins -- -D warnings
	# The fuzz targets are not built by `make test` (they need nightly), so a change to
	# the core could break them unseen: type-check them on stable.
	cargo check --manifest-path fuzz/Cargo.toml --bins

unit:
	cargo test

## e2e: the Playwright specs in headless Chromium, against the release build in dist/
## (and dist-crash/ for the crash fallback's spec), one at a time; then the browser fuzz
## run's 200 quick documents, in two shards side by side
FUZZ_WORKERS ?= 2
e2e:
	playwright test --grep-invert @fuzz
	playwright test --grep @fuzz --workers=$(FUZZ_WORKERS)

## test: everything CI runs: setup, check, a release build, and the browser tests
test: setup
	$(MAKE) --no-print-directory check
	trunk build --release
	trunk build --release --features crash-test --dist dist-crash
	$(MAKE) --no-print-directory e2e

## lighthouse: Lighthouse's four scores on the release build, mobile and desktop
## settings, served gzipped as GitHub Pages does; writes target/lighthouse.json
lighthouse: dist
	node scripts/lighthouse.mjs

## fuzz: every fuzz target for FUZZ_SECONDS each (default 60), on nightly Rust with
## cargo-fuzz (installed if missing), seeded with the real cards in ../shared/corpus.
## Not part of `make test`. Crashes land in fuzz/artifacts/<target>/; each one found
## becomes a regression test.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := import_any document hf_readme mct_json share_link render
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	cd fuzz && for target in $(FUZZ_TARGETS); do \
	  mkdir -p corpus/$$target; \
	  cargo +nightly fuzz run $$target corpus/$$target ../../shared/corpus/hf ../../shared/corpus/mct -- \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=131072 -timeout=10 || exit 1; \
	done

## fuzz-ui: the browser fuzz run (tests/e2e/fuzz-ui.spec.ts) with N documents (default
## 2000) of SEED (default: a new one each run; the run prints it), at full size
## (PROFILE=quick: a twentieth, as `make test` runs 200 of a fixed seed). FROM=i starts
## at document i, so `SEED=s FROM=i N=1` makes one document again; REPLAY=file replays
## a failure saved under target/fuzz-ui/.
N ?= 2000
PROFILE ?= full
SEED ?= $(shell date +%s)
FROM ?= 0
REPLAY ?=
fuzz-ui: dist
	FUZZ_N=$(N) FUZZ_SEED=$(SEED) FUZZ_FROM=$(FROM) FUZZ_REPLAY=$(REPLAY) FUZZ_PROFILE=$(PROFILE) \
	  FUZZ_SHARDS=$(FUZZ_WORKERS) playwright test --grep @fuzz --workers=$(FUZZ_WORKERS) --reporter=list

## bench: bundle sizes, cold start, typing latency, render vs markdown-it, import and
## storage times, in headless Chromium; checks the budgets; writes target/bench.json
bench: dist
	node scripts/bench.mjs

clean:
	cargo clean
	rm -rf dist dist-crash test-results playwright-report

## icons: redraw the PNG icons of the web app manifest from public/icon.svg
icons: setup
	node scripts/icons.mjs

## screenshot: regenerate docs/screenshot.png from the release build
screenshot: dist
	node scripts/screenshot.mjs
