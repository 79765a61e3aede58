"""Web pages as users save or copy them: related-link blocks, chrome, metadata
lines, dates, bylines, headlines and captions. Every example here is written
for the project in the forms real pages take, never copied from a site."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import column_menu

from ingest.manifest import NOTHING_GIVEN, apply_given
from ingest.model import Document
from ingest.parse.document import parse_document
from ingest.pipeline import InputError, parse_source, read_source
from ingest.text.captions import strip_mark
from ingest.text.chrome import chrome_rule
from ingest.text.dates import find_date
from ingest.text.lines import parse_byline, parse_date_line, split_credit
from ingest.text.metalines import parse_metadata


def story(title: str, byline: str, *paragraphs: str) -> str:
    return "\n\n".join([title, byline, *paragraphs])


def test_stories_after_a_related_news_heading_are_articles_not_links() -> None:
    # A long page file: one story, a 相关阅读 line, then hundreds of stories
    # each with its own headline and byline. None of them is a teaser.
    first = story(
        "荷塘区新建三座口袋公园",
        "株洲日报全媒体记者/王小川 通讯员/李青",
        "今年以来,荷塘区利用边角地新建三座口袋公园,周边居民多了休闲去处。",
    )
    others = [
        story(
            f"第{n}个社区开通便民服务站",
            "株洲日报全媒体记者/赵明亮",
            f"记者从芦淞区获悉,第{n}个社区便民服务站本周正式开放,居民办事不出小区。",
        )
        for n in range(1, 301)
    ]
    text = "\n\n".join([first, "相关阅读", *others])
    document = parse_document(text)
    assert len(document.articles) == 301
    assert document.related_links == []
    assert document.articles[-1].title == "第300个社区开通便民服务站"


def test_a_teaser_block_after_the_heading_is_related_links() -> None:
    text = "\n\n".join(
        [
            story(
                "醴陵瓷器走进国际展会",
                "株洲日报全媒体记者/孙一鸣",
                "日前,十余家醴陵陶瓷企业带着新品参加国际展会,现场签下多笔订单。",
            ),
            "【相关新闻】",
            "醴陵举办陶瓷文化周 2023-05-12",
            "株洲产釉下五彩瓷亮相博览会 2023-04-30",
            "陶瓷谷新添两家工作室 2023-04-02",
        ]
    )
    document = parse_document(text)
    (article,) = document.articles
    assert [link.title for link in document.related_links] == [
        "醴陵举办陶瓷文化周",
        "株洲产釉下五彩瓷亮相博览会",
        "陶瓷谷新添两家工作室",
    ]
    assert "陶瓷文化周" not in article.body


def test_a_second_story_under_related_news_with_its_own_byline_is_split() -> None:
    text = "\n\n".join(
        [
            story(
                "攸县开通两条城乡公交",
                "记者/陈小雨",
                "本月起,攸县新开两条城乡公交线路,沿线三个乡镇的村民进城更方便了。",
            ),
            "相关新闻",
            story(
                "茶陵公交实现村村通",
                "株洲日报记者 刘一凡 通讯员 周敏",
                "截至目前,茶陵县所有行政村都通了公交,最远的山村到县城只需一个小时。",
            ),
        ]
    )
    document = parse_document(text)
    assert [a.title for a in document.articles] == ["攸县开通两条城乡公交", "茶陵公交实现村村通"]
    assert [c.name for c in document.articles[1].contributors] == ["刘一凡", "周敏"]
    assert "相关新闻" not in document.articles[0].body
    assert document.related_links == []


def test_teasers_then_a_story_keep_the_story() -> None:
    text = "\n\n".join(
        [
            story(
                "石峰区老旧小区加装电梯",
                "株洲日报全媒体记者/谭小文",
                "今年石峰区计划为老旧小区加装电梯四十台,目前已完工十二台。",
            ),
            "延伸阅读:",
            "• 天元区加装电梯经验分享\n• 加装电梯补贴怎么申请",
            story(
                "芦淞区试点楼道微改造",
                "通讯员/许佳",
                "芦淞区选取五个小区试点楼道微改造,粉刷墙面、更换照明,花钱少见效快。",
            ),
        ]
    )
    document = parse_document(text)
    assert [a.title for a in document.articles] == [
        "石峰区老旧小区加装电梯",
        "芦淞区试点楼道微改造",
    ]
    assert [link.title for link in document.related_links] == [
        "天元区加装电梯经验分享",
        "加装电梯补贴怎么申请",
    ]


DIGITAL_EDITION = """当前位置:首页 > 株洲新闻 > 正文

渌口区新修三座便民桥 村民雨天出行不再绕路

2023-07-24 15:13 来源:株洲日报 作者:王小川 编辑:李青

字号:【大 中 小】

入夏以来,渌口区在三个村新修便民桥,村民过河不用再绕行两公里。

“以前一下雨就只能绕远路,现在十分钟就到镇上。”村民周大爷说。

图片1.jpg

新修的便民桥

分享到: 微信 微博 QQ空间

本文为株洲新闻网原创文章,转载请注明出处

• 上一篇 • 下一篇

关闭本页 打印本页 收藏
"""

COUNTY_SITE = """炎陵县举办黄桃采摘节,果农增收有了新门路

發布日期:2021年06月03日20:09  來源:炎陵縣融媒體中心  瀏覽次數:312

所在位置:首页 » 政务动态 » 乡镇动态

6月2日,炎陵县黄桃采摘节开幕,上千名游客走进果园采摘。

据介绍,今年全县黄桃种植面积比去年增加一成。

责任编辑:周敏

