PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint fuzz bench clean browser

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/python -m compileall -q placement
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/placement validate
	$(BIN)/placement plan data/roster.csv

test: lint browser
	$(BIN)/placement test rules --min-coverage 100
	$(BIN)/pytest -n 2

# the committee page is rendered in headless Chromium by tests/test_html.py; install it when
# we can (root with a package manager, as on CI), otherwise that one test is skipped
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		(apt-get update -qq && apt-get install -y -qq chromium chromium-driver fonts-noto-cjk) >/dev/null 2>&1; } || \
		echo "chromium is not installed: the browser test will be skipped"

# the same checks as .pre-commit-config.yaml; `make test` (what CI calls) runs them first
lint: $(STAMP)
	$(BIN)/ruff check placement tests scripts
	$(BIN)/ruff format --check placement tests scripts bench
	$(BIN)/mypy

# benchmark (issue 6): bench/README.md; inputs regenerated when the generator or the scenario changes
BENCH_DATA := bench/out/.generated

$(BENCH_DATA): bench/generate.py data/roster.csv data/units.yaml $(wildcard rules/*.yaml) | $(STAMP)
	$(BIN)/python bench/generate.py

bench: $(STAMP) $(BENCH_DATA)
	$(BIN)/pip install -q -r bench/requirements.txt
	$(BIN)/python -m compileall -q placement  # bytecode on disk, even where PYTHONDONTWRITEBYTECODE is set
	$(BIN)/python bench/run.py --profile

# fuzzing (issue 7): fuzz/fuzz_placement.py; findings, grown corpus and log go to fuzz/findings/
FUZZ_SECONDS ?= 600

fuzz: $(STAMP)
	$(BIN)/pip install -q atheris
	FUZZ_SECONDS=$(FUZZ_SECONDS) $(BIN)/python fuzz/fuzz_placement.py

clean:
	rm -rf $(VENV) .pytest_cache
