# The two set-up commands (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install lint format migrate worker beat poll clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

# Install, migrate, load the sample reports, create demo users, serve on 127.0.0.1:8000.
demo: install
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py ingest sample_data --name "Sample reports"
	DEBUG=1 $(PY) manage.py demo_users
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

# Install and run the whole test suite (DATABASE_URL / CELERY_BROKER_URL select real services).
test: install
	$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$status

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrate: install
	$(PY) manage.py migrate --noinput

worker: install
	$(VENV)/bin/celery -A diplomacy worker --loglevel=INFO

# With a broker: send the poll of the feeds due (one beat per deployment).
beat: install
	$(VENV)/bin/celery -A diplomacy beat --loglevel=INFO

# Without a broker (the embedded default): poll the feeds as they come due, in process.
poll: install
	DEBUG=1 $(PY) manage.py poll_sources --loop

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