【纠错】 【打印】 【关闭】
"""


def test_chrome_lines_are_left_out_and_counted() -> None:
    document = parse_document(DIGITAL_EDITION)
    (article,) = document.articles
    assert article.title == "渌口区新修三座便民桥 村民雨天出行不再绕路"
    for furniture in ("当前位置", "字号", "分享到", "转载", "上一篇", "关闭本页", "图片1.jpg"):
        assert furniture not in article.body
        assert furniture not in [s.heading for s in article.sections]
    assert document.chrome_lines == 7
    county = parse_document(COUNTY_SITE)
    assert county.chrome_lines == 2  # the location line and the page tools
    assert "纠错" not in county.articles[0].body


def test_metadata_line_gives_date_time_publication_author_and_editor() -> None:
    (page,) = parse_document(DIGITAL_EDITION).pages
    assert (page.date, page.time, page.publication) == ("2023-07-24", "15:13", "株洲日报")
    (article,) = page.articles
    assert [(c.role, c.name) for c in article.contributors] == [("作者", "王小川")]
    assert [(c.role, c.name) for c in article.editors] == [("编辑", "李青")]
    assert article.byline == "王小川"
    assert "来源" not in article.body


def test_traditional_release_date_field_and_footer_editor_are_read() -> None:
    document = parse_document(COUNTY_SITE)
    (page,) = document.pages  # the footer editor line opens no page
    assert (page.date, page.time, page.publication) == ("2021-06-03", "20:09", "炎陵縣融媒體中心")
    (article,) = page.articles
    # a long headline with a comma is the headline
    assert article.title == "炎陵县举办黄桃采摘节,果农增收有了新门路"
    assert ("责任编辑", "周敏") in [(c.role, c.name) for c in article.editors]
    assert article.body.startswith("6月2日,炎陵县黄桃采摘节开幕")


def test_the_caption_under_an_image_placeholder_is_a_caption() -> None:
    (article,) = parse_document(DIGITAL_EDITION).articles
    assert [c.text for c in article.captions] == ["新修的便民桥"]


def test_dates_in_the_forms_web_pages_print() -> None:
    from ingest.text.dates import find_date

    cases = {
        "2012年06月25日 08:47:00": ("2012-06-25", "08:47:00"),
        "2021年06月03日20:09": ("2021-06-03", "20:09"),
        "2019-07-22": ("2019-07-22", None),
        "2025-07-04 11:27:48": ("2025-07-04", "11:27:48"),
        "06.02.2015 17:21": ("2015-02-06", "17:21"),
        "2019.09.20": ("2019-09-20", None),
        "2019/9/2": ("2019-09-02", None),
    }
    for printed, expected in cases.items():
        stamp = find_date(printed)
        assert stamp is not None and (stamp.date, stamp.time) == expected, printed
    assert find_date("31.02.2015") is None  # no such day
    assert find_date("电话:2019-0722") is None


def test_a_page_that_prints_no_date_takes_the_file_names() -> None:
    text = "株洲新开两条公交线路\n\n本周起,市区新开两条公交线路。"
    for name, date in (
        ("20230920_株洲日报.txt", "2023-09-20"),
        ("2023-09-20 晚报.txt", "2023-09-20"),
        ("2023年9月20日.md", "2023-09-20"),
        ("notes.txt", None),
    ):
        assert apply_given(parse_document(text), NOTHING_GIVEN, name)[0].pages[0].date == date
    printed = "株洲新开两条公交线路\n\n发布时间:2021-01-05\n\n本周起,市区新开两条公交线路。"
    document, _ = apply_given(parse_document(printed), NOTHING_GIVEN, "20230920.txt")
    assert document.pages[0].date == "2021-01-05"


def test_a_post_with_no_headline_gets_a_derived_title_and_a_warning() -> None:
    text = (
        "今天上午,天元区一处小区的居民自发清理了楼道杂物,还给每层楼装上了感应灯。\n\n"
        "物业负责人说,下一步会在小区里多设几处垃圾分类点。"
    )
    document = parse_document(text)
    (article,) = document.articles
    assert article.title_derived
    assert article.title == "今天上午"
    assert "感应灯" in article.body and "垃圾分类点" in article.body
    assert document.warnings and "derived" in document.warnings[0]


def test_a_gallery_slide_counter_marks_its_caption() -> None:
    text = "\n\n".join(
        [
            "湘江风光带春日掠影",
            "1/3    江边新修的步道上，晨练的市民络绎不绝。",
            "2/3\t樱花树下，一家人在草坪上野餐。",
            "3/3      夜幕降临，沿江的灯光亮了起来。",
            "全市已建成口袋公园一百余个，其中1/3 的公园在江边。",
        ]
    )
    (article,) = parse_document(text).articles
    assert [c.text for c in article.captions] == [
        "江边新修的步道上，晨练的市民络绎不绝。",
        "樱花树下，一家人在草坪上野餐。",
        "夜幕降临，沿江的灯光亮了起来。",
    ]
    # A fraction in the story's text, a space after it, is no counter.
    assert "1/3 的公园在江边" in article.body
    # Nor is a slide past the count.
    assert strip_mark("4/3    江边的步道。") == ("4/3    江边的步道。", False)


def test_a_page_of_captions_only_is_an_article_holding_them() -> None:
    text = "\n\n\n".join(
        [
            "攸县油菜花田里游人如织。刘一凡 摄",
            "茶陵古城墙下的市民晨练。通讯员供图",
            "醴陵窑炉旁的老师傅。记者/孙一鸣 摄",
        ]
    )
    (article,) = parse_document(text).articles
    assert article.title_derived
    assert [c.text for c in article.captions] == [
        "攸县油菜花田里游人如织。",
        "茶陵古城墙下的市民晨练。",
        "醴陵窑炉旁的老师傅。",
    ]


def test_an_editor_line_mid_file_opens_no_page_without_a_date_line() -> None:
    text = (
        "荷塘区开展夜市安全检查\n\n检查组连续三晚走访夜市摊点,督促整改隐患十余处。\n\n"
        "编辑:张晓\n\n"
        "商户们表示,会按要求尽快配齐灭火器。"
    )
    document = parse_document(text)
    assert len(document.pages) == 1
    assert "配齐灭火器" in document.articles[0].body
    # A print page header (date line + editor line) still opens a page.
    header = "2019年9月20日 星期五\n\n责任编辑:王建设\n\n"
    two = parse_document(text + "\n\n" + header + "石峰区新添两处停车场\n\n停车位增加三百个。")
    assert len(two.pages) == 2
    assert two.pages[1].date == "2019-09-20"


def test_a_headline_printed_twice_is_one_title() -> None:
    for twin in ("株洲动力谷再添新项目", "株洲動力谷再添新項目"):
        text = f"株洲动力谷再添新项目\n\n{twin}\n\n日前,一家轨道交通配套企业落户动力谷。"
        (article,) = parse_document(text).articles
        assert article.title == "株洲动力谷再添新项目"
        assert article.sections == []


def test_double_spaced_post_keeps_its_short_sentences_in_the_body() -> None:
    sentences = [
        "清晨的湘江边格外热闹。",
        "晨练的市民沿着风光带慢跑。",
        "几位老人在亭子里唱起了花鼓戏。",
        "孩子们在草地上放风筝。",
        "傍晚时分,江面上亮起了灯光。",
    ]
    text = "湘江风光带的一天\n\n\n" + "\n\n\n".join(sentences)
    (article,) = parse_document(text).articles
    assert article.captions == []
    assert all(s in article.body for s in sentences)


def byline_of(paragraph: str) -> tuple[list[tuple[str, str, str | None]], str]:
    text = f"荷塘区开展夜市安全检查\n\n{paragraph}\n\n检查组督促整改隐患十余处。"
    (article,) = parse_document(text).articles
    people = [(c.role, c.name, c.organization) for c in article.contributors]
    return people, article.body


def test_dateline_bylines_name_each_person_with_role_and_organisation() -> None:
    people, body = byline_of("株洲日报讯(全媒体记者/王小川 通讯员/李青)近日,荷塘区开展夜市检查。")
    # The correspondent (通讯员) writes for his own unit, not for the paper.
    assert people == [("全媒体记者", "王小川", "株洲日报"), ("通讯员", "李青", None)]
    assert body.startswith("近日,荷塘区") and "株洲日报讯" not in body
    people, body = byline_of(
        "新华社长沙6月3日电(记者孙一鸣)记者从省应急厅获悉,夜市检查已覆盖全省。"
    )
    assert people == [("记者", "孙一鸣", "新华社")]
    assert body.startswith("记者从省应急厅获悉")
    people, _ = byline_of("中新网株洲6月3日电 (王小川 实习生 李青)当天,检查组走访夜市。")
    assert people == [("记者", "王小川", "中新网"), ("实习生", "李青", "中新网")]
    people, _ = byline_of("株洲新闻网6月3日讯(记者周敏 整合)夜市检查已覆盖全市。")
    assert people == [("记者", "周敏", "株洲新闻网")]


def test_bracketed_and_own_line_bylines_with_spaces() -> None:
    people, body = byline_of("(记者 刘一凡 通讯员 周敏 陈二)昨日,荷塘区开展夜市检查。")
    assert [p[:2] for p in people] == [("记者", "刘一凡"), ("通讯员", "周敏"), ("通讯员", "陈二")]
    assert body.startswith("昨日")
    people, body = byline_of("潇湘晨报记者 刘一凡 株洲报道")
    assert people == [("记者", "刘一凡", "潇湘晨报")]
    assert "报道" not in body
    people, _ = byline_of("融媒体记者/周敏 (图/文)")
    assert people == [("融媒体记者", "周敏", None)]


def test_a_sentence_opening_with_a_role_word_is_no_byline() -> None:
    people, body = byline_of("记者从市交通局获悉,本周起市区新开两条公交线路。")
    assert people == []
    assert body.startswith("记者从市交通局获悉")


def captions_of(*lines: str) -> tuple[list[tuple[str, str | None]], list, str]:
    text = "\n\n".join(["株洲湘江风光带迎来赏花季", *lines])
    (article,) = parse_document(text).articles
    people = [(p.name, p.organization) for c in article.captions for p in c.photographers]
    return [(c.text, c.credit) for c in article.captions], people, article.body


def test_web_photo_credits_are_split_with_the_photographer() -> None:
    captions, people, body = captions_of(
        "风光带上的樱花开了,市民沿江赏花拍照,周末人流比平日多出一倍。",
        "游客在樱花树下合影。新华社记者 孙一鸣 摄",
        "老照片里的株洲火车站(供图 陈二 翻拍)",
        "江边夜景 刘一凡摄",
        "赏花的人群(王小川 摄)",
        "管理处提醒游客文明赏花,不要攀折花枝。",
    )
    assert captions == [
        ("游客在樱花树下合影。", "新华社记者 孙一鸣 摄"),
        ("老照片里的株洲火车站", "供图 陈二 翻拍"),
        ("江边夜景", "刘一凡摄"),
        ("赏花的人群", "王小川 摄"),
    ]
    assert people == [("孙一鸣", "新华社"), ("陈二", None), ("刘一凡", None), ("王小川", None)]
    assert "不要攀折花枝" in body


def test_marked_captions_and_a_caption_before_the_paragraphs() -> None:
    captions, _, body = captions_of(
        "▲樱花大道上的游人。株洲日报记者 刘一凡 摄",
        "风光带上的樱花开了,市民沿江赏花拍照。",
        "▲ 夜色中的湘江",
        "他说:“我每年都来拍摄。”",
    )
    assert captions == [
        ("樱花大道上的游人。", "株洲日报记者 刘一凡 摄"),
        ("夜色中的湘江", None),
    ]
    assert body.startswith("风光带上的樱花开了") and "我每年都来拍摄" in body


def test_a_copied_site_menu_is_chrome_but_a_footer_of_names_is_not() -> None:
    assert chrome_rule("首页 要闻 区县 民生 文旅 视频 专题") == "navigation"
    assert chrome_rule("财经 股票 基金 理财 外汇 P2P 黄金") == "navigation"
    assert chrome_rule("一审 刘一 二审 陈二 三审 张三") is None
    assert [chrome_rule(t) for t in ("更多", "Qzone 微信", "调整字体 大 中 小")] == [
        "navigation",
        "share",
        "font size",
    ]
    assert chrome_rule("株洲、湘潭、长沙三市联合开展检查。") is None


def test_a_page_tool_printed_after_the_publication_is_not_part_of_it() -> None:
    text = "株洲新开两条公交线路\n\n来源:株洲新闻网        举报\n\n本周起,市区新开两条公交线路。"
    assert parse_document(text).pages[0].publication == "株洲新闻网"


def test_a_saved_pages_title_bar_gives_way_to_the_storys_headline() -> None:
    for bar in ("醴陵新建陶瓷博物馆开馆_株洲新闻网", "醴陵新建陶瓷博物馆开馆|醴陵_湖南频道"):
        text = "\n\n".join(
            [
                bar,
                "首页 要闻 区县 民生 文旅 视频 专题",
                "醴陵新建陶瓷博物馆开馆",
                "来源:株洲新闻网",
                "新馆展出历代瓷器两千余件,免费向市民开放。",
            ]
        )
        (article,) = parse_document(text).articles
        assert article.title == "醴陵新建陶瓷博物馆开馆"
        assert article.body == "新馆展出历代瓷器两千余件,免费向市民开放。"
        assert article.sections == []


def test_a_file_of_chrome_only_is_rejected_with_its_reason(tmp_path: Path) -> None:
    menu = tmp_path / "menu.txt"
    menu.write_text("首页 > 新闻中心 > 正文\n\n分享到: 微信 微博\n\n关闭本页 打印本页\n", "utf-8")
    with pytest.raises(InputError, match=r"menu\.txt.*only web chrome: 3 lines"):
        parse_source(menu, read_source(menu))


def test_mastheads_and_edition_page_lists_are_chrome_but_stories_naming_a_paper_are_not() -> None:
    # Written apart from the fixtures: other sites, other papers, other pages.
    for line in (
        "湘潭日报数字报",
        "醴陵新闻网 | 醴陵日报 | 往期回顾",
        "长沙晚报客户端",
        "头条号湘东观察",
        "第B07版:文体",
        "【第12版:副刊】",
        "当前版:03版",
    ):
        assert chrome_rule(line) is not None, line
    for line in (
        "株洲日报社召开年度通联工作会议",
        "据湖南日报报道,醴陵市新建三座烟花仓库。",
        "据阿根廷经济新闻网:",
        "第3版刊登了读者来信,反映小区停车难。",
    ):
        assert chrome_rule(line) is None, line


def test_site_furniture_of_portals_and_posts_is_chrome_but_sentences_using_its_words_are_not() -> (
    None
):
    # Written apart from the fixtures: other sites, other places, other words.
    for line in (
        "版面导航 第C03版:县域",  # the edition page after the list's own name
        "首页 > 渌口新闻",  # one step from the home page
        "湖南频道 | 湘潭 | 岳阳 | 评论",  # a menu row
        "关于我们 | 投稿须知 | 网站地图",
        "首页 民生 教育 文旅",  # a short menu after the home page's word
        "湘潭发布 APP",  # a masthead with its words spaced
        "头条号 醴陵生活",
        "渌口新闻 - 湘江东岸的声音",  # a site's name and its motto
        "攸县人民政府",
        "醴陵日报社版权所有 未经许可不得转载",
        "承办:攸县融媒体中心  湘ICP备10001234号-2",
        "湘公网安备 43022302000045号",
        "扫码阅读手机版",
        "昵称:",
        "登录后参与讨论",
        "已有15条评论",
        "请文明上网,理性发言",
        "点击关注 醴陵那些事",
        "上一页 1 2 下一页 末页",
        "上一张 下一张 返回图集",
        "举报/反馈",
    ):
        assert chrome_rule(line) is not None, line
    for line in (
        "已有300余户居民搬进新房。",  # 已有 opens a sentence
        "扫码点餐、扫码付款,老街商户都用上了智能收银。",
        "主办方介绍,本届花炮节共有86家企业参展。",
        "首页改版后,市民办事入口更清楚了。",
        "2021-03-08 湘潭在线",  # a date line naming its publication
        "株洲高新区 | 天元区",  # two names are no menu row
    ):
        assert chrome_rule(line) is None, line


def test_kicker_title_and_subtitle_of_plain_headline_lines() -> None:
    body = "株洲日报全媒体记者/王小川\n\n日前,渌口区新建两座乡村文化广场。"
    three = parse_document(f"渌口区\n渌口区新建两座乡村文化广场\n可容纳千人观看演出\n\n{body}")
    (article,) = three.articles
    assert (article.kicker, article.title, article.subtitle) == (
        "渌口区",
        "渌口区新建两座乡村文化广场",
        "可容纳千人观看演出",
    )
    (article,) = parse_document(f"乡村文化广场建成投用\n两座广场可容纳千人\n\n{body}").articles
    assert (article.kicker, article.title, article.subtitle) == (
        None,
        "乡村文化广场建成投用",
        "两座广场可容纳千人",
    )
    # Three lines: a kicker longer than a label, shorter than the headline.
    (article,) = parse_document(
        f"建设文化强市 共享美好生活\n渌口区今年新建二十座乡村文化广场\n村民看演出不出村\n\n{body}"
    ).articles
    assert (article.kicker, article.title, article.subtitle) == (
        "建设文化强市 共享美好生活",
        "渌口区今年新建二十座乡村文化广场",
        "村民看演出不出村",
    )
    lead_in = "渌口区加快补齐乡村公共文化短板——"
    (article,) = parse_document(f"{lead_in}\n村村有了文化广场\n\n{body}").articles
    assert (article.kicker, article.title) == (lead_in, "村村有了文化广场")
    # No byline: the headline lines above the 来源 line.
    text = "文化广场建成\n可容纳千人\n来源:渌口区融媒体中心\n\n日前,渌口区新建两座乡村文化广场。"
    (article,) = parse_document(text).articles
    assert (article.title, article.subtitle) == ("文化广场建成", "可容纳千人")


def test_the_masthead_names_the_paper_that_ben_bao_means() -> None:
    text = (
        "湘东晚报数字报\n\n版面导航 第A02版:要闻\n\n醴陵新建三座烟花仓库\n\n"
        "本报讯(记者 周敏 通讯员 陈二)日前,醴陵市新建三座烟花仓库。"
    )
    document = parse_document(text)
    assert document.pages[0].publication == "湘东晚报"
    people = [(c.name, c.role, c.organization) for c in document.articles[0].contributors]
    assert people == [("周敏", "记者", "湘东晚报"), ("陈二", "通讯员", None)]


def test_ben_bao_in_traditional_script_is_the_paper_the_page_names_too() -> None:
    # 本報訊 was kept as an organisation of its own, "本報"
    text = (
        "炎陵縣黃桃進入採摘季\n發布日期:2019-07-22\n來源:湘東晚報\n\n"
        "本報訊(記者 林小燕 通訊員 何立)7月21日,炎陵縣的黃桃陸續成熟。"
    )
    (article,) = parse_document(text).articles
    people = [(c.name, c.role, c.organization) for c in article.contributors]
    assert people == [("林小燕", "記者", "湘東晚報"), ("何立", "通訊員", None)]


def test_a_post_names_its_account_before_the_date_and_the_account_line_is_chrome() -> None:
    text = (
        "渌口那些事\n原创 渌口那些事 2022-05-01 07:30 湖南\n\n"
        "五一假期,渌口区的江边露营地住满了游客\n\n\n"
        "假期第一天,渌口区湘江边的露营地搭满了帐篷。"
    )
    document = parse_document(text)
    (article,) = document.articles
    assert article.title == "五一假期,渌口区的江边露营地住满了游客"
    page = document.pages[0]
    assert (page.date, page.time, page.publication) == ("2022-05-01", "07:30", "渌口那些事")
    assert document.chrome_lines == 1
    aggregator = "江边露营火了\n湘潭日报 2022年05月02日 09:10\n\n假期里,江边露营地很热闹。"
    page = parse_document(aggregator).pages[0]
    assert (page.date, page.time, page.publication) == ("2022-05-02", "09:10", "湘潭日报")
    # A sentence naming a date without a space before it names no publication.
    assert parse_document("今天是2022年5月2日,江边很热闹。").pages[0].publication is None


def test_a_bare_author_line_under_the_source_line_is_the_byline() -> None:
    text = "江边露营火了\n2022-05-02 09:10\n[来源: 湘潭晚报]\n周一鸣\n\n假期里,江边露营地很热闹。"
    (article,) = parse_document(text).articles
    assert [(c.name, c.role) for c in article.contributors] == [("周一鸣", "")]
    assert "周一鸣" not in article.body


def test_a_section_index_page_is_rejected_as_chrome(tmp_path: Path) -> None:
    index = tmp_path / "index.txt"
    index.write_text(
        "湘潭在线\n首页 | 时政 | 经济 | 文旅\n当前位置:首页 > 文旅\n"
        "文旅资讯\n景区动态\n上一页 1 2 下一页\n",
        "utf-8",
    )
    with pytest.raises(InputError, match=r"index\.txt.*only web chrome: 6 lines"):
        parse_source(index, read_source(index))
    # A short story under a little furniture is kept.
    story_file = tmp_path / "story.txt"
    story_file.write_text("首页 > 文旅\n景区动态\n\n日前,湘潭新开两处景区。\n", "utf-8")
    assert parse_source(story_file, read_source(story_file)).articles


# Metadata and date forms measured on saved pages nobody here wrote
# (bench/gne_eval.py); every line below is written for the project.


def test_a_label_glued_to_the_field_before_it_is_still_a_label() -> None:
    # A saved page joins its spans with no space between date, source and author.
    meta = parse_metadata("2021-03-15 09:30来源:醴陵新闻网作者:谭小松")
    assert meta is not None
    assert (meta.date, meta.time, meta.publication) == ("2021-03-15", "09:30", "醴陵新闻网")
    assert meta.authors == ["谭小松"]
    other = parse_metadata("发布时间:2020-11-02 16:45来源:株洲新闻网")
    assert other is not None
    assert (other.date, other.publication) == ("2020-11-02", "株洲新闻网")
    # a sentence that glues a label to its words stays a sentence
    assert parse_metadata("记者昨日从市图书馆来源:读者捐赠的古籍已整理完毕。") is None


def test_a_footer_of_fields_with_bars_names_its_desk() -> None:
    assert parse_metadata("编辑|周敏").editors == [("编辑", "周敏")]
    assert parse_metadata("校对|刘一 责编|陈二").editors == [("校对", "刘一"), ("责编", "陈二")]
    assert parse_metadata("来源|株洲发布、醴陵发布").publication == "株洲发布、醴陵发布"


def test_an_information_source_and_a_sites_category_are_fields() -> None:
    meta = parse_metadata("发布日期:2018-05-10    浏览次数:    信息来源:市统计局")
    assert meta is not None
    assert (meta.date, meta.publication) == ("2018-05-10", "市统计局")
    category = parse_metadata("发布日期:2020-04-01 10:20:30  所属分类: 要闻")
    assert category is not None and category.time == "10:20:30"
    listed = parse_metadata("栏目:本地新闻 来源:株洲日报")
    assert listed is not None and listed.publication == "株洲日报"
    assert parse_metadata("分类:这一届的评选,共有三十二个社区参加。") is None


def test_a_field_that_names_no_one_gives_no_person() -> None:
    meta = parse_metadata("作者:佚名\u00a0\u00a0责任编辑:周敏")
    assert meta is not None
    assert (meta.authors, meta.editors) == ([], [("责任编辑", "周敏")])
    # 来源:网络 says "from the internet", no publication
    net = parse_metadata("来源:网络 作者:未知")
    assert net is not None and (net.publication, net.authors) == (None, [])


def test_a_staff_code_after_an_editors_name_is_not_part_of_it() -> None:
    assert parse_metadata("责任编辑:韩二 ZZ108").editors == [("责任编辑", "韩二")]
    assert parse_metadata("[责任编辑:周敏 ZZ021]").editors == [("责任编辑", "周敏")]
    # a login alone names no one the archive can read
    assert parse_metadata("责任编辑:zhoumin") is None


def test_an_author_field_naming_a_body_is_read_without_a_person() -> None:
    meta = parse_metadata("来源:本网原创  作者:荷塘区融媒体中心")
    assert meta is not None and meta.authors == [] and meta.publication == "本网原创"
    school = parse_metadata("作者:株洲市第二中学团委 编辑:李青")
    assert school is not None and school.editors == [("编辑", "李青")]


def test_an_empty_field_beside_others_leaves_the_line_metadata() -> None:
    meta = parse_metadata("来源:株洲日报 时间:2021-10-12 14:34 作者:")
    assert meta is not None
    assert (meta.publication, meta.date, meta.time) == ("株洲日报", "2021-10-12", "14:34")
    # a notice's heading may open the fields
    notice = parse_metadata("版权声明 来源:株洲晚报 时间:2022-03-01 08:00")
    assert notice is not None and notice.publication == "株洲晚报"
    assert parse_metadata("作者:") is None
    # a footer's roles printed without names name no one
    assert parse_metadata("一审 二审 三审 审核 刘一").editors == [("审核", "刘一")]


def test_pen_names_after_a_writer_label_are_authors() -> None:
    assert parse_metadata("执笔/小川、阿青&老周").authors == ["小川", "阿青", "老周"]
    assert parse_metadata("作者:王小川&李青").authors == ["王小川", "李青"]


def test_a_source_printed_before_its_date_and_time_is_the_publication() -> None:
    meta = parse_metadata("株洲新闻网 2021-06-03 20:09")
    assert meta is not None
    assert (meta.publication, meta.date, meta.time) == ("株洲新闻网", "2021-06-03", "20:09")
    badge = parse_metadata("原创 醴陵日报 2022-01-05 08:15:30")
    assert badge is not None and badge.publication == "醴陵日报" and badge.time == "08:15:30"
    # a print page's masthead prints no time and keeps its own rule
    glued = parse_metadata("要闻湘东在线2023-04-18 10:05")
    assert glued is not None and (glued.publication, glued.date) == (None, "2023-04-18")
    assert parse_metadata("湘江边的风[株洲手机网友]2021-06-03 20:09:11") is None
    assert parse_metadata("株洲日报 2019年9月20日 星期五") is None
    assert parse_metadata("市民于2021-06-03 20:09在神农公园拾到钱包。") is None
    page = parse_document(
        "荷塘区三座口袋公园开园\n\n湘东在线 2023-04-18 10:05\n\n"
        "今年以来,荷塘区利用边角地新建三座口袋公园,周边居民多了休闲去处。"
    ).pages[0]
    assert (page.publication, page.date, page.time) == ("湘东在线", "2023-04-18", "10:05")


def test_a_two_digit_year_is_read_with_its_time_of_day() -> None:
    stamp = find_date("发布时间:21-06-03 20:09")
    assert stamp is not None and (stamp.date, stamp.time) == ("2021-06-03", "20:09")
    other = find_date("22-11-30 07:05")
    assert other is not None and other.date == "2022-11-30"
    # without a time it may be a code or a score
    assert find_date("21-06-03") is None
    assert find_date("比分定格在21-19-15") is None


def test_a_day_run_into_its_time_of_day_is_read() -> None:
    stamp = find_date("2020-05-0614:22")
    assert stamp is not None and (stamp.date, stamp.time) == ("2020-05-06", "14:22")
    dotted = find_date("2019.10.0108:00:00")
    assert dotted is not None and (dotted.date, dotted.time) == ("2019-10-01", "08:00:00")
    short = find_date("发布时间:22-07-1909:05")
    assert short is not None and (short.date, short.time) == ("2022-07-19", "09:05")


def test_a_staff_code_joined_to_an_editors_name_is_cut_off() -> None:
    meta = parse_metadata("本文来源:株洲晚报        责任编辑:谭一_NB1024")
    assert meta is not None
    assert (meta.publication, meta.editors) == ("株洲晚报", [("责任编辑", "谭一")])
    assert parse_metadata("责任编辑:周敏_ZZ021").editors == [("责任编辑", "周敏")]


def test_a_name_field_may_print_paper_and_role_before_the_name() -> None:
    assert parse_metadata("采写:株洲晚报见习记者 林小沛").authors == ["林小沛"]
    assert parse_metadata("作者:醴陵日报全媒体记者王小川").authors == ["王小川"]
    # a role alone names no one
    assert parse_metadata("采写:本报记者").authors == []
    assert parse_metadata("作者:特约通讯员").authors == []


def body_of(doc: Document) -> str:
    """Every text an article of *doc* holds, one string."""
    parts = []
    for a in doc.articles:
        parts += [a.title, *(p.text for p in a.paragraphs), *(c.text for c in a.captions)]
        parts += [s.heading for s in a.sections]
    return "\n".join(parts)


def test_a_run_of_menu_entries_one_a_line_is_chrome() -> None:
    menu = "\n\n".join(["本地", "时政", "县域", "文旅", "视频", "1024"])
    story = (
        "炎陵县新开通三条乡村客运线路\n\n"
        "本月起,炎陵县新开通三条乡村客运线路,沿线村民进城不再绕路。\n\n"
        "县交通运输局介绍,新线路每天往返四趟。"
    )
    doc = parse_document(menu + "\n\n" + story)
    assert doc.articles[0].title == "炎陵县新开通三条乡村客运线路"
    assert "县域" not in body_of(doc) and "1024" not in body_of(doc)
    assert doc.chrome_lines >= 6
    # a second menu, of channel names with spaces, under the story
    doc = parse_document(
        story + "\n\n" + "\n\n".join(["推荐 热点", "体育", "财经", "科技", "汽车"])
    )
    assert "财经" not in body_of(doc) and "推荐 热点" not in body_of(doc)
    # three short lines (a label, a headline, a name) are no menu: none dropped
    # (the name right under the headline is its author: issue 13, session 20)
    doc = parse_document("天元区\n\n口袋公园\n\n刘一凡\n\n" + story.split("\n\n", 1)[1])
    (article,) = doc.articles
    assert doc.chrome_lines == 0
    assert (article.kicker, article.title, article.byline) == ("天元区", "口袋公园", "刘一凡")


def markup_page(*parts: tuple[int, str]) -> str:
    """A saved page's text: each part under its own count of blank lines."""
    return "".join("\n" * (gap + 1) + text for gap, text in parts)


