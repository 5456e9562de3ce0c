# Everything runs through uv; `make env` installs uv (from PyPI) when it is missing.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
# uv from PATH, else the copy pip installs as a module (`python3 -m uv`)
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := $(PYTHON) -m uv
endif
export UV_PYTHON ?= 3.11
export UV_PYTHON_DOWNLOADS ?= never
# compile .pyc at install time: imports (GX takes seconds) stay fast even where
# PYTHONDONTWRITEBYTECODE is set
export UV_COMPILE_BYTECODE ?= 1
# pytest-xdist workers for `make test` (auto: one per core)
TEST_WORKERS ?= auto

.PHONY: help env build test lint format bench score score-dev clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-8s %s\n", $$1, $$2}'

env: ## Install uv if missing and sync the locked environment
	@if ! $(UV) --version >/dev/null 2>&1; then \
		echo "installing uv from PyPI"; \
		$(PYTHON) -m pip install --quiet uv \
		|| $(PYTHON) -m pip install --quiet --user uv \
		|| $(PYTHON) -m pip install --quiet --user --break-system-packages uv; \
	fi
	@$(UV) sync --frozen --quiet

build: env ## Build warehouse/evidence.duckdb from seeds/ (extract, dbt, GX, report)
	@$(UV) run etl build

test: env ## Run the test suite (in parallel over the cores: pytest-xdist)
	@$(UV) run pytest -n $(TEST_WORKERS)

lint: env ## ruff: lint and format check
	@$(UV) run ruff check etl expectations tests bench
	@$(UV) run ruff format --check etl expectations tests bench

format: env ## ruff: fix and format
	@$(UV) run ruff check --fix etl expectations tests bench
	@$(UV) run ruff format etl expectations tests bench

bench: env ## Benchmarks (synthetic corpus; prints throughput and peak memory)
	@$(UV) run python -m bench

score: ## Score the built warehouse against the gold annotations in ../shared/eval
	@$(UV) run python ../shared/eval/score.py --warehouse warehouse/evidence.duckdb --gold ../shared/eval/gold/seeds

# The development corpus is third-party text: it is read where it lies (the scratch input folder
# holds links to its documents, not copies, and leaves out its SOURCES.tsv) and built into a
# scratch warehouse, never into warehouse/ and never into the project's history.
EVAL ?= ../shared/eval
SCRATCH ?= .scratch/score-dev
score-dev: env ## Build the dev corpus (../shared/eval/corpus/dev) into .scratch/ and score it
	@rm -rf $(SCRATCH) && mkdir -p $(SCRATCH)/input
	@ln -s $(abspath $(wildcard $(EVAL)/corpus/dev/*.txt)) $(SCRATCH)/input/
	@rc=0; $(UV) run etl build --input $(SCRATCH)/input --warehouse $(SCRATCH)/evidence.duckdb \
		--reports $(SCRATCH)/reports > $(SCRATCH)/build.log 2>&1 || rc=$$?; \
	echo "dev build: exit $$rc ($$(tail -n 1 $(SCRATCH)/build.log)); log in $(SCRATCH)/build.log"; \
	wh=$(SCRATCH)/evidence.duckdb; [ -f $$wh ] || wh=$(SCRATCH)/evidence.failed.duckdb; \
	$(UV) run python $(EVAL)/score.py --warehouse $$wh --gold $(EVAL)/gold/dev; \
	$(UV) run python $(EVAL)/score.py --warehouse $$wh --gold $(EVAL)/gold/dev --misses > $(SCRATCH)/misses.txt 2>&1; \
	echo "every miss: $(SCRATCH)/misses.txt"

clean: ## Remove the warehouse, reports and dbt artifacts
	rm -rf warehouse reports dbt/target dbt/logs .pytest_cache .scratch
