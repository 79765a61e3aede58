"""Bylines in the forms web pages and wire copy print them, each name with
its role and organisation (the print seeds' slash form, "株洲日报全媒体记者/
谭昕吾 通讯员/张弥郁", is read by ``lines.parse_byline`` itself):

- a dateline in brackets opening the first paragraph: "株洲日报讯(全媒体记者/
  王小川 通讯员/李青)", "本报讯(融媒体记者/周敏)", "株洲日报6月3日讯(记者
  刘一凡 通讯员陈二)", "新华社长沙6月3日电(记者孙一鸣)", "中新网株洲6月3日电
  (王小川 实习生 李青)" — an unlabelled name is the dispatch's reporter;
- the brackets alone: "(记者 刘一凡 通讯员 周敏 陈二)";
- a line of its own: "株洲日报全媒体记者 王小川 通讯员 李青 周敏",
  "潇湘晨报记者 刘一凡 株洲报道", "融媒体记者/周敏 (图/文)", a column's
  title in 《》 for the paper ("《夜读》作者 王小川"), the units that supplied
  the story before the roles ("团委供稿 摄影/李青 编辑/周敏");
- a columnist's bracket after 文/: "【文/某某网特约作者 王小川】";
- the name, then the paper after a slash: "王小川/株洲日报".

A word glued to the role after it qualifies the role ("职工通讯员 李青",
"特邀通讯员 陈二") — unless it is glued to a role before it too, as a name
is in "记者刘一凡通讯员陈二".

Each name must be two to five characters and every word of the byline a role
or a name, so a sentence that opens with 记者 ("记者从市交通局获悉") is none.
"""

from __future__ import annotations

import re

from ingest.model import Contributor
from ingest.text.fold import CJK, fold
from ingest.text.surnames import name_shaped

