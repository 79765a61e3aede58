"""What the article row page shows, gathered for ``templates/row-zhuzhou-articles.html``.

Read-only: ``article_page`` runs one query per part of the article (its page,
sections, captions, people, figures, places, keywords, related links, the
articles beside it on its page) on the database Datasette serves;
``paragraphs`` places each section heading before the paragraph it heads;
``citation`` writes the article's reference in GB/T 7714 and in English;
``marks`` cuts a text where the words of the search that led here stand. The
template builds every link from the ids and escapes every string (Jinja's
autoescape; no ``|safe`` on source text).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from datasette.database import Database

from explorer.search_page import SEPARATORS
from explorer.source_page import source_path
from ingest.extract.places import KINDS
from ingest.text.fold import fold

TEMPLATES = Path(__file__).parent / "templates"
ARTICLE_TEMPLATE = "row-zhuzhou-articles.html"

Row = dict[str, Any]

# Each part of the page: one query over the article's id (:id).
QUERIES = {
    "article": """
        select a.*, p.title as page_title, p.ordinal as page_ordinal, s.name as source_name,
               s.url as source_url, s.page as source_page
        from articles a
        left join pages p on p.id = a.page_id
        left join sources s on s.id = a.source_id
        where a.id = :id""",
    "sections": "select * from sections where article_id = :id order by ordinal",
    "captions": """
        select c.*, p.name as photographer from captions c
        left join people p on p.id = c.person_id
        where c.article_id = :id order by c.ordinal""",
    # Bylines first, then photo credits, then the people the text names, in
    # the order the text names them.
    "mentions": """
        select m.*, p.name, p.articles as person_articles from mentions_with_sentence m
        join people p on p.id = m.person_id
        where m.article_id = :id
        order by case m.kind when 'byline' then 0 when 'credit' then 1 else 2 end,
                 m.line_start, m.id""",
    "figures": "select * from figures_with_sentence where article_id = :id order by ordinal",
    "places": """
        select * from places_with_sentence where article_id = :id
        order by occurrences desc, line_start, place""",
    "keywords": "select * from keywords where article_id = :id order by ordinal",
    "related_links": "select * from related_links where article_id = :id order by ordinal",
    # The authors for the citation: the byline's names in the order printed.
    "authors": """
        select m.name_printed from mentions m join articles a on a.id = m.article_id
        where m.article_id = :id and m.kind = 'byline'
        order by instr(a.byline, m.name_printed), m.id""",
    # Previous and next: the articles of the same page, in the order printed.
    "neighbours": """
        select id, title, ordinal from articles
        where page_id = (select page_id from articles where id = :id) order by ordinal""",
}
# A publication named as a website is a web copy: 華聲在線 (seed 001), 红网,
# 新华网, 人民网-湖南频道 (a channel after the site's name), …客户端; and a
# county's 融媒体中心, which publishes on the web (攸縣融媒體中心).
WEBSITE = re.compile(
    r"(网|網|在线|在線|客户端|客戶端|融媒体中心|融媒體中心|\.com|\.cn)(?=$|[-－·|｜ ])"
)
# FTS5's own syntax in an advanced search (医保 OR 电梯, "老旧"*): not words to mark.
FTS_SYNTAX = re.compile(r'["()*^+]|\b(?:AND|OR|NOT|NEAR)\b')
MAX_AUTHORS = 3  # GB/T 7714: three names, then 等 (et al.)


Segments = list[tuple[str, bool]]  # a text cut into pieces, True where a word matched


def search_words(q: str | None) -> list[str]:
    """The words of the search *q* as the search page splits them, folded."""
    return [w for w in SEPARATORS.split(fold(FTS_SYNTAX.sub(" ", q or ""))) if w]


def marks(text: str | None, words: Sequence[str]) -> Segments:
    """*text* cut where any of *words* stands, in either script: fold() keeps
    the length, so a match in the folded text is the same span of the printed
    one (劉瓊 in the text matches the search 刘琼)."""
    text = text or ""
    folded = fold(text)
    hits = sorted(
        (m.start(), m.start() + len(w)) for w in words for m in re.finditer(re.escape(w), folded)
    )
    out: Segments = []
    at = 0
    for start, end in hits:
        if end <= at:
            continue
        if start > at:
            out.append((text[at:start], False))
        elif out and out[-1][1]:  # overlapping or touching the previous match: one mark
            start = at - len(out.pop()[0])
        out.append((text[start:end], True))
        at = end
    if at < len(text) or not out:
        out.append((text[at:], False))
    return out


@dataclass
class Paragraph:
    number: int  # 1-based, as sections.paragraph counts
    text: str
    sections: list[Row] = field(default_factory=list)  # the headings above it
    segments: Segments = field(default_factory=list)  # text, with the searched words marked


def paragraphs(body: str | None, sections: list[Row], words: Sequence[str] = ()) -> list[Paragraph]:
    """The body's paragraphs, each with the section headings placed before it.

    A section whose paragraph number is past the last paragraph (a heading
    printed at the very end) stands after the last one, on an empty paragraph.
    """
    texts = body.split("\n\n") if body else []
    out = [Paragraph(n, text, segments=marks(text, words)) for n, text in enumerate(texts, start=1)]
    for s in sections:
        n = s["paragraph"] or 1
        if n > len(out):
            out.append(Paragraph(len(out) + 1, ""))
            n = len(out)
        out[n - 1].sections.append(s)
    return out


def number(value: float) -> str:
    """80亿元's 8000000000.0 as 8,000,000,000; 31.2 as 31.2; a figure too large
    for a float (40 × 亿, a 400-digit number: stored as inf) as ∞."""
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"


def value_text(value: float | None, high: float | None) -> str:
    if value is None:
        return ""
    return number(value) + (f"–{number(high)}" if high is not None else "")


@dataclass
class Citation:
    """One article's reference: GB/T 7714 (``zh``) and English (``en``), and
    what the source does not tell (``unknown``: 日期 date, 版次 page, …)."""

    zh: str
    en: str
    kind: str  # GB/T 7714's type: N (newspaper), N/OL (read online), EB/OL (web page)
    unknown: list[str]


def is_web_copy(article: Row) -> bool:
    """A web page's article, cited as [EB/OL], rather than a newspaper's [N]:
    it prints a time of day (a repost on 株洲新闻网 prints 15:13; a newspaper
    page, printed or its digital edition, never does) or a publication named
    as a website (華聲在線). Web chrome alone does not tell: a digital
    edition's page (株洲日报数字报, zzrb_20230920_A03) comes with it too."""
    return bool(article["time"] or WEBSITE.search(article["publication"] or ""))


