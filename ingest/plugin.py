"""Datasette plugin: registered through the package's ``datasette`` entry point."""

from __future__ import annotations

import sqlite3

from datasette import hookimpl


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    """Every Datasette connection gets the ``zh`` full-text tokenizer."""
    from .zhfts import register_tokenizer

    register_tokenizer(conn)
