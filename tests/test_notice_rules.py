"""A notice or a letter on a government site (session 23): its salutation is
a paragraph of its own, and its signature under the last paragraph is text,
not a section heading with nothing under it. Every example is written for the
project; each rule has a second example and a line of the same look that
keeps its old reading."""

from __future__ import annotations

import pytest
from conftest import web_page as page

from ingest.model import Article
from ingest.parse.document import parse_document


def article_of(*lines: str) -> Article:
    (article,) = parse_document(page(*lines)).articles
    return article


def notice(salutation: str, signature: str) -> Article:
    return article_of(
        "关于响石岭路临时交通管制的通告",
        "发布时间:2024-06-18 10:20 来源:石峰区人民政府",
        salutation,
        "因道路改造施工需要,自6月20日起,响石岭路实施临时交通管制,禁止机动车通行。",
        "给您带来的不便,敬请谅解。",
        signature,
    )


@pytest.mark.parametrize("salutation", ["广大市民朋友:", "各有关单位:", "尊敬的用户:"])
def test_a_salutation_is_a_paragraph_of_its_own(salutation: str) -> None:
    article = notice(salutation, "特此通告。")
    assert article.paragraphs[0].text == salutation
    assert article.paragraphs[1].text.startswith("因道路改造")


def test_a_speaker_before_a_colon_still_runs_on_into_the_next_line() -> None:
    article = article_of(
        "全市新建公路一百二十公里",
        "2024-06-18 来源:株洲日报",
        "市交通局负责人介绍:",
        "今年全市新建公路120公里,改造危桥16座。",
    )
    assert article.paragraphs[0].text == "市交通局负责人介绍:今年全市新建公路120公里,改造危桥16座。"


@pytest.mark.parametrize("signature", ["株洲市公安局交通警察支队石峰大队", "荷塘区月塘街道办事处"])
def test_a_signature_under_the_last_paragraph_is_its_last_paragraph(signature: str) -> None:
    article = notice("广大市民朋友:", signature)
    assert article.paragraphs[-1].text == signature
    assert article.sections == []


def test_a_heading_with_text_under_it_stays_a_section() -> None:
    article = article_of(
        "炎陵黄桃节开幕",
        "2024-07-20 来源:炎陵县融媒体中心",
        "7月20日,炎陵黄桃文化旅游节在中村乡开幕,游客近万人。",
        "果农笑开颜",
        "今年全县黄桃种植面积达到8.5万亩,果农户均增收两万元。",
    )
    assert [s.heading for s in article.sections] == ["果农笑开颜"]
