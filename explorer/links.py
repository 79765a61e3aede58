"""Links everywhere (issue 15, point 3): a headline opens its article, a name
its person, in canned queries and tables alike.

Datasette links a row's primary key and its foreign keys, not its label: in
``articles`` the headline was plain text beside a 13-digit id, and a canned
query (``search``, ``figures_about``) showed headlines and names with no link
at all. ``render_cell`` (below, through ``plugin.py``) turns

* a table's label column (``metadata.yml``'s ``label_column``: an article's
  ``title``, a person's ``name``) into a link to its row, and
* in a query's result, a column named in ``QUERY_LINKS`` into a link to the
  row whose id the same result carries: ``title`` or ``article`` beside an
  ``article_id`` opens the article, ``person``/``name`` beside a
  ``person_id`` the person. A canned query that shows a name selects the id
  too (``people_together``: ``person_id``, ``named_with_id``), and a column
  in ``QUERY_LIST_LINKS`` holding ``[{"id", "title"}, …]`` into one link each.

The dashboard's bars link through ``/-/archive/<table>[/<id>]?…`` (``archive_redirect``),
which sends the reader to that table of the archive, whatever it is served as.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from markupsafe import Markup, escape

from explorer.anyname import archive_database

if TYPE_CHECKING:
    from datasette.app import Datasette
    from datasette.utils.asgi import Request, Response

# A query's column → (the table its row is in, the column holding that row's id).
QUERY_LINKS: dict[str, tuple[str, str]] = {
    "title": ("articles", "article_id"),
    "article": ("articles", "article_id"),
    "article_id": ("articles", "article_id"),
    "person": ("people", "person_id"),
    "name": ("people", "person_id"),
    "person_id": ("people", "person_id"),
    "named_with": ("people", "named_with_id"),
    "named_with_id": ("people", "named_with_id"),
}


# A query's column holding a JSON array of {"id", "title"} → the table of those ids
# (people_together's titles: the articles a pair is named in).
QUERY_LIST_LINKS: dict[str, str] = {"titles": "articles"}


# Each served Datasette's label columns, (database, table) → column: render_cell
# runs for every cell, and looking the label up each time (a merge of the
# whole metadata, a query for a table metadata.yml gives none) made the
# seeds' mentions page (96 rows) 3.6 times slower than without links (0.89 s
# against 0.24 s); with this cache 1.2 times (0.30 s), in one run.
LABELS: WeakKeyDictionary[Datasette, dict[tuple[str, str], str | None]] = WeakKeyDictionary()


async def label_column(datasette: Datasette, database: str, table: str) -> str | None:
    known = LABELS.setdefault(datasette, {})
    if (database, table) not in known:
        db = datasette.get_database(database)
        known[database, table] = await db.label_column_for_table(table)
    return known[database, table]


def anchor(href: str, text: object) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, text)


async def linked_cell(
    row: Any, value: object, column: str, table: str | None, database: str, datasette: Datasette
) -> Markup | None:
    """The cell as a link to the row it names, or None (Datasette's own rendering)."""
    if value in (None, ""):
        return None
    keys = row.keys()
    if table is None and column in QUERY_LIST_LINKS and isinstance(value, str):
        try:
            items = json.loads(value)
        except json.JSONDecodeError:
            return None
        links = [
            anchor(datasette.urls.row(database, QUERY_LIST_LINKS[column], str(i["id"])), i["title"])
            for i in items
            if isinstance(i, dict) and "id" in i and "title" in i
        ]
        return Markup(" · ").join(links) if links else None
    if table is None:
        target = QUERY_LINKS.get(column)
        if target is None or target[1] not in keys or row[target[1]] is None:
            return None
        return anchor(datasette.urls.row(database, target[0], str(row[target[1]])), escape(value))
    if "id" not in keys or column == "id":
        return None
    if column != await label_column(datasette, database, table):
        return None
    return anchor(datasette.urls.row(database, table, str(row["id"])), escape(value))


async def archive_redirect(datasette: Datasette, request: Request) -> Response:
    """``/-/archive/articles?month=2019-09`` → the archive's ``articles`` table
    with that filter, ``/-/archive/people/<id>`` → that person's page, under
    whatever name the archive is served."""
    from datasette.utils.asgi import Response

    db = await archive_database(datasette)
    table, pk = request.url_vars["table"], request.url_vars.get("pk")
    target = datasette.urls.row(db.name, table, pk) if pk else datasette.urls.table(db.name, table)
    return Response.redirect(target + (f"?{request.query_string}" if request.query_string else ""))
