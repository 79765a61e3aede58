"""The zh FTS5 tokenizer (zhfts/_zhtok.c) on real seed text.

Positions are what phrase matching compares, so most tests look at the tokens
grouped by position: a colocated token shares the position of the one before.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
from conftest import ROOT, seed_document

from ingest.text.fold import CJK_RE, fold
from zhfts import _zhtok, register_tokenizer


def positions(text: str, query: bool = False) -> list[list[str]]:
    grouped: list[list[str]] = []
    for token, colocated, _, _ in _zhtok.tokenize(text, query=query):
        if colocated:
            grouped[-1].append(token)
        else:
            grouped.append([token])
    return grouped


def query_tokens(text: str) -> list[str]:
    groups = positions(text, query=True)
    assert all(len(g) == 1 for g in groups), "queries never have colocated tokens"
    return [g[0] for g in groups]


def test_document_indexes_each_character_with_the_bigram_starting_there() -> None:
    # seed 000: 分别投入450万、500万和550万对92个老旧小区进行改造
    assert positions("对92个老旧小区进行改造") == [
        ["对"],
        ["92"],
        ["个老", "个"],
        ["老旧", "老"],
        ["旧小", "旧"],
        ["小区", "小"],
        ["区进", "区"],
        ["进行", "进"],
        ["行改", "行"],
        ["改造", "改"],
        ["造"],
    ]


def test_query_is_the_bigrams_of_its_characters() -> None:
    assert query_tokens("老旧小区") == ["老旧", "旧小", "小区"]
    assert query_tokens("旧小区") == ["旧小", "小区"]
    assert query_tokens("株洲") == ["株洲"]
    assert query_tokens("湘") == ["湘"]


def test_query_run_followed_by_another_token_also_takes_its_last_character() -> None:
    # In the document 展 holds a position of its own before 2019, so the query must too.
    assert query_tokens("发展2019") == ["发展", "展", "2019"]
    assert query_tokens("2019年9月") == ["2019", "年", "9", "月"]
    assert query_tokens("发展 2019") == ["发展", "展", "2019"]


def test_traditional_characters_fold_to_simplified() -> None:
    # seed 001 is a traditional-script web repost: 市民在改造後的湘江株洲段河東風光帶休閒。 劉震 攝
    assert query_tokens("劉震") == query_tokens("刘震") == ["刘震"]
    assert query_tokens("醫療") == query_tokens("医疗") == ["医疗"]
    assert positions("河東風光帶") == positions("河东风光带")


def test_latin_and_digits_are_lowercased_words_apart_from_chinese() -> None:
    assert query_tokens("2019年") == ["2019", "年"]
    assert query_tokens("厂BA") == ["厂", "ba"]
    # seed 004: 二是医疗机构有抢救剖宫产后阴道分娩(VBAC
    assert positions("阴道分娩(VBAC") == [
        ["阴道", "阴"],
        ["道分", "道"],
        ["分娩", "分"],
        ["娩"],
        ["vbac"],
    ]


def test_full_width_letters_and_digits_fold_to_ascii() -> None:
    assert query_tokens("ＶＢＡＣ") == ["vbac"]
    assert query_tokens("２０１９年") == ["2019", "年"]


def test_punctuation_and_spaces_only_separate() -> None:
    # seed 003: 首届“厂BA”篮球锦标赛火热开赛,
    assert positions("首届“厂BA”篮球") == [
        ["首届", "首"],
        ["届"],
        ["厂"],
        ["ba"],
        ["篮球", "篮"],
        ["球"],
    ]
    assert positions("民生,教育。 医疗、") == positions("民生 教育 医疗")


def test_ideographic_zero_is_a_chinese_character() -> None:
    assert query_tokens("二〇一九年") == ["二〇", "〇一", "一九", "九年"]


def test_offsets_point_at_the_printed_characters() -> None:
    text = "市民在改造後的湘江株洲段河東風光帶休閒。 劉震 攝 2019年"
    raw = text.encode()
    for token, _, start, end in _zhtok.tokenize(text):
        assert fold(raw[start:end].decode()).lower().startswith(token)


def test_fold_header_is_generated_from_the_installed_opencc() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_fold_table.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr


def test_registration_is_per_connection_and_repeatable() -> None:
    conn = sqlite3.connect(":memory:")
    register_tokenizer(conn)
    register_tokenizer(conn)
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='zh')")
    other = sqlite3.connect(":memory:")
    with pytest.raises(sqlite3.OperationalError, match="no such tokenizer: zh"):
        other.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='zh')")


def test_registration_refuses_a_closed_connection() -> None:
    conn = sqlite3.connect(":memory:")
    conn.close()
    with pytest.raises(sqlite3.ProgrammingError):
        register_tokenizer(conn)


# ------------------------------------------------------------ recall property


def seed_paragraphs() -> list[str]:
    return [
        p.text
        for prefix in ("000", "001", "002", "003", "004")
        for article in seed_document(prefix).articles
        for p in article.paragraphs
    ]


@pytest.fixture(scope="module")
def paragraph_index() -> tuple[sqlite3.Connection, list[str]]:
    """Every seed paragraph indexed with zh, beside its folded text for LIKE."""
    paragraphs = seed_paragraphs()
    conn = sqlite3.connect(":memory:")
    register_tokenizer(conn)
    conn.execute("CREATE VIRTUAL TABLE fts USING fts5(body, tokenize='zh')")
    conn.execute("CREATE TABLE folded (id INTEGER PRIMARY KEY, body TEXT)")
    for i, text in enumerate(paragraphs, 1):
        conn.execute("INSERT INTO fts(rowid, body) VALUES (?, ?)", (i, text))
        conn.execute("INSERT INTO folded VALUES (?, ?)", (i, fold(text)))
    return conn, paragraphs


def fts_hits(conn: sqlite3.Connection, query: str) -> set[int]:
    phrase = '"' + query.replace('"', '""') + '"'
    return {r[0] for r in conn.execute("SELECT rowid FROM fts WHERE fts MATCH ?", [phrase])}


def like_hits(conn: sqlite3.Connection, query: str) -> set[int]:
    pattern = "%" + fold(query) + "%"
    return {r[0] for r in conn.execute("SELECT id FROM folded WHERE body LIKE ?", [pattern])}


def sample_substrings(
    paragraphs: list[str], seed: int, lengths: tuple[int, int], keep: Callable[[str], bool], n: int
) -> Iterator[str]:
    """*n* random substrings of the paragraphs, of *lengths* characters, that *keep* accepts."""
    rng = random.Random(seed)
    found = 0
    while found < n:
        text = rng.choice(paragraphs)
        start = rng.randrange(len(text))
        query = text[start : start + rng.randint(*lengths)]
        if keep(query):
            found += 1
            yield query


def all_chinese(query: str) -> bool:
    return all(CJK_RE.fullmatch(ch) for ch in query)


def test_every_chinese_substring_finds_exactly_the_paragraphs_like_finds(
    paragraph_index: tuple[sqlite3.Connection, list[str]],
) -> None:
    conn, paragraphs = paragraph_index
    for query in sample_substrings(paragraphs, 7, (1, 8), all_chinese, 3000):
        # Both scripts: the printed query and its folded (simplified) form.
        assert fts_hits(conn, query) == like_hits(conn, query), query
        assert fts_hits(conn, fold(query)) == like_hits(conn, query), query


def test_substrings_with_latin_digits_and_punctuation_are_never_missed(
    paragraph_index: tuple[sqlite3.Connection, list[str]],
) -> None:
    """From one Chinese character to another, whatever stands between: every
    paragraph LIKE finds is found (the index may also find the same characters
    with other punctuation between them)."""
    conn, paragraphs = paragraph_index

    def mixed(query: str) -> bool:
        ends_chinese = bool(CJK_RE.match(query[0]) and CJK_RE.match(query[-1]))
        return ends_chinese and not all_chinese(query)  # all-Chinese: the test above

    for query in sample_substrings(paragraphs, 11, (2, 16), mixed, 2000):
        assert like_hits(conn, query) <= fts_hits(conn, query), query


def test_seed_paragraphs_include_traditional_text_and_rejoined_column_breaks() -> None:
    paragraphs = seed_paragraphs()
    assert any("醴陵市的劉天健家庭" in p for p in paragraphs)  # seed 001
    assert any("都提出申请,6台新加装的电梯完工后" in p for p in paragraphs)  # seed 000
