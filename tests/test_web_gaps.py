"""Gaps an acceptance walk-through of issue 13 found on web copies (session
20): a bare author line right under the headline, a story's short closing
sentence read as a caption, a caption wholly in brackets. Every page here is
written for the project, in the forms web copies take; none is copied."""

from __future__ import annotations

import pytest
from conftest import all_text, article_text
from conftest import web_page as page

from ingest.model import Article, Document
from ingest.parse.document import parse_document
from ingest.text.chrome import chrome_rule
from ingest.text.lines import parse_byline, parse_date_line, split_credit
from ingest.text.metalines import parse_metadata


def only_article(document: Document) -> Article:
    (article,) = document.articles
    return article


# 1. A bare author line directly under the headline.


def test_a_bare_name_right_under_the_headline_is_the_byline() -> None:
    article = only_article(
        parse_document(
            page(
                "荷塘区十二个老旧小区加装电梯",
                "谭晓彤",
                "记者从荷塘区住建局了解到,今年全区计划为十二个老旧小区加装电梯,"
                "目前已有五部投入使用。",
                "住在六楼的王奶奶说,以前下一趟楼要歇三回,现在几十秒就到了。",
            )
        )
    )
    assert article.title == "荷塘区十二个老旧小区加装电梯"
    assert article.byline == "谭晓彤"
    assert [(c.name, c.role) for c in article.contributors] == [("谭晓彤", "")]
    assert "谭晓彤" not in article.body
    assert [s.heading for s in article.sections] == []


def test_a_compound_surname_in_traditional_script_under_a_kicker_and_headline_is_the_byline() -> (
    None
):
    # A second shape the rule was not written on: a kicker above the headline,
    # a compound surname, the traditional script of a repost.
    article = only_article(
        parse_document(
            page(
                "天元區",
                "一座老橋的新生",
                "歐陽曉",
                "建於上世紀八十年代的湘江支流老橋,經過半年加固,本週重新通車。",
                "附近居民說,過河再也不用繞行三公里。",
            )
        )
    )
    assert (article.kicker, article.title, article.byline) == ("天元區", "一座老橋的新生", "歐陽曉")
    assert [c.name for c in article.contributors] == ["歐陽曉"]
    assert "歐陽曉" not in article.body


def test_a_short_line_under_the_headline_that_is_no_name_is_kept_in_the_article() -> None:
    # "刘家村" starts with a surname but ends in 村 (a place), "春茶开采" starts
    # with none: neither is an author, and neither line is lost.
    for line in ("刘家村", "春茶开采"):
        article = only_article(
            parse_document(
                page(
                    "茶陵高山茶园迎来采摘季",
                    line,
                    "清明前后,茶陵县海拔八百米以上的茶园陆续开采,茶农们天不亮就上山。",
                )
            )
        )
        assert article.byline is None
        assert article.contributors == []
        assert line in article_text(article)


def test_a_name_under_a_subheading_within_a_story_opens_no_new_article() -> None:
    # Only a story's headline has its author under it: a subheading between
    # paragraphs over a name-shaped line is still one story, the name kept.
    document = parse_document(
        page(
            "醴陵老街换新颜",
            "株洲日报记者 王小川",
            "今年以来,醴陵老街完成了立面改造,沿街商铺陆续重新开张。",
            "守着老店的人",
            "王建国",
            "七十岁的王建国在老街做了五十年竹编,如今他的店铺成了游客必到的一站。",
        )
    )
    article = only_article(document)
    assert article.byline == "株洲日报记者 王小川"
    assert "王建国" in article_text(article)


# 2. A story's short closing sentence is no caption.


def test_a_short_closing_sentence_of_a_page_without_photos_stays_in_the_body() -> None:
    article = only_article(
        parse_document(
            page(
                "攸县发现一处明代古井",
                "株洲日报记者 王小川",
                "近日,攸县一处老屋拆除时露出一口石砌古井,文物部门初步判断为明代所建。",
                "专家介绍,井壁的条石保存完好,井水至今清澈。",
                "古井的保护方案正在制定。",
            )
        )
    )
    assert article.captions == []
    assert article.paragraphs[-1].text == "古井的保护方案正在制定。"


