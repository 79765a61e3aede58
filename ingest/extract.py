"""Find the people, figures and places in an article's text, with where they
stand, and the article's keywords.

Pure: an ``Article`` in, located mentions, figures and places out. The finders
themselves are ``people.find_people``, ``figures.find_figures`` and
``places.find_places`` (keywords: ``topics.keywords``); this module walks the
article's pieces of text (title, subtitle, paragraphs, captions) and records
each hit's line range and caption.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from . import topics
from .figures import find_figures
from .fold import fold, name_key
from .model import Article, Figure, Mention
from .people import find_people, names_present
from .places import PlaceHit, find_places
from .topics import Keyword, keywords


@dataclass
class Piece:
    text: str
    line_start: int
    line_end: int
    caption: int | None = None  # index into article.captions


T = TypeVar("T")


@dataclass
class Located(Generic[T]):
    item: T
    line_start: int
    line_end: int
    caption: int | None


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
        missed = names_present(folded, known) - {name_key(m.name) for m in found}
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


def warm_up() -> None:
    """Load the dictionaries extraction uses, so worker processes forked
    afterwards share them instead of each reading them again."""
    topics.idf_table()
    topics.longest_words()
    topics.stopwords()
