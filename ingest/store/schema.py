"""The archive's schema, as data, and ``ensure_db_shape`` which applies it.

Every table, column, key, index and full-text index is declared here once;
the README's schema section and ``metadata.yml``'s table list are checked
against it by the tests. Table and column *descriptions* live in
``metadata.yml`` where Datasette shows them.
"""

from __future__ import annotations

import sqlite3
import zlib
from dataclasses import dataclass, field

from sqlite_utils import Database

from ingest.store.source_text import (
    DICTIONARY_COLUMNS,
    ORDER_COLUMNS,
    compress_source,
    decompress_source,
)
from zhfts import TOKENIZER, register_tokenizer


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: dict[str, type]
    foreign_keys: tuple[tuple[str, str], ...] = ()  # (column, table) → table.id
    indexes: tuple[tuple[str, ...], ...] = ()
    unique: tuple[tuple[str, ...], ...] = ()
    not_null: tuple[str, ...] = ()
    fts: tuple[str, ...] = ()  # columns in the full-text index
    # Foreign keys that get no index: no page, facet or join looks rows up by
    # them (docs/BENCHMARKS.md, "Archive size", lists each index and its user).
    # A per-article table's source_id is one (BY_ARTICLE): the writer deletes
    # a file's rows by their articles, and only the source row page counted
    # them by it (0.2x the text at 10k for those indexes).
    unindexed: tuple[str, ...] = ()
    # Indexed columns often empty whose index holds only the rows where they
    # are set: a facet reads no others (Datasette's facet SQL asks ``where col
    # is not null``), and 58% of the figures print no measure (1k bench corpus:
    # idx_figures_measure_folded 0.40 MiB of all rows).
    sparse: tuple[str, ...] = ()
    # The content table's column the full-text index is keyed by (its rowid).
    fts_rowid: str = "rowid"
    pk: str = "id"
    extra: dict[str, str] = field(default_factory=dict)


