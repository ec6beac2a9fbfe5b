#!/usr/bin/env bash
# Builds the console with the machine's Node.js and npm (Maven runs it; `npm ci` fetches from the npm
# registry on the first build, from npm's cache after). Usage: build.sh [build|test]
set -euo pipefail
cd "$(dirname "$0")"

die() { echo "console: $*" >&2; exit 1; }

command -v node >/dev/null || die "Node.js is missing: the console needs Node.js 20.19 or newer with npm (https://nodejs.org, or NodeSource's Debian packages)"
command -v npm >/dev/null || die "npm is missing: install it with Node.js 20.19 or newer"
version=$(node -p 'process.versions.node')
IFS=. read -r major minor _ <<<"$version"
if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
  die "Node.js $version is too old: Vite needs 20.19 or newer"
fi

# npm ci only when the lock file changed since the last install, so a rebuild takes seconds.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

case "${1:-build}" in
  build) npx vite build --logLevel warn ;;
  test) npx vitest run ;;
  *) die "usage: build.sh [build|test]" ;;
esac
