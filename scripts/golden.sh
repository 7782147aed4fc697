#!/usr/bin/env bash
# Golden outputs: runs `wacost estimate`, `compare`, `bill`, `plan`, `budget`, `levers` and
# `import-analytics` on the saved set in tests/golden
# and compares every byte (stdout, stderr and exit status) with tests/golden/expected.
#   scripts/golden.sh          compare; exits non-zero and shows the first differences
#   scripts/golden.sh --bless  re-baseline after a change that alters outputs on purpose
#                              (say in the commit what changed and why)
# WACOST_BIN names the binary to run (default: the debug build, built here if missing).
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bless=false
[ "${1:-}" = "--bless" ] && bless=true

bin=${WACOST_BIN:-$ROOT/target/debug/wacost}
if [ -z "${WACOST_BIN:-}" ]; then
  cargo build -q --locked -p wacost-cli || exit 1
fi
golden=tests/golden
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run() { # run NAME ARGS...: one output file with stdout, stderr and the exit status
  local name=$1; shift
  { "$bin" "$@" >"$out/stdout" 2>"$out/stderr"; echo "exit: $?"; } >"$out/status"
  { cat "$out/stdout"; echo "--- stderr"; cat "$out/stderr"; cat "$out/status"; } >"$out/$name"
  rm -f "$out/stdout" "$out/stderr" "$out/status"
}

for scenario in "$golden"/scenarios/*.json; do
  name=$(basename "$scenario" .json)
  run "$name.estimate" estimate "$scenario" --format json
  run "$name.table" estimate "$scenario" --format table
  run "$name.compare" compare "$scenario" --format json
done
for log in "$golden"/logs/*.csv; do
  name=$(basename "$log" .csv)
  settings=()
  [ -f "${log%.csv}.settings.json" ] && settings=(--settings "${log%.csv}.settings.json")
  run "$name.bill" bill "$log" "${settings[@]}" --format json --detail "$out/$name.detail.csv"
  run "$name.bill-skip" bill "$log" "${settings[@]}" --format json --skip-bad-rows
  run "$name.bill-table" bill "$log" "${settings[@]}" --format table --skip-bad-rows
done
# Plans, budgets and levers (docs/plan.md) on the sheets of tests/golden/plans.
for sheet in "$golden"/plans/*.json; do
  name=$(basename "$sheet" .json)
  run "$name.plan" plan "$sheet" --months 12 --growth 0.03 --growth-marketing 0.08 --multipliers 11:1.5,12:2 --format json
  run "$name.plan-table" plan "$sheet" --months 14 --format table
  run "$name.levers" levers "$sheet" --format json
  run "$name.budget" budget "$sheet" --country IN --category marketing --amount 2500 --format json
done
plans="$golden/plans"
run budget-service-dip budget "$plans/service-dip-2026-10.json" --country NG --category service --amount 10.6972 --format json
run budget-free-service budget "$plans/from-july-2026.json" --market India --category service --amount 1000 --format table
run budget-over budget "$plans/from-july-2026.json" --country BR --category utility --amount 10 --format json
run budget-bad-country budget "$plans/from-july-2026.json" --country IND --category utility --amount 10
run plan-bad-options plan "$plans/from-july-2026.json" --months 0 --growth -1 --multipliers 13:2
# Imports of Meta's pricing_analytics: the samples the core's tests use.
analytics=core/tests/data/analytics
run import-2026-10 import-analytics "$analytics/2026-10-daily-two-numbers.json" --month 2026-10
run import-2026-09 import-analytics "$analytics/2026-10-daily-two-numbers.json" --month 2026-09
run import-two-months import-analytics "$analytics/2026-10-daily-two-numbers.json"
run import-monthly import-analytics "$analytics/2026-09-monthly-volume-only.json" --currency usd
# The detail file's own path is a temporary one: name it the same way in every run.
sed -i "s#$out/##g" "$out"/*

if $bless; then
  rm -rf "$golden/expected"
  mkdir -p "$golden/expected"
  cp "$out"/* "$golden/expected/"
  echo "golden: $(ls "$golden/expected" | wc -l) outputs written to $golden/expected"
  exit 0
fi
if diff -r -q "$golden/expected" "$out" >/dev/null; then
  echo "golden: $(ls "$out" | wc -l) outputs identical"
  exit 0
fi
diff -r -q "$golden/expected" "$out" | head -20
diff -r -u "$golden/expected" "$out" | head -60
echo "golden: outputs differ from tests/golden/expected (scripts/golden.sh --bless re-baselines on purpose)"
exit 1