def test_on_a_markup_spaced_page_a_gap_alone_makes_no_caption() -> None:
    text = markup_page(
        (0, "芦淞区服饰市场迎来秋冬订货季"),
        (3, "记者 刘一凡"),
        (3, "连日来,芦淞区服饰市场人流如织,各地客商前来订货。"),
        (7, "一键登录"),
        (3, "商户们说,今年的秋冬新款比往年早上市半个月。"),
        (11, "财经"),
        (3, "市场管理方介绍,订货季将持续到月底。"),
        (5, "图为市场内挑选新款的客商。"),
        (15, "▲夜间仍在装车的物流车辆。"),
        (3, "市场周边的物流园也连夜发货。"),
    )
    captions, _ = captions_and_body(text)
    assert "一键登录" not in captions and "财经" not in captions
    assert "图为市场内挑选新款的客商。" in captions
    assert "夜间仍在装车的物流车辆。" in captions
    # a second page: a credit is a cue; a short sentence goes back to the body
    paragraphs = [
        "今年攸县油茶林挂果多,农户忙着上山采摘。",
        "合作社负责人介绍,今年的茶油收购价比去年略高。",
    ]
    gaps = [(3, paragraphs[0]), (9, "采摘归来的农户 陈一鸣摄"), (3, paragraphs[1])]
    gaps += [(5, "果子很饱满。"), (13, "搜索"), (7, "附近的榨油坊已经开机。")]
    captions, body = captions_and_body(markup_page((0, "攸县油茶林迎来采摘季"), *gaps))
    assert captions == ["采摘归来的农户"]
    assert "果子很饱满。" in body and "附近的榨油坊已经开机。" in body


