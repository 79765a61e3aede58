"""The rules of the fourth pass of issue 14 (docs/EXTRACTION.md, "Fourth pass
(session 20)"), on sentences written for these tests.

Where a rule exists because the recogniser misreads a sentence, the test gives
``find_people`` that misreading as the recogniser's words (``reading``), so
that it tests the rule whatever the model reads today; where the rule asks the
recogniser itself (names hidden in an -ism, a title or a memorial), or the
recogniser reads the sentence as the rule needs, the real model runs.
"""

from __future__ import annotations

import pytest

from ingest.extract.names import Token
from ingest.extract.people import _unglued, find_people, find_people_in


def reading(text: str, words: str) -> list[Token]:
    """The recogniser's words for *text*, written "word/TAG word/TAG …"."""
    tokens, at = [], 0
    for item in words.split():
        word, tag = item.rsplit("/", 1)
        assert text.startswith(word, at), (word, text[at:])
        tokens.append(Token(at, at + len(word), tag))
        at += len(word)
    assert at == len(text), text[at:]
    return tokens


def names(text: str, words: str | None = None) -> list[str]:
    recognised = None if words is None else reading(text, words)
    return [m.name for m in find_people(text, recognised=recognised)]


def roles(text: str, words: str) -> list[tuple[str, str | None]]:
    return [(m.name, m.role) for m in find_people(text, recognised=reading(text, words))]


# --- names hidden in a word the recogniser reads whole -----------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [("大学开设了马克思主义哲学课。", "马克思"), ("他研究列宁主义多年。", "列宁")],
)
def test_the_person_an_ism_is_named_for_is_a_person(text: str, name: str) -> None:
    assert names(text) == [name]


def test_an_ism_named_for_no_person_names_nobody() -> None:
    assert names("我们反对霸权主义和恐怖主义。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("她翻出旧作《致刘春生》读给大家听。", ["刘春生"]),
        ("《王大山诗文集》近日出版。", ["王大山"]),
        ("《张生与莺莺》上演了。", ["张生", "莺莺"]),
    ],
)
def test_people_a_work_is_titled_for_are_people(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_work_titled_for_things_names_nobody() -> None:
    assert names("他爱读《战争与和平》。") == []


def test_a_person_a_memorial_is_named_for_is_not_taken() -> None:
    # As 秋瑾故居 in tests/test_people.py: a place named for a person names
    # no one the story reports on, even where the recogniser reads the name
    # into the memorial's word.
    assert names("市民来到雷锋纪念馆参观。") == []
    assert names("他们来到成吉思汗陵祭拜。") == []


# --- foreign names by their office or role ----------------------------------


def test_a_foreign_name_after_a_sports_role_is_a_person() -> None:
    assert roles("巴西外援里贝罗打进一球。", "巴西/LOC 外援/n 里贝罗/f 打进/v 一/m 球/n 。/w") == [
        ("里贝罗", "外援")
    ]
    # Read one syllable short, the name is read to the end of the syllables.
    assert names("外援鲁迪内将球踢进。", "外援/n 鲁迪/PER 内/f 将/p 球/n 踢进/v 。/w") == ["鲁迪内"]


def test_syllables_after_a_role_that_end_inside_a_word_are_no_name() -> None:
    text = "球员连正常水平都没发挥出来。"
    assert names(text, "球员/n 连/d 正常/a 水平/n 都/d 没/v 发挥/v 出来/v 。/w") == []


def test_a_foreign_name_before_an_office_that_ends_the_phrase_is_a_person() -> None:
    assert roles("若斯潘总理昨天表示", "若斯潘/c 总理/n 昨天/TIME 表示/v") == [("若斯潘", "总理")]
    assert roles("他同克林顿总统会谈。", "他/r 同克林顿/v 总统/n 会谈/v 。/w") == [
        ("克林顿", "总统")
    ]


def test_a_country_before_an_office_is_no_person() -> None:
    # Before a noun the office does not end the phrase.
    assert names("俄罗斯总统新闻秘书", "俄罗斯/n 总统/n 新闻/n 秘书/n") == []
    # A word tagged a place anywhere in the text is none.
    assert names("俄罗斯总统今天签署命令。") == []


def test_a_name_read_as_an_organization_before_an_office_is_a_person() -> None:
    assert roles(
        "金大中总统今天在汉城表示。", "金大中/ORG 总统/n 今天/TIME 在/p 汉城/LOC 表示/v 。/w"
    ) == [("金大中", "总统")]
    assert names("卢泰愚总统说", "卢泰愚/ORG 总统/n 说/v") == ["卢泰愚"]
    assert names("国务院总理表示", "国务院/ORG 总理/n 表示/v") == []


# --- names of no shape, by what stands next to them -------------------------


def test_a_name_joined_to_a_found_name_in_a_list_is_a_person() -> None:
    assert names(
        "任命涅姆佐夫和赫里斯坚科为副总理。",
        "任命/v 涅姆佐夫/PER 和/c 赫里斯坚科/PER 为/p 副总理/n 。/w",
    ) == ["涅姆佐夫", "赫里斯坚科"]
    assert names("记者刘正学、果立新报道", "记者/n 刘正学/PER 、/w 果立新/PER 报道/v") == [
        "刘正学",
        "果立新",
    ]


def test_a_name_of_no_shape_standing_alone_is_no_person() -> None:
    assert names("赫里斯坚科到了。", "赫里斯坚科/PER 到了/v 。/w") == []


def test_an_honorific_after_a_name_marks_a_person() -> None:
    assert names("樱内义雄先生致辞。") == ["樱内义雄"]
    assert names("卓科达先生认为", "卓科达/ORG 先生/n 认为/v") == ["卓科达"]


def test_a_caption_place_or_a_verb_of_announcing_marks_a_person() -> None:
    assert names("新凤霞(中)与演员们合影。") == ["新凤霞"]
    assert names("新闻秘书亚斯特任布斯基宣布", "新闻/n 秘书/n 亚斯特任布斯基/PER 宣布/v") == [
        "亚斯特任布斯基"
    ]


# --- what the recogniser tags a name that is none ---------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("每升汽油涨了2卢比。", "每/r 升/q 汽油/n 涨/v 了/u 2/m 卢比/PER 。/w"),
        ("代表团访问了首都阿布贾。", "代表团/n 访问/v 了/u 首都/n 阿布贾/PER 。/w"),
        ("南部城市哈斯科沃举办展览", "南部/f 城市/n 哈斯科沃/PER 举办/v 展览/n"),
        ("中国队夺回汤杯。", "中国队/ORG 夺回/v 汤杯/PER 。/w"),
        ("李嘉诚基金会捐款", "李嘉诚/PER 基金/n 会/v 捐款/v"),
        ("“卡西尼”号飞船发射。", "“/w 卡西尼/PER ”/w 号/n 飞船/n 发射/v 。/w"),
    ],
)
def test_a_unit_place_trophy_or_firm_is_no_person(text: str, words: str) -> None:
    assert names(text, words) == []


