#!/usr/bin/env bash
# Builds a release of CME Tracker and packs it for a host (docs/hosting.md), installing what is
# missing first:
#   dist/                                  the files to serve, each compressible one with .gz and
#                                          .br beside it for hosts that serve precompressed files
#   release/cme-tracker-<version>.tar.gz   the same files, packed (the same bytes on every run
#   release/cme-tracker-<version>.tar.gz.sha256        from the same sources)
# The version is Cargo.toml's; CHANGELOG.md's newest release must be it (a native test checks).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
newest=$(sed -n 's/^## \([^ ]*\) .*/\1/p' CHANGELOG.md | head -n 1)
if [ "$version" != "$newest" ]; then
  echo "Cargo.toml says $version but CHANGELOG.md's newest release is $newest: add its notes first." >&2
  exit 1
fi

trunk build --release --offline

# Precompressed copies (after the service worker's list was written: they are not precached).
# Fixed timestamps and no names inside, so the same build packs to the same bytes.
find dist -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.json' \
  -o -name '*.svg' -o -name '*.webmanifest' -o -name '*.md' \) -print0 |
  while IFS= read -r -d '' f; do
    gzip -9 -n -k -f "$f"
    brotli -q 11 -k -f "$f"
    touch -r "$f" "$f.gz" "$f.br"
  done

mkdir -p release
archive=release/cme-tracker-$version.tar.gz
tar -C dist --sort=name --mtime='2000-01-01 00:00Z' --owner=0 --group=0 --numeric-owner -cf - . | gzip -9 -n > "$archive"
(cd release && sha256sum "$(basename "$archive")" > "$(basename "$archive").sha256")
echo "Release $version: $archive ($(du -h "$archive" | cut -f1)), checksum in $archive.sha256"
echo "Serve dist/ as docs/hosting.md says, or try it: deploy/serve.sh nginx"
