"""What each table and index of an archive takes, from SQLite's ``dbstat``.

    python -m bench.size zhuzhou.db            # the table, largest first
    python -m bench.size a.db b.db             # side by side: before, after

Each row is one b-tree (a table, an index, or one of the shadow tables of a
full-text index) with its bytes on disk (pages × page size, so free space
inside pages counts), its share of the file and its size as a multiple of the
archive's text: the UTF-8 bytes of every ingested source file
(``sum(sources.bytes)``; the bench corpora are UTF-8). A full-text index's
shadow tables (``_data``, ``_idx``, ``_docsize``, ``_config``) are summed
under its name; free pages are a row of their own.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from zhfts import register_tokenizer


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
        per["(free pages)"] = free
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archives", type=Path, nargs="+")
    print(table(parser.parse_args().archives))


if __name__ == "__main__":
    main()
