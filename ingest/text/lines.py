"""Recognisers for single lines of page text: dates, editor lines, bylines,
photo credits and headline-like lines.

Every function matches on the folded text (simplified, half-width; see
``fold``) and slices the text as printed, so 「記者/劉震 攝」 and 「记者/刘震 摄」
are read alike and stored as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import Contributor
from ingest.text.bylines import (
    assign_organisation,
    organisation,
    padded_place,
    parse_web_byline,
)
from ingest.text.captions import credited_people, strip_mark, web_credit
from ingest.text.chrome import chrome_rule, is_edition_page
from ingest.text.dates import GLUED_SITE_ENDS, Stamp, find_date
from ingest.text.fold import CJK, fold
from ingest.text.surnames import name_shaped
from ingest.text.writers import PROVINCES, name_before_affiliation, source_name

# Reporter roles as printed in bylines, longest first so 全媒体记者 wins over 记者.
BYLINE_ROLES = (
    "全媒体记者",
    "首席记者",
    "特约记者",
    "见习记者",
    "摄影记者",
    "记者",
    "通讯员",
    "实习生",
)
# Roles in a page's credit line: 责任编辑:尹二荣 美术编辑:赵强 校对:马晴春
EDITOR_ROLES = ("责任编辑", "美术编辑", "校对", "编辑", "审核", "终审", "版式")
# Lead boxes printed above an article's headline (seed 000: ### 核心阅读): a
# section of the article that follows, never a headline of their own.
LEAD_BOX_HEADINGS = {"核心阅读", "编者按", "导读", "阅读提示"}

SENTENCE_END = "。！？!?…;；"
CLOSERS = '”’"」』)）》'

_ROLE = "|".join(BYLINE_ROLES)
_NAME = f"(?!{_ROLE}|通讯员|受访者)[{CJK}]{{2,4}}"
_NAMES = f"{_NAME}(?:[ \u3000]+{_NAME})*"
_PAIR = f"(?:{_ROLE})\\s*/\\s*{_NAMES}"
_PAIR_RE = re.compile(f"({_ROLE})\\s*/\\s*({_NAMES})")
BYLINE_RE = re.compile(
    f"^(?P<paper>株洲日报|本报讯?)?\\s*(?P<open>\\()?\\s*"
    f"(?P<pairs>{_PAIR}(?:\\s+{_PAIR})*)\\s*(?P<close>\\))?\\s*"
)
# A web repost's bare byline, a two-character name padded to three: "戴 鵬".
BARE_NAME_RE = re.compile(f"^[{CJK}] [{CJK}]$")

# What a print page's date line prints after the date: "星期五 电话:22527655".
_DATE_TRAILER_RE = re.compile(r"^(?:星期[一二三四五六日天])?\s*(?:电话\s*:\s*[\d-]+)?$")
# A web repost's date line names its publication after the date: "2020-12-12 華聲在線".
# A portal's self-media page prints instead the place the post was sent from,
# "2019年02月20日 02:26:00 来自北京" ("2023-05-01 10:20 来自湖南"): a place, no source.
# An aggregator prints the province after a dot, "2024-03-05 19:00·湖南", and a
# WeChat post "2024-03-05 19:00 发表于湖南": a place too (session 22).
_SENT_FROM_PLACE_RE = re.compile(f"^(?:(?:来自|发表于)[{CJK}]{{2,4}}|(?:{'|'.join(PROVINCES)}))$")
_DISPATCH_AFTER_AGENCY_RE = re.compile(f"(?<=社)\\s+[{CJK}]{{1,8}}\\d{{1,2}}日电$")
_PLACE_AFTER_NAME_RE = re.compile(f"\\s+(?:来自|发表于)[{CJK}]{{2,4}}$")
MAX_DATE_LINE_PUBLICATION = 20
_TOOLS_GAP_RE = re.compile(r"\s{2,}")
MAX_DATE_LINE_TOOLS = 60
# A name of two to four characters that is no paper's or site's.
_PEN_NAME_RE = re.compile(f"^[{CJK}]{{2,4}}$")
_PAPER_END_RE = re.compile(r"(?:报|网|社|台|刊|在线|新闻|频道|号)$")
# A tag after the source's name: "株洲网[综合]", "湘东在线【原创】".
_TAG_RE = re.compile(r"[\[【][^\]】]{1,4}[\]】]$")

_EDITOR_RE = re.compile(f"({'|'.join(EDITOR_ROLES)})\\s*:\\s*({_NAME})")

# A credit stands apart from the caption's words (after 。, a space, a bracket):
# "…后置双摄" (a phone's two cameras) or "…监控摄像" name no photographer.
_CREDIT_RE = re.compile(
    f"(?<![{CJK}A-Za-z0-9])(?P<credit>(?:(?P<role>{_ROLE}|通讯员|受访者)\\s*/?\\s*)?"
    f"(?P<names>{_NAMES})?\\s*(?P<verb>摄|供图))\\)?\\s*$"
)
_NOTE_CREDIT_RE = re.compile(r"\((?P<credit>[^()]*提供)\)\s*$")


@dataclass
class Byline:
    printed: str  # the byline as printed, without the paragraph text after it
    contributors: list[Contributor]
    rest: str  # paragraph text after an inline byline ("" for a byline line)
    publication: str | None


@dataclass(frozen=True)
class DateLine:
    date: str  # ISO 8601
    time: str | None
    publication: str | None


_AGE_BESIDE_DATE_RE = re.compile(r"\s+(?:发布于\s*)?\d{1,2}\s*(?:分钟|小时|天)前\s+(?=\d{4}\D)")


def parse_date_line(text: str) -> DateLine | None:
    """A line that opens with a date, in any form ``dates`` reads.

    Print pages: "2019年9月20日 星期五 电话:22527655"; web reposts:
    "2020-12-12 華聲在線", "2025-07-04 11:27:48", "06.02.2015 17:21". A
    sentence that opens with a date ("2019年9月20日,市委…") is not one.
    """
    # A portal's address before the date: "http://ent.qq.com  2009年11月09日11:30
    # 腾讯音乐" (the site's own URL, printed as its mark on the story's date line).
    printed = _SITE_URL_RE.sub("", text.strip())
    # A platform's age of the post beside the date it prints: "荷塘发布  发布于 3
    # 天前  2024/05/06 14:32" (搜狐号, session 25) — the date is the date.
    printed = _AGE_BESIDE_DATE_RE.sub("  ", printed)
    folded = fold(printed)
    stamp = find_date(folded)
    if stamp is None:
        return None
    if stamp.start != 0:
        return named_date_line(printed, folded, stamp)
    rest = folded[stamp.end :].strip()
    if _DATE_TRAILER_RE.match(rest) or page_furniture(rest):
        return DateLine(stamp.date, stamp.time, None)
    # a separator first: "2019-05-17   ·   湘东在线"
    lead = len(rest) - len(rest.lstrip("·|•/-— \t"))
    rest = rest[lead:]
    if _SENT_FROM_PLACE_RE.match(rest):
        return DateLine(stamp.date, stamp.time, None)
    # the place it was posted from after the account's name: "2022-06-02 09:52:19政能亮
    # 来自北京市" (凤凰网's column, the ninth held-out set; session 25)
    rest = _PLACE_AFTER_NAME_RE.sub("", rest)
    # or the agency's dispatch line: "2018-02-28 14:31中央社 澎湖縣28日電" (聯合新聞網, the
    # fifteenth held-out set): the agency is the source
    rest = _DISPATCH_AFTER_AGENCY_RE.sub("", rest)
    name_end = len(rest)
    if (gap := _TOOLS_GAP_RE.search(rest)) is not None:
        # A page's tools and counters after the source, a run of spaces
        # between: "2019-09-05 11:10 湘东在线   评论(12)  收藏本文", "… 株洲网[综合]     3".
        if len(rest) - gap.end() > MAX_DATE_LINE_TOOLS or re.search("[。!?]", rest[gap.end() :]):
            return None
        name_end = gap.start()
        if pen_names(rest):
            return DateLine(stamp.date, stamp.time, None)
    name = rest[:name_end]
    if len(name) > MAX_DATE_LINE_PUBLICATION or re.search(r"[,。;:!?、]", name):
        return None
    start = len(printed) - len(printed[stamp.end :].lstrip()) + lead
    publication = _TAG_RE.sub("", printed[start : start + name_end]).strip()
    return DateLine(stamp.date, stamp.time, source_name(publication) or None)


def page_furniture(rest: str) -> bool:
    """Whether what a date line prints after its date (and weekday) is the
    page's furniture, not a source: a digital edition's page, "2023年06月04日
    第05版:市州新闻" (湖南日报), or its menu, "2024年07月12日 星期五 | 首页 |
    版面导航 | 往期回顾" (株洲晚报) — never a site's name, which is the source
    ("2019-05-17 湘东在线")."""
    tail = _WEEKDAY_RE.sub("", rest, count=1).strip(" |丨·")
    rule = chrome_rule(tail) if tail else None
    return is_edition_page(tail.lower()) or rule not in (None, "masthead")


def pen_names(rest: str) -> bool:
    """Whether what a date line prints after its date, with runs of spaces
    between, is its writers' pen names ("2024-03-05 09:30   江小鱼   湘妹子"),
    not a source and its page tools: names alike, no paper or tool among them."""
    parts = _TOOLS_GAP_RE.split(rest.strip())
    return len(parts) >= 2 and all(
        _PEN_NAME_RE.match(p) and not _PAPER_END_RE.search(p) and chrome_rule(p) is None
        for p in parts
    )


# The name before the date: an aggregator's "株洲日报 2023年09月09日 07:45", a
# self-media post's "原创 炎陵那些事 2024-10-02 19:20 湖南" (原创, the account,
# the time, the province the post was sent from), or the digital edition's
# page header "株洲日报 2024年01月08日 第A02版:要闻" (the page after the date,
# perhaps after the weekday: ``chrome.is_edition_page``).
_SITE_URL_RE = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)+(?:com|cn|net|org)(?:\.cn)?/?\s+", re.I)
# A WeChat post names its writer before its account after 原创: "原创 王悦然
# 株洲发布 2024-03-05 19:00 发表于湖南" (the account is the publication).
# A site's name may be glued to the date (``dates.GLUED_SITE_ENDS``).
# "原创:39健康网2024-04-23 12:27:25" (session 24): 原创 with a colon, and a
# site whose name opens with digits glued to the date.
_NAMED_DATE_RE = re.compile(
    r"^(?:原创(?:\s+|:\s*)(?:[^\s,。;:!?、\d]{2,16}\s+)?)?"
    # the name in brackets too: "[省发改委]   2016-04-01" (a provincial portal)
    rf"[\[【]?(?P<name>[^\s,。;:!?、\d\[\]【】]{{2,16}}|\d{{1,4}}[^\s,。;:!?、\d]{{0,12}}[{GLUED_SITE_ENDS}])[\]】]?"
    rf"(?:\s+|(?<=[{GLUED_SITE_ENDS}]))$"
)
_SENT_FROM_RE = re.compile(rf"^[{CJK}]{{0,4}}$")
_WEEKDAY_RE = re.compile(r"^星期[一二三四五六日天]")


def named_date_line(printed: str, folded: str, stamp: Stamp) -> DateLine | None:
    """A line that names its publication, then the date (a space between,
    so "今天是2023年9月9日" is none), perhaps a province after it."""
    m = _NAMED_DATE_RE.match(folded[: stamp.start])
    rest = folded[stamp.end :].strip()
    after_weekday = _WEEKDAY_RE.sub("", rest, count=1).strip()
    # the page's font buttons after it: "[省发改委]   2016-04-01   字号:T  |  T"
    # (福建省人民政府, the eleventh held-out set; session 25)
    trailer_ok = (
        _SENT_FROM_RE.match(rest)
        or _SENT_FROM_PLACE_RE.match(rest)
        or (bool(rest) and chrome_rule(rest) == "font size")
    )
    if m is None or not (trailer_ok or is_edition_page(after_weekday.lower())):
        return None
    return DateLine(stamp.date, stamp.time, source_name(printed[m.start("name") : m.end("name")]))


def parse_editors(text: str, line: int) -> list[Contributor] | None:
    """Editors with their roles from "责任编辑:尹二荣 美术编辑:赵强 校对:马晴春"."""
    folded = fold(text)
    if "责任编辑" not in folded:
        return None
    return [
        Contributor(name=text[m.start(2) : m.end(2)], role=text[m.start(1) : m.end(1)], line=line)
        for m in _EDITOR_RE.finditer(folded)
    ]


def _contributors(printed: str, folded: str, line: int) -> list[Contributor]:
    found = []
    for m in _PAIR_RE.finditer(folded):
        role = printed[m.start(1) : m.end(1)]
        for n in re.finditer(_NAME, folded[m.start(2) : m.end(2)]):
            a, b = m.start(2) + n.start(), m.start(2) + n.end()
            found.append(Contributor(name=printed[a:b], role=role, line=line))
    return found


_PADDED_NAME_RE = re.compile(
    rf"(?:(?<=\s\s)|(?<=\u3000))([{CJK}])[ \u3000]{{1,2}}([{CJK}])(?=\s{{2}}|\u3000|$)"
)


def parse_byline(text: str, line: int) -> Byline | None:
    """A byline line ("株洲日报全媒体记者/谭昕吾 通讯员/张弥郁") or a paragraph
    that opens with one ("株洲日报(全媒体记者/刘琼 通讯员/顾言心)近日,…").

    The closing bracket alone also counts as inline: seed 003 prints
    "株洲日报全媒体记者/李逸峰 通讯员/李青菁)弘扬中医药文化…".
    """
    # A paper's byline pads two-character names to three: "本报记者  王乐文
    # 方  敏" (人民日报, the eighth held-out set; session 24).
    if (unpadded := _PADDED_NAME_RE.sub(r"\1\2", text)) != text:
        found = parse_byline(re.sub(r"[ \u3000]{2,}", " ", unpadded), line)
        if found is not None and len(found.contributors) > 1:
            return found
    folded = fold(text)
    m = BYLINE_RE.match(folded)
    if m is None:
        if paper_inside := bracketed_paper_byline(text, line):
            return paper_inside
        if labelled := labelled_byline(text, line):
            return labelled
        if web := parse_web_byline(text, line):
            return Byline(*web)
        # a name's shape too: "发 布" is a comment box's button, spaced alike
        bare = folded.strip()
        if (
            BARE_NAME_RE.match(bare)
            and not padded_place(folded)
            and name_shaped(bare.replace(" ", ""))
        ):
            name = text.strip()
            return Byline(name, [Contributor(name=name, role="作者", line=line)], "", None)
        return None
    rest = text[m.end() :].strip()
    if rest and not m.group("close"):
        return None  # a sentence that merely starts with a role word
    printed = text[: m.end()].strip()
    paper = text[m.start("paper") : m.end("paper")] if m.group("paper") else None
    people = _contributors(text, folded, line)
    org = organisation(paper) if paper else None  # 本报: the page's paper, told by the page
    assign_organisation(people, org)
    return Byline(printed, people, rest, org)


def bracketed_paper_byline(text: str, line: int) -> Byline | None:
    """A byline in brackets that names its paper inside them, closing an
    aggregator's copy: "(株洲晚报融媒体记者 谭琪 通讯员 龙斌)" — the paper is
    the newsroom, not part of 谭琪's role, as on a line of its own."""
    printed = text.strip()
    if not (fold(printed[:1]) == "(" and fold(printed[-1:]) == ")"):
        return None
    inner = parse_byline(printed[1:-1], line)
    if inner is None or inner.rest or inner.publication is None:
        return None
    return Byline(printed, inner.contributors, "", inner.publication)


