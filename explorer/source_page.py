"""A source file's text with line numbers, ``/<database>/-/source/<id>``.

Every row of the archive says which lines of its source it came from
(``line_start``, ``line_end``); this page shows those lines: one anchor per
line (``#L12``), the lines of ``?lines=81-125`` marked (the article page links
its own so), and the articles of the file with their line ranges. The text is
stored compressed against the file's articles (``source_texts``,
ingest/store/source_text.py) and rebuilt here from them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ingest.store.source_text import DICTIONARY_COLUMNS, ORDER_COLUMNS, decompress_source

if TYPE_CHECKING:
    from datasette.app import Datasette
    from datasette.utils.asgi import Request

SOURCE_TEMPLATE = "zhuzhou-source.html"
LINE_RANGE = re.compile(r"^(\d+)(?:-(\d+))?$")


def source_path(database: str, source_id: int, lines: tuple[int, int] | None = None) -> str:
    """The source page's address, its lines *lines* marked and scrolled to."""
    path = f"/{database}/-/source/{source_id}"
    if lines is None:
        return path
    return f"{path}?lines={lines[0]}-{lines[1]}#L{lines[0]}"


def line_range(value: str | None) -> tuple[int, int] | None:
    """``81-125`` (or ``12``) as (first, last); anything else marks nothing."""
    match = LINE_RANGE.match(value or "")
    if not match:
        return None
    first = int(match[1])
    return first, int(match[2] or first)


async def source(datasette: Datasette, request: Request) -> Any:
    from datasette.utils.asgi import NotFound, Response

    name = request.url_vars["database"]
    try:
        db = datasette.get_database(name)
    except KeyError:
        raise NotFound(f"no database {name}") from None
    source_id = int(request.url_vars["source_id"])
    if not await db.table_exists("source_texts"):  # an archive built before it
        raise NotFound("this archive stores no source texts: rebuild it")
    if "text_zstd" not in await db.table_columns("source_texts"):  # or before session 21
        raise NotFound("this archive stores its source texts the old way: rebuild it")
    rows = (
        await db.execute(
            "select s.*, t.text_zstd from sources s join source_texts t on t.source_id = s.id"
            " where s.id = :id",
            {"id": source_id},
        )
    ).rows
    if not rows:
        raise NotFound(f"no source text {source_id}")
    row = dict(rows[0])
    columns = ", ".join(dict.fromkeys(("line_end", *DICTIONARY_COLUMNS, *ORDER_COLUMNS)))
    articles = [
        dict(a)
        for a in (
            await db.execute(
                f"select {columns} from articles where source_id = :id order by line_start",
                {"id": source_id},
            )
        ).rows
    ]
    marked = line_range(request.args.get("lines"))
    first, last = marked or (0, -1)
    context = {
        "database": name,
        "source": row,
        "lines": [
            (n, text, first <= n <= last)
            for n, text in enumerate(
                decompress_source(row.pop("text_zstd"), articles).split("\n"), 1
            )
        ],
        "marked": marked,
        "articles": articles,
    }
    html = await datasette.render_template(SOURCE_TEMPLATE, context, request=request)
    return Response.html(html)