# Where a row came from: every extracted row has these.
PROVENANCE = {"source_id": int, "line_start": int, "line_end": int}
# The sentence a figure, place or person stands in, by reference to where it is
# printed: the column of its article (rows.SENTENCE_COLUMNS), its first
# character's position there counting from 1 (as SQLite's substr does) and its
# length. A copy was as large as the articles at 10k (a sentence with five
# figures stored five times), and stored once per file still 0.31x the text.
# sentence_text holds a sentence printed in none of them (a section heading:
# sections are rows of their own). The *_with_sentence views read the text.
SENTENCE = {"sentence_in": str, "sentence_start": int, "sentence_length": int, "sentence_text": str}

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "sources",
        {
            "id": int,
            "path": str,
            "name": str,
            "sha256": str,
            "encoding": str,
            "script": str,
            "publication": str,
            "date": str,
            "bytes": int,
            "chars": int,
            "lines": int,
            "chrome_lines": int,
            "warnings": str,
            # What the user gave for the file (ingest/manifest.py) and where the
            # date and publication came from: option, manifest, text, filename.
            "url": str,
            "page": str,
            "given": str,
            "date_from": str,
            "publication_from": str,
        },
        unique=(("path",),),
        not_null=("path", "sha256"),
    ),
    TableSpec(
        "pages",
        {
            "id": int,
            "ordinal": int,
            "title": str,
            "label": str,
            "date": str,
            "time": str,
            "publication": str,
            "publication_folded": str,
            "editors": str,
            **PROVENANCE,
        },
        foreign_keys=(("source_id", "sources"),),
        indexes=(("date",),),
    ),
    TableSpec(
        "articles",
        {
            "id": int,
            "page_id": int,
            "ordinal": int,
            "kicker": str,
            "title": str,
            "title_derived": int,
            "subtitle": str,
            "byline": str,
            "date": str,
            "time": str,
            "year": int,
            "month": str,
            "publication": str,
            "publication_folded": str,
            "districts": str,
            "district": str,
            "body": str,
            "paragraphs": int,
            "chars": int,
            "printed_with": str,
            **PROVENANCE,
            "fts_rowid": int,
        },
        foreign_keys=(("page_id", "pages"), ("source_id", "sources")),
        indexes=(("date",), ("year",), ("month",), ("district",)),
        unique=(("fts_rowid",),),
        not_null=("title",),
        # body first: FTS5 writes a column's number before the positions of
        # every (token, article) entry outside column 0 (two bytes), and most
        # entries are in the body alone; with the title first the 1k bench
        # archive's index was 12.5 MiB, with the body first 9.1 (0.6× the text).
        # printed_with last, so a photographer's name or the page's series finds
        # the article (刘震 finds the story with his photo; 株洲发展成就巡礼 the
        # series' stories). FTS_COLUMN numbers them for highlight() and snippet().
        fts=("body", "title", "kicker", "subtitle", "byline", "printed_with"),
        # Keyed by a dense number (1, 2, 3 … in write order, write.keyed_for_search),
        # not by the 52-bit id: FTS5 stores each (token, article) pair's rowid as
        # a varint delta, 6–8 bytes between random ids, one between dense ones;
        # at 10k articles the index was 226 MiB keyed by id, 127 MiB so.
        fts_rowid="fts_rowid",
    ),
    TableSpec(
        "sections",
        {
            "id": int,
            "article_id": int,
            "ordinal": int,
            "label": str,
            "heading": str,
            "paragraph": int,
            **PROVENANCE,
        },
        foreign_keys=(("article_id", "articles"), ("source_id", "sources")),
        unindexed=("source_id",),
        fts=("heading", "label"),
    ),
    TableSpec(
        "people",
        {"id": int, "name": str, "articles": int, "mentions": int},
        unique=(("name",),),
        not_null=("name",),
        indexes=(("articles",),),
        # The people table's search box: the zh tokenizer folds, so 劉瓊 finds 刘琼.
        fts=("name",),
    ),
    TableSpec(
        "captions",
        {
            "id": int,
            "article_id": int,
            "page_id": int,
            "ordinal": int,
            "text": str,
            "credit": str,
            "credit_folded": str,
            "person_id": int,
            **PROVENANCE,
        },
        foreign_keys=(
            ("article_id", "articles"),
            ("page_id", "pages"),
            ("person_id", "people"),
            ("source_id", "sources"),
        ),
        unindexed=("source_id",),
        indexes=(("credit",),),
        fts=("text", "credit"),
    ),
    TableSpec(
        "mentions",
        {
            "id": int,
            "person_id": int,
            "article_id": int,
            "page_id": int,
            "kind": str,
            "role": str,
            "organization": str,
            "role_folded": str,
            "organization_folded": str,
            "name_printed": str,
            **SENTENCE,
            "occurrences": int,
            **PROVENANCE,
        },
        foreign_keys=(
            ("person_id", "people"),
            ("article_id", "articles"),
            ("page_id", "pages"),
            ("source_id", "sources"),
        ),
        # page_id: only the page row page's count of them reads it (and falls
        # back to a scan); editors are shown from the page's own editors line.
        unindexed=("page_id", "source_id"),
        # occurrences, places.occurrences, keywords.weight: the sort orders of
        # metadata.yml, so a large table's first page need not sort every row
        # role: none, as every filter and facet on it is one on role_folded
        # (explorer/folding.py).
        indexes=(("kind",), ("occurrences",), ("role_folded",)),
        sparse=("role_folded",),
    ),
    TableSpec(
        "figures",
        {
            "id": int,
            "article_id": int,
            "caption_id": int,
            "ordinal": int,
            "raw": str,
            "value": float,
            "value_high": float,
            "unit": str,
            "unit_raw": str,
            "approx": int,
            "measure": str,
            "measure_folded": str,
            **SENTENCE,
            **PROVENANCE,
        },
        foreign_keys=(
            ("article_id", "articles"),
            ("caption_id", "captions"),
            ("source_id", "sources"),
        ),
        # caption_id: only the caption row page's count of its figures reads it;
        # the article page finds a caption's figures among the article's own.
        unindexed=("caption_id", "source_id"),
        # measure_folded alone: its facet and figures_by_measure's order (the
        # folded measure, so 簽約率 and 签约率 stand together) both read it.
        indexes=(("unit",), ("measure_folded",)),
        sparse=("measure_folded",),
    ),
    TableSpec(
        "related_links",
        {
            "id": int,
            "article_id": int,
            "ordinal": int,
            "title": str,
            "teaser": str,
            **PROVENANCE,
        },
        foreign_keys=(("article_id", "articles"), ("source_id", "sources")),
    ),
    TableSpec(
        "places",
        {
            "id": int,
            "article_id": int,
            "place": str,
            "kind": str,
            "district": str,
            "printed": str,
            "occurrences": int,
            **SENTENCE,
            **PROVENANCE,
        },
        foreign_keys=(
            ("article_id", "articles"),
            ("source_id", "sources"),
        ),
        unindexed=("source_id",),
        indexes=(("place",), ("district",), ("occurrences",)),
    ),
    TableSpec(
        "keywords",
        {
            "id": int,
            "article_id": int,
            "ordinal": int,
            "keyword": str,
            "weight": float,
            "source_id": int,
        },
        foreign_keys=(("article_id", "articles"), ("source_id", "sources")),
        unindexed=("source_id",),
        indexes=(("keyword",), ("weight",)),
    ),
    # The decoded text of each source, which the explorer shows with line
    # numbers (the provenance columns' lines): UTF-8 compressed with zstd
    # against the file's own articles (store/source_text.py), 1% of the plain
    # text's bytes on bench/corpus.py's files, 7% on the seeds (docs/BENCHMARKS.md).
    TableSpec(
        "source_texts",
        {"id": int, "source_id": int, "text_zstd": bytes, "lines": int},
        foreign_keys=(("source_id", "sources"),),
    ),
)

