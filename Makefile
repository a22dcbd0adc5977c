# InfoMIE: `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
HOST ?= 127.0.0.1

.DEFAULT_GOAL := help
.PHONY: help run test lint check setup messages makemessages clean serve bench audit

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

# `make serve`: production settings on PostgreSQL, served by granian (it measured 2-4 times
# gunicorn's rate on cached pages, docs/benchmarks.md) or, with SERVER=gunicorn, by gunicorn
# (infomie/gunicorn.conf.py); on loopback over plain HTTP as behind a TLS proxy.
# One thread per worker: four measured the same on cached pages and 15-25% slower on uncached
# ones (the threads contend for the interpreter), docs/benchmarks.md.
SERVER ?= granian
WEB_CONCURRENCY ?= 2
GRANIAN_THREADS ?= 1
GRANIAN_ARGS = --interface wsgi --host $(HOST) --port $(PORT) --workers $(WEB_CONCURRENCY) \
	--blocking-threads $(GRANIAN_THREADS) --no-ws --respawn-failed-workers --log-level warning
SERVE_DATABASE_URL ?= $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/infomie)
SERVE_ENV = DJANGO_SETTINGS_MODULE=infomie.settings.production \
	DATABASE_URL="$(SERVE_DATABASE_URL)" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret_key)}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}"

var/secret_key:
	@mkdir -p var && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@ && chmod 600 $@

# EDGE=1: Varnish (deploy/varnish/default.vcl, Debian's `varnish`) on EDGE_PORT in front of the
# app server, purged by the app (EDGE_CACHE_URL); stopped with it.
EDGE_PORT ?= 6081
VARNISHD ?= $(shell command -v varnishd || echo /usr/sbin/varnishd)
ifdef EDGE
SERVE_ENV += EDGE_CACHE_URL="http://127.0.0.1:$(EDGE_PORT)"
EDGE_RUN = mkdir -p var/varnish && sed 's/\.port = "8000";/.port = "$(PORT)";/g' \
	deploy/varnish/default.vcl > var/varnish/infomie.vcl && chmod o+x var && chmod 755 var/varnish && \
	$(VARNISHD) -n $(CURDIR)/var/varnish/n -a $(HOST):$(EDGE_PORT) -f $(CURDIR)/var/varnish/infomie.vcl \
	-s malloc,256m -P $(CURDIR)/var/varnish/varnishd.pid && \
	trap 'kill $$(cat var/varnish/varnishd.pid)' EXIT INT TERM && \
	echo "Edge cache (Varnish): http://$(HOST):$(EDGE_PORT)/" &&
endif

serve: $(VENV)/.installed messages var/secret_key ## Production-like: granian (SERVER=gunicorn for gunicorn) on PostgreSQL (DATABASE_URL; NO_DEMO=1 skips the demo content; EDGE=1: Varnish in front on EDGE_PORT)
	$(SERVE_ENV) $(MANAGE) ensure_database
	$(SERVE_ENV) $(MANAGE) migrate --noinput
	$(SERVE_ENV) $(MANAGE) update_translation_fields --verbosity 0
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	@if [ -z "$(NO_DEMO)" ]; then $(SERVE_ENV) $(MANAGE) load_demo; \
	else $(SERVE_ENV) $(MANAGE) ensure_sections; fi
	$(SERVE_ENV) $(MANAGE) ensure_admin
	@echo "InfoMIE ($(SERVER), $(WEB_CONCURRENCY) workers): http://$(HOST):$(PORT)/"
ifeq ($(SERVER),gunicorn)
	$(EDGE_RUN) $(SERVE_ENV) BIND="$(HOST):$(PORT)" WEB_CONCURRENCY=$(WEB_CONCURRENCY) $(BIN)/gunicorn -c infomie/gunicorn.conf.py infomie.wsgi
else
	$(EDGE_RUN) $(SERVE_ENV) $(BIN)/granian $(GRANIAN_ARGS) infomie.wsgi:application
endif

# `make bench`: this tree side by side with BENCH_BASELINE (default ddfd354, extracted under
# var/bench/; BENCH_BASELINE=none for this tree alone), 10,000 articles in a database of each,
# gunicorn with 2 sync workers for both (BENCH_SERVER=granian), rounds interleaved
# (BENCH_ROUNDS, 3), beside nginx serving the article from a file and Varnish in front of this
# tree; wrk on loopback, BENCH_SECONDS per measurement (10). Knobs: bench/knobs.py, README.
bench: $(VENV)/.installed messages ## Benchmark: this tree beside BENCH_BASELINE (ddfd354), nginx and Varnish, write docs/benchmarks.md
	@command -v wrk >/dev/null && command -v nginx >/dev/null && { command -v varnishd || test -x /usr/sbin/varnishd; } >/dev/null || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light varnish >/dev/null; }
	$(BIN)/python bench/run.py

# `make audit`: Lighthouse (mobile, four categories) on every page type in both languages,
# against production settings on PostgreSQL (AUDIT_DATABASE_URL, default infomie_audit) with the
# demo content; Lighthouse installed under var/tools/ (not a devDependency: 200 packages).
# AUDIT_RUNS (1) runs per page, the median kept; AUDIT_ONLY="home,contact" for some pages only.
audit: $(VENV)/.installed messages var/secret_key ## Lighthouse on every page type, French and English: scores into docs/audit.md
	$(BIN)/python scripts/audit.py

# The suite in TEST_WORKERS processes (pytest-xdist; 0 for one), each with a test database of
# its own; a test file runs whole in one process, so its Redis database, server processes and
# browser are its own. Most of the suite waits on servers and Chromium: on 2 cores, 3 workers.
TEST_WORKERS ?= 3
test: $(VENV)/.installed-dev node_modules/.installed messages ## Run the whole test suite (PostgreSQL when DATABASE_URL is set; TEST_WORKERS=0 in one process)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev ## ruff
	$(BIN)/ruff check .

check: $(VENV)/.installed-dev messages ## Django's system checks and the migrations check
	DJANGO_SETTINGS_MODULE=infomie.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=infomie.settings.test $(MANAGE) makemigrations --check --dry-run

makemessages: $(VENV)/.installed-dev ## Refresh locale/*/LC_MESSAGES/django.po from the code (needs GNU gettext)
	$(MANAGE) makemessages --locale fr --locale en --ignore '.venv/*' --ignore 'var/*' --ignore 'node_modules/*' --no-obsolete --no-location

clean: ## Remove the virtualenv and local data (database, media, static)
	rm -rf $(VENV) var
