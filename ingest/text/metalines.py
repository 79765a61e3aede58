"""Metadata lines of web pages: the date, publication, authors and editors a
page prints as labelled fields rather than as text.

"2023-07-24 15:13 来源:株洲日报 作者:王小川 编辑:李青", "发布时间:2019-07-22",
"發布日期:2012年06月25日 08:47:00", "[来源: 红网]", "责任编辑:周敏",
"一审:刘一 二审:陈二 三审:张三". A line is metadata only when it is made of
such fields as a whole (a bare date may open it; counters and font-size
controls may stand among them): a sentence that says 来源 stays a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.text import dates
from ingest.text.chrome import chrome_rule
from ingest.text.fold import CJK, fold
from ingest.text.surnames import name_shaped
from ingest.text.writers import PROVINCES, account_owner, name_before_affiliation, source_name

# (label, field), longest first within a field so 来源于 wins over 来源.
LABELS = (
    ("发布时间", "date"),
    ("发布日期", "date"),
    ("发表时间", "date"),
    ("发表于", "date"),
    # when the desk sent it: "发稿时间：2024-05-13 06:03:00 来源：中国青年报"
    # (中国青年网, ninth held-out set; session 25), "发稿日期:"
    ("发稿时间", "date"),
    ("发稿日期", "date"),
    # Taiwan's papers (the fifteenth held-out set; session 25): "出版時間：2016/05/21 11:44"
    # (蘋果日報), "最新更新：2016/03/19 10:48" (中央社)
    ("出版时间", "date"),
    ("最新更新", "date"),
    ("发布于", "date"),
    ("更新时间", "date"),
    ("最后更新", "date"),
    ("时间", "date"),
    ("日期", "date"),
    ("信息来源", "publication"),
    # a county office's notice: "发布时间:2024-09-03 11:20  稿件来源:攸县…局"
    # (session 24); a portal's "文章来源:", an aggregator's "新闻来源:"
    ("稿件来源", "publication"),
    ("文章来源", "publication"),
    ("新闻来源", "publication"),
    ("本文来源", "publication"),
    ("来源于", "publication"),
    ("来源", "publication"),
    ("稿源", "publication"),
    ("出处", "publication"),
    ("作者", "author"),
    ("执笔", "author"),
    ("采写", "author"),
    ("文", "author"),
    ("责任编辑", "editor"),
    ("值班编辑", "editor"),
    ("编辑", "editor"),
    ("责编", "editor"),
    # the editor who picked a repost: "来源:上海奉贤 选稿:许文杰" (东方网, session 24)
    ("选稿", "editor"),
    ("选编", "editor"),
    # A column's credits beside the story: "策划：杨某 编辑：某某" (a portal's
    # column page), "统筹：李青 编辑：王小川"; the planner is read as an editor.
    ("策划", "editor"),
    ("统筹", "editor"),
    ("一审", "editor"),
    ("二审", "editor"),
    ("三审", "editor"),
    ("终审", "editor"),
    ("审核", "editor"),
    ("校对", "editor"),
    # a county site's and an account's desk (session 23): "编审:钟海燕",
    # "监制:丁卫东"; "出品:醴陵市融媒体中心" names the unit that made it
    ("编审", "editor"),
    ("监制", "editor"),
    # a commentary column's credits under it (凤凰网, the ninth held-out set;
    # session 25): "总监制：邹 明" / "监 制：高明勇" / "审 读：崔向升" / "责编：…"
    ("总监制", "editor"),
    ("审读", "editor"),
    ("出品", "maker"),
    # A repost's note of the headline its source printed: "原标题:渌江大桥提前
    # 半年合龙 …" (网易号), "原标题:《泥巴变瓷器!…》" (WeChat) — a field, no
    # headline of the page (session 23).
    ("原标题", "original title"),
    # A government site's table of a document's facts over its text (政务公开, session 25's
    # second fixtures): "索引号：430224-05-2024-0031" / "发文机关：茶陵县农业农村局" / "文号：
    # 茶农发〔2024〕12号" / "成文日期：…" / "发布日期：…" / "标题：…". The body that issued it
    # is the source, 发布日期 the page's date; the others are read and kept as printed.
    ("发文机关", "publication"),
    ("索引号", "original title"),
    ("文号", "original title"),
    ("成文日期", "original title"),
    ("标题", "original title"),
    # A story's tags under it: "关键字:LPR" (caijing, session 24); not 关键词, a
    # year's review's subheading ("关键词:项目建设").
    ("关键字", "category"),
    ("所属分类", "category"),
    ("分类", "category"),
    ("栏目", "category"),
    ("浏览次数", "counter"),
    # "浏览量:1234" after the author on 株洲新闻网's header row (session 23)
    ("浏览量", "counter"),
    ("点击量", "counter"),
    ("访问量", "counter"),
    ("浏览", "counter"),
    ("阅读量", "counter"),
    ("点击数", "counter"),
    ("阅读", "counter"),
    ("字号", "counter"),
)
_FIELD = dict(LABELS)
_LABEL_ALT = "|".join(sorted(_FIELD, key=len, reverse=True))
_GLUED_ALT = "|".join(sorted((k for k in _FIELD if len(k) > 1), key=len, reverse=True))
# A label stands at the start or after a separator, and takes a colon, a
# slash or a bar ("编辑|周敏"), or, for the editor roles of a footer ("一审
# 刘一"), a space. A label of two characters or more with a colon may also
# follow the field before it with no space: a saved page joins its spans
# ("2021-03-15 09:30来源:醴陵新闻网作者:谭小松"); 图片来源: opens a photo
# credit, not the page's source (``captions.web_credit``).
# A two-character label spaced to the width of a three-character one above it,
# "监 制：高明勇" under "总监制：邹 明", is read with its colon only.
_LABEL_SPACES_RE = re.compile("[ \u3000]")
_SPACED_ALT = "|".join(f"{k[0]}[ \u3000]{k[1]}" for k in _FIELD if len(k) == 2)
_LABEL_RE = re.compile(
    # "︱" too, a vertical bar of presentation forms: "作者︱春春" (a science column)
    # a label in brackets: "【校对】梁飞飞" (南方网 of 2019, the tenth held-out set)
    rf"(?:(?:^|(?<=[\s|丨\[【(]))(?P<label>{_LABEL_ALT})\s*(?::|/|\||丨|︱|\s|(?<=【..)】|(?<=【...)】|(?<=【....)】)"
    rf"|(?:^|(?<=\s))(?P<spaced>{_SPACED_ALT})\s*:"
    rf"|(?<!图片)(?P<glued>{_GLUED_ALT})\s*:)\s*"
)
_SEPARATORS = " \t\xa0\u3000|丨︱[]【】()（）"
_NAME_RE = re.compile(f"^[{CJK}·]{{2,5}}$")
# What a field prints when it names no one (作者:未知, 责任编辑:系统管理员,
# 来源:网络; 作者:网络整理, "compiled from the web", on a trade magazine's
# page, 作者:本站整理): the field is read, and no person is made of it.
NO_ONE = frozenset(
    {"未知", "佚名", "匿名", "不详", "网络", "网友", "本站", "管理员", "系统管理员"}
    | {"网络整理", "本站整理", "综合整理", "网络转载"}
)
# A desk's staff code printed after an editor's name: "责任编辑:韩二 ZZ108",
# or joined to it, "责任编辑:韩二_NB1024".
_STAFF_CODE_RE = re.compile(r"^[A-Za-z]+\d+$")
_JOINED_CODE_RE = re.compile(r"_[A-Za-z]+\d+$")
# A name field may print the paper and role before the name, as a byline
# does: "采写:株洲晚报见习记者 林小沛", "作者:株洲日报全媒体记者 王小川".
_ROLE_WORDS = ("记者", "通讯员", "实习生")
# Several reporters may follow the role: "采写:南都记者 余毅菁 向雪妮" (a city
# paper's story reposted), "作者:某某晚报记者 王小川 李青".
_ROLE_BEFORE_NAME_RE = re.compile(
    f"^[{CJK}]*(?:{'|'.join(_ROLE_WORDS)})\\s*(?P<name>[{CJK}·]{{2,4}}(?:\\s+[{CJK}·]{{2,4}})*)$"
)
# An editor signing in Latin letters, given name and surname capitalised:
# "责编:Demi Xia" (a trade magazine's page), "编辑:Tom Li"; a login in
# lower case ("责任编辑:biaoffeng") stays no name.
_LATIN_NAME_RE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}$")
# An author field may name a body rather than a person (作者:某某党支部): a
# short run of Chinese is read as the field's value, no person made of it.
MAX_AUTHOR_BODY = 12
MAX_METADATA_LINE = 160
MAX_PUBLICATION = 30
# the city in brackets after a source's name (``read_field``); the closing
# bracket may already be stripped as a separator
_CITY_AFTER_SOURCE_RE = re.compile(f"(?<=[^\\s(（])[(（][{CJK}]{{2,4}}[)）]?$")
# A page tool run into the source's name: chinanews's "来源：求是网参与互动"
# (the comment link), "来源：某某网 我要评论(0)".
_PROVINCE_AFTER_SOURCE_RE = re.compile(f"(?<=[{CJK}])\\s+(?:{'|'.join(PROVINCES)})$")
_PAPERS_RE = re.compile(
    f"[{CJK}]{{2,10}}(?:报|网|社|台|客户端)(?:\\s+[{CJK}]{{2,10}}(?:报|网|社|台|客户端))+"
)
_TOOL_AFTER_SOURCE_RE = re.compile(r"\s*(?:参与互动|我要评论|发表评论|举报)(?:\(\d+\)?)?$")
# A source printed before the date with no label, as aggregators print it
# ("湘东在线 2023-04-18 10:05", "原创 醴陵日报 2022-01-05 08:15:30"):
# read only with a time of day, which print pages never give, so a masthead
# line ("株洲日报 2019年9月20日 星期五") keeps its own rule.
# A handle with a bracket before the date is a reader's comment, not a source
# ("湘江边的风[株洲手机网友]2021-06-03 20:09").
_SOURCE_BEFORE_DATE_RE = re.compile(r"^(?:原创\s*)?(?P<source>[^\s,。;:!?、()\[\]【】]{2,20})\s*$")
# A column page prints its author there instead, and a comment counter after
# the time: "王某某 2015-06-21 11:39:55 0人参与评论" (a portal's column),
# "刘晓东 2020-11-05 16:40:12 3条评论". A name's shape (``name_shaped``), or the
# counter, and no paper's ending make it the author; a pen name in Latin letters
# ("somebear 2015-06-19 …") is a handle, neither source nor person.
_PAPER_END_RE = re.compile(r"(?:报|网|社|台|刊|在线|新闻|频道|号)$")
_SITE_END_RE = re.compile(f"[{dates.GLUED_SITE_ENDS}]$")
_HANDLE_RE = re.compile(r"^[a-z][a-z0-9_]+$")


@dataclass
class Metadata:
    printed: str
    date: str | None = None
    time: str | None = None
    publication: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[tuple[str, str]] = field(default_factory=list)  # (role, name) as printed
    # the publication is a 来源 field's (not a name beside the date, an account's)
    labelled_source: bool = False


_PADDED_NAME_RE = re.compile(f"^[{CJK}][ \u3000]{{1,2}}[{CJK}]$")


def _names(value: str) -> list[str] | None:
    """The persons a name field prints ("周敏、李青", "小川&阿青"), without
    the staff codes after them; None when it holds anything but names."""
    if _LATIN_NAME_RE.match(value):
        return [value]
    if _PADDED_NAME_RE.match(value):
        # a two-character name padded to three: "总监制：邹 明" (read as a
        # byline reads "方  敏", joined)
        return [re.sub(r"[ \u3000]", "", value)]
    names = [_JOINED_CODE_RE.sub("", n) for n in re.split(r"[\s、,;&]+", value) if n]
    while len(names) > 1 and _STAFF_CODE_RE.match(names[-1]):
        names.pop()
    if (m := _ROLE_BEFORE_NAME_RE.match(fold(value))) is not None:
        return value[m.start("name") : m.end("name")].split()
    persons = all(_NAME_RE.match(fold(n)) and not n.endswith(_ROLE_WORDS) for n in names)
    return names if names and persons else None


def _dated_fields(printed: str, folded: str) -> Metadata | None:
    """A line of unlabelled fields around a date and time of day, the date
    found once for both forms: the source before it, or source and writer
    glued after it."""
    stamp = dates.find_date(folded)
    if stamp is None or stamp.time is None:
        return None
    return _source_before_date(printed, folded, stamp) or _glued_source_author(
        printed, folded, stamp
    )


def _source_before_date(printed: str, folded: str, stamp: dates.Stamp) -> Metadata | None:
    """ "湘东在线 2023-04-18 10:05": the source, then the date and time."""
    after = folded[stamp.end :].strip()
    if after and not _COUNTER_RE.match(after):
        return None
    m = _SOURCE_BEFORE_DATE_RE.match(folded[: stamp.start])
    if m is None or dates.find_date(m.group("source")):
        return None
    # Run into the date with no space, the source's start is unknown (a
    # section's name may stand before it: 要闻湘东在线2023-…): the date only.
    # A site's name may be glued all the same (``dates.GLUED_SITE_ENDS``).
    glued = m.end("source") == stamp.start and not _SITE_END_RE.search(m.group("source"))
    source = None if glued else printed[m.start("source") : m.end("source")]
    meta = Metadata(printed, stamp.date, stamp.time)
    name = m.group("source")
    if source is None or _HANDLE_RE.match(name):
        return meta
    # With the column's comment counter after the time, a pen name with no
    # paper's ending is the author too: "康斯坦丁 2015-06-25 10:45:52 0人参与评论".
    if (name_shaped(name) or after) and not _PAPER_END_RE.search(name):
        meta.authors.append(source)
    else:
        meta.publication = source_name(source)
    return meta


# A column's closing notice names who let the site publish it: a site or paper
# ("本文为百某网授权网易财经《亦观察》发布，转载请注明出处。…", "本文由湘声报授权
# 株洲网刊发") is the source, a name-shaped writer the author ("本文为王某某
# 授权…发布"). A notice's tail may follow (转载请注明出处, 本文仅为作者观点).
_AUTHORISED_RE = re.compile(
    r"^本文(?:为|由)(?P<who>[^\s,。;:!?《》]{2,12}?)授权[^,。;]{2,30}?(?:发布|刊发|刊登|转载)"
    r"(?:[,。;](?P<tail>.{0,40}))?$"
)


# The paper and day a web story was printed in, under its text: a national
# paper's site closes "《光明日报》(2024年03月05日 04版)", "《人民日报》(2024年03月05日
# 第07版)" (session 22).
_PRINTED_IN_RE = re.compile(
    r"^《(?P<paper>[^《》]{2,12})》\s*\(\s*(?P<date>[^()]{6,16}?)\s*(?:第?\s*\d{1,3}\s*版)?\s*\)$"
)


def _printed_in(printed: str, folded: str) -> Metadata | None:
    """The publication and date of a "《paper》(date page)" line, or None."""
    m = _PRINTED_IN_RE.match(folded)
    if m is None or (stamp := dates.find_date(m.group("date"))) is None:
        return None
    return Metadata(
        printed, date=stamp.date, publication=printed[m.start("paper") : m.end("paper")]
    )


def _authorised(printed: str, folded: str) -> Metadata | None:
    """The source or writer a column's closing notice names, or None."""
    m = _AUTHORISED_RE.match(folded)
    if m is None:
        return None
    who = printed[m.start("who") : m.end("who")]
    if _PAPER_END_RE.search(m.group("who")):
        return Metadata(printed, publication=who)
    if name_shaped(m.group("who")):
        return Metadata(printed, authors=[who])
    return None


