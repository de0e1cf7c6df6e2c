#!/usr/bin/env bash
# Installs what is missing, builds the release of CME Tracker (scripts/release.sh) and serves it
# on http://127.0.0.1:8080 through the same nginx configuration a host would use
# (deploy/nginx-site.conf): the headers, caching and sub-path /cme/ of a real deployment, not a
# development server. `scripts/serve.sh caddy` serves it with deploy/Caddyfile instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/release.sh
exec deploy/serve.sh "${1:-nginx}" --port "${PORT:-8080}" --dist dist