def test_a_short_closing_sentence_under_a_credited_photo_stays_in_the_body() -> None:
    # A second page: it prints a real (credited) caption, so a shape-only
    # caption could stand on it, but the short sentence closes the story.
    article = only_article(
        parse_document(
            page(
                "炎陵黄桃基地修通产业路",
                "株洲日报记者 赵明亮",
                "入夏前,炎陵县两个黄桃基地之间的产业路全线硬化,运桃的货车可以直接开进果园。",
                "果农在新修的产业路旁装箱。李青 摄",
                "果农们说,以前靠肩挑,一天运不了几筐。",
                "今年的桃子能早一周上市。",
            )
        )
    )
    assert [(c.text, c.credit) for c in article.captions] == [
        ("果农在新修的产业路旁装箱。", "李青 摄")
    ]
    assert article.paragraphs[-1].text == "今年的桃子能早一周上市。"


def test_a_short_sentence_of_a_post_spaced_by_photo_gaps_stays_in_the_body() -> None:
    # A self-media post: three blank lines before every paragraph (a photo
    # stood in each gap), no caption anywhere.
    text = "\n\n\n\n".join(
        [
            "渌口古镇的早市",
            "天刚亮,渌口老街的早市就热闹起来,卖菜的、卖米粉的摊子沿江摆开。",
            "一碗米粉加个荷包蛋只要八块钱,不少摊主凌晨三点就开始熬汤。",
            "不少人专门开车从城区赶来吃早餐。",
        ]
    )
    article = only_article(parse_document(text))
    assert article.captions == []
    assert article.paragraphs[-1].text == "不少人专门开车从城区赶来吃早餐。"


def test_the_closing_sentence_of_a_story_under_related_news_stays_in_the_body() -> None:
    document = parse_document(
        page(
            "石峰区新建两座公厕",
            "株洲日报记者 王小川",
            "近日,石峰区在清水塘片区新建两座公厕,方便过往市民。",
            "【相关新闻】",
            "荷塘区启用智慧停车场",
            "记者 赵明亮",
            "荷塘区首个智慧停车场本周投入使用,可提供三百多个车位。",
            "车主可通过手机小程序查询空余车位。",
            "停车场周末也正常开放。",
        )
    )
    second = document.articles[-1]
    assert second.title == "荷塘区启用智慧停车场"
    assert second.captions == []
    assert second.paragraphs[-1].text == "停车场周末也正常开放。"


def test_a_shape_only_caption_between_paragraphs_beside_credited_photos_is_a_caption() -> None:
    # What the shape rule is for (seed 001's "文明勸導。"): a page with
    # credited captions prints another photo's caption with no credit, between
    # two paragraphs, not at the story's end.
    article = only_article(
        parse_document(
            page(
                "神农城龙舟赛开赛",
                "株洲日报记者 王小川",
                "端午当天,二十支龙舟队在神农湖上竞渡,岸边观众上万人。",
                "龙舟冲过终点。刘一凡 摄",
                "本届比赛首次设立了青少年组和女子组。",
                "岸边的加油声。",
                "组委会介绍,明年将邀请省外队伍参赛。",
            )
        )
    )
    assert [c.text for c in article.captions] == ["龙舟冲过终点。", "岸边的加油声。"]
    assert "岸边的加油声" not in article.body


# 3. A caption wholly in brackets loses both brackets.


def test_a_caption_and_credit_wholly_in_brackets_are_stored_without_them() -> None:
    article = only_article(
        parse_document(
            page(
                "神农谷迎来避暑客",
                "株洲日报记者 王小川",
                "入伏以来,炎陵县神农谷景区每天接待游客上万人次。",
                "(孩子们在溪边的浅滩上捉小鱼。谭小慧 摄)",
                "景区负责人介绍,今年新修了两条林间步道。",
            )
        )
    )
    ((text, credit, people),) = [
        (c.text, c.credit, [p.name for p in c.photographers]) for c in article.captions
    ]
    assert (text, credit, people) == ("孩子们在溪边的浅滩上捉小鱼。", "谭小慧 摄", ["谭小慧"])


