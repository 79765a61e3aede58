"""Photo credits in the forms web pages print them, beyond the print seeds'
("康水梅 摄", "记者/谭昕吾 摄", "通讯员供图", read by ``lines.split_credit``):

- a wire or paper photographer: "…黄桃。新华社记者 孙一鸣 摄",
  "…夜景。株洲日报记者 刘一凡 摄" — the organisation is kept;
- the name run into the verb after a space: "江边夜景 刘一凡摄";
- several names after one role, with 、 between: "…记者王小川、李青摄";
- an old photo copied: "(供图 陈二 翻拍)", "(陈二 翻拍)";
- a body that supplied the photo, the site that sent it after:
  "…纸团。某某区公安分局供图 某某网发"; an agency's file photo, "…。某某图库 资料";
- a ▲ (or △) before the caption text: "▲荷塘区新建的口袋公园。", whether
  or not a credit follows.

The credit is looked for only where one can begin (the line's start, after a
sentence end, a bracket or a space) and matched to the end from there, so no
pattern is retried from every character of a long line.
"""

from __future__ import annotations

import re

from ingest.model import Contributor
from ingest.text.bylines import assign_organisation
from ingest.text.fold import CJK, fold
from ingest.text.surnames import name_shaped

CAPTION_MARKS = "▲△"
MAX_CREDIT = 40
_NAME = f"[{CJK}·]{{2,4}}"
_ROLES = r"(?:(?:全媒体|融媒体)?(?:摄影|图片|首席|见习|特约)?记者|通讯员|实习生)"
# After a label ("图片来源:某某记者 王小川 摄") the words before the role are
# the photographer's paper, whatever they end in.
# The site that sent the photo may follow the credit: "…供图 某某网发".
_CREDIT_RE = re.compile(
    # a print page's photo code first: "…坚守在自己喜爱的讲台上。⑧3徐宏星摄" (河南日报
    # reposted by 大河网, the eleventh held-out set; session 25)
    rf"(?:[①-⑳]\d{{0,2}}\s*)?"
    rf"(?:供图\s+(?P<copied>{_NAME}(?:\s+{_NAME})*)\s*翻拍"
    rf"|(?P<unit>[{CJK}]{{2,12}}?)(?:供图|\s+资料图?)"
    rf"|(?:(?:(?:图片来源|图片|图)\s*[:/]\s*(?P<source>[{CJK}]{{1,8}}?)?"
    rf"|(?P<org>[{CJK}]{{2,8}}?(?:社|网|报)))?"
    rf"(?P<role>{_ROLES})\s*/?\s*)?"
    rf"(?P<names>{_NAME}(?:(?:\s+|\s*、\s*){_NAME})*)\s*(?P<verb>摄|翻拍))"
    rf"(?:\s+[{CJK}]{{2,8}}?(?:网|社|报)发?)?"
)
# A photo's source named after the label, with no photographer: "图片来源:某某官网";
# or the one who gave it: "图片由荷塘区住建局提供", "(图片由受访者提供)".
_SOURCE_ONLY_RE = re.compile(
    r"(?:图片来源|图片)\s*:\s*[^\s:]{2,20}|\(?(?:图片|照片)由[^\s:()]{2,20}提供\)?"
)
_STARTS_RE = re.compile(r"[。!?\s(]")
# A picture's credit after the caption, a slash or space before it: "…爱自己的
# 样子。/图:@贾玲微博截图", "图:123rf" alone, "…厂区一角 图/周琳" (session 24).
_PICTURE_CREDIT_RE = re.compile(
    r"(?:^|(?<=[。!?])\s*/?|\s+/?)\s*(?P<credit>图\s*[:/]\s*(?P<who>[^\s。,:/]{2,20}))$"
)
# A photo agency's name glued after the caption's last sentence: "…尽展优美身姿。东方IC"
# (中国网's gallery, the tenth held-out set; session 25), "…。视觉中国", "…。新华社发".
_AGENCY_CREDIT_RE = re.compile(
    r"(?<=[。!?])\s*(?P<credit>\(?(?:东方ic|视觉中国|图虫创意|cfp|ic\s?photo|新华社发|中新社发)\)?"
    r"(?:供图)?)$",
    re.I,
)
# The agency that sent the photo before its photographer: "新华社发 王林 摄" (session
# 25's review), "中新网发".
_AGENCY_SENDS_RE = re.compile(f"^[{CJK}]{{1,4}}(?:社|网|台)发$")
# Words that stand where a photographer's name would, but name nobody:
# "受访者 供图", "本报 资料". A role there ("通讯员供图", "(通讯员/供图)") is
# read as the role of the names after it (``credited_people``).
NOT_NAMES = frozenset({"受访者", "本报", "资料", "网络"})


# A photo gallery's slide counter before the slide's caption, set apart by a
# run of spaces or a tab: "3/8    江边新修的步道上，晨练的市民络绎不绝。" (a
# saved gallery post prints one per photo). A fraction in a sentence has no
# such run after it ("1/3 的家庭"), and the slide is never past the count.
_SLIDE_RE = re.compile(r"^(\d{1,2})\s*/\s*(\d{1,2})(?:\s{2,}|\t)(?=\S)")