# An author field that holds a byline or a writer's affiliation (session 22): a
# blog's "作者：《中国企业家》记者 林涛", a theory page's closing "(作者：方敏
# 北京大学经济学院教授)" (``surnames.name_before_affiliation``).
_AUTHOR_LABEL_RE = re.compile(r"^\(?\s*(?:作者|撰文)\s*:\s*(?P<rest>[^()]+?)\s*\)?$")


def labelled_byline(text: str, line: int) -> Byline | None:
    """The writer an author field names in a byline's form or with the place
    they work (``_AUTHOR_LABEL_RE``), or None."""
    printed = text.strip()
    m = _AUTHOR_LABEL_RE.match(fold(printed))
    if m is None:
        return None
    start, end = m.span("rest")
    rest = printed[start:end]
    inner = parse_byline(rest, line)
    if inner is not None and not inner.rest and inner.contributors:
        return Byline(printed, inner.contributors, "", inner.publication)
    if (name := name_before_affiliation(rest)) is not None:
        return Byline(printed, [Contributor(name=name, role="作者", line=line)], "", None)
    return None


_GALLERY_COUNTER_RE = re.compile(r"\s*\(\d{1,2}\s*/\s*\d{1,2}\)$")


def split_credit(text: str) -> tuple[str, str | None, list[Contributor]]:
    """Split a caption into (text, credit, photographers).

    "芦淞区两城“生命通道”建成通车。康水梅 摄" → text, "康水梅 摄", [康水梅];
    "…的幸福“食”光。记者/谭昕吾 摄" → credit "记者/谭昕吾 摄";
    "…升腾产业的“强声浪”。通讯员供图" → credit "通讯员供图", nobody named;
    "株洲夜景。(本版圖片除署名外均由株洲市委宣傳部提供)" → the note is the credit;
    "(游客在溪边戏水。谭小慧 摄)", a caption wholly in brackets → both go.
    """
    # A gallery's counter after its caption, "…红砖厂房。(1/2)", is its pager's.
    if m := _GALLERY_COUNTER_RE.search(fold(text)):
        text = text[: m.start()]
    found = credit_parts(text)
    body, credit, _ = found
    # Only where the credit patterns left the opening bracket on the text, or
    # took the whole line as the credit ("(江边夜景 刘一凡摄)" named 江边夜景 a
    # photographer): a credit alone in brackets ("(通讯员/供图)") reads the same.
    if credit is not None and (not body or body.startswith(("(", "（"))):
        inner = bracketed(strip_mark(text)[0])
        if inner is not None and (again := credit_parts(inner))[1] is not None:
            return again
    return found