# Longest first, so 全媒体记者 wins over 记者.
ROLES = (
    "全媒体记者",
    "融媒体记者",
    "首席记者",
    "见习记者",
    "摄影记者",
    "特约记者",
    # a commentary column's writer: "文丨政能亮特约评论员 韩涵" (凤凰网, the ninth
    # held-out set; session 25), "本报评论员 王小川"
    "特约评论员",
    "评论员",
    "记者",
    "通讯员",
    "实习生",
    "作者",
    # a translated story's writer: "(编译/林靖东)", "编译 王小川" (session 22)
    "编译",
    "责任编辑",
    "编辑",
    "摄影",
    "一审",
    "二审",
    "三审",
)
_ROLE_RE = re.compile("(" + "|".join(ROLES) + r")\s*[/:]?\s*")
# The credits of a feature or a self-media post, each short role before a
# slash (or colon, or bar): "文/刘畅 图/李青", "文·图/周敏", "图文/王小川",
# "撰文/陈二 摄影/李青 视频/周敏". A one-character role is a word of any
# sentence ("文化", "图书馆"), so these take a separator; the two that name
# both crafts with a mark between, "文/图 刘畅" and "图/文 刘畅", may take a
# space instead ("图文直播间" is a sina menu's entry, no credit).
CREDIT_ROLES = (
    "图文",
    "文图",
    "文字",
    "撰文",
    "图片",
    "视频",
    "摄像",
    "航拍",
    # a video's crafts on a WeChat or 学习强国 post (session 24): "剪辑:黄佳", "后期 | 欧阳明"
    "剪辑",
    "后期",
    "配音",
    "制图",
    "文",
    "图",
)
_BOTH_CRAFTS = (r"文\s*[/·、]\s*图", r"图\s*[/·、]\s*文")
_CREDIT_ROLE_RE = re.compile(
    "("
    + "|".join(_BOTH_CRAFTS)
    + "|(?:"
    + "|".join(CREDIT_ROLES)
    + r")(?=\s*[/:|丨︱])|"
    + "|".join(ROLES)
    + r")\s*[/:|丨︱]?\s*"
)
_CREDITS_START_RE = re.compile(
    "^(?:" + "|".join(_BOTH_CRAFTS) + "|(?:" + "|".join(CREDIT_ROLES) + r")\s*[/:|丨︱])"
)
_NAME_RE = re.compile(f"^[{CJK}·]{{2,5}}$")
# The writer's credit before a newsroom's byline: "文/本报记者 …", "文丨…特约评论员 …".
_ROLES_ALT = "|".join(ROLES)
_WRITER_OVER_BYLINE_RE = re.compile(rf"^文\s*[/:|丨︱]\s*(?=\S*(?:{_ROLES_ALT}))")
MAX_NAMES_TEXT = 60
# "株洲日报讯", "本报讯", "新华社长沙6月3日电", "中新网株洲6月3日电", "某某报快讯":
# the organisation, then perhaps a place and a day, then 讯, 快讯 or 电.
_DISPATCH_RE = re.compile(
    rf"^(?P<paper>[^\s()]{{1,24}}?)(?:\d{{1,2}}月\d{{1,2}}日)?(?:快讯|讯|电)\s*"
    rf"\((?P<inner>[^()]{{2,{MAX_NAMES_TEXT}}})\)\s*"
)
# The desk and its staff in 【】 opening a paragraph: "【环球网综合报道 记者 赵衍龙】…",
# "【环球时报驻美国特约记者 孙卫赤】…" (环球网 of 2016, the tenth held-out set; session 25).
_BRACKETS_RE = re.compile(
    rf"^(?:\((?P<inner>[^()]{{2,{MAX_NAMES_TEXT}}})\)"
    rf"|【\s*(?P<desk>[^【】\s]{{2,20}}?)(?:驻[{CJK}]{{1,8}}?)?\s*(?P<staff>(?:{_ROLES_ALT})[^【】]{{2,30}})】"
    rf"|【\s*文\s*/\s*(?P<column>[^【】]{{2,{MAX_NAMES_TEXT}}})】)\s*"
)
# An agency's dateline city may run to four or five characters: "新华社乌鲁木齐"
# (the eighth held-out set; session 24); after 网 they are the site's own name
# ("红网时刻新闻").
_ORG_RE = re.compile(r"^(?P<org>\S*?(?:社|网|报|台|站|中心))(?:[^\d\s]{2,3}|(?<=社)[^\d\s]{4,5})?$")
# A joint newsroom's byline joins the paper and its app with a dot:
# "湖南日报·新湖南客户端记者 周雅琪" (session 23).
_OWN_LINE_RE = re.compile(
    rf"^(?:\S{{2,30}}?供稿\s+)?(?P<paper>《[^《》]{{1,12}}》|[{CJK}]{{0,12}}?(?:·[{CJK}]{{2,12}}?)?)"
    rf"(?=" + "|".join(ROLES) + ")"
)
# An author line under the headline: "王小川/株洲日报" — a name, then a paper.
_NAME_PAPER_RE = re.compile(
    rf"^(?P<name>[{CJK}·]{{2,5}})\s*/\s*(?P<paper>[{CJK}]{{1,12}}(?:报|社|网|刊))$"
)
# Roles that, glued to the word after them, head a menu entry, not a name.
# So do a court's instances: "一审判决", "二审维持原判" head a story's part (半岛晨报, the
# thirteenth held-out set; session 25), where a page's footer spaces "一审 刘一".
GLUED_MENU_ROLES = ("作者", "编辑", "一审", "二审", "三审")
# Words that stand where a name would in a photo credit: "通讯员供图".
NOT_NAMES = frozenset({"供图", "提供", "摄影", "获悉", "介绍", "网络", "资料图"}) | frozenset(
    # A column's label after 记者: "记者手记" over a reporter's notes, "记者观察",
    # "记者调查" — a section's heading, no reporter named 手记 (session 23).
    {"手记", "观察", "调查", "探访", "连线", "札记", "随笔", "体验", "追踪", "走访", "目击"}
)
# What a reporter did, printed after the name: "(记者陈智 整合)", "(记者 王小川 编译)".
WORK_WORDS = frozenset({"整合", "综合", "编译", "整理", "报道", "采写"})
# What an own-line byline may print after the names: "(图/文)", "株洲报道".
# (the place after a slash, "记者王林/株洲报道", never takes the name with it; Taiwan's
# papers write 报导)
_TAIL_RE = re.compile(r"\s*(?:[(]?图\s*/\s*文[)]?|文\s*/\s*图|/?\s*[^\s\d/]{0,4}报[道导])$")


