# Shanyraq — `make run` serves the portal, `make test` runs every test. Both install what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help

HOST ?= 127.0.0.1
PORT ?= 8000
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
# Each "installed" mark lives inside what it vouches for: a deleted .venv or node_modules takes its
# mark along, so nothing left over on the machine can claim an install that is not there.
PYTHON_INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed
CHROMIUM_PATH ?= /usr/bin/chromium
FRONTEND_SOURCES := $(shell find frontend/src frontend/index.html frontend/playground.html frontend/vite.config.ts frontend/package.json -type f 2>/dev/null)

.PHONY: help run test deps python-deps node-deps frontend frontend-rebuild chromium pdftotext nginx schema codegen migration pytest pytest-postgres frontend-test e2e schemathesis bench clean

help:
	@echo "make run      install what is missing, migrate, load demo data, serve http://$(HOST):$(PORT)"
	@echo "make test     install what is missing and run pytest (SQLite + PostgreSQL), frontend tests, Playwright e2e, schemathesis"
	@echo "make schema   export schema.graphql from the code and regenerate the SPA's GraphQL types"
	@echo "make migration NAME=add_x   generate the next aerich migration (SQLite + PostgreSQL SQL)"
	@echo "make bench    run the benchmarks in bench/"

# --- installation -----------------------------------------------------------------------------

$(PYTHON_INSTALLED): pyproject.toml
	@if ! $(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then echo "Python 3.11 is required (found $$($(PYTHON) --version))"; exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

$(NODE_INSTALLED): package.json package-lock.json frontend/package.json e2e/package.json
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
	@touch $@

python-deps: $(PYTHON_INSTALLED)
node-deps: $(NODE_INSTALLED)
deps: python-deps node-deps

frontend/dist/index.html: $(NODE_INSTALLED) $(FRONTEND_SOURCES) schema.graphql
	npm run build -w frontend

frontend: frontend/dist/index.html

# The tests build the SPA from this tree every time: a dist/ left by another build (another
# checkout, edits since undone) can look newer than the sources and would be tested instead.
frontend-rebuild: node-deps
	npm run build -w frontend

# Browser tests use Debian's Chromium (the path playwright.config.ts launches); Playwright's own
# browser download does not work here.
chromium:
	@test -x "$(CHROMIUM_PATH)" || { echo "Installing Debian's chromium…"; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq chromium >/dev/null; }

# --- running ----------------------------------------------------------------------------------

# pdftotext (Debian's poppler-utils): the e2e specs read the text of the PDFs the portal hands out.
pdftotext:
	@command -v pdftotext >/dev/null || { echo "Installing Debian's poppler-utils…"; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq poppler-utils >/dev/null; }

# The nginx in front of the app in tests/deploy, as in docker-compose.yml.
nginx:
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "Installing Debian's nginx-light…"; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq nginx-light >/dev/null; }

run: deps frontend
	$(PY) -m backend migrate
	$(PY) -m backend demo
	@echo "Shanyraq on http://$(HOST):$(PORT)  (GraphiQL: /graphql, dev outbox: /dev/outbox; demo accounts in README.md)"
	$(PY) -m backend serve --host $(HOST) --port $(PORT)

# --- development ------------------------------------------------------------------------------

schema: python-deps node-deps
	$(PY) -m backend schema > schema.graphql
	npm run codegen -w frontend

migration: python-deps
	$(PY) scripts/makemigrations.py $(NAME)

bench: python-deps
	@for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

# --- tests ------------------------------------------------------------------------------------

test: deps frontend-rebuild chromium pdftotext nginx
	CHROMIUM_PATH="$(CHROMIUM_PATH)" scripts/test.sh

pytest: python-deps
	$(PY) -m pytest

clean:
	rm -rf .stamps $(PYTHON_INSTALLED) $(NODE_INSTALLED) frontend/dist e2e/artifacts var
