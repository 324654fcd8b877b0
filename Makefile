# Every target sets up what it needs: a fresh clone needs no other step.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install demo test test-slow lint browser bench serve clean api-docs mutation

# The stamp is named by the checksum of pyproject.toml: it is remade when the file's content changes, never for
# its mtime alone (a fresh clone has arbitrary mtimes).
$(STAMP):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,site]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

# Debian's Chromium for the browser tests (Playwright drives it; browsers cannot be downloaded here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "could not install chromium: browser tests will skip (and fail under CI=true)"; \
	  else echo "chromium missing and not root: browser tests will skip (and fail under CI=true)"; fi; }

# Caches live in .venv, so `make test` leaves the working tree as it found it.
lint: $(STAMP)
	$(BIN)/ruff check --cache-dir $(VENV)/.ruff_cache lawtrack tests benchmarks
	$(BIN)/mypy --strict --cache-dir $(VENV)/.mypy_cache lawtrack tests

test: lint browser
	$(BIN)/python -m pytest -q

test-slow: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -m slow

demo: $(STAMP)
	$(BIN)/lawtrack demo

# docs/python-api.md from the docstrings of the names `import lawtrack` exports (a test checks it is current).
api-docs: $(STAMP)
	$(BIN)/python -m tests.python_api_doc

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --out docs/benchmarks.md

# Mutation testing of amendments/, diff/, drafting/, track/events.py, track/store.py, model/bill.py and
# formats/lawmaker.py (hours on 2 cores; not in `make test`). MUTANTS="lawtrack.track.events*" runs a subset;
# the score goes to docs/mutation.md.
MUTANTS ?=
# mutmut maps each function to the tests that run it once, and keeps that map while the code is unchanged, so a
# test added since would not be run against the mutants: the map is made again each time.
mutation: $(STAMP)
	rm -f mutants/mutmut-stats.json
	$(BIN)/mutmut run $(MUTANTS)
	$(BIN)/python benchmarks/mutation_report.py --out docs/mutation.md

serve: demo
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory site 8000

clean:
	rm -rf $(VENV) site build docs/bills .pytest_cache .mypy_cache .ruff_cache test-artifacts mutants
