"""The archive through a real Datasette, with its own test client."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

from datasette.app import Datasette

from ingest.store.schema import TABLES, spec


async def get_json(ds: Datasette, path: str):
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    return response.json()


async def test_plugin_is_installed(datasette: Datasette) -> None:
    plugins = await get_json(datasette, "/-/plugins.json")
    assert any("prepare_connection" in p["hooks"] for p in plugins)


async def test_home_page_shows_title_and_description(datasette: Datasette) -> None:
    html = (await datasette.client.get("/")).text
    assert "株洲新闻档案 · Zhuzhou News Archive" in html
    assert "A searchable archive of Zhuzhou" in html


async def test_table_json_array_has_every_seed_article(datasette: Datasette) -> None:
    rows = await get_json(datasette, "/zhuzhou/articles.json?_shape=array&_size=max")
    titles = {r["title"] for r in rows}
    assert len(rows) == 18
    assert "株洲高新区:以奋斗之姿推动经济高质量发展" in titles
    assert "釀造幸福的日子——來自「株洲·中國動力谷」的系列報導之六" in titles


async def test_csv_download_has_header_and_rows(datasette: Datasette) -> None:
    response = await datasette.client.get("/zhuzhou/captions.csv?_size=max")
    assert response.status_code == 200
    table = list(csv.DictReader(io.StringIO(response.text)))
    assert {"text", "credit", "person_id"} <= set(table[0])
    assert ("种农夜色。", "刘精前 摄") in {(r["text"], r["credit"]) for r in table}


async def test_facet_on_mentions_by_role_counts_reporters(datasette: Datasette) -> None:
    data = await get_json(datasette, "/zhuzhou/mentions.json?_facet=role")
    counts = {r["value"]: r["count"] for r in data["facet_results"]["role"]["results"]}
    assert counts["全媒体记者"] == 15
    assert counts["责任编辑"] == 4


async def test_default_facets_come_from_metadata(datasette: Datasette) -> None:
    data = await get_json(datasette, "/zhuzhou/articles.json")
    assert {"year", "month", "district", "page_id"} == set(data["facet_results"])
    months = {r["value"]: r["count"] for r in data["facet_results"]["month"]["results"]}
    assert months == {"2019-09": 2, "2020-12": 1}


async def test_sql_query_joins_people_to_their_articles(datasette: Datasette) -> None:
    sql = (
        "select p.name, count(distinct m.article_id) as n from people p "
        "join mentions m on m.person_id = p.id where m.kind = 'byline' "
        "group by p.id order by n desc, p.name limit 1"
    )
    data = await get_json(datasette, "/zhuzhou.json?_shape=array&sql=" + sql)
    assert data == [{"name": "刘琼", "n": 5}]


async def test_foreign_keys_show_labels(datasette: Datasette) -> None:
    rows = await get_json(
        datasette, "/zhuzhou/captions.json?_shape=array&_labels=on&credit=刘精前+摄"
    )
    assert rows[0]["person_id"]["label"] == "刘精前"
    assert rows[0]["article_id"]["label"] == "向着幸福出发"


def test_metadata_describes_every_table_and_only_real_columns(metadata: dict) -> None:
    tables = metadata["databases"]["zhuzhou"]["tables"]
    assert set(tables) == {t.name for t in TABLES}
    for name, config in tables.items():
        assert config["description"]
        assert set(config.get("columns", {})) <= set(spec(name).columns), name
        # a facet is a column name, or {"array": column} for a JSON array column
        facets = {f if isinstance(f, str) else f["array"] for f in config.get("facets", [])}
        assert facets <= set(spec(name).columns), name
        if "label_column" in config:
            assert config["label_column"] in spec(name).columns


async def test_people_in_most_articles_puts_the_busiest_reporter_first(
    datasette: Datasette,
) -> None:
    rows = await get_json(datasette, "/zhuzhou/people_in_most_articles.json?_shape=array")
    assert (rows[0]["name"], rows[0]["articles"]) == ("刘琼", 5)
    assert "全媒体记者" in rows[0]["roles"]


async def test_figures_about_a_word_cross_scripts(datasette: Datasette) -> None:
    rows = await get_json(datasette, "/zhuzhou/figures_about.json?_shape=array&word=养老")
    raws = {r["raw"] for r in rows}
    assert "2.8萬餘張" in raws  # 養老床位2.8萬餘張, seed 001 (traditional)
    assert "165個" in raws  # 養老機構165個


# The scan figures_about did before it went through the index (issue 11: at
# scale it outlasted the time limit), with LIKE's wildcards taken literally.
FIGURES_SCAN = r"""
    select f.raw from figures_with_sentence f join articles a on a.id = f.article_id
    where fold(f.sentence) like '%' || replace(replace(replace(fold(:word), '\', '\\'),
        '%', '\%'), '_', '\_') || '%' escape '\'
       or fold(f.measure) like '%' || replace(replace(replace(fold(:word), '\', '\\'),
        '%', '\%'), '_', '\_') || '%' escape '\'
    order by a.date is null, a.date, f.article_id, f.ordinal"""


async def test_figures_about_finds_through_the_index_what_a_scan_finds(
    datasette: Datasette,
) -> None:
    db = datasette.get_database("zhuzhou")
    measures = [r[0] for r in (await db.execute("select distinct measure from figures")).rows]
    words = [m for m in measures if m] + ["養老", "电梯", "醫保", "株洲", "5%", "2019年", "人"]
    found = 0
    for word in words:
        scan = await db.execute(FIGURES_SCAN, {"word": word})
        rows = await get_json(
            datasette, "/zhuzhou/figures_about.json?_shape=array&" + urlencode({"word": word})
        )
        raws = [r["raw"] for r in rows]
        expected = [r[0] for r in scan.rows]
        assert raws == expected, word
        found += len(raws)
    assert len(words) > 50 and found > 300


async def test_figures_about_takes_like_wildcards_literally(datasette: Datasette) -> None:
    every = await get_json(datasette, "/zhuzhou/figures_about.json?_shape=array&word=%25")
    assert every == []  # not every figure in the archive, as '%' || '%' || '%' was
    assert await get_json(datasette, "/zhuzhou/figures_about.json?_shape=array&word=_") == []
    percent = await get_json(datasette, "/zhuzhou/figures_about.json?_shape=array&word=100%25")
    assert percent and all("100%" in r["sentence"] for r in percent)


async def test_pages_without_a_printed_title_still_have_a_label(datasette: Datasette) -> None:
    rows = await get_json(datasette, "/zhuzhou/pages.json?_shape=array&_sort=label")
    labels = {r["label"] for r in rows}
    assert "華聲在線 2020-12-12" in labels  # seed 001: no page header
    assert "003_83df26c1926cabee.txt · 1" in labels  # seed 003's first page
    assert "综合·城区" in labels
