# Accord: every command a person runs. `make run` and `make test` work on a fresh machine
# with Python 3.11+, Node.js and make.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The backend suite runs on every core (pytest-xdist); `make test TEST_WORKERS=0` runs it in one process.
TEST_WORKERS ?= auto

# `make run` is the development shape: a local SQLite file and the demo network.
export ACCORD_ENVIRONMENT ?= development

FRONTEND_STAMP := frontend/node_modules/.installed
CHROMIUM ?= /usr/bin/chromium

.PHONY: help install run dev migrate demo openapi client frontend test test-backend \
	test-frontend test-postgres chromium lint clean bench bench-routes bench-cold

help:
	@echo "make run        install, migrate, load the demo network, serve http://$(HOST):$(PORT)"
	@echo "make test       install and run every test (exits non-zero on any failure)"
	@echo "make migrate    upgrade the database to the latest schema and role catalogue"
	@echo "make dev        API with reload on :8000 and the Vite dev server on :5173"
	@echo "make openapi    regenerate openapi/openapi.json from the app"
	@echo "make client     regenerate the dashboard's API client from openapi/openapi.json"
	@echo "make lint       ruff and mypy"

$(STAMP): backend/pyproject.toml backend/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Accord needs Python 3.11 or newer (found $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c backend/constraints.txt -e 'backend[dev]'
	@touch $(STAMP)

$(FRONTEND_STAMP): frontend/package.json frontend/package-lock.json
	@command -v npm >/dev/null || { echo "The dashboard needs Node.js 20.19+ and npm."; exit 1; }
	cd frontend && npm ci --no-audit --no-fund
	@touch $(FRONTEND_STAMP)

install: $(STAMP) $(FRONTEND_STAMP)

# The built dashboard, served by the API at /.
frontend: $(FRONTEND_STAMP)
	cd frontend && npm run build

# The schema, then the shipped reference data (the role catalogue); both safe to repeat.
migrate: $(STAMP)
	$(BIN)/alembic upgrade head
	$(BIN)/python -m accord load-catalogue

demo: migrate
	$(BIN)/python -m accord load-demo

run: demo frontend
	@echo ""
	@echo "  Accord is running at  http://$(HOST):$(PORT)"
	@echo "  API documentation at  http://$(HOST):$(PORT)/docs"
	@echo "  Sign in as the demo coordinator: coordinator@riverside.example / riverside-demo-2026"
	@echo ""
	$(BIN)/uvicorn accord.main:create_app --factory --host $(HOST) --port $(PORT)

dev: demo $(FRONTEND_STAMP)
	@echo "API on http://$(HOST):$(PORT) (reload), dashboard on http://127.0.0.1:5173"
	$(BIN)/uvicorn accord.main:create_app --factory --reload --host $(HOST) --port $(PORT) & \
	  trap 'kill %1' EXIT; cd frontend && ACCORD_API_URL=http://$(HOST):$(PORT) npm run dev

openapi: $(STAMP)
	@$(BIN)/python -m accord openapi --output openapi/openapi.json

client: $(FRONTEND_STAMP)
	cd frontend && npm run client

test: test-backend test-frontend

test-backend: $(STAMP)
	cd backend && ../$(BIN)/pytest -q -n $(TEST_WORKERS)

# The dashboard: generated client up to date, types, lint, units, then the end-to-end
# suite in Debian's Chromium against the built app served by a live API.
test-frontend: $(STAMP) $(FRONTEND_STAMP) chromium
	cd frontend && npm run client:check
	cd frontend && npm run typecheck
	cd frontend && npm run lint
	cd frontend && npm run test
	cd frontend && npm run build
	cd frontend && CHROMIUM_PATH=$(CHROMIUM) npm run e2e

chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium for the end-to-end tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The end-to-end tests need Debian's Chromium: sudo apt-get install chromium"; exit 1; \
	  fi; \
	fi

# Accord under load against the reference points, over the national data set (bench/README.md).
bench: $(STAMP)
	@command -v wrk >/dev/null || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; else echo "make bench needs wrk: sudo apt-get install wrk"; exit 1; fi; }
	$(BIN)/python bench/run.py

# Each page of the largest network cold (nothing kept) beside warm, one request at a time.
bench-cold: $(STAMP)
	$(BIN)/python bench/cold.py

# The route finder on a network of 2,000 services and 20,000 pathways (bench/README.md).
bench-routes: $(STAMP)
	$(BIN)/python bench/route_finder.py

# The backend suite on PostgreSQL: DATABASE_URL must point at a server you may create
# databases on (the suite makes its own database and drops it afterwards).
test-postgres: $(STAMP)
	cd backend && ACCORD_TEST_DATABASE_URL=$${ACCORD_TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/postgres} ../$(BIN)/pytest -q -n $(TEST_WORKERS)

lint: $(STAMP)
	$(BIN)/ruff check backend migrations
	$(BIN)/ruff format --check backend migrations
	cd backend && ../$(BIN)/mypy accord

clean:
	rm -rf $(VENV) var/*.db var/*.db-* frontend/node_modules frontend/dist
