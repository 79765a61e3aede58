"""Probes of session 24's new parsing rules, found by review (s24-probe).

Probes found by review (s24-probe). Each test asserts the behaviour a story
needs; each failed against main at 2f15401. Mended in the same session but
three, left then as known gaps (docs/PARSING.md, "Review of session 24's
rules") and mended in session 25.
The inputs are written for the probe (no website text). The findings, with what the code did, are in
/work/scratch/s24-probe/findings.md.
"""

from __future__ import annotations

import pytest
from conftest import all_text, only_article
from conftest import web_page as page

from ingest.extract.article import names_of_no_person
from ingest.extract.figures import find_figures
from ingest.extract.people import names_nobody
from ingest.parse.document import parse_document
from ingest.text.chrome import chrome_rule, chrome_rules
from ingest.text.fold import name_key
from ingest.text.lines import parse_date_line
from ingest.text.metalines import parse_metadata
from ingest.text.writers import account_owner

STORY = "3月5日,石峰区田心街道新建的社区食堂开门迎客,首日接待老人200余人次。"
DATE = "2024-05-20 09:30 来源:株洲日报"


# --- over-reach: story text or a page's structure lost ----------------------


@pytest.mark.parametrize(
    "menu",
    [
        "视频 | 高清 | 直播 | 专题 | 图库 | 论坛",  # 高清 is name-shaped (高)
        "图片 | 房产 | 汽车 | 教育 | 健康 | 旅游",
        "视频  文旅  教育  健康  汽车  房产",
    ],
)
def test_a_menu_opening_with_a_craft_is_still_a_menu(menu: str) -> None:
    # is_credit_row: a first entry in CREDIT_ROLES and a name-shaped second
    assert chrome_rule(menu) == "navigation"


def test_a_menu_opening_with_a_craft_is_not_the_headline() -> None:
    article = only_article(
        "株洲新闻网",
        "首页 | 时政 | 民生 | 文旅 | 县域 | 评论",
        "视频 | 高清 | 直播 | 专题 | 图库 | 论坛",
        "社区食堂开门迎客",
        DATE,
        STORY,
    )
    assert article.title == "社区食堂开门迎客"


@pytest.mark.parametrize("line", ["下载“株洲通”app 办事不用跑腿", "怎样下载株洲通app:"])
def test_a_story_about_an_app_is_no_app_box(line: str) -> None:
    # APP_READ_ON_RE's new alternatives
    assert chrome_rule(line) is None


def test_a_headline_about_an_app_stays_the_headline() -> None:
    article = only_article("下载“株洲通”app 办事不用跑腿", DATE, STORY)
    assert article.title == "下载“株洲通”app 办事不用跑腿"


def test_a_headline_under_the_search_button_is_no_search_word() -> None:
    # search_box_words: the font-size row below is chrome, so the headline went
    article = only_article(
        "首页 | 时政 | 民生 | 文旅",
        "搜索",
        "株洲首条跨湘江隧道全线贯通",
        "字号 大 中 小",
        DATE,
        STORY,
    )
    assert article.title == "株洲首条跨湘江隧道全线贯通"


def test_an_editor_line_between_share_rows_is_no_slogan() -> None:
    # slogans_in_an_app_box: any short CJK line between two share lines
    rules = chrome_rules([STORY, "分享到:", "责任编辑 王林", "扫码下载株洲新闻客户端"])
    assert rules[2] is None
    article = only_article(
        "社区食堂开门迎客", DATE, STORY, "分享到:", "责任编辑 王林", "扫码下载株洲新闻客户端"
    )
    assert [e.name for e in article.editors] == ["王林"]


def test_a_byline_between_share_rows_is_no_slogan() -> None:
    rules = chrome_rules([STORY, "分享到:", "记者 王林 通讯员 李华", "微信 微博 QQ空间"])
    assert rules[2] is None


def test_a_print_page_dated_alone_still_opens_a_page() -> None:
    # is_signed_date in opens_page: the page's name is a heading, its date
    # line bare, so the next page's lone editor line was read as a signature's
    document = parse_document(
        page(
            "第一个故事的标题",
            "第一个故事的正文写到这里结束。",
            "综合·城区",
            "2024年9月2日",
            "责任编辑:胡乐",
            "石峰区学林街道严格落实安全生产责任制",
            STORY,
        )
    )
    assert len(document.pages) == 2
    assert document.pages[1].title == "综合·城区"
    assert [a.title for a in document.articles][1] == "石峰区学林街道严格落实安全生产责任制"


