"""The write path: ``write.insert_rows`` writes what sqlite-utils' ``insert_all``
wrote, byte for byte (the full-text indexes' segments included)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import write_corpus
from ingest.pipeline import build_rows, parse_source, read_source
from ingest.store.rows import Rows
from ingest.store.schema import PER_SOURCE_TABLES
from ingest.store.write import insert_rows, keyed_for_search, open_archive


def file_rows(path: Path) -> Rows:
    source = read_source(path)
    return build_rows(source, parse_source(path, source))


def dump(path: Path) -> list[str]:
    db = open_archive(path)
    lines = list(db.conn.iterdump())
    db.close()
    return lines


def write_each_table(path: Path, rows: Rows, writer: str) -> None:
    db = open_archive(path)
    with db.atomic():
        db.table("sources").insert(rows.tables["sources"][0], pk="id")
        people = [
            {"id": i, "name": n, "articles": 0, "mentions": 0} for i, n in rows.people.items()
        ]
        db.table("people").insert_all(people, pk="id")
        tables = {**rows.tables, "articles": keyed_for_search(db, rows.tables["articles"])}
        for table in reversed(PER_SOURCE_TABLES):
            if tables.get(table):
                if writer == "insert_rows":
                    insert_rows(db, table, tables[table])
                else:
                    db.table(table).insert_all(tables[table], pk="id")
    db.close()


def test_insert_rows_writes_what_insert_all_wrote(tmp_path: Path) -> None:
    # Three days of the bench corpus in one file: 60 articles, more than one
    # chunk of the articles (43 rows of 23 values) and of the figures (100).
    path = tmp_path / "three-days.txt"
    path.write_text("".join(p.read_text() for p in write_corpus(60, tmp_path / "corpus")))
    rows = file_rows(path)
    assert len(rows.tables["articles"]) == 60
    write_each_table(tmp_path / "ours.db", rows, "insert_rows")
    write_each_table(tmp_path / "theirs.db", rows, "insert_all")
    assert dump(tmp_path / "ours.db") == dump(tmp_path / "theirs.db")


def test_a_key_that_is_no_column_is_an_error(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "a.db")
    with pytest.raises(ValueError, match="keywords has no column colour"):
        insert_rows(db, "keywords", [{"id": 1, "keyword": "株洲", "colour": "red"}])


def test_a_column_a_row_has_no_value_for_is_null(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "a.db")
    insert_rows(db, "keywords", [{"id": 1, "keyword": "株洲"}, {"id": 2, "weight": 0.5}])
    rows = db.execute("SELECT id, keyword, weight FROM keywords ORDER BY id").fetchall()
    assert rows == [(1, "株洲", None), (2, None, 0.5)]
