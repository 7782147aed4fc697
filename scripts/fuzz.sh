#!/usr/bin/env bash
# Fuzzing on stable Rust: runs the properties of core/tests/fuzz.rs (every parser a user
# reaches, fed arbitrary bytes and structured garbage) round after round with fresh random
# seeds for SECONDS seconds, optimised and with overflow checks on (Cargo profile `fuzz`).
# Stops at the first failure and prints it, with the smallest failing input proptest shrank
# it to (also saved in core/tests/proptest-regressions/fuzz.txt and replayed first by every
# later run, ./test.sh included).
#
# Usage: scripts/fuzz.sh [SECONDS] [CASES_PER_ROUND]   (defaults: 600 s, 20,000 cases)
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

seconds=${1:-600}
cases=${2:-20000}
properties=7
run() {
  cargo test --locked --profile fuzz -p wacost-core --test fuzz "$@" -- \
    --skip a_link_over_the_cap --skip a_path_at_the_root --skip the_garbage_reaches
}

run --no-run --quiet || { echo "fuzz: the fuzz tests do not build"; exit 2; }
start=$SECONDS
end=$((SECONDS + seconds))
rounds=0
while [ "$SECONDS" -lt "$end" ]; do
  left=$((end - SECONDS))
  out=$(WACOST_FUZZ_CASES=$cases timeout "$left" bash -c "$(declare -f run); run --quiet" 2>&1)
  rc=$?
  if [ "$rc" -eq 124 ]; then
    break # time is up in the middle of a round: no failure in it so far
  elif [ "$rc" -ne 0 ]; then
    echo "$out" | sed -n '/^failures:$/,$p' | grep -v '^\s*[0-9]*: \|^\s*at '
    echo "fuzz: FAILED in round $((rounds + 1)) after $((SECONDS - start)) s; $rounds rounds of $cases cases per property passed before it"
    exit 1
  fi
  rounds=$((rounds + 1))
  echo "fuzz: round $rounds: $properties properties x $cases cases passed ($((SECONDS - start)) s)"
done
total=$((rounds * cases))
echo "fuzz: $rounds full rounds in $((SECONDS - start)) s: $total cases per property, $((total * properties)) in all, no failure"
