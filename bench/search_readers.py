"""The readers' search page (/search) beside the table page's search and a LIKE
scan, in one run, on bench/search.py's synthetic corpus and queries.

Not a test. The zh and like designs of bench/search_page.py (built once, then
reused) are served by one real ``datasette serve`` with make serve's settings
and this package's plugin; for every query of bench/search.py, REPS requests
of each page (after a warm-up):

* table: ``/zh/articles?_search=q``, Datasette's table page as a reader opens it;
* like: the same page of the like design with a LIKE scan of the folded text;
* readers: ``/search?q=q``, the first page of the readers' search (ranked hits,
  snippets, the count and the facets, sampled past 2,000 matches).

Each readers' page's count is checked against the table page's.

    .venv/bin/python -m bench.search_readers --size 10000
"""

from __future__ import annotations

import argparse
import re
import sqlite3
from functools import partial
from pathlib import Path
from urllib.parse import quote

from bench.search import QUERIES, Server, http_path, summary, timed
from bench.search_page import build
from explorer.serve import SETTINGS

REPS = 5


def get(server: Server, path: str) -> str:
    response = server.client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{response.status_code} {path}: {response.text[:200]}")
    return response.text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/bench-search-readers"))
    args = parser.parse_args()
    out = args.out / f"search-{args.size}"
    build(args.size, out)
    # The bench's designs have no pages table and no folded publication (its
    # publications are printed simplified); the readers' page reads both.
    with sqlite3.connect(out / "zh.db") as conn:
        conn.execute("create table if not exists pages (id integer primary key, title, ordinal)")
        if "publication_folded" not in {r[1] for r in conn.execute("pragma table_info(articles)")}:
            conn.execute("alter table articles add column publication_folded text")
            conn.execute("update articles set publication_folded = publication")
    pages = {
        "table": lambda q: f"/zh/articles?_search={quote(q)}",
        "like": lambda q: http_path("like", q),
        "readers": lambda q: f"/search?q={quote(q)}",
    }
    samples: dict[str, list[float]] = {name: [] for name in pages}
    print(f"{args.size:,} articles; ms, median / p95 of {REPS} requests")
    print("| query | table page | LIKE | readers' page | count agrees |")
    print("|---|---|---|---|---|")
    # make serve's settings, but a LIKE scan of 100,000 articles outlasts its
    # one-second limit (as bench/search.py's own LIKE runs do).
    with Server(out, ("zh", "like"), {**SETTINGS, "sql_time_limit_ms": "600000"}) as server:
        for _, q in QUERIES:
            cells = []
            for name, page in pages.items():
                times, text = timed(partial(get, server, page(q)), REPS)
                samples[name] += times
                cells.append("{:.0f} / {:.0f}".format(*summary(times)))
                if name == "readers":
                    found = re.search(
                        r'class="count">(?:约 about )?共 <strong>([\d,]+)</strong>', text
                    )
                    count = int(found.group(1).replace(",", "")) if found else 0
            expected = server.get(f"/zh/articles.json?_search={quote(q)}&_size=1")
            agrees = "yes" if expected["filtered_table_rows_count"] == count else "NO"
            print(f"| {q} | {' | '.join(cells)} | {agrees} |")
    p95 = {name: summary(s)[1] for name, s in samples.items()}
    print(
        f"p95 over every query: table {p95['table']:.0f} ms, LIKE {p95['like']:.0f} ms, "
        f"readers {p95['readers']:.0f} ms: {p95['table'] / p95['readers']:.1f}x lower than the "
        f"table page, {p95['like'] / p95['readers']:.1f}x lower than LIKE"
    )


if __name__ == "__main__":
    main()
