# Two entry points for a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench check clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	# Byte-compile now: with PYTHONDONTWRITEBYTECODE set (as on some machines) every command
	# would otherwise compile the package from source, ~0.2 s of each `newsdesk ask`.
	$(BIN)/python -m compileall -q assistant
	touch $@

$(BIN)/.installed-dev: pyproject.toml $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# Installs, then opens the chat TUI on the bundled corpus/.
run: $(BIN)/.installed
	$(BIN)/newsdesk

lint: $(BIN)/.installed-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy

# Installs with dev extras, then runs format check, lint, types and the whole test suite.
test: lint
	$(BIN)/python -m pytest

check: test

# Speed and scale numbers (printed, not asserted).
bench: $(BIN)/.installed-dev
	$(BIN)/python benchmarks/search_bench.py
	$(BIN)/python benchmarks/scale_bench.py --sizes 1000,10000
	$(BIN)/python benchmarks/hostile_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
