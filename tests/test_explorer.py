"""The explorer through a real Datasette: the article page, canned queries,
facets and the charts."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from datasette.app import Datasette

from explorer.article_page import paragraphs
from ingest.pipeline import ingest_paths
from ingest.store.write import open_archive


def article_id(archive_path: Path, title: str) -> int:
    conn = sqlite3.connect(archive_path)
    (row,) = conn.execute("SELECT id FROM articles WHERE title = ?", [title])
    return row[0]


async def page(ds: Datasette, path: str) -> BeautifulSoup:
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    return BeautifulSoup(response.text, "html.parser")


async def rows(ds: Datasette, path: str) -> list[dict]:
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    return response.json()


async def test_article_page_reads_like_an_article(datasette: Datasette, archive_path: Path) -> None:
    aid = article_id(archive_path, "筑牢发展底线 铸就平安学林")
    soup = await page(datasette, f"/zhuzhou/articles/{aid}")
    article = soup.select_one("article.article")
    assert article.select_one(".kicker").text == "石峰区学林街道严格落实安全生产责任制——"
    assert article.h1.text.strip() == "筑牢发展底线 铸就平安学林"
    assert article.select_one(".byline").text == "株洲日报全媒体记者/李逸峰 通讯员/唐赛"
    assert "综合·城区" in article.select_one(".page").text
    assert article.select_one(".page a")["href"].startswith("/zhuzhou/pages/")
    first = article.select_one(".body p")
    assert first["id"] == "p1" and first.text.startswith("党的二十大报告指出")
    places = article.select(".places a")
    assert [a.text for a in places][:2] == ["学林街道", "石峰区"]
    assert places[0]["title"] == "街道 street · 石峰区 · 12×"
    assert (
        places[0]["href"] == "/zhuzhou/places?place=%E5%AD%A6%E6%9E%97%E8%A1%97%E9%81%93&_labels=on"
    )
    assert (
        places[1]["href"]
        == "/zhuzhou/articles?districts__arraycontains=%E7%9F%B3%E5%B3%B0%E5%8C%BA"
    )


async def test_sections_stand_before_the_paragraph_they_head(
    datasette: Datasette, archive_path: Path
) -> None:
    aid = article_id(archive_path, "向着幸福出发")
    soup = await page(datasette, f"/zhuzhou/articles/{aid}")
    body = soup.select_one(".body")
    heading = body.find("h2", id="section-1")
    assert heading.select_one(".label").text == "A"
    assert "率先全面建成小康社会" in heading.text
    assert heading.find_next_sibling("p")["id"] == "p5"  # sections.paragraph = 5
    assert heading.find("a", class_="row-link")["href"].startswith("/zhuzhou/sections/")
    assert len(body.find_all("h2")) == 5 and len(body.find_all("p")) == 33


async def test_article_page_links_captions_people_and_figures(
    datasette: Datasette, archive_path: Path
) -> None:
    aid = article_id(archive_path, "向着幸福出发")
    soup = await page(datasette, f"/zhuzhou/articles/{aid}")
    captions = {f.a.text: f for f in soup.select("figure.caption")}
    assert "种农夜色。" in captions
    credit = captions["种农夜色。"].select_one(".credit a")
    assert credit.text == "刘精前 摄" and credit["href"].startswith("/zhuzhou/people/")
    assert captions["种农夜色。"].a["href"].startswith("/zhuzhou/captions/")
    people = {
        tr.td.a.text: [td.text for td in tr.find_all("td")]
        for tr in soup.select("table.people tbody tr")
    }
    assert people["杨晓江"][1:3] == ["副书记、区长", "芦淞区委"]
    assert people["康水梅"][1:4] == ["摄影", "", "图片 credit"]
    figures = {tr.td.a.text: tr for tr in soup.select("table.figures tbody tr")}
    assert figures["62个"].select_one(".value").text == "62"
    assert figures["62个"].td.a["href"].startswith("/zhuzhou/figures/")
    structure = soup.find("a", string="article_structure")
    assert structure["href"] == f"/zhuzhou/article_structure?id={aid}"
    keyword = soup.select_one(".keywords a")
    assert keyword["href"] == "/zhuzhou/keywords?keyword=%E6%B0%91%E7%94%9F&_labels=on"


async def test_traditional_article_page_keeps_the_text_as_printed(
    datasette: Datasette, archive_path: Path
) -> None:
    title = "釀造幸福的日子——來自「株洲·中國動力谷」的系列報導之六"
    soup = await page(datasette, f"/zhuzhou/articles/{article_id(archive_path, title)}")
    assert soup.h1.text.strip() == title
    assert "劉震 攝" in [c.text for c in soup.select("figure.caption .credit")]
    assert soup.select_one(".publication").text == "華聲在線"


def served_file(tmp_path: Path, metadata: dict, text: str, title: str) -> tuple[Datasette, int]:
    """*text* ingested as the only file of an archive, served; and the id of
    its article *title*."""
    source = tmp_path / "in" / "source.txt"
    source.parent.mkdir()
    source.write_text(text, encoding="utf-8")
    db = open_archive(tmp_path / "zhuzhou.db")
    ingest_paths(db, [source.parent])
    db.close()
    ds = Datasette([str(tmp_path / "zhuzhou.db")], metadata=metadata)
    return ds, article_id(tmp_path / "zhuzhou.db", title)


async def test_source_text_is_escaped_on_the_article_page(tmp_path: Path, metadata: dict) -> None:
    ds, aid = served_file(
        tmp_path,
        metadata,
        "# 标题<script>alert(1)</script>\n\n株洲日报全媒体记者/张三\n\n"
        "正文里有<b>粗体</b>与&amp;符号,天元区的居民说了很多很多话。\n",
        "标题<script>alert(1)</script>",
    )
    html = (await ds.client.get(f"/zhuzhou/articles/{aid}")).text
    assert "<script>alert(1)" not in html and "<b>粗体" not in html
    assert "标题&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "正文里有&lt;b&gt;粗体&lt;/b&gt;与&amp;amp;符号" in html


def test_a_heading_after_the_last_paragraph_stands_at_the_end() -> None:
    blocks = paragraphs(
        "一\n\n二", [{"paragraph": 2, "heading": "甲"}, {"paragraph": 5, "heading": "乙"}]
    )
    assert [(p.number, p.text, [s["heading"] for s in p.sections]) for p in blocks] == [
        (1, "一", []),
        (2, "二", ["甲"]),
        (3, "", ["乙"]),
    ]


async def test_other_row_pages_keep_datasettes_template(datasette: Datasette) -> None:
    soup = await page(datasette, "/zhuzhou/figures")
    link = soup.select_one("table.rows-and-columns td.col-id a")["href"]
    figure = await page(datasette, link)
    assert figure.select_one("article.article") is None and figure.select_one(".person") is None
    assert figure.select_one("table.rows-and-columns")


async def test_district_array_facet_and_filter(datasette: Datasette) -> None:
    data = await rows(datasette, "/zhuzhou/articles.json?_facet_array=districts&_size=0")
    counts = {r["value"]: r["count"] for r in data["facet_results"]["districts"]["results"]}
    assert counts["天元区"] == 6 and counts["芦淞区"] == 3 and counts["石峰区"] == 3
    titles = await rows(
        datasette, "/zhuzhou/articles.json?_shape=array&districts__arraycontains=" + quote("荷塘区")
    )
    assert {r["title"] for r in titles} == {
        "“老检叨工作室”挂牌成立",
        "釀造幸福的日子——來自「株洲·中國動力谷」的系列報導之六",
    }


async def test_places_and_keywords_facet(datasette: Datasette) -> None:
    data = await rows(datasette, "/zhuzhou/places.json?_size=0")
    kinds = {r["value"]: r["count"] for r in data["facet_results"]["kind"]["results"]}
    assert kinds["street"] >= 10 and kinds["district"] >= 10
    data = await rows(datasette, "/zhuzhou/keywords.json?_size=0")
    top = data["facet_results"]["keyword"]["results"][0]
    assert (top["value"], top["count"]) == ("小区", 4)


async def test_people_named_together(datasette: Datasette) -> None:
    found = await rows(
        datasette, "/zhuzhou/people_together.json?_shape=array&name=" + quote("刘琼")
    )
    pairs = {r["named_with"]: r["articles"] for r in found}
    assert pairs["顾言心"] == 2
    assert all(r["person"] == "刘琼" for r in found)
    everyone = await rows(datasette, "/zhuzhou/people_together.json?_shape=array")
    first = everyone[0]
    assert (first["person"], first["named_with"], first["articles"]) == ("刘琼", "顾言心", 2)
    assert "她头胎剖宫产 二胎竟实现顺产" in everyone[0]["titles"]


async def test_figures_by_measure_over_time(datasette: Datasette) -> None:
    found = await rows(
        datasette,
        "/zhuzhou/figures_over_time.json?_shape=array&unit=%25&measure=" + quote("签约率"),
    )
    assert [(r["raw"], r["value"], r["date"]) for r in found] == [
        ("31.2%", 31.2, "2019-09-20"),
        ("63.12%", 63.12, "2019-09-20"),
    ]
    assert found[0]["article"] == "不忘初心谋福祉 牢记使命勇担当"


async def test_an_articles_whole_structure_in_one_result(
    datasette: Datasette, archive_path: Path
) -> None:
    aid = article_id(archive_path, "她头胎剖宫产 二胎竟实现顺产")
    found = await rows(datasette, f"/zhuzhou/article_structure.json?_shape=array&id={aid}")
    parts = Counter(r["part"] for r in found)
    assert found[0]["text"] == "她头胎剖宫产 二胎竟实现顺产"
    assert parts["0 文章 article"] == 1 and parts["6 关键词 keyword"] == 8
    assert {"剖宫产", "顺产"} <= {r["text"] for r in found if r["part"] == "6 关键词 keyword"}
    assert "陈烈娜" in {r["text"] for r in found if r["part"] == "3 人物 person"}


async def test_dashboard_lists_its_charts_and_every_chart_query_runs(
    datasette: Datasette, metadata: dict
) -> None:
    soup = await page(datasette, "/-/dashboards/archive?unit=%25")
    assert "档案概览 · The archive at a glance" in soup.text
    charts = metadata["plugins"]["datasette-dashboards"]["archive"]["charts"]
    for slug, chart in charts.items():
        assert soup.find(id=f"chart-{slug}"), slug
        sql = chart["query"].replace("[[", "").replace("]]", "")
        data = await rows(datasette, "/zhuzhou.json?_shape=array&unit=%25&sql=" + quote(sql))
        assert data, slug


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("articles-per-month", {"month": "2019-09", "articles": 2}),
        ("people-by-articles", {"name": "刘琼", "articles": 5}),
        ("articles-per-district", {"district": "天元区", "articles": 6}),
    ],
)
async def test_chart_data_counts_the_archive(
    datasette: Datasette, metadata: dict, slug: str, expected: dict
) -> None:
    chart = metadata["plugins"]["datasette-dashboards"]["archive"]["charts"][slug]
    data = await rows(datasette, "/zhuzhou.json?_shape=array&sql=" + quote(chart["query"]))
    assert {k: data[0][k] for k in expected} == expected


async def test_an_infinite_or_overflowing_figure_does_not_break_the_article_page(
    tmp_path: Path, metadata: dict
) -> None:
    # 40 × 亿 and a 400-digit number overflow a float (inf); 0 × 40 亿 is nan.
    ds, aid = served_file(
        tmp_path,
        metadata,
        "# 巨大的数字\n\n株洲日报全媒体记者/张三\n\n"
        f"全市投入40{'亿' * 40}元用于养老,另有{'9' * 400}人参加,"
        f"增长1{'0' * 400}%至2{'0' * 400}%,其中0{'亿' * 40}元未用。\n",
        "巨大的数字",
    )
    soup = await page(ds, f"/zhuzhou/articles/{aid}")
    values = [td.text for td in soup.select("table.figures td.value")]
    # The ingest keeps such figures with their value empty (it cannot be read)
    assert values[:3] == ["", "", ""]
    # and an archive that stores inf anyway (one written before that rule, or
    # by hand) still shows the page.
    with sqlite3.connect(tmp_path / "zhuzhou.db") as conn:
        conn.execute(
            "UPDATE figures SET value = 1e999, value_high = 1e999 WHERE article_id = ?", [aid]
        )
    soup = await page(
        Datasette([str(tmp_path / "zhuzhou.db")], metadata=metadata), f"/zhuzhou/articles/{aid}"
    )
    assert {td.text for td in soup.select("table.figures td.value")} == {"∞–∞"}
    for path in (f"/zhuzhou/figures?article_id={aid}", f"/zhuzhou/figures.json?article_id={aid}"):
        assert (await ds.client.get(path)).status_code == 200, path
