#!/usr/bin/env bash
# Builds the embeddable widget into dist/widget/:
#   wacost-widget.js       the one script a host page includes (classic script, no module,
#                          no globals besides window.wacost): wasm-bindgen's no-modules glue
#                          wrapped in a closure, plus the loader that mounts every
#                          [data-wacost-widget] element and defines window.wacost.mount
#   wacost-widget_bg.wasm  fetched by the script from next to itself
# Run it after `trunk build`, which replaces dist/ as a whole.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT=dist/widget
WORK="$CARGO_TARGET_DIR/widget-bindgen"

cargo build -p wacost-widget --release --target wasm32-unknown-unknown
rm -rf "$WORK" && mkdir -p "$WORK/out"
wasm-bindgen --target no-modules --no-typescript --out-dir "$WORK" --out-name wacost-widget \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/wacost_widget.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$WORK/wacost-widget_bg.wasm" -o "$WORK/out/wacost-widget_bg.wasm"

{
  echo "/* wacost widget: <script src=\".../wacost-widget.js\"></script> + <div data-wacost-widget></div>. */"
  echo "(function () {"
  echo "if (window.wacost && window.wacost.mount) return;"
  echo "var wacostScript = document.currentScript;"
  cat "$WORK/wacost-widget.js"
  cat widget/loader.js
  echo "})();"
} > "$WORK/out/wacost-widget.js"

# Trunk (the page's build) replaces dist/ wholesale, so run this after `trunk build`; the
# files are staged under target/ and copied in only at the end.
mkdir -p "$OUT"
cp "$WORK/out/wacost-widget.js" "$WORK/out/wacost-widget_bg.wasm" "$OUT/"

wasm=$(stat -c %s "$OUT/wacost-widget_bg.wasm")
gz=$(gzip -9 -c "$OUT/wacost-widget_bg.wasm" | wc -c)
js=$(stat -c %s "$OUT/wacost-widget.js")
jsgz=$(gzip -9 -c "$OUT/wacost-widget.js" | wc -c)
echo "dist/widget: wasm $wasm bytes ($gz gzipped), loader $js bytes ($jsgz gzipped)"
