"""What an incremental update of a large archive costs, copied or in place.

    python -m bench.update                 # a 4.7 GB archive, ten new files
    python -m bench.update --gigabytes 1

The default ingest copies the archive before changing it (``store.archive.Archive``),
so its cost grows with the archive's size; ``--in-place`` does not copy.
Building a 100k-article archive takes most of an hour, so the archive here is
the seeds plus a filler table that brings the file to the size measured for
100k articles (about 47 KB per article, all tables and indexes included):
copying costs the same per byte whatever the pages hold. Each mode then
ingests the same ten new files (200 synthetic articles, bench/corpus.py)
through the real CLI, from a fresh copy of the archive, after a warm-up run
into an empty archive (so both find Python's and jieba's caches warm).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import write_corpus
from ingest.pipeline import ingest_paths
from ingest.store.write import open_archive

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 1 << 20


def padded_archive(path: Path, gigabytes: float) -> None:
    db = open_archive(path)
    ingest_paths(db, [ROOT / "seeds"])
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE filler (data BLOB)")
    block = os.urandom(CHUNK)
    for _ in range(int(gigabytes * 1e9 / CHUNK)):
        conn.execute("INSERT INTO filler VALUES (?)", [block])
    conn.commit()
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gigabytes", type=float, default=4.7)
    parser.add_argument("--files", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        pristine = work_dir / "pristine.db"
        padded_archive(pristine, args.gigabytes)
        new = work_dir / "new"
        write_corpus(args.files * 20, new)
        size = pristine.stat().st_size / 1e9
        runs = [("warm-up, not timed", work_dir / "scratch.db", [])]
        runs += [("copy (default)", work_dir / "zhuzhou.db", [])]
        runs += [("--in-place", work_dir / "zhuzhou.db", ["--in-place"])]
        for mode, target, options in runs:
            if target.name == "zhuzhou.db":
                shutil.copy(pristine, target)
            started = time.monotonic()
            subprocess.run(
                [sys.executable, "-m", "ingest", str(new), "--db", str(target), "-q", *options],
                check=True,
            )
            seconds = time.monotonic() - started
            target.unlink()
            if target.name == "zhuzhou.db":
                print(f"{mode}: {args.files} new files, {size:.1f} GB archive: {seconds:.1f} s")


if __name__ == "__main__":
    main()
