"""Every write to the archive goes through this module.

``write_rows`` replaces one source file's rows in one transaction: its old
pages, articles, sections, captions, mentions, figures and related links are
deleted and the new ones inserted, so a changed file replaces only its own
rows and an unchanged file is skipped by its sha256. Ids are deterministic
(``ids.stable_id``), so a rebuild gives every row the id it had before.

``Archive`` is how an ingest run updates an archive file: into a copy that
replaces the file when the run is complete (or, for a large archive, in place
with one transaction per source file), so an interrupted run never leaves a
half-written archive.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .extract import Located, article_keywords, find_in_article, find_places_in_article
from .fold import name_key
from .ids import stable_id
from .model import Article, Contributor, Document, Figure, Mention, Page, Source
from .places import PlaceHit
from .schema import PER_SOURCE_TABLES, ensure_db_shape
from .zhfts import register_tokenizer

Row = dict[str, Any]


def open_archive(path: str | Path) -> Database:
    db = Database(path)
    register_tokenizer(db.conn)  # the full-text tables use the zh tokenizer
    db.execute("PRAGMA foreign_keys = ON")
    ensure_db_shape(db)
    return db


def recorded_sha256(db: Database, path: str) -> str | None:
    row = db.execute("SELECT sha256 FROM sources WHERE path = ?", [path]).fetchone()
    return row[0] if row else None


@dataclass
class Rows:
    """The rows of one source file, table by table."""

    tables: dict[str, list[Row]] = field(default_factory=dict)
    people: dict[int, str] = field(default_factory=dict)

    def add(self, table: str, row: Row) -> Row:
        self.tables.setdefault(table, []).append(row)
        return row

    def count(self, table: str) -> int:
        return len(self.tables.get(table, []))


def person_id(rows: Rows, printed: str) -> int:
    key = name_key(printed)
    pid = stable_id("person", key)
    rows.people[pid] = key
    return pid


class MentionRows:
    """One mentions row per (person, article or page, role); repeats count up."""

    def __init__(self, rows: Rows, source_id: int) -> None:
        self.rows = rows
        self.source_id = source_id
        self.by_id: dict[int, Row] = {}

    def add(
        self,
        printed: str,
        kind: str,
        role: str | None,
        where: tuple[int | None, int | None],
        lines: tuple[int, int],
        organization: str | None = None,
        sentence: str | None = None,
    ) -> None:
        pid = person_id(self.rows, printed)
        article_id, page_id = where
        # The role is folded too, so a traditional file and its simplified twin
        # give the same ids (記者 and 记者 are one role).
        key_role = name_key(role) if role else None
        mid = stable_id(
            "mention", pid, article_id, page_id if article_id is None else None, key_role
        )
        if mid in self.by_id:
            self.by_id[mid]["occurrences"] += 1
            return
        self.by_id[mid] = self.rows.add(
            "mentions",
            {
                "id": mid,
                "person_id": pid,
                "article_id": article_id,
                "page_id": page_id,
                "kind": kind,
                "role": role,
                "organization": organization,
                "name_printed": printed,
                "sentence": sentence,
                "occurrences": 1,
                "source_id": self.source_id,
                "line_start": lines[0],
                "line_end": lines[1],
            },
        )


def source_rows(source: Source, document: Document) -> Rows:
    """All rows for one parsed source file (pure)."""
    rows = Rows()
    sid = stable_id("source", source.path)
    dates = [p.date for p in document.pages if p.date]
    publications = [p.publication for p in document.pages if p.publication]
    rows.add(
        "sources",
        {
            "id": sid,
            "path": source.path,
            "name": source.name,
            "sha256": source.sha256,
            "encoding": source.encoding,
            "script": document.script,
            "publication": publications[0] if publications else None,
            "date": dates[0] if dates else None,
            "bytes": source.size,
            "chars": len(source.text),
            "lines": source.text.count("\n") + 1,
            "chrome_lines": document.chrome_lines,
            "warnings": "\n".join(source.warnings) or None,
        },
    )
    mentions = MentionRows(rows, sid)
    titles_seen: dict[str, int] = {}
    article_ordinal = 0
    for page_no, page in enumerate(document.pages, start=1):
        page_id = stable_id("page", source.path, page_no)
        add_page(rows, page, page_id, page_no, source)
        for c in page.editors:
            mentions.add(c.name, "editor", c.role, (None, page_id), (c.line, c.line))
        for article in page.articles:
            article_ordinal += 1
            key = name_key(article.title)
            titles_seen[key] = titles_seen.get(key, 0) + 1
            article_id = stable_id("article", source.path, key, titles_seen[key])
            add_article(rows, mentions, article, page, (article_id, page_id, sid), article_ordinal)
    for n, link in enumerate(document.related_links, start=1):
        first = rows.tables["articles"][0]["id"] if rows.count("articles") else None
        rows.add(
            "related_links",
            {
                "id": stable_id("related_link", source.path, n),
                "article_id": first,
                "ordinal": n,
                "title": link.title,
                "teaser": link.teaser,
                "source_id": sid,
                "line_start": link.line_start,
                "line_end": link.line_end,
            },
        )
    return rows


def page_label(page: Page, ordinal: int, source: Source) -> str:
    """How a page is named in links and facets: its printed title (and date);
    for a page that prints none, its publication and date (the web repost,
    seed 001) or its file and number (seeds 003 and 004 open so)."""
    if page.title:
        return f"{page.title} ({page.date})" if page.date else page.title
    if page.date:
        return f"{page.publication or source.name} {page.date}"
    return f"{source.name} · {ordinal}"


def add_page(rows: Rows, page: Page, page_id: int, ordinal: int, source: Source) -> None:
    source_id = rows.tables["sources"][0]["id"]
    rows.add(
        "pages",
        {
            "id": page_id,
            "ordinal": ordinal,
            "title": page.title,
            "label": page_label(page, ordinal, source),
            "date": page.date,
            "time": page.time,
            "publication": page.publication,
            "editors": page.editors_line,
            "source_id": source_id,
            "line_start": page.line_start,
            "line_end": page.line_end,
        },
    )


def add_article(
    rows: Rows,
    mentions: MentionRows,
    article: Article,
    page: Page,
    ids: tuple[int, int, int],
    ordinal: int,
) -> None:
    article_id, page_id, sid = ids
    where = (article_id, page_id)
    provenance = {"source_id": sid}
    places = find_places_in_article(article)
    named = districts(places)
    rows.add(
        "articles",
        {
            "id": article_id,
            "page_id": page_id,
            "ordinal": ordinal,
            "kicker": article.kicker,
            "title": article.title,
            "title_derived": int(article.title_derived),
            "subtitle": article.subtitle,
            "byline": article.byline,
            "date": page.date,
            "time": page.time,
            # Year and month are columns so Datasette can facet on them.
            "year": int(page.date[:4]) if page.date else None,
            "month": page.date[:7] if page.date else None,
            "publication": page.publication,
            "districts": json.dumps(named, ensure_ascii=False),
            # The most named one as a plain column: a plain facet stays cheap on
            # a large archive, where the array facet on districts costs seconds.
            "district": named[0] if named else None,
            "body": article.body,
            "paragraphs": len(article.paragraphs),
            "chars": len(article.body),
            **provenance,
            "line_start": article.line_start,
            "line_end": article.line_end,
        },
    )
    for c in article.contributors:
        mentions.add(c.name, "byline", c.role, where, (c.line, c.line), c.organization)
    for n, s in enumerate(article.sections, start=1):
        rows.add(
            "sections",
            {
                "id": stable_id("section", article_id, n),
                "article_id": article_id,
                "ordinal": n,
                "label": s.label,
                "heading": s.heading,
                "paragraph": s.paragraph_index + 1,
                **provenance,
                "line_start": s.line_start,
                "line_end": s.line_end,
            },
        )
    caption_ids = []
    for n, c in enumerate(article.captions, start=1):
        cid = stable_id("caption", article_id, n)
        caption_ids.append(cid)
        photographers: list[Contributor] = c.photographers
        rows.add(
            "captions",
            {
                "id": cid,
                "article_id": article_id,
                "page_id": page_id,
                "ordinal": n,
                "text": c.text,
                "credit": c.credit,
                "person_id": person_id(rows, photographers[0].name) if photographers else None,
                **provenance,
                "line_start": c.line_start,
                "line_end": c.line_end,
            },
        )
        for p in photographers:
            lines = (c.line_start, c.line_end)
            mentions.add(p.name, "credit", p.role, where, lines, p.organization, c.credit)
    found_mentions, found_figures = find_in_article(article)
    add_text_mentions(mentions, found_mentions, where)
    add_figures(rows, found_figures, article_id, caption_ids, sid)
    add_places(rows, places, article_id, sid)
    for n, k in enumerate(article_keywords(article), start=1):
        rows.add(
            "keywords",
            {
                "id": stable_id("keyword", article_id, n),
                "article_id": article_id,
                "ordinal": n,
                "keyword": k.word,
                "weight": k.weight,
                "source_id": sid,
            },
        )


def districts(found: list[Located[PlaceHit]]) -> list[str]:
    """The county-level units an article names, directly or through one of
    their streets or towns: most named first, then in order of appearance."""
    counts: dict[str, int] = {}
    for hit in found:
        counts[hit.item.place.district] = counts.get(hit.item.place.district, 0) + 1
    return sorted(counts, key=lambda d: -counts[d])  # stable: ties keep first appearance


def add_places(rows: Rows, found: list[Located[PlaceHit]], article_id: int, source_id: int) -> None:
    """One row per place an article names, at its first mention; repeats count up."""
    by_name: dict[str, Row] = {}
    for hit in found:
        place = hit.item.place
        if place.name in by_name:
            by_name[place.name]["occurrences"] += 1
            continue
        by_name[place.name] = rows.add(
            "places",
            {
                "id": stable_id("place", article_id, place.name),
                "article_id": article_id,
                "place": place.name,
                "kind": place.kind,
                "district": place.district,
                "printed": hit.item.printed,
                "occurrences": 1,
                "sentence": hit.item.sentence,
                "source_id": source_id,
                "line_start": hit.line_start,
                "line_end": hit.line_end,
            },
        )


def add_text_mentions(
    mentions: MentionRows, found: Iterable[Located[Mention]], where: tuple[int, int]
) -> None:
    for hit in found:
        m = hit.item
        mentions.add(
            m.name,
            "text",
            m.role,
            where,
            (hit.line_start, hit.line_end),
            organization=m.organization,
            sentence=m.sentence,
        )


def add_figures(
    rows: Rows,
    found: Iterable[Located[Figure]],
    article_id: int,
    caption_ids: list[int],
    source_id: int,
) -> None:
    for n, hit in enumerate(found, start=1):
        f = hit.item
        rows.add(
            "figures",
            {
                "id": stable_id("figure", article_id, n),
                "article_id": article_id,
                "caption_id": caption_ids[hit.caption] if hit.caption is not None else None,
                "ordinal": n,
                "raw": f.raw,
                "value": f.value,
                "value_high": f.value_high,
                "unit": f.unit,
                "unit_raw": f.unit_raw,
                "approx": int(f.approx),
                "measure": f.measure,
                "sentence": f.sentence,
                "source_id": source_id,
                "line_start": hit.line_start,
                "line_end": hit.line_end,
            },
        )


PersonCounts = dict[int, tuple[int, int]]  # person id → (articles, mentions)


def recorded_person_counts(db: Database, source_id: int) -> PersonCounts:
    """What one source file's rows add to each person's counts, as recorded."""
    sql = (
        "SELECT person_id, count(DISTINCT article_id), sum(occurrences) "
        "FROM mentions WHERE source_id = ? GROUP BY person_id"
    )
    return {pid: (articles, n) for pid, articles, n in db.execute(sql, [source_id])}


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


def delete_source_rows(db: Database, source_id: int) -> None:
    for table in PER_SOURCE_TABLES:
        db.execute(f"DELETE FROM [{table}] WHERE source_id = ?", [source_id])


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
        for table in reversed(PER_SOURCE_TABLES):
            if rows.tables.get(table):
                db.table(table).insert_all(rows.tables[table], pk="id")
        adjust_people(db, old, person_counts(rows))


# How one ingest run updates an archive file (docs/ROBUSTNESS.md). The
# pipeline asks two things of its target, ``recorded_sha256`` and ``save``;
# ``Direct`` answers them on an open database, ``Archive`` on a file, safely.


class Direct:
    """An open database written in place, as it is (tests, benchmarks)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def recorded_sha256(self, path: str) -> str | None:
        return recorded_sha256(self.db, path)

    def save(self, rows: Rows) -> None:
        write_rows(self.db, rows)