def test_other_captions_wholly_in_brackets_lose_both_brackets() -> None:
    # Full-width brackets with a paper's photographer; a caption whose credit
    # follows a space with no sentence end (the whole line was read as the
    # credit, the caption's words as a photographer); a ▲ before the bracket.
    assert split_credit("（醴陵窑的师傅在拉坯。株洲日报记者 刘一凡 摄）")[:2] == (
        "醴陵窑的师傅在拉坯。",
        "株洲日报记者 刘一凡 摄",
    )
    text, credit, people = split_credit("(湘江边的夜景 刘一凡摄)")
    assert (text, credit, [p.name for p in people]) == ("湘江边的夜景", "刘一凡摄", ["刘一凡"])
    assert split_credit("▲(新修的口袋公园。李青 摄)")[:2] == ("新修的口袋公园。", "李青 摄")
    # a credit alone in brackets, and brackets holding no credit, are as before
    assert split_credit("(通讯员/供图)")[:2] == ("", "通讯员/供图")
    assert split_credit("(市民在江边晨练)") == ("(市民在江边晨练)", None, [])


# 4. A list of works and their authors, one a line, is no menu.


def works_kept(text: str, *words: str) -> None:
    document = parse_document(text)
    article = only_article(document)
    held = article_text(article) + "".join(s.label or "" for s in article.sections)
    assert document.chrome_lines == 0
    assert all(w in held for w in words), [w for w in words if w not in held]


def test_a_prize_list_of_works_and_authors_stays_in_the_story() -> None:
    works_kept(
        page(
            "市第五届青年文学奖揭晓",
            "本报讯(记者 刘一凡)昨日,市第五届青年文学奖在市文化馆揭晓,十部作品获奖。",
            "二等奖作品:",
            "《老街》",
            "王丽华",
            "《山那边》",
            "张建国",
            "获奖作者将获得奖金和证书。",
        ),
        "《老街》",
        "王丽华",
        "《山那边》",
        "张建国",
    )


def test_an_exhibitions_paintings_and_painters_stay_in_the_story() -> None:
    # Second example: three works, their titles longer, under a sentence.
    works_kept(
        page(
            "醴陵举办青年画家作品展",
            "本报讯(记者 周晓岚)十二月一日,醴陵市青年画家作品展在市美术馆开幕,展出作品六十余幅。",
            "其中三幅作品获评优秀:",
            "《春到炎陵》",
            "李晓峰",
            "《湘江夜色》",
            "周文",
            "《醴陵窑火》",
            "陈一鸣",
            "展览将持续到月底。",
        ),
        "《春到炎陵》",
        "《湘江夜色》",
        "《醴陵窑火》",
        "陈一鸣",
    )


# 5. A post with a photo placeholder before every paragraph.


def test_a_post_with_a_placeholder_before_every_paragraph_keeps_them_in_the_body() -> None:
    article = only_article(
        parse_document(
            page(
                "炎陵黄桃熟了 果农笑开颜",
                "2023-07-20 09:15 来源:炎陵那些事",
                "图片1.jpg",
                "七月的炎陵,漫山遍野的黄桃熟了,果农们天不亮就上山采摘。",
                "图片2.jpg",
                "今年黄桃的收购价比去年高了两成,不少果农盘算着扩种。",
                "图片3.jpg",
                "镇里还请来电商主播直播带货,一场直播卖出了三千多单。",
            )
        )
    )
    assert "天不亮就上山采摘" in article.body and "三千多单" in article.body
    assert article.captions == []


def test_a_post_with_bracketed_placeholders_keeps_its_two_paragraphs() -> None:
    # Second example: another placeholder's form, two paragraphs only.
    article = only_article(
        parse_document(
            page(
                "渌口老街的早餐铺",
                "2024-01-08 07:40 来源:渌口生活圈",
                "[图片]",
                "天还没亮,老街口的米粉铺就坐满了赶早班车的人。",
                "[图片]",
                "老板说,这碗米粉的码子三十年没变过。",
            )
        )
    )
    assert "坐满了赶早班车的人" in article.body and "三十年没变过" in article.body


