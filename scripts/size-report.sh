#!/usr/bin/env bash
# Gzipped (-9) sizes of what a browser downloads: the page bundle, the widget and the JS package.
# With --check, also compares each bundle with its ratchet in scripts/size-ratchet.txt and fails
# only when one grew past it (test.sh runs the check; run.sh and the site build only report).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
check=false
[ "${1:-}" = "--check" ] && check=true
RATCHET=scripts/size-ratchet.txt
gz() { local total=0; for f in "$@"; do [ -f "$f" ] && total=$((total + $(gzip -9 -c "$f" | wc -c))); done; echo $total; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
over=0
report() { # report KEY LABEL FILES...
  local key=$1 label=$2; shift 2
  local wasm=() js=() css=() data=()
  for f in "$@"; do case "$f" in *.wasm) wasm+=("$f");; *.js|*.mjs) js+=("$f");; *.css) css+=("$f");; *.csv) data+=("$f");; esac; done
  local w j c d total; w=$(gz "${wasm[@]}"); j=$(gz "${js[@]}"); c=$(gz "${css[@]}"); d=$(gz "${data[@]}")
  total=$((w + j + c + d))
  local extra=""; [ "$d" -gt 0 ] && extra="  data $(kb "$d")"
  printf '%-22s wasm %9s  js %8s  css %8s%s  total %9s (gzip -9)\n' "$label" "$(kb "$w")" "$(kb "$j")" "$(kb "$c")" "$extra" "$(kb "$total")"
  if $check && [ "$total" -gt 0 ]; then
    local limit; limit=$(awk -v k="$key" '$1 == k { print $2 }' "$RATCHET")
    if [ -z "$limit" ]; then
      echo "  size check: no ratchet for '$key' in $RATCHET" >&2; over=1
    elif [ "$total" -gt "$limit" ]; then
      echo "  size check: $label is $total bytes, over its ratchet of $limit ($RATCHET)" >&2; over=1
    fi
  fi
}
shopt -s nullglob
# The page's first load includes the cards of USD, which index.html preloads.
report page "page (first load)" dist/wacost-web-*.wasm dist/wacost-web-*.js dist/style-*.css dist/wacost-data-USD-*.csv
report log-view "log view (on demand)" dist/log_check*.wasm dist/log_check*.js dist/log_check*.css
report log-worker "log worker (on demand)" dist/bill_worker*.wasm dist/bill_worker*.js
report plan-view "plan view (on demand)" dist/plan_view*.wasm dist/plan_view*.js
report card-diff "card diff (on demand)" dist/card_diff*.wasm dist/card_diff*.js
report all-cards "all currencies' cards" dist/wacost-data-*.csv
# The widget: the loader a host page loads up front, then (near the viewport) the calculator
# and the cards of its currency (USD here).
[ -d dist/widget ] && report widget-loader "widget loader (eager)" dist/widget/wacost-widget.js
[ -d dist/widget ] && report widget "widget (near viewport)" dist/widget/wacost-widget.*.wasm dist/widget/wacost-widget-app.*.js dist/widget/wacost-data-USD-*.csv
[ -d js/pkg ] && report js-package "js package (js/pkg/)" js/pkg/*.wasm js/pkg/*.js
if $check; then
  [ "$over" = 0 ] && echo "size check: every bundle within its ratchet ($RATCHET)"
  exit "$over"
fi
exit 0