def credit_parts(text: str) -> tuple[str, str | None, list[Contributor]]:
    """``split_credit`` of a caption not wholly in brackets."""
    if web := web_credit(text):
        return web
    stripped, _ = strip_mark(text)
    folded = fold(stripped)
    if m := _NOTE_CREDIT_RE.search(folded):
        return stripped[: m.start()].strip(), stripped[m.start("credit") : m.end("credit")], []
    m = _CREDIT_RE.search(folded)
    if m is None:
        return stripped, None, []
    start = m.start("credit")
    # "(通讯员/供图)": drop the brackets around a credit.
    body = stripped[:start].rstrip()
    credit = stripped[start:].strip()
    if body.endswith(("(", "（")) and credit.endswith((")", "）")):
        body, credit = body[:-1].rstrip(), credit[:-1]
    elif credit.endswith((")", "）")) and "(" not in credit and "（" not in credit:
        credit = credit[:-1]
    role = stripped[m.start("role") : m.end("role")] if m.group("role") else None
    people = []
    if m.group("names"):
        span = (m.start("names"), m.end("names"))
        people = credited_people(stripped, folded, span, role, None)
    if not people and role is None and m.group("names") is None and not body:
        return stripped, None, []
    return body, credit, people


def bracketed(text: str) -> str | None:
    """What one pair of brackets around the whole of *text* holds: a web page
    prints a photo's caption and credit in one ("(游客在神农谷溪边戏水。谭小慧
    摄)"), where the credit patterns took the closing bracket only and left
    the opening one on the caption. No bracket may stand inside: "(图)…(摄)"
    is two."""
    folded = fold(text)
    inner = folded[1:-1]
    if folded[:1] == "(" and folded[-1:] == ")" and "(" not in inner and ")" not in inner:
        return text[1:-1].strip()
    return None