class ArchiveBusy(RuntimeError):
    """Another ingest run holds the archive's lock."""


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)  # a directory too: that makes a rename durable
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Archive:
    """One ingest run's update of the archive file at *path*.

    By default the file is never written in place. The first file that needs
    saving copies the archive (SQLite's backup API, which also honours a
    journal left by an interrupted ``in_place`` run) to ``NAME.tmp-PID``
    beside it; at the end of the run the copy is synced and renamed over the
    archive (``os.replace`` is atomic). An ingest killed at any moment
    therefore leaves the previous archive byte for byte, and a Datasette
    serving it with ``-i`` keeps reading the file it opened. A run that
    changes nothing writes nothing.

    ``in_place=True`` is for archives too large to copy on every update: each
    source file is one SQLite transaction in the archive itself, in WAL mode,
    so a kill leaves every file's rows all old or all new, and a Datasette
    serving the file *without* ``-i`` keeps answering from its last snapshot.

    One run at a time: the run holds an exclusive lock on ``NAME.lock``, and
    copies left by killed runs are removed under it.
    """

    def __init__(self, path: str | Path, in_place: bool = False) -> None:
        self.path = Path(path)
        self.in_place = in_place
        self.copy = self.path.with_name(f"{self.path.name}.tmp-{os.getpid()}")
        self.lock_path = self.path.with_name(f"{self.path.name}.lock")
        self.lock: int | None = None
        self.reader: Database | None = None  # the archive as it was, read only for hashes
        self.db: Database | None = None  # where this run writes

    def __enter__(self) -> Archive:
        self.lock = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            # A POSIX record lock, not flock(): worker processes forked by the
            # pipeline must not inherit it, or a killed run's orphaned workers
            # would keep the archive locked.
            fcntl.lockf(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self.lock)
            self.lock = None
            raise ArchiveBusy("another ingest is updating it") from None
        try:
            for stale in self.path.parent.glob(f"{glob.escape(self.path.name)}.tmp-*"):
                stale.unlink()
            if self.in_place:
                self.db = open_archive(self.path)
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            elif self.path.exists():
                self.reader = Database(sqlite3.connect(self.path))
        except BaseException:
            self.release()
            raise
        return self

    def recorded_sha256(self, path: str) -> str | None:
        db = self.db if self.db is not None else self.reader
        if db is None or "sources" not in db.table_names():
            return None
        return recorded_sha256(db, path)

    def save(self, rows: Rows) -> None:
        if self.db is None:
            target = sqlite3.connect(self.copy)
            if self.reader is not None:
                self.reader.conn.backup(target)
            target.close()
            self.db = open_archive(self.copy)
            # The copy is thrown away if the run dies, and synced before it
            # replaces the archive, so its commits need not wait for the disk.
            self.db.execute("PRAGMA synchronous = OFF")
            self.db.execute("PRAGMA journal_mode = MEMORY")
        write_rows(self.db, rows)

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        try:
            if exc_type is None:
                self.finish()
        finally:
            self.release()

    def finish(self) -> None:
        if self.db is None:
            return
        if self.in_place:
            # Back to a plain rollback-journal file, as the default mode leaves
            # it; while a reader has it open the switch is refused and the file
            # stays in WAL mode, which SQLite (and `datasette -i`) read as well.
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            with contextlib.suppress(sqlite3.OperationalError):
                self.db.execute("PRAGMA journal_mode = DELETE")
            return
        self.db.close()
        self.db = None
        fsync_path(self.copy)
        os.replace(self.copy, self.path)
        fsync_path(self.path.parent)

    def release(self) -> None:
        """Close everything, drop an unfinished copy, unlock."""
        for db in (self.db, self.reader):
            if db is not None:
                db.close()
        self.db = self.reader = None
        self.copy.unlink(missing_ok=True)
        if self.lock is not None:
            os.close(self.lock)  # closing the descriptor releases the lock
            self.lock = None
