# Verkosto developer commands. Needs only make and bash: the scripts in
# portal/bin install the rest (uv, Python packages, system packages, PostgreSQL
# role and database). `make help` lists the targets.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.PHONY: help setup run test lint format messages seed bench bench-api bench-directory bench-finder bench-meetings bench-trust bench-search bench-information clean distclean

BIN := portal/bin
PY := .venv/bin/python
# Extra arguments for pytest: make test PYTEST_ARGS="-x -k invitation"
PYTEST_ARGS ?=
export PYTEST_ARGS

help: ## List the targets
	@while IFS= read -r line; do \
		if [[ $$line =~ ^([a-z-]+):.*\#\#\ (.*)$$ ]]; then \
			printf '  make %-10s %s\n' "$${BASH_REMATCH[1]}" "$${BASH_REMATCH[2]}"; \
		fi; \
	done < $(firstword $(MAKEFILE_LIST))

setup: ## Install and prepare everything (uv, .venv, packages, PostgreSQL, migrations)
	@bash $(BIN)/setup.sh

run: ## Set up, seed demo data if empty, run the task worker and the server on :8000
	@bash $(BIN)/run.sh

test: ## Set up, lint, check migrations, run pytest (PYTEST_ARGS=...)
	@bash $(BIN)/test.sh

lint: ## ruff check, ruff format --check, and the layering contracts (lint-imports)
	@bash $(BIN)/setup.sh --venv
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports

format: ## Fix what ruff can and format the code
	@bash $(BIN)/setup.sh --venv
	.venv/bin/ruff check --fix --exit-zero .
	.venv/bin/ruff format .

messages: ## Update the Finnish and Swedish message catalogues (makemessages)
	@bash $(BIN)/setup.sh --no-db
	$(PY) manage.py makemessages -l fi -l sv --ignore=.venv --ignore=staticfiles

seed: ## Set up, then load the demo data (manage.py seed_demo)
	@bash $(BIN)/setup.sh
	$(PY) manage.py seed_demo

bench: ## Page throughput as ratios to a plain WSGI hello (needs wrk; BENCH_ARGS="--scale 2000")
	@bash $(BIN)/setup.sh
	@command -v wrk >/dev/null || { echo "==> installing wrk"; $$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get install -y -qq wrk >/dev/null; }
	$(PY) tests/bench/pages.py $(BENCH_ARGS)

bench-directory: ## Directory pages at 10,000 organisations: median, p95, ratio to a minimal Django view
	@bash $(BIN)/setup.sh
	$(PY) tests/bench/directory.py $(BENCH_ARGS)

bench-api: ## The read API's lists (open data and a token's) at 10,000 organisations: median, p95, ratio to a minimal Django view
	@bash $(BIN)/setup.sh
	$(PY) tests/bench/api.py $(BENCH_ARGS)

bench-finder: ## The public finder at 10,000 organisations (a third of the services public): median, p95, ratio to a minimal Django view
	@bash $(BIN)/setup.sh
	$(PY) tests/bench/finder.py $(BENCH_ARGS)

bench-meetings: ## Meeting page, meeting list and personal iCal feed at 2,000 meetings, as ratios to a plain WSGI hello
	@bash $(BIN)/setup.sh
	@command -v wrk >/dev/null || { echo "==> installing wrk"; $$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get install -y -qq wrk >/dev/null; }
	$(PY) tests/bench/meetings.py $(BENCH_ARGS)

bench-trust: ## Closing a trust survey of 300 organisations (8 rounds, ~60 rated each); results, pairs, map and survey form as ratios to a plain WSGI hello, p95
	@bash $(BIN)/setup.sh
	@command -v wrk >/dev/null || { echo "==> installing wrk"; $$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get install -y -qq wrk >/dev/null; }
	$(PY) tests/bench/trust.py $(BENCH_ARGS)

bench-search: ## Search over everything at 10,000 organisations and 20,000 each of goals, minutes, decisions and activities: ratios to a plain WSGI hello, p95 (BENCH_ARGS="--explain" for the plans)
	@bash $(BIN)/setup.sh
	@command -v wrk >/dev/null || { echo "==> installing wrk"; $$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get install -y -qq wrk >/dev/null; }
	$(PY) tests/bench/search.py $(BENCH_ARGS)

bench-information: ## News (100,000 items with comments), notifications (20,000), dashboard and search at the directory's scale: ratios to a plain WSGI hello, p95 (BENCH_ARGS="--explain" for query times and plans)
	@bash $(BIN)/setup.sh
	@command -v wrk >/dev/null || { echo "==> installing wrk"; $$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get install -y -qq wrk >/dev/null; }
	$(PY) tests/bench/information.py $(BENCH_ARGS)

clean: ## Remove caches, collected static files and compiled messages
	rm -rf staticfiles .pytest_cache .ruff_cache test-artifacts
	find . \( -path ./.venv -o -path ./.pgdata -o -path ./.git \) -prune -o \
		-name __pycache__ -type d -prune -exec rm -rf {} + -o -name '*.mo' -type f -exec rm -f {} +

distclean: clean ## Also remove .venv and the local PostgreSQL cluster in .pgdata
	@bash $(BIN)/ensure-postgres.sh stop
	rm -rf .venv .pgdata