def test_a_foreign_name_is_not_completed_with_an_adverb_of_the_clause() -> None:
    # 比比 alone is a pet name, refused; never 比比正.
    assert names("兔子比比正在吃草", "兔子/n 比比/PER 正/d 在/p 吃草/v") == []
    # 约 is no adverb of the clause: 亚罗|约 is one name cut short.
    assert names("参议员亚罗约当选", "参议员/n 亚罗/PER 约/d 当选/v") == ["亚罗约"]


# --- what the recogniser glues to a name ------------------------------------


@pytest.mark.parametrize(
    ("text", "glued", "name"),
    [
        ("议长卢金也表示反对", "卢金也", "卢金"),
        ("王林都来了", "王林都", "王林"),
        ("副部长张德广和代表团成员", "张德广和", "张德广"),
        ("王立诚九段执黑", "王立诚九段", "王立诚"),
    ],
)
def test_a_word_glued_to_the_end_of_a_name_is_cut_off(text: str, glued: str, name: str) -> None:
    at = text.index(glued)
    tokens = _unglued(text, [Token(at, at + len(glued), "PER")])
    assert text[tokens[0].start : tokens[0].end] == name


def test_a_given_name_that_can_end_in_a_conjunction_keeps_it() -> None:
    # 刘家和: a two-character name before 和 is not cut, a given name can end so.
    tokens = _unglued("刘家和说", [Token(0, 3, "PER")])
    assert [(t.start, t.end) for t in tokens] == [(0, 3)]


def test_heads_of_banks_and_army_units_are_titles() -> None:
    # The recogniser reads 许权|中: the title makes the rule's 许权中 the name.
    assert [(m.name, m.role) for m in find_people("师长许权中指挥作战。")] == [("许权中", "师长")]
    assert [(m.name, m.role) for m in find_people("工商银行副行长李立新表示")] == [
        ("李立新", "副行长")
    ]


# --- session 21: words the recogniser tags names that are no one's -----------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "华兴、金达等乡镇企业发展很快。",
            "华兴/LOC 、/w 金达/PER 等/u 乡镇/n 企业/n 发展/v 很/d 快/a 。/w",
        ),
        ("大雨淹了德瓦纳等3个村庄。", "大雨/n 淹/v 了/u 德瓦纳/PER 等/u 3个/m 村庄/n 。/w"),
        (
            "洪水逼近卡斯、贝洛尼亚等大、中城市。",
            "洪水/n 逼近/v 卡斯/PER 、/w 贝洛/PER 尼亚/LOC 等/u 大/a 、/w 中城市/LOC 。/w",
        ),
    ],
)
def test_a_list_closed_by_a_kind_of_place_or_firm_names_nobody(text: str, words: str) -> None:
    assert names(text, words) == []