def test_a_story_with_its_own_paragraphs_keeps_a_placeholders_caption() -> None:
    article = only_article(
        parse_document(
            page(
                "石峰公园菊花展开幕",
                "2024-10-28 10:00 来源:株洲新闻网",
                "昨天,石峰公园第十届菊花展开幕,三百多个品种的菊花吸引了不少市民前来观赏。",
                "图片1.jpg",
                "市民在菊花展上拍照。",
                "菊花展将持续到十一月底,公园每天开放到晚上九点。",
            )
        )
    )
    assert [c.text for c in article.captions] == ["市民在菊花展上拍照。"]


# 4. A news agency's end mark (session 22).


def test_a_wire_storys_end_mark_stays_the_last_paragraph_not_a_subheading() -> None:
    # The shape: a wire service's report closes with "(完)" on a line of its
    # own, and the short unpunctuated line had become a section heading.
    article = only_article(
        parse_document(
            page(
                "醴陵瓷博会开幕 三百余家企业参展",
                "2023年11月05日 16:42 来源:中国新闻网",
                "中新网株洲11月5日电 (记者 柯文涛)第六届陶瓷博览会5日在醴陵开幕。",
                "本届博览会为期5天。",
                "(完)",
            )
        )
    )
    assert article.sections == []
    assert article.body.rstrip().endswith("(完)")


PARK_STORY = (
    "攸县新建三座公园",
    "2024-03-02 09:15 来源:攸县融媒体中心",
    "记者从攸县住建局获悉,今年县城将新建三座口袋公园。",
)


@pytest.mark.parametrize("mark", ["【完】", "-完-"])
def test_a_portals_end_mark_in_other_brackets_is_no_subheading_either(mark: str) -> None:
    # Not written for: a portal's 【完】 and a dashed -完- after the text.
    article = only_article(parse_document(page(*PARK_STORY, mark)))
    assert article.sections == [] and article.body.rstrip().endswith(mark)


def test_a_short_subheading_in_a_story_is_still_a_section() -> None:
    article = only_article(
        parse_document(page(*PARK_STORY, "完善配套设施", "公园内将配建步道和儿童游乐场。"))
    )
    assert [s.heading for s in article.sections] == ["完善配套设施"]


# 5. The digital edition's page header and its pager, a widget in dashes and
# an app's read-on prompt (session 22).


def test_the_digital_editions_page_header_gives_the_paper_and_the_date() -> None:
    # The shape: the edition prints paper, date and page on one line over the
    # story, and its pager under it; the header had become the headline.
    document = parse_document(
        page(
            "株洲日报 2024年01月08日 第A02版:要闻",
            "上一版  下一版",
            "株洲高新区首批重大项目集中签约",
            "本报记者 黄蕾 通讯员 汪思思",
            "本报讯 1月7日,株洲高新区举行重大项目集中签约活动,共签约项目18个。",
        )
    )
    (article,) = document.articles
    assert (document.pages[0].date, document.pages[0].publication) == ("2024-01-08", "株洲日报")
    assert (article.title, article.kicker) == ("株洲高新区首批重大项目集中签约", None)
    assert "上一版" not in all_text(document)


def test_an_evening_papers_header_with_its_weekday_is_read_too() -> None:
    # Not written for: the weekday between the date and the page.
    document = parse_document(
        page(
            "株洲晚报 2024年03月11日 星期一 第A05版:城事",
            "石峰区一小区加装电梯完工",
            "记者从石峰区住建局获悉,该区首批加装的六部电梯已交付使用。",
        )
    )
    assert (document.pages[0].date, document.pages[0].publication) == ("2024-03-11", "株洲晚报")
    assert document.articles[0].title == "石峰区一小区加装电梯完工"


def test_a_sentence_after_a_date_and_a_page_number_is_no_header() -> None:
    line = "株洲日报 2024年01月08日 第A02版刊登了一篇关于老旧小区改造的长篇报道"
    assert parse_date_line(line) is None


def test_a_share_widget_in_dashes_and_an_apps_read_on_prompt_are_chrome() -> None:
    document = parse_document(
        page(
            "炎陵冬笋上市 山里人家添收入",
            "2024-01-05 18:20:11 来源:湖南日报",
            "—分享—",
            "1月5日,炎陵县十都镇的竹林里,村民们正忙着挖冬笋。",
            "打开APP阅读更多精彩内容",
        )
    )
    text = all_text(document)
    assert "分享" not in text and "打开APP" not in text
    assert document.articles[0].title == "炎陵冬笋上市 山里人家添收入"


