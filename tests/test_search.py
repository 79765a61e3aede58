"""Full-text search of the archive built from the seeds: recall, script folding,
ranking, and where users search (SQL, Datasette's table pages, the canned
ranked query, search-all), and what plain sqlite3 can still do without the
tokenizer."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from datasette.app import Datasette
from datasette.utils import escape_fts

from bench.search_page import SEARCH_CLAUSE, statement_kind
from ingest.store.schema import spec
from ingest.text.fold import fold
from zhfts import register_tokenizer

WEB_REPOST = "釀造幸福的日子——來自「株洲·中國動力谷」的系列報導之六"  # seed 001, traditional
OLD_ESTATES = "不忘初心谋福祉 牢记使命勇担当"  # seed 000
MEDICAL_INSURANCE = "推进长株潭医保事项通办 株洲这样发力"  # seed 004


@pytest.fixture(scope="module")
def conn(archive_path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(archive_path)
    register_tokenizer(conn)
    conn.create_function("fold", 1, fold, deterministic=True)
    yield conn
    conn.close()


def search(conn: sqlite3.Connection, table: str, query: str) -> set[int]:
    """The ids of *table*'s rows that match (the index is keyed by fts_rowid)."""
    fts, key = f"{table}_fts", spec(table).fts_rowid
    sql = f"SELECT t.id FROM {fts} JOIN {table} t ON t.[{key}] = {fts}.rowid WHERE {fts} MATCH ?"
    return {r[0] for r in conn.execute(sql, [escape_fts(query)])}


def containing(conn: sqlite3.Connection, query: str) -> set[int]:
    """Articles whose folded indexed text contains *query*: the truth."""
    columns = spec("articles").fts
    sql = "SELECT id FROM articles WHERE " + " OR ".join(
        f"fold(coalesce({c}, '')) LIKE ?1" for c in columns
    )
    return {r[0] for r in conn.execute(sql, ["%" + fold(query) + "%"])}


def titles(conn: sqlite3.Connection, ids: set[int]) -> set[str]:
    rows = conn.execute(
        f"SELECT title FROM articles WHERE id IN ({','.join('?' * len(ids))})", [*ids]
    )
    return {r[0] for r in rows}


@pytest.mark.parametrize(
    "query",
    [
        "株洲",
        "医疗",  # two characters
        "湘",  # one
        "老旧小区",
        "旧小区",  # across the jieba words 老旧/小区
        "医生签约",  # across 家庭医生/签约
        "6台新加装的电梯",  # across a column break the parser rejoined (seed 000)
        "刘华",  # a person named in the text (小区业主刘华介绍)
        "劉天健",  # a person in the traditional seed 001
        "2019年",
        "厂BA",
        "VBAC",
    ],
)
def test_query_finds_exactly_the_articles_containing_it(
    conn: sqlite3.Connection, query: str
) -> None:
    expected = containing(conn, query)
    assert expected
    assert search(conn, "articles", query) == expected


def test_rejoined_column_break_phrase_finds_its_article(conn: sqlite3.Connection) -> None:
    assert titles(conn, search(conn, "articles", "6台新加装的电梯")) == {OLD_ESTATES}


def test_characters_must_stand_in_sequence(conn: sqlite3.Connection) -> None:
    # 老, 旧, 小 and 区 all stand in seed 000's article, but never as 区小旧老.
    assert search(conn, "articles", "区小旧老") == set()
    assert search(conn, "articles", "区 小 旧 老") >= search(conn, "articles", "老旧小区")


def test_related_link_teasers_do_not_make_the_web_repost_match(conn: sqlite3.Connection) -> None:
    # Seed 001 ends with related-link teasers (醇香咖啡問候動力之都,在株洲也能喝到星巴克…),
    # kept in related_links, not in the article's text.
    teasers = conn.execute("SELECT count(*) FROM related_links WHERE title LIKE '%星巴克%'")
    assert teasers.fetchone()[0] == 1
    assert search(conn, "articles", "星巴克") == set()
    assert search(conn, "articles", "星巴克") == containing(conn, "星巴克")