def test_a_list_closed_by_people_of_a_firm_or_a_verb_keeps_its_names() -> None:
    assert names("王建国、李华等公司领导出席。") == ["王建国", "李华"]
    words = "马丁/PER 等/u 人/n 因/p 参与/v 一家/m 大公司/n 的/u 交易/vn 被捕/v"
    assert names("马丁等人因参与一家大公司的交易被捕", words) == ["马丁"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("他与卡斯—维拉集团签约。", "他/r 与/p 卡斯/PER —/w 维拉集团/ORG 签约/v 。/w"),
        ("标准—普尔指数下跌。", "标准/n —/w 普尔/PER 指数/n 下跌/v 。/w"),
    ],
)
def test_half_of_a_name_joined_by_one_dash_is_no_person(text: str, words: str) -> None:
    assert names(text, words) == []


def test_a_dash_of_punctuation_does_not_join_a_name() -> None:
    words = "主角/n ———/w 猎人/n 贝利/PER 说/v 。/w"
    assert names("主角———猎人贝利说。", words) == ["贝利"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("9号王从左路突破。", "9号/m 王从/PER 左路/n 突破/v 。/w"),
        ("把人才网罗于旗下。", "把/p 人才/n 网/n 罗于/PER 旗下/n 。/w"),
        ("巴方代表团今天抵达。", "巴方/PER 代表团/n 今天/TIME 抵达/v 。/w"),
        ("越方表示欢迎。", "越方/PER 表示/v 欢迎/v 。/w"),
        ("这批唐宋瓷器很珍贵。", "这批/r 唐宋/PER 瓷器/n 很/d 珍贵/a 。/w"),
        ("她毛手毛脚地打翻了杯子。", "她/r 毛手毛/PER 脚/n 地/u 打翻/v 了/u 杯子/n 。/w"),
        ("小楼古色古香。", "小楼/n 古色古/PER 香/a 。/w"),
        ("瑞士法郎升值了。", "瑞士/LOC 法郎/PER 升值/v 了/u 。/w"),
        ("国家杜马今天表决。", "国家/n 杜马/PER 今天/TIME 表决/v 。/w"),
    ],
)
def test_words_of_no_name_shape_are_no_person(text: str, words: str) -> None:
    # A preposition ending the given name (李|从底线 read 李从), a side of
    # talks (巴方), two dynasties (秦汉), an ABAC idiom (毛手毛脚), a
    # currency or an institution of transliteration (马克, 杜马).
    assert names(text, words) == []


def test_a_surname_and_a_side_is_a_name() -> None:
    assert names("李方说，他很满意。", "李方/PER 说/v ，/w 他/r 很/d 满意/a 。/w") == ["李方"]


@pytest.mark.parametrize("text", ["伏羲氏的传说流传很广。", "传说陶唐氏定都于此。"])
def test_a_name_with_its_clan_suffix_is_the_name(text: str) -> None:
    at = text.index("氏") - 2
    tokens = _unglued(text, [Token(at, at + 3, "PER")])
    assert [(text[t.start : t.end], t.tag) for t in tokens] == [
        (text[at : at + 2], "PER"),
        ("氏", "n"),
    ]


def test_a_bare_surname_with_its_clan_suffix_is_no_name() -> None:
    assert names("王氏兄弟到场。", "王氏/PER 兄弟/n 到场/v 。/w") == []
    assert _unglued("欧阳氏", [Token(0, 3, "PER")]) == [Token(0, 3, "PER")]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("张大明和刘庆之同志到场。", "张大明/PER 和/c 刘庆/PER 之/u 同志/n 到场/v 。/w", "刘庆之"),
        ("陈国之先生来信。", "陈国/PER 之/u 先生/n 来信/v 。/w", "陈国之"),
    ],
)
def test_a_name_cut_one_short_before_a_word_of_address_is_completed(
    text: str, words: str, name: str
) -> None:
    assert name in names(text, words)


def test_an_old_comrade_is_not_a_given_name() -> None:
    assert names("王林老同志说。") == ["王林"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("公园里二十多株苏铁开花了。", "公园/n 里/f 二十多株/m 苏铁/PER 开花/v 了/u 。/w"),
        ("院里种了两棵罗汉松。", "院/n 里/f 种/v 了/u 两棵/m 罗汉松/PER 。/w"),
    ],
)
def test_what_a_number_counts_as_plants_or_animals_is_no_person(text: str, words: str) -> None:
    assert names(text, words) == []


def test_a_person_counted_by_a_classifier_of_people_stays() -> None:
    words = "两位/m 王林/PER 同名/v 。/w"
    assert names("两位王林同名。", words) == ["王林"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("他住在卡洛斯塔镇。", "他/r 住/v 在/p 卡洛斯/PER 塔镇/LOC 。/w"),
        ("家在圣·卡洛斯塔镇。", "家/n 在/p 圣·卡洛/PER 斯塔镇/LOC 。/w"),
    ],
)
def test_a_foreign_name_before_the_rest_of_a_place_is_a_place(text: str, words: str) -> None:
    assert names(text, words) == []


