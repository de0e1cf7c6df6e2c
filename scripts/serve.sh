#!/usr/bin/env bash
# Installs what is missing, builds CME Tracker and serves it on http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "Serving CME Tracker on http://127.0.0.1:8080 (Ctrl+C to stop)"
exec trunk serve --release --offline --address 127.0.0.1 --port 8080
