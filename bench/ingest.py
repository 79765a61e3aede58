"""Ingest throughput at 1k, 10k and 100k articles, against raw jieba.cut.

    python -m bench.ingest                 # 1000 10000 100000
    python -m bench.ingest --sizes 1000 10000

For each size it writes the synthetic corpus (bench/corpus.py; not timed),
runs the real ingest CLI into a fresh archive in a child process, and reports
characters per second, the child's peak memory and the archive's size. The
baseline, measured in the same run on a sample of the same text, is raw
single-core ``jieba.cut`` throughput; the ingest's figure is given as a ratio
to it. Then it times an incremental update: ten new files (200 articles) into a
copy of the finished archive, in the default mode (the archive is copied and
replaced) and with ``--in-place``, checking that no existing row id changed.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import jieba

from bench.corpus import PER_FILE, write_corpus
from ingest.extract import article as extract
from ingest.extract import names
from ingest.parse.document import parse_document
from ingest.pipeline import read_source
from ingest.store.archive import Archive
from ingest.store.rows import source_rows
from ingest.text.fold import fold

BASELINE_SAMPLE_CHARS = 3_000_000


def corpus_text(files: list[Path], limit: int | None = None) -> str:
    parts, size = [], 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        parts.append(text)
        size += len(text)
        if limit is not None and size >= limit:
            break
    return "".join(parts)


def jieba_chars_per_second(text: str) -> float:
    jieba.initialize()
    started = time.perf_counter()
    for _ in jieba.cut(text):
        pass
    return len(text) / (time.perf_counter() - started)


def run_ingest(paths: list[Path], db: Path, *options: str) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of one ingest CLI run in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ingest", *map(str, paths), "--db", str(db), "--quiet", *options],
        check=True,
    )
    seconds = time.perf_counter() - started
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return seconds, peak / 1024


def row_ids(db: Path) -> set[tuple[str, int]]:
    conn = sqlite3.connect(db)
    ids = {
        (table, row[0])
        for table in ("articles", "sections", "captions", "figures", "mentions", "people")
        for row in conn.execute(f"SELECT id FROM {table}")
    }
    conn.close()
    return ids


def new_files(work: Path, seed: int) -> list[Path]:
    """Ten new files (200 articles) with names no earlier run used."""
    files = write_corpus(10 * PER_FILE, work / f"extra-{seed}", seed=seed)
    renamed = [path.with_name(f"new-{seed}-{path.name}") for path in files]
    for path, target in zip(files, renamed, strict=True):
        path.rename(target)
    return renamed


def time_updates(db: Path, work: Path, seed: int) -> dict[str, float]:
    """Seconds to add ten new files to a copy of *db*, in the default mode
    (a copy of the archive replaces it) and ``--in-place``; and whether every
    row id of the archive survived both."""
    ids = row_ids(db)
    files = new_files(work, seed)
    timings: dict[str, float] = {}
    kept = True
    for mode, options in (("copy", ()), ("in_place", ("--in-place",))):
        target = work / f"update-{mode}.db"
        shutil.copyfile(db, target)
        timings[mode], _ = run_ingest(files, target, *options)
        kept = kept and ids <= row_ids(target)
        target.unlink()
    return {
        "update_copy_s": timings["copy"],
        "update_in_place_s": timings["in_place"],
        "ids_unchanged": float(kept),
    }


def bench_size(n: int, work: Path) -> dict[str, float]:
    corpus = work / f"corpus-{n}"
    files = write_corpus(n, corpus)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    baseline = jieba_chars_per_second(corpus_text(files, BASELINE_SAMPLE_CHARS))
    db = work / f"archive-{n}.db"
    seconds, peak = run_ingest([corpus], db)
    shutil.rmtree(corpus)
    return {
        "articles": n,
        "chars": chars,
        "seconds": seconds,
        "chars_per_s": chars / seconds,
        "baseline_chars_per_s": baseline,
        "ratio": chars / seconds / baseline,
        "peak_mib": peak,
        "db_mib": db.stat().st_size / 2**20,
        **time_updates(db, work, n + 1),
    }


def stage_costs(files: list[Path], work: Path) -> tuple[dict[str, float], float]:
    """Milliseconds of one core per 1,000 characters for each step of the
    ingest, and for raw ``jieba.cut``, on the same files (in this process).
    Each step runs over all files, file by file as a worker runs them. And
    the share of the characters the name recogniser ran (the rest: no two
    Chinese characters in a row, or a sentence already run in that file)."""
    sources = [read_source(p) for p in files]
    chars = sum(len(s.text) for s in sources) / 1000
    extract.warm_up()
    jieba.initialize()

    def per_kchar(step: Callable[[], object]) -> float:
        fold.cache_clear()  # as each file starts with an empty cache in the ingest
        started = time.process_time()
        step()
        return 1000 * (time.process_time() - started) / chars

    documents = [parse_document(s.text) for s in sources]
    found = [extract.extract_document(d) for d in documents]
    rows = [source_rows(s, d, f) for s, d, f in zip(sources, documents, found, strict=True)]

    run = names.recogniser().chars_run

    def people() -> None:
        for document in documents:
            with extract.recognised(document):
                for a in document.articles:
                    extract.find_people_in_article(a)
                    extract.names_of_no_person(a)

    def write() -> None:
        with Archive(work / "stages.db") as archive:
            for r in rows:
                archive.save(r)

    articles = [a for d in documents for a in d.articles]
    costs = {
        "parse": per_kchar(lambda: [parse_document(s.text) for s in sources]),
        "people": per_kchar(people),
        "figures": per_kchar(lambda: [extract.find_figures_in_article(a) for a in articles]),
        "places": per_kchar(lambda: [extract.find_places_in_article(a) for a in articles]),
        "keywords": per_kchar(lambda: [extract.article_keywords(a) for a in articles]),
        "rows": per_kchar(
            lambda: [source_rows(*r) for r in zip(sources, documents, found, strict=True)]
        ),
        "write": per_kchar(write),
        "jieba.cut (baseline)": per_kchar(lambda: [list(jieba.cut(s.text)) for s in sources]),
    }
    return costs, (names.recogniser().chars_run - run) / chars / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--work", type=Path, default=None, help="scratch directory")
    parser.add_argument(
        "--stages", action="store_true", help="only the cost of each step per 1,000 characters"
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    if args.stages:
        costs, share = stage_costs(write_corpus(1000, work / "stages"), work)
        print("| step | ms per 1,000 characters (one core) | × jieba.cut |\n|---|---:|---:|")
        for step, ms in costs.items():
            print(f"| {step} | {ms:.3f} | {ms / costs['jieba.cut (baseline)']:.2f} |")
        steps = sum(ms for step, ms in costs.items() if step != "jieba.cut (baseline)")
        print(f"| all steps | {steps:.3f} | {steps / costs['jieba.cut (baseline)']:.2f} |")
        print(f"\nThe name recogniser ran {share:.0%} of the characters.")
        return
    print(
        "| articles | chars | ingest s | ingest chars/s | jieba.cut chars/s | ratio "
        "| peak MiB | db MiB | +10 files s (copy) | +10 files s (in place) | ids kept |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for n in args.sizes:
        r = bench_size(n, work)
        print(
            f"| {n:,} | {r['chars']:,.0f} | {r['seconds']:.1f} | {r['chars_per_s']:,.0f} "
            f"| {r['baseline_chars_per_s']:,.0f} | {r['ratio']:.2f}× | {r['peak_mib']:.0f} "
            f"| {r['db_mib']:.0f} | {r['update_copy_s']:.2f} | {r['update_in_place_s']:.2f} "
            f"| {'yes' if r['ids_unchanged'] else 'NO'} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
