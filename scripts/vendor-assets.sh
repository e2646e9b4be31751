#!/usr/bin/env bash
# Vendor pinned front-end builds from the npm registry into src/pilms/web/static/vendor/,
# so the app serves them itself and needs no JavaScript build step.
#
# Uses `npm pack` (download the published tarball only) into a temporary directory: nothing
# is installed, no node_modules is created, and the repo gets only the files listed below
# plus each package's licence. Re-runnable: each target folder is emptied first.
#
#   bash scripts/vendor-assets.sh
#
# After a version bump, update src/pilms/web/static/vendor/VENDOR.md (versions and sha256).
# Alpine.js is not vendored: its standard build compiles expressions with eval, which the app's
# Content-Security-Policy forbids; when a page needs it, vendor @alpinejs/csp instead.
set -euo pipefail

HTMX_VERSION="2.0.11"          # htmx.org, newest 2.x
PICO_VERSION="2.1.1"           # @picocss/pico, newest 2.x
JODIT_VERSION="4.15.13"        # jodit, newest 4.x
SWAGGER_UI_VERSION="5.35.0"    # swagger-ui-dist, newest 5.x (the API docs at /api/docs)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR="$ROOT/src/pilms/web/static/vendor"

command -v npm >/dev/null || { echo "vendor-assets: npm is needed (apt-get install npm)" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# fetch SPEC DIR: download the tarball of SPEC with `npm pack` and unpack it into DIR.
fetch() {
  local spec="$1" dir="$2" tarball
  mkdir -p "$WORK/tarballs" "$dir"
  tarball="$(cd "$WORK/tarballs" && npm pack --silent --ignore-scripts "$spec" | tail -n 1)"
  tar -xzf "$WORK/tarballs/$tarball" -C "$dir" --strip-components=1
  echo "fetched $spec ($tarball)"
}

# reset NAME: empty and recreate vendor/NAME.
reset() {
  rm -rf "${VENDOR:?}/$1"
  mkdir -p "$VENDOR/$1"
}

# put SRC DEST: copy one file into the vendor tree and say so.
put() {
  cp "$1" "$VENDOR/$2"
  printf '  %-32s %8s bytes\n' "vendor/$2" "$(wc -c <"$VENDOR/$2" | tr -d ' ')"
}

mkdir -p "$VENDOR"

# --- htmx ------------------------------------------------------------------------------
fetch "htmx.org@$HTMX_VERSION" "$WORK/htmx"
reset htmx
put "$WORK/htmx/dist/htmx.min.js" htmx/htmx.min.js
put "$WORK/htmx/LICENSE" htmx/LICENSE

# --- Pico CSS: the standard class-based build (styles semantic HTML, plus .container,
#     .secondary, .outline, .contrast, details.dropdown ... which the templates use) --------
fetch "@picocss/pico@$PICO_VERSION" "$WORK/pico"
reset pico
put "$WORK/pico/css/pico.min.css" pico/pico.min.css
put "$WORK/pico/LICENSE.md" pico/LICENSE.md

# --- Jodit: the English-only ES2021 UMD build. A plain <script> defines window.Jodit; it
#     needs no bundler and loads no other file unless `extraPlugins` names one of the
#     optional plugins (debug, speech-recognize), which are not vendored. ------------------
fetch "jodit@$JODIT_VERSION" "$WORK/jodit"
reset jodit
put "$WORK/jodit/es2021.en/jodit.min.js" jodit/jodit.min.js
put "$WORK/jodit/es2021.en/jodit.min.css" jodit/jodit.min.css
put "$WORK/jodit/LICENSE.txt" jodit/LICENSE.txt

# --- Swagger UI: the API docs page, served locally so /api/docs works offline ----------------
fetch "swagger-ui-dist@$SWAGGER_UI_VERSION" "$WORK/swagger-ui"
reset swagger-ui
put "$WORK/swagger-ui/swagger-ui-bundle.js" swagger-ui/swagger-ui-bundle.js
put "$WORK/swagger-ui/swagger-ui.css" swagger-ui/swagger-ui.css
put "$WORK/swagger-ui/LICENSE" swagger-ui/LICENSE
put "$WORK/swagger-ui/NOTICE" swagger-ui/NOTICE

total="$(find "$VENDOR" -type f ! -name VENDOR.md -exec cat {} + | wc -c | tr -d ' ')"
echo "vendored into src/pilms/web/static/vendor/: $total bytes in total"
echo "sha256:"
(cd "$VENDOR" && find . -type f ! -name VENDOR.md | sort | sed 's|^\./||' | xargs sha256sum | sed 's/^/  /')
