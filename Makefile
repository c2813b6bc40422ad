# The two commands of the README: `make run` and `make test`. Everything else here serves them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test install messages lint format e2e fuzz

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

messages: $(STAMP)
	@command -v msgfmt >/dev/null || { echo "msgfmt not found: install GNU gettext (Debian: apt-get install gettext)"; exit 1; }
	cd src/mhw && ../../$(BIN)/django-admin compilemessages --ignore=.venv -v 0

run: messages
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py seed_demo
	@echo "Serving Make Hydrogen Work on http://127.0.0.1:$(PORT)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

format: $(STAMP)
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/ruff format src tests benchmarks

test: messages lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

e2e: messages
	MHW_E2E=required $(BIN)/pytest tests/e2e

# The API fuzzed in full: 500 generated requests per operation and role (the test suite runs a short seeded run).
fuzz: messages
	MHW_FUZZ_EXAMPLES=500 $(BIN)/pytest tests/api/test_fuzzing.py