TABLE_NAMES = tuple(t.name for t in TABLES)
# Per-article tables whose source_id has no index: a file's rows are deleted
# by their article (and a page editor's mention, which has none, by its page).
BY_ARTICLE = tuple(t.name for t in TABLES if "source_id" in t.unindexed)
# Tables whose rows all come from one source file, deleted and rewritten
# when that file changes; children before parents.
PER_SOURCE_TABLES = (
    "keywords",
    "places",
    "figures",
    "mentions",
    "captions",
    "sections",
    "related_links",
    "articles",
    "pages",
    "source_texts",
)
# Full-text ranking: bm25 with a title hit worth ten body hits (kicker and
# subtitle five, byline two, what is printed with it one; in the index's column
# order), stored as the FTS table's default so ``ORDER BY rank`` uses it (docs/SEARCH.md).
FTS_RANK = {"articles": "bm25(1.0, 10.0, 5.0, 5.0, 2.0, 1.0)"}


def spec(name: str) -> TableSpec:
    return next(t for t in TABLES if t.name == name)


# Each column's number in the articles' full-text index, for highlight() and snippet().
FTS_COLUMN = {c: n for n, c in enumerate(spec("articles").fts)}


# Each table whose sentences are referenced (SENTENCE), read as it was when it
# held their text: its columns in their order, `sentence` (the text) where the
# reference stands. The canned queries, the article page and CSV downloads read these.
SENTENCE_VIEWS = {f"{name}_with_sentence": name for name in ("mentions", "figures", "places")}


def with_sentence_sql(table: str) -> str:
    # Any text column of the article may be named (rows.SENTENCE_COLUMNS are).
    texts = [c for c, typ in spec("articles").columns.items() if typ is str]
    printed = " ".join(f"WHEN '{c}' THEN a.[{c}]" for c in texts)
    sentence = (
        f"coalesce(t.sentence_text, substr(CASE t.sentence_in {printed} END, "
        "t.sentence_start, t.sentence_length)) AS sentence"
    )
    columns = ", ".join(
        sentence if col == "sentence_in" else f"t.[{col}]"
        for col in spec(table).columns
        if col == "sentence_in" or col not in SENTENCE
    )
    return (
        f"SELECT {columns} FROM [{table}] t LEFT JOIN articles a "
        "ON t.sentence_in IS NOT NULL AND a.id = t.article_id"
    )


def fts_columns(db: Database, t: TableSpec) -> tuple[str, ...]:
    """The columns of *t*'s full-text index as the archive has it (none: no index)."""
    return tuple(row[1] for row in db.execute(f"PRAGMA table_info([{t.name}_fts])"))


