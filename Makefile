# InfoMIE: `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
HOST ?= 127.0.0.1

.DEFAULT_GOAL := help
.PHONY: help run test lint check setup messages makemessages clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

messages: $(VENV)/.installed ## Compile the .po files of locale/ into .mo files
	$(MANAGE) compile_translations

setup: $(VENV)/.installed messages ## Install, migrate, load the demo content, make sure an admin exists
	$(MANAGE) migrate --noinput
	$(MANAGE) update_translation_fields --verbosity 0
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin

run: setup ## Serve the demo site at http://127.0.0.1:8000 (PORT= to change, DEBUG=1 for debug pages)
	@echo "InfoMIE: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev node_modules/.installed messages ## Run the whole test suite (PostgreSQL when DATABASE_URL is set)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev ## ruff
	$(BIN)/ruff check .

check: $(VENV)/.installed-dev messages ## Django's system checks and the migrations check
	DJANGO_SETTINGS_MODULE=infomie.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=infomie.settings.test $(MANAGE) makemigrations --check --dry-run

makemessages: $(VENV)/.installed-dev ## Refresh locale/*/LC_MESSAGES/django.po from the code (needs GNU gettext)
	$(MANAGE) makemessages --locale fr --locale en --ignore '.venv/*' --ignore 'var/*' --ignore 'node_modules/*' --no-obsolete --no-location

clean: ## Remove the virtualenv and local data (database, media, static)
	rm -rf $(VENV) var
