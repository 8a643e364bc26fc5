#!/usr/bin/env bash
# Runs the test suite (all but the browser tests) as an unprivileged user, so that worker
# isolation is proved both ways CI can run it: as root (workers switch to a separate uid) and as
# a normal user (workers enter a user namespace). The user, a copy of the checkout it owns and a
# virtualenv from Debian's python3 are made fresh each time, in a temporary directory.
#
# Usage (as root, on Debian): tools/unprivileged_tests.sh [pytest arguments]
# Environment: UNPRIVILEGED_USER=autograd-ci   the account made (and kept) for the run
set -euo pipefail
cd "$(dirname "$0")/.."

USER_NAME=${UNPRIVILEGED_USER:-autograd-ci}
[ "$(id -u)" = 0 ] || { echo "unprivileged_tests: run as root (it creates the user)" >&2; exit 1; }
PYTHON=/usr/bin/python3  # Debian's: a root-only Python (e.g. under /root) is not usable by others
if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
fi
id "$USER_NAME" >/dev/null 2>&1 || useradd --system --user-group --no-create-home \
  --home-dir /nonexistent --shell /usr/sbin/nologin "$USER_NAME"

WORK=$(mktemp -d /tmp/autograd-unprivileged.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# the checkout's files (tracked and new, not ignored): no virtualenv, caches or build output
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -C "$WORK" -xf -
chown -R "$USER_NAME:" "$WORK"

as_user() { runuser -u "$USER_NAME" -- env -i PATH=/usr/bin:/bin HOME="$WORK" \
  PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1 "$@"; }
echo "unprivileged_tests: virtualenv for $USER_NAME ($(as_user "$PYTHON" --version))"
as_user "$PYTHON" -m venv "$WORK/.venv"
# pip's CA bundle setting, if the machine has one (a TLS-inspecting proxy's CA may be in it)
PIP_CERT=()
[ -f /etc/ssl/certs/ca-certificates.crt ] && PIP_CERT=(--cert /etc/ssl/certs/ca-certificates.crt)
as_user "$WORK/.venv/bin/pip" install -q "${PIP_CERT[@]}" -e "$WORK[test]"
(cd "$WORK" && as_user env VENV="$WORK/.venv" bash tools/bootstrap.sh seccomp)
echo "unprivileged_tests: pytest as $(as_user id -un) (uid $(id -u "$USER_NAME"))"
cd "$WORK"
as_user "$WORK/.venv/bin/python" -m pytest -p no:cacheprovider -m "not browser" -q "$@"
