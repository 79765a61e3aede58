"""Find the people, figures and places in an article's text, with where they
stand, and the article's keywords: ``extract_article``, one call per article.

Pure: an ``Article`` in, a ``Found`` out. The finders themselves are
``people.find_people``, ``figures.find_figures`` and ``places.find_places``
(keywords: ``topics.keywords``); this module walks the article's pieces of
text (title, subtitle, paragraphs, captions) and records each hit's line range
and caption.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ingest.extract import topics
from ingest.extract.figures import find_figures
from ingest.extract.people import find_people
from ingest.extract.places import find_places
from ingest.extract.topics import keywords
from ingest.model import (
    Article,
    Document,
    Figure,
    Found,
    Keyword,
    Located,
    Mention,
    PlaceHit,
)
from ingest.text.fold import fold, name_key


@dataclass
class Piece:
    text: str
    line_start: int
    line_end: int
    caption: int | None = None  # index into article.captions


def pieces(article: Article) -> Iterator[Piece]:
    """The article's text as printed, piece by piece. Section headings count:
    they hold figures and places too (seed 002: "B 民生支出占财政总支出70%以上",
    "居民点赞“芦淞温度”")."""
    for text in (article.kicker, article.title, article.subtitle):
        if text:
            yield Piece(text, article.line_start, article.line_start)
    for s in article.sections:
        yield Piece(s.heading, s.line_start, s.line_end)
    for p in article.paragraphs:
        yield Piece(p.text, p.line_start, p.line_end)
    for n, c in enumerate(article.captions):
        yield Piece(c.text, c.line_start, c.line_end, n)


def find_in_article(
    article: Article,
) -> tuple[list[Located[Mention]], list[Located[Figure]]]:
    mentions: list[Located[Mention]] = []
    figures: list[Located[Figure]] = []
    texts = list(pieces(article))
    first = [find_people(piece.text) for piece in texts]
    # Names found anywhere in the article let a bare repeat be found in a
    # paragraph of its own (seed 001: "家庭醫生吳慧賢", then "吳慧賢所在的…");
    # only a piece that holds such a name unfound is searched again.
    known = {name_key(m.name) for found in first for m in found}
    for piece, found in zip(texts, first, strict=True):
        folded = fold(piece.text)
        missed = {k for k in known if k in folded} - {name_key(m.name) for m in found}
        if missed:
            found = find_people(piece.text, known)
        where = (piece.line_start, piece.line_end, piece.caption)
        mentions.extend(Located(m, *where) for m in found)
        figures.extend(Located(f, *where) for f in find_figures(piece.text))
    return mentions, figures


def find_places_in_article(article: Article) -> list[Located[PlaceHit]]:
    return [
        Located(hit, piece.line_start, piece.line_end, piece.caption)
        for piece in pieces(article)
        for hit in find_places(piece.text)
    ]


def article_keywords(article: Article) -> list[Keyword]:
    return keywords("\n".join(piece.text for piece in pieces(article)))


def extract_article(article: Article) -> Found:
    """Everything found in *article*: what the rows of one article are built from."""
    mentions, figures = find_in_article(article)
    return Found(mentions, figures, find_places_in_article(article), article_keywords(article))


def extract_document(document: Document) -> list[Found]:
    """``extract_article`` for each article of *document*, in order."""
    return [extract_article(a) for a in document.articles]


def warm_up() -> None:
    """Load the dictionaries extraction uses, so worker processes forked
    afterwards share them instead of each reading them again."""
    topics.idf_table()
    topics.longest_words()
    topics.stopwords()
