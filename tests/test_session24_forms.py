"""Forms met in session 24, each rule tried on the example that motivated it
and on a second one it was not written for, and on a line of the same look
that keeps its old reading."""

from __future__ import annotations

import pytest
from conftest import all_text, only_article
from conftest import web_page as page

from ingest.extract.people import find_people, names_nobody
from ingest.parse.document import parse_document
from ingest.text.chrome import chrome_rule, chrome_rules
from ingest.text.lines import parse_byline, parse_date_line, split_credit
from ingest.text.metalines import parse_metadata

STORY = "3月5日,石峰区田心街道新建的社区食堂开门迎客,首日接待老人200余人次。"


# A festival's story with its info box (the session's review's probe).
FESTIVAL = page(
    "神农公园端午游园会本周六开幕",
    STORY,
    "活动时间:6月1日9:00—17:00",
    "活动地点:神农公园南门广场",
    "主办单位:株洲市文旅广电局",
    "承办单位:神农公园管理处",
    "市民可免费入园参观。",
)


def test_the_hosts_in_an_event_s_info_box_stay_in_the_story() -> None:
    # written for: a festival's box of time, place and hosts (a review's probe)
    kept = all_text(parse_document(FESTIVAL))
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
    (article,) = parse_document(FESTIVAL).articles
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


@pytest.mark.parametrize(
    ("line", "publication"),
    [
        # written for: a county office's notice
        (
            "发布时间:2024-09-03 11:20  稿件来源:攸县城市管理和综合执法局",
            "攸县城市管理和综合执法局",
        ),
        # not written for: a portal's and an aggregator's label
        ("文章来源:株洲新闻网  发布时间:2024-03-05", "株洲新闻网"),
        ("新闻来源:红网时刻 2023-07-24 15:13", "红网时刻"),
    ],
)
def test_other_labels_of_the_source_are_read(line: str, publication: str) -> None:
    meta = parse_metadata(line)
    assert meta is not None and meta.publication == publication


def test_a_notice_keeps_its_signature_and_the_site_editor_opens_no_page() -> None:
    text = page(
        "关于规范城区夜市摊点经营的通告",
        "发布时间:2024-09-03 11:20  稿件来源:攸县城市管理和综合执法局",
        "广大经营户:",
        "为改善城区夜间市容环境,现就有关事项通告如下:",
        "一、夜市摊点统一在文化路集中经营。",
        "攸县城市管理和综合执法局",
        "2024年9月2日",
        "责任编辑:易思",
    )
    document = parse_document(text)
    assert len(document.pages) == 1
    paragraphs = [p.text for p in document.articles[0].paragraphs]
    assert paragraphs[0] == "广大经营户:"
    assert paragraphs[-2:] == ["攸县城市管理和综合执法局", "2024年9月2日"]
    assert document.pages[0].date == "2024-09-03"


def test_a_letter_s_date_in_chinese_numerals_under_its_sender_is_kept_too() -> None:
    # not written for: a letter, its date in Chinese numerals
    text = page(
        "致全市广大市民的一封信",
        "各位市民朋友:",
        STORY,
        "株洲市文明办",
        "二〇二四年三月一日",
    )
    paragraphs = [p.text for p in parse_document(text).articles[0].paragraphs]
    assert paragraphs[-2:] == ["株洲市文明办", "二〇二四年三月一日"]


def test_a_date_under_the_last_sentence_is_still_the_page_s() -> None:
    text = page("石峰区新添两处停车场", STORY, "2024年3月6日")
    document = parse_document(text)
    assert "2024年3月6日" not in all_text(document)


@pytest.mark.parametrize(
    ("headline", "under"),
    [
        # written for: a 澎湃号 post and a WeChat post
        ("株洲首条跨湘江隧道全线贯通!", "株洲发布 2024-12-06 17:45 来自湖南"),
        ("520这天,株洲这场集体婚礼有点不一样!", "原标题:《在神农湖畔说“我愿意”》"),
        # not written for: a question over the byline
        ("炎陵黄桃今年为啥这么甜?", "红网时刻新闻记者 刘佳 炎陵报道"),
    ],
)
def test_a_short_headline_closed_by_a_mark_over_the_date_or_byline_is_the_title(
    headline: str, under: str
) -> None:
    article = only_article(headline, under, STORY)
    assert article.title == headline
    assert headline not in [p.text for p in article.paragraphs]


