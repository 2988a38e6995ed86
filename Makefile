# Taipei Volunteers portal. `make html` and `make test` work on a fresh machine with Python 3.11+:
# they create .venv and install the pinned dependencies first.

# The interpreter .venv is made from: the first of these that is Python 3.11 or newer and can
# make a virtual environment. The distribution's CPython comes first: Debian's is built with
# profile-guided and link-time optimisation into one static binary, and builds the site about
# 12 % faster than a default pyenv or source build, which loads a shared libpython built
# without them (README, "How builds stay fast"); if it cannot make one after all, python3 does.
# `make PY=/path/to/python3` chooses another.
PY_CANDIDATES := /usr/bin/python3 python3
PY ?= $(firstword $(foreach candidate,$(PY_CANDIDATES),$(shell $(candidate) -c \
	'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 \
	&& echo $(candidate))) python3)
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
PORT ?= 8000
BIND ?= 127.0.0.1
PELICANOPTS ?=

RUNTIME := $(VENV)/.runtime-installed
TESTDEPS := $(VENV)/.test-installed
NODEDEPS := node_modules/.installed

.PHONY: help html serve devserver publish test lint check i18n-status new translations bench clean \
	screenshots

help:
	@echo "make html          build the site into output/ (creates .venv on first use)"
	@echo "make serve         preview on http://$(BIND):$(PORT)/, rebuilt and reloaded on change"
	@echo "make devserver     the same (portal serve)"
	@echo "make check         check every content file (STRICT=1: warnings fail too)"
	@echo "make i18n-status   what is translated, missing or outdated"
	@echo "make new KIND=page TITLE='...' [DOC_LANG=en] [SLUG=...]   start a new document"
	@echo "make publish       build for production with publishconf.py"
	@echo "make test          run every test (installs test tools on first use)"
	@echo "make translations  extract, update and compile the theme's gettext catalogues"
	@echo "make screenshots   every template, both languages, 390 and 1280 px, into screenshots/"
	@echo "make bench         the portal and Hugo building the reference corpus (REPEAT=3)"

$(RUNTIME): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV) || { rm -rf $(VENV); python3 -m venv $(VENV); }
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

serve devserver: $(RUNTIME)
	$(BIN)/portal serve --port $(PORT) --bind $(BIND)

check: $(RUNTIME)
	$(BIN)/portal check $(if $(STRICT),--strict) $(FILES)

i18n-status: $(RUNTIME)
	$(BIN)/portal i18n status $(if $(JSON),--json)

KIND ?= page
DOC_LANG ?= en
new: $(RUNTIME)
	@test -n "$(TITLE)" || { echo "usage: make new KIND=page|news|program|archive-item TITLE='...' [DOC_LANG=en] [SLUG=...]"; exit 2; }
	$(BIN)/portal new $(KIND) --lang $(DOC_LANG) --title "$(TITLE)" $(if $(SLUG),--slug $(SLUG))

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

BENCHDEPS := $(VENV)/.bench-installed

$(BENCHDEPS): $(RUNTIME) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

# The speed goal: the reference corpus built by the portal and by Hugo in the same run (about
# 15 minutes on 2 cores); its last line is the summary. Other benchmarks: README, Benchmarks.
bench: $(BENCHDEPS)
	cd bench && ../$(BIN)/python bench_reference.py --repeat $(or $(REPEAT),3)

# Every template in every language at a phone and a desktop width, with headless Chromium
# (Debian's chromium and fonts-noto-cjk), so every reviewer can look at the site.
SHOTS ?= screenshots
screenshots: html $(TESTDEPS)
	bash tests/ensure_system_tools.sh screenshots
	$(BIN)/python scripts/screenshots.py --output output --out $(SHOTS)

clean:
	rm -rf output .output-* .pytest_cache .ruff_cache
