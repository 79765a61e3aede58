"""Every write to the archive's tables goes through this module.

``write_rows`` replaces one source file's rows in one transaction: its old
pages, articles, sections, captions, mentions, figures and related links are
deleted and the new ones inserted, so a changed file replaces only its own
rows and an unchanged file is skipped by its sha256. People's counts move by
the difference between the file's old and new rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import chain
from pathlib import Path

from sqlite_utils import Database

from ingest.store.ids import fingerprint
from ingest.store.rows import Row, Rows
from ingest.store.schema import BY_ARTICLE, PER_SOURCE_TABLES, ensure_db_shape, spec
from zhfts import register_tokenizer


def open_archive(path: str | Path) -> Database:
    db = Database(path)
    register_tokenizer(db.conn)  # the full-text tables use the zh tokenizer
    db.execute("PRAGMA foreign_keys = ON")
    ensure_db_shape(db)
    return db


def recorded_sha256(db: Database, path: str) -> str | None:
    """The fingerprint of what was ingested from *path*: its sha256 and the
    values the user gave for it (``ids.fingerprint``)."""
    given = "given" if "given" in db["sources"].columns_dict else "NULL"
    sql = f"SELECT sha256, {given} FROM sources WHERE path = ?"
    row = db.execute(sql, [path]).fetchone()
    return fingerprint(*row) if row else None


PersonCounts = dict[int, tuple[int, int]]  # person id → (articles, mentions)


def recorded_person_counts(db: Database, source_id: int) -> PersonCounts:
    """What one source file's rows add to each person's counts, as recorded."""
    sql = (
        "SELECT person_id, count(DISTINCT article_id), sum(occurrences) "
        f"FROM mentions WHERE {of_source('mentions')} GROUP BY person_id"
    )
    rows = db.execute(sql, {"id": source_id})
    return {pid: (articles, n) for pid, articles, n in rows}


def person_counts(rows: Rows) -> PersonCounts:
    """What *rows* add to each person's counts (an article belongs to one file,
    so a person's articles are the sum of their articles in each file)."""
    articles: dict[int, set[int]] = {}
    mentions: dict[int, int] = {}
    for m in rows.tables.get("mentions", []):
        pid = m["person_id"]
        articles.setdefault(pid, set())
        if m["article_id"] is not None:
            articles[pid].add(m["article_id"])
        mentions[pid] = mentions.get(pid, 0) + m["occurrences"]
    return {pid: (len(articles[pid]), mentions[pid]) for pid in mentions}


def of_source(table: str) -> str:
    """Where *table*'s rows of the source file ``:id`` are: by their article
    where its source_id has no index (``schema.BY_ARTICLE``)."""
    if table not in BY_ARTICLE:
        return "source_id = :id"
    where = "article_id IN (SELECT id FROM articles WHERE source_id = :id)"
    if "page_id" in spec(table).columns:  # a page editor's mention has no article
        pages = "SELECT id FROM pages WHERE source_id = :id"
        where += f" OR article_id IS NULL AND page_id IN ({pages})"
    return where


def delete_source_rows(db: Database, source_id: int) -> None:
    for table in PER_SOURCE_TABLES:
        db.execute(f"DELETE FROM [{table}] WHERE {of_source(table)}", {"id": source_id})


def adjust_people(db: Database, old: PersonCounts, new: PersonCounts) -> None:
    """Move each person's counts from what a file added before to what it adds
    now, and drop the people no longer named anywhere.

    By difference, not by recounting: a reporter named in every file would
    otherwise be recounted over the whole archive for each file ingested.
    """
    deltas = [
        (
            new.get(pid, (0, 0))[0] - old.get(pid, (0, 0))[0],
            new.get(pid, (0, 0))[1] - old.get(pid, (0, 0))[1],
            pid,
        )
        for pid in old.keys() | new.keys()
    ]
    db.conn.executemany(
        "UPDATE people SET articles = articles + ?, mentions = mentions + ? WHERE id = ?",
        deltas,
    )
    # A photographer named in a caption credit has a credit mention, so a
    # person with no mentions is referenced by no row.
    db.conn.executemany(
        "DELETE FROM people WHERE id = ? AND mentions <= 0",
        [(pid,) for pid in old.keys() - new.keys()],
    )


