# Two commands do all set-up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.geinstalleerd
# Debian packages: Chromium for the browser tests, Pango for WeasyPrint, gettext for the
# translations, poppler-utils to look at PDFs, DejaVu as the report's font; nginx and
# openssl for the production test (tests/deploy: nginx with a throw-away certificate).
APT_PAKKETTEN := chromium libpango-1.0-0 libpangoft2-1.0-0 gettext poppler-utils fonts-dejavu-core nginx openssl
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup systeem vertalingen berichten run test bench bench-pdf lint reistijd paginas load

setup: systeem $(STAMP) vertalingen

systeem:
	@ontbreekt=""; for p in $(APT_PAKKETTEN); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || ontbreekt="$$ontbreekt $$p"; \
	done; \
	if [ -n "$$ontbreekt" ]; then \
	  echo "Systeempakketten installeren:$$ontbreekt"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$ontbreekt >/dev/null; \
	fi
	@# Node.js and npm run the tests' OpenID Provider (tests/oidc/aanbieder). Debian's, unless
	@# a node is already there (a nodesource node brings its own npm; Debian's npm would clash).
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
	  echo "Systeempakketten installeren: nodejs npm"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; \
	fi

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -e ".[dev]"
	touch $(STAMP)

vertalingen: $(STAMP)
	@if ls locale/*/LC_MESSAGES/django.po >/dev/null 2>&1; then $(PY) manage.py compilemessages -v 0; fi

# After adding or changing a {% translate %} / gettext() text: refresh both catalogues, then
# translate the new entries in locale/en/LC_MESSAGES/django.po. No source locations, so a
# catalogue only changes where a text changed.
berichten: $(STAMP)
	$(PY) manage.py makemessages -l nl -l en --no-obsolete --no-location -i '.venv/*' -i 'var/*' -i 'tests/*'
	$(PY) manage.py compilemessages -v 0

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py laad_profiel profiel_data/*.yaml
	$(PY) manage.py maak_demo
	$(PY) manage.py maak_demo_netwerk
	@echo "De zelfscan draait op http://$(HOST):$(PORT)/ (stoppen met Ctrl+C)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The PDF against WeasyPrint's floor, then the pages' server time against the home page.
bench: setup
	-$(PY) bench/pdf_bench.py
	$(PY) bench/paginas_bench.py

# 20 simultaneous downloads of one PDF report through gunicorn: rendered vs stored.
bench-pdf: setup
	$(PY) bench/pdf_gelijktijdig.py

# How the PDF flows over its pages, for the demo scan and a basis+coach scan.
paginas: setup
	$(PY) bench/pdf_paginas.py

# A person's time for basis plus one gebied, walked in headless Chromium (bench/reistijd.py).
reistijd: setup
	$(PY) bench/reistijd.py

# A workshop at once: gunicorn (production settings) on 127.0.0.1 driven by Locust, then every
# acknowledged answer checked in the database (bench/load.py). SQLite, or DATABASE_URL;
# ARGS="--mensen 50 --seconden 30" or ARGS="--servers 2" (PostgreSQL).
load: setup
	$(PY) bench/load.py $(ARGS)
