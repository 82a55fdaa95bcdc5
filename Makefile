# The README's commands. Each works from a fresh clone: it creates .venv, installs the
# project and compiles the translation catalogs first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 5000
CHROMIUM_PATH ?= /usr/bin/chromium
CHROMIUM_HEADLESS_SHELL_PATH ?= /usr/bin/chromium-headless-shell
export CHROMIUM_PATH CHROMIUM_HEADLESS_SHELL_PATH
# Test workers: browser tests run in parallel, one server and one browser per worker; an idle
# worker takes tests queued for a busy one (worksteal), so one long test does not hold the end.
# Three on this 2-core machine: a browser test waits on the browser part of the time, and a
# third worker fills that (4:00 against 4:18-4:43 with two, idle).
WORKERS ?= 3

.PHONY: run test bench bench-quick catalogs extract check-translations stats chromium lighthouse clean screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The venv's own pip (Python 3.11's) installs editable projects; upgrading it first cost every
# fresh clone a download and seconds, and asking for a newer one each run a request.
PIP    := $(BIN)/python -m pip --disable-pip-version-check

$(VENV)/.installed: pyproject.toml setup.py | $(BIN)/python
	$(PIP) install -q -e .
	touch $@

# The project and its test dependencies in one pip run: one editable build, not two.
$(VENV)/.installed-test: pyproject.toml setup.py | $(BIN)/python
	$(PIP) install -q -e '.[test]'
	touch $(VENV)/.installed $@

catalogs: $(VENV)/.installed
	$(BIN)/flask --app webapp translate compile

run: catalogs
	GUIDE_PSEUDO_LOCALE=1 $(BIN)/flask --app wsgi run --host 127.0.0.1 --port $(PORT)

# Debian's Chromium when present (CI installs it); otherwise Playwright's own build. Without
# Debian's headless shell (chromium-headless-shell) the tests run in the full browser, slower.
chromium: $(VENV)/.installed-test
	@if [ -x "$(CHROMIUM_PATH)" ]; then echo "Chromium: $(CHROMIUM_PATH)"; \
	else echo "No $(CHROMIUM_PATH): installing Playwright's Chromium"; \
	$(BIN)/python -m playwright install chromium; fi
	@if [ -x "$(CHROMIUM_HEADLESS_SHELL_PATH)" ]; then echo "Headless shell: $(CHROMIUM_HEADLESS_SHELL_PATH)"; \
	else echo "No $(CHROMIUM_HEADLESS_SHELL_PATH): every browser test runs in the full browser"; fi

test: $(VENV)/.installed-test catalogs chromium
	$(BIN)/python -m pytest -n $(WORKERS) --dist worksteal

# Translator targets (see TRANSLATING.md).
extract: $(VENV)/.installed
	$(BIN)/flask --app webapp translate extract
	$(BIN)/flask --app webapp translate update

check-translations: catalogs
	$(BIN)/flask --app webapp translate check

stats: $(VENV)/.installed
	$(BIN)/flask --app webapp translate stats

clean:
	rm -rf $(VENV) .lighthouse static/gen static/.webassets-cache .webassets-cache translations/*/LC_MESSAGES/*.mo

# Lighthouse from npm (pinned: 13 wants a newer Node) into .lighthouse/node_modules; it drives
# $(CHROMIUM_PATH).
LIGHTHOUSE := .lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE):
	mkdir -p .lighthouse
	npm install --prefix .lighthouse --no-save --no-audit --no-fund -E lighthouse@12.2.3

lighthouse: $(LIGHTHOUSE)

# Speed and size figures with their targets (not pass/fail tests; a part that breaks fails).
# QUICK=1 (CI, `make bench-quick`): fewer repeats, a smaller directory, shorter loads, no
# verdicts, every part.
bench: $(VENV)/.installed-test catalogs chromium lighthouse
	$(BIN)/python -m bench.run $(if $(QUICK),--quick)

bench-quick:
	$(MAKE) bench QUICK=1

# What a reader sees on a small phone: PNGs of every page type at 360 x 640 in en, es, ar and ru,
# light and dark, in docs/screenshots/ (see the README, "How the guide looks").
screenshots: catalogs chromium
	$(BIN)/python tools/screenshots.py