# 6. An aggregator's and a WeChat post's forms (session 22).


def test_a_bracketed_byline_naming_its_paper_gives_the_paper_as_newsroom() -> None:
    # The shape: an aggregator's copy closes with the paper's byline in
    # brackets; the paper had been read as part of the reporter's role.
    byline = parse_byline("(株洲晚报融媒体记者 谭琪 通讯员 龙斌)", 1)
    assert byline is not None
    assert [(c.name, c.role, c.organization) for c in byline.contributors] == [
        ("谭琪", "融媒体记者", "株洲晚报"),
        ("龙斌", "通讯员", None),
    ]


def test_a_bracketed_byline_of_the_provincial_paper_is_read_alike() -> None:
    # Not written for: another paper, one reporter, full-width brackets.
    byline = parse_byline("(湖南日报全媒体记者 邓晶琎)", 1)
    assert byline is not None and byline.publication == "湖南日报"
    assert [(c.name, c.role) for c in byline.contributors] == [("邓晶琎", "全媒体记者")]


def test_a_bracketed_byline_without_a_paper_keeps_its_roles() -> None:
    byline = parse_byline("(记者 谭琪 通讯员 龙斌)", 1)
    assert byline is not None and byline.publication is None
    assert [c.role for c in byline.contributors] == ["记者", "通讯员"]


@pytest.mark.parametrize(
    "line", ["2024-03-05 19:00·湖南", "2024-03-05 19:00 · 广东", "2024-03-05 19:00 发表于湖南"]
)
def test_the_province_a_post_was_sent_from_is_no_publication(line: str) -> None:
    # The shape: an aggregator's "date·province" under the account's name;
    # 湖南 had become the publication, and the newsroom of its reporters.
    date_line = parse_date_line(line)
    assert date_line is not None
    assert (date_line.date, date_line.time, date_line.publication) == ("2024-03-05", "19:00", None)


def test_a_source_after_the_date_is_still_the_publication() -> None:
    date_line = parse_date_line("2024-03-05 19:00 湖南日报")
    assert date_line is not None and date_line.publication == "湖南日报"


def test_a_wechat_posts_header_gives_the_date_and_the_account() -> None:
    # The shape: WeChat prints the writer and the account after 原创, then the
    # date and the province; the header had been left as the story's text.
    document = parse_document(
        page(
            "神农城春日灯光秀今晚开演",
            "原创 王悦然 株洲发布 2024-03-05 19:00 发表于湖南",
            "收录于合集",
            "#株洲新闻 128个",
            "3月5日晚,神农城春日灯光秀正式开演,吸引了上万名市民前来观看。",
            "编辑:王悦然 审核:陈志坚",
            "预览时标签不可点",
            "阅读原文",
            "分享 收藏 点赞 在看",
        )
    )
    assert (document.pages[0].date, document.pages[0].publication) == ("2024-03-05", "株洲发布")
    (article,) = document.articles
    assert article.title == "神农城春日灯光秀今晚开演"
    assert article.sections == []
    text = all_text(document)
    assert "合集" not in text and "标签" not in text and "在看" not in text


def test_a_wechat_post_with_the_account_alone_is_read_too() -> None:
    # Not written for: no writer, a tag collection in another topic.
    document = parse_document(
        page(
            "攸县油茶林迎来采摘季",
            "原创 攸县发布 2023-10-20 08:30 发表于湖南",
            "收录于合集",
            "#乡村振兴 36个",
            "10月20日,攸县的油茶林迎来采摘季。",
        )
    )
    assert (document.pages[0].date, document.pages[0].publication) == ("2023-10-20", "攸县发布")
    assert "合集" not in all_text(document)


# 7. A portal's story with no byline over 【相关新闻】 and a second story that
# has one (session 22).


