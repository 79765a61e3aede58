"""The rows of one source file, built from its ``Document`` and what the
extractors found in each article (pure: nothing here opens a database).

``source_rows`` gives every row its deterministic id (``ids.stable_id`` over
the source path, page ordinal, folded headline and its repeat count, position
within the article), so a rebuild gives every row the id it had before; it
also records provenance (source and line range) and merges repeated mentions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ingest.model import (
    Article,
    Contributor,
    Document,
    Figure,
    Found,
    Located,
    Mention,
    Page,
    PlaceHit,
    Provenance,
    Source,
)
from ingest.store.ids import stable_id
from ingest.store.source_text import compress_source
from ingest.text.fold import fold, name_key

Row = dict[str, Any]
# The article's columns a hit's sentence is looked for in, in this order
# (schema.SENTENCE): the body holds nearly all; a headline's figure or place
# is in the title, a caption's or a credit's in printed_with.
SENTENCE_COLUMNS = ("body", "title", "kicker", "subtitle", "printed_with")

# Columns stored as printed that readers facet and filter on, each with a
# folded twin ``<column>_folded`` (issue 15, point 6): the traditional seed's
# 華聲在線 and a simplified repost's 华声在线 are one facet value, 記者 and 记者
# one role, 養老 and 养老 one measure. The site facets and filters on the twin.
FOLDED: dict[str, tuple[str, ...]] = {
    "pages": ("publication",),
    "articles": ("publication",),
    "captions": ("credit",),
    "mentions": ("role", "organization"),
    "figures": ("measure",),
}


@dataclass
class Rows:
    """The rows of one source file, table by table."""

    tables: dict[str, list[Row]] = field(default_factory=dict)
    people: dict[int, str] = field(default_factory=dict)
    articles: dict[int, Row] = field(default_factory=dict)
    sentences: dict[tuple[int, str], Row] = field(default_factory=dict)  # (article, text)
    # Where the last sentence found in each (article, column) begins: hits come
    # in the order of the text, so the next one is searched for from there and
    # a long body is read once, not once per sentence (a line of 100,000 "1个").
    cursors: dict[tuple[int, str], int] = field(default_factory=dict)

    def add(self, table: str, row: Row) -> Row:
        for column in FOLDED.get(table, ()):
            row[f"{column}_folded"] = fold(row[column]) if row[column] else None
        self.tables.setdefault(table, []).append(row)
        if table == "articles":
            self.articles[row["id"]] = row
        return row

    def sentence(self, article_id: int | None, text: str | None) -> Row:
        """The ``schema.SENTENCE`` columns of a hit whose sentence is *text*:
        where in its article *text* is printed, or *text* itself where the
        article prints it in none of ``SENTENCE_COLUMNS``."""
        if text and article_id is not None:
            if (article_id, text) not in self.sentences:
                self.sentences[article_id, text] = self.locate(self.articles[article_id], text)
            return self.sentences[article_id, text]
        return unplaced(text)

    def locate(self, article: Row, text: str) -> Row:
        for column in SENTENCE_COLUMNS:
            printed = article[column] or ""
            cursor = (article["id"], column)
            at = printed.find(text, self.cursors.get(cursor, 0))
            if at < 0:
                at = printed.find(text)
            if at >= 0:
                self.cursors[cursor] = at
                return printed_at(column, at + 1, len(text))
        return unplaced(text)

    def count(self, table: str) -> int:
        return len(self.tables.get(table, []))


def printed_at(column: str, start: int, length: int) -> Row:
    """The ``schema.SENTENCE`` columns of a sentence printed in *column*."""
    return {
        "sentence_in": column,
        "sentence_start": start,
        "sentence_length": length,
        "sentence_text": None,
    }


def unplaced(text: str | None) -> Row:
    """The ``schema.SENTENCE`` columns of a sentence kept as text (or none)."""
    return {
        "sentence_in": None,
        "sentence_start": None,
        "sentence_length": None,
        "sentence_text": text,
    }


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
        person: str | None = None,
    ) -> None:
        """*person*: the name the person's row is keyed by, when it is not the
        printed one (``Mention.full_name``)."""
        pid = person_id(self.rows, person or printed)
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
                **self.rows.sentence(article_id, sentence),
                "occurrences": 1,
                "source_id": self.source_id,
                "line_start": lines[0],
                "line_end": lines[1],
            },
        )


def source_rows(
    source: Source,
    document: Document,
    found: Sequence[Found],
    provenance: Provenance | None = None,
) -> Rows:
    """All rows for one parsed source file, *found* holding what was found in
    each of its articles, in order (``extract.article.extract_document``);
    *provenance*: what the user gave for it (``manifest.apply_given``)."""
    rows = Rows()
    sid = stable_id("source", source.path)
    dates = [p.date for p in document.pages if p.date]
    publications = [p.publication for p in document.pages if p.publication]
    if provenance is None:  # nothing given: what the text prints, if anything
        text = ("text" if dates else None, "text" if publications else None)
        provenance = Provenance(None, None, None, *text)
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
            **asdict(provenance),
        },
    )
    mentions = MentionRows(rows, sid)
    titles_seen: dict[str, int] = {}
    article_ordinal = 0
    found_in = iter(found)
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
            ids = (article_id, page_id, sid)
            add_article(rows, mentions, article, next(found_in), page, ids, article_ordinal)
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
    # The text every row's line_start/line_end point into, for the explorer's
    # source page; compressed against the file's articles (store/source_text.py),
    # as it would otherwise add a third of the archive's text again.
    rows.add(
        "source_texts",
        {
            "id": sid,
            "source_id": sid,
            "text_zstd": compress_source(source.text, rows.tables.get("articles", [])),
            "lines": source.text.count("\n") + 1,
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


def printed_with(article: Article, page: Page) -> str | None:
    """What the page prints with the article, for its search: the page's series
    title and each caption with its credit (a reader looks for 刘震 and means
    the story his photo illustrates)."""
    parts = [page.title] if page.title else []
    parts += [" ".join(filter(None, (c.text, c.credit))) for c in article.captions]
    return "\n".join(parts) or None


def add_article(
    rows: Rows,
    mentions: MentionRows,
    article: Article,
    found: Found,
    page: Page,
    ids: tuple[int, int, int],
    ordinal: int,
) -> None:
    article_id, page_id, sid = ids
    where = (article_id, page_id)
    provenance = {"source_id": sid}
    named = districts(found.places)
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
            "printed_with": printed_with(article, page),
            **provenance,
            "line_start": article.line_start,
            "line_end": article.line_end,
        },
    )
    for c in article.contributors:
        if name_key(c.name) not in found.not_people:
            mentions.add(c.name, "byline", c.role, where, (c.line, c.line), c.organization)
    for c in article.editors:
        if name_key(c.name) not in found.not_people:
            mentions.add(c.name, "editor", c.role, where, (c.line, c.line))
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
        photographers: list[Contributor] = [
            p for p in c.photographers if name_key(p.name) not in found.not_people
        ]
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
    add_text_mentions(mentions, found.mentions, where)
    add_figures(rows, found.figures, article_id, caption_ids, sid)
    add_places(rows, found.places, article_id, sid)
    for n, k in enumerate(found.keywords, start=1):
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
                **rows.sentence(article_id, hit.item.sentence),
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
            person=m.full_name,
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
                **rows.sentence(article_id, f.sentence),
                "source_id": source_id,
                "line_start": hit.line_start,
                "line_end": hit.line_end,
            },
        )
