# The two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DATA   ?= sessions

.PHONY: run test bench compile clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# A regular (non-editable) install, redone whenever the package's files change: the `bshp` command
# then starts from compiled bytecode. Tests and benchmarks run from the source tree.
SOURCES := pyproject.toml $(shell find bshp_tui prompts -type f \( -name '*.py' -o -name '*.md' -o -name '*.tcss' \) 2>/dev/null)

$(VENV)/.installed-run: $(SOURCES) | $(PY)
	rm -rf build *.egg-info  # setuptools' build folder would carry files deleted since into the install
	$(PY) -m pip install --quiet .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet '.[test]'
	touch $@

# Bytecode for the source tree, written even where PYTHONDONTWRITEBYTECODE is set.
compile: | $(PY)
	@$(PY) -m compileall -q bshp_tui

# The test modules as pytest rewrites them for its assertion messages, written once by one process
# whenever a test file changed: in a fresh clone each of the six workers would otherwise rewrite
# every module at the same time (about nine seconds of the two cores).
# The stamp sits beside what it stands for (gone with the bytecode), and a new pytest redoes it.
TESTS := $(shell find tests -name '*.py' 2>/dev/null)
REWRITTEN := tests/__pycache__/.rewritten

$(REWRITTEN): $(TESTS) $(VENV)/.installed-test
	@PYTHONDONTWRITEBYTECODE= $(PY) -m pytest --collect-only -q -p no:xdist > /dev/null || true
	@mkdir -p $(@D) && touch $@

run: $(VENV)/.installed-run compile
	$(VENV)/bin/bshp --data $(DATA)

# Lint, types and layers first (quick), then the suite. Six workers on two cores: a screen test
# spends most of its time waiting for the app to go idle after each key (Textual's test pilot), and
# the terminal, crash and conversion tests wait on other processes. The test modules' rewritten
# bytecode is kept (even where PYTHONDONTWRITEBYTECODE is set) so that each worker does not rewrite
# every test module again.
test: $(VENV)/.installed-test compile $(REWRITTEN)
	$(VENV)/bin/ruff check bshp_tui tests bench
	$(VENV)/bin/ruff format --check bshp_tui tests bench
	$(VENV)/bin/mypy
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -q -n 6 --dist worksteal

bench: $(VENV)/.installed-test compile
	$(PY) bench/store.py
	$(PY) bench/export.py
	$(PY) bench/ui.py

clean:
	rm -rf $(VENV) build dist *.egg-info
