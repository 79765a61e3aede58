"""The gaps issue 13's walk-through left on real pages (session 21): a caption
credit's role, a writer in brackets closing the story, a hot-picks block above
a post's 原创 line, a list of works, short captions under photos. Every page
here is written for the project in the forms real pages take, never copied."""

from __future__ import annotations

from pathlib import Path

from conftest import all_text, article_text
from conftest import web_page as page

from ingest.model import Article
from ingest.parse.document import parse_document
from ingest.pipeline import ingest_paths
from ingest.store.write import open_archive


def only_article(text: str) -> Article:
    (article,) = parse_document(text).articles
    return article


def credit_mentions(tmp_path: Path, text: str) -> list[tuple[str, str, str, str | None]]:
    """(name, kind, role, organization) of every byline and credit mention the
    archive holds for *text* ingested as a file."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(text, "utf-8")
    db = open_archive(tmp_path / "a.db")
    ingest_paths(db, [tmp_path / "in"])
    rows = db.execute(
        "select name_printed, kind, role, organization from mentions"
        " where kind in ('byline', 'credit') order by kind, name_printed"
    ).fetchall()
    db.close()
    return [tuple(r) for r in rows]


# 2. A caption credit's role (issue 13, points 5 and 7).

NIGHT_MARKET = (
    "荷塘区夜市开市 三百个摊位迎客",
    "2024-06-01 21:10 来源:株洲新闻网",
    "6月1日晚,荷塘区新建的夜市正式开市,三百多个摊位摆满了两条街。",
)


def test_a_caption_credit_gives_its_photographer_the_role_it_prints(tmp_path: Path) -> None:
    # The shape: a digital edition's caption closing with the reporter's role
    # and name before 摄; the role had been dropped for 摄影.
    text = page(*NIGHT_MARKET, "开市当晚,市民在夜市里挑选小吃。全媒体记者 王小川 摄")
    assert ("王小川", "credit", "全媒体记者", None) in credit_mentions(tmp_path, text)


def test_a_credit_in_brackets_names_each_photographer_with_their_own_role() -> None:
    # Second form: the paper before the role, two roles in one bracket; the
    # correspondent keeps no newsroom, as in a byline.
    article = only_article(
        page(*NIGHT_MARKET, "摊主在整理摊位。(株洲日报融媒体记者 刘一凡 通讯员 李青 摄)")
    )
    (caption,) = article.captions
    assert caption.text == "摊主在整理摊位。"
    assert [(p.name, p.role, p.organization) for p in caption.photographers] == [
        ("刘一凡", "融媒体记者", "株洲日报"),
        ("李青", "通讯员", None),
    ]


def test_a_credit_with_no_role_names_a_photographer() -> None:
    (caption,) = only_article(page(*NIGHT_MARKET, "夜市入口的灯牌。周敏 摄")).captions
    assert [(p.name, p.role) for p in caption.photographers] == [("周敏", "摄影")]


def test_a_reporter_who_writes_and_photographs_keeps_both_mentions(tmp_path: Path) -> None:
    # One mention per person, article and role: under the byline's role the
    # credit would have counted into the byline's mention.
    text = page(
        NIGHT_MARKET[0],
        "株洲日报讯(全媒体记者 王小川)6月1日晚,荷塘区新建的夜市正式开市,三百多个摊位摆满了两条街。",
        "开市当晚,市民在夜市里挑选小吃。全媒体记者 王小川 摄",
    )
    mentions = credit_mentions(tmp_path, text)
    assert ("王小川", "byline", "全媒体记者", "株洲日报") in mentions
    assert ("王小川", "credit", "摄影", None) in mentions


# 5. A writer in brackets closing the story (shanxi/1 and sina/4 agree now).

BOOK_FAIR = (
    "攸县举办油茶产业推介会",
    "2024-03-05 09:30 来源:攸县融媒体中心",
    "3月4日,攸县油茶产业推介会在县城举行,二十多家企业参加。",
)


def test_a_name_in_brackets_after_the_last_sentence_is_the_writer() -> None:
    # The shape: a portal's report closing "…举行。(NAME)", then the site's
    # notices: the bracket had stayed in the text, naming no one.
    article = only_article(
        page(
            *BOOK_FAIR,
            "县农业农村局介绍,下一步将在三个乡镇试点林下套种。（谭晓彤）",
            "扫一扫在手机上打开当前页",
        )
    )
    assert [(c.name, c.role) for c in article.contributors] == [("谭晓彤", "")]
    assert article.byline == "（谭晓彤）"
    assert article.paragraphs[-1].text == "县农业农村局介绍,下一步将在三个乡镇试点林下套种。"


def test_a_labelled_bracket_closing_the_story_ends_its_paragraph() -> None:
    # Second form: roles in the bracket, and a line under it that the column
    # rejoin had glued to the story (the bracket's last character ends no
    # sentence).
    article = only_article(
        page(
            *BOOK_FAIR,
            "推介会现场签约项目六个。(记者 王小川 通讯员 李青)",
            "湘东资讯专注株洲本地新闻,每日推送最新消息,欢迎关注。",
        )
    )
    assert [(c.name, c.role) for c in article.contributors] == [
        ("王小川", "记者"),
        ("李青", "通讯员"),
    ]
    assert [p.text for p in article.paragraphs][1:] == [
        "推介会现场签约项目六个。",
        "湘东资讯专注株洲本地新闻,每日推送最新消息,欢迎关注。",
    ]


def test_a_closing_bracket_beside_a_byline_stays_in_the_text() -> None:
    article = only_article(
        page(
            BOOK_FAIR[0],
            "本报讯(记者 周敏)3月4日,攸县油茶产业推介会在县城举行,二十多家企业参加。",
            "推介会现场签约项目六个。(陈二)",
        )
    )
    assert [c.name for c in article.contributors] == ["周敏", "陈二"]
    assert article.paragraphs[-1].text == "推介会现场签约项目六个。(陈二)"


def test_a_bracket_naming_no_person_stays_in_the_text() -> None:
    for closing in ("(某某股份)", "(某某图库)", "(完)", "(刘家村)"):
        article = only_article(page(*BOOK_FAIR, f"推介会现场签约项目六个。{closing}"))
        assert article.contributors == [] and article.byline is None
        assert article.paragraphs[-1].text.endswith(closing)


# 1. The site's picks above a post's 原创 line.

GAME_POST = (
    "三款国产解谜游戏上架 画风一个比一个怪",
    "原创 湘东游戏 2024-04-12 22:18:34",
    "第一款的主角是一只会说话的茶壶,玩家要帮它在厨房里找回丢失的壶盖。",
    "第二款把棋盘搬进了老式筒子楼,每走一步楼里的住户都会换一种表情。",
    "第三款最难,关卡全靠声音提示,建议戴上耳机玩。",
)
PICKS = ("株洲一家老茶馆开了四十年", "醴陵陶瓷博物馆周末免费开放", "炎陵黄桃今年提早半个月上市")


def test_the_sites_picks_between_headline_and_original_line_are_chrome() -> None:
    # The shape: "热门推荐" and its teasers set between the post's headline
    # and its 原创 line; they had become the post's subtitle, counted as no
    # chrome.
    document = parse_document(page(GAME_POST[0], "热门推荐", *PICKS, *GAME_POST[1:]))
    (article,) = document.articles
    assert article.title == GAME_POST[0] and article.subtitle is None
    held = all_text(document)
    assert "热门推荐" not in held and not any(pick in held for pick in PICKS)
    assert document.chrome_lines == 4
    assert [p.text for p in article.paragraphs] == list(GAME_POST[2:])


def test_the_sites_picks_above_the_headline_leave_the_headline() -> None:
    # Second form: the box over the headline, a date and 来源 line opening
    # the story; the headline is the line right over it.
    document = parse_document(
        page("猜你喜欢", *PICKS, GAME_POST[0], "2024-04-12 22:18 来源:湘东游戏", *GAME_POST[2:])
    )
    (article,) = document.articles
    assert (article.kicker, article.title, article.subtitle) == (None, GAME_POST[0], None)
    assert document.chrome_lines == 4 and "老茶馆" not in all_text(document)


def test_a_picks_heading_over_story_text_drops_nothing() -> None:
    # A story paragraph in the "box": no site's list, so nothing goes.
    lead = "记者走访发现,今年新上架的国产解谜游戏里,有三款在玩家中口碑最好。"
    document = parse_document(page(GAME_POST[0], "精彩推荐", lead, *GAME_POST[1:]))
    assert lead in article_text(document.articles[0]) and document.chrome_lines == 0


# 4. A story's list of works.


def test_a_prize_list_is_the_storys_text_one_work_a_paragraph() -> None:
    # The shape: each prize-winning work's title in 《》 over its author; they
    # had become sections, the title a label and the author a heading.
    article = only_article(
        page(
            "市第五届青年文学奖揭晓",
            "本报讯(记者 刘一凡)昨日,市第五届青年文学奖在市文化馆揭晓,十部作品获奖。",
            "二等奖作品:",
            "《老街》",
            "王丽华",
            "《山那边》",
            "张建国",
            "获奖作者将获得奖金和证书。",
        )
    )
    assert article.sections == []
    assert [p.text for p in article.paragraphs][1:] == [
        "二等奖作品:",
        "《老街》王丽华",
        "《山那边》张建国",
        "获奖作者将获得奖金和证书。",
    ]


def test_an_exhibitions_works_with_two_painters_are_paragraphs() -> None:
    # Second form: three paintings, one painted by two, under a sentence.
    article = only_article(
        page(
            "醴陵举办青年画家作品展",
            "本报讯(记者 周晓岚)十二月一日,醴陵市青年画家作品展在市美术馆开幕。",
            "其中三幅作品获评优秀:",
            "《春到炎陵》",
            "李晓峰",
            "《湘江夜色》",
            "周文、陈一鸣",
            "《醴陵窑火》",
            "陈一鸣",
        )
    )
    assert article.sections == []
    assert "《湘江夜色》周文、陈一鸣" in [p.text for p in article.paragraphs]


def test_a_poems_title_over_its_poet_stays_its_headline() -> None:
    poem = page("《春夜》", "王丽华", "窗外的雨下了一夜,", "我听见老街的石板在说话。")
    article = only_article(poem)
    assert (article.title, article.byline) == ("《春夜》", "王丽华")


# 3. Short lines under photos with no cue, on a saved page's markup-spaced text.


def markup_page(*parts: tuple[int, str]) -> str:
    """A saved page's text: each part under its own count of blank lines."""
    return "".join("\n" * (gap + 1) + text for gap, text in parts)