def test_simplified_query_finds_traditional_text_and_back(conn: sqlite3.Connection) -> None:
    assert titles(conn, search(conn, "articles", "刘天健")) == {WEB_REPOST}
    assert search(conn, "articles", "戴碧荣") == search(conn, "articles", "戴碧榮")
    medical = search(conn, "articles", "醫療")
    assert medical == search(conn, "articles", "医疗")
    assert {WEB_REPOST, MEDICAL_INSURANCE} <= titles(conn, medical)


def test_photo_credit_is_found_in_either_script(conn: sqlite3.Connection) -> None:
    for query in ("刘震", "劉震"):
        (caption_id,) = search(conn, "captions", query)
        text, credit = conn.execute(
            "SELECT text, credit FROM captions WHERE id = ?", [caption_id]
        ).fetchone()
        assert (text, credit) == ("市民在改造後的湘江株洲段河東風光帶休閒。", "劉震 攝")


def test_latin_is_case_insensitive_and_whole_word(conn: sqlite3.Connection) -> None:
    assert search(conn, "articles", "vbac") == search(conn, "articles", "VBAC") != set()
    assert search(conn, "articles", "厂ba") == search(conn, "articles", "厂BA") != set()
    assert search(conn, "articles", "VBA") == set()


def test_rank_puts_title_hits_first(conn: sqlite3.Connection) -> None:
    ranked = conn.execute(
        "SELECT a.title FROM articles_fts JOIN articles a ON a.fts_rowid = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY rank",
        ["医保"],
    ).fetchall()
    assert ranked[0] == (MEDICAL_INSURANCE,)
    assert len(ranked) > 1


# ------------------------------------------------------------ through Datasette


async def get(ds: Datasette, path: str):
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    return response


async def test_table_search_returns_matching_articles(datasette: Datasette) -> None:
    response = await get(datasette, "/zhuzhou/articles.json?_search=老旧小区&_shape=array")
    assert OLD_ESTATES in {r["title"] for r in response.json()}


async def test_a_reporter_is_found_by_byline(datasette: Datasette) -> None:
    response = await get(datasette, "/zhuzhou/articles.json?_search=谭昕吾&_shape=array")
    assert {r["title"] for r in response.json()} == {
        "株洲高新区:以奋斗之姿推动经济高质量发展",
        "天元区68支干部工作队进小区 从“心”出发 服务群众“零距离”",
        "社区清洁齐出动 小区面貌焕新颜",
    }


async def test_table_search_counts_every_match(
    datasette: Datasette, conn: sqlite3.Connection
) -> None:
    data = (await get(datasette, f"/zhuzhou/articles.json?_search={quote('醫療')}")).json()
    assert data["filtered_table_rows_count"] == len(containing(conn, "医疗"))


async def test_every_statement_of_a_search_page_goes_through_the_fts_clause(
    archive_path: Path, metadata: dict, conn: sqlite3.Connection
) -> None:
    # docs/SEARCH.md's bound (bench/search_page.py) rests on this: Datasette 0.65
    # counts, pages and facets a search each in its own statement, and each one
    # re-runs the search through the same clause over every match.
    settings = {"suggest_facets": False, "trace_debug": True}  # suggestions off, as make serve
    ds = Datasette([str(archive_path)], metadata=metadata, settings=settings)
    data = (await get(ds, "/zhuzhou/articles.json?_search=老旧小区&_trace=1")).json()
    traces = data["_trace"]["traces"]
    searched = [t["sql"] for t in traces if "articles_fts match" in t.get("sql", "")]
    kinds = [statement_kind(sql) for sql in searched]
    facets = metadata["databases"]["zhuzhou"]["tables"]["articles"]["facets"]
    assert sorted(kinds) == sorted(["count", "page", *(f"facet {f}" for f in facets)])
    assert all(SEARCH_CLAUSE in sql for sql in searched)
    assert data["filtered_table_rows_count"] == len(containing(conn, "老旧小区"))


