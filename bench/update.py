"""What an incremental update costs, on a small archive and a large one.

    python -m bench.update                     # 0.047 GB and 4.7 GB archives, ten new files
    python -m bench.update --gigabytes 0.047 1

The default ingest writes an existing archive in place, one transaction per
file (``store.archive.Archive``), so an update should cost what it adds, not
what the archive holds. Building a 100k-article archive takes hours with the
name recogniser, so each archive here is the seeds plus a filler table that
brings the file to the size measured for 1k and 100k articles (about 47 KB
per article, all tables and indexes included). Each size then ingests the same
ten new files (200 synthetic articles, bench/corpus.py) through the real CLI,
after a warm-up run into an empty archive, and reports the seconds and the
bytes the archive grew by, with the ratio of the largest to the smallest.
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


def update_cost(pristine: Path, target: Path, new: Path) -> tuple[float, int]:
    """Seconds and bytes added (archive and WAL) of one update of a copy of *pristine*."""
    shutil.copy(pristine, target)
    before = target.stat().st_size
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "ingest", str(new), "--db", str(target), "-q"], check=True
    )
    seconds = time.monotonic() - started
    wal = target.with_name(target.name + "-wal")
    added = target.stat().st_size + (wal.stat().st_size if wal.exists() else 0) - before
    for side in (target, wal, target.with_name(target.name + "-shm")):
        side.unlink(missing_ok=True)
    return seconds, added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gigabytes", type=float, nargs="+", default=[0.047, 4.7])
    parser.add_argument("--files", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        new = work_dir / "new"
        write_corpus(args.files * 20, new)
        scratch = work_dir / "scratch.db"
        subprocess.run([sys.executable, "-m", "ingest", str(new), "--db", str(scratch), "-q"])
        results = []
        for gigabytes in args.gigabytes:
            pristine = work_dir / "pristine.db"
            padded_archive(pristine, gigabytes)
            seconds, added = update_cost(pristine, work_dir / "zhuzhou.db", new)
            size = pristine.stat().st_size / 1e9
            pristine.unlink()
            results.append((size, seconds, added))
            print(
                f"{args.files} new files into a {size:.3f} GB archive: {seconds:.1f} s, "
                f"+{added / 1e6:.1f} MB",
                flush=True,
            )
        (small, large) = (results[0], results[-1])
        print(
            f"largest / smallest: time {large[1] / small[1]:.2f}x, "
            f"bytes added {large[2] / max(small[2], 1):.2f}x"
        )


if __name__ == "__main__":
    main()