def captions_and_body(text: str) -> tuple[list[str], list[str]]:
    """The captions and the paragraphs *text* gives, every article's."""
    doc = parse_document(text)
    return (
        [c.text for a in doc.articles for c in a.captions],
        [p.text for a in doc.articles for p in a.paragraphs],
    )


def test_a_placeholder_that_is_a_word_alone_is_no_photo_on_a_markup_page() -> None:
    def captions(placeholder: str) -> list[str]:
        return captions_and_body(
            markup_page(
                (0, "渌口区新建两座人行天桥"),
                (3, "渌口区新建的两座人行天桥日前投入使用,学生过街更安全。"),
                (3, "两座天桥分别位于学校和医院门前。"),
                (7, placeholder),
                (3, "新建成的人行天桥"),
                (5, "施工方介绍,天桥两端还将加装电梯,方便老人上下。"),
                (11, "交通部门提醒,过街请走天桥。"),
                (15, "附近的学校也组织学生学习过街安全知识。"),
            )
        )[0]

    assert captions("图片") == []
    assert captions("视频") == []
    assert captions("图片2.jpg") == ["新建成的人行天桥"]


def test_a_credit_stands_apart_from_the_captions_words() -> None:
    # a phone's "双摄" (two cameras) names no photographer
    assert split_credit("新款手机配六种颜色后置双摄")[1] is None
    assert split_credit("路口新装了高清监控摄")[1] is None
    # after a sentence end, a space or a bracket it is one
    assert split_credit("新款手机亮相发布会。罗云飞 摄")[1] == "罗云飞 摄"
    assert split_credit("江边的夜景 (通讯员 周一敏 摄)")[1] == "通讯员 周一敏 摄"


