#!/usr/bin/env bash
# Runs the benchmark suite (release build) and prints medians against their budgets.
# Budgets and recorded results: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo bench --bench engine
