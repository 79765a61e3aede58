"""Datasette plugin: registered through the package's ``datasette`` entry point."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from datasette import hookimpl
from datasette.utils import urlsafe_components
from jinja2 import ChoiceLoader, Environment
from markupsafe import Markup

from explorer.anyname import ArchiveTemplates, describe_archive
from explorer.article_page import ARTICLE_TEMPLATE, TEMPLATES, article_page
from explorer.excel import render_excel, stream_excel
from explorer.folding import ASGIApp, fold_filters
from explorer.links import archive_redirect, linked_cell
from explorer.person_page import PERSON_TEMPLATE, person_page
from explorer.sql_guard import guard_connection
from ingest.text.fold import fold

if TYPE_CHECKING:
    from datasette.app import Datasette
    from datasette.utils.asgi import Request

# SQLite's own ceiling for memory-mapped I/O (SQLITE_MAX_MMAP_SIZE, 0x7FFF0000).
MMAP_BYTES = 2_147_418_112


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: str) -> None:
    """Every Datasette connection gets the ``zh`` full-text tokenizer and the
    ``fold()`` SQL function, and reads
    the file through mmap: a search page looks up every matching article again
    for its count and each facet, and mmap makes those lookups 2-4x faster at
    100k articles (docs/SEARCH.md). Safe while an ingest writes the file: in
    WAL mode the writer appends to the -wal file and a checkpoint writes pages
    back only below the oldest reader's snapshot, so the mapped pages a reader
    uses do not change under it (SQLite supports mmap with a concurrent WAL
    writer; tests/test_atomic.py serves with mmap during an ingest). No value
    may grow past the largest the archive stores and no function call run away
    (``sql_guard``: the SQL time limit cannot cut one call short)."""
    from zhfts import register_tokenizer

    guard_connection(conn)
    register_tokenizer(conn)
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    # Served read-only but not immutable (serve.py): query_only refuses a
    # writable canned query's write too, which only -i refused before
    # (Datasette's own in-memory _internal database stays writable).
    if database != "_internal":
        conn.execute("PRAGMA query_only = 1")
    # fold(text): the archive's simplified, half-width form, for SQL that
    # compares text in either script (the canned query figures_about).
    conn.create_function("fold", 1, fold_or_null, deterministic=True)


def fold_or_null(text: str | None) -> str | None:
    return None if text is None else fold(text)


@hookimpl
def prepare_jinja2_environment(env: Environment) -> None:
    """The archive's templates (the article page) come before Datasette's.

    Datasette 0.65 finds a plugin's ``templates/`` only next to a plugin that
    is a package; this plugin is the module ``explorer.plugin``. The loader
    serves them for whatever name the archive is served under (anyname.py).
    """
    env.loader = ChoiceLoader([ArchiveTemplates(str(TEMPLATES)), env.loader])


@hookimpl
def startup(datasette: Datasette) -> Callable[[], Awaitable[None]]:
    """metadata.yml's ``zhuzhou`` said of the archive, whatever its file name."""

    async def describe() -> None:
        await describe_archive(datasette, getattr(datasette.jinja_env.loader, "loaders", []))

    return describe


@hookimpl
def extra_template_vars(
    template: str, database: str, request: Request, datasette: Datasette
) -> Callable[[], Awaitable[dict[str, Any]]] | None:
    """The article page's sections, captions, people, figures, places,
    keywords and citation; the person page's roles, articles and companions."""
    if template not in (ARTICLE_TEMPLATE, PERSON_TEMPLATE):
        return None

    async def row_vars() -> dict[str, Any]:
        (row_id,) = urlsafe_components(request.url_vars["pks"])
        db = datasette.get_database(database)
        if template == PERSON_TEMPLATE:
            return await person_page(db, row_id)
        # The address the citation gives: this page's, without the query
        # string (?q= of a search), on the host the reader used.
        stable_url = datasette.absolute_url(request, request.path)
        today = datetime.now(UTC).date().isoformat()
        return await article_page(db, row_id, stable_url, today, request.args.get("q"))

    return row_vars


@hookimpl
def register_routes() -> list[tuple[str, Callable[..., Awaitable[Any]]]]:
    """The readers' search page (explorer/search_page.py), a source's text
    with line numbers (explorer/source_page.py), and the archive's tables
    under a name that does not depend on its file's (links.py)."""
    from explorer.search_page import search
    from explorer.source_page import source

    return [
        (r"^/search$", search),
        (r"^/(?P<database>[^/]+)/-/source/(?P<source_id>[0-9]{1,19})$", source),
        (r"^/-/archive/(?P<table>[^/]+)(?:/(?P<pk>[^/]+))?$", archive_redirect),
    ]


@hookimpl
def render_cell(
    row: Any, value: object, column: str, table: str | None, database: str, datasette: Datasette
) -> Awaitable[Markup | None]:
    """Headlines link to their article, names to their person (links.py)."""
    return linked_cell(row, value, column, table, database, datasette)


@hookimpl
def asgi_wrapper(datasette: Datasette) -> Callable[[ASGIApp], ASGIApp]:
    """Table filters and facets in either script (folding.py); every row for
    Excel with ``.excel?_stream=on`` (excel.py)."""
    return lambda app: fold_filters(datasette, stream_excel(app))


@hookimpl
def register_output_renderer() -> dict[str, Any]:
    """``.excel``: the CSV with a BOM and long ids as text, for Excel (excel.py)."""
    return {"extension": "excel", "render": render_excel}