def test_an_exclamation_in_the_story_is_no_headline() -> None:
    article = only_article("荷塘区开展夜市安全检查", STORY, "大家都说:太好了!", STORY)
    assert article.title == "荷塘区开展夜市安全检查"
    assert "大家都说:太好了!" in [p.text for p in article.paragraphs]


@pytest.mark.parametrize("line", ["下载客户端后,市民可在线缴费。", "株洲 > 长沙"])
def test_lines_of_the_same_look_in_a_story_stay_text(line: str) -> None:
    assert chrome_rule(line) is None


def test_an_app_box_s_slogan_between_its_lines_is_chrome() -> None:
    texts = ["华声新闻客户端:", "看湖南 听湖南", "湖南人自己的新闻客户端", "扫码下载"]
    assert all(chrome_rules([STORY, *texts])[1:])
    # not written for: another app's box
    texts = ["下载掌上株洲客户端", "本地生活 一手掌握", "扫码下载"]
    assert all(chrome_rules([STORY, *texts])[1:])
    assert chrome_rules([STORY, "看湖南 听湖南", STORY])[1] is None


def test_contact_lines_beside_a_footer_are_chrome_and_a_notice_s_are_text() -> None:
    # written for: a city site's foot; not written for: a tip line under a statement
    foot = ["主办单位:醴陵市人民政府办公室", "湘ICP备05001234号", "联系电话:0731-23456789"]
    assert chrome_rules([STORY, *foot])[3] == "footer"
    tip = ["声明:本文观点仅代表作者本人。", "报料热线:0731-28000000"]
    assert chrome_rules([STORY, *tip])[2] == "footer"
    assert chrome_rules([STORY, "咨询电话:0731-24221234", STORY])[1] is None


@pytest.mark.parametrize(
    "line",
    [
        "图文 | 李沁  视频 | 欧阳明  剪辑 | 欧阳明",  # written for: 学习强国
        "文字 | 周敏  后期 | 陈二",  # not written for
    ],
)
def test_a_row_of_credits_with_bars_is_a_byline_not_a_menu(line: str) -> None:
    assert chrome_rule(line) is None
    byline = parse_byline(line, 1)
    assert byline is not None and len(byline.contributors) >= 2


def test_a_menu_of_crafts_is_still_a_menu() -> None:
    assert chrome_rule("视频 | 图片 | 直播 | 专题 | 评论") == "navigation"


def test_the_credit_under_a_caption_is_its_credit() -> None:
    # written for: 今日头条's "X 摄" on the line under a ▲ caption
    text = (
        "石峰区电机新产线投产\n\n"
        + STORY
        + "\n\n▲工人在车间调试新下线的电机。\n周琳 摄\n\n"
        + STORY
    )
    (caption,) = parse_document(text).articles[0].captions
    assert (caption.text, caption.credit) == ("工人在车间调试新下线的电机。", "周琳 摄")
    # not written for: a credit with its role
    text = text.replace("周琳 摄", "通讯员 李嘉 摄")
    (caption,) = parse_document(text).articles[0].captions
    assert [p.name for p in caption.photographers] == ["李嘉"]


@pytest.mark.parametrize(
    ("line", "publication"),
    [
        ("2024-05-22 08:16 · 湖南株洲日报社官方账号", "株洲日报"),  # written for
        ("2024-05-22 08:16 · 湖南日报社官方账号", "湖南日报"),  # not written for
        ("2024-05-22 08:16 · 新华社官方账号", "新华社"),
    ],
)
def test_a_platform_account_s_description_names_its_paper(line: str, publication: str) -> None:
    date_line = parse_date_line(line)
    assert date_line is not None and date_line.publication == publication


