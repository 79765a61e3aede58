"""Related-links blocks of web pages: the heading that opens one (相关阅读,
【相关新闻】, 延伸阅读:) and the teaser lines that may follow it.

A heading alone proves nothing: a page file that strings many stories together
prints 相关阅读 and then whole stories, each with its own headline and byline
(issue 11: a 15.8 MB file kept 2 of ~1,000 articles when everything after
the heading was taken for links). So the parser takes as teasers only lines of
a teaser's own shapes, recognised here:

- a bulleted title, "• 株洲工業旅遊,遊個啥?" (seed 001's 相關焦點 block),
  with its teaser text on the lines right under it;
- a title with a date beside it, "醴陵举办陶瓷文化周 2023-05-12",
  "[05-12] 醴陵举办陶瓷文化周";
- a link, "http://…";
- a run of short title lines that ends the file or runs into one of the above
  (a story's headline runs into its byline or its first paragraph instead).

A page's lists of other stories with no heading at all — headlines under the
story's closing 编辑 line, a ranking with each story's counts — are told by
``is_listed``: a line such a list holds (the parser judges where it stands).
"""

from __future__ import annotations

import re

from ingest.text.fold import fold
from ingest.text.lines import CLOSERS

# The headings, folded, without brackets or a closing colon.
RELATED_LINKS_MARKERS = frozenset(
    {
        "相关焦点",
        "相关阅读",
        "相关新闻",
        "相关链接",
        "相关报道",
        "相关文章",
        "延伸阅读",
        "推荐阅读",
        # gov.cn's list under its story (session 23's sixth held-out set)
        "相关稿件",
    }
)
BULLETS = "•·●◆■▪*-"
MAX_TEASER_TITLE = 60

_BRACKETS_RE = re.compile(r"^[\[【〔(]?\s*(?P<word>[^\]】〕)]*?)\s*[\]】〕)]?\s*:?$")
_DATE = r"(?:\d{4}[-./年])?\d{1,2}[-./月]\d{1,2}日?(?:\s+\d{1,2}:\d{2})?"
_DATED_RE = re.compile(
    rf"^(?:[\[(]?(?P<before>{_DATE})[\])]?\s+(?P<t1>\S.*)|(?P<t2>.*?\S)\s*[\[(]?(?P<after>{_DATE})[\])]?)$"
)
# A field's label takes its colon: "五部门联合发布:2月末…" is a headline.
_METADATA_WORD_RE = re.compile(r"(?:作者|编辑|发布时间|发布日期|时间)\s*:|来源")
_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$")
_SENTENCE_END = "。!?;…"
_TITLE_CANNOT_END = "。;…"


# The heading may print the story's tags after it, the layout's gaps between:
# "相关阅读        湖南省   生猪   稳产保供" (an aggregator, session 23's fifth
# held-out set).
_TAGS_GAP_RE = re.compile(r"\s{2,}|\t")
MAX_TAG = 6


def is_marker(text: str) -> bool:
    """相关阅读, 【相关新闻】, [相关链接], 延伸阅读: …"""
    folded = fold(text).strip()
    head, *tags = _TAGS_GAP_RE.split(folded)
    if tags and all(0 < len(t.strip()) <= MAX_TAG for t in tags if t.strip()):
        folded = head
    if len(folded) > 12:
        return False
    m = _BRACKETS_RE.match(folded)
    return m is not None and m.group("word").strip() in RELATED_LINKS_MARKERS


def bulleted_title(text: str) -> str | None:
    stripped = text.strip()
    if len(stripped) > 1 and stripped[0] in BULLETS and len(stripped) <= MAX_TEASER_TITLE:
        title = stripped[1:].strip()
        return title or None
    return None


def dated_title(text: str) -> tuple[str, str] | None:
    """(title, date as printed) of a teaser printed with its date."""
    stripped = text.strip()
    if len(stripped) > MAX_TEASER_TITLE + 20:
        return None
    m = _DATED_RE.match(fold(stripped))
    if m is None:
        return None
    if m.group("before"):
        title, date = stripped[m.start("t1") :], stripped[m.start("before") : m.end("before")]
    else:
        title, date = stripped[: m.end("t2")], stripped[m.start("after") : m.end("after")]
    title = title.strip()
    # A headline may ask or exclaim ("…万洲国际业绩稳了?2023-03-31", an
    # aggregator's list, session 23); a sentence closes with 。. A list cuts a long
    # title with … before its date: "博雅育人 | 德育楷模风采录(第二期)施笑程:德育之路,…[07-03]"
    # (a school's news column, the twelfth held-out set; session 25).
    cannot_end = _TITLE_CANNOT_END if m.group("before") else "。;"
    if not title or fold(title)[-1] in cannot_end or len(title) < 4:
        return None
    if _METADATA_WORD_RE.search(fold(title)):  # "2023-07-24 来源:株洲日报" is no teaser
        return None
    return title, date


def is_link(text: str) -> bool:
    return _URL_RE.match(text.strip()) is not None


def is_short_title(text: str) -> bool:
    t = fold(text).strip()
    return 0 < len(t) <= MAX_TEASER_TITLE and t[-1] not in _SENTENCE_END + ",:"


def is_teaser_shape(text: str) -> bool:
    """A line only a teaser takes: bulleted, dated or a link."""
    return bulleted_title(text) is not None or dated_title(text) is not None or is_link(text)


# What a listed story carries after its headline on the same line: its
# counts ("…撕破脸了评论 55   赞 54", "…衰落?评论 15"), as a news site's
# "most read" box prints them.
_COUNTS_TAIL_RE = re.compile(r"(?:\s*(?:评论|赞|阅读|跟贴)\s*\d+(?:\.\d+)?万?)+$")


def is_listed(text: str) -> bool:
    """A line a list of other stories holds: one headline, perhaps with its
    date or counts beside it ("醴陵举办陶瓷文化周 2023-05-12", "…什么意思?
    评论 55 赞 3"), or a column's short tagline — at most one sentence, so
    no 。 or ; before its end ("我是一名营养师,吃什么能降血脂,问吧!" is
    one; a story's paragraph of two sentences is none)."""
    t = _COUNTS_TAIL_RE.sub("", fold(text).strip())
    dated = dated_title(t)
    if dated is not None:
        t = fold(dated[0])
    body = t.rstrip(CLOSERS + "】]" + _SENTENCE_END)
    return 0 < len(t) <= MAX_TEASER_TITLE and not re.search("[。;]", body)
