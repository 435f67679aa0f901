# The two set-up commands: `make demo` and `make test`. Both build .venv from
# nothing with the python3 on PATH; the demo installs only what it runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO := fixtures/seeds/003_9c0296328566dbad.txt
CORE := $(VENV)/.installed-core
TEST := $(VENV)/.installed-test

.PHONY: demo test browser-test chromium lint accuracy bench office-check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(CORE): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The outline of a bundled speech, then the start of its JSON tree.
demo: $(CORE)
	$(BIN)/gongwen outline $(DEMO)
	@echo
	$(BIN)/gongwen parse --indent 1 $(DEMO) | head -n 30
	@echo "… (the whole tree: $(BIN)/gongwen parse --indent 1 $(DEMO))"

lint: $(TEST)
	$(BIN)/ruff check gongwen tests
	$(BIN)/mypy

# Chromium (Debian's package) for the browser tests, installed when missing; naming it
# to the tests makes them required.
WITH_CHROMIUM = GONGWEN_CHROMIUM=$$(command -v chromium)

chromium:
	command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)

test: lint chromium
	$(WITH_CHROMIUM) $(BIN)/python -m pytest

# The HTML report opened in Chromium, and nothing else.
browser-test: $(TEST) chromium
	$(WITH_CHROMIUM) $(BIN)/python -m pytest -m browser

# Every mismatch against the development set's gold, then the summary line.
accuracy: $(TEST)
	$(BIN)/python tests/accuracy.py

# Speed beside peers, as ratios: prints, and writes the README's table of targets
# (never fails a build).
bench: $(TEST)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python tests/benchmarks/bench.py --readme README.md

# Annotated copies of Word files opened by LibreOffice (installed from Debian's packages
# when missing): each turned into PDF and saved again, its comments read back.
office-check: $(TEST)
	command -v soffice >/dev/null || (apt-get update -q && apt-get install -y -q --no-install-recommends libreoffice-writer)
	$(BIN)/python tests/office_check.py

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