@pytest.mark.parametrize(
    ("name", "nobody"),
    [
        ("易思源", False),  # written for: an editor the recogniser reads as a firm alone
        ("钱盛通", False),  # not written for: another such name
        ("华泰", True),  # a firm's two-character brand stays refused
        ("中新社发", True),
    ],
)
def test_a_three_character_name_read_as_a_firm_alone_is_a_person_who_speaks(
    name: str, nobody: bool
) -> None:
    assert names_nobody(name) is nobody


# --- the seventh held-out set's forms (each tried on a second example) ------


@pytest.mark.parametrize(
    ("line", "editor"),
    [
        ("2024-05-20 16:25:01  来源:上海奉贤 选稿:许文杰", ("选稿", "许文杰")),  # written for
        ("来源:株洲新闻网 选编:龙建", ("选编", "龙建")),  # not written for
    ],
)
def test_the_editor_who_picked_a_repost_is_an_editor(line: str, editor: tuple[str, str]) -> None:
    meta = parse_metadata(line)
    assert meta is not None and editor in meta.editors


@pytest.mark.parametrize(
    ("line", "publication", "author"),
    [
        ("时间:2024.05.11 来源:光明日报 作者:南帆 分享到:", "光明日报", "南帆"),  # written for
        ("时间:2024-03-05 来源:株洲日报 作者:李明 分享至", "株洲日报", "李明"),  # not written for
    ],
)
def test_a_share_label_closing_the_fields_row_is_no_part_of_them(
    line: str, publication: str, author: str
) -> None:
    meta = parse_metadata(line)
    assert meta is not None and (meta.publication, meta.authors) == (publication, [author])


@pytest.mark.parametrize(
    ("line", "date", "time", "publication"),
    [
        # written for: a site whose name opens with digits, glued to the seconds
        ("2021-01-20 04:29:4439健康网", "2021-01-20", "04:29:44", "39健康网"),
        ("原创:39健康网2024-04-23 12:27:25", "2024-04-23", "12:27:25", "39健康网"),
        # not written for: another such site; the glued label 本文来源于
        ("2023-07-24 15:13:0536氪网", "2023-07-24", "15:13:05", "36氪网"),
        ("本文来源于北京商报 2024-05-20 09:47:48", "2024-05-20", "09:47:48", "北京商报"),
    ],
)
def test_date_lines_of_sites_named_with_digits_and_glued_labels(
    line: str, date: str, time: str, publication: str
) -> None:
    read = parse_date_line(line) or parse_metadata(line)
    assert read is not None
    assert (read.date, read.time, read.publication) == (date, time, publication)


def test_seconds_run_into_digits_that_are_no_site_stay_unread() -> None:
    assert parse_date_line("2021-01-20 04:29:4439") is None


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        # written for: 39健康网's ◎ captions
        (
            "◎ 贾玲说想让观众看到她积极的样子。/图:@贾玲微博截图",
            "贾玲说想让观众看到她积极的样子。",
            "图:@贾玲微博截图",
        ),
        # not written for: a credit after a space, a name
        ("工人在车间调试电机 图/周琳", "工人在车间调试电机", "图/周琳"),
    ],
)
def test_a_picture_credit_after_the_caption_is_split_from_it(
    caption: str, text: str, credit: str
) -> None:
    assert split_credit(caption)[:2] == (text, credit)


def test_a_weak_mark_alone_makes_no_caption() -> None:
    article = only_article("株洲推进全民健身", STORY, "◎ 加强场地建设,新建一批口袋公园。", STORY)
    assert not article.captions


