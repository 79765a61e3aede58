"""Places and affiliations printed beside a writer's name: the province a post
was sent from ("2024-03-05 19:00·湖南", ``lines.parse_date_line``) and the
school or office a commentator works for, run into the name ("方敏北京大学
经济学院教授", an author field's value on a theory page); and the source a
date line names beside its date, its label or an account's description
around it (``source_name``)."""

from __future__ import annotations

import re

from ingest.text.fold import CJK, fold
from ingest.text.surnames import name_shaped

PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州",
    "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港",
    "澳门",
)  # fmt: skip

_ACADEMIC_TITLES = "副教授|教授|副研究员|研究员|讲师|博士生导师|博士|院长|所长|主任|专家"
_INSTITUTIONS = ("大学", "学院", "研究院", "研究所", "研究中心", "党校", "科学院", "社科院")
_AFFILIATION_RE = re.compile(f"^[{CJK}]{{2,24}}?(?:{_ACADEMIC_TITLES})$")
# Where an affiliation opens after a two-character name glued to it.
_AFFILIATION_STARTS = (*PROVINCES, "中国", "中央", "国家", "清华", "复旦", "南开", "同济", "中南")


def name_before_affiliation(text: str) -> str | None:
    """The writer's name, as printed, where *text* is a name and the school or
    office they work for with their title ("方敏北京大学经济学院教授", "王建国
    株洲市委党校教授"), else None."""
    squeezed = re.sub(r"\s+", " ", fold(text)).strip()
    for name, affiliation in _name_and_affiliation(squeezed):
        if _AFFILIATION_RE.match(affiliation) and any(w in affiliation for w in _INSTITUTIONS):
            return text.strip()[: len(name)]
    return None


def _name_and_affiliation(text: str) -> list[tuple[str, str]]:
    """The ways *text* splits into a name and what follows it: at a space, or,
    run together, after two characters where an affiliation's first word
    follows, else after three or two."""
    head, _, tail = text.partition(" ")
    if tail:
        return [(head, tail.replace(" ", ""))] if name_shaped(head) else []
    lengths = (2, 3) if text[2:].startswith(_AFFILIATION_STARTS) else (3, 2)
    return [(text[:k], text[k:]) for k in lengths if name_shaped(text[:k])]


# The source's label glued to its name before the date, no colon: "本文来源于
# 北京商报  2024-05-20 09:47:48" (caijing, session 24), "来源于新华网 2024-…".
_SOURCE_WORDS_RE = re.compile(r"^(?:本文|文章|稿件|信息|新闻)?来源(?:于|自)\s*")


# A platform account's description beside the date: "2024-05-22 08:16 · 湖南株洲
# 日报社官方账号" (今日头条, session 24) — the paper is 株洲日报: the account
# word, then the paper's 社, then the province before a city's paper go.
_ACCOUNT_WORDS_RE = re.compile(r"(?:官方账号|官方帐号|官方号)$")
_PAPER_HOUSE_RE = re.compile(r"(?<=[日晚]报)社$")
MIN_CITY_PAPER = 4  # 株洲日报; 湖南日报 without 湖南 is no paper


def source_name(printed: str) -> str:
    """The source a date line names beside its date (``_SOURCE_WORDS_RE``,
    ``account_owner``)."""
    return account_owner(_SOURCE_WORDS_RE.sub("", printed))


def account_owner(name: str) -> str:
    if not _ACCOUNT_WORDS_RE.search(name):
        return name
    owner = _PAPER_HOUSE_RE.sub("", _ACCOUNT_WORDS_RE.sub("", name))
    for province in PROVINCES:
        rest = owner.removeprefix(province).removeprefix("省")
        # a city's paper or body after the province ("湖南省株洲市融媒体中心"),
        # not the province's own ("湖南省人民政府", "湖南日报")
        if rest != owner and len(rest) >= MIN_CITY_PAPER and _CITY_OWNED_RE.search(rest):
            return rest
    return owner


_CITY_OWNED_RE = re.compile(r"^[^省]{2,4}[市县区州]|[日晚]报$")
