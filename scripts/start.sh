#!/usr/bin/env bash
# Starts Syncscope: the desktop window where Electron can run; otherwise the same UI headless
# (`syncscope serve`), printing its URL. Extra arguments go to `syncscope serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1

if [ ! -d node_modules ]; then
  echo "Installing dependencies (first run)…"
  npm ci --no-audit --no-fund
fi
echo "Building…"
npx electron-vite build >/dev/null

electron_ready() {
  [ -f node_modules/electron/path.txt ] && [ -x "node_modules/electron/dist/$(cat node_modules/electron/path.txt)" ]
}
has_display() {
  [ "$(uname -s)" != Linux ] || [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]
}

# better-sqlite3 is compiled for Node; Electron needs its own build, kept beside it in out/native.
prepare_electron_native() {
  local dst=out/native/electron/better_sqlite3.node version tmp
  [ -f "$dst" ] && return 0
  version=$(node -p "require('electron/package.json').version")
  tmp=$(mktemp -d)
  cp -r node_modules/better-sqlite3 "$tmp/"
  (cd "$tmp/better-sqlite3" && { npx --yes prebuild-install --runtime electron --target "$version" \
     || npx --yes node-gyp rebuild --release --runtime=electron --target="$version" --dist-url=https://electronjs.org/headers; }) >/dev/null 2>&1 || return 1
  mkdir -p "$(dirname "$dst")"
  cp "$tmp/better-sqlite3/build/Release/better_sqlite3.node" "$dst"
  rm -rf "$tmp"
}

if has_display; then
  if ! electron_ready; then
    echo "Fetching the Electron binary…"
    ELECTRON_SKIP_BINARY_DOWNLOAD= timeout 300 node node_modules/electron/install.js >/dev/null 2>&1 || true
  fi
  if electron_ready && prepare_electron_native; then
    exec npx electron .
  fi
  echo "The Electron binary (or its native modules) could not be installed on this machine."
else
  echo "No display here, so no desktop window."
fi
echo "Starting the same console headless instead: open the URL below in a browser."
exec node bin/syncscope.cjs serve "$@"