def test_the_credits_under_a_story_s_last_paragraph_open_no_page() -> None:
    text = page(
        "亚洲首艘圆筒型海上油气加工厂启运",
        STORY,
        "编辑:倪仕轩   责任编辑:林涛",
        "违法和不良信息举报电话:020-87373397",
    )
    document = parse_document(text)
    assert len(document.pages) == 1
    editors = [(e.name, e.role) for e in document.pages[0].editors + document.articles[0].editors]
    assert ("林涛", "责任编辑") in editors
    # the print form at the top of a page still opens one (seed 000's form)
    two = parse_document(
        text
        + "\n"
        + page("2019年9月20日 星期五", "责任编辑:尹二荣 美术编辑:赵强", "石峰区新添停车场", STORY)
    )
    assert len(two.pages) == 2


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("贾玲曾强调这是一部讲述善良人如何找到自己的电影。", "贾玲"),  # written for
        ("她说,张伟曾三次到村里调研。", "张伟"),  # not written for
        ("《热辣滚烫》贾玲瘦了100斤。", "贾玲"),  # written for
        ("一年不见,李娜胖了十斤。", "李娜"),  # not written for
    ],
)
def test_an_adverb_or_an_adjective_before_a_particle_ends_no_name(sentence: str, name: str) -> None:
    assert [m.name for m in find_people(sentence)] == [name]


def test_a_search_box_s_suggested_words_under_its_button_are_chrome() -> None:
    # written for: 1905电影网's header; not written for: another site's box
    assert chrome_rules(["搜索", "那一夜,我给你开过车", "1905电影网", STORY])[1] == "navigation"
    assert chrome_rules(["站内搜索", "神农城夜游攻略", "首页 | 新闻 | 县区 | 视频", STORY])[1]
    # a headline under a search button, the story under it, stays text
    assert chrome_rules(["搜索", "神农城夜游攻略", STORY])[1] is None


# --- older held-out sets' chrome (second and fifth sets), session 24 -------


def test_an_app_box_s_lines_under_its_name_are_chrome() -> None:
    # written for: 163's box under a story; not written for: a local app's box
    box = ["会赚钱的客户端:", "网易携手华泰证券", "推出“打新神器”:", "重点推荐"]
    assert all(chrome_rules([STORY, *box])[1:])
    box = ["掌上株洲客户端:", "本地新闻 一手掌握", STORY]
    assert chrome_rules([STORY, *box])[1:] == ["share", "share", None]


@pytest.mark.parametrize("line", ["更多市民点击观看了直播。", "他说,请勿转载谣言。"])
def test_sentences_with_the_same_words_stay_text(line: str) -> None:
    assert chrome_rule(line) is None


# --- the eighth held-out set's forms ------------------------------------------


@pytest.mark.parametrize(
    ("line", "date", "time"),
    [
        ("2024 05/09 22:27:02", "2024-05-09", "22:27:02"),  # written for: 新华网
        ("2023 11/30", "2023-11-30", None),  # not written for: no time
    ],
)
def test_a_year_over_its_box_of_month_and_day_on_one_line_is_a_date(
    line: str, date: str, time: str | None
) -> None:
    read = parse_date_line(line)
    assert read is not None and (read.date, read.time) == (date, time)
    assert chrome_rule(line) is None  # six numbers, no menu


def test_a_letter_spaced_name_is_no_footer() -> None:
    assert chrome_rule("我 们 一 起 走") is None


def test_a_folded_rare_character_stays_in_a_name() -> None:
    # 頔 folds to 𬱖 (Extension E), which the field's name pattern refused
    meta = parse_metadata("【纠错】  【责任编辑:王頔】")
    assert meta is not None and meta.editors == [("责任编辑", "王頔")]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("本报记者  王乐文  方  敏", ["王乐文", "方敏"]),  # written for: 人民日报
        ("记者  方  敏  通讯员  李  青", ["方敏", "李青"]),  # not written for
    ],
)
def test_two_character_names_padded_to_three_are_names(line: str, names: list[str]) -> None:
    byline = parse_byline(line, 1)
    assert byline is not None and [c.name for c in byline.contributors] == names


def test_a_wire_dateline_s_city_is_no_part_of_the_agency() -> None:
    article = only_article(
        "李强在新疆调研",
        "新华社乌鲁木齐5月9日电(记者邹伟)中共中央政治局常委、国务院总理李强近日在新疆调研。",
    )
    assert [(c.name, c.organization) for c in article.contributors] == [("邹伟", "新华社")]


