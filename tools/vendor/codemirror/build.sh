#!/usr/bin/env bash
# Rebuilds the vendored CodeMirror bundle reproducibly from the pinned package-lock.json.
# Usage: tools/vendor/codemirror/build.sh   (needs node + npm; writes static/vendor/)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$here"
npm ci --no-audit --no-fund --silent
version="$(node -p 'JSON.parse(require("fs").readFileSync("node_modules/codemirror/package.json","utf8")).version')"
out="$root/static/vendor/codemirror-$version.js"
npx esbuild entry.js --bundle --format=esm --minify --legal-comments=eof \
  --target=es2020 --outfile="$out"
cp node_modules/codemirror/LICENSE "${out%.js}.LICENSE"
echo "wrote $out"
