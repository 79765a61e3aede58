"""Forms mended in session 25: each rule has the example it was written for
(session 24's review probes, tests/test_session24_probes.py) and one it was
not written for, with a negative beside it. The inputs are written here."""

from __future__ import annotations

from conftest import web_page as page

from ingest.extract.figures import find_figures
from ingest.model import Article
from ingest.parse.document import parse_document

STORY = "3月5日,石峰区田心街道新建的社区食堂开门迎客,首日接待老人200余人次。"


def only_article(*lines: str) -> Article:
    (article,) = parse_document(page(*lines)).articles
    return article


# --- an exclaimed headline over one short line, then the date ---------------


def test_an_exclaimed_headline_over_the_site_s_name_keeps_the_headline() -> None:
    article = only_article("醴陵这场陶瓷展太美了!", "株洲日报", "2024-05-20 09:30", STORY)
    assert article.title == "醴陵这场陶瓷展太美了!"
    assert "株洲日报" not in article.body


def test_an_exclaimed_headline_over_a_subtitle_keeps_both() -> None:
    article = only_article("醴陵这场陶瓷展太美了!", "千年窑火再燃", "2024-05-20 09:30", STORY)
    assert (article.title, article.subtitle) == ("醴陵这场陶瓷展太美了!", "千年窑火再燃")


def test_an_exclaimed_sentence_in_the_body_stays_text() -> None:
    article = only_article("荷塘区老年食堂开张", STORY, "老人们说:真方便!", "王林", STORY)
    assert article.title == "荷塘区老年食堂开张"
    assert "老人们说:真方便!" in article.body


# --- a field whose value runs on past a print column --------------------------


def test_a_broken_field_of_a_notice_is_joined_to_its_rest() -> None:
    article = only_article(
        "渌口区招聘社区网格员",
        STORY,
        "报名方式:登录区人社局网站下载报名表,填好后连同学历证书",
        "复印件一并交到区政务中心三楼。",
    )
    assert article.paragraphs[-1].text == (
        "报名方式:登录区人社局网站下载报名表,填好后连同学历证书复印件一并交到区政务中心三楼。"
    )


def test_fields_of_an_info_box_stay_one_a_paragraph() -> None:
    article = only_article(
        "市图书馆招募暑期志愿者",
        STORY,
        "报名方式:电话报名,联系人王老师",
        "联系电话:0731-28888888",
        "活动地点:市图书馆一楼",
    )
    assert [p.text for p in article.paragraphs[1:]] == [
        "报名方式:电话报名,联系人王老师",
        "联系电话:0731-28888888",
        "活动地点:市图书馆一楼",
    ]


# --- a price per head a few words after 每 ------------------------------------


def test_money_six_characters_after_each_household_is_per_household() -> None:
    (figure,) = find_figures("攸县每户农户领取补贴320元。")
    assert (figure.value, figure.unit) == (320, "元/户")


def test_money_across_a_clause_after_each_person_is_no_price() -> None:
    (figure,) = find_figures("每人都来了,活动共花费500元。")
    assert figure.unit == "元"
