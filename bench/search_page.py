"""Where the time of the ``articles`` search page goes, statement by statement.

Not a test. On the zh design of bench/search.py's synthetic corpus, a real
``datasette serve`` with make serve's settings plus ``trace_debug`` answers
``/zh/articles.json?_search=q&_size=10&_trace=1``; Datasette's own trace lists
every SQL statement the page ran and its duration. ``_size=10`` keeps the JSON
under the tracer's 256 KB limit; the page statement still reads and sorts every
match, so its cost is that of the default page size.

Then, in process, the floor under each of those statements: FTS5 counting its
own matches, and the ``rowid in (select rowid from articles_fts …)`` clause
Datasette puts in every statement, over ``articles`` and over a one-column copy
of its ids (to tell the cost of the clause from the width of the rows).

Last, the bound: how much faster than LIKE *any* index could make this page.
Datasette's own statements for the page (taken from its trace) are run in
process for all 22 queries of bench/search.py with three clauses in place of
its search clause: as written (zh), a LIKE scan of the folded text (like, what
bench/search.py's LIKE page runs), and ``rowid in (select id from temp.hits)``
with the matches already in a table of their own (free: a search that costs
nothing, as if the index were perfect). The p95 of like over the p95 of free is
the most any index can give through this page.

    .venv/bin/python -m bench.search_page                  # 100k articles: ~15 min
    .venv/bin/python -m bench.search_page --size 10000
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import quote

from datasette.utils import escape_fts

from bench.search import (
    QUERIES,
    RARE_NAME,
    ROOT,
    SQL_MATCH,
    Server,
    build_base,
    build_design,
    connect,
    plan_corpus,
    reporter,
    seed_pools,
    summary,
    timed,
    write_metadata,
)
from explorer.serve import SETTINGS

TRACED = ("株洲", "老旧小区", "电梯", "劉天健", reporter(RARE_NAME))
REPS = 3


def build(size: int, out: Path) -> None:
    """The zh and like designs' databases (built once, then reused) and their metadata."""
    out.mkdir(parents=True, exist_ok=True)
    missing = [d for d in ("zh", "like") if not (out / f"{d}.db").exists()]
    if missing:
        pools = seed_pools()
        plan = plan_corpus(size, pools)
        build_base(out / "base.db", plan, pools)
        for design in missing:
            build_design(design, out / "base.db", out, plan, pools)
        (out / "base.db").unlink()
    write_metadata(out)


def statement_kind(sql: str) -> str | None:
    """Which part of the table page a traced statement is (None: not the search's)."""
    flat = " ".join(sql.split())
    if "articles_fts match" not in flat:
        return None
    if flat.startswith("select count(*) from articles where"):
        return "count"
    if " as value, count(*) as count from (" in flat:
        return "facet " + flat.split()[1]
    if " order by " in flat:
        return "page"
    return "other"


def traced_page(server: Server, q: str) -> tuple[int, dict[str, float], float]:
    """Matches, each statement's best ms over REPS, and the best request ms."""
    path = f"/zh/articles.json?_search={quote(q)}&_size=10&_trace=1"
    server.get(path)  # warm-up
    best: dict[str, float] = {}
    request = float("inf")
    for _ in range(REPS):
        data = server.get(path)
        trace = data["_trace"]
        request = min(request, trace["request_duration_ms"])
        for entry in trace["traces"]:
            kind = statement_kind(entry.get("sql", ""))
            if kind:
                best[kind] = min(best.get(kind, float("inf")), entry["duration_ms"])
    return data["filtered_table_rows_count"], best, request


FLOOR = {
    "FTS5 count alone": "select count(*) from articles_fts where articles_fts match ?",
    "count, `rowid in (…)` over articles": (
        "select count(*) from articles where rowid in"
        " (select rowid from articles_fts where articles_fts match ?)"
    ),
    "count, `id in (…)` over a one-column copy": (
        "select count(*) from ids where id in"
        " (select rowid from articles_fts where articles_fts match ?)"
    ),
}


def floor(db: Path) -> dict[str, dict[str, float]]:
    conn = connect(db)
    conn.execute("create temp table ids (id integer primary key)")
    conn.execute("insert into ids select id from articles")
    result = {
        name: {
            q: min(timed(lambda s=sql, q=q: conn.execute(s, [escape_fts(q)]).fetchall(), REPS)[0])
            for q in TRACED
        }
        for name, sql in FLOOR.items()
    }
    conn.close()
    return result


# The clause Datasette's search_filters writes into every statement of the page
# (datasette/filters.py), and what the bound puts in its place.
SEARCH_CLAUSE = (
    "rowid in (select rowid from articles_fts where articles_fts match escape_fts(:search))"
)
CLAUSES = {
    "zh": SEARCH_CLAUSE,
    "like": "rowid in (select id from folded where title like :pattern or body like :pattern)",
    "free": "rowid in (select id from temp.hits)",
}
# Which statements make up each page, by statement_kind().
PAGES = {
    "table page: count, page by date, 4 facets": ("count", "page", "facet *"),
    "count and page by date (no facets)": ("count", "page"),
    "count and page in id order (no facets)": ("count", "page in id order"),
}


def page_statements(server: Server) -> dict[str, tuple[str, dict]]:
    """Datasette's statements for the articles search page, by kind, with their
    parameters: from its trace of a rare term (a trace small enough to keep at
    the default page size), and of the same page in id order without facets."""
    q = quote(reporter(RARE_NAME))
    statements = {}
    for suffix, rename in (("", {}), ("&_nofacet=1&_sort=id", {"page": "page in id order"})):
        data = server.get(f"/zh/articles.json?_search={q}&_trace=1{suffix}")
        for entry in data["_trace"]["traces"]:
            kind = statement_kind(entry.get("sql", ""))
            if kind in ("count", "page") or (kind or "").startswith("facet "):
                if SEARCH_CLAUSE not in entry["sql"]:
                    raise RuntimeError(f"Datasette's search clause has changed: {entry['sql']}")
                statements[rename.get(kind, kind)] = (entry["sql"], dict(entry["params"]))
    return statements