def test_a_title_bar_with_the_sites_name_after_a_space_or_first_gives_way() -> None:
    headline = "石峰区开展老旧小区消防安全检查"
    bars = (
        f"{headline} 石峰区人民医院",  # the site's name after a space
        f"{headline} 社区动态_株洲新闻网",  # its section, then the site
        f"株洲新闻网--{headline}",  # the site's name first
        f"石峰在线_{headline}",
    )
    for bar in bars:
        text = "\n\n".join(
            [bar, headline, "2024-03-05 09:30", "检查组走访了十二个小区,排查出隐患三十余处。"]
        )
        (article,) = parse_document(text).articles
        assert article.title == headline, bar
    # a headline that merely goes on past a space stays whole: no printed line repeats it
    text = "\n\n".join(["攸县举办油茶节 万名游客上山", "攸县举办油茶节", "油茶节吸引了万名游客。"])
    assert parse_document(text).articles[0].title == "攸县举办油茶节 万名游客上山"


def test_a_date_lines_source_is_cut_off_from_the_page_tools_after_it() -> None:
    dated = parse_date_line("2023-07-24 15:13 湘东在线[综合]          12")
    assert dated is not None
    assert (dated.date, dated.time, dated.publication) == ("2023-07-24", "15:13", "湘东在线")
    other = parse_date_line("2021年06月03日20:09\xa0\xa0株洲网\xa0\xa0 评论(35人参与) \t\t收藏本文")
    assert other is not None and other.publication == "株洲网"
    # a separator before the source
    assert parse_date_line("2019-05-17      ·      株洲晚报").publication == "株洲晚报"
    # a sentence after the gap is no page tool: the line is text
    assert parse_date_line("2022-11-30 株洲网    市民在神农公园拾到钱包。") is None


def test_a_posts_account_name_under_its_repeated_headline_is_its_publication() -> None:
    headline = "炎陵黄桃今年提前一周上市"
    body = "今年炎陵的黄桃比往年早熟一周,果农们已经开始采摘装箱。"
    for name, printed in (("湘江边的老周", headline), ("神农城笔记", "原创" + headline)):
        text = "\n\n".join([headline, printed, name, body, "收购商说今年的价格还算稳定。"])
        (page,) = parse_document(text).pages
        assert page.publication == name
        assert name not in body_of(parse_document(text))
    # a page that names its source keeps it; the line under the headline stays text
    text = "\n\n".join([headline, headline, "来源:株洲晚报", "湘江边的老周", body])
    assert parse_document(text).pages[0].publication == "株洲晚报"
    # a relative time is no account's name
    text = "\n\n".join([headline, headline, "昨天", body])
    assert parse_document(text).pages[0].publication is None


