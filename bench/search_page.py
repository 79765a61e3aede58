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

    .venv/bin/python -m bench.search_page                  # 100k articles: ~4 min
    .venv/bin/python -m bench.search_page --size 10000
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import quote

from datasette.utils import escape_fts

from bench.search import (
    RARE_NAME,
    ROOT,
    Server,
    build_base,
    build_design,
    connect,
    plan_corpus,
    reporter,
    seed_pools,
    timed,
    write_metadata,
)
from ingest.serve import SETTINGS

QUERIES = ("株洲", "老旧小区", "电梯", "劉天健", reporter(RARE_NAME))
REPS = 3


def build(size: int, out: Path) -> Path:
    """The zh design's database (built once, then reused) and its metadata."""
    out.mkdir(parents=True, exist_ok=True)
    db = out / "zh.db"
    if not db.exists():
        pools = seed_pools()
        plan = plan_corpus(size, pools)
        build_base(out / "base.db", plan, pools)
        build_design("zh", out / "base.db", out, plan, pools)
        (out / "base.db").unlink()
    write_metadata(out)
    return db


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
            for q in QUERIES
        }
        for name, sql in FLOOR.items()
    }
    conn.close()
    return result


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
    lines += ["| statement | " + " | ".join(QUERIES) + " |", "|---|" + "---:|" * len(QUERIES)]
    for name, per_query in sql.items():
        lines.append(f"| {name} | " + " | ".join(f"{per_query[q]:.1f}" for q in QUERIES) + " |")
    return "\n".join(lines)


def _kind_order(kind: str) -> tuple[int, str]:
    return (["count", "page"].index(kind) if kind in ("count", "page") else 2, kind)


def main() -> int:
    parser = argparse.ArgumentParser(description="the articles search page, statement by statement")
    parser.add_argument("--size", type=int, default=100_000, help="articles in the corpus")
    parser.add_argument("--out", type=Path, help="directory (default bench/out/search-page-N)")
    args = parser.parse_args()
    out = args.out or ROOT / "bench" / "out" / f"search-page-{args.size}"
    db = build(args.size, out)
    with Server(out, ("zh",), {**SETTINGS, "trace_debug": "1"}) as server:
        pages = {q: traced_page(server, q) for q in QUERIES}
    text = report(args.size, pages, floor(db))
    (out.parent / f"search-page-{args.size}.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