def test_a_story_without_a_byline_over_a_related_story_with_one_is_its_own_article() -> None:
    # The shape: the page's story prints only its 来源/作者 line, the related
    # story its own byline; the first story's text had gone into the second,
    # and its headline became a section.
    document = parse_document(
        page(
            "湘江风光带迎来赏花季",
            "2024-03-18 09:12:45 来源:株洲日报 作者:刘一凡",
            "3月中旬以来,湘江风光带的樱花、桃花陆续开放,吸引了大量市民前来赏花。",
            "【相关新闻】",
            "炎陵万亩杜鹃进入最佳观赏期",
            "株洲日报全媒体记者 谭琪 通讯员 黄欢",
            "近日,炎陵县大院农场的杜鹃花进入盛花期,吸引了众多游客。",
        )
    )
    assert [(a.title, a.sections) for a in document.articles] == [
        ("湘江风光带迎来赏花季", []),
        ("炎陵万亩杜鹃进入最佳观赏期", []),
    ]
    assert [c.name for c in document.articles[1].contributors] == ["谭琪", "黄欢"]
    assert "杜鹃" not in document.articles[0].body


def test_a_long_headline_with_commas_over_its_date_line_opens_the_first_story() -> None:
    # Not written for: a long headline holding commas, a government page's
    # 发布时间 line, the second story under 延伸阅读.
    document = parse_document(
        page(
            "渌口区开展防汛应急演练,12个部门200余人参加,检验队伍实战能力",
            "发布时间:2024-05-16 10:30 来源:渌口区应急管理局",
            "5月15日,渌口区在湘江渌口段组织开展2024年防汛应急演练,区应急、水利等部门参加。",
            "【相关新闻】",
            "攸县开展地质灾害避险演练",
            "株洲日报讯(通讯员/龙斌)5月14日,攸县在鸾山镇开展地质灾害避险转移演练。",
        )
    )
    assert [a.title for a in document.articles] == [
        "渌口区开展防汛应急演练,12个部门200余人参加,检验队伍实战能力",
        "攸县开展地质灾害避险演练",
    ]


def test_a_story_whose_byline_follows_its_date_line_is_one_article() -> None:
    document = parse_document(
        page(
            "天元区新开通3条社区微循环公交",
            "发布时间:2023-05-09 15:20 来源:株洲日报",
            "株洲日报讯(全媒体记者/周子航)5月8日,天元区3条社区微循环公交线路开通运营。",
            "微循环公交采用小型新能源车,票价1元。",
        )
    )
    assert [a.title for a in document.articles] == ["天元区新开通3条社区微循环公交"]


# 8. A breadcrumb one step from the site's own name (session 22).


@pytest.mark.parametrize(
    "line", ["株洲新闻网 > 要闻", "株洲新聞網 > 新聞中心", "湘东在线 » 株洲新闻"]
)
def test_a_breadcrumb_one_step_from_the_sites_name_is_chrome(line: str) -> None:
    # The shape: a traditional-script repost opened with its site's name and
    # one step; the line had become the headline, the real one its subtitle.
    assert chrome_rule(line) == "location"


def test_a_traditional_reposts_headline_under_a_short_breadcrumb_is_the_title() -> None:
    document = parse_document(
        page(
            "株洲新聞網 > 新聞中心",
            "炎陵黃桃豐收 果農笑開顏",
            "發布時間:2023年08月02日 10:15:22 來源:株洲晚報",
            "本報訊(記者 譚琪)8月1日,炎陵縣的黃桃進入採摘高峰期。",
        )
    )
    assert [(a.title, a.subtitle) for a in document.articles] == [("炎陵黃桃豐收 果農笑開顏", None)]


def test_a_comparison_with_an_arrow_sign_is_no_breadcrumb() -> None:
    assert chrome_rule("大学生 > 研究生") is None


# 9. A national site's forms: its credit line under the story, a paper glued
# to each role of its byline, the paper and day the story was printed in
# (session 22).


def test_a_credit_line_under_the_story_gives_its_editors_and_opens_no_page() -> None:
    # The shape: "编辑:… 责任编辑:…" closes a broadcaster's web story; as a
    # print page's credit line it had opened an empty second page.
    document = parse_document(
        page(
            "株洲轨道交通装备产业集群产值突破1500亿元",
            "2024年03月05日 19:30 来源:央视网",
            "央视网消息:记者从湖南株洲获悉,去年当地轨道交通装备产业集群产值突破1500亿元。",
            "编辑:王晓燕 责任编辑:刘亮",
        )
    )
    assert len(document.pages) == 1
    (article,) = document.articles
    assert [(c.name, c.role) for c in article.editors] == [("王晓燕", "编辑"), ("刘亮", "责任编辑")]


