# The README's two Quick start commands: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin

.PHONY: setup system-deps demo test lint unit eval bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,postgres,dask]'
	touch $@

demo: setup
	$(BIN)/corroborate demo

lint: setup
	$(BIN)/ruff check corroborate tests bench
	$(BIN)/ruff format --check corroborate tests bench
	$(BIN)/mypy

# Debian's chromium and postgresql, for the browser and PostgreSQL tests (skipped when already there).
system-deps:
	scripts/system-deps.sh

unit: setup system-deps
	$(BIN)/pytest -q -p no:cacheprovider

test: lint unit

bench: setup
	$(PY) bench/intake.py --n 10000

clean:
	rm -rf $(VENV) corroborate-demo.db* .pytest_cache .mypy_cache .ruff_cache