def keyed_for_search(db: Database, articles: list[Row]) -> list[Row]:
    """*articles* numbered on from the archive's last ``fts_rowid``: the
    full-text index's key (schema.py says why it is not the id). Internal: no
    page shows it, so a rebuild in another order may number them otherwise."""
    (last,) = db.execute("SELECT coalesce(max(fts_rowid), 0) FROM articles").fetchone()
    return [{**a, "fts_rowid": n} for n, a in enumerate(articles, start=last + 1)]


# sqlite-utils' ``insert_all`` wrote a table's rows in chunks of at most 100
# rows and 999 values, each its own multi-row INSERT inside a SAVEPOINT. FTS5
# flushes its pending terms to a new segment at every savepoint, so where the
# chunks end shapes the full-text indexes' segments (the 1k bench archive's
# articles_fts_data differed with one statement per row): ``insert_rows``
# keeps those chunks, so the archive is the one insert_all wrote, byte for byte.
CHUNK_ROWS = 100
CHUNK_VALUES = 999


@cache
def insert_sql(table: str, columns: tuple[str, ...], rows: int) -> str:
    """The INSERT of *rows* rows of *columns* (one statement, prepared once)."""
    names = ", ".join(f"[{c}]" for c in columns)
    one = f"({', '.join('?' * len(columns))})"
    return f"INSERT INTO [{table}] ({names}) VALUES {', '.join([one] * rows)}"


def insert_rows(db: Database, table: str, rows: Sequence[Row]) -> None:
    """Insert *rows* into *table*, in order, as sqlite-utils' ``insert_all``
    did (same chunks, same values) for a fraction of its cost: it built each
    chunk's statement anew and passed every value through ``jsonify_if_needed``,
    40% of the main process's write on the 1k bench corpus (1.1 of 2.8 s under
    cProfile; docs/BENCHMARKS.md, "Session 24"). rows.py stores every value as
    SQLite takes it (a list JSON-encoded, as articles.districts), so nothing is
    converted. A column a row has no value for is NULL (no column has a
    default), and a key that is no column of the table is an error, as there
    (SQLite's there); either way the file's transaction is rolled back.
    """
    if not rows:
        return
    declared = spec(table).columns  # schema.TABLES, the one list of the columns
    keys = set().union(*rows)
    if unknown := keys.difference(declared):
        raise ValueError(f"table {table} has no column {', '.join(sorted(unknown))}")
    columns = tuple(c for c in declared if c in keys)
    # insert_all's chunk size, from the number of keys of the first row.
    size = max(1, min(CHUNK_ROWS, CHUNK_VALUES // len(rows[0])))
    for at in range(0, len(rows), size):
        chunk = rows[at : at + size]
        values = list(chain.from_iterable(map(row.get, columns) for row in chunk))
        db.conn.execute("SAVEPOINT insert_rows")
        db.conn.execute(insert_sql(table, columns, len(chunk)), values)
        db.conn.execute("RELEASE SAVEPOINT insert_rows")


def write_rows(db: Database, rows: Rows) -> None:
    """Replace one source file's rows with *rows*, in one transaction."""
    sid = rows.tables["sources"][0]["id"]
    with db.atomic():
        old = recorded_person_counts(db, sid)
        delete_source_rows(db, sid)
        db.table("sources").upsert(rows.tables["sources"][0], pk="id")
        db.conn.executemany(
            "INSERT OR IGNORE INTO people (id, name, articles, mentions) VALUES (?, ?, 0, 0)",
            rows.people.items(),
        )
        tables = {**rows.tables, "articles": keyed_for_search(db, rows.tables.get("articles", []))}
        for table in reversed(PER_SOURCE_TABLES):
            if tables.get(table):
                insert_rows(db, table, tables[table])
        adjust_people(db, old, person_counts(rows))


def compact(db: Database) -> None:
    """Merge each full-text index into one segment and rewrite the file packed.

    For a first build, before it is moved into place (``archive.Archive``):
    rows arrive in id order within a file but ids are hashes, so indexes and
    tables fill their pages in random order and keep them ~70% full; VACUUM
    rebuilds each b-tree packed. At 1k articles 30.9 → 28.6 MiB (−7.5%), at
    10k about 8 s (docs/BENCHMARKS.md, "Archive size").
    """
    for (fts,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING FTS5%'"
    ).fetchall():
        db.execute(f"INSERT INTO [{fts}]([{fts}]) VALUES ('optimize')")
    db.execute("VACUUM")
