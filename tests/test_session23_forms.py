"""Forms of the session 23 own-form fixtures (tests/fixtures/web/, written for
the project), each rule tried here on a second example it was not written
for, and on a line of the same look that keeps its old reading."""

from __future__ import annotations

import pytest
from conftest import all_text, only_article
from conftest import web_page as page

from ingest.extract.figures import find_figures
from ingest.parse.document import parse_document
from ingest.text.chrome import chrome_rule, chrome_rules
from ingest.text.lines import parse_date_line, split_credit
from ingest.text.metalines import parse_metadata
from ingest.text.teasers import dated_title

STORY = "3月5日,石峰区田心街道新建的社区食堂开门迎客,首日接待老人200余人次。"


@pytest.mark.parametrize(
    "line",
    [
        "上一版  下一版  PDF下载",
        "< 上一版   下一版 >  本版PDF",
        "本版共4篇  第1篇  第2篇  第3篇  第4篇",
        "第B01版  第B02版  第B03版",
        "打开掌上株洲 看更多本地新闻",
        "下载红网时刻客户端 阅读更多精彩",
        "用手机扫码二维码",
        "本文来自百家号“醴陵发布”",
        "点击查看下一张",
        "攸县融媒体中心主办",
        "申请入驻",
        "网站导航  邮箱  登录",
    ],
)
def test_the_furniture_of_editions_apps_and_platforms_is_chrome(line: str) -> None:
    assert chrome_rule(line) is not None


@pytest.mark.parametrize(
    "line",
    ["打开窗户 看风景", "活动由市文明办主办", "第3篇作品获一等奖", "本次比赛由市体育局主办。"],
)
def test_lines_of_the_same_look_in_a_story_are_no_chrome(line: str) -> None:
    assert chrome_rule(line) is None


def test_a_numbered_list_of_the_page_s_headlines_under_its_name_is_navigation() -> None:
    texts = ["本版目录", "1. 田心社区食堂开门迎客", "2. 响石岭路改造完工", STORY]
    assert chrome_rules(texts)[:3] == ["navigation"] * 3
    assert chrome_rules(texts)[3] is None


def test_a_short_name_over_the_site_s_menu_is_its_masthead() -> None:
    assert chrome_rules(["掌上株洲", "首页 > 本地 > 石峰"])[0] == "masthead"
    assert chrome_rules(["掌上株洲", STORY])[0] is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("2024年03月05日  第A03版:区县", "2024-03-05"),
        ("2024年03月05日 星期二 | 首页 | 版面导航 | 往期回顾", "2024-03-05"),
    ],
)
def test_a_date_over_the_edition_s_page_or_menu_names_no_source(line: str, date: str) -> None:
    dated = parse_date_line(line)
    assert dated is not None and (dated.date, dated.publication) == (date, None)


def test_a_date_before_a_site_s_name_still_names_the_source() -> None:
    dated = parse_date_line("2024-03-05 株洲新闻网")
    assert dated is not None and dated.publication == "株洲新闻网"


def test_a_source_field_wins_over_the_name_beside_the_date() -> None:
    article_page = parse_document(
        page("田心社区食堂开门迎客", "掌上株洲 2024-03-05 10:20", STORY, "来源:株洲日报")
    ).pages[0]
    assert article_page.publication == "株洲日报"


def test_the_province_after_a_platform_s_source_is_no_part_of_it() -> None:
    meta = parse_metadata("2024-03-05 10:20:00 来源: 醴陵日报 湖南")
    assert meta is not None and meta.publication == "醴陵日报"


@pytest.mark.parametrize(
    ("line", "editors"),
    [
        ("编审:周敏", [("编审", "周敏")]),
        ("监制:陈二 审核:李青", [("监制", "陈二"), ("审核", "李青")]),
    ],
)
def test_desk_roles_of_county_sites_and_accounts_are_editors(
    line: str, editors: list[tuple[str, str]]
) -> None:
    meta = parse_metadata(line)
    assert meta is not None and meta.editors == editors


def test_the_maker_field_and_the_original_headline_are_fields_not_text() -> None:
    assert parse_metadata("出品:攸县融媒体中心") is not None
    lines = [
        "田心街道社区食堂开门迎客",
        "2024-03-05 来源:株洲晚报",
        "原标题:社区食堂开门 老人吃上热乎饭",
    ]
    document = parse_document(page(*lines, STORY))
    assert document.articles[0].title == "田心街道社区食堂开门迎客"
    assert "原标题" not in all_text(document)


