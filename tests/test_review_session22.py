"""False positives of session 22's rules found by writing pages of our own
against them (the review of session 22): a follow-up story printed whole
under "相关新闻" below the closing editor line, and a headline that opens with
the comments widget's words. Every example is written for the project; each
rule has a second example and a line of the same look that stays chrome."""

from __future__ import annotations

from conftest import all_text
from conftest import web_page as page

from ingest.parse.document import parse_document

PARK = [
    "荷塘区新建三座口袋公园",
    "2024-05-06 09:12 来源:株洲日报",
    "近日,荷塘区宋家桥街道新建的三座口袋公园正式开放,周边居民有了休闲去处。",
    "责任编辑:张伟",
]


def test_a_follow_up_story_printed_whole_under_the_closing_editor_line_stays() -> None:
    # The shape: the story, its editor, "相关新闻", then a short story of the
    # same topic with no byline of its own, its sentences closed.
    document = parse_document(
        page(
            *PARK,
            "相关新闻",
            "荷塘区去年建成口袋公园十二座",
            "去年,荷塘区共建成口袋公园十二座,总面积超过三万平方米,惠及居民十万余人。",
        )
    )
    assert "惠及居民十万余人" in all_text(document)


def test_a_related_report_with_sentences_under_the_editor_line_stays_too() -> None:
    document = parse_document(
        page(
            "醴陵举办陶瓷文化节",
            "2024-09-20 来源:株洲网",
            "9月20日,醴陵陶瓷文化节开幕,来自全国的两百余家企业参展。",
            "[责任编辑:刘洋]",
            "【相关报道】",
            "醴陵瓷器订单增长",
            "据醴陵市商务局统计,今年前八个月全市陶瓷出口额同比增长一成半,创下新高。",
        )
    )
    assert "出口额同比增长一成半" in all_text(document)


def test_a_box_of_headlines_alone_under_the_editor_line_is_still_chrome() -> None:
    document = parse_document(
        page(*PARK, "相关新闻", "石峰区口袋公园开放", "天元区新增两处街心花园")
    )
    text = all_text(document)
    assert "石峰区口袋公园开放" not in text
    assert "天元区新增两处街心花园" not in text
    assert document.chrome_lines >= 3


def test_a_headline_opening_with_the_comments_words_stays_the_title() -> None:
    document = parse_document(
        page(
            "网友评论成了社区治理的金点子",
            "2024-04-02 09:00 来源:株洲日报",
            "在天元区,居民在社区公众号上的留言正被当作治理的参考。",
        )
    )
    (article,) = document.articles
    assert article.title == "网友评论成了社区治理的金点子"
    assert not article.title_derived


def test_a_headline_opening_with_the_comment_form_words_stays_too() -> None:
    document = parse_document(
        page(
            "发表评论的读者越来越多了",
            "来源:株洲晚报 2024-06-11",
            "本报开通留言功能一个月,已有三千多位读者发表了看法。",
        )
    )
    (article,) = document.articles
    assert article.title == "发表评论的读者越来越多了"


def test_the_comments_notice_over_a_source_line_at_the_foot_stays_chrome() -> None:
    document = parse_document(
        page(
            "天元区举办招聘会",
            "2024-03-02 来源:株洲网",
            "3月2日,天元区春风行动招聘会举办,两百余家企业提供岗位五千余个。",
            "网友评论仅供网友表达个人看法,并不表明本站同意其观点",
            "来源:株洲网",
        )
    )
    assert "仅供网友表达个人看法" not in all_text(document)


def test_a_closing_byline_under_a_line_with_no_full_stop_opens_no_second_story() -> None:
    # The shape: a portal's story over its 来源 line, its last line closing no
    # sentence, then the writers on a line of their own; that last line had
    # become a second story's headline, and the story lost its byline.
    document = parse_document(
        page(
            "株洲高新区企业加快转型",
            "2024-05-06 来源:株洲日报",
            "近日,记者走访株洲高新区多家企业,感受到转型升级的强劲势头。",
            "在一家轨道交通企业,生产线已全部实现数字化",
            "记者 刘畅 通讯员 王芳",
        )
    )
    (article,) = document.articles
    assert article.title == "株洲高新区企业加快转型"
    assert [c.name for c in article.contributors] == ["刘畅", "王芳"]
    assert "生产线已全部实现数字化" in all_text(document)


def test_a_closing_byline_under_a_heading_of_the_story_is_read_too() -> None:
    # Not written for: no 来源 line, the story's last section heading closes it.
    document = parse_document(
        page(
            "攸县油茶迎来丰收",
            "10月20日,攸县的油茶林迎来采摘季,全县油茶林面积已超过八十万亩。",
            "预计今年产油两万吨",
            "株洲日报记者 罗杰",
        )
    )
    (article,) = document.articles
    assert article.title == "攸县油茶迎来丰收"
    assert [c.name for c in article.contributors] == ["罗杰"]


def test_a_second_story_with_its_byline_and_text_still_opens_an_article() -> None:
    document = parse_document(
        page(
            "荷塘区召开安全生产会议",
            "2024-04-01 来源:荷塘区融媒体中心",
            "4月1日,荷塘区召开安全生产工作会议,部署二季度安全生产工作。",
            "芦淞区开展燃气安全检查",
            "记者 刘畅",
            "4月1日,芦淞区应急管理局联合燃气公司开展安全检查,共检查餐饮店八十家。",
        )
    )
    assert [a.title for a in document.articles] == [
        "荷塘区召开安全生产会议",
        "芦淞区开展燃气安全检查",
    ]
