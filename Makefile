# Two commands on a fresh Debian 12 machine with Python 3.11: `make serve` and `make test`.
# Every target bootstraps what it needs: Python packages into .venv (pinned in requirements.txt),
# npm packages into node_modules (pinned in package-lock.json), Debian packages for the browser tests.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
export NO_MKDOCS_2_WARNING := 1
# Bytecode (and pytest's rewritten test modules) kept out of the source tree, in .cache/pycache, but kept:
# without it every pytest process compiles and rewrites every module again (about 4 s each; the quick
# tier measured 34-36 s without, 29-32 s with). Empty PYTHONDONTWRITEBYTECODE means "write".
export PYTHONDONTWRITEBYTECODE :=
export PYTHONPYCACHEPREFIX := $(CURDIR)/.cache/pycache
DEBIAN_PACKAGES := chromium fonts-noto-cjk poppler-utils zbar-tools libreoffice-writer-nogui nginx-light

.PHONY: serve build release check stamp test quick bench clean system-deps help

help:
	@echo "make serve   preview with live reload at http://127.0.0.1:8000"
	@echo "make test    everything: editorial checks, strict build, all tests (browser included)"
	@echo "make quick   the quick tier of the tests, for the inner loop (no browser, no heavy programs)"
	@echo "make build   strict build into site/ (+ offline zip, PDFs)"
	@echo "make release SITE_URL=https://…/  the build to publish (refuses without a public SITE_URL)"
	@echo "make check   editorial checks, path:line findings"
	@echo "make stamp   record that the English translation has caught up with the Chinese source"
	@echo "make bench   benchmarks, written to BENCHMARKS.md"

# The project itself (pyproject.toml) goes in editable, so hooks and tests import `scripts.…` as a package.
$(BIN)/.installed: requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

node_modules/.installed: package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Lighthouse, for the benchmarks only (pinned in benchmarks/package-lock.json).
benchmarks/node_modules/.installed: benchmarks/package.json benchmarks/package-lock.json | system-deps
	npm ci --prefix benchmarks --no-audit --no-fund --loglevel=error
	@touch $@

# Debian packages for browser tests, PDFs, QR decoding and opening the forms in LibreOffice (and npm, for
# axe-core), installed when missing
# and running as root; otherwise the exact apt-get command is printed.
system-deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "missing Debian packages; run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

# PREVIEW=1 with --dirty: a save rebuilds only the pages it touches (scripts/mkdocs_hooks/preview.py).
serve: $(BIN)/.installed
	PREVIEW=1 $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000 --livereload

check: $(BIN)/.installed
	$(PY) -m scripts check

stamp: $(BIN)/.installed
	$(PY) -m scripts stamp

build: $(BIN)/.installed
	$(PY) -m scripts.build

release: $(BIN)/.installed
	$(PY) -m scripts.build --release

# The build under test is the one to publish, for the deploy guide's example address (tests/conftest.py
# PUBLIC_URL): the browser tests serve site/ itself with deploy/nginx.conf, not a second build of it.
test: $(BIN)/.installed system-deps node_modules/.installed
	$(MAKE) --no-print-directory check
	$(MAKE) --no-print-directory build SITE_URL=https://example.org/manual/
	$(BIN)/pytest -n auto --dist loadgroup

# The inner loop: no Chromium, no program heavier than the checks themselves (pytest.ini's markers).
quick: $(BIN)/.installed
	$(BIN)/pytest -m "not browser and not bench and not slow and not manual" -n 2

bench: $(BIN)/.installed system-deps node_modules/.installed benchmarks/node_modules/.installed
	$(PY) -m benchmarks

clean:
	rm -rf site build .cache .pytest_cache
