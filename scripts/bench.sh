#!/usr/bin/env bash
# The benchmark suite: the engine natively (cargo bench), then the app in Chromium with 10,000
# stored activities (scripts/bench-ui.mjs, on a release build), and the text reader for photos
# (scripts/bench-photo.mjs), and syncing two devices (scripts/bench-sync.mjs). Prints medians
# against budgets and
# exits non-zero when one is over. Results are recorded in docs/performance.md.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
status=0
cargo bench --bench engine || status=1
cargo bench --bench sync || status=1
trunk build --release --offline || exit 1
node scripts/bench-ui.mjs || status=1
node scripts/bench-photo.mjs || status=1
node scripts/bench-sync.mjs || status=1
exit $status