def test_a_foreign_name_before_a_country_stays() -> None:
    words = "卡洛斯/PER 美国/LOC 行/n 结束/v 。/w"
    assert names("卡洛斯美国行结束。", words) == ["卡洛斯"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("华兴、金达两家工厂合并了。", "华兴/LOC 、/w 金达/PER 两家/m 工厂/n 合并/v 了/u 。/w"),
        ("宁远、柳桥三所中学。", "宁远/PER 、/w 柳桥/LOC 三所/m 中学/n 。/w"),
    ],
)
def test_a_list_counted_as_things_names_nobody(text: str, words: str) -> None:
    assert names(text, words) == []


def test_a_list_counted_as_people_keeps_its_names() -> None:
    assert names("王建国、李华二人获奖。") == ["王建国", "李华"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("总统克林顿派特使赴会。", "克林顿"), ("总理阿巴查赴会。", "阿巴查")],
)
def test_a_foreign_name_after_an_office_ends_with_its_syllables(text: str, name: str) -> None:
    at = text.index(name)
    tokens = _unglued(text, [Token(at, at + len(name) + 1, "PER")])
    assert text[tokens[0].start : tokens[0].end] == name


def test_a_foreign_name_of_syllables_after_an_office_is_not_cut() -> None:
    tokens = _unglued("总统曼德拉说", [Token(2, 5, "PER")])
    assert tokens == [Token(2, 5, "PER")]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "一大早，阮家门前就聚集了不少人。",
            "一大早/TIME ，/w 阮家门/PER 前/f 就/d 聚集/v 了/u 不少/m 人/n 。/w",
        ),
        ("王家院里种着枣树。", "王家院/PER 里/f 种/v 着/u 枣树/n 。/w"),
    ],
)
def test_a_familys_gate_or_yard_is_no_name(text: str, words: str) -> None:
    assert names(text, words) == []


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "委员张建华、严正文、刘明远出席。",
            "委员/n 张建华/PER 、/w 严正文/n 、/w 刘明远/PER 出席/v 。/w",
            "严正文",
        ),
        (
            "王立新、钱有林、李志刚参观了展览。",
            "王立新/PER 、/w 钱有林/v 、/w 李志刚/PER 参观/v 了/u 展览/n 。/w",
            "钱有林",
        ),
    ],
)
def test_a_name_read_as_another_word_between_two_names_of_a_list_is_a_name(
    text: str, words: str, name: str
) -> None:
    assert name in names(text, words)


def test_a_word_beside_one_name_of_a_list_is_not_taken() -> None:
    words = "双良/PER 、/w 金达科/n 、/w 阳光/n 等/u 企业/n"
    assert names("双良、金达科、阳光等企业", words) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("一架米格29型战机飞过。", "一架/m 米格/PER 29型/m 战机/n 飞过/v 。/w"),
        ("他们乘坐图波列夫154型客机。", "他们/r 乘坐/v 图波列夫/PER 154型/m 客机/n 。/w"),
    ],
)
def test_a_name_before_a_model_number_is_a_maker(text: str, words: str) -> None:
    assert names(text, words) == []


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "少女玛裕拉和蒂婉妮到城里打工。",
            "少女/n 玛裕拉/PER 和/c 蒂婉妮/PER 到/v 城里/s 打工/v 。/w",
            ["玛裕拉", "蒂婉妮"],
        ),
        ("男孩瑙尔贝踢进一球。", "男孩/n 瑙尔贝/PER 踢进/v 一球/m 。/w", ["瑙尔贝"]),
    ],
)
def test_a_name_after_a_young_persons_noun_is_a_name(
    text: str, words: str, expected: list[str]
) -> None:
    assert names(text, words) == expected


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("他同达赖会面。", "他/r 同达赖/p 会面/v 。/w", "达赖"),
        ("他向卡洛斯告别。", "他/r 向卡洛斯/p 告别/v 。/w", "卡洛斯"),
    ],
)
def test_a_foreign_name_read_with_the_preposition_before_it_is_a_name(
    text: str, words: str, name: str
) -> None:
    assert names(text, words) == [name]


def test_a_place_read_with_the_preposition_before_it_is_no_name() -> None:
    words = "他/r 到/v 巴西/LOC 后/f ，/w 又/d 给巴西/p 写信/v 。/w"
    assert names("他到巴西后，又给巴西写信。", words) == []


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("总理若斯潘昨天访问里昂。", "总理/n 若斯潘/c 昨天/TIME 访问/v 里昂/LOC 。/w", "若斯潘"),
        ("外长若泽访华。", "外长/n 若泽/d 访华/v 。/w", "若泽"),
    ],
)
def test_jo_is_a_syllable_of_a_foreign_name_after_its_office(
    text: str, words: str, name: str
) -> None:
    assert names(text, words) == [name]


