# Two commands for a newcomer: `make serve` (the site) and `make test` (the suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints a long notice about MkDocs 2.0 on every build; the README
# covers it, and a build should print nothing but real warnings.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# Builds keep our modules' bytecode (__pycache__/, git-ignored), as Python
# does by default: where PYTHONDONTWRITEBYTECODE is set, every build compiled
# macros/, hooks/ and finishing/ from source again (about 70 ms).
serve build build-zensical: export PYTHONDONTWRITEBYTECODE :=

.PHONY: serve build build-zensical lint test browser bench bench-quick clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

# The second engine, Zensical, in a venv of its own (README "Two engines").
ZVENV := .venv-zensical
$(ZVENV)/.deps: requirements-zensical.txt
	$(PYTHON) -m venv $(ZVENV)
	$(ZVENV)/bin/pip install --quiet -r requirements-zensical.txt
	touch $@

$(VENV)/.test-deps: requirements-dev.txt requirements.txt $(VENV)/.site-deps
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

## Preview the site at http://127.0.0.1:8000/trust-guide/ (reloads on change).
serve: $(VENV)/.site-deps
	$(BIN)/python -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

## Build the static site into site/, finish it (finishing/: fixes, link check,
## short links, CSP; MkDocs runs it from a hook, run again it changes nothing),
## then its PDFs into site/pdf/ (Chromium through Playwright; README "PDFs").
## `python -m` puts the project root on the import path, for hooks and steps.
build: $(VENV)/.test-deps node_modules/.package-lock.json
	$(BIN)/python -m mkdocs build --strict
	$(BIN)/python -m finishing site
	$(BIN)/python tools/make_pdfs.py site

## The same site built by Zensical into site-zensical/, then finished by the
## same step (finishing/). Its config is mkdocs.yml through
## tools/zensical_config.py (Zensical runs no MkDocs hooks).
build-zensical: $(ZVENV)/.deps node_modules/.package-lock.json
	$(ZVENV)/bin/python -m tools.zensical_config
	$(ZVENV)/bin/python -m zensical build -f zensical.generated.yml
	$(ZVENV)/bin/python -m finishing site-zensical

## Make sure a Chromium the browser tests can drive is installed.
browser:
	@command -v chromium >/dev/null 2>&1 || [ -n "$$CHROMIUM_PATH" ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "The browser tests need Chromium: run 'sudo apt-get install chromium'," \
	         "or set CHROMIUM_PATH to a Chromium binary." >&2; exit 1; \
	  fi; }

# terser (the build minifies our scripts with it), axe-core for the
# accessibility tests and the JS/CSS linters, exactly as package-lock.json pins them.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

## Lint everything: Python (ruff, ruff.toml), our scripts and the build's Node script (eslint.config.js)
## and styles (.stylelintrc.json).
lint: $(VENV)/.test-deps node_modules/.package-lock.json
	$(BIN)/ruff check .
	npx --no-install eslint docs/assets/js finishing
	npx --no-install stylelint "docs/assets/css/**/*.css"

## Lint, then run the whole test suite (unit, build and real-browser tests).
## The Zensical venv too, so tests/test_zensical.py runs rather than skips.
test: lint $(VENV)/.test-deps $(ZVENV)/.deps browser node_modules/.package-lock.json
	$(BIN)/python -m pytest

# Lighthouse for the benchmarks, exactly as benchmarks/package-lock.json pins it.
benchmarks/node_modules/.package-lock.json: benchmarks/package.json benchmarks/package-lock.json
	cd benchmarks && npm ci --ignore-scripts --no-audit --no-fund

## Benchmarks (about 15 min): build time and `make serve` rebuilds against plain
## Material, scaling, page weight and Lighthouse, with budgets; writes
## benchmarks/RESULTS.md.
bench: $(VENV)/.test-deps browser node_modules/.package-lock.json benchmarks/node_modules/.package-lock.json
	$(BIN)/python benchmarks/run.py

## The same in a few minutes, fewer runs; writes benchmarks/RESULTS-quick.md.
bench-quick: $(VENV)/.test-deps browser node_modules/.package-lock.json benchmarks/node_modules/.package-lock.json
	$(BIN)/python benchmarks/run.py --quick

clean:
	rm -rf site site-zensical zensical.generated.yml .pytest_cache
