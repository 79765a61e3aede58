"""Find the people and figures in an article's text, with where they stand.

Pure: an ``Article`` in, located mentions and figures out. The finders
themselves are ``people.find_people`` and ``figures.find_figures``; this
module walks the article's pieces of text (title, subtitle, paragraphs,
captions) and records each hit's line range and caption.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from .figures import find_figures
from .model import Article, Figure, Mention
from .people import find_people


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
    """The article's text as printed, piece by piece."""
    for text in (article.kicker, article.title, article.subtitle):
        if text:
            yield Piece(text, article.line_start, article.line_start)
    for p in article.paragraphs:
        yield Piece(p.text, p.line_start, p.line_end)
    for n, c in enumerate(article.captions):
        yield Piece(c.text, c.line_start, c.line_end, n)


def find_in_article(
    article: Article,
) -> tuple[list[Located[Mention]], list[Located[Figure]]]:
    mentions: list[Located[Mention]] = []
    figures: list[Located[Figure]] = []
    for piece in pieces(article):
        where = (piece.line_start, piece.line_end, piece.caption)
        mentions.extend(Located(m, *where) for m in find_people(piece.text))
        figures.extend(Located(f, *where) for f in find_figures(piece.text))
    return mentions, figures
