#!/usr/bin/env bash
# Vendors KaTeX's prebuilt dist (min JS, CSS, woff2 fonts) into static/vendor/katex-<version>/.
# Usage: tools/vendor/katex/build.sh   (needs npm; the version is pinned here)
set -euo pipefail
version="0.19.1"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/static/vendor/katex-$version"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "katex@$version" >/dev/null && tar xzf "katex-$version.tgz")
rm -rf "$out"
mkdir -p "$out/fonts"
cp "$work/package/dist/katex.min.js" "$work/package/dist/katex.min.css" "$work/package/LICENSE" "$out/"
# Chromium, Firefox and Safari all take woff2 first; the other formats are dead weight here.
cp "$work/package/dist/fonts/"*.woff2 "$out/fonts/"
echo "wrote $out"
