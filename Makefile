# The two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DATA   ?= sessions

.PHONY: run test bench compile clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall whenever pyproject.toml changes. The editable install in "compat" mode is a plain .pth
# entry (fast start-up); compileall writes bytecode even where PYTHONDONTWRITEBYTECODE is set.
$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e . --config-settings editable_mode=compat
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]' --config-settings editable_mode=compat
	touch $@ $(VENV)/.installed-run

compile:
	@$(PY) -m compileall -q bshp_tui

run: $(VENV)/.installed-run compile
	$(VENV)/bin/bshp --data $(DATA)

test: $(VENV)/.installed-test
	$(PY) -m pytest -q

bench: $(VENV)/.installed-test compile
	$(PY) bench/store.py
	$(PY) bench/export.py
	$(PY) bench/ui.py

clean:
	rm -rf $(VENV) build dist *.egg-info