def names(printed: list[str], etal: str) -> str:
    """GB/T 7714's author list: the names without the spaces that pad a
    two-character name (戴 鵬), three at most, then 等 / et al."""
    clean = ["".join(n.split()) for n in printed]
    shown = ", ".join(clean[:MAX_AUTHORS])
    return f"{shown}, {etal}" if len(clean) > MAX_AUTHORS else shown


def citation(article: Row, authors: list[str], stable_url: str, today: str) -> Citation:
    """The article cited as GB/T 7714 prints a newspaper page,
    ``作者. 题名[N]. 报纸名, 日期(版次).``, or a web copy,
    ``作者. 题名[EB/OL]. 网站, 日期[引用日期]. URL.``, and in English with
    the article page's *stable_url*; a date, publication or page the source
    does not print is said to be unknown in both, never guessed."""
    web = is_web_copy(article)
    title, date, publication = article["title"], article["date"], article["publication"]
    page = article["source_page"]  # 版次 as given (manifest, --page): no page prints it
    unknown = [
        label
        for label, value in (
            ("日期 date", date),
            ("报刊 publication", publication),
            ("版次 page", page or web),
            ("作者 author", authors),
        )
        if not value
    ]
    zh_authors = f"{names(authors, '等')}. " if authors else ""
    en_authors = f"{names(authors, 'et al.')}. " if authors else ""
    zh_pub = publication or ("[网站不详]" if web else "[报纸名不详]")
    zh_date = date or "[出版日期不详]"
    en_pub = publication or ("website unknown" if web else "newspaper unknown")
    en_date = date or "date unknown"
    archive = f"Zhuzhou News Archive, {stable_url} (accessed {today})."
    source_url = article["source_url"]
    original = f"{source_url}. " if source_url else ""
    if web:
        kind, url = "EB/OL", source_url or stable_url
        zh = f"{zh_authors}{title}[{kind}]. {zh_pub}, {zh_date}[{today}]. {url}."
        en = f'{en_authors}"{title}." {en_pub}, {en_date}. Web page. {original}{archive}'
    else:
        # A newspaper read online is cited as GB/T 7714-2015 cites one: [N/OL],
        # then the date it was read and its address.
        kind, read = ("N/OL", f"[{today}]. {source_url}") if source_url else ("N", "")
        zh = f"{zh_authors}{title}[{kind}]. {zh_pub}, {zh_date}({page or '版次不详'}){read}."
        en_page = f"page {page}" if page else "page unknown"
        en = f'{en_authors}"{title}." {en_pub}, {en_date}, {en_page}. {original}{archive}'
    return Citation(zh, en, kind, unknown)


