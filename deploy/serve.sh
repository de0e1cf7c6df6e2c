#!/usr/bin/env bash
# Serves a built dist/ through the repository's own server configuration, exactly as a host would
# (deploy/nginx-site.conf or deploy/Caddyfile), on 127.0.0.1. Used by scripts/serve.sh and by the
# hosting tests; nothing is written outside a temporary directory.
#
#   deploy/serve.sh nginx|caddy [--port 8080] [--dist dist]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
server=${1:?usage: deploy/serve.sh nginx|caddy [--port N] [--dist DIR]}
shift
port=8080
dist=$here/../dist
while [ $# -gt 0 ]; do
  case $1 in
    --port) port=$2; shift 2 ;;
    --dist) dist=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dist=$(cd "$dist" && pwd)
[ -f "$dist/index.html" ] || { echo "no build in $dist (run scripts/release.sh or trunk build --release)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

case $server in
  nginx)
    # Debian puts nginx in /usr/sbin, which is not on every user's PATH.
    nginx=$(command -v nginx || echo /usr/sbin/nginx)
    [ -x "$nginx" ] || { echo "nginx is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
    mkdir -p "$work/tmp"
    cp "$here/nginx.conf" "$work/nginx.conf"
    # The site as a host would include it, with this run's port and files.
    sed -e "s|listen 127.0.0.1:8080;|listen 127.0.0.1:$port;|" -e "s|/srv/cme-tracker|$dist|g" \
      "$here/nginx-site.conf" > "$work/site.conf"
    # As root, nginx's workers would run as nobody, who may not read a build in a private
    # directory: they run as the user starting it.
    if [ "$(id -u)" = 0 ]; then sed -i '1i user root;' "$work/nginx.conf"; fi
    echo "Serving $dist with nginx on http://127.0.0.1:$port/ (also under /cme/)"
    "$nginx" -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
    ;;
  caddy)
    command -v caddy >/dev/null || { echo "caddy is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
    export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
    export CME_SITE=http://127.0.0.1:$port CME_DIST=$dist
    echo "Serving $dist with Caddy on http://127.0.0.1:$port/ (also under /cme/)"
    caddy run --config "$here/Caddyfile" --adapter caddyfile &
    ;;
  *) echo "unknown server $server (nginx or caddy)" >&2; exit 2 ;;
esac
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT INT TERM
wait $pid
