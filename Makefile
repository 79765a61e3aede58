# The two commands: `make serve` and `make test`. Everything else follows.
VENV := .venv
PY := $(VENV)/bin/python
DB := zhuzhou.db
SEEDS := $(wildcard seeds/*.txt)
CODE := $(wildcard ingest/*.py ingest/*.c ingest/*.h ingest/data/*)
HOST := 127.0.0.1
PORT := 8001
# Datasette's options (read-only -i, SQL time limit, …) are in ingest/serve.py,
# shared with the serving tests so the two cannot drift.

.PHONY: serve test lint db clean

$(VENV)/.installed: pyproject.toml $(wildcard ingest/*.c ingest/*.h)
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

# Built whole into a temporary file and moved into place, so an interrupted
# build leaves the previous archive as it was; save.replace_archive moves it
# under the archive's lock and drops the old file's -wal/-shm first, which
# SQLite would otherwise replay onto the new file.
$(DB): $(VENV)/.installed $(SEEDS) $(CODE)
	rm -f $(DB).tmp
	$(PY) -m ingest seeds --db $(DB).tmp --quiet
	$(PY) -c 'import sys; from ingest.save import replace_archive; replace_archive(*sys.argv[1:])' $(DB).tmp $(DB)
	rm -f $(DB).tmp.lock

db: $(DB)

serve: $(DB)
	$(PY) -m ingest.serve $(DB) --host $(HOST) --port $(PORT)

test: $(VENV)/.installed
	$(PY) -m pytest -q

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check ingest tests bench scripts
	$(VENV)/bin/ruff format --check ingest tests bench scripts

clean:
	rm -rf $(VENV) build *.egg-info $(DB).tmp
