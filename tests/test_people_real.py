"""People on real pages (issue 14, session 20): the rules written for what
the archive read as names on the GNE development pages (docs/EXTRACTION.md,
"Held-out pages (session 20)"), each on sentences of our own: one like the
page that motivated the rule, and a second the rule was not written for."""

from __future__ import annotations

import pytest

from ingest.extract.people import find_people_in, names_nobody


def names(text: str) -> list[str]:
    return [m.name for m in find_people_in([text])[0]]


# A diminutive (小 + one character) is a nickname, even as a stated
# pseudonym, and so is the family or kin the recogniser reads with it.
@pytest.mark.parametrize(
    "text",
    [
        "小雯告诉记者，小雯每天放学都去图书馆，小雯家离学校不远。",
        "小亮（化名）说，小亮父亲常年在外打工，小亮奶奶照顾他。",
    ],
)
def test_a_diminutive_nickname_is_no_name(text: str) -> None:
    assert names(text) == []


def test_a_diminutive_beside_a_full_name_leaves_the_full_name() -> None:
    found = names("班主任王晓燕说，小亮（化名）平时很懂事，小亮也爱帮助同学。")
    assert found == ["王晓燕"]


def test_a_japanese_surname_with_its_office_is_still_a_name() -> None:
    # 小 + one character before an office is a surname, not a diminutive.
    assert names("日本首相小渊说，小渊首相表示欢迎。") == ["小渊", "小渊"]


@pytest.mark.parametrize("text", ["小平同志说，发展才是硬道理。", "小刚同志说，任务一定完成。"])
def test_a_given_name_before_tongzhi_is_no_diminutive(text: str) -> None:
    assert len(names(text)) == 1


def test_a_diminutive_in_an_editor_field_names_nobody() -> None:
    assert names_nobody("小雯")
    assert names_nobody("小亮家")
    assert not names_nobody("王晓燕")


# A list joined by 、 half of whose items are places is a list of places.
@pytest.mark.parametrize(
    "text", ["这款车在国内上市，欧洲、韩国等地区晚一个月。", "国内卖得好，黄山、华山等景区人很多。"]
)
def test_a_list_of_places_gives_no_names(text: str) -> None:
    # 欧, 韩, 黄 and 华 are surnames: each item has a name's shape.
    assert names(text) == []


def test_a_list_of_names_with_one_item_read_as_a_firm_keeps_it() -> None:
    # 江南春 is a businessman the recogniser tags as an organization.
    found = names("捐赠人为丁磊、江南春、马化腾、王强。")
    assert found == ["丁磊", "江南春", "马化腾", "王强"]


# Lines of verse (clauses of one length: 4, 5 or 7 characters) hold no mention.
@pytest.mark.parametrize(
    "text",
    [
        "高楼望月，陈酒留香。君子守中，严明有度。",
        "春风吹柳岸，陈酒醉高楼。明月照江水，严霜满石头。",
    ],
)
def test_words_of_a_quoted_poem_are_no_names(text: str) -> None:
    assert names(text) == []


def test_a_poem_quoted_couplet_by_couplet_holds_no_names() -> None:
    couplets = ["高楼望月，陈酒留香。", "君子守中，严明有度。"]
    assert find_people_in(couplets) == [[], []]


def test_prose_in_short_clauses_is_no_verse() -> None:
    assert names("王建国说，他很高兴。") == ["王建国"]
    assert names("李明华，张建国。") == ["李明华", "张建国"]
    # a couplet-like paragraph between prose paragraphs is prose too
    found = find_people_in(
        ["记者来到村里。", "王建国说，他很高兴。", "村里修了新路，大家都说方便多了。"]
    )
    assert [m.name for m in found[1]] == ["王建国"]


# A foreign name right after a place that ends with a division is a place.
@pytest.mark.parametrize(
    "text", ["他住在英国德文郡埃克塞特的一个小镇。", "她去了英国约克郡哈罗盖特的一家医院。"]
)
def test_a_town_after_its_county_is_no_name(text: str) -> None:
    assert names(text) == []


def test_a_president_after_his_country_is_a_name() -> None:
    assert names("美国总统克林顿说，克林顿明天访华。") == ["克林顿", "克林顿"]


# Names in Latin letters only are not annotated.
@pytest.mark.parametrize(
    "text", ["三星发布 Galaxy S20 手机，Galaxy S20 卖得很好。", "主播 Lily 说，Lily 明天还会直播。"]
)
def test_a_name_in_latin_letters_is_not_taken(text: str) -> None:
    assert names(text) == []


# 华 after a verb of going or facing is China.
@pytest.mark.parametrize("text", ["他一向主张对华强硬。", "他是对华鹰派人物。"])
def test_hua_after_a_verb_of_going_is_china(text: str) -> None:
    assert names(text) == []


def test_a_name_starting_with_hua_is_still_a_name() -> None:
    assert names("他在访华期间会见了华春莹，华春莹说欢迎。") == ["华春莹", "华春莹"]
