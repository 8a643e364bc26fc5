# Autograd Lab: the web app as a non-root service with a health check.
#
#   docker build -t autograd-lab .          # or: podman build -t autograd-lab .
#   docker run --rm -p 8000:8000 autograd-lab
#
# BASE_IMAGE may be any Debian bookworm image: the official python:3.11-slim-bookworm (default),
# or a plain Debian root file system (e.g. made offline with debootstrap and imported), in which
# case Debian's python3 (3.11) is used. System packages are only fetched when the base lacks them,
# so a base made with `debootstrap --include=python3,python3-venv,graphviz` needs no apt mirror.
ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM ${BASE_IMAGE}

# BLAS threads pinned to 1: each sandbox worker is one program; more threads only fight for cores.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    OPENBLAS_NUM_THREADS=1 \
    OMP_NUM_THREADS=1 \
    MKL_NUM_THREADS=1 \
    PATH=/opt/venv/bin:${PATH}

# Graphviz `dot` renders the graphs; python3 + venv only when the base has no Python 3.11.
# libseccomp's Python binding (Debian's python3-seccomp: one module with libseccomp linked in)
# gives the sandbox workers their system call filter; when the base lacks it, only that module
# is taken from the package (installing it would pull in Debian's whole python3 as well).
RUN set -eux; \
    need=""; \
    command -v dot >/dev/null 2>&1 || need="$need graphviz"; \
    if ! command -v python3 >/dev/null 2>&1; then need="$need python3 python3-venv"; \
    elif ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then need="$need python3-venv"; fi; \
    suffix=$(python3 -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))' 2>/dev/null || echo .cpython-311-x86_64-linux-gnu.so); \
    seccomp=/usr/lib/python3/dist-packages/seccomp$suffix; \
    if [ -n "$need" ] || [ ! -f "$seccomp" ]; then \
        apt-get update; \
        if [ -n "$need" ]; then \
            DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $need; \
        fi; \
        if [ ! -f "$seccomp" ]; then \
            cd /tmp; apt-get download python3-seccomp; \
            dpkg-deb -x python3-seccomp_*.deb /tmp/python3-seccomp; \
            seccomp=/tmp/python3-seccomp$seccomp; cd /; \
        fi; \
        rm -rf /var/lib/apt/lists/*; \
    fi; \
    python3 -c 'import sys; assert sys.version_info[:2] >= (3, 11), sys.version'; \
    dot -V; \
    python3 -m venv /opt/venv; \
    cp "$seccomp" "$(/opt/venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["platlib"])')/"; \
    rm -rf /tmp/python3-seccomp /tmp/python3-seccomp_*.deb; \
    /opt/venv/bin/python -c 'import seccomp'; \
    groupadd --system --gid 10001 autograd; \
    useradd --system --uid 10001 --gid autograd --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin autograd

WORKDIR /srv/autograd-lab

# Dependencies first, from pyproject.toml alone, so editing the source reuses this layer.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install --requirement /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The source (see .dockerignore for what is left out); owned by root, so the app cannot change it.
COPY . .
RUN python -m compileall -q engine app

USER autograd:autograd

# The app reads AUTOGRAD_LAB_* variables (docs/self-hosting.md lists them). In a container it
# must listen on all interfaces; proxy headers stay off unless AUTOGRAD_LAB_FORWARDED_ALLOW_IPS
# names the reverse proxy.
ENV AUTOGRAD_LAB_HOST=0.0.0.0 \
    AUTOGRAD_LAB_PORT=8000
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('AUTOGRAD_LAB_PORT', '8000'), timeout=4).read()"]

CMD ["python", "-m", "app"]
