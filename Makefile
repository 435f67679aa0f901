# The two set-up commands: `make demo` and `make test`. Both build .venv from
# nothing with the python3 on PATH.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO := fixtures/seeds/003_9c0296328566dbad.txt

.PHONY: demo test lint accuracy bench clean

$(BIN)/gongwen: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/gongwen
	$(BIN)/gongwen outline $(DEMO)
	$(BIN)/gongwen parse --indent 1 $(DEMO)

lint: $(BIN)/gongwen
	$(BIN)/ruff check gongwen tests
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

# Every mismatch against the development set's gold, then the summary line.
accuracy: $(BIN)/gongwen
	$(BIN)/python tests/accuracy.py

# Speed beside peers, as ratios (prints; never fails a build).
bench: $(BIN)/gongwen
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python tests/benchmarks/bench.py

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
