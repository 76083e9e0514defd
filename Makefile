# Every target works from a fresh clone: the first one that needs it creates .venv.
VENV := .venv
PY := $(VENV)/bin/python
# What running needs, and on top of it what the tests need: `make run` installs only the first.
RUN_STAMP := $(VENV)/.installed-run
STAMP := $(VENV)/.installed-test
PYTEST_ARGS ?=
PORT ?= 8000

.PHONY: run test lint format migrations-check messages bench bench-small clean

$(RUN_STAMP): pyproject.toml
	test -x $(PY) || "$$(scripts/find-python.sh)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $(RUN_STAMP)

$(STAMP): $(RUN_STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Served as users see it: no debug pages, static files by WhiteNoise; links in e-mails point at
# this address. Another port: make run PORT=8001.
run: $(RUN_STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_data --scale small
	@echo "Portaal: http://127.0.0.1:$(PORT)  (Ctrl+C stopt de server)"
	PORTAL_BASE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

migrations-check: $(STAMP)
	# A pure model check: no database needed, so it never depends on DATABASE_URL.
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=pilot.settings.test $(PY) manage.py makemigrations --check --dry-run

test: $(STAMP) lint migrations-check
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The English catalogue (needs GNU gettext): collect every Dutch text into the .po files (each
# app with a locale/ folder keeps its own; the rest, templates included, goes to locale/),
# then compile. Translate what is empty or marked fuzzy, then run it again;
# tests/pilot/test_catalogue.py fails while anything is left.
messages: $(RUN_STAMP)
	DJANGO_SETTINGS_MODULE=pilot.settings.test $(PY) manage.py makemessages -l en --no-obsolete
	DJANGO_SETTINGS_MODULE=pilot.settings.test $(PY) manage.py compilemessages -l en

# PostgreSQL must be running (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/
# kantoordagen_bench; the small scale uses the same name + _small); the script creates its
# databases and fills whatever app data they lack (the UWV fill takes minutes). BENCH_REPEAT,
# BENCH_PORT, BENCH_REDIS_URL: see scripts/bench.py. The report: docs/benchmarks.md.
bench: $(RUN_STAMP)
	$(PY) scripts/bench.py

bench-small: $(RUN_STAMP)
	$(PY) scripts/bench.py --small

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
