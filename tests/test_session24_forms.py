"""Forms met in session 24, each rule tried on the example that motivated it
and on a second one it was not written for, and on a line of the same look
that keeps its old reading."""

from __future__ import annotations

from conftest import all_text
from conftest import web_page as page

from ingest.parse.document import parse_document
from ingest.text.chrome import chrome_rules

STORY = "3月5日,石峰区田心街道新建的社区食堂开门迎客,首日接待老人200余人次。"


def test_the_hosts_in_an_event_s_info_box_stay_in_the_story() -> None:
    # written for: a festival's box of time, place and hosts (a review's probe)
    text = page(
        "神农公园端午游园会本周六开幕",
        STORY,
        "活动时间:6月1日9:00—17:00",
        "活动地点:神农公园南门广场",
        "主办单位:株洲市文旅广电局",
        "承办单位:神农公园管理处",
        "市民可免费入园参观。",
    )
    kept = all_text(parse_document(text))
    assert "主办单位:株洲市文旅广电局" in kept
    assert "承办单位:神农公园管理处" in kept


def test_a_contest_notice_s_hosts_stay_in_the_story() -> None:
    # not written for: a contest, its place below the hosts, no 单位
    texts = ["主办:株洲市体育局", "协办:芦淞区文体中心", "比赛地点:市体育中心", STORY]
    assert chrome_rules(texts)[:3] == [None, None, None]


def test_a_site_footer_s_hosts_are_still_chrome() -> None:
    # the footer the rule was first written for: no time or place of an event,
    # though a page's own date line ("时间:…") stands near it
    texts = [
        STORY,
        "时间:2024-03-05 10:20",
        "主办:株洲市荷塘区人民政府办公室",
        "承办:荷塘区融媒体中心",
        "湘ICP备05001234号",
    ]
    assert chrome_rules(texts)[2:] == ["footer", "footer", "footer"]


def test_the_fields_of_an_info_box_are_paragraphs_not_subheadings() -> None:
    # written for: the festival's box above, its lines had become two
    # sections, each labelled by the line above it
    text = page(
        "神农公园端午游园会本周六开幕",
        STORY,
        "活动时间:6月1日9:00—17:00",
        "活动地点:神农公园南门广场",
        "主办单位:株洲市文旅广电局",
        "市民可免费入园参观。",
    )
    (article,) = parse_document(text).articles
    assert not article.sections
    assert [p.text for p in article.paragraphs][1:4] == [
        "活动时间:6月1日9:00—17:00",
        "活动地点:神农公园南门广场",
        "主办单位:株洲市文旅广电局",
    ]


def test_a_notice_s_fields_stand_apart_and_a_place_s_colon_still_heads() -> None:
    # not written for: a sign-up notice's fields; and a headline of the form
    # "place: what" keeps its reading
    text = page(
        "醴陵:陶瓷小镇招募暑期志愿者",
        STORY,
        "报名时间:7月1日至7月10日",
        "咨询电话:0731-23456789",
    )
    (article,) = parse_document(text).articles
    assert article.title == "醴陵:陶瓷小镇招募暑期志愿者"
    assert [p.text for p in article.paragraphs][1:] == [
        "报名时间:7月1日至7月10日",
        "咨询电话:0731-23456789",
    ]
