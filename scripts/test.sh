#!/usr/bin/env bash
# Runs every test layer of CME Tracker, installing what is missing first. Stops at the first red
# layer. Ends with the bundle sizes and the test totals.
#
#   scripts/test.sh            everything (what CI runs)
#   scripts/test.sh native     one layer: fmt | clippy | native | wasm | build | e2e | hosting
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
only=${1:-all}

"$ROOT/scripts/setup.sh"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
passed=0
failed=0

layer() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }
want() { [ "$only" = all ] || [ "$only" = "$1" ]; }

# Adds the counts of every "test result:" line of a cargo test log to the totals.
count_cargo() {
  local p f
  p=$(grep -Eo '[0-9]+ passed' "$1" | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$1" | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p))
  failed=$((failed + f))
}

if want fmt; then
  layer "cargo fmt --check"
  cargo fmt --all -- --check
fi

if want clippy; then
  layer "cargo clippy (native, all targets)"
  cargo clippy --all-targets -- -D warnings
  layer "cargo clippy (wasm32)"
  cargo clippy --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings
fi

if want native; then
  layer "native tests (domain and storage)"
  cargo test 2>&1 | tee "$logs/native.log"
  count_cargo "$logs/native.log"
fi

if want wasm; then
  layer "wasm-bindgen-test in headless Chromium"
  wasm_tests=()
  for f in tests/wasm_*.rs; do
    wasm_tests+=(--test "$(basename "$f" .rs)")
  done
  cargo test --target wasm32-unknown-unknown "${wasm_tests[@]}" 2>&1 | tee "$logs/wasm.log"
  count_cargo "$logs/wasm.log"
fi

if want build || want e2e || want hosting; then
  layer "scripts/release.sh (trunk build --release --offline, precompressed, packed)"
  scripts/release.sh
fi

# Runs Playwright with a config, adds its JSON report's counts to the totals, stops when it failed.
playwright_layer() {
  local config=$1 report=$2 status p f
  set +e
  npx --no-install playwright test -c "$config"
  status=$?
  set -e
  read -r p f < <(REPORT="$report" node -e '
    const r = require(process.env.REPORT).stats;
    console.log(r.expected + r.flaky, r.unexpected);')
  passed=$((passed + p))
  failed=$((failed + f))
  [ "$status" = 0 ] || { echo "Playwright failed ($config)"; exit "$status"; }
}

if want e2e; then
  layer "Playwright end-to-end tests (Debian chromium, dist/ served on 127.0.0.1)"
  playwright_layer playwright.config.ts ./test-results/e2e.json
fi

if want hosting; then
  layer "Playwright against the release served by deploy/nginx-site.conf and deploy/Caddyfile"
  playwright_layer playwright.hosting.config.ts ./test-results/hosting.json
fi

if [ -d dist ] && { want build || want e2e || want hosting; }; then
  layer "bundle sizes (first load)"
  "$ROOT/scripts/sizes.sh"
fi

echo
echo "Totals: $passed passed, $failed failed"
[ "$failed" = 0 ]