@pytest.mark.parametrize(("word", "kept"), [("海报", True), ("剧照", True), ("网站首页", False)])
def test_the_kind_of_picture_alone_is_a_caption_on_a_saved_page(word: str, kept: bool) -> None:
    # written for: sina's "海报" under a photo gap (fourth held-out set), where a
    # saved page's blank lines make every uncued short line a menu's; not
    # written for: 剧照
    def gap(n: int) -> str:
        return "\n" * (n + 1)

    text = (
        "株洲籍演员新剧开机"
        + gap(3)
        + "2024年3月5日13:56  株洲新闻网"
        + gap(7)
        + word
        + gap(5)
        + STORY
        + gap(1)
        + STORY
        + gap(11)
        + "联系我们"
        + gap(1)
        + STORY
        + "\n"
    )
    captions = [c.text for a in parse_document(text).articles for c in a.captions]
    assert (captions == [word]) is kept


@pytest.mark.parametrize(
    ("site", "date_line"),
    [
        ("中国新闻网", "2019年02月20日 02:26:00 来自北京"),  # written for: 凤凰网's repost
        ("株洲新闻网", "2024-03-05 09:30"),  # not written for
    ],
)
def test_a_site_s_name_between_the_headline_and_the_date_line_is_the_source(
    site: str, date_line: str
) -> None:
    document = parse_document(page("石峰区新添两处停车场", site, "下载客户端", date_line, STORY))
    assert document.pages[0].publication == site
    assert document.articles[0].title == "石峰区新添两处停车场"


def test_a_site_s_name_in_the_story_is_no_source() -> None:
    document = parse_document(
        page("石峰区新添两处停车场", "2024-03-05 09:30", STORY, "株洲新闻网", STORY)
    )
    assert document.pages[0].publication is None


# Lines of chrome in the forms this session met, each rule's own example and
# one it was not written for (the comment says which).
CHROME_LINES = [
    ("澎湃号·政务 > 株洲发布", "location"),  # written for
    ("百家号·财经 > 醴陵发布", "location"),  # not written for
    ("【列印】 【關閉】", "page tools"),  # written for
    ("列印本頁", "page tools"),  # not written for
    ("下载华声客户端,湖南新闻早知道", "share"),  # written for
    ("打开新湖南客户端 株洲新闻天天看", "share"),  # not written for
    ("华声新闻客户端:", "share"),
    ("字号减小 字号增大", "font size"),  # written for
    ("字体放大 字体缩小", "font size"),  # not written for
    ("南方报业传媒集团简介- 网站简介- 广告服务- 招标投标- 物资采购- 联系我们", "navigation"),
    ("株洲日报社简介- 版权声明- 广告刊例- 联系我们- 网站地图- 友情链接", "navigation"),
    ("正文", "navigation"),
    ("图片来源:东方IC 版权作品 请勿转载", "notice"),  # written for
    ("本站图片均为原创,禁止转载", "notice"),  # not written for
    ("更多精彩资讯请点击 网易股票", "navigation"),  # written for
    ("更多内容请关注 株洲发布", "navigation"),  # not written for
    ("小字号", "font size"),  # written for: 人民网
    ("大字号 中字号 小字号", "font size"),  # not written for
    ("若长时间无响应,请刷新本页面", "page tools"),  # written for: 光明网's poll
    ("加载失败,请刷新页面", "page tools"),  # not written for
    ("人 民 网 股 份 有 限 公 司 版 权 所 有 ,未 经 书 面 授 权 禁 止 使 用", "notice"),
    ("株 洲 日 报 社 版 权 所 有", "notice"),  # not written for
    ("制作单位:新华网股份有限公司  版权所有:新华网股份有限公司", "footer"),
]


@pytest.mark.parametrize(("line", "rule"), CHROME_LINES)
def test_the_session_s_furniture_is_chrome(line: str, rule: str) -> None:
    assert chrome_rule(line) == rule
