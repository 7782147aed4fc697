#!/usr/bin/env bash
# Sets up everything (idempotent) and runs every check: formatting, lints on host and wasm32,
# native tests, browser tests in headless Chromium (wasm-pack), the release build of the site
# and the end-to-end tests of the page and the widget. Exits non-zero if anything failed and
# ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/env.sh

passed=0; failed=0; failures=()
check() { # check NAME COMMAND...: runs one check, records the outcome, keeps going
  local name=$1; shift
  local start=$SECONDS
  echo "::: $name"
  if "$@"; then
    passed=$((passed + 1)); echo "::: $name: ok ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1)); failures+=("$name"); echo "::: $name: FAILED ($((SECONDS - start)) s)"
  fi
}

scripts/setup.sh || { echo "test.sh: setup failed"; echo "wacost: 0 passed, 1 failed"; exit 1; }

browser_crates=()
for crate in web js widget; do [ -f "$crate/webdriver.json" ] && browser_crates+=("$crate"); done

check "cargo fmt" cargo fmt --all -- --check
check "clippy (host)" cargo clippy --workspace --all-targets --locked -- -D warnings
check "clippy (wasm32, core)" cargo clippy --target wasm32-unknown-unknown --locked -p wacost-core --lib -- -D warnings
for crate in "${browser_crates[@]}"; do
  check "clippy (wasm32, $crate)" cargo clippy --target wasm32-unknown-unknown --locked -p "wacost-$crate" --lib --tests -- -D warnings
done
check "native tests" cargo test --locked -p wacost-core -p wacost-cli
check "golden outputs (estimate, compare, bill)" scripts/golden.sh
for crate in "${browser_crates[@]}"; do
  check "browser tests: $crate (wasm-pack, headless Chromium)" wasm-pack test --headless --chrome "$crate"
done
check "release build of the site" scripts/build-site.sh
check "bundle sizes within their ratchets (scripts/size-ratchet.txt)" scripts/size-report.sh --check
# The log-check test compares the page with the CLI built by the native tests above.
export WACOST_BIN="$ROOT/target/debug/wacost"
check "end-to-end tests (headless Chromium)" node --test tests/e2e/*.test.mjs

for f in "${failures[@]}"; do echo "test.sh: FAILED: $f"; done
echo "wacost: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