def create_fts(db: Database, t: TableSpec) -> None:
    """*t*'s external-content FTS5 index with the ``zh`` tokenizer, kept up to
    date by triggers: what sqlite-utils' ``enable_fts(create_triggers=True)``
    creates, keyed by ``t.fts_rowid`` (which it cannot do). An index of an
    archive built with its columns in another order (the title first, before
    session 21) is dropped first; ensure_db_shape then rebuilds it."""
    fts, key = f"[{t.name}_fts]", t.fts_rowid
    for trigger in ("ai", "ad", "au"):
        db.execute(f"DROP TRIGGER IF EXISTS [{t.name}_{trigger}]")
    db.execute(f"DROP TABLE IF EXISTS {fts}")
    columns = ", ".join(f"[{c}]" for c in t.fts)
    new = ", ".join(f"new.[{c}]" for c in t.fts)
    old = ", ".join(f"old.[{c}]" for c in t.fts)
    insert = f"INSERT INTO {fts} (rowid, {columns}) VALUES (new.[{key}], {new});"
    delete = f"INSERT INTO {fts} ({fts}, rowid, {columns}) VALUES ('delete', old.[{key}], {old});"
    db.executescript(
        f"""
        CREATE VIRTUAL TABLE {fts} USING FTS5 (
            {columns}, tokenize='{TOKENIZER}', content=[{t.name}], content_rowid=[{key}]
        );
        CREATE TRIGGER [{t.name}_ai] AFTER INSERT ON [{t.name}] BEGIN {insert} END;
        CREATE TRIGGER [{t.name}_ad] AFTER DELETE ON [{t.name}] BEGIN {delete} END;
        CREATE TRIGGER [{t.name}_au] AFTER UPDATE ON [{t.name}] BEGIN {delete} {insert} END;
        """
    )


def ensure_db_shape(db: Database) -> None:
    """Create whatever tables, indexes and full-text indexes are missing.

    Safe to repeat: an existing archive is left as it is. The full-text tables
    use the ``zh`` tokenizer, so it is registered on *db* first.
    """
    register_tokenizer(db.conn)
    existing = set(db.table_names())
    for t in TABLES:
        if t.name not in existing:
            db.table(t.name).create(
                t.columns,
                pk=t.pk,
                foreign_keys=[(col, other, "id") for col, other in t.foreign_keys],
                not_null=t.not_null,
            )
        table = db.table(t.name)
        # An archive built before a column was added gets it (empty), so an
        # update of an old archive can write today's rows.
        have = table.columns_dict
        for col, typ in t.columns.items():
            if col not in have:
                table.add_column(col, typ)
        for col, _ in t.foreign_keys:
            if col not in t.unindexed:
                table.create_index([col], if_not_exists=True)
        for cols in t.indexes:
            if cols[0] in t.sparse:
                name = "_".join(("idx", t.name, *cols))
                listed = ", ".join(f"[{c}]" for c in cols)
                db.execute(
                    f"CREATE INDEX IF NOT EXISTS [{name}] ON [{t.name}] ({listed})"
                    f" WHERE [{cols[0]}] IS NOT NULL"
                )
            else:
                table.create_index(list(cols), if_not_exists=True)
        for cols in t.unique:
            table.create_index(list(cols), unique=True, if_not_exists=True)
        if t.fts and fts_columns(db, t) != t.fts:
            create_fts(db, t)
            fts = f"[{t.name}_fts]"
            if t.name in FTS_RANK:
                db.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('rank', ?)", [FTS_RANK[t.name]])
            db.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    if "text_zlib" in db.table("source_texts").columns_dict:
        recompress_source_texts(db)
    # replace=True: an archive whose views read an older schema reads this one.
    for view, table in SENTENCE_VIEWS.items():
        db.create_view(view, with_sentence_sql(table), replace=True)


def source_articles(conn: Database | sqlite3.Connection, source_id: int) -> list[dict]:
    """The article columns a source's stored text is compressed against."""
    columns = DICTIONARY_COLUMNS + ORDER_COLUMNS
    sql = f"SELECT {', '.join(columns)} FROM articles WHERE source_id = ?"
    rows = conn.execute(sql, [source_id]).fetchall()
    return [dict(zip(columns, row, strict=True)) for row in rows]


def stored_text(conn: Database | sqlite3.Connection, source_id: int) -> str:
    """Source *source_id*'s text as the archive at *conn* stores it."""
    sql = "SELECT text_zstd FROM source_texts WHERE source_id = ?"
    ((blob,),) = conn.execute(sql, [source_id]).fetchall()
    return decompress_source(blob, source_articles(conn, source_id))


def recompress_source_texts(db: Database) -> None:
    """An archive from before session 21 stores each source text zlib-compressed
    alone (``text_zlib``); today's compresses it against its articles."""
    for sid, blob in db.execute("SELECT source_id, text_zlib FROM source_texts").fetchall():
        text = zlib.decompress(blob).decode("utf-8")
        db.execute(
            "UPDATE source_texts SET text_zstd = ? WHERE source_id = ?",
            [compress_source(text, source_articles(db, sid)), sid],
        )
    db.execute("ALTER TABLE source_texts DROP COLUMN text_zlib")
