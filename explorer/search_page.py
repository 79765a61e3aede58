"""The readers' search page, ``/search?q=…`` (issue 15, point 1).

One query straight on the full-text index per part of the page, rather than
Datasette's table search, whose page runs six statements over every match with
``rowid in (select rowid from articles_fts …)`` (docs/SEARCH.md): the hits of
this page (the title hits first, then the others, each by bm25 with the weights
the archive's index is configured with), their count
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
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from markupsafe import Markup, escape

from explorer.anyname import archive_database
from ingest.store.schema import FTS_COLUMN
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
# The facets' columns of the matches ({source} … where {where}), counted
# here: at most about EXACT_UP_TO rows (a sample past that), and one pass over
# the index where a GROUP BY per facet took one each (老旧小区 at 100,000
# articles: each pass a phrase match over 71,246 articles).
FACET_ROWS = (
    "select substr(a.date, 1, 4) as year, a.publication_folded as publication, a.districts"
    " {source} where {where}"
)
SOURCE = "from articles_fts join articles a on a.fts_rowid = articles_fts.rowid"
MATCHES = "select count(*) from articles_fts where {where}"
# Past this many matches the facets are counted over a sample of about as many
# (and scaled), the page saying so: 的 matches nearly every article, and
# counting its facets looked up every one (52 ms of 的's page at 10,000
# articles, docs/SEARCH.md). The plugin setting ``exact_counts_up_to`` changes it.
EXACT_UP_TO = 2_000
# The sample: the matches whose FTS rowid, multiplied by a large odd number
# modulo a prime (a cheap hash SQLite can compute), is 0 modulo a step. Neither
# the first matches nor every step-th rowid: rowids follow the ingest, so the
# first 2,000 matches of 的 are its earliest years, and a source's articles are
# consecutive rowids, which a plain step would take or skip together.
SAMPLED = "articles_fts.rowid * 2654435761 % 4294967291 % :step = 0"
LABELS = {"year": "年份 Year", "publication": "报刊 Publication", "district": "区县 District"}


def matching(param: str, filters: Sequence[str], *more: str) -> str:
    """The WHERE clause of the FTS query in *param* with the chosen facets' *filters*."""
    return " and ".join([f"articles_fts match :{param}", *filters, *more])


def fts_query(q: str) -> str:
    """The words of *q* as FTS5 phrases, all required: 老旧小区、电梯 → "老旧小区" "电梯"."""
    words = [w for w in SEPARATORS.split(fold(q)) if w]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def marked(text: str | None) -> Markup:
    """*text* escaped, with the index's matches in <mark>."""
    escaped = str(escape(text or ""))
    return Markup(escaped.replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))


async def grouped_counts(
    db: Database, where: str, params: dict[str, Any]
) -> tuple[int, dict[str, Counter[str]]]:
    """How many matches *where* selects, and their counts per year, publication and district."""
    rows = (await db.execute(FACET_ROWS.format(source=SOURCE, where=where), params)).rows
    counts: dict[str, Counter[str]] = {name: Counter() for name in FILTERS}
    for r in rows:
        for name in ("year", "publication"):
            if r[name]:
                counts[name][r[name]] += 1
        counts["district"].update(d for d in json.loads(r["districts"] or "[]") if d)
    return len(rows), counts