def test_if_starts_no_name() -> None:
    assert names("若是下雨，总统就不去了。") == []


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("瑙德曼是一位化学家。", "瑙德曼/PER 是/v 一位/m 化学家/n 。/w", "瑙德曼"),
        ("瑙尔特获得金牌。", "瑙尔特/PER 获得/v 金牌/n 。/w", "瑙尔特"),
    ],
)
def test_nau_is_a_syllable_of_a_foreign_name(text: str, words: str, name: str) -> None:
    assert names(text, words) == [name]


# --- session 22: words that are no one's name, by jieba's dictionary ---------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Inside an idiom (i): 陈规 of 陈规陋习.
        ("他决心革除陈规陋习。", "他/r 决心/n 革除/v 陈规/PER 陋习/n 。/w"),
        # Inside a place (ns): 内亚 of 几内亚比绍.
        ("会议代表来自几内亚比绍。", "会议/n 代表/n 来自/v 几/m 内亚/PER 比绍/LOC 。/w"),
        # Half of a descriptive word (z) that runs past it: 光灿灿.
        ("奖章金光灿灿。", "奖章/n 金光/PER 灿灿/a 。/w"),
        # Itself an adverb (d) or an onomatopoeia (o).
        ("这个孩子志向高远。", "这个/r 孩子/n 志向/n 高远/PER 。/w"),
        ("远处传来丁当的敲打声。", "远处/s 传来/v 丁当/PER 的/u 敲打声/n 。/w"),
    ],
)
def test_a_word_of_the_dictionary_around_a_name_makes_it_no_name(text: str, words: str) -> None:
    assert names(text, words) == []


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # A place that ends on the name's first character (长安) is not half
        # of a word with it: 行长 + 安雷.
        ("行长安雷出席会议。", "行长/n 安雷/PER 出席/v 会议/n 。/w", ["安雷"]),
        # A noun around it is not taken: the person of an -ism.
        ("他研究毛泽东思想。", "他/r 研究/v 毛泽东/PER 思想/n 。/w", ["毛泽东"]),
    ],
)
def test_a_name_beside_words_of_the_dictionary_stays_a_name(
    text: str, words: str, expected: list[str]
) -> None:
    assert names(text, words) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("晚霞殷红得像火。", "晚霞/n 殷红/PER 得/u 像/v 火/n 。/w"),
        ("麦田金黄得耀眼。", "麦田/n 金黄/PER 得/u 耀眼/a 。/w"),
    ],
)
def test_a_name_before_a_particle_of_degree_is_no_name(text: str, words: str) -> None:
    assert names(text, words) == []


def test_a_name_before_the_verb_de_stays_a_name() -> None:
    assert names("王林得了冠军。", "王林/PER 得/v 了/u 冠军/n 。/w") == ["王林"]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "“亚洲球王”萨瓦卡两战全胜。",
            "“/w 亚洲/LOC 球王/n ”/w 萨瓦卡/LOC 两战/m 全胜/v 。/w",
            "萨瓦卡",
        ),
        (
            "队里的“外援”马卡里打进一球。",
            "队里/s 的/u “/w 外援/n ”/w 马卡里/LOC 打进/v 一球/m 。/w",
            "马卡里",
        ),
    ],
)
def test_a_foreign_name_after_a_sports_role_in_quotes_is_a_name(
    text: str, words: str, name: str
) -> None:
    assert names(text, words) == [name]


def test_a_sports_role_in_quotes_before_no_name_gives_none() -> None:
    assert names("他有“球王”之称。", "他/r 有/v “/w 球王/n ”/w 之/u 称/n 。/w") == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "华泰汽车公司宣布裁员，华泰还将关闭工厂。",
            "华泰汽车公司/ORG 宣布/v 裁员/v ，/w 华泰/PER 还/d 将/d 关闭/v 工厂/n 。/w",
        ),
        (
            "金达集团今年扩产，金达在省内有三家工厂。",
            "金达集团/ORG 今年/TIME 扩产/v ，/w 金达/PER 在/p 省内/s 有/v 三家/m 工厂/n 。/w",
        ),
    ],
)
def test_a_firm_named_for_a_name_is_no_person_throughout(text: str, words: str) -> None:
    assert names(text, words) == []


def test_a_person_beside_a_firm_stays_a_person() -> None:
    text = "华泰公司的经理李明说，华泰明年上市。"
    words = "华泰公司/ORG 的/u 经理/n 李明/PER 说/v ，/w 华泰/PER 明年/TIME 上市/v 。/w"
    assert names(text, words) == ["李明"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "叛军逼近马隆加首都，马隆加政府宣布戒严。",
            "叛军/n 逼近/v 马隆加/PER 首都/n ，/w 马隆加/PER 政府/n 宣布/v 戒严/v 。/w",
        ),
        ("难民涌入塔纳境内。", "难民/n 涌入/v 塔纳/PER 境内/s 。/w"),
    ],
)
def test_a_name_before_a_noun_of_countries_is_a_country_throughout(text: str, words: str) -> None:
    assert names(text, words) == []


