#!/usr/bin/env bash
# Gzipped (-9) sizes of what a browser downloads: the page bundle, the widget and the JS package.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
gz() { local total=0; for f in "$@"; do [ -f "$f" ] && total=$((total + $(gzip -9 -c "$f" | wc -c))); done; echo $total; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
report() { # report LABEL FILES...
  local label=$1; shift
  local wasm=() js=() css=()
  for f in "$@"; do case "$f" in *.wasm) wasm+=("$f");; *.js|*.mjs) js+=("$f");; *.css) css+=("$f");; esac; done
  local w j c; w=$(gz "${wasm[@]}"); j=$(gz "${js[@]}"); c=$(gz "${css[@]}")
  printf '%-22s wasm %9s  js %8s  css %8s  total %9s (gzip -9)\n' "$label" "$(kb "$w")" "$(kb "$j")" "$(kb "$c")" "$(kb $((w + j + c)))"
}
shopt -s nullglob
report "page (first load)" dist/wacost-web-*.wasm dist/wacost-web-*.js dist/style-*.css
report "log view (on demand)" dist/log_check*.wasm dist/log_check*.js dist/log_check*.css
report "log worker (on demand)" dist/bill_worker*.wasm dist/bill_worker*.js
report "plan view (on demand)" dist/plan_view*.wasm dist/plan_view*.js
report "card diff (on demand)" dist/card_diff*.wasm dist/card_diff*.js
[ -d dist/widget ] && report "widget (dist/widget/)" dist/widget/*.wasm dist/widget/*.js dist/widget/*.css
[ -d js/pkg ] && report "js package (js/pkg/)" js/pkg/*.wasm js/pkg/*.js
exit 0