def test_five_headlines_in_a_row_under_a_story_are_a_list_of_other_stories() -> None:
    story = [
        "渌口区启动湘江岸线整治",
        "渌口区日前启动湘江岸线整治工程,计划年内清理沿岸违建和堆场,修复滩涂植被。",
        "区水利局介绍,整治后的岸线将建成一条十公里的滨江步道。",
    ]
    related = [
        "株洲新开三条公交线路 方便市民出行",
        "炎陵黄桃节开幕 游客上山采摘",
        "茶陵古城墙修缮完工",
        "醴陵陶瓷博览会下月举办",
        "攸县油茶林迎来丰收季",
        "3小时前",
    ]
    doc = parse_document("\n\n".join(story + related))
    assert all(t not in body_of(doc) for t in related)
    assert doc.articles[0].title == story[0]
    # a second page: the list stands between the story and a footer, with a menu entry
    more = ["天元区举办少儿书画展 百幅作品亮相", "要闻", *related[:4], "版权所有 株洲在线"]
    doc = parse_document("\n\n".join(story + more))
    assert "茶陵古城墙修缮完工" not in body_of(doc)
    # four headline-like subheads under a story are fewer than a list: they stay
    subheads = ["岸线变美了", "滩涂变绿了", "步道连起来了", "市民走进来了"]
    doc = parse_document("\n\n".join(story + [f"{h}\n\n{story[2]}" for h in subheads]))
    assert all(h in body_of(doc) for h in subheads)


def test_a_notices_heading_over_the_pages_fields_still_gives_the_source() -> None:
    body = "荷塘区新建的社区食堂开门迎客,老人花十元就能吃上两荤一素。"
    for footer in (
        "版权声明 来源:株洲晚报 时间:2022-03-01 08:00 作者:",
        "免责声明 来源:湘东在线 时间:2021-10-12 14:34",
    ):
        text = "\n\n".join(["荷塘区社区食堂开门迎客", body, "食堂每天供应午餐和晚餐。", footer])
        page = parse_document(text).pages[0]
        assert page.publication == footer.split("来源:")[1].split()[0]
        assert footer not in body_of(parse_document(text))
    # a notice alone stays chrome
    doc = parse_document("\n\n".join(["荷塘区社区食堂开门迎客", body, "版权所有 株洲在线"]))
    assert doc.pages[0].publication is None and "版权所有" not in body_of(doc)


def test_the_headline_its_title_bar_repeats_wins_over_the_menu_lines_above_it() -> None:
    headline = "荷塘区新建三座口袋公园"
    story_lines = [
        (3, f"株洲新闻网3月5日讯(记者 王小川) {PARK}"),
        (3, "周边居民说,晚饭后多了一个散步的去处。"),
    ]
    text = markup_page(
        (0, f"{headline}_社区动态_株洲新闻网"),
        (7, "登录  注册"),
        (3, "搜索  网站地图 设置首页"),  # a headline-like menu line over the headline
        (11, headline),  # in a box of its own: a gap sets it apart
        (1, "2024-03-05 09:30 来源: 株洲新闻网"),
        *story_lines,
    )
    (article,) = parse_document(text).articles
    assert (article.title, article.kicker) == (headline, None)
    assert [c.name for c in article.contributors] == ["王小川"]
    # a second page: a spaced word read as a bare author takes no headline
    # (the bar above it), and the one the bar repeats is the title
    other = "攸县油茶籽收购价比去年略高"
    text = "\n\n".join(
        [
            f"{other}-财经频道-湘东在线",
            "行\u3000情",
            "我的账号  退出",
            other,
            "2023-10-12 08:40  湘东在线",
            "记者从攸县获悉,今年油茶籽收购价比去年每斤高出五角,农户采摘积极。",
        ]
    )
    (article,) = parse_document(text).articles
    assert article.title == other
    assert article.contributors == []


PARK = "今年以来,荷塘区利用边角地新建三座口袋公园,周边居民多了休闲去处。"


def test_a_headline_printed_over_lines_is_one_title_where_its_title_bar_holds_it() -> None:
    parts = ["株洲市人民代表大会常务委员会", "关于批准市级财政预算调整方案", "的决议"]
    text = "\n\n".join(
        [
            "株洲市人民代表大会常务委员会关于批准市级财政预算调整方案的决议__2024年第3号公报_株洲市人民政府网",
            "字号:默认 大 超大",
            *parts,
            "市人大常委会会议审议了市人民政府提出的预算调整方案,决定批准。",
        ]
    )
    (article,) = parse_document(text).articles
    assert article.title == "".join(parts)
    assert (article.kicker, article.subtitle) == (None, None)
    # two lines, the bar's separator a bar
    text = "\n\n".join(
        ["醴陵瓷谷迎来首批入驻企业|醴陵_湖南频道", "醴陵瓷谷迎来", "首批入驻企业", PARK]
    )
    assert parse_document(text).articles[0].title == "醴陵瓷谷迎来首批入驻企业"
    # a first line alone that the bar begins with is no headline of its own
    text = "\n\n".join(["醴陵瓷谷迎来首批入驻企业_醴陵新闻网", "醴陵瓷谷迎来", PARK])
    assert parse_document(text).articles[0].title == "醴陵瓷谷迎来首批入驻企业_醴陵新闻网"


def test_a_posts_original_badge_is_no_word_of_its_repeated_headline() -> None:
    headline = "最适合看日出的五座山"
    for bar in (f"{headline}_某某号", headline):
        text = "\n\n".join([bar, f"原创{headline}", "去山里", PARK])
        (article,) = parse_document(text).articles
        assert article.title == headline, bar


def test_a_breadcrumb_repeating_the_headline_does_not_end_the_search_for_it() -> None:
    headline = "攸县一所乡村小学把课堂搬进了油茶林 孩子们说这样的自然课下学期还想再上吗?"
    text = markup_page(
        (0, headline),
        (7, f"正在阅读:{headline}"),
        (3, "一键登录"),
        (5, headline),
        (3, "这学期,攸县一所乡村小学每周有一节课在油茶林里上,孩子们认树、数果、写观察日记。"),
        (3, "油茶林里的课堂"),
        (3, "带课的老师说,孩子们在林子里学得比教室里还认真。"),
    )
    (article,) = parse_document(text).articles
    assert article.title == headline
    assert "孩子们认树" in article.body


def test_an_author_and_paper_line_under_the_headline_names_both() -> None:
    headline = "石峰区新增三条公交线路"
    for line, name, paper in (
        ("王小川/株洲日报", "王小川", "株洲日报"),
        ("李青/湘东在线", "李青", "湘东在线"),
    ):
        text = "\n\n".join([f"{headline}_民生_某某新闻", headline, line, "2024-03-05 09:30", PARK])
        document = parse_document(text)
        assert document.pages[0].publication == paper
        assert [(c.name, c.role) for c in document.articles[0].contributors] == [(name, "作者")]
    # a bare agency's name there is the source; a year printed over its own line is none
    for line, source in (("新华社", "新华社"), ("2024", None)):
        text = "\n\n".join([f"{headline}_民生_某某新闻", headline, line, PARK])
        assert parse_document(text).pages[0].publication == source, line


def test_the_usual_font_size_alone_is_chrome_but_a_sentence_on_standards_is_not() -> None:
    assert chrome_rule("标准") == "font size"
    assert chrome_rule("字号: 大 中 小 标准") == "font size"
    assert chrome_rule("新标准下月起施行。") is None
    text = "\n\n".join(["江边露营火了", "2022-05-02 09:10", "标准", "假期里,江边露营地很热闹。"])
    (article,) = parse_document(text).articles
    assert article.contributors == []


def test_a_date_printed_over_its_own_lines_is_one_date_line() -> None:
    for parts, time in ((["2024", "03/05", "09:30"], "09:30"), (["2024", "03-05"], None)):
        text = "\n\n".join(["石峰区新增三条公交线路", *parts, "扬眼", PARK])
        page = parse_document(text).pages[0]
        assert (page.date, page.time) == ("2024-03-05", time), parts
    # a year and a score under it are no date
    text = "\n\n".join(["株洲队主场取胜", "2024", "3-1", "比赛在市体育中心进行,株洲队以3比1获胜。"])
    assert parse_document(text).pages[0].date is None


