"""The forms six held-out GNE pages showed the rules missing (issue 13,
session 20): a channel's title bar, a side box above the headline, a
reposter's tag, fields glued to their labels in a run split by bars,
several reporters after one role, an editor in Latin letters, a menu's
"编辑…" entry and counties padded to align. Every example here is written
for the project, in the forms those pages take, never copied from them."""

from __future__ import annotations

import pytest
from conftest import web_page as page

from ingest.parse.document import parse_document
from ingest.text.lines import parse_byline
from ingest.text.metalines import parse_metadata

MENU = ["首页", "本地新闻", "通知公告", "便民服务"]


STORY = [
    "近日,荷塘区新建的三座口袋公园陆续开放,周边居民饭后多了散步休闲的去处。",
    "据介绍,三座公园均利用边角地改造而成,园内设有健身器材和儿童游乐设施。",
]


def test_a_bar_run_of_fields_glued_to_their_labels_is_metadata() -> None:
    meta = parse_metadata(
        "发布于2021-11-03 09:15| \t\t357次阅读| \t\t来源株洲生活网| 2 条评论| 作者刘一凡"
    )
    assert meta is not None
    assert (meta.date, meta.time) == ("2021-11-03", "09:15")
    assert meta.publication == "株洲生活网"
    assert meta.authors == ["刘一凡"]


def test_a_bar_run_with_a_field_no_label_opens_is_no_metadata() -> None:
    assert parse_metadata("我们|你们|他们都来了") is None
    assert parse_metadata("发布于2021-11-03| 大家都在看| 来源株洲生活网") is None


def test_a_date_field_followed_by_tabs_and_a_read_counter_is_metadata() -> None:
    meta = parse_metadata("时间：2022-04-11 \t\t作者：本站整理\t\t阅读：208")
    assert meta is not None
    assert meta.date == "2022-04-11"
    # "compiled by this site": the field is read, no person made of it
    assert meta.authors == []


def test_a_date_glued_to_its_label_in_a_space_is_read() -> None:
    meta = parse_metadata("发表于 2020-08-09")
    assert meta is not None and meta.date == "2020-08-09"


def test_several_reporters_after_the_role_of_an_author_field_are_read() -> None:
    meta = parse_metadata("采写：株洲晚报记者 王小川 李青")
    assert meta is not None
    assert meta.authors == ["王小川", "李青"]


def test_an_editor_in_latin_letters_is_read_and_a_login_is_not() -> None:
    meta = parse_metadata("责编：Tom Li")
    assert meta is not None
    assert meta.editors == [("责编", "Tom Li")]
    assert parse_metadata("责任编辑:zhangsan") is None


def test_a_county_padded_to_align_is_no_bare_byline() -> None:
    assert parse_byline("攸\u3000县", 0) is None
    assert parse_byline("荷 区", 0) is None
    byline = parse_byline("戴 鵬", 0)
    assert byline is not None and [c.name for c in byline.contributors] == ["戴 鵬"]


def test_a_story_over_a_list_of_county_sites_keeps_its_headline() -> None:
    counties = []
    for county, site in [("攸\u3000县", "yx"), ("茶\u3000陵", "cl"), ("炎\u3000陵", "yl")]:
        counties += [f"http://www.{site}.example.gov.cn/", county]
    text = page(
        "荷塘区口袋公园陆续开放 - 某某市人民政府门户网站",
        *MENU,
        "荷塘区口袋公园陆续开放",
        "时间：2023-05-02 08:30",
        *STORY,
        "县市区",
        "省直部门",
        *counties,
    )
    document = parse_document(text)
    assert [a.title for a in document.articles] == ["荷塘区口袋公园陆续开放"]
    assert document.articles[0].contributors == []


def test_the_title_bar_search_passes_a_side_box_notice_above_the_headline() -> None:
    text = page(
        "荷塘区口袋公园陆续开放-株洲生活网",
        *MENU,
        "本站声明",
        "本站所载文章仅供参考，转载请注明出处，如有侵权请与我们联系删除。",
        "荷塘区口袋公园陆续开放",
        "时间：2023-05-02",
        *STORY,
    )
    document = parse_document(text)
    assert document.articles[0].title == "荷塘区口袋公园陆续开放"


@pytest.mark.parametrize(
    ("bar", "named"),
    [
        # a section's name shorter than a headline (its breadcrumb is chrome)
        ("通知公告_株洲市档案馆", "首页 > 通知公告"),
        # a longer one the last step of the breadcrumb
        ("本会新闻动态--某某区文联", "首页 - 本会新闻动态"),
    ],
)
def test_a_channel_title_bar_gives_the_headline_above_the_date_line(bar: str, named: str) -> None:
    text = page(
        bar,
        *MENU,
        named,
        "关于开展国际档案日宣传活动的通知！",
        "发布日期：2021-06-03 来源：株洲市档案馆",
        "各县市区档案馆：为做好今年国际档案日宣传工作，现将有关事项通知如下，请认真组织实施。",
        "一、活动时间为6月9日至6月15日，各单位可结合实际开展档案开放日等活动。",
    )
    document = parse_document(text)
    assert [a.title for a in document.articles] == ["关于开展国际档案日宣传活动的通知！"]


def test_a_bar_of_two_names_the_page_never_names_is_no_channel_bar() -> None:
    text = page(
        "本馆档案工作动态_株洲市档案馆",
        *MENU,
        "关于开展国际档案日宣传活动的通知！",
        "发布日期：2021-06-03 来源：株洲市档案馆",
        "各县市区档案馆：为做好今年国际档案日宣传工作，现将有关事项通知如下，请认真组织实施。",
    )
    document = parse_document(text)
    assert document.articles[0].title != "关于开展国际档案日宣传活动的通知！"


def test_a_reposters_tag_is_left_out_where_the_original_title_is_printed() -> None:
    text = page(
        "[某某家具城]芦淞区夜市重新开张-某某传媒",
        *MENU,
        "[某某家具城]芦淞区夜市重新开张",
        "2022年08月19日 某某传媒",
        "原标题：芦淞区夜市重新开张",
        *STORY,
    )
    document = parse_document(text)
    assert document.articles[0].title == "芦淞区夜市重新开张"


def test_a_column_tag_without_an_original_title_stays_in_the_headline() -> None:
    text = page(
        "【新春走基层】芦淞区夜市重新开张-某某传媒",
        *MENU,
        "【新春走基层】芦淞区夜市重新开张",
        "2022年08月19日",
        *STORY,
    )
    document = parse_document(text)
    assert document.articles[0].title == "【新春走基层】芦淞区夜市重新开张"


def test_an_editor_role_glued_to_a_word_is_a_menu_entry_not_a_byline() -> None:
    assert parse_byline("编辑推荐", 0) is None
    assert parse_byline("编辑计划表", 0) is None
    byline = parse_byline("编辑 周敏", 0)
    assert byline is not None and [c.name for c in byline.contributors] == ["周敏"]
