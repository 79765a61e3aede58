"""What each article is about: the places it names and its keywords."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from pathlib import Path

from conftest import article_titled, seed_document

from ingest.extract.article import article_keywords, find_places_in_article
from ingest.extract.places import find_places
from ingest.extract.topics import idf_table, keywords, words
from ingest.store.rows import districts
from ingest.text.fold import CJK, fold


def place_counts(prefix: str, title: str) -> Counter[str]:
    article = article_titled(seed_document(prefix), title)
    return Counter(hit.item.place.name for hit in find_places_in_article(article))


def test_the_luosong_page_article_is_about_luosong_district() -> None:
    article = article_titled(seed_document("002"), "向着幸福出发")
    found = find_places_in_article(article)
    assert districts(found) == ["芦淞区"]
    # "芦淞" alone stands for the district (芦淞温度 in a section heading)
    assert {hit.item.printed for hit in found if hit.item.place.name == "芦淞区"} >= {
        "芦淞区",
        "芦淞",
    }


def test_a_street_counts_for_its_district() -> None:
    counts = place_counts("003", "筑牢发展底线 铸就平安学林")
    assert counts["学林街道"] == 12 and counts["石峰区"] == 4
    (xuelin,) = [
        p for p in find_places("学林街道开展河湖环境专项治理行动") if p.place.name == "学林街道"
    ]
    assert (xuelin.place.kind, xuelin.place.district) == ("street", "石峰区")


def test_traditional_script_places_are_found_and_kept_as_printed() -> None:
    hits = find_places("與蘆淞區、荷塘區和攸縣")
    assert [(h.place.name, h.printed) for h in hits] == [
        ("芦淞区", "蘆淞區"),
        ("荷塘区", "荷塘區"),
        ("攸县", "攸縣"),
    ]


def test_longest_name_wins_and_old_names_map_to_the_new_district() -> None:
    assert [h.place.name for h in find_places("株洲高新区与高新区")] == ["株洲高新区"] * 2
    assert [h.place.name for h in find_places("原株洲县")] == ["渌口区"]


def test_common_words_are_not_places() -> None:
    # 建设 (of 建设街道) is "construction"; 荷塘 alone is a lotus pond
    assert find_places("加快城市建设,荷塘月色") == []


def test_place_sentence_is_the_sentence_it_stands_in() -> None:
    (hit,) = find_places("第一句。今年,石峰区启动改造!第三句。")
    assert hit.sentence == "今年,石峰区启动改造!"


def test_tianyuan_articles_in_the_archive(archive_path: Path) -> None:
    conn = sqlite3.connect(archive_path)
    titles = {
        r[0]
        for r in conn.execute(
            "SELECT title FROM articles, json_each(articles.districts) d WHERE d.value = '天元区'"
        )
    }
    assert titles == {
        "不忘初心谋福祉 牢记使命勇担当",
        "困难儿童收到“爱心款”新衣",
        "天元区68支干部工作队进小区 从“心”出发 服务群众“零距离”",
        "株洲高新区:以奋斗之姿推动经济高质量发展",
        "社区清洁齐出动 小区面貌焕新颜",
        "釀造幸福的日子——來自「株洲·中國動力谷」的系列報導之六",
    }
    (row,) = conn.execute(
        "SELECT districts FROM articles WHERE title = '不忘初心谋福祉 牢记使命勇担当'"
    )
    assert json.loads(row[0]) == ["天元区", "株洲高新区"]
    place = conn.execute(
        "SELECT p.printed, p.kind, p.district FROM places p JOIN articles a ON a.id = p.article_id "
        "WHERE a.title LIKE '釀造幸福%' AND p.place = '芦淞区'"
    ).fetchone()
    assert place == ("蘆淞", "district", "芦淞区")


def test_keywords_of_the_caesarean_article_name_its_subject() -> None:
    article = article_titled(seed_document("004"), "她头胎剖宫产 二胎竟实现顺产")
    found = [k.word for k in article_keywords(article)]
    assert {"剖宫产", "顺产"} <= set(found[:4])


def test_keywords_are_simplified_and_ranked_by_weight() -> None:
    article = article_titled(
        seed_document("001"), "釀造幸福的日子——來自「株洲·中國動力谷」的系列報導之六"
    )
    found = article_keywords(article)
    assert found[0].word == "养老"
    assert "家庭医生" in [k.word for k in found]  # printed 家庭醫生
    assert [k.weight for k in found] == sorted((k.weight for k in found), reverse=True)


def test_local_news_words_and_places_never_top_a_list(archive_path: Path) -> None:
    conn = sqlite3.connect(archive_path)
    found = {r[0] for r in conn.execute("SELECT keyword FROM keywords")}
    assert not found & {"株洲", "株洲市", "工作", "服务", "群众", "天元区", "芦淞"}
    per_article = conn.execute("SELECT count(*) FROM keywords GROUP BY article_id").fetchall()
    assert len(per_article) == 18 and {n for (n,) in per_article} == {8}


def test_words_are_cut_by_bidirectional_maximum_matching() -> None:
    # forward matching alone would read 民/政工/作人/员
    assert list(words("区民政工作人员")) == ["民政", "工作人员"]
    assert keywords("") == []


def _greedy(run: str, vocabulary: dict[str, float], backward: bool) -> list[str]:
    """Maximum matching read the slow way: at each step the longest
    dictionary word (up to four characters) from where the last one ended."""
    pieces, rest = [], run
    while rest:
        lengths = range(min(4, len(rest)), 1, -1)
        take = next((n for n in lengths if (rest[-n:] if backward else rest[:n]) in vocabulary), 1)
        pieces.append(rest[-take:] if backward else rest[:take])
        rest = rest[:-take] if backward else rest[take:]
    return pieces[::-1] if backward else pieces


def test_words_are_the_greedy_matches_read_one_step_at_a_time() -> None:
    """words() finds every word length at once (numpy); its words are those
    of forward and backward matching done step by step, the better of the
    two per run of Chinese characters, on text with runs of every length,
    punctuation, digits, Latin letters and traditional script folded."""
    vocabulary = idf_table()
    text = fold(
        "株洲市民政工作人员走访慰问困难群众，送去米、油和慰问金。"
        "2026年全市新增城镇就业3.2万人，城镇调查失业率控制在5.5%以内；"
        "區長吳國華在會上說：要把民生實事辦好辦實。"
        "中华人民共和国成立以来，湘江两岸发生了翻天覆地的变化"
        "他说“好”便走了ABC公司的研究生命科学的人员"
    )
    expected = []
    for run in re.findall(f"[{CJK}]{{2,}}", text):
        forward, backward = _greedy(run, vocabulary, False), _greedy(run, vocabulary, True)
        singles = (sum(len(w) == 1 for w in forward), sum(len(w) == 1 for w in backward))
        better = (len(forward), singles[0]) < (len(backward), singles[1])
        expected += [w for w in (forward if better else backward) if len(w) > 1]
    assert words(text) == expected
    assert {"民政", "工作人员", "研究", "生命科学"} <= set(expected)