async def match_counts(
    db: Database, filters: Sequence[str], params: dict[str, Any], exact_up_to: int
) -> tuple[int, dict[str, Counter[str]], bool, bool]:
    """The count, the facets, whether the count is estimated and whether the facets are.

    The matches of the words alone are counted on the index (FTS5 alone, no
    article looked up). Past *exact_up_to* of them, the facets (and, with a
    facet chosen, the count) come from a sample of about *exact_up_to*
    matches, scaled; exact again when that estimate is *exact_up_to* or fewer
    (a rare facet chosen: a sample would see too few of its matches).
    """
    q = {"q": params["q"]}
    matches = (await db.execute(MATCHES.format(where=matching("q", ())), q)).rows[0][0]
    filtered = bool(filters)
    if matches > exact_up_to:
        step = {"step": -(-matches // exact_up_to)}
        sample = grouped_counts(db, matching("q", filters, SAMPLED), {**params, **step})
        if filtered:  # the sample of the words alone, to scale the filtered count by
            sampled_words = MATCHES.format(where=matching("q", (), SAMPLED))
            (count, counts), size = await asyncio.gather(
                sample, db.execute(sampled_words, {**q, **step})
            )
            scale = matches / max(1, size.rows[0][0])
        else:
            count, counts = await sample
            scale = matches / max(1, count)
        if not filtered or count * scale > exact_up_to:
            scaled = {
                k: Counter({v: round(n * scale) for v, n in c.items()}) for k, c in counts.items()
            }
            return (round(count * scale) if filtered else matches), scaled, filtered, True
    count, counts = await grouped_counts(db, matching("q", filters), params)
    return count, counts, False, False


# Hits come in two tiers, each ranked by the index's bm25: the articles
# whose headline prints the words, then the others. Issue 15 asks for a title
# hit above a body hit, which bm25 alone does not promise (a long headline
# weighs less), and ranking only the title hits is what keeps the first page
# cheap at scale: at 100,000 articles, bm25 over all 99,926 matches of 株洲 took
# 133 ms, over its 8,959 title hits 19 ms (docs/SEARCH.md).
TITLE_TIER = "{{title}} : ({q})"
BODY_TIER = "({q}) NOT {{title}} : ({q})"
# When the title hits end on the first page (always so for a word no headline
# prints), the page goes on with the plain query's ranking less those hits:
# FTS5's NOT reads the title's matches beside every match, the dearer query
# (家庭医生: 56,235 matches, no title hit).
SHOWN = "articles_fts.rowid not in (select value from json_each(:shown))"
# The ranking asks SQLite for the top rows of an ORDER BY bm25(…) LIMIT, which
# keeps only those while it reads the matches, rather than `order by rank`,
# FTS5's own sort of every match (家庭医生: 260 against 513 ms at 100,000
# articles, the same hits); the rank's weights are the archive's. Highlights
# and snippets are then made for the page's rows alone, with the words
# marked wherever they are printed, headline and text.
RANKED = (
    "select articles_fts.rowid {source} where {where}"
    " order by {rank}, articles_fts.rowid limit :limit offset :offset"
)
# The rank the ingest configured the index with (ingest/store/schema.py
# FTS_RANK: "bm25(1.0, 10.0, 5.0, 5.0, 2.0, 1.0)", the body first), read from the archive;
# FTS5's plain bm25 where it has none.
RANK_CONFIG = "select v from articles_fts_config where k = 'rank'"
_BM25_RE = re.compile(r"^bm25\(\s*([\d.]+(?:\s*,\s*[\d.]+)*)?\s*\)$")


async def rank_order(db: Database) -> str:
    """The ORDER BY expression of the archive's own ranking."""
    rows = (await db.execute(RANK_CONFIG)).rows
    weights = _BM25_RE.match(rows[0][0]) if rows else None
    if weights and weights[1]:
        return f"bm25(articles_fts, {weights[1]})"
    return "bm25(articles_fts)"


HITS = f"""select articles_fts.rowid as fts_rowid, a.id, a.date, a.publication, a.districts,
      p.title as page_title, p.ordinal as page_ordinal,
      highlight(articles_fts, {FTS_COLUMN["title"]}, '{OPEN}', '{CLOSE}') as title,
      snippet(articles_fts, {FTS_COLUMN["body"]}, '{OPEN}', '{CLOSE}', '…', 40) as snippet
    {SOURCE} left join pages p on p.id = a.page_id
    where articles_fts match :q and articles_fts.rowid in (select value from json_each(:ids))"""


async def ranked_rowids(
    db: Database, filters: Sequence[str], params: dict[str, Any], start: int
) -> list[int]:
    """The FTS rowids of hits *start* to *start* + PAGE_SIZE: title hits first, then the others."""
    query = params["q"]
    rank = await rank_order(db)
    # The articles are joined only where a facet chosen filters on them.
    source = SOURCE if filters else "from articles_fts"

    async def tier(match: str, limit: int, offset: int, shown: Sequence[int] = ()) -> list[int]:
        where = matching("tier", filters, *([SHOWN] if shown else []))
        tiered = {**params, "tier": match, "limit": limit, "offset": offset}
        tiered["shown"] = json.dumps(list(shown))
        rows = await db.execute(RANKED.format(source=source, where=where, rank=rank), tiered)
        return [r[0] for r in rows.rows]

    hits = await tier(TITLE_TIER.format(q=query), PAGE_SIZE, start)
    if len(hits) == PAGE_SIZE:
        return hits
    if start == 0:  # every title hit is on this page
        return hits + await tier(query, PAGE_SIZE - len(hits), 0, hits)
    if hits:
        title_hits = start + len(hits)
    else:  # the page starts past the title hits: how many there are
        count = f"select count(*) {source} where {matching('tier', filters)}"
        tiered = {**params, "tier": TITLE_TIER.format(q=query)}
        title_hits = (await db.execute(count, tiered)).rows[0][0]
    rest = PAGE_SIZE - len(hits)
    return hits + await tier(BODY_TIER.format(q=query), rest, start + len(hits) - title_hits)


async def ranked_hits(
    db: Database, filters: Sequence[str], params: dict[str, Any], start: int
) -> list[dict[str, Any]]:
    """Hits *start* to *start* + PAGE_SIZE, in rank order, with their marks."""
    rowids = await ranked_rowids(db, filters, params, start)
    rows = await db.execute(HITS, {"q": params["q"], "ids": json.dumps(rowids)})
    by_rowid = {r["fts_rowid"]: dict(r) for r in rows.rows}
    return [by_rowid[rowid] for rowid in rowids]


async def search_results(
    db: Database, args: dict[str, str], query: str, exact_up_to: int = EXACT_UP_TO
) -> dict[str, Any]:
    # A publication or district given in either script (華聲在線) is the folded facet's value.
    chosen = {k: fold(args[k]) for k in FILTERS if args.get(k)}
    filters = [FILTERS[k] for k in chosen]
    params: dict[str, Any] = {"q": query, **chosen}
    page = max(1, int(args["page"])) if args.get("page", "").isdigit() else 1
    # The page and the counts at once, each on one of Datasette's SQL threads.
    rows, (count, counts, estimated, sampled) = await asyncio.gather(
        ranked_hits(db, filters, params, (page - 1) * PAGE_SIZE),
        match_counts(db, filters, params, exact_up_to),
    )
    facets = {name: sorted(c.items(), key=lambda vn: (-vn[1], vn[0])) for name, c in counts.items()}
    return {
        "hits": [{**r, "districts": json.loads(r["districts"] or "[]")} for r in rows],
        "count": count,
        "estimated": estimated,
        "sampled": sampled,
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
            settings = datasette.plugin_config("zhuzhou") or {}
            exact_up_to = int(settings.get("exact_counts_up_to", EXACT_UP_TO))
            context["results"] = await search_results(db, args, query, exact_up_to)
        except sqlite3.OperationalError as e:
            if not str(e).startswith("fts5:"):
                raise
            context["error"] = str(e)
    html = await datasette.render_template("search.html", context, request=request)
    return Response.html(html)
