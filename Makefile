# Taipei Volunteers portal. `make html` and `make test` work on a fresh machine with Python 3.11+:
# they create .venv and install the pinned dependencies first.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
PORT ?= 8000
BIND ?= 127.0.0.1
PELICANOPTS ?=

RUNTIME := $(VENV)/.runtime-installed
TESTDEPS := $(VENV)/.test-installed
NODEDEPS := node_modules/.installed

.PHONY: help html serve devserver publish test lint check translations bench clean

help:
	@echo "make html          build the site into output/ (creates .venv on first use)"
	@echo "make serve         serve output/ on http://$(BIND):$(PORT)/"
	@echo "make devserver     rebuild on every change and serve"
	@echo "make publish       build for production with publishconf.py"
	@echo "make test          run every test (installs test tools on first use)"
	@echo "make translations  extract, update and compile the theme's gettext catalogues"
	@echo "make bench         run the build benchmarks in bench/"

$(RUNTIME): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TESTDEPS): $(RUNTIME) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(NODEDEPS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

html: $(RUNTIME)
	$(PELICAN) content -s pelicanconf.py $(PELICANOPTS)

serve: $(RUNTIME)
	$(PELICAN) --listen --port $(PORT) --bind $(BIND) -s pelicanconf.py $(PELICANOPTS)

devserver: $(RUNTIME)
	$(PELICAN) --autoreload --listen --port $(PORT) --bind $(BIND) -s pelicanconf.py $(PELICANOPTS)

publish: $(RUNTIME)
	$(PELICAN) content -s publishconf.py $(PELICANOPTS)

translations: $(RUNTIME)
	$(BIN)/pybabel extract --mapping-file babel.cfg --output-file theme/translations/messages.pot \
		--project "Taipei Volunteers" --no-location --sort-output --width 100 theme/templates plugins
	$(BIN)/pybabel update --input-file theme/translations/messages.pot \
		--output-dir theme/translations --domain messages --no-fuzzy-matching --width 100 --ignore-obsolete
	$(BIN)/pybabel compile --directory theme/translations --domain messages --statistics

test: $(TESTDEPS) $(NODEDEPS)
	bash tests/ensure_system_tools.sh
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(TESTDEPS)
	$(BIN)/ruff check .

bench: $(RUNTIME)
	$(BIN)/python bench/bench_build.py --pages 1000

clean:
	rm -rf output .output-* .pytest_cache .ruff_cache