CONFERENCE = (
    (0, "全省地理学术年会在株洲举行"),
    (3, "发布时间:2024-05-18 来源:省地理学会"),
    (9, "5月10日至12日,全省地理学术年会在株洲举行,三百多位学者参会交流。"),
)
OPENING = "5月11日上午,年会开幕式在湖南工业大学报告厅举行,学会理事长致辞。"
CLOSING = "5月12日下午,年会闭幕式在学校体育馆举行,下一届年会将由湘潭大学承办。"


def test_a_few_words_between_a_reports_paragraphs_stay_in_the_story() -> None:
    # The shape: a learned society's report prints a few words under each
    # photo, no credit, no ▲; the page's markup leaves the photo no gap of its
    # own. Those words had been dropped as gap widgets (counted as chrome).
    # One line alone is nothing a subhead is not: kept as a section; two in a
    # row (two photos) are captions, a subhead heading no text.
    text = markup_page(
        *CONFERENCE,
        (7, "年会开幕现场"),
        (3, OPENING),
        (7, "分组讨论会场"),
        (11, "野外考察合影"),
        (3, CLOSING),
        (15, "返回顶部"),
        (5, "一键登录"),
    )
    (article,) = parse_document(text).articles
    assert [(s.label, s.heading) for s in article.sections] == [(None, "年会开幕现场")]
    assert [c.text for c in article.captions] == ["分组讨论会场", "野外考察合影"]
    assert "一键登录" not in article_text(article)


