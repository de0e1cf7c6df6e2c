#!/usr/bin/env bash
# The fuzz harness at full size: 100,000 structured mutations of a valid backup file and of the
# stored format (tests/fuzz_import.rs), with overflow checks on. Prints the figures recorded in
# docs/reliability.md. CI runs the same harness at 2,000 mutations each within `cargo test`.
#
#   scripts/fuzz.sh            100,000 mutations of each, seed 0x5EEDCAFE
#   scripts/fuzz.sh 20000 42   another count and seed
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export FUZZ_CASES=${1:-100000}
[ -n "${2:-}" ] && export FUZZ_SEED=$2
# The engine's extreme-input property test, at a larger count too.
export EXTREME_CASES=${EXTREME_CASES:-20000}
time cargo test --profile fuzz --test fuzz_import --test engine_extremes -- --nocapture --test-threads=2
