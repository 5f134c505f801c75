# Accord: `make run` serves the demo on http://127.0.0.1:8000; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
HOST ?= 127.0.0.1
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help run serve install install-dev test lint format typecheck pytest lock browser clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/uv:
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create a virtual environment: install Python's venv module (Debian: apt-get install python3-venv)."; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.base: requirements/base.txt pyproject.toml | $(BIN)/uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes -r requirements/base.txt
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@touch $@

$(VENV)/.dev: requirements/dev.txt $(VENV)/.base
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes -r requirements/dev.txt
	@touch $@

install: $(VENV)/.base ## create .venv and install Accord

install-dev: $(VENV)/.dev ## install Accord with the development tools

run: install ## set up the SQLite database with the demo councils and serve on http://127.0.0.1:8000 (another port: make run PORT=8001)
	$(BIN)/accord serve --check-port --host $(HOST) --port $(PORT)
	$(BIN)/accord migrate --no-input
	$(BIN)/accord demo load
	$(BIN)/accord collectstatic --no-input --verbosity 0
	$(BIN)/accord serve --host $(HOST) --port $(PORT)

test: lint typecheck pytest ## ruff, mypy and the whole test suite (DATABASE_URL=postgres://... for PostgreSQL)

lint: install-dev ## ruff lint and format check, and the import layers (.importlinter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install-dev ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: install-dev ## mypy with django-stubs
	$(BIN)/mypy accord config tests conftest.py

pytest: install-dev ## the test suite
	$(BIN)/pytest $(PYTEST_ARGS)

lock: | $(BIN)/uv ## re-pin requirements/*.txt from pyproject.toml
	$(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 -q -o requirements/base.txt
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -c requirements/base.txt -q -o requirements/dev.txt

browser: ## install Debian's Chromium for the browser tests (needs root)
	apt-get install -y --no-install-recommends chromium

clean: ## remove the virtual environment (the database in var/ is kept)
	rm -rf $(VENV)
