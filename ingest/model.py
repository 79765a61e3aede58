"""Plain dataclasses that each step of the pipeline hands the next: the
parser's ``Document`` (pages, articles, sections, captions), and what the
extractors find in an article (``Found``: located mentions, figures, places,
keywords), from which ``store.rows`` builds the rows.

Nothing here touches a database or imports another module of the ingest: every
step may import it. Every record carries the 1-based line range of the source
file it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar


@dataclass
class Contributor:
    """A named person in a byline, a photo credit or a page's editor line."""

    name: str  # as printed: 劉震
    role: str  # as printed: 全媒体记者, 通讯员, 责任编辑, 摄影 …
    line: int
    organization: str | None = None  # as printed in a byline: 株洲日报, 新华社


@dataclass
class Paragraph:
    text: str
    line_start: int
    line_end: int


@dataclass
class Section:
    """An in-article subheading, with its label (A, 1, 城市提质——) if printed."""

    heading: str
    label: str | None
    line_start: int
    line_end: int
    paragraph_index: int  # index of the first paragraph under this heading


@dataclass
class Caption:
    """A photo caption, split into what it shows and who took or gave the photo."""

    text: str
    credit: str | None  # 刘震 摄, 记者/李逸峰 摄, 通讯员供图 …
    photographers: list[Contributor]
    line_start: int
    line_end: int


@dataclass
class Article:
    title: str
    line_start: int
    line_end: int = 0
    title_derived: bool = False  # no headline printed: the title is the text's first clause
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None  # as printed
    contributors: list[Contributor] = field(default_factory=list)  # bylines, 作者:
    # 编辑:/责任编辑/一审… lines of a web page: the article's desk, not its authors
    editors: list[Contributor] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)

    @property
    def body(self) -> str:
        """The text as printed, one blank line between paragraphs."""
        return "\n\n".join(p.text for p in self.paragraphs)


@dataclass
class Page:
    line_start: int
    line_end: int = 0
    title: str | None = None  # 综合·城区; 壮丽70年 奋斗新时代 / 株洲发展成就巡礼·高新区篇
    date: str | None = None  # ISO 8601
    time: str | None = None  # time of day as printed on web pages: 15:13, 08:47:00
    publication: str | None = None
    editors_line: str | None = None  # as printed
    editors: list[Contributor] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)  # captions on no article


@dataclass
class RelatedLink:
    """One teaser of a web repost's closing related-links block (相關焦點)."""

    title: str
    teaser: str
    line_start: int
    line_end: int


@dataclass
class Document:
    """Everything parsed from one source file."""

    pages: list[Page]
    related_links: list[RelatedLink] = field(default_factory=list)
    script: str = "simplified"
    chrome_lines: int = 0  # lines of web chrome left out of the articles
    warnings: list[str] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        return [a for p in self.pages for a in p.articles]


@dataclass
class Source:
    """One input file, decoded."""

    path: str  # as recorded: relative to the working directory when below it
    name: str
    sha256: str
    encoding: str
    text: str
    size: int
    warnings: list[str] = field(default_factory=list)


@dataclass
class Mention:
    """A person named in a piece of text (found by ``people.find_people``)."""

    name: str  # as printed
    role: str | None  # role or title as printed: 区长, 党工委书记, 业主, 居民
    organization: str | None  # as printed, when printed: 天元区, 株洲高新区
    sentence: str
    start: int  # character offsets of the name in the text searched
    end: int
    # The fullest form of the name the article prints, when this one is a
    # part of it: "巴兹" of "巴兹·奥尔德林" (the person's row is that name's).
    full_name: str | None = None


@dataclass
class Figure:
    """A quantity in a piece of text (found by ``figures.find_figures``)."""

    raw: str  # as printed: 80亿元, 3万余人, 31.2%, 200—800元/月
    # normalized: 80亿元 → 8000000000.0; a range gives its low end; None when the
    # numeral cannot be read (or overflows a float): never a wrong number
    value: float | None
    unit: str  # base unit: 元, 人, %, 台, 元/月
    unit_raw: str  # unit as printed: 亿元, 万余人
    approx: bool  # 余, 多, 近, 超过, 以上, 逾 …
    sentence: str
    start: int
    end: int
    value_high: float | None = None  # the high end of a range
    measure: str | None = None  # what is counted, when it can be told: 民生支出


@dataclass(frozen=True)
class Place:
    """A unit of the gazetteer (``extract.places``)."""

    name: str  # canonical, simplified: 芦淞区, 学林街道
    kind: str  # a key of places.KINDS
    district: str  # the county-level unit it lies in; itself for one
    aliases: tuple[str, ...] = ()  # other spellings, folded: 芦淞, 株洲县


@dataclass(frozen=True)
class PlaceHit:
    """A place named in a piece of text (found by ``places.find_places``)."""

    place: Place
    printed: str  # as printed: 蘆淞區
    sentence: str  # the sentence it stands in, as printed
    start: int  # offsets in the text searched
    end: int


@dataclass(frozen=True)
class Keyword:
    """One of an article's strongest words (``topics.keywords``)."""

    word: str  # simplified script
    weight: float  # TF-IDF: the word's share of the article's words × its IDF


T = TypeVar("T")


@dataclass
class Located(Generic[T]):
    """A hit with where it stands in the source file."""

    item: T
    line_start: int
    line_end: int
    caption: int | None  # index into the article's captions, for a hit in one


@dataclass
class Found:
    """Everything the extractors find in one article (``extract.article``)."""

    mentions: list[Located[Mention]]
    figures: list[Located[Figure]]
    places: list[Located[PlaceHit]]
    keywords: list[Keyword]
    # Names printed in the article's bylines and credits that are no person
    # (台湾网 摄, 记者/返回), as name_key()s: the parser reads them by their
    # place in the line, the recogniser tells what they are.
    not_people: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Provenance:
    """What ``sources`` records of the values given and chosen for a file."""

    url: str | None
    page: str | None
    given: str | None  # JSON, as compared on the next run
    date_from: str | None  # option | manifest | text | filename
    publication_from: str | None  # option | manifest | text