def test_a_person_visiting_a_capital_stays_a_person() -> None:
    text = "总统克林顿访问墨西哥首都。"
    words = "总统/n 克林顿/PER 访问/v 墨西哥/LOC 首都/n 。/w"
    assert names(text, words) == ["克林顿"]


def test_a_member_unit_after_a_chairs_title_is_no_person() -> None:
    # The shape: an association's letter, "以某某基金(会长单位)为首的会员单位" (the
    # third held-out set): 单位 after 会长 had been read as a person.
    assert names("以南方基金(会长单位)为首的会员单位集体呼吁投资者理性看待涨跌。") == []
    assert names("由株洲市总工会(主席单位)牵头,各成员单位参加。") == []


def test_a_chair_named_after_the_title_is_still_a_person() -> None:
    assert "单小兵" in names("协会会长单小兵在会上讲话。")


def test_a_foreign_name_joined_by_a_hyphen_is_one_name() -> None:
    # The shape: a portal prints the dot of a foreign name as a hyphen
    # ("一名叫乔什-布利的歌迷", the fourth held-out set); the recogniser's two
    # halves had become two people.
    assert names("一名叫杰克-伯恩的歌迷说。") == ["杰克-伯恩"]


def test_a_foreign_name_joined_by_a_dash_is_still_one_name() -> None:
    assert names("参议员约翰—格伦表示。") == ["约翰—格伦"]


# --- session 23: what the fourth and fifth held-out sets asked for ------------


@pytest.mark.parametrize(
    ("text", "glued", "name"),
    [("副主任李艳向小记者介绍说。", "李艳向", "李艳"), ("局长王平对记者说。", "王平对", "王平")],
)
def test_a_preposition_glued_to_a_name_before_the_one_spoken_to_is_cut(
    text: str, glued: str, name: str
) -> None:
    at = text.index(glued)
    tokens = _unglued(text, [Token(at, at + len(glued), "PER")])
    assert text[tokens[0].start : tokens[0].end] == name
    assert [m.name for m in find_people(text)] == [name]


def test_a_middle_dot_lost_to_the_encoding_is_read_as_the_dot() -> None:
    assert names("据科学家斯蒂芬妮?席尔霍尔茨介绍,任务很成功。") == ["斯蒂芬妮?席尔霍尔茨"]
    assert names("你是不是阿森纳?他们都这么说。") == []


def test_a_short_form_of_a_dotted_name_is_that_person() -> None:
    found = find_people_in(
        ["宇航员巴兹·奥尔德林和尼尔·阿姆斯特朗登上月球。", "巴兹说,那是最难忘的时刻。"]
    )
    assert [(m.name, m.full_name) for m in found[1]] == [("巴兹", "巴兹·奥尔德林")]
    # a part two whole names share names neither
    found = find_people_in(["约翰·史密斯和约翰·布朗会见了记者。", "约翰说,会谈很顺利。"])
    assert all(m.full_name is None for m in found[1])


def test_a_child_reporter_s_role_is_printed_whole() -> None:
    found = find_people("校园小记者曾梓恒采访了科技辅导员。")
    assert [(m.name, m.role) for m in found] == [("曾梓恒", "小记者")]


# --- session 24: the fifth pass (docs/EXTRACTION.md, "Fifth pass (session 24)") --


def _unglued_names(text: str, words: str) -> list[str]:
    """The recogniser's names of *text* read as *words*, after ``_unglued``."""
    return [text[t.start : t.end] for t in _unglued(text, reading(text, words)) if t.tag == "PER"]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("我同勒布朗总督会谈。", "我/r 同勒布朗/PER 总督/n 会谈/v 。/w", "勒布朗"),
        ("她跟萨马兰奇握手。", "她/r 跟萨马兰奇/PER 握手/v 。/w", "萨马兰奇"),
        ("他同克林顿总统会晤。", "他/r 同克/v 林顿/PER 总统/n 会晤/v 。/w", "克林顿"),
        ("部长与阿拉法特会谈。", "部长/n 与阿/v 拉法特/PER 会谈/v 。/w", "阿拉法特"),
    ],
)
def test_a_preposition_read_into_a_foreign_name_is_cut_off(
    text: str, words: str, name: str
) -> None:
    assert _unglued_names(text, words) == [name]


def test_a_japanese_name_starting_with_a_preposition_s_character_stays_whole() -> None:
    # 和 and 向 start Japanese names whose rest is all syllables (和田一夫).
    assert _unglued_names("和田一夫来华访问。", "和田一夫/PER 来华/v 访问/v 。/w") == ["和田一夫"]
    # a Chinese name after the preposition is not a run of syllables
    assert _unglued_names("我同张华见面。", "我/r 同/p 张华/PER 见面/v 。/w") == ["张华"]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "主席江泽民图为江泽民在讲话。",
            "主席/n 江泽民图/PER 为/p 江泽民/PER 在/p 讲话/v 。/w",
            "江泽民",
        ),
        ("记者王林摄图为新建的大桥。", "记者/n 王林摄图/PER 为/v 新建/v 的/u 大桥/n 。/w", "王林"),
    ],
)
def test_a_caption_s_picture_read_into_a_name_is_cut_off(text: str, words: str, name: str) -> None:
    assert _unglued_names(text, words)[0] == name


