#!/bin/sh
# Installs what the tests drive outside Python, only when it is missing:
# Debian's chromium (driven by Playwright), PostgreSQL 15 (the data-call tests
# start a throwaway cluster of their own), the fonts
# and Pango that WeasyPrint renders with, and axe-core from the npm registry.
set -eu

need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
[ -x /usr/lib/postgresql/15/bin/initdb ] || need="$need postgresql"
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need="$need fonts-dejavu-core"
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || need="$need libpango-1.0-0 libpangoft2-1.0-0"

if [ -n "$need" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing:$need"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
    else
        echo "missing system packages:$need" >&2
        echo "install them (Debian: sudo apt-get install$need) and run make test again" >&2
        exit 1
    fi
fi

axe=.cache/node_modules/axe-core/axe.min.js
if [ ! -f "$axe" ]; then
    if command -v npm >/dev/null 2>&1; then
        mkdir -p .cache
        npm install --prefix .cache --no-audit --no-fund --silent axe-core@4 >/dev/null
    else
        echo "npm is needed to fetch axe-core for the accessibility test" >&2
        exit 1
    fi
fi
