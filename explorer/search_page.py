"""The readers' search page, ``/search?q=…`` (issue 15, point 1).

One query straight on the full-text index per part of the page, rather than
Datasette's table search, whose page runs six statements over every match with
``rowid in (select rowid from articles_fts …)`` (docs/SEARCH.md): the hits of
this page (bm25, the title weighted as ``schema.FTS_RANK`` says), their count
and the counts per year, publication and district of the same matches (the
publication folded, ``articles.publication_folded``: 華聲在線 and 华声在线 are one).

The query is folded to simplified script (the ``zh`` tokenizer folds the text
the same way) and split on spaces and 、，,;；:： into words that must all be
printed in the article, each taken as a phrase; ``mode=fts`` passes FTS5's own
syntax through (``医保 OR 电梯``), and a syntax error is said on the page.
"""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
from collections import Counter
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from markupsafe import Markup, escape

from explorer.anyname import archive_database
from ingest.text.fold import fold

if TYPE_CHECKING:
    from datasette.app import Datasette
    from datasette.database import Database
    from datasette.utils.asgi import Request

PAGE_SIZE = 20
SEPARATORS = re.compile(r"[\s、，,;；:：]+")
# Marks for highlight() and snippet(): private-use characters no source prints,
# replaced by <mark> after the text is escaped.
OPEN, CLOSE = "\ue000", "\ue001"
FILTERS = {
    "year": "substr(a.date, 1, 4) = :year",
    "publication": "a.publication_folded = :publication",
    "district": "exists (select 1 from json_each(a.districts) where value = :district)",
}
# Over the matches ({source} … where {where}): the count and the year and
# publication facets in one pass, grouped by both and summed here; districts,
# an array, in a second.
YEAR_AND_PUBLICATION = (
    "select substr(a.date, 1, 4) as year, a.publication_folded as publication, count(*) as n"
    " {source} where {where} group by year, publication"
)
DISTRICTS = (
    "select d.value as district, count(*) as n {source}, json_each(a.districts) d"
    " where {where} group by district"
)
LABELS = {"year": "年份 Year", "publication": "报刊 Publication", "district": "区县 District"}


def fts_query(q: str) -> str:
    """The words of *q* as FTS5 phrases, all required: 老旧小区、电梯 → "老旧小区" "电梯"."""
    words = [w for w in SEPARATORS.split(fold(q)) if w]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def marked(text: str | None) -> Markup:
    """*text* escaped, with the index's matches in <mark>."""
    escaped = str(escape(text or ""))
    return Markup(escaped.replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))


async def search_results(db: Database, args: dict[str, str], query: str) -> dict[str, Any]:
    # A publication or district given in either script (華聲在線) is the folded facet's value.
    chosen = {k: fold(args[k]) for k in FILTERS if args.get(k)}
    where = " and ".join(["articles_fts match :q", *(FILTERS[k] for k in chosen)])
    source = "from articles_fts join articles a on a.fts_rowid = articles_fts.rowid"
    params: dict[str, Any] = {"q": query, **chosen}
    page = max(1, int(args["page"])) if args.get("page", "").isdigit() else 1
    # The three statements run at once, each on one of Datasette's SQL threads.
    rows, grouped, districts = await asyncio.gather(
        db.execute(
            f"""select a.id, a.date, a.publication, a.districts, p.title as page_title,
                  p.ordinal as page_ordinal,
                  highlight(articles_fts, 0, '{OPEN}', '{CLOSE}') as title,
                  snippet(articles_fts, 1, '{OPEN}', '{CLOSE}', '…', 40) as snippet
                {source} left join pages p on p.id = a.page_id where {where}
                order by articles_fts.rank limit {PAGE_SIZE} offset {(page - 1) * PAGE_SIZE}""",
            params,
        ),
        db.execute(YEAR_AND_PUBLICATION.format(source=source, where=where), params),
        db.execute(DISTRICTS.format(source=source, where=where), params),
    )
    counts: dict[str, Counter[str]] = {"year": Counter(), "publication": Counter()}
    for r in grouped.rows:
        for name in counts:
            if r[name]:
                counts[name][r[name]] += r["n"]
    counts["district"] = Counter({r["district"]: r["n"] for r in districts.rows if r["district"]})
    facets = {name: sorted(c.items(), key=lambda vn: (-vn[1], vn[0])) for name, c in counts.items()}
    count = sum(r["n"] for r in grouped.rows)
    return {
        "hits": [
            {**r, "districts": json.loads(r["districts"] or "[]")} for r in map(dict, rows.rows)
        ],
        "count": count,
        "facets": facets,
        "chosen": chosen,
        "page": page,
        "pages": max(1, -(-count // PAGE_SIZE)),
    }


def link(args: dict[str, str], **changes: str | None) -> str:
    """This search's URL with *changes* (None removes a parameter); a new
    filter starts again at page 1."""
    merged = {**args, **changes}
    if "page" not in changes:
        merged.pop("page", None)
    return "/search?" + urlencode({k: v for k, v in merged.items() if v})


async def search(datasette: Datasette, request: Request) -> Any:
    from datasette.utils.asgi import Response

    args = {k: request.args.get(k, "") for k in ("q", "mode", "page", *FILTERS)}
    args = {k: v.strip() for k, v in args.items() if v.strip()}
    db = await archive_database(datasette)
    q = args.get("q", "")
    advanced = args.get("mode") == "fts"
    context: dict[str, Any] = {
        "q": q,
        "advanced": advanced,
        "database": db.name,
        "args": args,
        "link": link,
        "marked": marked,
        "labels": LABELS,
        "error": None,
        "results": None,
    }
    query = q if advanced else fts_query(q)
    if query:
        try:
            context["results"] = await search_results(db, args, query)
        except sqlite3.OperationalError as e:
            if not str(e).startswith("fts5:"):
                raise
            context["error"] = str(e)
    html = await datasette.render_template("search.html", context, request=request)
    return Response.html(html)