def test_a_name_ending_in_the_caption_s_character_elsewhere_stays() -> None:
    # 巴图, a Mongolian name: 图 ends it when no 为 follows.
    assert _unglued_names("巴图在会上发言。", "巴图/PER 在/p 会上/s 发言/v 。/w") == ["巴图"]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "他转达了对桥本首相的问候。",
            "他/r 转达/v 了/u 对/p 桥本/n 首相/n 的/u 问候/vn 。/w",
            "桥本",
        ),
        (
            "记者向拉莫斯总统的夫人献花。",
            "记者/n 向/p 拉莫斯/n 总统/n 的/u 夫人/n 献花/v 。/w",
            "拉莫斯",
        ),
    ],
)
def test_a_foreign_name_before_its_office_and_a_particle_is_the_person(
    text: str, words: str, name: str
) -> None:
    assert names(text, words) == [name]


def test_a_country_before_its_office_and_a_particle_is_still_no_person() -> None:
    assert names("俄罗斯总统的新闻秘书说。", "俄罗斯/LOC 总统/n 的/u 新闻/n 秘书/n 说/v 。/w") == []


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "总督勒布朗会见了代表团。",
            "总督/n 勒布朗/PER 会见/v 了/u 代表团/n 。/w",
            ("勒布朗", "总督"),
        ),
        (
            "漫画家华君武出席了开幕式。",
            "漫画家/n 华君武/PER 出席/v 了/u 开幕式/n 。/w",
            ("华君武", "漫画家"),
        ),
        (
            "总参谋长傅全有会见了来宾。",
            "总参谋长/n 傅全/PER 有/v 会见/v 了/u 来宾/n 。/w",
            ("傅全有", "总参谋长"),
        ),
    ],
)
def test_more_titles_before_a_name_give_it_its_role(
    text: str, words: str, expected: tuple[str, str]
) -> None:
    assert roles(text, words) == [expected]


def test_a_calling_before_a_name_finds_it_with_no_recogniser() -> None:
    found = find_people("经济学家王立新在会上发言。", recognised=[])
    assert [(m.name, m.role) for m in found] == [("王立新", "经济学家")]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("他会见了傅全有上将。", "他/r 会见/v 了/u 傅全/PER 有/v 上将/n 。/w", "傅全有"),
        ("检阅部队的是李长发少将。", "检阅/v 部队/n 的/u 是/v 李长/PER 发/v 少将/n 。/w", "李长发"),
    ],
)
def test_a_name_cut_one_short_before_a_rank_takes_its_last_character(
    text: str, words: str, name: str
) -> None:
    assert names(text, words) == [name]


def test_a_name_before_a_verb_and_an_office_keeps_its_length() -> None:
    # an office, unlike a rank, is the object of the verb after the name
    assert names("王林陪局长参观。", "王林/PER 陪/v 局长/n 参观/v 。/w") == ["王林"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "在金大中访美期间,双方签署了协议。",
            "在/p 金大中/ORG 访/v 美/LOC 期间/f ,/w 双方/n 签署/v 了/u 协议/n 。/w",
        ),
        (
            "舆论认为,卢泰愚此行旨在寻求经援。",
            "舆论/n 认为/v ,/w 卢泰愚/ORG 此/r 行/n 旨在/v 寻求/v 经援/n 。/w",
        ),
    ],
)
def test_a_name_read_as_an_organization_that_visits_is_a_person(text: str, words: str) -> None:
    assert names(text, words) == [next(n for n in ("金大中", "卢泰愚") if n in text)]


def test_an_organization_that_announces_is_still_no_person() -> None:
    words = "欧佩克/ORG 宣布/v 减产/v 。/w 欧佩克/ORG 会议/n 结束/v 。/w"
    assert names("欧佩克宣布减产。欧佩克会议结束。", words) == []


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "为使农民富起来,和万春还帮助农民架桥。",
            "为/p 使/v 农民/n 富/v 起来/v ,/w 和/p 万春/PER 还/d 帮助/v 农民/n 架桥/v 。/w",
            "和万春",
        ),
        (
            "会后,和永康离开了会场。",
            "会后/TIME ,/w 和/c 永康/PER 离开/v 了/u 会场/n 。/w",
            "和永康",
        ),
    ],
)
def test_the_surname_he_read_as_a_conjunction_starts_the_name(
    text: str, words: str, name: str
) -> None:
    assert _unglued_names(text, words) == [name]