# A run of fields split by bars, each label glued to its value with no colon
# and counters among them: "发表于2014-08-24 21:30| 1164次阅读| 来源CSDN|
# 0 条评论| 作者魏星" (a trade site's story), "发布于2020-03-02 | 来源某某网
# | 作者王小川". Read only when every field is a label's or a counter, and
# there are three or more: a sentence holds no bars.
_BAR_RE = re.compile(r"[|丨]")
_COUNTER_RE = re.compile(
    r"^\d+\s*(?:次阅读|次浏览|次点击|人阅读|人浏览|条评论|人评论|人参与评论|人参与|人跟贴)$"
)
_GLUED_LABEL_RE = re.compile(rf"^(?:{_GLUED_ALT})(?![\s:])")
MIN_BAR_FIELDS = 3


def _bar_fields(printed: str) -> Metadata | None:
    """The fields of a bar-split run with its labels glued to their values."""
    parts = [p.strip() for p in _BAR_RE.split(printed)]
    if len([p for p in parts if p]) < MIN_BAR_FIELDS:
        return None
    labelled = []
    for part in filter(None, parts):
        folded = fold(part)
        if _COUNTER_RE.match(folded):
            continue
        if (m := _GLUED_LABEL_RE.match(folded)) is None:
            return None
        labelled.append(f"{part[: m.end()]}:{part[m.end() :]}")
    meta = parse_metadata(" | ".join(labelled)) if labelled else None
    if meta is not None:
        meta.printed = printed
    return meta


