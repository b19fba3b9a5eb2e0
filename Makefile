PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/placement validate
	$(BIN)/placement plan data/roster.csv

test: $(STAMP)
	$(BIN)/ruff check placement tests scripts
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check placement tests scripts

clean:
	rm -rf $(VENV) .pytest_cache
