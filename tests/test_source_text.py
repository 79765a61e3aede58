"""The stored source texts: compressed against their own articles, read back
exactly, and an archive of the older shape brought up to today's."""

from __future__ import annotations

import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest
from conftest import SEEDS

from ingest.pipeline import read_source
from ingest.store.schema import FTS_COLUMN, ensure_db_shape, stored_text
from ingest.store.source_text import SourceTextError, compress_source, decompress_source
from ingest.store.write import open_archive
from zhfts import register_tokenizer


def sources(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    return conn.execute("SELECT id, path FROM sources ORDER BY path").fetchall()


def test_each_stored_source_text_is_its_decoded_file_exactly(archive_path: Path) -> None:
    conn = sqlite3.connect(archive_path)
    stored = sources(conn)
    assert len(stored) == len(list(SEEDS.glob("*.txt")))
    for source_id, path in stored:
        assert stored_text(conn, source_id) == read_source(Path(path)).text, path


def test_a_source_text_costs_what_its_articles_do_not_hold(archive_path: Path) -> None:
    conn = sqlite3.connect(archive_path)
    for source_id, path in sources(conn):
        text = stored_text(conn, source_id).encode("utf-8")
        ((stored,),) = conn.execute(
            "SELECT length(text_zstd) FROM source_texts WHERE source_id = ?", [source_id]
        )
        # zlib alone keeps about half of a seed's bytes; against the articles
        # the file's own text is mostly references (seed 001 the least: its
        # section headings, captions and related links are not in the articles)
        assert stored < len(zlib.compress(text, 9)) / 2, path


def test_a_source_text_read_against_other_articles_is_an_error() -> None:
    articles = [{"kicker": None, "title": "标题", "subtitle": None, "byline": None,
                 "body": "株洲市今年新建公园十二座。", "printed_with": None,
                 "line_start": 3, "ordinal": 1, "id": 7}]  # fmt: skip
    blob = compress_source("标题\n\n株洲市今年新建公园十二座。\n", articles)
    assert decompress_source(blob, articles) == "标题\n\n株洲市今年新建公园十二座。\n"
    edited = [{**articles[0], "body": "株洲市今年新建公园十三座。"}]
    with pytest.raises(SourceTextError):
        decompress_source(blob, edited)


def test_the_full_text_index_puts_the_body_first(archive_path: Path) -> None:
    conn = sqlite3.connect(archive_path)
    register_tokenizer(conn)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(articles_fts)")]
    assert columns[FTS_COLUMN["body"]] == "body" and columns[FTS_COLUMN["title"]] == "title"
    assert FTS_COLUMN["body"] == 0


def test_the_measure_facet_reads_an_index_of_the_figures_with_a_measure(
    archive_path: Path,
) -> None:
    conn = sqlite3.connect(archive_path)
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'idx_figures_measure_folded'")
    assert sql[0].endswith("WHERE [measure_folded] IS NOT NULL")
    # Datasette's column facet, as it asks for it
    facet = (
        "select measure_folded as value, count(*) as count from (select * from figures)"
        " where measure_folded is not null group by measure_folded"
    )
    plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + facet))
    assert "idx_figures_measure_folded" in plan
    (with_measure,) = conn.execute("SELECT count(*) FROM figures WHERE measure_folded IS NOT NULL")
    assert sum(n for _, n in conn.execute(facet)) == with_measure[0] > 0


def make_old_shape(path: Path) -> None:
    """The archive as sessions before 21 wrote it: the title first in the
    full-text index, each source text zlib-compressed alone."""
    conn = sqlite3.connect(path)
    register_tokenizer(conn)
    texts = {sid: stored_text(conn, sid) for sid, _ in sources(conn)}
    for trigger in ("ai", "ad", "au"):
        conn.execute(f"DROP TRIGGER articles_{trigger}")
    conn.execute("DROP TABLE articles_fts")
    conn.execute(
        "CREATE VIRTUAL TABLE articles_fts USING FTS5 (title, body, kicker, subtitle, byline,"
        " printed_with, tokenize='zh', content=articles, content_rowid=fts_rowid)"
    )
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    conn.execute("ALTER TABLE source_texts ADD COLUMN text_zlib BLOB")
    for sid, text in texts.items():
        blob = zlib.compress(text.encode("utf-8"), 9)
        conn.execute("UPDATE source_texts SET text_zlib = ? WHERE source_id = ?", [blob, sid])
    conn.execute("ALTER TABLE source_texts DROP COLUMN text_zstd")
    conn.commit()
    conn.close()


def test_an_archive_of_the_old_shape_is_brought_up_to_today(
    archive_path: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old.db"
    shutil.copyfile(archive_path, old)
    make_old_shape(old)
    db = open_archive(old)
    ensure_db_shape(db)
    db.close()
    conn = sqlite3.connect(old)
    register_tokenizer(conn)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(articles_fts)")]
    assert columns[0] == "body"
    assert "text_zlib" not in [row[1] for row in conn.execute("PRAGMA table_info(source_texts)")]
    for source_id, path in sources(conn):
        assert stored_text(conn, source_id) == read_source(Path(path)).text, path
    # the index was rebuilt from the articles: a headline word finds its article
    hits = conn.execute(
        "SELECT a.title FROM articles_fts JOIN articles a ON a.fts_rowid = articles_fts.rowid"
        " WHERE articles_fts MATCH '\"医保\"'"
    ).fetchall()
    assert "推进长株潭医保事项通办 株洲这样发力" in [t for (t,) in hits]