# qq's info row of 2012, its spans saved with no space between: "2012年07月07日
# 09:47环球时报单仁平我要评论(0)", "…09:30中国新闻网戚亚平我要评论(0)" — the date and
# time, the source (a paper's or site's ending), its writer, the comment link
# (session 23's sixth held-out set). Only glued to the time: with a space,
# "2024-03-05 人民网湖南" is a date line naming its source.
_GLUED_SOURCE_AUTHOR_RE = re.compile(
    f"^(?P<source>[{CJK}]{{2,12}}?(?:报|网|社))(?P<author>[{CJK}]{{2,4}})$"
)


# or spaced after the date, the page's tools and counts after them: "2016-12-21 07:51:00
# 环球时报 孙卫赤 分享 526参与" (环球网 of 2016, the tenth held-out set; session 25).
# (three characters: "株洲日报 文化", "株洲新闻网 石峰" print a section, session 25's review)
_SPACED_SOURCE_AUTHOR_RE = re.compile(
    f"^\\s+(?P<source>[{CJK}]{{2,12}}?(?:报|网|社))\\s+(?P<author>[{CJK}]{{3}})$"
)
_TOOLS_AFTER_AUTHOR_RE = re.compile(r"(?:\s+(?:分享|评论|收藏|\d+\s*(?:人?参与|条?评论)))+\s*$")