def test_a_print_pages_credit_line_over_its_articles_still_opens_a_page() -> None:
    # Not the form above: the seeds' header, the credit line over the text.
    document = parse_document(
        "株洲日报 2019年9月20日 星期五\n\n责任编辑:尹二荣 美术编辑:赵强 校对:马晴春\n\n"
        "# 荷塘区老旧小区改造全面启动\n\n本报讯(记者 谭晓彤)荷塘区今年将改造老旧小区四十个。\n"
    )
    assert [p.editors_line for p in document.pages] == ["责任编辑:尹二荣 美术编辑:赵强 校对:马晴春"]
    assert document.articles[0].title == "荷塘区老旧小区改造全面启动"


def test_a_paper_glued_to_each_role_is_the_newsroom_not_the_role() -> None:
    byline = parse_byline("光明日报记者 禹爱华 光明日报通讯员 刘芳", 1)
    assert byline is not None
    assert [(c.name, c.role, c.organization) for c in byline.contributors] == [
        ("禹爱华", "记者", "光明日报"),
        ("刘芳", "通讯员", "光明日报"),
    ]
    # Not written for: the paper before the second role only.
    byline = parse_byline("记者 张小三 株洲晚报通讯员 李小四", 1)
    assert byline is not None
    assert [(c.role, c.organization) for c in byline.contributors][1] == ("通讯员", "株洲晚报")


@pytest.mark.parametrize(
    ("line", "publication", "date"),
    [
        ("《光明日报》(2024年03月05日 04版)", "光明日报", "2024-03-05"),
        ("《人民日报》(2024年03月05日 第07版)", "人民日报", "2024-03-05"),
    ],
)
def test_the_paper_and_day_a_story_was_printed_in_are_read(
    line: str, publication: str, date: str
) -> None:
    meta = parse_metadata(line)
    assert meta is not None and (meta.publication, meta.date) == (publication, date)


def test_a_works_title_with_a_chapter_in_brackets_is_no_print_line() -> None:
    assert parse_metadata("《红楼梦》(第三回)") is None


def test_the_print_line_under_a_story_is_no_section() -> None:
    article = only_article(
        parse_document(
            page(
                "醴陵瓷走向世界",
                "光明日报记者 禹爱华",
                "走进醴陵市陶瓷博物馆,一件件精美的釉下五彩瓷令人目不暇接。",
                "《光明日报》(2024年03月05日 04版)",
            )
        )
    )
    assert article.sections == []


# 10. Readers' comments under "网友评论", and a photo's giver (session 22).

COMMENTED = [
    "荷塘区新建三座口袋公园",
    "2024-03-02 09:15:00 来源:株洲晚报 作者:龙斌",
    "记者从荷塘区住建局获悉,今年该区将利用边角地新建三座口袋公园,预计6月底前建成开放。",
    "图片由荷塘区住建局提供",
]


def test_readers_comments_under_their_heading_are_no_text_of_the_story() -> None:
    # The shape: each comment is a reader's handle and time (read as a date
    # line), the comment, and its tools; they had gone into the story, the
    # tools as its sections.
    document = parse_document(
        page(
            *COMMENTED,
            "网友评论",
            "湘江边的风 2024-03-02 10:21",
            "太好了,家门口终于有公园了!",
            "回复 赞(12)",
            "株洲老张 2024-03-02 11:05",
            "希望多种点树,夏天太晒了。",
            "回复 赞(3)",
        )
    )
    (article,) = document.articles
    assert "公园了" not in all_text(document) and article.sections == []
    assert [c.credit for c in article.captions] == ["图片由荷塘区住建局提供"]


def test_comments_under_a_hot_comments_heading_with_counts_are_cut_too() -> None:
    # Not written for: another heading, a count after it, one comment.
    document = parse_document(
        page(*COMMENTED, "热门评论 2条", "醴陵小李 2024-03-03 08:00", "支持!早点建好。")
    )
    assert "支持" not in all_text(document)


