# yearbook — the two commands of the quick start are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO   ?= yearbook-demo
# The second agency: CBP's published nationwide encounters table, beside the checkout.
CBP     ?= yearbook-cbp
CBP_CSV ?= ../shared/data/real/cbp/cbp-nationwide-encounters-fy20-fy23-state.csv

REAL_DATA ?= ../shared/data
# Test processes (pytest-xdist): one per core of the 2-core machines the suite runs on;
# each test file runs whole in one of them. `make test JOBS=0` runs it in this process.
JOBS ?= 2

.PHONY: demo real cbp datacall-demo test lint typecheck unit system-deps docs golden bench bench-api bench-build bench-claims clean help

help:
	@echo "make demo          set everything up and build the FY2023 report from demo data"
	@echo "make cbp           build the CBP encounters report from CBP's published table"
	@echo "make test          lint, type-check and run the whole test suite"
	@echo "make real          ingest ICE's real records beside the checkout and build the two real reports"
	@echo "make datacall-demo the data call of the FY2023 report on http://127.0.0.1:8000 (demo accounts)"
	@echo "make docs          regenerate docs/tables.md and docs/metrics.md"
	@echo "make golden        rewrite the golden SQL files (tests/golden/) from the compiler"
	@echo "make bench         run the benchmarks (results in docs/benchmarks.md)"
	@echo "make bench-api     only the API load benchmark (yearbook serve under 50 connections)"
	@echo "make bench-build   only the build benchmark (full demo build, preview after an edit)"
	@echo "make bench-claims  claim checker: corpus, real prose (both halves), speed"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Runtime install (what `make demo` needs); redone when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	@touch $@

# Test install: test tools and the Spark backend as well.
$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	PIP_NO_CACHE_DIR=1 $(BIN)/python -m pip install -q -e '.[test,spark]'
	@touch $@

demo: $(VENV)/.installed
	$(BIN)/yearbook demo --out $(DEMO)

# ICE's real records (../shared/data beside the checkout) -> warehouse -> the two real
# reports, with the `yearbook` commands a user would type (scripts/real.sh prints them).
real: $(VENV)/.installed
	BIN=$(BIN) DATA=$(REAL_DATA) OUT=yearbook-real sh scripts/real.sh

# Ingest CBP's published table into a fresh warehouse and build the CBP report from it.
cbp: $(VENV)/.installed
	@test -f "$(CBP_CSV)" || { echo "CBP's table is not at $(CBP_CSV): set CBP_CSV=PATH" >&2; exit 1; }
	rm -rf $(CBP)/warehouse
	$(BIN)/yearbook ingest "$(CBP_CSV)" --pack packs/cbp --into $(CBP)/warehouse
	$(BIN)/yearbook build reports/cbp-encounters-fy2023 --warehouse $(CBP)/warehouse --out $(CBP)/site

# The data call on SQLite (reports/ice-fy2023.datacall.sqlite) with demo accounts,
# each signing in with its name and NAME-demo (e.g. hsi / hsi-demo).
datacall-demo: $(VENV)/.installed
	$(BIN)/yearbook datacall serve reports/ice-fy2023 --demo --insecure-cookies

# System packages and the browser-side tools the tests drive (chromium,
# axe-core); installs only what is missing.
system-deps:
	@sh scripts/test-setup.sh

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks packs
	$(BIN)/ruff format --check src tests benchmarks packs
	$(BIN)/lint-imports

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

unit: $(VENV)/.installed-test system-deps
	$(BIN)/pytest -q -n $(JOBS) --dist loadfile

test: lint typecheck unit

docs: $(VENV)/.installed
	$(BIN)/yearbook docs --out docs

# Golden SQL per engine dialect: rewritten from the compiler, then reviewed as a diff.
golden: $(VENV)/.installed-test
	$(BIN)/pytest -q tests/test_golden_sql.py --update-golden

bench: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks.run

bench-build: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks.build

bench-api: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks.api_load

bench-claims: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks.claims

clean:
	rm -rf $(DEMO) $(CBP) yearbook-real .pytest_cache .mypy_cache .ruff_cache build