def _glued_source_author(printed: str, folded: str, stamp: dates.Stamp) -> Metadata | None:
    if stamp.start != 0:
        return None
    rest = _TOOL_AFTER_SOURCE_RE.sub("", folded[stamp.end :])
    m = _GLUED_SOURCE_AUTHOR_RE.match(rest) or _SPACED_SOURCE_AUTHOR_RE.match(
        _TOOLS_AFTER_AUTHOR_RE.sub("", rest)
    )
    if m is None or not name_shaped(m.group("author")):
        return None
    at = stamp.end
    return Metadata(
        printed,
        stamp.date,
        stamp.time,
        publication=printed[at + m.start("source") : at + m.end("source")],
        authors=[printed[at + m.start("author") : at + m.end("author")]],
    )


# A share widget's label closing the fields' row, its icons gone: "时间:
# 2024.05.11 来源:光明日报 作者:南帆 分享到:" (1905电影网, session 24).
_SHARE_LABEL_END_RE = re.compile(r"\s+(?:分享到|分享至|一键分享|分享)\s*[:：]?\s*$")


# The site's name and address before the date the fields open with: "内乡政府门户网站
# www.neixiangxian.gov.cn  2018-04-19 17:32:17  来源：…" (a county portal, the tenth
# held-out set; session 25).
_ADDRESS_RE = re.compile(r"(?:https?://|www\.)\S+")


