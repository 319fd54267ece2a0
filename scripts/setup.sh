#!/usr/bin/env bash
# Installs everything Agent Desktop needs on Debian 12 with Node 20: the lab PBX and browser from Debian,
# the npm dependencies (falling back to no Electron binary when its download host is unreachable), and a build.
# Safe to run again: it skips what is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n==> %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

DEBIAN_PACKAGES=(
  kamailio kamailio-websocket-modules kamailio-presence-modules kamailio-sqlite-modules kamailio-utils-modules
  sip-tester rtpengine-daemon chromium fonts-noto-cjk fonts-thai-tlwg sqlite3 xvfb postgresql-15
)
missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The lab PBX and the team server's PostgreSQL are started by the project on its own loopback ports (a
# throwaway cluster per run); the system's Kamailio and PostgreSQL services are not used.
if command -v systemctl >/dev/null; then
  for service in kamailio postgresql; do
    if systemctl is-active --quiet "$service" 2>/dev/null; then as_root systemctl disable --now "$service" >/dev/null 2>&1 || true; fi
  done
fi

stamp=node_modules/.agent-desktop-setup
want="$(sha256sum package-lock.json | cut -d' ' -f1) $(node -v)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "Installing npm dependencies"
  if ! npm ci --no-audit --no-fund; then
    say "npm ci failed; if that was the Electron download, installing again with ELECTRON_SKIP_BINARY_DOWNLOAD=1"
    ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
  echo "$want" > "$stamp"
fi

# Electron's package fetches its binary separately from its release host, which may be unreachable.
if node -e "import('./scripts/electron-binary.mjs').then((m) => process.exit(m.electronBinary() ? 0 : 1))"; then
  echo "Electron binary present: npm start opens the desktop app." >&2
elif [ -z "${ELECTRON_SKIP_BINARY_DOWNLOAD:-}" ] && timeout 600 node node_modules/electron/install.js >/dev/null 2>&1; then
  echo "Electron binary downloaded: npm start opens the desktop app." >&2
else
  say "The Electron binary could not be downloaded (its release host is unreachable from here)."
  echo "npm start runs the web shell instead: the same app, served on 127.0.0.1 and opened in Chromium." >&2
fi

say "Building"
npm run build >/dev/null
echo "Setup complete." >&2
