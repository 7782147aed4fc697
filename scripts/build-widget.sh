#!/usr/bin/env bash
# Builds the embeddable widget into dist/widget/:
#   wacost-widget.js              the one script a host page includes (classic script, no
#                                 globals besides window.wacost, stable name): widget/loader.js
#                                 with the hashed names below filled in. It shows placeholders
#                                 and fetches the rest when a widget nears the viewport.
#   wacost-widget-app.HASH.js     wasm-bindgen's ES-module glue, imported by the loader
#   wacost-widget.HASH.wasm       the calculator, without rate cards
#   wacost-data-CUR-HASH.csv      each billing currency's cards (core/build.rs writes them); a
#                                 widget fetches its own currency's only
# HASH is a hash of the file's content (SHA-256 prefix; FNV-1a for the data, core's), so a
# host can cache those files forever; only the small loader needs revalidating.
# Run it after `trunk build`, which replaces dist/ as a whole.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT=dist/widget
WORK="$CARGO_TARGET_DIR/widget-bindgen"

cargo build -p wacost-widget --release --target wasm32-unknown-unknown --locked
rm -rf "$WORK" && mkdir -p "$WORK/out"
wasm-bindgen --target web --no-typescript --out-dir "$WORK" --out-name wacost-widget \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/wacost_widget.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$WORK/wacost-widget_bg.wasm" -o "$WORK/opt.wasm"

hash() { sha256sum "$1" | cut -c1-12; }
wasm_name="wacost-widget.$(hash "$WORK/opt.wasm").wasm"
app_name="wacost-widget-app.$(hash "$WORK/wacost-widget.js").js"
cp "$WORK/opt.wasm" "$WORK/out/$wasm_name"
cp "$WORK/wacost-widget.js" "$WORK/out/$app_name"
# The currencies' bundles and their names, as core/build.rs wrote them for this build.
DATA_DIR="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/wacost-data"
[ -f "$DATA_DIR/wacost-data.json" ] || { echo "build-widget: $DATA_DIR/wacost-data.json is missing" >&2; exit 1; }
data_json=$(tr -d ' \n' < "$DATA_DIR/wacost-data.json")
for file in $(grep -o 'wacost-data-[A-Z]*-[0-9a-f]*\.csv' "$DATA_DIR/wacost-data.json"); do
  cp "$DATA_DIR/$file" "$WORK/out/"
done
sed -e "s/__WACOST_APP__/$app_name/" -e "s/__WACOST_WASM__/$wasm_name/" \
  -e "s#__WACOST_DATA__#$data_json#" widget/loader.js > "$WORK/out/wacost-widget.js"

# Trunk (the page's build) replaces dist/ wholesale, so run this after `trunk build`; the
# files are staged under target/ and copied in only at the end, replacing older hashes.
mkdir -p "$OUT"
rm -f "$OUT"/wacost-widget* "$OUT"/wacost-data-*
cp "$WORK/out/"* "$OUT/"

gz() { gzip -9 -c "$1" | wc -c; }
echo "dist/widget: loader $(stat -c %s "$OUT/wacost-widget.js") bytes ($(gz "$OUT/wacost-widget.js") gzipped)," \
  "$app_name $(stat -c %s "$OUT/$app_name") ($(gz "$OUT/$app_name") gzipped)," \
  "$wasm_name $(stat -c %s "$OUT/$wasm_name") ($(gz "$OUT/$wasm_name") gzipped)," \
  "USD cards $(gz "$OUT"/wacost-data-USD-*.csv) gzipped"