def test_a_comments_heading_between_two_stories_keeps_the_second_story() -> None:
    document = parse_document(
        page(
            *COMMENTED,
            "网友评论",
            "石峰区新开通两条公交线路",
            "株洲日报讯(通讯员/龙斌)1月8日,石峰区新开通2条社区公交线路,方便居民出行。",
        )
    )
    assert [a.title for a in document.articles] == [
        "荷塘区新建三座口袋公园",
        "石峰区新开通两条公交线路",
    ]
    assert "网友评论" not in all_text(document)


def test_a_comment_boxs_spaced_button_is_no_bare_author() -> None:
    # "发 布" (publish) spaced like a padded two-character name ("戴 鵬").
    assert parse_byline("发 布", 1) is None
    byline = parse_byline("戴 鵬", 1)
    assert byline is not None and [c.name for c in byline.contributors] == ["戴 鵬"]


# 11. A notice's numbered items, a video player's furniture, a short site's
# breadcrumb, a verb among the roles (session 22).


def test_numbered_items_under_a_colon_are_paragraphs_of_their_own() -> None:
    # The shape: a county's notice, "…现就有关事项通告如下:" over "一、…", "二、…",
    # one line each; the items had been joined into one paragraph.
    article = only_article(
        parse_document(
            "关于清明节期间加强森林防火工作的通告\n"
            "发布日期:2024-03-28 来源:市林业局\n"
            "清明节临近,为切实做好森林防火工作,现就有关事项通告如下:\n"
            "一、严禁野外用火。\n"
            "二、加强巡山护林。\n"
        )
    )
    assert [p.text for p in article.paragraphs][-2:] == ["一、严禁野外用火。", "二、加强巡山护林。"]


def test_a_line_after_a_colon_with_no_number_goes_on_as_before() -> None:
    article = only_article(
        parse_document(
            "石峰区老旧小区加装电梯开工\n来源:株洲日报\n街道负责人王林辉介绍:\n“加装电梯的费用由政府补贴和居民分摊。”\n"
        )
    )
    assert (
        article.paragraphs[-1].text == "街道负责人王林辉介绍:“加装电梯的费用由政府补贴和居民分摊。”"
    )


@pytest.mark.parametrize(
    "line", ["视频加载中...", "00:00 / 02:15", "加载中...", "株洲网 > 视频新闻"]
)
def test_a_video_players_lines_and_a_short_sites_crumb_are_chrome(line: str) -> None:
    assert chrome_rule(line) is not None


@pytest.mark.parametrize("line", ["比赛在10:30 / 11:00举行", "加载中心", "收入 > 支出"])
def test_lines_like_a_players_or_a_crumb_stay(line: str) -> None:
    assert chrome_rule(line) is None


@pytest.mark.parametrize("line", ["他编译了三本书", "他摄影了三年"])
def test_a_clause_with_a_role_word_as_its_verb_is_no_byline(line: str) -> None:
    assert parse_byline(line, 1) is None


# 12. A digest page's own title (session 22).


def test_a_digests_title_over_its_date_line_is_the_pages_title() -> None:
    # The shape: "要闻速览" over the page's 来源 line, then short reports each
    # with its own byline; the title had become a section of the first report.
    document = parse_document(
        page(
            "要闻速览",
            "2024-01-10 08:00 来源:株洲日报",
            "荷塘区新增停车位1200个",
            "本报讯(记者 周子航)近日,荷塘区新建的3个公共停车场投入使用。",
            "天元区新开通2条公交线路",
            "本报讯(通讯员 龙斌)1月8日,天元区新开通2条社区公交线路。",
        )
    )
    assert document.pages[0].title == "要闻速览"
    assert [(a.title, a.sections) for a in document.articles] == [
        ("荷塘区新增停车位1200个", []),
        ("天元区新开通2条公交线路", []),
    ]


def test_a_storys_headline_over_its_date_line_and_byline_stays_its_title() -> None:
    document = parse_document(
        page(
            "荷塘区新增停车位1200个",
            "2024-01-10 08:00 来源:株洲日报",
            "本报讯(记者 周子航)近日,荷塘区新建的3个公共停车场投入使用。",
        )
    )
    assert document.pages[0].title is None
    assert document.articles[0].title == "荷塘区新增停车位1200个"