def test_pen_names_after_a_date_are_no_source() -> None:
    for line in ("2024-03-05 09:30     江小鱼     湘妹子     老周", "2023-10-12   阿青   石头"):
        dated = parse_date_line(line)
        assert dated is not None and dated.publication is None, line
    # a paper, or a source and its page tools, after the date stays the source
    assert parse_date_line("2024-03-05 09:30  株洲日报   王小川").publication == "株洲日报"
    assert parse_date_line("2023-10-12 08:40  华声   评论   收藏").publication == "华声"


def test_a_posts_badge_line_names_its_writer_and_account() -> None:
    headline = "炎陵黄桃今年提前一周上市"
    for bar, line, writer, account in (
        (headline, "原创     老周     湘江边的老周", "老周", "湘江边的老周"),
        (f"{headline}_某某号", "原创   阿青   神农城笔记", "阿青", "神农城笔记"),
    ):
        text = "\n\n".join([bar, headline, line, account, PARK])
        document = parse_document(text)
        assert document.pages[0].publication == account
        assert [c.name for c in document.articles[0].contributors] == [writer]


def people_of(text: str) -> list[tuple[str, str]]:
    """(role, name) of every byline name the articles of *text* hold."""
    return [(c.role, c.name) for a in parse_document(text).articles for c in a.contributors]


def byline_people(text: str) -> list[tuple[str, str, str | None]]:
    byline = parse_byline(text, 1)
    assert byline is not None, text
    return [(c.role, c.name, c.organization) for c in byline.contributors]


def test_a_byline_closing_the_story_or_under_the_fields_names_its_people() -> None:
    closing = story(
        "神农公园菊花展开幕",
        "2024-10-20 09:30 来源:株洲新闻网",
        "神农公园菊花展昨日开幕,百余个品种的菊花吸引市民前来观赏。",
        "湘江晚报记者 刘一凡",
    )
    assert people_of(closing) == [("记者", "刘一凡")]
    # a second page: the dispatch opens the first paragraph under the page's fields
    fields = story(
        "我院举办护理技能竞赛",
        "来源:本站原创 作者:本院护理部办公室",
        "本站讯(通讯员 李青 周敏)近日,我院举办护理技能竞赛,四十名护士参赛。",
        "竞赛分理论考试和操作考核两部分。",
    )
    assert people_of(fields) == [("通讯员", "李青"), ("通讯员", "周敏")]
    # a name alone, or a word spaced like one, names no one below the article's start
    spaced = story(
        "湘江风光带新增健身步道",
        "2024-10-20 09:30 来源:株洲新闻网",
        "湘江风光带新增健身步道三公里,沿途设置了休息座椅。",
        "登 录",
    )
    assert people_of(spaced) == []


def test_a_word_glued_to_a_role_qualifies_the_role() -> None:
    people = byline_people("本站讯(职工通讯员 王小川 李青)近日,我院开展义诊。")
    assert people == [("职工通讯员", "王小川", None), ("职工通讯员", "李青", None)]
    assert byline_people("(记者 刘一凡 特邀通讯员 陈二)") == [
        ("记者", "刘一凡", None),
        ("特邀通讯员", "陈二", None),
    ]
    # glued to roles on both sides, the word is a name
    assert byline_people("(记者刘一凡通讯员陈二)") == [
        ("记者", "刘一凡", None),
        ("通讯员", "陈二", None),
    ]


def test_a_newsflash_dateline_names_its_paper() -> None:
    byline = parse_byline("湘江晚报快讯(记者 王小川)昨日,芦淞区一商场举行消防演练。", 1)
    assert byline is not None and byline.publication == "湘江晚报"
    assert byline.rest.startswith("昨日")
    assert byline_people("株洲日报快讯(记者 刘一凡 通讯员 陈二)今天上午,…") == [
        ("记者", "刘一凡", "株洲日报"),
        ("通讯员", "陈二", None),
    ]


def test_own_line_bylines_of_a_column_a_columnist_and_a_name_with_its_paper() -> None:
    assert byline_people("《夜读》作者 王小川") == [("作者", "王小川", "夜读")]
    assert byline_people("《湘江周刊》记者 刘一凡") == [("记者", "刘一凡", "湘江周刊")]
    # 作者 glued to a word heads a list of the author's other posts
    assert parse_byline("作者最新文章", 1) is None
    column = byline_people("【文/某某网特约作者 王小川】")
    assert [name for _, name, _ in column] == ["王小川"]
    assert [name for _, name, _ in byline_people("【文/湘江评论专栏作者 刘一凡】")] == ["刘一凡"]
    assert byline_people("王小川/株洲日报") == [("作者", "王小川", "株洲日报")]
    assert byline_people("刘一凡 / 湘声报") == [("作者", "刘一凡", "湘声报")]


def test_a_footer_names_photographer_and_editor_after_the_units_that_supplied_it() -> None:
    assert byline_people("校团委、宣传部供稿  摄影/王小川  编辑/李青") == [
        ("摄影", "王小川", None),
        ("编辑", "李青", None),
    ]
    assert byline_people("社区党支部供稿 编辑/周敏") == [("编辑", "周敏", None)]
    # closing a story, the footer's desk roles are the article's editors
    (article,) = parse_document(
        story(
            "社区开展垃圾分类宣传",
            "2024-06-01 10:00 来源:株洲新闻网",
            "社区志愿者走进小区,向居民讲解垃圾分类知识。",
            "社区党支部供稿  摄影/王小川  编辑/周敏",
        )
    ).articles
    assert [(c.role, c.name) for c in article.contributors] == [("摄影", "王小川")]
    assert [(c.role, c.name) for c in article.editors] == [("编辑", "周敏")]


def test_a_photo_credit_may_list_names_after_one_role_and_stand_alone() -> None:
    text, credit, people = split_credit("▲株洲日报全媒体图片记者王小川、李青摄")
    assert text == "" and credit == "株洲日报全媒体图片记者王小川、李青摄"
    assert [(p.name, p.organization) for p in people] == [
        ("王小川", "株洲日报"),
        ("李青", "株洲日报"),
    ]
    text, _, people = split_credit("江边晨练的市民。湘江晚报摄影记者 刘一凡、陈二 摄")
    assert text == "江边晨练的市民。" and [p.name for p in people] == ["刘一凡", "陈二"]


def test_a_credit_after_the_photo_source_label_is_no_page_source() -> None:
    assert parse_metadata("图片来源:湘江晚报记者 王小川 摄") is None
    text, credit, people = split_credit("图片来源:湘江晚报记者 王小川 摄")
    assert text == "" and credit == "图片来源:湘江晚报记者 王小川 摄"
    assert [(p.name, p.organization) for p in people] == [("王小川", "湘江晚报")]
    # the photo's source alone: a credit naming no one
    assert split_credit("图片来源:某某博物馆官网") == ("", "图片来源:某某博物馆官网", [])
    # the page's own source field still reads
    meta = parse_metadata("来源:株洲日报")
    assert meta is not None and meta.publication == "株洲日报"


def test_a_body_or_agency_that_supplied_a_photo_is_its_credit() -> None:
    assert split_credit("修缮后的老街。芦淞区文旅局供图 株洲网发") == (
        "修缮后的老街。",
        "芦淞区文旅局供图 株洲网发",
        [],
    )
    assert split_credit("雨后的湘江大桥。某某图库 资料") == (
        "雨后的湘江大桥。",
        "某某图库 资料",
        [],
    )
    # a sentence ending in 资料 is no credit
    assert split_credit("详细情况请查阅有关资料")[1] is None


def test_on_a_markup_spaced_page_a_photo_note_or_a_credit_above_cues_a_caption() -> None:
    paragraphs = [
        "老街修缮工程完工后,沿街商铺陆续开门营业。",
        "街道负责人介绍,老街还将引入非遗工坊。",
        "周末的老街游人如织,不少市民带着孩子前来。",
    ]
    text = markup_page(
        (0, "醴陵老街修缮后重新开街"),
        (3, "记者 刘一凡"),
        (3, paragraphs[0]),
        (7, "开街当晚的老街(视频截图)"),
        (3, paragraphs[1]),
        (11, "摄影:王小川"),
        (5, "老街上的非遗工坊"),
        (3, paragraphs[2]),
        (15, "新闻"),
        (9, "市民在老街拍照(资料图)"),
    )
    captions, body = captions_and_body(text)
    assert captions == ["开街当晚的老街(视频截图)", "老街上的非遗工坊", "市民在老街拍照(资料图)"]
    assert body == paragraphs
    assert ("摄影", "王小川") in people_of(text)


