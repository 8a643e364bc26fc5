#!/usr/bin/env bash
# Container smoke test: really builds the Dockerfile and serves from the built image.
#
# No Docker engine is needed. Debian's podman builds the image (`--isolation=chroot`) on a base
# made offline from the configured Debian mirror with debootstrap (bookworm + python3 + graphviz +
# python3-seccomp, imported with `podman import` and passed through the BASE_IMAGE build
# argument). The image's
# CMD then runs as the image's USER in a chroot of the mounted image (`podman image mount`), with
# a read-only root and a tmpfs /tmp as compose.yaml recommends, and the script checks /healthz,
# the image's own HEALTHCHECK command, and one POST /api/run.
#
# Usage (as root, on Debian): tools/container_smoke.sh
# Environment:
#   SMOKE_CACHE=/var/tmp/autograd-lab-smoke   where the debootstrapped base is kept between runs
#   SMOKE_PORT=18765                          the port the server listens on (127.0.0.1)
#   SMOKE_KEEP_IMAGE=1                        keep the built image afterwards
#   SMOKE_REBUILD_BASE=1                      debootstrap the base again
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=${SMOKE_CACHE:-/var/tmp/autograd-lab-smoke}
PORT=${SMOKE_PORT:-18765}
# the tag names what the base holds: a cached base of an older list is not reused
BASE_TAG=localhost/autograd-lab-base:bookworm-seccomp
IMAGE_TAG=localhost/autograd-lab:smoke
START=$(date +%s)

log() { printf '[smoke %4ss] %s\n' "$(($(date +%s) - START))" "$*"; }
fail() { log "FAIL: $*"; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (podman build, chroot and mounts need it)"

# --- tools -------------------------------------------------------------------------------------
if ! command -v podman >/dev/null || ! command -v debootstrap >/dev/null; then
  log "installing podman and debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman debootstrap >/dev/null
fi

# The Debian mirror apt is configured with (deb822 .sources or one-line sources.list).
debian_mirror() {
  local uri
  uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | awk '/^URIs:/ {for (i = 2; i <= NF; i++) print $i}' | grep -v -- '-security' | head -n1 || true)
  if [ -z "$uri" ]; then
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
          | awk '$1 == "deb" && $2 !~ /^\[/ {print $2} $1 == "deb" && $2 ~ /^\[/ {print $3}' \
          | grep -v -- '-security' | head -n1 || true)
  fi
  [ -n "$uri" ] || fail "no Debian mirror found in /etc/apt/sources.list*"
  echo "$uri"
}

# --- base image: debootstrapped bookworm with python3, venv and graphviz --------------------------
if [ -n "${SMOKE_REBUILD_BASE:-}" ]; then
  podman rmi -f "$BASE_TAG" >/dev/null 2>&1 || true
  rm -rf "$CACHE/rootfs"
