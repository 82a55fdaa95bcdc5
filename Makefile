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

.PHONY: run test test-firefox bench bench-quick catalogs extract check-translations stats chromium engines fonts voices lighthouse clean screenshots language lock

# uv, pinned, makes the venv and installs the locked packages into it, and compiles the lock
# files: a fresh clone's set-up took 28 s with pip (venv 6 s with its own pip, 15 s of pip's
# resolver and hash checks on one core, 6 s compiling), 11 s with uv. It comes from PyPI, by
# the system Python's pip, or from a venv of its own where that Python has none.
UV_VERSION := 0.13.9
TOOLS := .tools
UV    := $(TOOLS)/bin/uv

$(UV):
	$(PYTHON) -m pip install -q --disable-pip-version-check --target $(TOOLS) uv==$(UV_VERSION) 2>/dev/null || \
	  { $(PYTHON) -m venv $(TOOLS) && $(TOOLS)/bin/python -m pip install -q --disable-pip-version-check uv==$(UV_VERSION); }

$(BIN)/python: | $(UV)
	$(UV) venv -q --python $(PYTHON) $(VENV)

INSTALL := $(UV) pip install -q --python $(BIN)/python

# Packages come from the lock files with hashes (requirements/, `make lock`), so every machine
# and CI get the same ones; then the project itself, editable, built by the locked setuptools.
$(VENV)/.installed: pyproject.toml setup.py requirements/app.txt | $(BIN)/python
	$(INSTALL) --require-hashes -r requirements/app.txt
	$(INSTALL) --no-deps --no-build-isolation -e .
	touch $@

# The test lock holds the app's packages too, at the same versions (make lock compiles app.txt
# within test.txt): one install of packages, one editable build. Compiled to bytecode on every
# core now, not by each test worker importing them at once.
$(VENV)/.installed-test: pyproject.toml setup.py requirements/test.txt | $(BIN)/python
	$(INSTALL) --require-hashes --compile-bytecode -r requirements/test.txt
	$(INSTALL) --no-deps --no-build-isolation -e .
	touch $(VENV)/.installed $@

# Update the lock files after changing a dependency in pyproject.toml (current pins are kept
# where they still fit); `make lock UPGRADE=--upgrade` moves every package to its newest
# allowed version.
UPGRADE ?=
LOCK := --generate-hashes --universal --python-version 3.11 --quiet $(UPGRADE)
lock: | $(UV)
	$(UV) pip compile pyproject.toml requirements/build.in --extra test $(LOCK) -o requirements/test.txt
	$(UV) pip compile pyproject.toml requirements/build.in -c requirements/test.txt $(LOCK) -o requirements/app.txt

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

# The other engines' flows (tests/engines/): WebKit through WebKitWebDriver and MiniBrowser
# under Xvfb, Firefox through its own WebDriver BiDi server. Debian's packages only; as root
# (CI) they are installed when missing, otherwise the command to install them is printed.
engines:
	@missing=""; \
	[ -x /usr/bin/WebKitWebDriver ] || missing="$$missing webkit2gtk-driver"; \
	command -v Xvfb >/dev/null || missing="$$missing xvfb"; \
	command -v firefox-esr >/dev/null || command -v firefox >/dev/null || missing="$$missing firefox-esr"; \
	if [ -z "$$missing" ]; then echo "WebKit and Firefox: present"; \
	elif [ "$$(id -u)" = 0 ]; then echo "Installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "Missing Debian packages: sudo apt-get install$$missing"; exit 1; fi

# Fonts the browser tests measure text with: the pages load no web font, so a page's height
# and line breaks are those of the machine's sans-serif. Noto Sans (fonts-noto-core), as on an
# Android phone and named by the guide's CSS: where only DejaVu Sans is, a wider face, the
# English helplines page measured 4,022 px against 3,804 and long Russian words overflowed a
# card. And the scripts a bare Debian lacks (Thai, Devanagari). Installed with apt-get when
# missing and run as root (CI, .ci/run); otherwise the command to run is printed. fontconfig's
# fc-list says what is there.
fonts:
	@missing=""; \
	fc-list "Noto Sans:style=Regular" 2>/dev/null | grep -q . || missing="$$missing fonts-noto-core"; \
	fc-list :lang=th 2>/dev/null | grep -q . || missing="$$missing fonts-thai-tlwg"; \
	fc-list :lang=hi 2>/dev/null | grep -q . || missing="$$missing fonts-lohit-deva"; \
	if [ -z "$$missing" ]; then echo "Fonts: Noto Sans, Thai and Devanagari present"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing$$missing"; export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
	else echo "Missing fonts: run  sudo apt-get install$$missing  (the browser tests measure text in them)"; fi

# The Listen tests speak with real voices: speech-dispatcher driving espeak-ng, as Chromium does
# on a Linux desktop (tests/browser/speech.py). Debian's packages; as root (CI) they are
# installed when missing, otherwise the command to install them is printed.
voices:
	@missing=""; \
	command -v speech-dispatcher >/dev/null || missing="$$missing speech-dispatcher"; \
	ls /usr/lib/speech-dispatcher-modules/sd_espeak-ng /usr/lib/*/speech-dispatcher-modules/sd_espeak-ng \
	  2>/dev/null | grep -q . || missing="$$missing speech-dispatcher-espeak-ng espeak-ng"; \
	if [ -z "$$missing" ]; then echo "Voices: speech-dispatcher with espeak-ng"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then echo "Installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "Missing Debian packages: sudo apt-get install$$missing"; exit 1; fi

test: $(VENV)/.installed-test catalogs chromium engines fonts voices
	$(BIN)/python -m pytest -n $(WORKERS) --dist worksteal

# The engine flows of tests/engines/ in Firefox (make test runs them in WebKit). CI runs both.
test-firefox: $(VENV)/.installed-test catalogs engines fonts voices
	GUIDE_TEST_ENGINES=firefox $(BIN)/python -m pytest -n $(WORKERS) --dist worksteal tests/engines

# Translator targets (see TRANSLATING.md).
extract: $(VENV)/.installed
	$(BIN)/flask --app webapp translate extract
	$(BIN)/flask --app webapp translate update

# Start a new language: make language LANG=sw (its BCP 47 tag). Writes its catalog, adds it to
# webapp/locales.py and prints the next steps (TRANSLATING.md, "Adding a language"). LANG is
# also the shell's locale setting, so it counts only when given on the command line, and the
# command itself runs in a UTF-8 locale.
language: $(VENV)/.installed
ifneq ($(origin LANG),command line)
	$(error Say which language, with its BCP 47 tag: make language LANG=sw)
endif
	@LC_ALL=C.UTF-8 $(BIN)/flask --app webapp translate init $(LANG)

check-translations: catalogs
	$(BIN)/flask --app webapp translate check

stats: $(VENV)/.installed
	$(BIN)/flask --app webapp translate stats

clean:
	rm -rf $(VENV) $(TOOLS) .lock-tools .lighthouse static/gen static/.webassets-cache .webassets-cache translations/*/LC_MESSAGES/*.mo

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
screenshots: catalogs chromium fonts
	$(BIN)/python tools/screenshots.py