# A place's name padded to three characters, as a list of counties aligns
# them ("临　县", "矿　区" in a provincial portal's links to its counties'
# sites; "新　镇", "白　乡" in a township roll): a spaced name whose second
# character is an administrative unit is that place, not a reporter's
# bare byline ("戴 鵬").
_PADDED_PLACE_RE = re.compile(f"^[{CJK}] [县区市镇乡村旗盟州]$")


def padded_place(folded: str) -> bool:
    """Whether a spaced two-character name is a place padded to align."""
    return _PADDED_PLACE_RE.match(folded.strip()) is not None


# Correspondents (通讯员) write for their own units, not for the newsroom whose
# byline names them: "株洲日报全媒体记者 肖海燕 通讯员 贺子龙" — 株洲日报 is 肖海燕's.
OUTSIDE_ROLES = ("通讯员", "受访者")


# Who a page's publication employs when the byline names no newsroom
# ("本报讯(记者 谭晓彤)"); an 作者 field's name may be anyone's.
STAFF_ROLES = ("记者", "实习生")


def assign_organisation(people: list[Contributor], org: str | None, staff: bool = False) -> None:
    """The byline's newsroom, for each of its own people that has none yet
    (with *staff*, for its reporters and interns only)."""
    for p in people:
        role = fold(p.role)
        # endswith: a qualified role too ("职工通讯员").
        if p.organization is not None or role.endswith(OUTSIDE_ROLES):
            continue
        if not staff or any(r in role for r in STAFF_ROLES):
            p.organization = org


def organisation(paper: str) -> str | None:
    """株洲日报 of 株洲日报, 新华社 of 新华社长沙, 夜读 of 《夜读》; None for
    本报 (this paper), in either script: a traditional repost prints 本報訊."""
    paper = paper.strip().removeprefix("《").removesuffix("》")
    if not paper or fold(paper).startswith("本报"):
        return None
    # A joint newsroom is its paper's: 湖南日报 of "湖南日报·新湖南客户端".
    paper = paper.split("·")[0]
    m = _ORG_RE.match(paper)
    return m.group("org") if m else paper


# A role word that is a verb too reads a clause as a byline: "他编译了三本书",
# "他摄影了三年" ("了三本书" after the role): no name starts with a particle.
PARTICLE_STARTS = "了着过的得地"
_PAPER_END_RE = re.compile(r"(?:日报|晚报|报社|新闻网|网|新华社|电视台|广播电视台)$")


def qualified_start(folded: str, role: re.Match[str], floor: int) -> int:
    """Where a role's words begin: at a word glued to it ("职工通讯员"), when
    that word stands apart from the text before it (a word glued to a role
    on both sides, "记者刘一凡通讯员陈二", is a name)."""
    start = role.start()
    while start > floor and re.match(f"[{CJK}]", folded[start - 1]):
        start -= 1
    if start == role.start() or (start == floor and floor > 0):
        return role.start()
    return start