def neighbours(rows: list[Row], article_id: int) -> tuple[Row | None, Row | None]:
    """The articles printed before and after *article_id* on its page."""
    at = next(n for n, r in enumerate(rows) if r["id"] == article_id)
    return (rows[at - 1] if at > 0 else None, rows[at + 1] if at + 1 < len(rows) else None)


async def source_link(db: Database, article: Row) -> str | None:
    """The article's lines in its source's text, when the archive stores it:
    an archive built before ``source_texts`` was added, or updated since
    without rewriting the file, has none (rebuild it, or ``--force``)."""
    if not await db.table_exists("source_texts"):
        return None
    sql = "select 1 from source_texts where source_id = :id"
    if not (await db.execute(sql, {"id": article["source_id"]})).rows:
        return None
    return source_path(db.name, article["source_id"], (article["line_start"], article["line_end"]))


async def query_parts(db: Database, queries: dict[str, str], row_id: str) -> dict[str, list[Row]]:
    """Each of *queries* run over the row *row_id* (``:id``), its rows as dicts."""
    parts: dict[str, list[Row]] = {}
    for name, sql in queries.items():
        result = await db.execute(sql, {"id": row_id})
        parts[name] = [dict(r) for r in result.rows]
    return parts


async def article_page(
    db: Database, article_id: str, stable_url: str, today: str, q: str | None = None
) -> dict[str, Any]:
    """The template's ``article`` and its parts; *q*: the search that led here,
    whose words are marked. The article exists: Datasette answers an unknown
    id with its 404 page before any template is rendered."""
    parts = await query_parts(db, QUERIES, article_id)
    article = parts.pop("article")[0]
    for f in parts["figures"]:
        f["value_text"] = value_text(f["value"], f["value_high"])
    for p in parts["places"]:
        p["kind_label"] = f"{KINDS[p['kind']]} {p['kind']}"  # 街道 street
    words = search_words(q)
    for c in parts["captions"]:
        c["segments"] = marks(c["text"], words)
    for h in parts["sections"]:
        h["segments"] = marks(h["heading"], words)
    authors = [r["name_printed"] for r in parts.pop("authors")]
    previous, following = neighbours(parts.pop("neighbours"), article["id"])
    return {
        "article": article,
        "title_segments": marks(article["title"], words),
        "paragraphs": paragraphs(article["body"], parts["sections"], words),
        "searched": words,
        "citation": citation(article, authors, stable_url, today),
        "stable_url": stable_url,
        "source_link": await source_link(db, article),
        "previous": previous,
        "next": following,
        **parts,
    }
