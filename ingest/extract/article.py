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
from contextlib import contextmanager
from dataclasses import dataclass

from ingest.extract import names, people, topics
from ingest.extract.figures import find_figures
from ingest.extract.people import find_people_in, names_nobody, run_recogniser
from ingest.extract.places import find_places
from ingest.extract.topics import keywords
from ingest.model import (
    Article,
    Contributor,
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


def find_people_in_article(article: Article) -> list[Located[Mention]]:
    texts = list(pieces(article))
    return [
        Located(m, piece.line_start, piece.line_end, piece.caption)
        for piece, found in zip(texts, find_people_in([p.text for p in texts]), strict=True)
        for m in found
    ]


def find_figures_in_article(article: Article) -> list[Located[Figure]]:
    return [
        Located(f, piece.line_start, piece.line_end, piece.caption)
        for piece in pieces(article)
        for f in find_figures(piece.text)
    ]


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
    return Found(
        find_people_in_article(article),
        find_figures_in_article(article),
        find_places_in_article(article),
        article_keywords(article),
        names_of_no_person(article),
    )


def printed_contributors(article: Article) -> list[Contributor]:
    """The people the parser read from the article's bylines, editor lines and credits."""
    return [
        *article.contributors,
        *article.editors,
        *(p for c in article.captions for p in c.photographers),
    ]


def names_of_no_person(article: Article) -> frozenset[str]:
    """The byline and credit names the recogniser says are no person."""
    credited = {id(p) for c in article.captions for p in c.photographers}
    return frozenset(
        name_key(c.name)
        for c in printed_contributors(article)
        if names_nobody(fold(c.name), credited=id(c) in credited)
    )


@contextmanager
def recognised(document: Document) -> Iterator[None]:
    """Inside the block the recogniser answers from one run over the
    sentences of the whole file (its text and its byline names), not article
    by article: sentences of one length from all articles share a run of the
    network, and a sentence printed twice is run once. The people found are
    the same (a sentence's words depend on it alone, ``names.Recogniser``)."""
    articles = document.articles
    with names.recogniser().remembering():
        run_recogniser(
            [
                *(piece.text for a in articles for piece in pieces(a)),
                *(fold(c.name) for a in articles for c in printed_contributors(a)),
            ]
        )
        yield


def extract_document(document: Document) -> list[Found]:
    """``extract_article`` for each article of *document*, in order, with the
    recogniser run once over the file (``recognised``)."""
    with recognised(document):
        return [extract_article(a) for a in document.articles]


def warm_up() -> None:
    """Load the dictionaries and the name recogniser's model extraction
    uses, so worker processes forked afterwards share them instead of each
    reading them again."""
    names.recogniser()
    people.dictionary_words()
    topics.idf_table()
    topics.word_keys()
    topics.stopwords()