def read_names(
    printed: str,
    folded: str,
    line: int,
    default_role: str | None,
    role_re: re.Pattern[str] = _ROLE_RE,
) -> list | None:
    """Contributors of a roles-and-names text, or None when a word is neither."""
    found: list[Contributor] = []
    matches = list(role_re.finditer(folded))
    roles = [
        (qualified_start(folded, m, matches[n - 1].end() if n else 0), m)
        for n, m in enumerate(matches)
    ]
    segments = []
    if default_role is not None:
        segments.append((default_role, 0, roles[0][0] if roles else len(folded)))
    elif not roles or folded[: roles[0][0]].strip():
        return None
    newsrooms: dict[int, str] = {}
    for n, (start, m) in enumerate(roles):
        end = roles[n + 1][0] if n + 1 < len(roles) else len(folded)
        # A paper glued to the role is the newsroom, not a kind of the role:
        # "光明日报记者 禹爱华 光明日报通讯员 刘芳" (a national paper's byline);
        # "职工通讯员" stays one role.
        if _PAPER_END_RE.search(folded[start : m.start()]):
            newsrooms[len(segments)] = printed[start : m.start()]
            start = m.start()
        segments.append((printed[start : m.end(1)], m.end(), end))
    if any(fold(m.group(1)) in GLUED_MENU_ROLES and m.end() == m.end(1) for m in matches):
        # 作者 glued to a word heads an author's other posts ("作者最新文章"),
        # 编辑 a menu's entry ("编辑计划表", a trade magazine's editorial
        # calendar; "编辑推荐", the editors' picks); as a role each takes a
        # space or slash ("《夜读》作者 王小川", "编辑 周敏").
        return None
    for k, (role, start, end) in enumerate(segments):
        for w in re.finditer(r"[^\s、,]+", folded[start:end]):
            if w.group() in WORK_WORDS:
                continue
            word = w.group()
            # where it was reported from, in the brackets: "(记者 王林 长沙报道)" (session 25's
            # review, as an own line's "… 株洲报道" is, ``_TAIL_RE``)
            if _REPORTED_FROM_RE.fullmatch(word):
                continue
            # what the reporter did, glued: "(记者王林整理)"
            if word.endswith(GLUED_WORK) and name_shaped(word[:-2]):
                word = word[:-2]
            # the next role's paper glued to a name: "本报记者张靖本报通讯员郜敏"
            # or the crafts it did: "记者王林文图" (session 25's review), "本报记者 刘相琳/文"
            # (中国新报, the thirteenth held-out set)
            if word.endswith(HOME_DESKS + GLUED_CRAFTS) and name_shaped(word[:-2]):
                word = word[:-2]
            if (craft := _CRAFT_AFTER_NAME_RE.search(word)) and name_shaped(word[: craft.start()]):
                word = word[: craft.start()]
            for a, b in run_together(word) or [(0, len(word))]:
                name = word[a:b]
                if not _NAME_RE.match(name) or name in NOT_NAMES or name[0] in PARTICLE_STARTS:
                    return None
                a, b = start + w.start() + a, start + w.start() + b
                found.append(Contributor(printed[a:b], role, line, newsrooms.get(k)))
    return found or None


HOME_DESKS = ("本报", "本台", "本网", "本刊")
GLUED_CRAFTS = ("文图", "图文")
# (glued to the name, only these of ``WORK_WORDS``; a glued 摄影 is read as a role)
GLUED_WORK = ("整理", "报道", "采写")
_REPORTED_FROM_RE = re.compile(f"[{CJK}]{{0,4}}报道")
# (or where it was reported from: "记者林悦/南市报导", Taiwan's papers, the fifteenth
# held-out set; "记者王林/株洲报道")
_CRAFT_AFTER_NAME_RE = re.compile(f"/(?:文|图|文图|图文|摄|[{CJK}]{{0,4}}报[道导])$")
# The crafts before the roles in a dispatch's brackets: "(文/视频 全媒体记者 王智芳 实习生
# 罗斯妮 …)" (华声在线, the thirteenth held-out set): read as spaces.
_CRAFTS_FIRST_RE = re.compile(r"(?:文|图|视频|摄影|摄像)(?:\s*/\s*(?:文|图|视频|摄影|摄像))+\s+")
# A print page's names run together with no space: "通讯员王飞李永", "通讯员张宗桥贾胜波"
# (河南日报 reposted by 大河网, the eleventh held-out set; session 25): two names of a
# name's shape each, split where only one cut gives two.
RUN_TOGETHER_CUTS = {4: (2,), 5: (2, 3), 6: (3,)}


def run_together(word: str) -> list[tuple[int, int]] | None:
    """The spans of two names printed as one word, or None."""
    cuts = [
        c
        for c in RUN_TOGETHER_CUTS.get(len(word), ())
        if name_shaped(word[:c]) and name_shaped(word[c:])
    ]
    return [(0, cuts[0]), (cuts[0], len(word))] if len(cuts) == 1 else None


