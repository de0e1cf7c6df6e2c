#!/usr/bin/env bash
# Prints the size of the built app (dist/), raw and gzipped: what a first visit downloads, and
# fails when it is over the ceiling.
set -euo pipefail

# The ceiling on the first load (html + js + wasm + css, gzip -9), in KB. The one place it is kept:
# lower it whenever a change cuts the download; raising it needs a line in docs/performance.md
# saying why. The budget is 200 KB.
CEILING_KB=114
cd "$(dirname "$0")/.."
total_raw=0
total_gz=0
printf '%-44s %10s %10s\n' "file" "raw" "gzip -9"
for f in dist/index.html dist/*.js dist/*.wasm dist/*.css; do
  [ -f "$f" ] || continue
  # The worker loads on first use (backup import and export), not with the page; so do the
  # pages split off the page's wasm (scripts/split.mjs names them <page>.split_<name>.wasm).
  case "$f" in dist/cme-worker* | dist/*.split_*.wasm | dist/*.chunk_*.wasm) continue ;; esac
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-44s %10s %10s\n' "${f#dist/}" "$raw" "$gz"
done
printf '%-44s %10s %10s\n' "first load (html+js+wasm+css)" "$total_raw" "$total_gz"
for f in dist/cme-worker* dist/*.split_*.wasm dist/*.chunk_*.wasm; do
  [ -f "$f" ] || continue
  printf '%-44s %10s %10s   (on first use)\n' "${f#dist/}" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)"
done
# A return visit with records stored also fetches the records' module and the shared modules it
# needs (from the service worker's cache) before drawing: printed, not budgeted.
with_records=$total_gz
for f in $(awk '/^\/\* .*records.* \*\/$/ { want = 1; next } want && /chunk_[0-9]+\.wasm/ { match($0, /[^"\/]+\.chunk_[0-9]+\.wasm/); print substr($0, RSTART, RLENGTH); want = 0 }' dist/*.split.js 2>/dev/null) $(cd dist && ls *.split_records.wasm 2>/dev/null); do
  with_records=$((with_records + $(gzip -9 -c "dist/$f" | wc -c)))
done
printf 'with records stored, before the dashboard: %d KB gzipped (from the service worker on return visits)\n' "$(((with_records + 1023) / 1024))"
kb=$(((total_gz + 1023) / 1024))
printf 'first-load transfer: %d KB gzipped (ceiling %d KB, budget 200 KB)\n' "$kb" "$CEILING_KB"
if [ "$kb" -gt "$CEILING_KB" ]; then
  echo "The first load grew past its ceiling ($kb KB > $CEILING_KB KB): cut it, or raise CEILING_KB in scripts/sizes.sh with a line in docs/performance.md saying why." >&2
  exit 1
fi
