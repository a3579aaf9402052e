#!/usr/bin/env bash
# Installs what spark-jobs' tests need beyond Maven's dependencies, when it is missing: Debian's
# chromium (the report's browser test), node and npm, and hyparquet with its ZSTD codec (the
# independent Parquet reader of the reader tests), at the versions pinned in package-lock.json,
# into node_modules here (git-ignored). The build runs this before the tests; it is idempotent and
# takes milliseconds when everything is in place. What it cannot install it names in one line;
# the tests that need it then fail saying so.
#
#   spark-jobs/src/test/tools/install-test-tools.sh
set -uo pipefail
cd "$(dirname "$0")"
log="$(pwd)/../../../target/test-tools-install.log"
mkdir -p "$(dirname "$log")"

have() { command -v "$1" >/dev/null 2>&1; }

missing=()
have chromium || have chromium-browser || [[ -n "${CHROMIUM:-}" ]] || missing+=(chromium)
have node || missing+=(nodejs)
have npm || missing+=(npm)
if [[ ${#missing[@]} -gt 0 ]]; then
    if [[ $(id -u) -eq 0 ]] && have apt-get; then
        echo "installing ${missing[*]} (Debian packages) for the tests ..."
        if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
            >"$log" 2>&1; then
            echo "warning: could not install ${missing[*]} (log: $log); the tests that need them will fail"
        fi
    else
        echo "warning: the tests need ${missing[*]}: install them (apt-get install -y ${missing[*]}) as root"
    fi
fi

# npm ci only when node_modules does not hold exactly what package-lock.json pins
stamp=node_modules/.hhsweep-package-lock.json
if ! cmp -s package-lock.json "$stamp"; then
    if ! have npm; then
        : # named above
    elif npm ci --no-audit --no-fund --ignore-scripts >"$log" 2>&1; then
        cp package-lock.json "$stamp"
    else
        echo "warning: npm ci failed in $(pwd) (log: $log); the Parquet reader tests will fail without hyparquet"
    fi
fi
exit 0