def test_a_clause_with_he_and_a_name_doing_things_together_keeps_the_conjunction() -> None:
    assert _unglued_names(
        "上午,和王林一起去了。", "上午/TIME ,/w 和/p 王林/PER 一起/d 去/v 了/u 。/w"
    ) == ["王林"]
    assert _unglued_names(
        "上午,和李华见面的是局长。", "上午/TIME ,/w 和/p 李华/PER 见面/v 的/u 是/v 局长/n 。/w"
    ) == ["李华"]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "副主席李赣骝、厉无畏、钮小明出席。",
            "副主席/n 李赣骝/PER 、/w 厉无畏/v 、/w 钮小明/PER 出席/v 。/w",
            "厉无畏",
        ),
        (
            "委员王建华、栾正文、刘明远参加了会议。",
            "委员/n 王建华/PER 、/w 栾正文/nz 、/w 刘明远/PER 参加/v 了/u 会议/n 。/w",
            "栾正文",
        ),
    ],
)
def test_a_name_of_a_rarer_surname_between_two_names_of_a_list_is_a_name(
    text: str, words: str, name: str
) -> None:
    assert name in names(text, words)


def test_a_word_of_a_rarer_surname_beside_one_name_is_left_alone() -> None:
    text = "代表团访问了李家村、厉无畏精神展。"
    words = "代表团/n 访问/v 了/u 李家村/LOC 、/w 厉无畏/v 精神/n 展/n 。/w"
    assert names(text, words) == []


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("老舍的《茶馆》再次上演。", "老舍/PER 的/u 《/w 茶馆/nw 》/w 再次/d 上演/v 。/w", "老舍"),
        ("阿南史代的婆婆是佛教徒。", "阿南史代/PER 的/u 婆婆/n 是/v 佛教徒/n 。/w", "阿南史代"),
    ],
)
def test_a_name_of_no_shape_with_a_work_or_kin_after_it_is_a_person(
    text: str, words: str, name: str
) -> None:
    assert names(text, words) == [name]


def test_a_word_of_no_shape_before_anything_else_of_its_is_still_no_name() -> None:
    assert names("晨曦的光芒洒满大地。", "晨曦/PER 的/u 光芒/n 洒满/v 大地/n 。/w") == []


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "日本外相小渊惠三今天抵京。",
            "日本/LOC 外相/n 小渊惠/PER 三/m 今天/TIME 抵京/v 。/w",
            "小渊惠三",
        ),
        ("干事长加藤纮一抵京。", "干事长/n 加藤纮/PER 一/d 抵京/v 。/w", "加藤纮一"),
    ],
)
def test_a_japanese_given_name_s_numeral_ends_the_name(text: str, words: str, name: str) -> None:
    assert names(text, words) == [name]


def test_a_numeral_counting_after_a_foreign_name_is_no_part_of_it() -> None:
    assert names("克林顿三次访华。", "克林顿/PER 三/m 次/q 访华/v 。/w") == ["克林顿"]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "日本前首相中曾根康弘访华。",
            "日本/LOC 前/f 首相/n 中/f 曾根康弘/PER 访华/v 。/w",
            "中曾根康弘",
        ),
        ("外相中山太郎说。", "外相/n 中/f 山太郎/PER 说/v 。/w", "中山太郎"),
    ],
)
def test_a_name_s_first_character_read_as_a_locative_after_a_title_is_joined(
    text: str, words: str, name: str
) -> None:
    assert _unglued_names(text, words) == [name]


def test_a_locative_with_no_title_before_it_stays_apart() -> None:
    assert _unglued_names("会议中王林发言。", "会议/n 中/f 王林/PER 发言/v 。/w") == ["王林"]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "金大中新政府成立后,改革开始了。",
            "金大中新政府/ORG 成立/v 后/f ,/w 改革/vn 开始/v 了/u 。/w",
            "金大中",
        ),
        ("卢泰愚政府宣布了决定。", "卢泰愚政府/ORG 宣布/v 了/u 决定/n 。/w", "卢泰愚"),
    ],
)
def test_a_person_s_government_read_as_one_organization_names_the_person(
    text: str, words: str, name: str
) -> None:
    assert names(text, words) == [name]


def test_a_party_s_government_names_nobody() -> None:
    assert names("利库德政府宣布了决定。", "利库德政府/ORG 宣布/v 了/u 决定/n 。/w") == []


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "印尼选手苏茜以2∶0获胜。",
            "印尼/LOC 选手/n 苏茜/PER 以/p 2/m ∶/w 0/m 获胜/v 。/w",
            "苏茜",
        ),
        ("冠军刘国以3∶1获胜。", "冠军/n 刘国/PER 以/p 3/m ∶/w 1/m 获胜/v 。/w", "刘国"),
    ],
)
def test_a_preposition_after_a_titled_name_is_no_last_character(
    text: str, words: str, name: str
) -> None:
    assert names(text, words) == [name]


def test_an_adverb_after_a_titled_name_is_still_its_last_character() -> None:
    assert names("主席罗豪才主持会议。", "主席/n 罗豪/PER 才/d 主持/v 会议/n 。/w") == ["罗豪才"]
