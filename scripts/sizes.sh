#!/usr/bin/env bash
# Prints the size of the built app (dist/), raw and gzipped: what a first visit downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
total_raw=0
total_gz=0
printf '%-44s %10s %10s\n' "file" "raw" "gzip -9"
for f in dist/index.html dist/*.js dist/*.wasm dist/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-44s %10s %10s\n' "${f#dist/}" "$raw" "$gz"
done
printf '%-44s %10s %10s\n' "first load (html+js+wasm+css)" "$total_raw" "$total_gz"
printf 'first-load transfer: %d KB gzipped (budget 200 KB)\n' $(((total_gz + 1023) / 1024))
