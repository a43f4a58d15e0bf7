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

# `make run` is the development shape: a local SQLite file and the demo network.
export ACCORD_ENVIRONMENT ?= development

.PHONY: help install run migrate demo openapi test test-backend test-postgres lint clean

help:
	@echo "make run        install, migrate, load the demo network, serve http://$(HOST):$(PORT)"
	@echo "make test       install and run every test (exits non-zero on any failure)"
	@echo "make migrate    upgrade the database to the latest schema and role catalogue"
	@echo "make openapi    regenerate openapi/openapi.json from the app"
	@echo "make lint       ruff and mypy"

$(STAMP): backend/pyproject.toml backend/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Accord needs Python 3.11 or newer (found $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c backend/constraints.txt -e 'backend[dev]'
	@touch $(STAMP)

install: $(STAMP)

# The schema, then the shipped reference data (the role catalogue); both safe to repeat.
migrate: $(STAMP)
	$(BIN)/alembic upgrade head
	$(BIN)/python -m accord load-catalogue

demo: migrate
	$(BIN)/python -m accord load-demo

run: demo
	@echo ""
	@echo "  Accord is running at  http://$(HOST):$(PORT)"
	@echo "  API documentation at  http://$(HOST):$(PORT)/docs"
	@echo "  Sign in as the demo coordinator: coordinator@riverside.example / riverside-demo-2026"
	@echo ""
	$(BIN)/uvicorn accord.main:create_app --factory --host $(HOST) --port $(PORT)

openapi: $(STAMP)
	@$(BIN)/python -m accord openapi --output openapi/openapi.json

test: test-backend

test-backend: $(STAMP)
	cd backend && ../$(BIN)/pytest -q

# The backend suite on PostgreSQL: DATABASE_URL must point at a server you may create
# databases on (the suite makes its own database and drops it afterwards).
test-postgres: $(STAMP)
	cd backend && ACCORD_TEST_DATABASE_URL=$${ACCORD_TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/postgres} ../$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check backend migrations
	$(BIN)/ruff format --check backend migrations
	cd backend && ../$(BIN)/mypy accord

clean:
	rm -rf $(VENV) var/*.db var/*.db-*