def test_a_view_count_after_the_author_leaves_the_header_row_read() -> None:
    meta = parse_metadata("2024-03-05 10:20 来源:株洲日报 作者:周敏 点击量:88")
    assert meta is not None and (meta.date, meta.authors) == ("2024-03-05", ["周敏"])


def test_a_series_number_makes_the_line_over_the_headline_its_kicker() -> None:
    article = only_article(
        "县域经济巡礼之五", "攸县:汽配产业链越拉越长", "2024-03-05 来源:株洲日报", STORY
    )
    assert (article.kicker, article.title) == ("县域经济巡礼之五", "攸县:汽配产业链越拉越长")


def test_a_joint_newsroom_s_byline_gives_its_paper() -> None:
    article = only_article("田心社区食堂开门迎客", "株洲日报·掌上株洲记者 刘畅 通讯员 王芳", STORY)
    assert [(c.name, c.role, c.organization) for c in article.contributors] == [
        ("刘畅", "记者", "株洲日报"),
        ("王芳", "通讯员", None),
    ]


def test_a_column_label_after_the_reporter_role_is_a_heading_not_a_name() -> None:
    article = only_article(
        "田心社区食堂开门迎客",
        "2024-03-05 来源:株洲日报",
        STORY,
        "记者观察",
        "食堂办得好,关键在于用心。",
    )
    assert article.contributors == []
    assert "记者观察" in [s.heading for s in article.sections]


def test_a_gallery_counter_is_cut_from_its_caption() -> None:
    assert split_credit("社区食堂的窗口前排起长队。(2/5)")[0] == "社区食堂的窗口前排起长队。"


def test_captions_without_credit_go_to_the_byline_s_photographer() -> None:
    article = only_article(
        "田心社区食堂开门迎客",
        "撰文/王芳 摄影/李青",
        STORY,
        "▲老人们在食堂用餐。",
        "据介绍,食堂每天供应午餐和晚餐。",
    )
    (caption,) = article.captions
    assert [p.name for p in caption.photographers] == ["李青"]


def test_earlier_posts_under_a_post_are_not_its_text() -> None:
    document = parse_document(
        page(
            "田心社区食堂开门迎客",
            "掌上石峰 2024-03-05 18:30 发表于湖南",
            STORY,
            "编辑:王芳",
            "往期推荐",
            "响石岭路改造完工",
            "清水塘生态公园开园",
        )
    )
    assert "响石岭路改造完工" not in all_text(document)
    assert document.articles[0].paragraphs[-1].text == STORY


# --- rules the fifth held-out set asked for, on pages of our own -----------


def test_a_desk_code_alone_in_the_editor_field_names_no_one_and_keeps_the_line() -> None:
    meta = parse_metadata("本文来源:湘声报 作者:李青 责任编辑:ZZ017")
    assert meta is not None
    assert (meta.publication, meta.authors, meta.editors) == ("湘声报", ["李青"], [])


@pytest.mark.parametrize(
    "line",
    ["来源:株洲日报 2024-03-05 10:20:00|  浏览:88次", "来源:醴陵日报 2024-03-05|  点击:12"],
)
def test_a_date_after_the_source_is_read_with_a_counter_far_after_it(line: str) -> None:
    meta = parse_metadata(line)
    assert meta is not None and meta.date == "2024-03-05"
    assert meta.publication in ("株洲日报", "醴陵日报")


def test_the_closing_source_line_under_a_box_of_picks_stays_and_the_box_goes() -> None:
    document = parse_document(
        page(
            "田心社区食堂开门迎客",
            "2024-03-05 10:20 来源:掌上株洲",
            STORY,
            "重点推荐",
            "响石岭路改造完工",
            "清水塘生态公园开园",
            "本文来源:株洲日报 作者:王芳 责任编辑:ZZ017",
        )
    )
    (article,) = document.articles
    assert "响石岭路改造完工" not in all_text(document)
    assert [(c.name, c.role) for c in article.contributors] == [("王芳", "作者")]


def test_a_zero_under_the_share_buttons_is_their_count_and_a_one_is_a_part_number() -> None:
    assert chrome_rules(["分享到:", "0", STORY])[1] == "counter"
    assert chrome_rules(["分享到:", "1", STORY])[1] is None


