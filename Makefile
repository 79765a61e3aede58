# The two commands: `make serve` and `make test`. Everything else follows.
VENV := .venv
PY := $(VENV)/bin/python
DB := zhuzhou.db
SEEDS := $(wildcard seeds/*.txt)
# Every file the archive is built from: a change in any of them rebuilds it.
PACKAGES := ingest explorer zhfts
CODE := $(wildcard ingest/*.py ingest/*/*.py ingest/extract/data/* zhfts/*.py zhfts/*.c zhfts/*.h)
HOST := 127.0.0.1
PORT := 8001
# Datasette's options (read-only -i, SQL time limit, …) are in explorer/serve.py,
# shared with the serving tests so the two cannot drift.

.PHONY: serve test lint db clean

$(VENV)/.installed: pyproject.toml $(wildcard zhfts/*.c zhfts/*.h)
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

# Built whole into a temporary file and moved into place, so an interrupted
# build leaves the previous archive as it was; store.archive.replace_archive moves it
# under the archive's lock and drops the old file's -wal/-shm first, which
# SQLite would otherwise replay onto the new file.
$(DB): $(VENV)/.installed $(SEEDS) $(CODE)
	rm -f $(DB).tmp
	$(PY) -m ingest seeds --db $(DB).tmp --quiet
	$(PY) -c 'import sys; from ingest.store.archive import replace_archive; replace_archive(*sys.argv[1:])' $(DB).tmp $(DB)
	rm -f $(DB).tmp.lock

db: $(DB)

serve: $(DB)
	$(PY) -m explorer.serve $(DB) --host $(HOST) --port $(PORT)

test: $(VENV)/.installed
	$(PY) -m pytest -q

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check $(PACKAGES) tests bench scripts
	$(VENV)/bin/ruff format --check $(PACKAGES) tests bench scripts

clean:
	rm -rf $(VENV) build *.egg-info $(DB).tmp
