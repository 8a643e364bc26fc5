#!/usr/bin/env bash
# Installs the system programs Autograd Lab needs when they are missing.
# Usage: tools/bootstrap.sh graphviz [chromium] [seccomp]
#   seccomp: libseccomp's Python binding (Debian's python3-seccomp), made visible to the
#            virtualenv $VENV (default .venv) that runs the app. Optional: without it the server
#            still runs, and says at start that its workers have no system call filter.
set -euo pipefail

VENV=${VENV:-.venv}
need=()
want_seccomp=""
seccomp_module() {  # Debian's build of the binding for this virtualenv's Python, if installed
  local suffix
  suffix=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
  ls /usr/lib/python3/dist-packages/seccomp"$suffix" 2>/dev/null || true
}
venv_has_seccomp() { "$VENV/bin/python" -c 'import seccomp' >/dev/null 2>&1; }
for what in "$@"; do
  case "$what" in
    graphviz) command -v dot >/dev/null 2>&1 || need+=(graphviz) ;;
    chromium) test -x /usr/bin/chromium || need+=(chromium fonts-noto-cjk) ;;
    seccomp)
      if ! venv_has_seccomp; then
        want_seccomp=1
        [ -n "$(seccomp_module)" ] || need+=(python3-seccomp)
      fi ;;
    *) echo "bootstrap: unknown component '$what'" >&2; exit 2 ;;
  esac
done

link_seccomp() {  # the binding is one self-contained module (libseccomp linked in)
  [ -n "$want_seccomp" ] || return 0
  local module site
  module=$(seccomp_module)
  site=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["platlib"])')
  if [ -n "$module" ]; then
    ln -sf "$module" "$site/"
  fi
  venv_has_seccomp || echo "bootstrap: WARNING: no seccomp binding for $VENV (install python3-seccomp); sandbox workers will run without a system call filter" >&2
}
trap link_seccomp EXIT
[ ${#need[@]} -eq 0 ] && exit 0

echo "bootstrap: installing ${need[*]}" >&2
if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "bootstrap: please install: ${need[*]} (e.g. apt-get install ${need[*]})" >&2
  # only graphviz and chromium are required; the seccomp binding is optional
  printf '%s\n' "${need[@]}" | grep -qv '^python3-seccomp$' && exit 1
  exit 0
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