def site_alone(text: str) -> bool:
    """Whether *text* holds nothing, or only a site's name and address."""
    rest = _ADDRESS_RE.sub(" ", text).strip()
    return not rest or chrome_rule(rest) == "masthead"


def parse_metadata(text: str) -> Metadata | None:
    """The fields of a metadata line, or None when *text* is not one."""
    printed = _SHARE_LABEL_END_RE.sub("", text.strip())
    folded = fold(printed)
    if len(folded) > MAX_METADATA_LINE:
        return None
    labels = list(_LABEL_RE.finditer(folded))
    if not labels:
        return (
            _bar_fields(printed)
            or _dated_fields(printed, folded)
            or _authorised(printed, folded)
            or _printed_in(printed, folded)
        )
    meta = Metadata(printed)
    head = folded[: labels[0].start()].strip(_SEPARATORS)
    # "版权声明 来源:…": a notice's heading may open the fields
    if head and chrome_rule(head) is None:
        stamp = dates.find_date(head)
        if stamp is None or not site_alone(head[: stamp.start]) or head[stamp.end :].strip():
            return None
        meta.date, meta.time = stamp.date, stamp.time
    empty = 0
    for n, m in enumerate(labels):
        end = labels[n + 1].start() if n + 1 < len(labels) else len(folded)
        start = m.end()
        value = folded[start:end].strip(_SEPARATORS)
        shown = printed[start:end].strip(_SEPARATORS)
        group = next(g for g in ("label", "spaced", "glued") if m.group(g))
        kind = _FIELD[_LABEL_SPACES_RE.sub("", m.group(group))]
        label = _LABEL_SPACES_RE.sub("", printed[m.start(group) : m.end(group)])
        if value in _FIELD:  # "一审 二审 三审": the last label, not a name
            value = ""
        if not value:
            # "一审 二审 三审" printed without names, "作者:" left empty: the
            # line is metadata when another of its fields holds a value.
            empty += 1
            continue
        if not read_field(meta, kind, label, value, shown):
            return None
    return meta if empty < len(labels) else None


