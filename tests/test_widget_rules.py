"""Single widget and furniture lines of real pages (issue 13, session 20):
sign-in and account widgets, pagers, period tabs, comment-form rules and
dialogs, copyright lines, app and QR-code prompts, buttons. Each rule is
tested on lines written here in our own words, in the shape that motivated
it, and on a second form it was not written for; a story's own lines of the
same look stay in the article. No line here is copied from a site."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import all_text

from ingest.cli import main
from ingest.parse.document import parse_document
from ingest.store.schema import stored_text
from ingest.text.chrome import chrome_rule, chrome_rules

# A pager and a share widget laid out with runs of spaces between their words.
SPACED_PAGER = "上一页" + " " * 70 + "2/5" + " " * 60 + "下一页"
SPACED_SHARE = "分享到" + " " * 80 + "微信" + " " * 70 + "QQ空间"


def text_of(document_text: str) -> str:
    """Every line the articles hold: titles, bylines, bodies, sections, captions."""
    return all_text(parse_document(document_text))


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        (SPACED_PAGER, "navigation"),  # the shape seen
        (SPACED_SHARE, "share"),  # another widget spaced the same way
    ],
)
def test_a_widget_spaced_across_the_page_is_chrome(line: str, rule: str) -> None:
    assert len(line) > 120  # longer than any chrome line, counted with its spaces
    assert chrome_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "个人中心账号设置意见反馈退出",  # an account menu run together
        "新用户注册忘记密码",
        "登录快速注册没有帐号？",
        "邮箱登录",
        "退出",
        "个人中心  退出登录",  # spaced, another order
        "记住登录状态",  # the sign-in form's checkbox
        "下次自动登录",
    ],
)
def test_an_account_menu_is_chrome_run_together_or_spaced(line: str) -> None:
    assert chrome_rule(line) == "account"


@pytest.mark.parametrize(
    "line",
    [
        "注册资本金五千万元的新公司落户株洲",  # opens with an account word, goes on
        "退出机制",  # a section heading: the word and more
        "新用户注册量比去年增长三成。",
    ],
)
def test_a_story_line_opening_with_an_account_word_is_no_chrome(line: str) -> None:
    assert chrome_rule(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "扫描成功！",
        "扫码成功",
        "点击手机上的确认即可登录",
        "请在手机上点击确认以完成登录",  # another wording of the same step
        "使用QQ登录",
        "使用第三方账号登录",
    ],
)
def test_a_sign_in_dialogs_steps_are_chrome(line: str) -> None:
    assert chrome_rule(line) == "account"


def test_a_headline_about_signing_in_is_no_chrome() -> None:
    assert chrome_rule("株洲政务服务网上线手机扫码登录功能") is None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("1   2   下一页   余下全文", "navigation"),
        ("搜索  网站地图 设为首页", "navigation"),
        ("站内搜索", "navigation"),
        ("联系我们", "navigation"),
        ("分享到：易信 微信 QQ空间", "share"),
        ("二维码", "share"),
        ("已收藏!", "page tools"),
        ("收藏成功     查看我的收藏", "page tools"),
        ("收藏本文", "page tools"),
        ("×", "page tools"),
        ("知道了", "page tools"),
        ("赞赏", "page tools"),
        ("举报文章问题", "page tools"),
        ("投诉这篇文章", "page tools"),
        ("举报该内容", "page tools"),
    ],
)
def test_header_tools_and_buttons_are_chrome(line: str, rule: str) -> None:
    assert chrome_rule(line) == rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("缩小字体 \t\t放大字体 \t\t收藏 \t\t微博 \t\t微信 \t\t分享 \t\t\t\t20,536", "page tools"),
        ("打印   收藏   1,024", "page tools"),  # another bar, its count marked in thousands
        ("要闻" + " " * 50 + "株洲晚报 ⋅  12评论 ⋅  3分钟前", "counter"),
        ("把你关心的栏目放到这里吧" + " " * 25 + "马上登录", "account"),
        ("登录后可同步你的收藏   立即登录", "account"),
    ],
)
def test_a_tool_bar_or_prompt_spaced_across_the_page_is_chrome(line: str, rule: str) -> None:
    assert chrome_rule(line) == rule


def test_a_sentence_about_signing_in_is_no_prompt() -> None:
    assert chrome_rule("市民在政务网注册后，可以马上登录。") is None


@pytest.mark.parametrize("line", ["一天 \t三天 \t一周", "24小时  本周  本月", "日榜 周榜 月榜"])
def test_a_rankings_period_tabs_are_chrome(line: str) -> None:
    assert chrome_rule(line) == "navigation"


def test_one_period_word_alone_may_head_a_section() -> None:
    assert chrome_rule("一天") is None
    assert chrome_rule("一周") is None


@pytest.mark.parametrize("line", ["昨天", "前天 18:20", "湘江老周 昨天 09:15"])
def test_yesterday_as_a_posts_or_comments_time_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "comments"


def test_a_sentence_about_yesterday_is_no_chrome() -> None:
    assert chrome_rule("昨天下午,荷塘区召开防汛工作会议。") is None


@pytest.mark.parametrize("line", ["已输入0字", "还可以输入300字", "还能输入 140 字"])
def test_a_comment_boxs_typed_count_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "counter"


@pytest.mark.parametrize(
    "line",
    [
        "株洲晚报社 版权所有",  # the owner, a space, the notice
        "Copyright © 2024 株洲新闻网 All rights reserved.",
        "© 2023 某某区融媒体中心",
        "本文仅代表作者个人观点。",
        "本文代表作者本人观点，不代表本站立场",
    ],
)
def test_copyright_lines_and_a_columns_disclaimer_are_notices(line: str) -> None:
    assert chrome_rule(line) == "notice"


@pytest.mark.parametrize(
    "line",
    [
        "请自觉遵守国家相关法律法规，共同营造文明理性的留言环境。",
        "网友发言请遵守互联网法规，评论仅代表网友个人观点",
    ],
)
def test_a_comment_forms_rules_are_chrome(line: str) -> None:
    assert chrome_rule(line) == "comments"


def test_a_story_asking_people_to_keep_the_law_is_no_chrome() -> None:
    assert chrome_rule("请自觉遵守交通法规，文明出行，安全到家。") is None


@pytest.mark.parametrize(
    "line",
    [
        "是否确认删除本条评论？",
        "确定要删除这条回复吗?",
        "正文已结束，按Alt+4可进入评论区",
        "阅读完毕，按 Alt + 2 回到页首",
    ],
)
def test_a_comment_widgets_dialogs_and_keyboard_hints_are_chrome(line: str) -> None:
    assert chrome_rule(line) == "comments"


def test_a_headline_about_deleting_red_tape_is_no_chrome() -> None:
    assert chrome_rule("确定删除多余审批环节 企业办事再提速") is None


@pytest.mark.parametrize(
    "line",
    [
        "扫描下方二维码，获取更多办事指南",
        "想看更多？欢迎扫描左侧二维码关注株洲晚报官方微信",
        "扫一扫，用手机看新闻！",
        "长按二维码向作者打赏",
        "微信扫一扫赞赏作者" + " " * 50 + "赞赏",
        "长按识别二维码关注我们",
        "用微信扫一扫即可分享",
        "用微信扫描还可以",
    ],
)
def test_a_qr_codes_prompt_to_the_reader_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "share"


@pytest.mark.parametrize(
    "line",
    [
        "市民扫码乘车 手机支付更方便",  # a headline: scanning, but no prompt
        "居民扫描二维码关注社区公众号(王小川 摄)",  # a photo's caption
        "工作人员指导老人扫描下方二维码下载“株洲通”APP。",  # a sentence
        "手机扫码乘车",
    ],
)
def test_a_story_about_scanning_codes_is_no_chrome(line: str) -> None:
    assert chrome_rule(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "（本文来自株洲新闻网，更多本地资讯请下载“今日株洲”APP）",
        "【想看更多？欢迎关注“株洲发布”微信公众号】",
    ],
)
def test_an_apps_promotion_in_brackets_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "share"


def test_a_story_naming_an_app_to_download_is_no_chrome() -> None:
    assert chrome_rule("市民可下载“株洲通”APP办理公积金提取") is None


@pytest.mark.parametrize("line", ["国务院客户端小程序", "株洲日报微信公众号", "今日株洲APP小程序"])
def test_a_sites_own_account_is_its_masthead(line: str) -> None:
    assert chrome_rule(line) == "masthead"


def test_a_headline_about_a_new_mini_program_is_no_masthead() -> None:
    assert chrome_rule("株洲推出停车小程序") is None


@pytest.mark.parametrize(
    "line",
    [
        "关于腾讯 | About Tencent | 服务协议 | 隐私政策",
        "关于我们 | Contact Us | 网站地图 | 招聘信息",
    ],
)
def test_a_footer_menu_with_latin_entries_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "navigation"


# The lines beside a line: chrome_rules on a file's non-blank lines.


def test_page_numbers_between_a_pagers_words_are_chrome() -> None:
    lines = ["网友评论", "上一页", "1", "2", "3", "下一页", "我要评论"]
    assert chrome_rules(lines)[1:6] == ["navigation"] * 5
    # another form: the numbers after "首页"-less pager, its last page word below
    assert chrome_rules(["8", "9", "尾页"])[:2] == ["navigation", "navigation"]
    # full-width digits under a traditional-script pager
    assert chrome_rules(["上一頁", "１", "２", "下一頁"]) == ["navigation"] * 4


def test_a_storys_part_numbers_are_no_chrome() -> None:
    lines = [
        "三位专家谈今年的早稻",
        "1",
        "农技站站长:今年早稻长势好于去年",
        "2",
        "种粮大户:机插秧省了一半人工",
        "分享到:微信 微博",
    ]
    assert chrome_rules(lines)[:5] == [None] * 5
    # numbers that do not count up one by one are no pager, even beside its word
    assert chrome_rules(["3", "1", "下一页"])[0] is None


def test_a_lone_count_over_a_tool_is_chrome_and_under_one_is_not() -> None:
    assert chrome_rules(["0", "收藏成功  查看我的收藏"])[0] == "counter"
    assert chrome_rules(["12", "赞赏"])[0] == "counter"
    # the story's first part under the share buttons
    rules = chrome_rules(["分享到:微信 微博", "1", "全市早稻开镰收割,预计总产比去年增加。"])
    assert rules[1] is None


def test_a_signed_in_readers_name_over_the_account_menu_is_chrome() -> None:
    assert chrome_rules(["登录湘江老周", "个人中心账号设置意见反馈退出"])[0] == "account"
    assert chrome_rules(["欢迎您,小株", "个人中心 退出"])[0] == "account"
    # a line opening with 登录 over anything else stays
    assert chrome_rules(["登录人数创新高", "本月政务网登录人数超过十万。"])[0] is None


# Whole pages, in our own words.

PORTAL_PAGE = "\n\n".join(
    [
        "株洲新闻网 | 渌口 | 民生 | 视频",
        "登录湘江老周",
        "个人中心账号设置意见反馈退出",
        "搜索  网站地图 设为首页",
        "扫码成功！",
        "请在手机上点击确认以完成登录",
        "渌口区新建三座乡村图书馆",
        "2024-05-12 09:30 来源:株洲新闻网",
        "本月起,渌口区三座乡村图书馆向村民开放,每座藏书三千余册,周末有志愿者陪孩子读书。",
        "图书馆由闲置的村部用房改建,区里为每座配了电脑和阅读桌,村民可凭身份证免费借阅。",
        "扫一扫，用手机看新闻！",
        "用微信扫描还可以",
        "二维码",
        "已收藏!",
        "0",
        "收藏成功    查看我的收藏",
        "请自觉遵守国家相关法律法规，共同营造文明理性的留言环境。",
        "是否确认删除本条评论？",
        "上一页",
        "1",
        "2",
        "下一页",
        "热新闻",
        "24小时  本周  本月",
        "攸县油茶丰收 亩产创新高",
        "醴陵陶瓷谷迎来研学高峰",
        "株洲晚报社 版权所有",
    ]
)


def test_a_portals_widgets_stay_out_of_its_story() -> None:
    document = parse_document(PORTAL_PAGE)
    (article,) = document.articles
    assert article.title == "渌口区新建三座乡村图书馆"
    assert article.paragraphs[0].text.startswith("本月起,渌口区三座乡村图书馆向村民开放")
    assert len(article.paragraphs) == 2
    assert article.sections == [] and article.captions == []
    text = text_of(PORTAL_PAGE)
    for widget in ("老周", "退出", "确认", "二维码", "收藏", "法规", "删除", "版权", "攸县"):
        assert widget not in text
    # the menu, 17 widget lines, the ranking's heading and the four lines below it
    assert document.chrome_lines == 23


NUMBERED_STORY = "\n\n".join(
    [
        "三位专家谈今年的早稻",
        "2024-07-18 来源:株洲日报",
        "早稻开镰在即,记者请三位农业专家说说今年的收成。",
        "1",
        "农技站站长说,今年早稻长势好于去年,病虫害少,预计单产提高一成。",
        "2",
        "种粮大户说,机插秧省了一半人工,烘干机也让晒谷不再看天。",
        "3",
        "粮站负责人说,收购价稳中有升,农户卖粮不用排长队。",
        "分享到:微信 微博",
        "上一篇:株洲早稻开镰",
    ]
)


def test_a_storys_numbered_parts_stay_in_the_article() -> None:
    document = parse_document(NUMBERED_STORY)
    (article,) = document.articles
    labels = [s.label or s.heading for s in article.sections]
    body = article.body
    for n in ("1", "2", "3"):
        assert n in labels or f"\n{n}\n" in f"\n{body}\n"
    assert "农技站站长说" in body and "粮站负责人说" in body
    assert document.chrome_lines == 2  # the share buttons and the next-story link


def test_widget_lines_stay_in_the_stored_source_and_are_counted(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "渌口区_图书馆.txt").write_text(PORTAL_PAGE, encoding="utf-8")
    db = tmp_path / "a.db"
    result = CliRunner().invoke(main, [str(folder), "--db", str(db), "-j", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    ((source_id, chrome),) = conn.execute("SELECT id, chrome_lines FROM sources")
    ((body,),) = conn.execute("SELECT body FROM articles")
    source = stored_text(conn, source_id)
    conn.close()
    assert chrome == 23
    assert "个人中心账号设置意见反馈退出" in source and "扫一扫，用手机看新闻！" in source
    assert "个人中心" not in body and "扫一扫" not in body
    assert "每座藏书三千余册" in body


# A paragraph broken by the page's columns continues in the next one; not
# across a line of web chrome.

ACROSS_CHROME = "\n\n".join(
    [
        "攸县新开两条城乡公交",
        "2024-03-02 来源:株洲新闻网",
        "首页新闻县域视频图片专题互动",  # a menu run together, no sentence end
        "登录 注册",
        "个人中心  退出",
        "本月起,攸县新开两条城乡公交线路,沿线三个乡镇的村民进城更方便了。",
        "“以前进城要转两趟车,现在一趟就到。”——村民刘大姐",  # no sentence end
        "收藏   举报",
        "已输入0字",
        "这条线路开得好,我们村的老人看病方便多了。",  # a reader's comment
    ]
)


def test_a_paragraph_does_not_continue_across_web_chrome() -> None:
    (article,) = parse_document(ACROSS_CHROME).articles
    texts = [p.text for p in article.paragraphs]
    first = next(t for t in texts if "本月起" in t)
    assert first.startswith("本月起")  # the menu line above is not glued on
    quote = next(t for t in texts if "村民刘大姐" in t)
    assert quote.endswith("村民刘大姐")  # nor the reader's comment below
    assert "首页新闻县域" not in first and "看病方便" not in quote


def test_a_paragraph_broken_under_the_chrome_is_still_one() -> None:
    # the widgets stand above the story: its column-broken paragraph is rejoined
    text = "\n\n".join(
        [
            "个人中心  退出",
            "搜索  网站地图",
            "荷塘区老旧小区加装电梯",
            "2024-06-01 来源:株洲日报",
            "今年以来,荷塘区在十二个老旧小区启动加装电梯工程,居民出资一部分,财政补贴一部分。",
            "截至目前,已完工并投入使用的电梯共有6台,另有4台正在安装,",
            "预计下月全部完工,届时将有三百余户居民受益。",
            "分享到:微信 微博",
        ]
    )
    document = parse_document(text)
    (article,) = document.articles
    assert [p.text for p in article.paragraphs][1:] == [
        "截至目前,已完工并投入使用的电梯共有6台,另有4台正在安装,"
        "预计下月全部完工,届时将有三百余户居民受益。"
    ]
    assert document.chrome_lines == 3


@pytest.mark.parametrize(
    "line",
    [
        "客服热线:0731-28800000" + " " * 20 + "APP下载",  # the shape seen
        "株洲生活圈" + " " * 12 + "下载客户端",  # another site's header
    ],
)
def test_a_header_ending_on_an_apps_download_button_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "share"


def test_a_story_line_giving_a_hotline_or_naming_an_app_is_no_chrome() -> None:
    assert chrome_rule("咨询热线:0731-28800000") is None
    assert chrome_rule("市民可下载APP,在线预约挂号。") is None


@pytest.mark.parametrize(
    "line",
    [
        "“湘江杯”摄影大赛火热进行中!【点击投票】为你喜欢的作品加油",  # the shape seen
        "暑期少儿游泳班开始招生啦【点击报名】",  # another banner's button
    ],
)
def test_a_banner_with_a_bracketed_button_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "navigation"


def test_a_long_paragraph_linking_a_button_stays_the_storys() -> None:
    paragraph = (
        "今年的少儿游泳公益培训共开设十二个班,每班三十人,由市游泳协会的专业教练授课,"
        "家长可在七月五日前通过社区报名,也可以在线填写报名表,名额有限,报满即止,"
        "具体上课时间和地点另行通知【点击报名】"
    )
    assert chrome_rule(paragraph) is None


def test_a_menu_bar_over_its_own_drop_down_is_chrome() -> None:
    bar = "行情" + " " * 20 + "股吧" + " " * 20 + "新闻" + " " * 20 + "外汇"
    drop_down = ["行情", "行情", "股吧", "新闻", "外汇"]
    assert chrome_rules([bar, *drop_down, "某地新开一座大桥"])[0] == "navigation"
    # A county portal's bar, its drop-down under it in another order.
    bar = "要闻     政务     服务     互动"
    assert chrome_rule(bar) is None  # four short words alone are no menu
    assert chrome_rules([bar, "政务", "要闻", "互动", "服务", "标题"])[0] == "navigation"


def test_a_tables_header_row_in_a_story_is_no_chrome() -> None:
    header = "姓名     单位     职务     得分"
    rows = ["刘一     石峰区     科员     95", "陈二     荷塘区     科员     93"]
    assert chrome_rules([header, *rows])[0] is None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("推荐阅读相关主题:", "navigation"),  # the shape seen: a heading with its colon
        ("扫码关注本站:", "share"),  # another prefix's heading, the colon its own
        ("热门搜索:" + " " * 18 + "转型" + " " * 18 + "综改" + " " * 18 + "旅游", "navigation"),
        ("热搜词:  医保  社保  公积金", "navigation"),  # another portal's search bar
        ("无障碍浏览", "page tools"),  # a portal's accessibility mode
        ("长者模式", "page tools"),
    ],
)
def test_a_headings_colon_a_search_bar_and_an_accessibility_mode_are_chrome(
    line: str, rule: str
) -> None:
    assert chrome_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    ["推荐阅读这本书,你会发现很多乐趣。", "热门搜索词显示,市民最关心的是停车问题。"],
)
def test_a_sentence_opening_with_a_widgets_words_is_no_chrome(line: str) -> None:
    assert chrome_rule(line) is None