async def test_search_words_separated_by_spaces_must_all_match(datasette: Datasette) -> None:
    # 电梯 stands in two articles and 医保 in three; only the web repost has both.
    both = (await get(datasette, "/zhuzhou/articles.json?_search=电梯+医保&_shape=array")).json()
    assert [r["title"] for r in both] == [WEB_REPOST]
    none = (await get(datasette, "/zhuzhou/articles.json?_search=电梯+VBAC&_shape=array")).json()
    assert none == []


async def test_csv_export_of_a_search(datasette: Datasette) -> None:
    response = await get(datasette, "/zhuzhou/articles.csv?_search=刘天健")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["title"] for r in rows] == [WEB_REPOST]


async def test_sections_and_captions_search_boxes(datasette: Datasette) -> None:
    sections = (await get(datasette, "/zhuzhou/sections.json?_search=旧小区&_shape=array")).json()
    assert {s["heading"] for s in sections} == {
        "老旧小区新气象 居民幸福乐开颜",
        "幸福,是老舊小區換新顏",
    }
    captions = (await get(datasette, "/zhuzhou/captions.json?_search=刘震&_shape=array")).json()
    assert [c["credit"] for c in captions] == ["劉震 攝"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("医保 OR 电梯", {MEDICAL_INSURANCE, OLD_ESTATES}),
        ("医保 NOT 电梯", {"让中医药文化走进千家万户", MEDICAL_INSURANCE}),
        ("NEAR(加装 电梯, 2)", {OLD_ESTATES}),
        ("vba*", {"她头胎剖宫产 二胎竟实现顺产"}),
    ],
)
async def test_raw_mode_takes_fts5_syntax(
    datasette: Datasette, conn: sqlite3.Connection, raw: str, expected: set[str]
) -> None:
    path = f"/zhuzhou/articles.json?_searchmode=raw&_shape=array&_search={quote(raw)}"
    found = {r["title"] for r in (await get(datasette, path)).json()}
    assert expected <= found
    if " NOT " in raw:
        assert found == titles(conn, containing(conn, "医保") - containing(conn, "电梯"))


async def test_canned_search_ranks_and_marks_the_hit(datasette: Datasette) -> None:
    rows = (await get(datasette, f"/zhuzhou/search.json?_shape=array&q={quote('医保')}")).json()
    assert rows[0]["title"] == "推进长株潭【医保】事项通办 株洲这样发力"
    # The mark stands on the text as printed: 【醫保】 in the traditional seed 001.
    assert all("【医保】" in fold(r["snippet"] + r["title"]) for r in rows)


async def test_canned_search_marks_traditional_text_for_a_simplified_query(
    datasette: Datasette,
) -> None:
    rows = (await get(datasette, f"/zhuzhou/search.json?_shape=array&q={quote('刘天健')}")).json()
    assert len(rows) == 1
    assert "醴陵市的【劉天健】家庭" in rows[0]["snippet"]


async def test_canned_search_with_an_empty_box_shows_no_rows(datasette: Datasette) -> None:
    assert (await get(datasette, "/zhuzhou/search.json?_shape=array&q=")).json() == []


async def test_search_all_tables_page(datasette: Datasette) -> None:
    html = (await get(datasette, f"/-/search?q={quote('老旧小区')}")).text
    for table in ("articles", "sections", "captions"):
        assert f'"table": "{table}"' in html


# ------------------------------------------------------------ without the tokenizer


def test_plain_sqlite_reads_tables_and_like_but_not_match(
    archive_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "zhuzhou.db"
    shutil.copyfile(archive_path, copy)
    plain = sqlite3.connect(copy)  # no register_tokenizer: as the sqlite3 shell opens it
    like = plain.execute("SELECT title FROM articles WHERE body LIKE '%老旧小区%'").fetchall()
    assert (OLD_ESTATES,) in like
    # LIKE compares as printed: the simplified query misses the traditional seed.
    assert plain.execute("SELECT count(*) FROM articles WHERE body LIKE '%刘天健%'").fetchone() == (
        0,
    )
    with pytest.raises(sqlite3.OperationalError, match="no such tokenizer: zh"):
        plain.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH '医疗'")
    with pytest.raises(sqlite3.OperationalError, match="no such tokenizer: zh"):
        plain.execute("UPDATE articles SET title = title || '' WHERE id = 1 OR 1")
