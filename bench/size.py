"""What each table and index of an archive takes, from SQLite's ``dbstat``.

    python -m bench.size zhuzhou.db            # the table, largest first
    python -m bench.size a.db b.db             # side by side: before, after
    python -m bench.size a.db b.db --search    # and each archive's search vs LIKE

Each row is one b-tree (a table, an index, or one of the shadow tables of a
full-text index) with its bytes on disk (pages × page size, so free space
inside pages counts), its share of the file and its size as a multiple of the
archive's text: the UTF-8 bytes of every ingested source file
(``sum(sources.bytes)``; the bench corpora are UTF-8). A full-text index's
shadow tables (``_data``, ``_idx``, ``_docsize``, ``_config``) are summed
under its name; free pages are a row of their own.

``--replicate N SRC DEST`` builds an archive N times as large as SRC without
running the recognisers again: into a new archive made by ``open_archive``
(the schema, indexes and full-text triggers of an ingest), each of SRC's
source files is copied N times, one transaction per file as
``write.write_rows`` does, by ``INSERT … SELECT`` table by table in the
writer's order; copy k has its path suffixed ``#k`` and every row id (``id``
and each ``*_id`` but ``person_id``: people are shared, as in a real archive)
replaced by ``stable_id("copy", k, id)``; ``fts_rowid`` is numbered on as the
writer numbers it. People's counts are not moved (a few kB). The rows are
exactly what the ingest found in SRC, so only the archive's size is measured
this way, not the ingest's time or memory. The
text repeats, so the index's vocabulary does not grow with N; bench/corpus.py's
articles are reshuffled seed paragraphs, whose vocabulary is already complete
at 10k articles, so a corpus written at N × the size would not grow it either.

``--search`` times bench/search.py's 22 queries on each archive itself, as
Datasette's table search runs them (``count(*)`` of the articles whose full-text
key is in the ``MATCH``), against ``LIKE`` over a folded copy of the five
indexed columns made in memory in the same run (the truth, as in
bench/search.py): median and p95 over 3 timings of each query, the p95 as a
ratio to LIKE's, and recall (the matched ids equal LIKE's for every query).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from pathlib import Path

from bench.search import QUERIES, like_pattern, phrase
from explorer.plugin import prepare_connection
from ingest.store.ids import stable_id
from ingest.store.schema import PER_SOURCE_TABLES, spec
from ingest.store.write import open_archive
from zhfts import register_tokenizer

REPS = 3
FREE_PAGES = "(free pages)"


def btree_owner(name: str, fts: set[str]) -> str:
    """The FTS table a shadow table belongs to (articles_fts_data → articles_fts)."""
    for table in fts:
        if name.startswith(f"{table}_"):
            return table
    return name


def sizes(path: Path) -> tuple[dict[str, int], int, int]:
    """(bytes per b-tree, file bytes, text bytes) of the archive at *path*."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    register_tokenizer(conn)
    fts = {
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"
        )
    }
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    per: dict[str, int] = {}
    for name, pages in conn.execute("SELECT name, count(*) FROM dbstat GROUP BY name"):
        owner = btree_owner(name, fts)
        per[owner] = per.get(owner, 0) + pages * page_size
    free = conn.execute("PRAGMA freelist_count").fetchone()[0] * page_size
    if free:
        per[FREE_PAGES] = free
    text = conn.execute("SELECT coalesce(sum(bytes), 0) FROM sources").fetchone()[0]
    conn.close()
    return per, path.stat().st_size, text


def mib(n: float) -> str:
    return f"{n / 2**20:,.1f}"


