"""What a person's row page shows, gathered for ``templates/row-zhuzhou-people.html``.

``people.name`` is the folded key of every printing of a name (刘琼 for 劉瓊
and 刘琼); the page is titled with it and lists the printings, the roles and
organisations as printed, each article that names the person (date, headline,
the sentence or the byline), the pages they edited, and the people named in
the same articles. Read-only, one query per part.
"""

from __future__ import annotations

from typing import Any

from datasette.database import Database

from explorer.article_page import Row, query_parts

PERSON_TEMPLATE = "row-zhuzhou-people.html"

QUERIES = {
    "person": "select * from people where id = :id",
    "printed": """
        select name_printed, sum(occurrences) as n from mentions where person_id = :id
        group by name_printed order by n desc, name_printed""",
    "roles": """
        select role, organization, count(distinct coalesce(article_id, page_id)) as n
        from mentions where person_id = :id
        group by role, organization order by n desc, role""",
    # One row per mention: an article naming the person twice (a byline and
    # the text) lists both under one headline.
    "mentions": """
        select m.kind, m.role, m.organization, m.sentence, m.name_printed, m.occurrences,
               a.id as article_id, a.title, a.date, a.publication, a.byline
        from mentions_with_sentence m join articles a on a.id = m.article_id
        where m.person_id = :id
        order by a.date is null, a.date, a.id,
                 case m.kind when 'byline' then 0 when 'credit' then 1 else 2 end""",
    "pages": """
        select m.role, p.id as page_id, p.label from mentions m join pages p on p.id = m.page_id
        where m.person_id = :id and m.article_id is null order by p.date, p.label""",
    "together": """
        select p.id, p.name, count(distinct other.article_id) as articles
        from mentions mine
        join mentions other on other.article_id = mine.article_id
             and other.person_id != mine.person_id
        join people p on p.id = other.person_id
        where mine.person_id = :id
        group by p.id order by articles desc, p.name""",
}


def by_article(mentions: list[Row]) -> list[Row]:
    """The mentions grouped under their article, in date order."""
    articles: dict[int, Row] = {}
    for m in mentions:
        entry = articles.setdefault(
            m["article_id"],
            {k: m[k] for k in ("article_id", "title", "date", "publication", "byline")}
            | {"mentions": []},
        )
        entry["mentions"].append(m)
    return list(articles.values())


async def person_page(db: Database, person_id: str) -> dict[str, Any]:
    """The template's ``person`` and its parts. The person exists: Datasette
    answers an unknown id with its 404 page before any template is rendered."""
    parts = await query_parts(db, QUERIES, person_id)
    person = parts.pop("person")[0]
    return {
        "person": person,
        "articles": by_article(parts.pop("mentions")),
        **parts,
    }