def test_a_print_credit_line_under_a_paragraph_still_opens_a_page() -> None:
    # opens_page: 美术编辑/校对 are print roles, no web story's own credits
    document = parse_document(
        page(
            "株洲日报",
            "2024年9月2日 星期一",
            "责任编辑:尹二荣 美术编辑:赵强 校对:马晴春",
            "第一个故事的标题",
            "第一个故事的正文写到这里结束。",
            "责任编辑:胡乐 美术编辑:王玺 校对:戴可",
            "石峰区学林街道严格落实安全生产责任制",
            STORY,
        )
    )
    assert len(document.pages) == 2
    assert [e.name for e in document.pages[0].editors] == ["尹二荣", "赵强", "马晴春"]
    assert len(document.articles) == 2


def test_keyword_subheadings_of_a_review_stay_in_the_story() -> None:
    # the 关键词 label (metalines.LABELS): "关键词:项目建设" heads a section
    text = page(
        "株洲高新区这一年",
        "2024-12-30 09:30 来源:株洲日报",
        STORY,
        "关键词:项目建设",
        "全年41个重点项目开工,44个重点项目建成投用。",
        "关键词:营商环境",
        "全区新增市场主体1.2万户。",
    )
    kept = all_text(parse_document(text))
    assert "关键词:项目建设" in kept
    assert "关键词:营商环境" in kept


def test_a_subheading_with_a_field_word_is_still_a_subheading() -> None:
    # FIELD_LINE_RE in looks_like_headline: 第一时间, 生活方式 are no fields
    article = only_article(
        "龙母河畔的防汛之夜",
        STORY,
        "第一时间:村干部连夜转移群众",
        "暴雨来袭当晚,村支书带着党员挨家挨户敲门。",
        "生活方式:安置点里的三顿热饭",
        "安置点里,志愿者为群众准备了热饭热菜。",
    )
    assert [s.heading for s in article.sections] == [
        "第一时间:村干部连夜转移群众",
        "生活方式:安置点里的三顿热饭",
    ]


def test_a_notice_s_last_contact_line_is_no_footer() -> None:
    # contacts_in_a_footer: "返回顶部" (navigation) beside a story's last line
    assert chrome_rules([STORY, "监督举报电话:0731-12345", "返回顶部"])[1] is None


def test_a_notice_s_contact_box_stays_in_the_story() -> None:
    text = page(
        "关于征集株洲老照片的启事",
        DATE,
        STORY,
        "联系地址:株洲市天元区长江北路1号",
        "联系电话:0731-28881234",
        "返回顶部",
    )
    kept = all_text(parse_document(text))
    assert "联系电话:0731-28881234" in kept


def test_a_site_footer_under_a_story_s_place_line_is_still_chrome() -> None:
    # hosts_of_an_event: a bare "地点:" or "主题:" within three lines
    texts = [
        STORY,
        "地点:市图书馆一楼报告厅",
        "主办:株洲市人民政府办公室",
        "承办:株洲市大数据中心",
        "湘ICP备05001234号",
    ]
    assert chrome_rules(texts)[2:4] == ["footer", "footer"]


def test_a_date_range_with_weekdays_is_no_breadcrumb() -> None:
    # PLATFORM_COLUMN_RE: "10月1号·周二" reads as "X号·Y"
    assert chrome_rule("10月1号·周二 → 10月7号·周一") is None


def test_a_speaker_led_by_quantifier_is_no_salutation() -> None:
    # _SALUTATION_RE: 全体/广大 then any noun: a column break after a speaker
    article = only_article(
        "村里的新路修通了",
        STORY,
        "全体村民代表激动地表示:",
        "“这条路我们盼了二十年,今天终于走上了。”",
    )
    assert (
        article.paragraphs[-1].text
        == "全体村民代表激动地表示:“这条路我们盼了二十年,今天终于走上了。”"
    )


@pytest.mark.parametrize("brand", ["周黑鸭", "谭木匠", "周大福"])
def test_a_brand_s_photo_credit_still_names_nobody(brand: str) -> None:
    # speaks(): a three-character brand read as a firm is a person when "X说"
    # reads as one; in a photo's credit it stays the firm
    article = only_article("新品上市", STORY, f"门店新品上市。{brand} 供图", STORY)
    assert name_key(brand) in names_of_no_person(article)
    assert not names_nobody("易思源")  # an editor's name still speaks


@pytest.mark.parametrize(
    ("account", "owner"),
    [
        ("湖南省株洲市融媒体中心官方账号", "株洲市融媒体中心"),
        ("湖南省人民政府官方账号", "湖南省人民政府"),
    ],
)
def test_an_account_s_province_with_its_sheng(account: str, owner: str) -> None:
    # account_owner strips 湖南 and leaves 省
    assert account_owner(account) == owner


