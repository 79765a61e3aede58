"""What the stored source texts (``source_texts``) cost in an archive's bytes.

    python -m bench.source_size                 # the seeds and a 1k-article corpus
    python -m bench.source_size --archive zhuzhou.db

For each archive: the bytes of every table with its indexes (SQLite's
``dbstat``), the share of ``source_texts``, and how far compressing each text against
its own articles (ingest/store/source_text.py) brings the texts
down from their plain UTF-8 bytes. A corpus is bench/corpus.py's (the seeds'
paragraphs reshuffled), ingested by the real pipeline.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path

from bench.corpus import write_corpus
from bench.size import FREE_PAGES, sizes
from ingest.pipeline import ingest_paths
from ingest.store.schema import stored_text
from ingest.store.write import open_archive

ROOT = Path(__file__).resolve().parent.parent


def table_bytes(path: Path) -> dict[str, int]:
    """Bytes on disk per table, its indexes and (for FTS) shadow tables counted
    with it: bench.size's b-trees, summed under the table each belongs to."""
    per_btree, _, _ = sizes(path)
    with sqlite3.connect(path) as conn:
        owners = dict(conn.execute("select name, tbl_name from sqlite_master"))
    out: dict[str, int] = {}
    for name, size in per_btree.items():
        if name == FREE_PAGES:  # not a table's: dbstat alone never counted them
            continue
        table = owners.get(name, name).removesuffix("_fts")
        out[table] = out.get(table, 0) + size
    return out


def plain_bytes(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as conn:
        stored = conn.execute("select source_id, length(text_zstd) from source_texts").fetchall()
        plain = sum(len(stored_text(conn, sid).encode("utf-8")) for sid, _ in stored)
    return plain, sum(size for _, size in stored)


def report(label: str, path: Path) -> None:
    sizes = table_bytes(path)
    total = sum(sizes.values())
    plain, compressed = plain_bytes(path)
    with sqlite3.connect(path) as conn:
        (articles,) = conn.execute("select count(*) from articles").fetchone()
    share = sizes.get("source_texts", 0) / total
    print(
        f"{label}: {articles:,} articles, archive {total:,} B; source_texts "
        f"{sizes.get('source_texts', 0):,} B = {share:.1%} of it; texts {plain:,} B as UTF-8, "
        f"{compressed:,} B compressed ({compressed / plain:.2f}x)"
    )
    for table, size in sorted(sizes.items(), key=lambda kv: -kv[1])[:6]:
        print(f"    {table:<16} {size:>12,} B {size / total:6.1%}")


def built(folder: Path, archive: Path) -> Path:
    db = open_archive(archive)
    ingest_paths(db, [folder])
    db.close()
    return archive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, help="measure this archive only")
    parser.add_argument("--articles", type=int, default=1000, help="the corpus's size")
    args = parser.parse_args()
    if args.archive:
        report(str(args.archive), args.archive)
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        report("seeds", built(ROOT / "seeds", work / "seeds.db"))
        write_corpus(args.articles, work / "corpus")
        report(f"corpus {args.articles}", built(work / "corpus", work / "corpus.db"))


if __name__ == "__main__":
    main()