# A role in brackets over the name after it, one a line: "【记者】柳时强" / "【通讯员】罗瑞娴"
# (南方网 of 2019, the tenth held-out set; session 25): read as "记者 柳时强".
PRINT_MARKS = "□■◎●"
_BRACKETED_ROLE_RE = re.compile(rf"^【(?:本报)?(?:{_ROLES_ALT})】(?=\s*[{CJK}])")


def marks_masked(printed: str, folded: str) -> str | None:
    """*printed* with the marks around its byline as spaces, so every offset into
    the line stays, or None where it has none: a print page's mark before it
    ("□本报记者张靖本报通讯员郜敏"), a role's brackets ("【记者】柳时强")."""
    if folded[:1] in PRINT_MARKS and len(folded) > 1:
        return " " + printed[1:]
    if _BRACKETED_ROLE_RE.match(folded):
        return re.sub("[【】]", " ", printed, count=2)
    return None


def parse_web_byline(text: str, line: int) -> tuple[str, list[Contributor], str, str | None] | None:
    """(byline as printed, contributors, paragraph text after it, publication)."""
    printed = text.strip()
    folded = fold(printed)
    if (masked := marks_masked(printed, folded)) is not None:
        found = parse_web_byline(masked, line)
        return (printed, *found[1:]) if found else None
    if m := _DISPATCH_RE.match(folded) or _BRACKETS_RE.match(folded):
        groups = m.groupdict()
        paper = groups.get("paper") or ""
        org = organisation(printed[: len(paper)]) if paper else None
        if groups.get("desk"):
            org = organisation(printed[m.start("desk") : m.end("desk")].removesuffix("综合报道"))
        group = next(g for g in ("staff", "column", "inner") if groups.get(g))
        inner = m.start(group), m.end(group)
        crafts = _CRAFTS_FIRST_RE.match(folded, inner[0], inner[1])
        start = crafts.end() if crafts else inner[0]
        people = read_names(
            printed[start : inner[1]],
            folded[start : inner[1]],
            line,
            "记者" if paper else None,
        )
        # a column's name in brackets names nobody: "【本报记者帮你问】" (session 25's review)
        if people is None or (group == "staff" and not all(name_shaped(c.name) for c in people)):
            return None
        assign_organisation(people, org)
        return printed[: m.end()].strip(), people, printed[m.end() :].strip(), org
    if len(folded) > MAX_NAMES_TEXT:
        return None
    if by := _NAME_PAPER_RE.match(folded):
        if _ROLE_RE.fullmatch(by.group("name")) or by.group("name") in NOT_NAMES:
            return None
        org = printed[by.start("paper") : by.end("paper")]
        author = Contributor(printed[: by.end("name")], "作者", line, org)
        return printed, [author], "", org
    # "文丨政能亮特约评论员 韩涵", "文/本报记者 韩涵": the writer's credit over a
    # byline, whose role and newsroom are the writer's
    if (
        (writer := _WRITER_OVER_BYLINE_RE.match(folded))
        and (inner := parse_web_byline(printed[writer.end() :], line))
        and not inner[2]
    ):
        return printed, inner[1], "", inner[3]
    if _CREDITS_START_RE.match(folded):
        credited = read_names(printed, folded, line, None, _CREDIT_ROLE_RE)
        return (printed, credited, "", None) if credited else None
    if not (own := _OWN_LINE_RE.match(folded)):
        return None
    body_end = (
        len(folded) - len(_TAIL_RE.search(folded).group())
        if _TAIL_RE.search(folded)
        else len(folded)
    )
    start = own.end()
    people = read_names(
        printed[start:body_end], folded[start:body_end], line, None, _CREDIT_ROLE_RE
    )
    if people is None:
        return None
    paper = printed[own.start("paper") : own.end("paper")]
    org = organisation(paper) if paper else None
    assign_organisation(people, org)
    return printed, people, "", org