def test_sheng_the_verb_is_no_price_per_litre() -> None:
    # PRICED_PER_BEFORE_RE: 每升 is "each rise" here
    (figure,) = [f for f in find_figures("职称每升一级加薪300元。") if f.raw == "300元"]
    assert figure.unit == "元"


def test_a_row_of_long_award_names_is_no_footer_menu() -> None:
    # is_dashed_menu's footer form: any six short entries after "- "
    assert chrome_rule("十佳文明家庭- 最美志愿者- 道德模范- 身边好人- 文明单位- 文明校园") is None


# --- misses: the rule's own kind in another spelling ------------------------


@pytest.mark.parametrize(
    "date",
    [
        "2024年9月2日 星期一",
        "2024 年 9 月 2 日",
        "2024-09-02",
    ],
)
def test_a_signature_date_in_other_spellings(date: str) -> None:
    document = parse_document(
        page(
            "关于暂停供水的通知",
            "2024-09-03 11:20 来源:株洲新闻网",
            "因管网改造,9月5日荷塘区部分区域暂停供水。",
            "株洲市自来水有限责任公司",
            date,
            "责任编辑:易思",
        )
    )
    assert len(document.pages) == 1
    (article,) = document.articles
    assert [p.text for p in article.paragraphs][-2:] == ["株洲市自来水有限责任公司", date]


def test_the_credit_under_a_caption_across_a_blank_line() -> None:
    # add_caption asks for the very next line; a saved page puts a blank between
    text = (
        "石峰区电机新产线投产\n\n"
        + STORY
        + "\n\n▲工人在车间调试新下线的电机。\n\n周琳 摄\n\n"
        + STORY
    )
    captions = parse_document(text).articles[0].captions
    assert [(c.text, c.credit) for c in captions] == [("工人在车间调试新下线的电机。", "周琳 摄")]


def test_the_hosts_of_a_meeting_notice_stay_in_the_story() -> None:
    # EVENT_LABEL_RE knows no 会议时间/会议地点 (nor 培训, 讲座)
    text = page(
        "关于召开全市民营经济座谈会的通知",
        DATE,
        "经研究,定于6月1日召开全市民营经济座谈会。",
        "会议时间:6月1日上午9时",
        "会议地点:市政府三楼会议室",
        "主办单位:株洲市发展和改革委员会",
        "承办单位:株洲市工商联",
        "请各单位准时参会。",
    )
    assert "主办单位:株洲市发展和改革委员会" in all_text(parse_document(text))


def test_an_original_post_s_site_with_digits_and_a_space() -> None:
    line = parse_date_line("原创:39健康网 2024-04-23 12:27:25")
    assert line is not None and line.publication == "39健康网"


def test_an_app_slogan_closing_with_an_exclamation() -> None:
    assert chrome_rule("下载新湖南客户端,湖南新闻一手掌握!") == "share"


def test_a_spaced_search_button() -> None:
    assert chrome_rules(["搜 索", "那一夜我给你开过车", "1905电影网"])[1] == "navigation"


def test_an_email_line_in_a_footer() -> None:
    assert chrome_rules(["湘ICP备05001234号", "Email:zz@163.com"])[1] == "footer"


def test_a_share_button_of_another_wording_closing_the_fields() -> None:
    meta = parse_metadata("来源:株洲日报 作者:王林 一键分享")
    assert meta is not None and meta.authors == ["王林"]


def test_an_account_named_after_a_source_label() -> None:
    # source_name runs on date lines, not on a labelled 文章来源: value
    meta = parse_metadata("文章来源:株洲日报社官方账号")
    assert meta is not None and meta.publication == "株洲日报"


def test_an_exclaimed_headline_over_its_author_s_name() -> None:
    # mended in session 25 (tests/test_session25_forms.py has the other forms)
    article = only_article("株洲首条跨湘江隧道全线贯通!", "王林", DATE, STORY)
    assert article.title == "株洲首条跨湘江隧道全线贯通!"
    assert [c.name for c in article.contributors] == ["王林"]


def test_a_field_line_broken_mid_sentence_is_joined() -> None:  # mended in session 25
    # is_field_line in ends_paragraph: a print column break inside a field
    article = only_article(
        "市图书馆招募暑期志愿者",
        STORY,
        "报名时间:即日起至6月30日,报名时需携带身份证",
        "原件及复印件到市图书馆一楼服务台登记。",
    )
    assert article.paragraphs[-1].text == (
        "报名时间:即日起至6月30日,报名时需携带身份证原件及复印件到市图书馆一楼服务台登记。"
    )


def test_a_price_per_person_a_few_words_away() -> None:  # mended in session 25
    (figure,) = find_figures("每人可领取补贴500元。")
    assert figure.unit == "元/人"
