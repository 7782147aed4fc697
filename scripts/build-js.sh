#!/usr/bin/env bash
# Builds the JavaScript package into js/pkg/ (ES module + .wasm + .d.ts), usable from browsers
# and from Node (pass the .wasm bytes to initSync/init). Run from anywhere; paths are from the
# repo root. wasm-pack's own wasm-opt download is disabled in js/Cargo.toml; the vendored
# binaryen in tools/ shrinks the module instead.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

wasm-pack build js --release --target web --out-dir pkg --out-name wacost
WASM=js/pkg/wacost_bg.wasm
before=$(stat -c %s "$WASM")
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$WASM" -o "$WASM.opt"
mv "$WASM.opt" "$WASM"
after=$(stat -c %s "$WASM")
gz=$(gzip -9 -c "$WASM" | wc -c)
echo "js/pkg: wacost_bg.wasm $before -> $after bytes after wasm-opt -Oz; $gz bytes gzipped"