# A caption's label: "图注:巴兹·奥尔德林可能是…" (a science column's photos),
# "图说:…", "图片说明:…"; a gallery's numbered photos, "图1：11月25日,…" (session
# 25), "图3:…".
_CAPTION_LABEL_RE = re.compile(
    # "资料图：崔顺实的女儿…" (环球网 of 2016, the tenth held-out set)
    r"^(?:图注|图说|图片说明|资料图|图\s*\d{1,2})\s*[:：]\s*(?=\S)"
)


# A mark some sites print before a caption and others before a list's item:
# "◎ 贾玲说想让观众看到…。/图:@贾玲微博截图" (39健康网, session 24), "◎ 要点".
# It is stripped from a caption's text but makes no line a caption.
WEAK_CAPTION_MARKS = "◎"


def strip_mark(text: str) -> tuple[str, bool]:
    """(text without a leading ▲, caption label or slide counter, whether it
    had one)."""
    stripped = text.strip()
    if stripped[:1] in CAPTION_MARKS:
        return stripped[1:].strip(), True
    if stripped[:1] in WEAK_CAPTION_MARKS:
        return stripped[1:].strip(), False
    if label := _CAPTION_LABEL_RE.match(stripped):
        return stripped[label.end() :], True
    slide = _SLIDE_RE.match(stripped)
    if slide and 1 <= int(slide[1]) <= int(slide[2]):
        return stripped[slide.end() :], True
    return stripped, False


def web_credit(text: str) -> tuple[str, str, list[Contributor]] | None:
    """(caption text, credit, photographers) of a caption with a web credit."""
    stripped, _ = strip_mark(text)
    folded = fold(stripped)
    closed = folded.endswith(")")
    tail_end = len(folded) - 1 if closed else len(folded)
    tail_end = len(folded[:tail_end].rstrip())
    floor = max(0, tail_end - MAX_CREDIT)
    starts = [m.end() for m in _STARTS_RE.finditer(folded, floor, tail_end)]
    for start in ([0] if floor == 0 else []) + starts:
        while start < tail_end and folded[start].isspace():
            start += 1
        m = _CREDIT_RE.fullmatch(folded, start, tail_end)
        if m is not None and (found := split_at(stripped, folded, m, closed)):
            return found
    if _SOURCE_ONLY_RE.fullmatch(folded):
        return "", stripped, []
    if m := _AGENCY_CREDIT_RE.search(folded):
        return stripped[: m.start("credit")].rstrip(), stripped[m.start("credit") :], []
    if m := _PICTURE_CREDIT_RE.search(folded):
        who = m.group("who")
        people = [Contributor(who, PHOTO_ROLE, 0)] if name_shaped(who) else []
        return stripped[: m.start()].rstrip(" /"), stripped[m.start("credit") :], people
    return None


# A role within a credit's names: "…株洲日报全媒体记者 王小川 通讯员 李青 摄".
_ROLE_WORD_RE = re.compile(_ROLES)
# What a credit names when it prints no role ("刘震 摄", "供图 陈二 翻拍").
PHOTO_ROLE = "摄影"


def credited_people(
    stripped: str, folded: str, span: tuple[int, int], role: str | None, org: str | None
) -> list[Contributor]:
    """The people a photo credit names in *span* of its text, each with the
    role printed before it, as a byline gives its people theirs: "…全媒体记者
    王小川 摄" names 王小川 全媒体记者 (the credit makes the mention a
    photographer's), "…记者 刘一凡 通讯员 李青 摄" names 李青 通讯员, who keeps
    no newsroom (``bylines.assign_organisation``); a credit with no role
    ("刘震 摄") names a photographer, 摄影."""
    people: list[Contributor] = []
    current = role
    for n in re.finditer(_NAME, folded[span[0] : span[1]]):
        a, b = span[0] + n.start(), span[0] + n.end()
        if _ROLE_WORD_RE.fullmatch(folded[a:b]):
            current = stripped[a:b]
        elif folded[a:b] not in NOT_NAMES and not _AGENCY_SENDS_RE.match(folded[a:b]):
            people.append(Contributor(stripped[a:b], current or PHOTO_ROLE, 0))
    assign_organisation(people, org)
    return people


def split_at(
    stripped: str, folded: str, m: re.Match[str], closed: bool
) -> tuple[str, str, list[Contributor]] | None:
    body = stripped[: m.start()].rstrip()
    if closed:
        if not body.endswith(("(", "（")):  # either width: the text is as printed
            return None
        body = body[:-1].rstrip()
    if not body and not m.group("role"):
        # the credit began later: "江边夜景 刘一凡摄"; a role opens a credit
        # that is the whole line ("某某日报图片记者王小川、李青摄").
        return None
    if m.group("unit"):
        # "…。某某区公安分局供图", "…。某某图库 资料": a body supplied the
        # photo, no one is named.
        return body, stripped[m.start() : m.end()], []
    group = "names" if m.group("names") else "copied"
    paper = "org" if m.group("org") else "source"
    org = stripped[m.start(paper) : m.end(paper)] if m.group(paper) else None
    role = stripped[m.start("role") : m.end("role")] if m.group("role") else None
    people = credited_people(stripped, folded, (m.start(group), m.end(group)), role, org)
    if not people:
        return None
    return body, stripped[m.start() : m.end()], people
