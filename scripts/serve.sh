#!/usr/bin/env bash
# Installs what is missing, builds the release of CME Tracker and serves it on
# http://127.0.0.1:8080 the way a user would host it: static files, no live-reload script (that
# script's socket is blocked by the page's CSP and printed an error on every load).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release --offline
echo "Serving CME Tracker on http://127.0.0.1:8080 (also under /cme/; Ctrl+C to stop)"
exec node scripts/static-server.mjs --port 8080
