#!/usr/bin/env bash
# Installs every tool wacost needs, skipping each one already present at the right version.
# Idempotent: a second run on a prepared machine takes seconds. Times each step (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock 2>/dev/null | sed -n 's/^version = "\(.*\)"/\1/p' | head -1 || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}
TRUNK_VERSION=0.21.14
WASM_PACK_VERSION=0.15.1
BINARYEN_VERSION=132

step() { # step NAME COMMAND...: runs and times one setup step
  local name=$1; shift
  local start=$SECONDS
  "$@"
  echo "setup: $name done in $((SECONDS - start)) s"
}

have_version() { # have_version CMD EXPECTED: is CMD on PATH and does its --version mention EXPECTED?
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"
}

export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"

wasm_target() { rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown; }
chromium_pkg() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}
bindgen_cli() { have_version wasm-bindgen "$WASM_BINDGEN_VERSION" || cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force; }
trunk_cli() { have_version trunk "$TRUNK_VERSION" || cargo install -q trunk --version "$TRUNK_VERSION" --locked --force; }
wasm_pack_cli() { have_version wasm-pack "$WASM_PACK_VERSION" || cargo install -q wasm-pack --version "$WASM_PACK_VERSION" --force; }
node_tools() {
  if ! have_version wasm-opt "version_$BINARYEN_VERSION" && ! have_version wasm-opt "version $BINARYEN_VERSION" \
     || [ ! -d tools/node_modules/playwright-core ]; then
    (cd tools && npm install --no-audit --no-fund --silent)
  fi
}

step "wasm32 target" wasm_target
step "chromium + chromedriver" chromium_pkg
step "node tools (wasm-opt $BINARYEN_VERSION, playwright-core)" node_tools
step "wasm-bindgen-cli $WASM_BINDGEN_VERSION" bindgen_cli
step "wasm-pack $WASM_PACK_VERSION" wasm_pack_cli
step "trunk $TRUNK_VERSION" trunk_cli
