"""Every table filter and facet folds scripts (issue 15, point 6).

The archive stores text as printed, so ``mentions?role=記者`` found only the
rows printed in traditional script, and a facet on ``pages.publication``
listed 華聲在線 beside 华声在线. The ingest stores a folded twin of each
faceted column (``rows.FOLDED``: ``role_folded`` …; the wrapper finds them
in the served archive, every ``<column>_folded``), and columns such as
``people.name`` are stored folded already. This ASGI wrapper rewrites a table
page's query string before Datasette reads it:

* a filter on a column with a twin (``role=記者``, ``measure__contains=養老``)
  becomes the same filter on the twin, its value folded
  (``role_folded=记者``);
* a filter on a column stored folded (``people?name=劉瓊``) gets its value
  folded;
* ``_facet=role`` becomes ``_facet=role_folded``.

And ``articles?_search=…&_sort=rank`` (or ``_sort_desc=rank``), which
Datasette 0.65 answers with a 500 (rank is a column of the FTS table, not of
``articles``), is sent to the readers' ranked search, ``/search?q=…``.

Any other argument is left as it is; a table or column of another database
is not rewritten (the table names are the archive's own).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode

from datasette.utils.asgi import Response

from explorer.anyname import archive_database
from ingest.text.fold import fold

if TYPE_CHECKING:
    from datasette.app import Datasette
    from datasette.database import Database

ASGIApp = Callable[
    [MutableMapping[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]],
    Awaitable[None],
]

# Table → its columns stored folded (names, places, keywords: ingest/store/rows.py).
STORED_FOLDED: dict[str, tuple[str, ...]] = {
    "people": ("name",),
    "places": ("place", "district"),
    "keywords": ("keyword",),
    "articles": ("district", "districts"),
}
TABLE_PATH = re.compile(r"^/(?P<database>[^/]+)/(?P<table>[^/.]+)(?:\.[a-z0-9]+)?$")
SUFFIX = "_folded"


def folded_query(query: str, twins: set[str], stored: tuple[str, ...]) -> str:
    """*query* (a table page's query string) with its filters and facets on
    the *twins*' folded columns, and the values of those and of the *stored*
    (folded) columns folded."""
    out = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        column, _, op = key.partition("__")
        if key == "_facet" and value in twins:
            value += SUFFIX
        elif column in twins:
            key, value = column + SUFFIX + (f"__{op}" if op else ""), fold(value)
        elif column in stored:
            value = fold(value)
        out.append((key, value))
    return urlencode(out)


def ranked_search(query: str) -> str | None:
    """The readers' search for a table search sorted by rank, else None."""
    args = parse_qsl(query, keep_blank_values=True)
    if ("_sort", "rank") not in args and ("_sort_desc", "rank") not in args:
        return None
    words = dict(args).get("_search", "").strip()
    return "/search?" + urlencode({"q": words}) if words else "/search"


async def folded_twins(db: Database) -> dict[str, set[str]]:
    """Table → its columns with a twin ``<column>_folded`` in the archive *db*."""
    twins: dict[str, set[str]] = {}
    for table in await db.table_names():
        for column in await db.table_columns(table):
            if column.endswith(SUFFIX):
                twins.setdefault(table, set()).add(column.removesuffix(SUFFIX))
    return twins


def fold_filters(datasette: Datasette, app: ASGIApp) -> ASGIApp:
    """*app* with the archive's table pages' filters and facets folded."""
    known: dict[str, dict[str, set[str]]] = {}  # the archive's route → its twins

    async def folded(
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[Any], Awaitable[None]],
    ) -> None:
        match = TABLE_PATH.match(scope.get("path", "")) if scope["type"] == "http" else None
        if match:
            if not known:
                db = await archive_database(datasette)
                known[db.route] = await folded_twins(db)
            archive = match["database"] in known
            twins = known.get(match["database"], {}).get(match["table"], set())
            stored = STORED_FOLDED.get(match["table"], ()) if archive else ()
            query = scope.get("query_string", b"").decode("utf-8", "replace")
            if archive and match["table"] == "articles" and (to := ranked_search(query)):
                await Response.redirect(to).asgi_send(send)
                return
            rewritten = folded_query(query, twins, stored) if twins or stored else query
            if rewritten != query:
                scope = {**scope, "query_string": rewritten.encode()}
        await app(scope, receive, send)

    return folded