_COUNT_RE = re.compile(r"^[\d.万]*次?$")


def read_field(meta: Metadata, kind: str, label: str, value: str, shown: str) -> bool:
    """Store one field's value; False when it is not what the label promises."""
    if value in NO_ONE:
        return kind != "date"
    if kind == "date":
        stamp = dates.find_date(value, short_year=True)
        if stamp is None or value[stamp.end :].strip():
            return False
        meta.date, meta.time = meta.date or stamp.date, meta.time or stamp.time
    elif kind == "publication":
        # "来源:株洲日报 | 2019.09.20": a date printed after the publication, a
        # bar perhaps after it, then a counter far after ("来源：湖南日报
        # 2023-04-02 11:10:55|  查看：2070次", an aggregator's header, session 23)
        stamp = dates.find_date(value)
        if stamp is not None and not re.split(r"[ \u3000]{2,}", value[stamp.end :])[0].strip(
            _SEPARATORS
        ):
            meta.date, meta.time = meta.date or stamp.date, meta.time or stamp.time
            value, shown = value[: stamp.start].strip(_SEPARATORS), shown[: stamp.start]
            shown = shown.strip(_SEPARATORS)
        # "来源:证券时报网     举报": a page tool printed far after the name
        # ("来源: 新浪科技 　 酷勤网收集": a collector's note after ideographic spaces)
        # (a no-break space counts: "北京 \xa0举报", 163's self-media channel)
        value, shown = (re.split(r"[ \u3000\xa0]{2,}", v)[0].strip() for v in (value, shown))
        value, shown = (_TOOL_AFTER_SOURCE_RE.sub("", v) for v in (value, shown))
        # "来源: 21世纪经济报道(广州)", "来源：中国新闻网（北京）": the city the
        # paper reports from, in brackets after its name, is no part of it
        value, shown = (_CITY_AFTER_SOURCE_RE.sub("", v) for v in (value, shown))
        # "来源: 株洲晚报 湖南": the province a platform prints after its
        # account's source (网易号), as after a post's date, is no part of it
        value, shown = (_PROVINCE_AFTER_SOURCE_RE.sub("", v) for v in (value, shown))
        # two papers of one group named as the source, a space between: "来源：株洲日报
        # 株洲晚报" (a portal's repost, session 25's second fixtures) — the first is read
        if _PAPERS_RE.fullmatch(value):
            value, shown = (v.split()[0] for v in (value, shown))
        if not value or len(value) > MAX_PUBLICATION:
            return False
        meta.labelled_source = meta.labelled_source or meta.publication is None
        meta.publication = meta.publication or account_owner(shown)
    elif kind == "original title":
        return True
    elif kind == "maker":
        return bool(re.fullmatch(f"[{CJK}]{{2,{MAX_PUBLICATION}}}", value))
    elif kind == "counter":
        # the count may be left to the page's script: "点击数：     次"
        return chrome_rule(f"{label}:{value}") is not None or bool(_COUNT_RE.match(value))
    elif kind == "category":
        # "所属分类: 头条": the site's section, not the story's; a short word
        return len(value) <= MAX_AUTHOR_BODY and not re.search(r"[,。;:!?]", value)
    else:
        # "编辑:钟文静  2019-05-08 10:26:31": the page's time printed after the names
        if (stamp := dates.find_date(value)) is not None and not value[stamp.end :].strip():
            meta.date, meta.time = meta.date or stamp.date, meta.time or stamp.time
            shown = shown[: stamp.start].strip(_SEPARATORS)
        if _STAFF_CODE_RE.match(value):
            # "责任编辑：NF041" (163's foot line): the desk's code alone, no one named
            return True
        names = _names(shown)
        # "(作者：方敏北京大学经济学院教授)": the writer run into the school
        if names is None and kind == "author" and (writer := name_before_affiliation(shown)):
            names = [writer]
        if names is None:
            # an agency or a body as the author, read with no person: "作者:新华社",
            # a photo agency's "作者： 东方IC" (中国网's gallery, the tenth held-out set)
            return kind == "author" and bool(
                re.fullmatch(f"[{CJK}a-zA-Z]{{2,{MAX_AUTHOR_BODY}}}", value)
            )
        if kind == "author":
            meta.authors.extend(names)
        else:
            meta.editors.extend((label, name) for name in names)
    return True