def test_a_last_updated_field_is_a_date_line() -> None:
    meta = parse_metadata("最后更新: 2024-03-05 09:42:10")
    assert meta is not None and (meta.date, meta.time) == ("2024-03-05", "09:42:10")


def test_the_title_bar_above_a_story_opened_by_its_byline_is_no_text() -> None:
    headline = "醴陵国际陶瓷产业博览会开幕"
    for bar in (f"{headline}_株洲新闻网", f"株洲新闻网--{headline}"):
        notice = "本站将于今晚十点进行系统维护,敬请谅解。"  # breaks the title run
        body = "博览会为期五天,吸引了四百余家企业参展。"
        text = "\n\n".join([bar, notice, headline, "记者 刘一凡", body])
        (article,) = parse_document(text).articles
        assert article.title == headline
        assert article.sections == [], bar
        assert [p.text for p in article.paragraphs] == [notice, body]


def test_a_comment_widgets_tools_counts_and_times_are_chrome_but_a_story_line_is_not() -> None:
    # Under each reader's comment: its time, the reply/report tools with
    # their counts, the share buttons run together, a lone separator.
    for line in (
        "查看回复 3 举报",
        "回复 踩2 赞17 收藏",
        "| 回复",
        "312 | 回复",
        "5 |",
        "|",
        "新浪微博微信QQ空间",
        "微信朋友圈QQ好友",
        "不感兴趣",
        "最热 最早 最新",
        "2小时前",
        "刚刚",
        "湘江老李 4天前",
        "| +1踩3",
        "马上发表",
        "腾讯QQ QQ空间",
        "关注",
        "12图",
        "湘东晚报 ⋅  38评论 ⋅   相关",
        "株洲日报 · 1.2万阅读",
        "转发",
        "取消   确认",
    ):
        assert chrome_rule(line) is not None, line
    # A second example: a story's lines that hold those words or numbers.
    for line in (
        "市民可在微信公众号上查看回复进度。",
        "3天前,荷塘区的志愿者就已到社区走访。",
        "微信支付",
        "大 5",
        "2023",
        "关注民生",
        "12图展现株洲新变化",
        "上午9时·30评论员到场",
        "醴陵 · 陶瓷博物馆",
    ):
        assert chrome_rule(line) is None, line


COMMENTED_STORY = """石峰区新建两座社区食堂

来源:株洲新闻网 作者:陈小雨 编辑:刘青

本周起,石峰区两座社区食堂开门迎客,老人凭卡就餐,一餐八元,荤素搭配。

食堂由街道和爱心企业合办,每天供应午餐和晚餐,周末也不停。

责任编辑:刘青

{heading}

湘江边的老周

这样的食堂多开几家就好了,我家楼下也想要。

{after}

最新上线的公交线路覆盖了哪些小区

株洲晚报
"""


@pytest.mark.parametrize(
    "heading",
    [
        "热门评论 12条",
        "全部评论(48)",
        "相关推荐",
        "为您推荐",
        "【更多精彩】",
        "9条评论|52人参与",
        "最新评论 刷新",
        "阅读排行榜 评论排行榜",
    ],
)
def test_comments_or_recommendations_under_a_story_end_its_article(heading: str) -> None:
    text = COMMENTED_STORY.format(heading=heading, after="查看回复 2 举报")
    document = parse_document(text)
    (article,) = document.articles
    assert article.body.endswith("周末也不停。")
    assert {c.name for c in article.editors} == {"刘青"}
    assert "多开几家" not in article.body and "公交线路" not in article.body
    assert document.chrome_lines >= 5


def test_a_section_of_the_story_headed_by_a_columns_word_stays() -> None:
    text = COMMENTED_STORY.format(
        heading="专家评论",
        after="市规划院的一位专家说,社区食堂要办得长久,关键在于稳定的运营补贴。",
    )
    (article,) = parse_document(text).articles
    assert "稳定的运营补贴" in article.body


def test_a_furniture_heading_between_two_stories_keeps_the_second() -> None:
    # A file strings stories together (issue 11): under the heading stands
    # another story with its own 来源 line, and its text stays.
    second = "\n\n".join(
        [
            "芦淞区开通夜间公交",
            "来源:株洲日报 作者:赵明亮",
            "芦淞区本月起开通两条夜间公交线路,末班车延至二十三点,方便夜班工人回家。",
        ]
    )
    text = COMMENTED_STORY.format(heading="相关推荐", after=second)
    bodies = " ".join(a.body for a in parse_document(text).articles)
    assert "周末也不停。" in bodies and "末班车延至二十三点" in bodies


def test_a_portals_menu_of_columns_and_mottos_above_the_story_is_chrome() -> None:
    menu = column_menu(
        ("城市漫步", "走街串巷,看见城市的肌理"),
        ("体育迷", "赛场内外的故事"),
        ("财经眼", "读懂钱从哪里来"),
        ("科学家", "让好奇心走得更远"),
        ("健康说", "吃好睡好,少生病"),
        ("老照片", "一座城的旧时光"),
        ("书房", "每周一本好书"),
    )
    story_lines = [
        "炎陵黄桃进入采摘季",
        "株洲日报全媒体记者/王小川",
        "连日来,炎陵县十万亩黄桃陆续成熟,果农忙着采摘、分拣、装箱,发往全国各地。",
    ]
    document = parse_document("\n\n".join(["炎陵黄桃进入采摘季_某某新闻", *menu, *story_lines]))
    (article,) = document.articles
    assert article.title == "炎陵黄桃进入采摘季"
    assert "肌理" not in article.body and "好奇心" not in article.body
    assert "十万亩黄桃" in article.body
    assert document.chrome_lines >= len(menu) - 3


def test_a_headline_and_subtitle_above_the_byline_stay_under_a_menu() -> None:
    # A second shape: a menu of bare column names, then the story's headline
    # and subtitle, both short and unpunctuated, over its 来源 line.
    menu = [
        "要闻",
        "时政",
        "县域",
        "民生",
        "教育",
        "文旅",
        "体育",
        "健康",
        "房产",
        "汽车",
        "专题",
        "视频",
    ]
    head = ["攸县新开一条城乡公交线", "沿线八个村的村民进城不用再转车"]
    body = [
        "来源:株洲日报 作者:谭晓彤",
        "本周一起,攸县新开通一条城乡公交线路,串起沿线八个村,每半小时一班,票价两元。",
    ]
    bar = "攸县新开一条城乡公交线-某某新闻网"
    (article,) = parse_document("\n\n".join([bar, *menu, *head, *body])).articles
    assert article.title == "攸县新开一条城乡公交线"
    assert article.subtitle == "沿线八个村的村民进城不用再转车"
    assert "县域" not in article.body


def test_a_teaser_opening_with_a_date_does_not_keep_the_furniture_under_a_story() -> None:
    # Under 为您推荐, a listed story's headline opens with a date: no story
    # paragraph follows it, so it opens no story, and the list stays out.
    after = "2018年3月5日醴陵瓷博会开幕 十万人次参观\n\n醴陵日报\n\n0"
    text = COMMENTED_STORY.format(heading="为您推荐", after=after)
    (article,) = parse_document(text).articles
    assert "多开几家" not in article.body


def test_a_short_line_closed_by_its_pictures_kind_is_a_caption() -> None:
    text = "\n\n".join(
        [
            "神农公园的清晨",
            "来源:株洲新闻网",
            "清晨六点,神农公园里已经有不少市民在锻炼,跑步、打太极、跳广场舞的都有。",
            "湖边打太极的老人(视频截图)",
            "一位市民说,公园离家近,每天早上都来走上几圈。",
            "荷花池边的长椅（网络图片）",
        ]
    )
    (article,) = parse_document(text).articles
    assert [c.text for c in article.captions] == [
        "湖边打太极的老人(视频截图)",
        "荷花池边的长椅（网络图片）",
    ]
    assert "打太极的老人" not in article.body
