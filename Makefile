# Every target works from a fresh clone: the first one that needs it creates .venv.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test lint format migrations-check bench bench-small clean

$(STAMP): pyproject.toml
	test -x $(PY) || "$$(scripts/find-python.sh)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_data --scale small
	@echo "Portaal: http://127.0.0.1:8000  (Ctrl+C stopt de server)"
	$(PY) manage.py runserver 127.0.0.1:8000

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

migrations-check: $(STAMP)
	# A pure model check: no database needed, so it never depends on DATABASE_URL.
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=pilot.settings.test $(PY) manage.py makemigrations --check --dry-run

test: $(STAMP) lint migrations-check
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# PostgreSQL must be running (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/
# kantoordagen_bench); the script creates and fills its databases itself. See docs/benchmarks.md.
bench: $(STAMP)
	$(PY) scripts/bench.py

bench-small: $(STAMP)
	$(PY) scripts/bench.py --small

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