def table(paths: list[Path]) -> str:
    measured = [sizes(p) for p in paths]
    names = sorted(
        {n for per, _, _ in measured for n in per},
        key=lambda n: -max(per.get(n, 0) for per, _, _ in measured),
    )
    head = ["b-tree"]
    for p in paths:
        head += [f"{p.name} MiB", "share", "× text"]
    lines = ["| " + " | ".join(head) + " |", "|---" + "|---:" * (len(head) - 1) + "|"]
    for name in names:
        cells = [name]
        for per, total, text in measured:
            n = per.get(name, 0)
            cells += [mib(n), f"{n / total:.1%}", f"{n / text:.2f}"] if n else ["", "", ""]
        lines.append("| " + " | ".join(cells) + " |")
    cells = ["**whole file**"]
    for _, total, text in measured:
        cells += [f"**{mib(total)}**", "100%", f"**{total / text:.2f}**"]
    lines.append("| " + " | ".join(cells) + " |")
    cells = ["text (UTF-8)"]
    for _, _, text in measured:
        cells += [mib(text), "", "1.00"]
    lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def search_times(path: Path) -> dict[str, float]:
    """Median and p95 ms of the zh search and of LIKE on *path*, and recall."""
    conn = sqlite3.connect(path)
    prepare_connection(conn, "zhuzhou")  # tokenizer, fold(), mmap: as Datasette's
    key = (
        "fts_rowid"
        if "fts_rowid" in {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
        else "rowid"
    )
    columns = spec("articles").fts
    folded = ", ".join(f"fold(coalesce({c}, '')) AS {c}" for c in columns)
    conn.execute("PRAGMA query_only = 0")  # for the TEMP table only; main is not written
    conn.execute(f"CREATE TEMP TABLE folded AS SELECT id, {folded} FROM articles")
    zh_sql = (
        f"SELECT id FROM articles WHERE {key} IN "
        "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
    )
    like_sql = "SELECT id FROM folded WHERE " + " OR ".join(f"{c} LIKE ?1" for c in columns)
    times: dict[str, list[float]] = {"zh": [], "like": []}
    complete = 0
    for _, q in QUERIES:
        found = {}
        for design, sql, arg in (("zh", zh_sql, phrase(q)), ("like", like_sql, like_pattern(q))):
            for _ in range(REPS):
                started = time.perf_counter()
                found[design] = {r[0] for r in conn.execute(sql, [arg])}
                times[design].append(1000 * (time.perf_counter() - started))
        complete += found["zh"] == found["like"]
    conn.close()
    return {
        "zh_median": statistics.median(times["zh"]),
        "zh_p95": p95(times["zh"]),
        "like_p95": p95(times["like"]),
        "ratio": p95(times["like"]) / p95(times["zh"]),
        "recall": complete / len(QUERIES),
    }


def copy_column(col: str) -> str:
    """The SQL that gives column *col* of copy :k (ids moved, path suffixed)."""
    if (col == "id" or col.endswith("_id")) and col != "person_id":
        return f"copy_id(:k, [{col}])"
    return f"[{col}] || '#' || :k" if col == "path" else f"[{col}]"


def replicate(times: int, source: Path, target: Path) -> None:
    """*source*'s files written *times* over into a new archive at *target*."""
    db = open_archive(target)  # the archive's own schema, indexes and triggers
    db.close()
    conn = sqlite3.connect(target, isolation_level=None)
    register_tokenizer(conn)
    conn.create_function(
        "copy_id",
        2,
        lambda k, i: None if i is None else stable_id("copy", k, i),
        deterministic=True,
    )
    conn.execute("ATTACH ? AS src", [str(source)])
    conn.execute("INSERT INTO people SELECT * FROM src.people")
    tables = ["sources", *reversed(PER_SOURCE_TABLES)]
    inserts = {}
    for table in tables:
        have = {r[1] for r in conn.execute(f"PRAGMA src.table_info([{table}])")}
        cols = [
            c
            for c in (r[1] for r in conn.execute(f"PRAGMA main.table_info([{table}])"))
            if c in have and c != "fts_rowid"
        ]
        select = ", ".join(map(copy_column, cols))
        names = ", ".join(f"[{c}]" for c in cols)
        where = "id = :sid" if table == "sources" else "source_id = :sid"
        if table == "articles" and "fts_rowid" in have:  # numbered on, as the writer does
            names += ", fts_rowid"
            select += (
                ", (SELECT coalesce(max(fts_rowid), 0) FROM main.articles)"
                " + row_number() OVER (ORDER BY id)"
            )
        inserts[table] = (
            f"INSERT INTO main.[{table}] ({names}) SELECT {select} FROM src.[{table}] WHERE {where}"
        )
    sids = [r[0] for r in conn.execute("SELECT id FROM src.sources ORDER BY path")]
    for sid in sids:
        for k in range(times):
            conn.execute("BEGIN")  # one transaction per file, as write.write_rows
            for table in tables:
                conn.execute(inserts[table], {"k": k, "sid": sid})
            conn.execute("COMMIT")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archives", type=Path, nargs="+")
    parser.add_argument("--search", action="store_true", help="also time search vs LIKE")
    parser.add_argument(
        "--replicate", type=int, metavar="N", help="write archives[0] N times into archives[1]"
    )
    args = parser.parse_args()
    if args.replicate:
        source, target = args.archives
        replicate(args.replicate, source, target)
    print(table(args.archives))
    if args.search:
        print("\n| archive | zh median ms | zh p95 ms | LIKE p95 ms | p95 vs LIKE | recall |")
        print("|---|---:|---:|---:|---:|---|")
        for path in args.archives:
            r = search_times(path)
            print(
                f"| {path.name} | {r['zh_median']:.1f} | {r['zh_p95']:.1f} | {r['like_p95']:.0f} "
                f"| {r['ratio']:.1f}× | {r['recall']:.0%} of {len(QUERIES)} queries complete |",
                flush=True,
            )


if __name__ == "__main__":
    main()
