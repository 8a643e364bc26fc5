# The two commands the README promises: `make run` and `make test`.
# Both set up whatever is missing first (virtualenv, Python packages, Graphviz `dot`).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test lint typecheck unit browser bench setup system-deps clean

run: setup
	$(BIN)/python -m app

test: setup system-deps lint typecheck
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check engine app tests tools bench
	$(BIN)/ruff format --check engine app tests tools bench

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/python -m pytest -m "not browser"

browser: setup system-deps
	$(BIN)/python -m pytest -m browser

TORCH_PYTHON ?=

bench: setup
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python bench/engine_bench.py $(if $(TORCH_PYTHON),--torch-python $(TORCH_PYTHON))

setup: $(STAMP)
	@bash tools/bootstrap.sh graphviz seccomp

system-deps:
	@bash tools/bootstrap.sh graphviz chromium seccomp

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
