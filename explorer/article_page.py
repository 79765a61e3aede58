"""What the article row page shows, gathered for ``templates/row-zhuzhou-articles.html``.

Read-only: ``article_page`` runs one query per part of the article (its page,
sections, captions, people, figures, places, keywords, related links) on
the database Datasette serves; ``paragraphs`` places each section heading
before the paragraph it heads. The template builds every link from the ids
and escapes every string (Jinja's autoescape; no ``|safe`` on source text).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from datasette.database import Database

from ingest.extract.places import KINDS

TEMPLATES = Path(__file__).parent / "templates"
ARTICLE_TEMPLATE = "row-zhuzhou-articles.html"

Row = dict[str, Any]

# Each part of the page: one query over the article's id (:id).
QUERIES = {
    "article": """
        select a.*, p.title as page_title, p.ordinal as page_ordinal, s.name as source_name
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
}


@dataclass
class Paragraph:
    number: int  # 1-based, as sections.paragraph counts
    text: str
    sections: list[Row] = field(default_factory=list)  # the headings above it


def paragraphs(body: str | None, sections: list[Row]) -> list[Paragraph]:
    """The body's paragraphs, each with the section headings placed before it.

    A section whose paragraph number is past the last paragraph (a heading
    printed at the very end) stands after the last one, on an empty paragraph.
    """
    texts = body.split("\n\n") if body else []
    out = [Paragraph(n, text) for n, text in enumerate(texts, start=1)]
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


async def article_page(db: Database, article_id: str) -> dict[str, Any]:
    """The template's ``article`` and its parts. The article exists: Datasette
    answers an unknown id with its 404 page before any template is rendered."""
    parts: dict[str, list[Row]] = {}
    for name, sql in QUERIES.items():
        result = await db.execute(sql, {"id": article_id})
        parts[name] = [dict(r) for r in result.rows]
    article = parts.pop("article")[0]
    for f in parts["figures"]:
        f["value_text"] = value_text(f["value"], f["value_high"])
    for p in parts["places"]:
        p["kind_label"] = f"{KINDS[p['kind']]} {p['kind']}"  # 街道 street
    return {
        "article": article,
        "paragraphs": paragraphs(article["body"], parts["sections"]),
        **parts,
    }
