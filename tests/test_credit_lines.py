"""A feature's or a self-media post's credit line, each short craft before a
slash: "文/刘畅 图/李青" (session 23). Every example is written for the
project; each form has a second example, and lines of the same look that are
no credit stay text."""

from __future__ import annotations

import pytest
from conftest import all_text
from conftest import web_page as page

from ingest.parse.document import parse_document

STORY = [
    "建宁街道新增三处口袋公园",
    "{credit}",
    "近日,芦淞区建宁街道新建的三处口袋公园对外开放,居民在家门口就能散步健身。",
    "编辑:王芳",
]


def credited(credit: str) -> list[tuple[str, str]]:
    lines = [line.format(credit=credit) for line in STORY]
    (article,) = [a for p in parse_document(page(*lines)).pages for a in p.articles]
    return [(c.name, c.role) for c in article.contributors]


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("文/刘畅 图/李青", [("刘畅", "文"), ("李青", "图")]),
        ("文 / 周敏  图 / 陈二、王小川", [("周敏", "文"), ("陈二", "图"), ("王小川", "图")]),
        ("撰文/陈二 摄影/李青 视频/周敏", [("陈二", "撰文"), ("李青", "摄影"), ("周敏", "视频")]),
        ("文·图/周敏", [("周敏", "文·图")]),
        ("图文/王小川", [("王小川", "图文")]),
        ("文/图 刘畅", [("刘畅", "文/图")]),
        ("记者 王小川 图/李青", [("王小川", "记者"), ("李青", "图")]),
    ],
)
def test_a_credit_line_gives_each_name_its_craft(
    credit: str, expected: list[tuple[str, str]]
) -> None:
    assert credited(credit) == expected


@pytest.mark.parametrize("line", ["文化 活动", "图书馆 开放", "图文直播间", "视频 回放"])
def test_a_line_of_craft_words_without_a_slash_stays_text(line: str) -> None:
    document = parse_document(page(*[li.format(credit=line) for li in STORY]))
    assert line in all_text(document)
    assert credited(line) == []