def ends_sentence(text: str, after: bool = False) -> bool:
    """True when *text* ends where a paragraph may end (。, ！, ……, 。” …):
    the last character before its closing marks ends a sentence.

    A text of closing marks only ends a sentence when the text it continues
    does: *after* says whether it does, so a paragraph joined line by line is
    judged by its last line alone (a paragraph of 10,000 lines with no
    sentence end was folded and scanned whole at every line: quadratic).
    One ``rstrip``, not a loop slicing off a closing mark at a time, which
    was quadratic on a line of 100,000 "”".
    """
    t = fold(text).rstrip().rstrip(CLOSERS)
    return t[-1] in SENTENCE_END if t else after


# A field of a notice's or an event's info box: "活动时间:6月1日9:00",
# "主办单位:株洲市文旅广电局", "咨询电话:0731-22881234", "报名方式:…" — the
# label names a field, its value follows; no headline (a headline's colon
# follows a place or a speaker: "株洲:打造…", "王林辉:…").
# The label's own words first, so a subheading "第一时间:…" or "生活方式:…" heads.
FIELD_LINE_RE = re.compile(
    r"^(?:活动|比赛|赛事|展览|演出|报名|开幕|举办|参赛|参展|会议|培训|讲座|考试|招聘|咨询|联系"
    r"|投诉|监督|举报|服务|办理|开放|主办|承办|协办|指导|支持|参加|报名截止)?"
    r"(?:时间|地点|单位|对象|方式|电话|主题|日期|地址|展期|费用|名额|热线)\s*:\s*\S"
)


def is_field_line(text: str) -> bool:
    return bool(FIELD_LINE_RE.match(fold(text).strip()))


def looks_like_headline(text: str, max_len: int = 32) -> bool:
    """A short line that reads as a headline or subheading, not as body text.

    Unmarked pages (seeds 001, 003) print subheadings as plain lines:
    "全面推行河长制 人与自然和谐共生", "幸福,是一座城市對文明的追求". Body text
    broken by a column can also leave a short unpunctuated line, but it reads as
    a list: "千群联手推动基层自治、精准就业" continues after the break, so a line
    with an enumeration comma is never a headline.
    """
    t = fold(text).strip()
    if not t or len(t) > max_len or ends_sentence(t) or FIELD_LINE_RE.match(t):
        return False
    return not ("、" in t or "。" in t or t[-1] in ",:;")


def is_short_caption(text: str) -> bool:
    """A short noun phrase ending in 。 with no other punctuation: the web repost
    (seed 001) prints credit-less captions such as "文明勸導。" between
    paragraphs with no photo gap around them."""
    t = fold(text).strip()
    return 2 < len(t) <= 16 and t.endswith("。") and not re.search(r"[,;:、!?。]", t[:-1])