fi
if ! podman image exists "$BASE_TAG"; then
  mkdir -p "$CACHE"
  if [ "$(cat "$CACHE/rootfs/.complete" 2>/dev/null)" != "$BASE_TAG" ]; then
    MIRROR=$(debian_mirror)
    log "debootstrap bookworm from $MIRROR (takes a minute or two)"
    rm -rf "$CACHE/rootfs"
    debootstrap --variant=minbase --include=python3,python3-venv,python3-seccomp,graphviz \
      bookworm "$CACHE/rootfs" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
      || { tail -n 20 "$CACHE/debootstrap.log"; fail "debootstrap"; }
    rm -rf "$CACHE"/rootfs/var/cache/apt/archives/*.deb "$CACHE"/rootfs/var/lib/apt/lists/*
    echo "$BASE_TAG" >"$CACHE/rootfs/.complete"
  fi
  log "importing the base as $BASE_TAG"
  tar --exclude=./.complete -C "$CACHE/rootfs" -c . | podman import --quiet - "$BASE_TAG" >/dev/null
fi
log "base image: $BASE_TAG"

# --- build -------------------------------------------------------------------------------------
log "podman build --isolation=chroot (BASE_IMAGE=$BASE_TAG)"
BUILD_START=$(date +%s)
# Docker format keeps HEALTHCHECK (the OCI image format has no field for it).
# pip inside the build trusts this machine's CA bundle (a TLS-inspecting proxy's CA may be in it),
# lent to the RUN steps only: nothing of the host ends up in the image.
BUILD_MOUNTS=()
HOST_CA=/etc/ssl/certs/ca-certificates.crt
if [ -f "$HOST_CA" ]; then
  printf '[global]\ncert = %s\n' "$HOST_CA" >"$CACHE/pip.conf"
  BUILD_MOUNTS=(--volume "$HOST_CA:$HOST_CA:ro" --volume "$CACHE/pip.conf:/etc/pip.conf:ro")
fi
if ! podman build --isolation=chroot --format docker --build-arg "BASE_IMAGE=$BASE_TAG" \
    "${BUILD_MOUNTS[@]}" --tag "$IMAGE_TAG" . 2>&1 | sed 's/^/    /'; then
  fail "podman build"
fi
log "built $IMAGE_TAG in $(($(date +%s) - BUILD_START)) s"

inspect() { podman image inspect --format "$1" "$IMAGE_TAG"; }
USER_SPEC=$(inspect '{{.Config.User}}')
WORKDIR=$(inspect '{{.Config.WorkingDir}}')
CMD_JSON=$(inspect '{{json .Config.Cmd}}')
HEALTH_JSON=$(inspect '{{json .Config.Healthcheck}}')
log "image: user=$USER_SPEC workdir=$WORKDIR cmd=$CMD_JSON"
log "image: exposed=$(inspect '{{json .Config.ExposedPorts}}') healthcheck=$HEALTH_JSON"
[ -n "$USER_SPEC" ] && [ "${USER_SPEC%%:*}" != root ] && [ "${USER_SPEC%%:*}" != 0 ] \
  || fail "the image runs as root"
[ "$HEALTH_JSON" != null ] || fail "the image has no HEALTHCHECK"

# --- run the image's CMD in a chroot of the mounted image ----------------------------------------
MNT=$(podman image mount "$IMAGE_TAG")
SERVER_PID=""
cleanup() {
  set +e
  if [ -n "$SERVER_PID" ]; then
    # `unshare --fork` ignores SIGTERM while it waits, and the server (its child, PID 1 of the
    # new PID namespace) changed user, which drops --kill-child's death signal: signal the
    # server itself; when it ends, the namespace's other processes (the workers) end with it.
    server=$(pgrep -P "$SERVER_PID" | head -n1)
    [ -n "$server" ] && kill "$server" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    [ -n "$server" ] && kill -KILL "$server" 2>/dev/null
    kill -KILL "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  podman image umount "$IMAGE_TAG" >/dev/null 2>&1
  [ -n "${SMOKE_KEEP_IMAGE:-}" ] || podman rmi -f "$IMAGE_TAG" >/dev/null 2>&1
  log "total $(($(date +%s) - START)) s"
}
trap cleanup EXIT

user_name=${USER_SPEC%%:*}
group_name=${USER_SPEC#*:}
uid=$(awk -F: -v u="$user_name" '$1 == u || $3 == u {print $3}' "$MNT/etc/passwd")
gid=$(awk -F: -v g="$group_name" '$1 == g || $3 == g {print $3}' "$MNT/etc/group")
[ -n "$uid" ] && [ -n "$gid" ] || fail "user $USER_SPEC not found in the image"

# The image's environment, then what `docker run -e` would add: listen on loopback only here.
mapfile -t IMAGE_ENV < <(inspect '{{range .Config.Env}}{{println .}}{{end}}' | sed '/^$/d')
RUN_ENV=("${IMAGE_ENV[@]}" "HOME=/nonexistent" "AUTOGRAD_LAB_HOST=127.0.0.1" "AUTOGRAD_LAB_PORT=$PORT")
in_image() {  # in_image <json argv>: run argv in the image as its user (shell-quoted for chroot)
  python3 -c 'import json, shlex, sys; print(shlex.join(json.loads(sys.argv[1])))' "$1"
}
CMD_LINE=$(in_image "$CMD_JSON")
# The HEALTHCHECK test is ["CMD", argv...] or ["CMD-SHELL", "command"].
HEALTH_LINE=$(python3 -c '
import json, shlex, sys
test = json.loads(sys.argv[1])["Test"]
print(shlex.join(test[1:]) if test[0] == "CMD" else test[1])' "$HEALTH_JSON")

log "starting: $CMD_LINE (uid $uid, gid $gid, read-only root, tmpfs /tmp)"
# A private mount and pid namespace: the mounts and every process go away with it.
unshare --mount --pid --fork --kill-child bash -c '
  set -e
  mnt=$1; shift
  mount -t tmpfs -o size=64m,mode=1777,nosuid,nodev tmpfs "$mnt/tmp"
  mount -t proc -o nosuid,nodev,noexec proc "$mnt/proc"
  mount --rbind /dev "$mnt/dev"
  mount -o remount,bind,ro "$mnt" 2>/dev/null || true
  exec "$@"' smoke "$MNT" \
  chroot --userspec="$uid:$gid" --groups="$gid" "$MNT" \
  env -i "${RUN_ENV[@]}" sh -c "cd '$WORKDIR' && exec $CMD_LINE" \
  >"$CACHE/server.log" 2>&1 &
SERVER_PID=$!

URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do
  if python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
      "$URL/healthz" 2>/dev/null; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$CACHE/server.log"; fail "the server exited"; }
  sleep 0.5
done
log "GET /healthz answers after $(($(date +%s) - START)) s"

# The image's own HEALTHCHECK, run inside the image as its user.
chroot --userspec="$uid:$gid" --groups="$gid" "$MNT" env -i "${RUN_ENV[@]}" sh -c "$HEALTH_LINE" \
  || fail "the image's HEALTHCHECK command failed"
log "HEALTHCHECK command: ok"

python3 - "$URL" <<'PY' || fail "POST /api/run"
import json, sys, urllib.request

url = sys.argv[1]
code = """import torch
x = torch.tensor(2.0)
w = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
y = w * x + b
y.backward()
print(w.grad, b.grad)
y
"""
request = urllib.request.Request(
    url + "/api/run",
    data=json.dumps({"code": code, "lang": "en"}).encode(),
    headers={"Content-Type": "application/json"},
)
with urllib.request.urlopen(request, timeout=30) as response:
    status, headers, body = response.status, response.headers, json.load(response)
print("    status:", status)
for name in ("Content-Security-Policy", "X-Content-Type-Options", "X-Request-ID"):
    print(f"    {name}: {headers.get(name)}")
print("    stdout:", json.dumps(body["stdout"]))
print("    error:", body["error"])
print("    graph nodes:", len(body["graph"]["nodes"]), " svg bytes:", len(body["svg"] or ""))
assert status == 200
assert body["error"] is None, body["error"]
assert body["stdout"] == "tensor(2.) tensor(1.)\ntensor(5., grad_fn=<AddBackward0>)\n", body["stdout"]
assert body["svg"] and body["svg"].lstrip().startswith("<svg"), "no SVG"
PY
log "POST /api/run: ok"

# What the app may write, checked inside the server's own mount namespace: only /tmp.
NS_PID=$(cat "/proc/$SERVER_PID/task/$SERVER_PID/children" | awk '{print $1}')
in_server_ns() { nsenter --target "$NS_PID" --mount chroot "$@"; }
in_server_ns "$MNT" sh -c 'touch /probe' 2>/dev/null && fail "the root file system is writable"
in_server_ns --userspec="$uid:$gid" --groups="$gid" "$MNT" sh -c "touch '$WORKDIR/probe'" \
  2>/dev/null && fail "the app can write to its own source"
in_server_ns --userspec="$uid:$gid" --groups="$gid" "$MNT" sh -c 'touch /tmp/probe' \
  || fail "the app cannot write to /tmp"
log "file system: root read-only, source not writable by $user_name, /tmp writable"
# The sandbox's start-up line: in this chroot (as in Docker with its default seccomp profile)
# the namespaces are refused, the system call filter must still be on.
grep -q "sandbox isolation.*seccomp allow-list: on" "$CACHE/server.log" \
  || { cat "$CACHE/server.log"; fail "the workers have no seccomp filter"; }
log "isolation: $(grep -o 'sandbox isolation[^:]*' "$CACHE/server.log" | head -n1); seccomp allow-list: on"
log "server log (last lines):"
tail -n 5 "$CACHE/server.log" | sed 's/^/    /'
log "PASS"
