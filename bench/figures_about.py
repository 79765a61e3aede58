"""The canned query ``figures_about``: through the full-text index against the
scan of every figure's folded sentence it replaced (issue 11: under load the
scan, given ``word=%``, hit the SQL time limit).

Not a test. Builds (once, then reuses) an archive of N synthetic articles from
bench/corpus.py with the real ingest, then times both statements in process on
a connection prepared as Datasette's are (the plugin's ``prepare_connection``)
for a few words, ``%`` included, and checks they find the same figures (the
scan with LIKE's wildcards escaped, as the query now takes them).

    .venv/bin/python -m bench.figures_about --size 10000
"""

from __future__ import annotations

import argparse
import sqlite3
from functools import partial
from pathlib import Path

import yaml

from bench.corpus import write_corpus
from bench.ingest import run_ingest
from bench.search import ROOT, summary, timed
from explorer.plugin import prepare_connection

WORDS = ("养老", "醫保", "电梯", "株洲", "小区", "100%", "%", "_")
REPS = 5
ESCAPED = r"replace(replace(replace(fold(:word), '\', '\\'), '%', '\%'), '_', '\_')"
SCAN = f"""
    select f.raw, f.sentence from figures_with_sentence f join articles a on a.id = f.article_id
    where fold(f.sentence) like '%' || {ESCAPED} || '%' escape '\\'
       or fold(f.measure) like '%' || {ESCAPED} || '%' escape '\\'
    order by a.date is null, a.date, f.article_id, f.ordinal
    limit 1000"""
# What the query ran before: the word's % and _ as LIKE wildcards.
UNESCAPED = SCAN.replace(ESCAPED, "fold(:word)").replace(" escape '\\'", "")


def archive(size: int, work: Path) -> Path:
    db = work / f"figures-{size}.db"
    if not db.exists():
        files = write_corpus(size, work / f"corpus-{size}")
        seconds, _ = run_ingest(files, db)
        print(f"built {db} from {len(files)} files in {seconds:.0f} s")
    return db


def rows(conn: sqlite3.Connection, sql: str, word: str) -> list[tuple]:
    return conn.execute(sql, {"word": word}).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-figures-about"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    db = archive(args.size, args.work)
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    canned = metadata["databases"]["zhuzhou"]["queries"]["figures_about"]["sql"]
    conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
    prepare_connection(conn, "zhuzhou")
    (figures,) = conn.execute("select count(*) from figures").fetchone()
    print(f"{args.size:,} articles, {figures:,} figures; ms, median / p95 of {REPS} runs")
    print("| word | before (scan, wildcards) | scan, escaped | index (now) | rows | same |")
    print("|---|---|---|---|---|---|")
    samples: dict[str, list[float]] = {"before": [], "scan": [], "index": []}
    for word in WORDS:
        before, _ = timed(partial(rows, conn, UNESCAPED, word), REPS)
        scan, scanned = timed(partial(rows, conn, SCAN, word), REPS)
        now, found = timed(partial(rows, conn, canned, word), REPS)
        samples["before"] += before
        samples["scan"] += scan
        samples["index"] += now
        cells = [f"{summary(s)[0]:.0f} / {summary(s)[1]:.0f}" for s in (before, scan, now)]
        same = "yes" if [(r[1], r[8]) for r in found] == scanned else "NO"
        print(f"| {word} | {' | '.join(cells)} | {len(found)} | {same} |")
    p95 = {k: summary(v)[1] for k, v in samples.items()}
    print(
        f"p95 over every word: before {p95['before']:.0f} ms, scan {p95['scan']:.0f} ms, "
        f"index {p95['index']:.0f} ms ({p95['before'] / p95['index']:.1f}x faster than before)"
    )


if __name__ == "__main__":
    main()