def test_an_app_s_slogan_under_its_download_button_is_chrome() -> None:
    assert chrome_rules(["下载客户端", "新闻早知道", STORY])[1] == "share"
    assert chrome_rules(["首页 > 株洲", "新闻早知道", STORY])[1] is None


def test_teasers_under_a_heading_with_its_tags_are_no_story_text() -> None:
    document = parse_document(
        page(
            "田心社区食堂开门迎客",
            "2024-03-05 来源:株洲日报",
            STORY,
            "相关阅读        社区食堂    养老    石峰区",
            "石峰区再添两家社区食堂,老人吃饭更方便了吗?2024-02-20",
            "三部门联合发布:社区食堂建设指引2024-01-15",
        )
    )
    assert "三部门联合发布" not in all_text(document)
    assert "更方便了吗" not in all_text(document)


def test_a_sentence_closed_before_its_date_is_no_teaser() -> None:
    assert dated_title("老人吃饭更方便了吗?2024-02-20") is not None
    assert dated_title("食堂每天供应午餐。2024-02-20") is None
    assert dated_title("2024-02-20 来源:株洲日报") is None


@pytest.mark.parametrize(
    ("sentence", "raw", "unit"),
    [("全省出栏家禽5.5亿羽。", "5.5亿羽", "羽"), ("今年共投放鱼苗100万尾。", "100万尾", "尾")],
)
def test_livestock_counters_are_units(sentence: str, raw: str, unit: str) -> None:
    assert [(f.raw, f.unit) for f in find_figures(sentence)] == [(raw, unit)]


@pytest.mark.parametrize("sentence", ["他每周打两次羽毛球。", "活动进入尾声。"])
def test_words_the_livestock_counters_start_are_no_units(sentence: str) -> None:
    assert all(f.unit not in ("羽", "尾") for f in find_figures(sentence))


# --- rules the sixth held-out set asked for, on pages of our own -----------


@pytest.mark.parametrize(
    ("line", "source", "author"),
    [
        ("2024年03月05日09:47株洲日报王小川我要评论(0)", "株洲日报", "王小川"),
        ("2024年03月05日10:20湘声报李青", "湘声报", "李青"),
    ],
)
def test_an_info_row_saved_without_spaces_gives_source_and_writer(
    line: str, source: str, author: str
) -> None:
    meta = parse_metadata(line)
    assert meta is not None
    assert (meta.date, meta.publication, meta.authors) == ("2024-03-05", source, [author])


def test_a_date_a_space_and_a_site_with_a_province_is_still_a_date_line() -> None:
    assert parse_metadata("2024-03-05 09:30 人民网湖南") is None
    dated = parse_date_line("2024-03-05 09:30 人民网湖南")
    assert dated is not None and dated.publication == "人民网湖南"


def test_a_name_between_the_headline_and_the_date_line_is_the_author() -> None:
    article = only_article("田心社区食堂开门迎客", "刘畅", "2024-03-05 10:20 来源:株洲日报", STORY)
    assert [(c.name, c.role) for c in article.contributors] == [("刘畅", "")]
    assert article.subtitle is None


def test_a_subtitle_between_the_headline_and_the_date_line_stays_the_subtitle() -> None:
    article = only_article(
        "田心社区食堂开门迎客", "老人吃上热乎饭", "2024-03-05 10:20 来源:株洲日报", STORY
    )
    assert (article.subtitle, article.contributors) == ("老人吃上热乎饭", [])


def test_a_list_of_related_reports_under_gov_cn_s_heading_is_no_story_text() -> None:
    document = parse_document(
        page(
            "田心社区食堂开门迎客",
            "2024-03-05 来源:株洲日报",
            STORY,
            "相关稿件",
            "石峰区再添两家社区食堂 2024-02-20",
        )
    )
    assert "再添两家" not in all_text(document)


@pytest.mark.parametrize(
    "sentence", ["市政协十三届三次会议开幕。", "会议传达学习党的二十届三中全会精神。"]
)
def test_a_session_s_number_before_its_meeting_is_no_figure(sentence: str) -> None:
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "raw"),
    [("受大雾影响,株洲站停运列车12列。", "12列"), ("机场当天取消航班8架次。", "8架次")],
)
def test_trips_of_trains_and_flights_are_counted(sentence: str, raw: str) -> None:
    assert [f.raw for f in find_figures(sentence)] == [raw]


def test_a_word_that_starts_with_the_train_counter_is_no_unit() -> None:
    assert all(f.unit != "列" for f in find_figures("该项目已列入全市重点工程,共投资3亿元。"))
