#!/usr/bin/env bash
# Installs everything the build and the tests need, without touching GitHub.
# Idempotent: each step checks first and is skipped when its tool is already right,
# so a second run returns in seconds. Stops at the first step that fails, naming the
# tool and how to install it by hand. See ../shared/TOOLCHAIN.md and docs/decisions.md.
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
WASM_OPT_VERSION=version_132
# The splitter behind Leptos' lazy chunks (scripts/bin/wasm-bindgen runs it).
WASM_SPLIT_VERSION=0.2.4
# SETUP_BUILD_ONLY=1 installs only what a release build needs (the Pages workflow):
# no Chromium, no Python venv.
BUILD_ONLY=${SETUP_BUILD_ONLY:-}

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

fail() {
  local what=$1 how=$2
  printf '\nsetup: could not install %s.\nInstall it by hand with:\n  %s\nthen run the make target again.\n' "$what" "$how" >&2
  exit 1
}

# Runs a step's install command, timing it; on failure names the tool.
install_step() {
  local what=$1 how=$2
  shift 2
  say "installing $what ..."
  local start=$SECONDS
  if ! "$@"; then
    fail "$what" "$how"
  fi
  say "installed $what in $((SECONDS - start)) s"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

command -v cargo >/dev/null || fail "Rust (cargo)" "curl https://sh.rustup.rs -sSf | sh  (Rust 1.95 or newer)"
command -v npm >/dev/null || fail "Node.js and npm" "apt-get install -y nodejs npm"

# 1. The WebAssembly target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  install_step "the wasm32 target" "rustup target add wasm32-unknown-unknown" \
    rustup target add wasm32-unknown-unknown
fi

# Formatting and lints.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  install_step "rustfmt and clippy" "rustup component add rustfmt clippy" \
    rustup component add rustfmt clippy
fi

# 2. Trunk, pinned. 0.22 needs a newer rustc; without --locked 0.21.14 does not compile.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  how="cargo install trunk --version $TRUNK_VERSION --locked"
  install_step "Trunk $TRUNK_VERSION (about 9 minutes)" "$how" \
    env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen-cli at the crate's exact version. Its lock file can name a dependency
#    version the registry mirror lacks; then resolve afresh.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  how="cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION"
  install_bindgen() {
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked ||
      cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  }
  install_step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)" "$how" install_bindgen
fi

# 3a. wasm-split-cli, which cuts the app's wasm into lazily loaded chunks before
#     wasm-bindgen runs (scripts/bin/wasm-bindgen; docs/decisions.md §11). Its binary is
#     behind the crate's build-binary feature. The CLI has no --version, so the version
#     installed is read from cargo's own list.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  how="cargo install wasm_split_cli_support --version $WASM_SPLIT_VERSION --features build-binary --locked"
  install_step "wasm-split-cli $WASM_SPLIT_VERSION (about 3 minutes)" "$how" \
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# 4. npm tools, pinned in package-lock.json: wasm-opt (binaryen 132; never Debian's 108,
#    which breaks the app at start-up) and Playwright (which drives Debian's Chromium;
#    never `playwright install`, which downloads a browser).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ]; then
  install_step "npm packages (binaryen, Playwright)" "npm ci" npm ci --no-audit --no-fund
fi
if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "($WASM_OPT_VERSION)"; then
  fail "wasm-opt $WASM_OPT_VERSION" "npm ci   (package.json pins binaryen@132.0.0)"
fi

# 5. Chromium and ChromeDriver from Debian, for the browser tests.
if [ -z "$BUILD_ONLY" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  install_chromium() {
    as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
  }
  install_step "Chromium (about 1.5 minutes)" "sudo apt-get install -y chromium chromium-driver" install_chromium
fi

# 6. The crates in Cargo.lock, for every target: Trunk builds with --offline.
if ! cargo fetch --locked --quiet; then
  fail "the crates in Cargo.lock" "cargo fetch --locked"
fi

# 7. A Python venv with the real huggingface_hub, which must load our README exports.
if [ -z "$BUILD_ONLY" ] && { [ ! -x .venv/bin/python ] || [ tests/python/requirements.txt -nt .venv/.installed ]; }; then
  install_venv() {
    { python3 -m venv .venv || { as_root apt-get update -q && as_root apt-get install -y -q python3-venv && python3 -m venv .venv; }; } &&
      .venv/bin/pip install --quiet --disable-pip-version-check -r tests/python/requirements.txt &&
      touch .venv/.installed
  }
  install_step "Python venv with huggingface_hub" "python3 -m venv .venv && .venv/bin/pip install -r tests/python/requirements.txt" install_venv
fi

say "toolchain ready: $(trunk --version), wasm-bindgen $WASM_BINDGEN_VERSION, wasm-split-cli $WASM_SPLIT_VERSION, wasm-opt $WASM_OPT_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -1)"
