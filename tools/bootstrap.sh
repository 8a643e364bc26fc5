#!/usr/bin/env bash
# Installs the system programs Autograd Lab needs when they are missing.
# Usage: tools/bootstrap.sh graphviz [chromium]
set -euo pipefail

need=()
for what in "$@"; do
  case "$what" in
    graphviz) command -v dot >/dev/null 2>&1 || need+=(graphviz) ;;
    chromium) test -x /usr/bin/chromium || need+=(chromium fonts-noto-cjk) ;;
    *) echo "bootstrap: unknown component '$what'" >&2; exit 2 ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0

echo "bootstrap: installing ${need[*]}" >&2
if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "bootstrap: please install: ${need[*]} (e.g. apt-get install ${need[*]})" >&2
  exit 1
fi
if command -v apt-get >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
elif command -v brew >/dev/null 2>&1; then
  for pkg in "${need[@]}"; do [ "$pkg" = fonts-noto-cjk ] || brew install "$pkg"; done
else
  echo "bootstrap: no supported package manager; please install: ${need[*]}" >&2
  exit 1
fi
