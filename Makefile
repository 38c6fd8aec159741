# Everyday commands. `make run` and `make test` work on a fresh Debian
# machine with Python 3.11: they create .venv and install what is missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_JOBS ?= auto
# apt needs root; use sudo when we are not root and sudo exists.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)

.PHONY: run test bench setup setup-dev system-packages messages compile-messages lint format check clean backup restore

## run: install, migrate, load the demo site and serve it at http://127.0.0.1:8000/
run: setup compile-messages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_data
	$(MANAGE) runserver $(HOST):$(PORT)

## test: install everything (browser included) and run the whole test suite
## (one pytest-xdist worker per core, TEST_JOBS=0 for one process). `--dist load`
## hands out tests in collection order, which pytest-django and tests/conftest.py
## arrange (plain database tests, then transactional ones, browser tests last);
## `loadfile` would run one file's transactional tests, which flush the migrated
## rows, before another file's plain tests that need them.
test: setup-dev compile-messages
	$(BIN)/pytest -n $(TEST_JOBS) --dist load

## bench: seed three scales (once) and measure pages, load, chat, Lighthouse; writes bench/RESULTS.md
bench: setup-dev compile-messages
	@{ command -v wrk && command -v redis-server; } >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk redis-server; }
	$(BIN)/python -m bench $(BENCH_ARGS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

setup: $(BIN)/python system-packages
	$(BIN)/pip install --quiet -r requirements.txt

setup-dev: $(BIN)/python system-packages
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

# gettext's msgfmt compiles the translation catalogues.
system-packages:
	@command -v msgfmt >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq gettext; }

compile-messages:
	$(MANAGE) compilemessages --ignore=$(VENV) --ignore=node_modules -v 0

## messages: refresh the Indonesian catalogue from the code and templates
messages:
	$(MANAGE) makemessages -l id --ignore=$(VENV) --ignore=node_modules --ignore=staticfiles --no-obsolete

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## backup: dump the database and archive the media into BACKUP_DIR (./backups)
backup:
	$(MANAGE) dbbackup --noinput -o site.dump
	$(MANAGE) mediabackup --noinput -o media.tar

## restore: load ./backups/site.dump and media.tar into the configured database and MEDIA_ROOT
restore:
	$(MANAGE) dbrestore --noinput -i site.dump
	$(MANAGE) mediarestore --noinput -i media.tar

## check: Django's system checks and a check that no migration is missing
check:
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf staticfiles .test-media test-artifacts .pytest_cache