def bound(out: Path, statements: dict[str, tuple[str, dict]]) -> dict[str, dict[str, dict]]:
    """Best-of-REPS ms of every statement, per design and query. The three
    designs must agree on every count and facet, or the comparison is void."""
    zh, like = connect(out / "zh.db"), connect(out / "like.db")
    zh.create_function("escape_fts", 1, escape_fts)  # as Datasette registers it
    zh.execute("create temp table hits (id integer primary key)")
    result: dict[str, dict[str, dict]] = {d: {} for d in CLAUSES}
    for _, q in QUERIES:
        like_sql, pattern = SQL_MATCH["like"](q)
        zh.execute("delete from temp.hits")
        zh.executemany("insert into temp.hits values (?)", like.execute(like_sql, [pattern]))
        answers = {}
        for design, clause in CLAUSES.items():
            conn = like if design == "like" else zh
            times = {}
            for kind, (sql, params) in statements.items():
                sql = sql.replace(SEARCH_CLAUSE, clause)
                args = {**params, "search": q, "pattern": pattern}
                args = {k: v for k, v in args.items() if f":{k}" in sql}
                run = lambda c=conn, s=sql, a=args: c.execute(s, a).fetchall()  # noqa: E731
                samples, rows = timed(run, REPS)
                times[kind] = min(samples)
                if not kind.startswith("page"):  # pages may break date ties apart
                    answers.setdefault(kind, {})[design] = rows
            result[design][q] = times
        for kind, by_design in answers.items():
            if len({repr(rows) for rows in by_design.values()}) != 1:
                raise RuntimeError(f"{q}: the designs disagree on {kind}")
        print(f"   bound: {q}", file=sys.stderr)
    zh.close()
    like.close()
    return result


def page_ms(times: dict[str, float], kinds: tuple[str, ...]) -> float:
    """One page's ms: the sum of its statements ("facet *": every facet)."""
    facets = "facet *" in kinds
    return sum(
        ms for kind, ms in times.items() if kind in kinds or (facets and kind.startswith("facet "))
    )


def report_bound(size: int, result: dict[str, dict[str, dict]]) -> str:
    lines = [
        f"### What any index could give through this page, {size:,} articles",
        "",
        "Datasette's statements, in process, summed per page; p95 over the 22 queries of"
        " bench/search.py (best of 3 each).",
        "",
        "| page | zh p95 ms | like p95 ms | free p95 ms | like / zh"
        " | like / free (the most any index can give) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, kinds in PAGES.items():
        p95 = {
            d: summary([page_ms(times, kinds) for times in per_q.values()])[1]
            for d, per_q in result.items()
        }
        lines.append(
            f"| {name} | {p95['zh']:.0f} | {p95['like']:,.0f} | {p95['free']:.0f} |"
            f" {p95['like'] / p95['zh']:.1f}× | {p95['like'] / p95['free']:.1f}× |"
        )
    kinds = PAGES["table page: count, page by date, 4 facets"]
    lines += [
        "",
        "| query | zh ms | like ms | free ms |",
        "|---|---:|---:|---:|",
    ]
    for _, q in QUERIES:
        cells = [f"{page_ms(result[d][q], kinds):,.1f}" for d in CLAUSES]
        lines.append(f"| {q} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report(size: int, pages: dict[str, tuple[int, dict[str, float], float]], sql: dict) -> str:
    kinds = sorted({k for _, best, _ in pages.values() for k in best}, key=_kind_order)
    head = ["query", "matches", "request ms", *kinds, "SQL total"]
    lines = [
        f"### `articles.json?_search=` at {size:,} articles, statement by statement (ms)",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * 2 + "---:|" * (len(head) - 2),
    ]
    for q, (hits, best, request) in pages.items():
        cells = [f"{best[k]:.1f}" if k in best else "" for k in kinds]
        total = sum(best.values())
        row = [q, f"{hits:,}", f"{request:.0f}", *cells, f"{total:.0f}"]
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", f"### The floor under each statement, in process, {size:,} articles (ms)", ""]
    lines += ["| statement | " + " | ".join(TRACED) + " |", "|---|" + "---:|" * len(TRACED)]
    for name, per_query in sql.items():
        lines.append(f"| {name} | " + " | ".join(f"{per_query[q]:.1f}" for q in TRACED) + " |")
    return "\n".join(lines)


def _kind_order(kind: str) -> tuple[int, str]:
    return (["count", "page"].index(kind) if kind in ("count", "page") else 2, kind)


def main() -> int:
    parser = argparse.ArgumentParser(description="the articles search page, statement by statement")
    parser.add_argument("--size", type=int, default=100_000, help="articles in the corpus")
    parser.add_argument("--out", type=Path, help="directory (default bench/out/search-page-N)")
    args = parser.parse_args()
    out = args.out or ROOT / "bench" / "out" / f"search-page-{args.size}"
    build(args.size, out)
    with Server(out, ("zh",), {**SETTINGS, "trace_debug": "1"}) as server:
        pages = {q: traced_page(server, q) for q in TRACED}
        statements = page_statements(server)
    text = report(args.size, pages, floor(out / "zh.db"))
    text += "\n\n" + report_bound(args.size, bound(out, statements))
    (out.parent / f"search-page-{args.size}.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
