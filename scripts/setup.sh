#!/usr/bin/env bash
# Installs what building and testing CME Tracker needs, and only what is missing.
# Idempotent: a second run installs nothing. Works as root on a bare Debian machine that has
# Rust (rustup), Node and npm; uses sudo for apt-get when not root.
#
# Pinned versions must match Trunk.toml and Cargo.toml:
#   trunk 0.21.14 (newest that builds with rustc 1.95), wasm-bindgen-cli 0.2.130 (= the crate),
#   wasm-opt from npm binaryen@132 (Debian's binaryen 108 cannot read what rustc 1.95 emits),
#   wasm-split-cli 0.2.4 (= the wasm_split_helpers runtime's format; scripts/split.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
WASM_SPLIT_VERSION=0.2.4
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "installing Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "installing rustup component $component"
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (cargo install, about 8 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "^wasm-bindgen $WASM_BINDGEN_VERSION\b"; then
  # Not --locked: the published lockfile names a crate version the registry no longer has.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The tool prints no version: cargo's list of installed crates tells.
if ! command -v wasm-split-cli >/dev/null \
  || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  # Splits the page's wasm into the first download and the pages loaded when first opened
  # (scripts/split.mjs, docs/architecture.md).
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (cargo install, about 3 minutes)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# Debian packages: brotli to precompress a release; for trying and testing (not needed to only
# build a release: CME_SETUP=build) the browser, and nginx and Caddy to serve a build as a host
# would (deploy/).
debs=()
command -v brotli >/dev/null || debs+=(brotli)
if [ "${CME_SETUP:-all}" != build ]; then
  { command -v nginx || [ -x /usr/sbin/nginx ]; } >/dev/null || debs+=(nginx-light)
  command -v caddy >/dev/null || debs+=(caddy)
  command -v chromium >/dev/null || debs+=(chromium)
  command -v chromedriver >/dev/null || debs+=(chromium-driver)
fi
if [ ${#debs[@]} -gt 0 ]; then
  say "installing Debian packages: ${debs[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${debs[@]}"
fi

# npm ci only when node_modules does not match the committed lockfile.
stamp=node_modules/.package-lock.sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "installing npm dev tools (binaryen@132 for wasm-opt, @playwright/test) with npm ci"
  # Playwright must use Debian's chromium: never download a browser.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
