#!/usr/bin/env bash
# Makes sure the browsers the e2e tests and `npm start` drive are present: Chromium (CHROME_PATH,
# /usr/bin/chromium or Playwright's) and Firefox ESR (FIREFOX_PATH, /usr/bin/firefox-esr or firefox).
# The lookup is e2e/support/browsers.ts, the one the tests use. On Debian/Ubuntu as root it installs
# the missing ones with apt-get; anywhere else it says what to do and exits 1. Fast when both exist.
# With --xvfb (npm start on a machine without a display) it also makes sure Xvfb, the virtual X server, is there.
set -euo pipefail
cd "$(dirname "$0")/.."
want_xvfb=false
if [ "${1:-}" = "--xvfb" ]; then want_xvfb=true; fi

# Sets $found (the lookup's report) and $missing_packages (the Debian packages that would provide what is missing).
find_browsers() {
  found="$(npx --no-install tsx e2e/support/browsers.ts 2>&1 || true)"
  if ! grep -q '^chromium: ' <<<"$found"; then
    echo "ensure-browsers: could not run e2e/support/browsers.ts (run npm install first?):"$'\n'"$found" >&2
    exit 1
  fi
  missing_packages=()
  if grep -q '^chromium: missing' <<<"$found"; then missing_packages+=(chromium); fi
  if grep -q '^firefox: missing' <<<"$found"; then missing_packages+=(firefox-esr); fi
  if $want_xvfb && ! command -v Xvfb >/dev/null 2>&1; then missing_packages+=(xvfb); fi
}

find_browsers
if [ ${#missing_packages[@]} -eq 0 ]; then
  exit 0
fi

explain() {
  echo "ensure-browsers: missing ${missing_packages[*]}. $1" >&2
  for package in "${missing_packages[@]}"; do
    case "$package" in
      chromium) echo "  Chromium: install Chromium or set CHROME_PATH=/path/to/chrome; on macOS: npx playwright install chromium" >&2 ;;
      firefox-esr) echo "  Firefox: install Firefox ESR (Debian/Ubuntu: apt-get install firefox-esr) or set FIREFOX_PATH=/path/to/firefox" >&2 ;;
      xvfb) echo "  Xvfb: install it (Debian/Ubuntu: sudo apt-get install -y --no-install-recommends xvfb; Fedora: sudo dnf install xorg-x11-server-Xvfb), or run npm start where there is a display" >&2 ;;
    esac
  done
  exit 1
}

if [ "$(uname -s)" != "Linux" ] || ! command -v apt-get >/dev/null 2>&1; then
  explain "This system has no apt-get, so they cannot be installed automatically."
fi
if [ "$(id -u)" -ne 0 ]; then
  explain "Installing needs root: sudo apt-get install -y --no-install-recommends ${missing_packages[*]}"
fi

echo "ensure-browsers: installing ${missing_packages[*]} with apt-get (a minute or two, once)..."
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing_packages[@]}"; } >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  rm -f "$log"
  explain "apt-get failed (output above)."
fi
rm -f "$log"

find_browsers
if [ ${#missing_packages[@]} -ne 0 ]; then
  explain "apt-get ran but they are still not found."
fi
echo "ensure-browsers: done."$'\n'"$found"
