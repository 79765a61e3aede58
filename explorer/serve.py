"""How the archive is served: ``python -m explorer.serve [DB] [--host H] [--port P]``.

`make serve` runs this, and the serving tests start Datasette with the same
``serve_options``, so what is tested is what is served.

* read-only, not immutable (no ``-i``): Datasette opens the file with
  ``mode=ro`` and the archive declares no writable canned query, so nothing is
  written through the server; without ``-i`` SQLite's WAL locking applies, so
  the server keeps answering from committed snapshots while an ingest writes
  the file in place (``store.archive.Archive``, docs/ROBUSTNESS.md). With ``-i`` SQLite
  would skip locking and read half-written pages ("database disk image is
  malformed").
* ``sql_time_limit_ms``: every query, the ad-hoc SQL box's included, is cut
  off after a second, so no request can hold a worker for long.
* ``num_sql_threads`` 6: a runaway query holds its thread until it is cut
  off; with Datasette's default of 3, three of them stalled every other
  request (issue 11). ``sql_guard`` keeps one function call from running away.
* ``suggest_facets`` off: suggestions cost several times a search page's own
  query (docs/SEARCH.md).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import httpx

ROOT = Path(__file__).resolve().parent.parent
METADATA = ROOT / "metadata.yml"
SETTINGS = {"sql_time_limit_ms": "1000", "suggest_facets": "off", "num_sql_threads": "6"}


def serve_options(
    db: str | Path, host: str = "127.0.0.1", port: int = 8001, metadata: str | Path = METADATA
) -> list[str]:
    """The arguments of ``datasette serve`` for the archive *db*."""
    options = [str(db), "-m", str(metadata), "-h", host, "-p", str(port)]
    for name, value in SETTINGS.items():
        options += ["--setting", name, value]
    return options


def datasette_command(*options: str) -> list[str]:
    """``datasette serve`` with *options*, run by this Python (the venv's)."""
    return [sys.executable, "-m", "datasette", "serve", *options]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: str | Path, metadata: str | Path = METADATA) -> Iterator[str]:
    """A real ``datasette serve`` of *db* with ``serve_options`` on a free
    loopback port, for tests and benchmarks; yields its base URL."""
    port = free_port()
    command = datasette_command(*serve_options(db, "127.0.0.1", port, metadata))
    # A file, not a pipe: an unread pipe fills up with the access log and
    # stalls the server.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"{url}/-/versions.json", timeout=5)
                    break
                except httpx.TransportError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        raise RuntimeError(f"datasette did not start: {log.read()!r}") from None
                    time.sleep(0.1)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=30)


@click.command()
@click.argument("db", default="zhuzhou.db", type=click.Path(exists=True, dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True)
def main(db: str, host: str, port: int) -> None:
    """Serve the archive DB read-only with Datasette."""
    command = datasette_command(*serve_options(db, host, port))
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
