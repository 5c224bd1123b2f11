# diadanh — the two commands: `make run` (dashboard on the sample corpus) and `make test`.
# Both set up everything they need on a fresh machine, idempotently.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: run test setup setup-dev gazetteer lint bench clean

run: setup gazetteer
	$(BIN)/streamlit run dashboard/app.py

test: setup-dev gazetteer
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

setup: $(VENV)/.runtime
setup-dev: $(VENV)/.dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt constraints.txt | $(BIN)/python
	$(PIP) -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PIP) -r requirements-dev.txt -c constraints.txt
	touch $@

# Rebuilt only when an input (code, curated files, data package versions) changed.
gazetteer: setup
	$(BIN)/python -m gazetteer build --if-stale

lint: setup-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: setup-dev gazetteer
	$(BIN)/python bench/gazetteer.py

clean:
	rm -rf $(VENV) var node_modules dashboard/static/vendor