def test_a_posts_subhead_between_paragraphs_on_a_saved_page_is_kept() -> None:
    # Second form: a self-media post's subhead over the paragraphs it heads.
    text = markup_page(
        (0, "四十年的老茶馆"),
        (3, "2024-05-18 09:30 来源:湘东生活"),
        (9, "荷塘区的这家老茶馆开了四十年,每天清晨都坐满了喝早茶的老街坊。"),
        (7, "守着老店的第二代"),
        (3, "如今掌柜的是老店主的儿子,他说只要老街坊还来,茶馆就一直开下去。"),
        (7, "二、"),
        (5, "一壶茶泡出的街坊情"),
        (3, "老街坊们说,在这里喝茶聊天,比在家里看电视热闹,一坐就是一上午。"),
        (15, "返回顶部"),
        (5, "一键登录"),
    )
    (article,) = parse_document(text).articles
    # a label over its subhead is no pair of photos
    assert [(s.label, s.heading) for s in article.sections] == [
        (None, "守着老店的第二代"),
        ("二、", "一壶茶泡出的街坊情"),
    ]
    assert article.captions == []


def test_a_box_of_teasers_between_paragraphs_stays_out() -> None:
    teasers = ("醴陵瓷谷周末办起陶艺市集", "渌口区早稻开镰", "攸县百年老桥完成加固")
    text = markup_page(*CONFERENCE, *((7, t) for t in teasers), (3, OPENING))
    # and a teaser the page prints again in its list below
    again = markup_page(*CONFERENCE, (7, teasers[0]), (3, OPENING), (13, teasers[0]))
    for document in (parse_document(text), parse_document(again)):
        assert teasers[0] not in all_text(document)
