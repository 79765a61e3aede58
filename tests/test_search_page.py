"""The readers' search page, /search, through Datasette's own test client."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from bs4 import BeautifulSoup
from datasette.app import Datasette

from ingest.pipeline import ingest_paths
from ingest.store.write import open_archive
from ingest.text.fold import fold


async def search(ds: Datasette, query: str) -> BeautifulSoup:
    response = await ds.client.get("/search?" + query)
    assert response.status_code == 200, response.text[:300]
    return BeautifulSoup(response.text, "html.parser")


def titles(soup: BeautifulSoup) -> list[str]:
    return [a.text for a in soup.select("ol.hits h2 a")]


async def test_a_hit_links_its_headline_and_marks_the_words(
    datasette: Datasette, archive_path: Path
) -> None:
    soup = await search(datasette, "q=老旧小区")
    conn = sqlite3.connect(archive_path)
    expected = conn.execute(
        "select count(*) from articles where title || body like '%老旧小区%'"
        " or title || body like '%老舊小區%'"
    ).fetchone()[0]
    hits = soup.select("ol.hits li")
    assert len(hits) == expected > 1
    first = hits[0]
    href = first.select_one("h2 a")["href"]
    path, query = href.split("?")
    (title,) = conn.execute("select title from articles where id = ?", [path.rsplit("/", 1)[1]])
    assert path.startswith("/zhuzhou/articles/") and first.h2.text == title[0]
    assert query == "q=" + quote("老旧小区")  # the article page marks the words
    assert {m.text for m in soup.select(".snippet mark")} == {"老旧小区", "老舊小區"}
    assert first.select_one(".date").text == "2019-09-20"
    assert "株洲发展成就巡礼" in first.select_one(".page").text
    assert [d.text for d in first.select(".district")] == ["天元区", "株洲高新区"]
    assert "精确计数 exact count" in soup.select_one(".count").text


async def test_a_title_hit_ranks_above_a_body_hit(datasette: Datasette) -> None:
    # 石峰区 heads one article and is printed in the text of others.
    hits = (await search(datasette, "q=石峰区")).select("ol.hits li")
    in_title = [bool(h.select("h2 mark")) for h in hits]
    assert in_title.count(True) == 1 and len(in_title) >= 3
    assert in_title[0]


async def test_a_long_headline_hit_ranks_above_a_body_printing_the_word_often(
    tmp_path: Path, metadata: dict
) -> None:
    # bm25 alone puts the short story first: its body prints 电梯 fifteen
    # times, and a long headline weighs its one 电梯 less.
    texts = {
        "long.txt": "我市召开全市城市更新暨老旧小区改造工作推进会议"
        "部署明年加装电梯和管网改造等十项重点任务"
        "\n\n本报讯 昨日，全市城市更新工作推进会议召开，部署了明年的十项重点任务。\n",
        "often.txt": "荷塘区一个小区的新变化\n\n本报讯 电梯装好了。"
        + "电梯好，" * 14
        + "居民真高兴。\n",
        **{
            f"brief{i}.txt": f"简讯\n\n本报讯 今天天气晴朗，公园里十分热闹，第{i}条。\n"
            for i in range(8)
        },
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = open_archive(tmp_path / "zhuzhou.db")
    ingest_paths(db, sorted(tmp_path.glob("*.txt")))
    by_bm25 = [
        title
        for (title,) in db.execute(
            "select a.title from articles_fts join articles a on a.fts_rowid = articles_fts.rowid"
            " where articles_fts match '电梯' order by rank"
        )
    ]
    db.close()
    assert by_bm25[0] == "荷塘区一个小区的新变化"
    ds = Datasette([str(tmp_path / "zhuzhou.db")], metadata=metadata)
    assert titles(await search(ds, "q=电梯")) == list(reversed(by_bm25))


async def test_pages_run_through_the_title_hits_into_the_others(
    tmp_path: Path, metadata: dict
) -> None:
    # 23 headlines print 电梯 (a page and three more), 5 more stories only in
    # their text: page 2 ends the title hits, page 2 and 3 go on with the others.
    for i in range(23):
        (tmp_path / f"t{i:02}.txt").write_text(
            f"第{i + 1}个小区加装电梯\n\n本报讯 小区居民协商一致，工程第{i + 1}天顺利完工。\n",
            encoding="utf-8",
        )
    for i in range(5):
        (tmp_path / f"b{i}.txt").write_text(
            f"第{i + 1}条民生简讯\n\n本报讯 社区为老人办实事，新装的电梯第{i + 1}次检修。\n",
            encoding="utf-8",
        )
    db = open_archive(tmp_path / "zhuzhou.db")
    ingest_paths(db, sorted(tmp_path.glob("*.txt")))
    db.close()
    ds = Datasette([str(tmp_path / "zhuzhou.db")], metadata=metadata)
    pages = [await search(ds, f"q=电梯&page={n}") for n in (1, 2)]
    hits = [h for page in pages for h in page.select("ol.hits h2")]
    assert len({h.a["href"] for h in hits}) == len(hits) == 28
    assert [bool(h.select("mark")) for h in hits] == [True] * 23 + [False] * 5
    assert not (await search(ds, "q=电梯&page=3")).select("ol.hits li")


async def test_either_script_and_every_separator_find_the_same(datasette: Datasette) -> None:
    simplified = titles(await search(datasette, "q=老旧小区 电梯"))
    assert simplified
    separated = ("老旧小区、电梯", "老旧小区，电梯", "老旧小区;电梯", "老旧小区:电梯")
    for query in ("老舊小區 電梯", *separated):
        assert titles(await search(datasette, "q=" + query)) == simplified, query
    assert len(titles(await search(datasette, "q=老旧小区"))) >= len(simplified)


async def test_a_facet_narrows_the_search(datasette: Datasette) -> None:
    soup = await search(datasette, "q=株洲")
    everything = len(soup.select("ol.hits li"))
    link = soup.select_one("ul.facet-year a")
    count = int(link.parent.text.split()[-1])
    narrowed = await search(datasette, link["href"].split("?", 1)[1])
    assert len(narrowed.select("ol.hits li")) == count < everything
    assert all(d.text.startswith(link.text) for d in narrowed.select("ol.hits .date"))


async def test_an_empty_query_shows_the_form(datasette: Datasette) -> None:
    soup = await search(datasette, "q=")
    assert soup.select_one("form.search input[name=q]") and not soup.select("ol.hits")
    home = BeautifulSoup((await datasette.client.get("/")).text, "html.parser")
    assert home.select_one("form[action='/search'] input[name=q]")


async def test_a_syntax_error_in_advanced_mode_is_said_on_the_page(datasette: Datasette) -> None:
    soup = await search(datasette, "mode=fts&q=电梯 AND")
    assert "syntax error" in soup.select_one(".error").text
    assert soup.select_one("input[name=q]")["value"] == "电梯 AND"
    assert titles(await search(datasette, "mode=fts&q=医保 OR 电梯"))


async def test_results_come_in_pages_of_twenty(tmp_path: Path, metadata: dict) -> None:
    from bench.corpus import write_corpus

    files = write_corpus(45, tmp_path / "corpus")
    db = open_archive(tmp_path / "other-name.db")
    ingest_paths(db, files)
    db.close()
    ds = Datasette([str(tmp_path / "other-name.db")], metadata=metadata)
    first = await search(ds, "q=株洲")
    assert len(first.select("ol.hits li")) == 20 and not first.select("a[rel=prev]")
    pages = [first]
    while pages[-1].select("a[rel=next]"):
        next_page = pages[-1].select_one("a[rel=next]")["href"].split("?", 1)[1]
        pages.append(await search(ds, next_page))
    hits = [h for page in pages for h in page.select("ol.hits h2")]
    total = int(first.select_one(".count strong").text.replace(",", ""))
    assert len({h.a["href"] for h in hits}) == len(hits) == total == 45
    # The title hits run on over the pages, then the others: no hit twice, none missed.
    in_title = [bool(h.select("mark")) for h in hits]
    assert 0 < in_title.count(True) < 20 and in_title == sorted(in_title, reverse=True)
    page = pages[-1]
    assert page.select("a[rel=prev]")
    assert first.select_one("ol.hits a")["href"].startswith("/other-name/articles/")


def facet_counts(soup: BeautifulSoup) -> dict[str, dict[str, int]]:
    """Each facet's values and counts as the page shows them (约 before an estimate)."""
    return {
        ul["class"][0]: {li.a.text: int(li.text.split()[-1]) for li in ul.select("li")}
        for ul in soup.select("aside.facets ul")
    }


def sampled_archive(tmp_path: Path, metadata: dict) -> tuple[Datasette, Datasette]:
    """200 articles served twice: counted exactly, and with the facets counted
    over a sample past 100 matches (the plugin setting lowered)."""
    from bench.corpus import write_corpus

    db = open_archive(tmp_path / "zhuzhou.db")
    ingest_paths(db, write_corpus(200, tmp_path / "corpus"))
    db.close()
    plugins = {**metadata["plugins"], "zhuzhou": {"exact_counts_up_to": 100}}
    return (
        Datasette([str(tmp_path / "zhuzhou.db")], metadata=metadata),
        Datasette([str(tmp_path / "zhuzhou.db")], metadata={**metadata, "plugins": plugins}),
    )


def near(estimate: int, truth: int) -> bool:
    """Within 15%: a sample of half the matches, a value of a quarter of them or more."""
    return abs(estimate - truth) <= 0.15 * truth


async def test_past_the_threshold_the_facets_are_estimated_from_a_sample(
    tmp_path: Path, metadata: dict
) -> None:
    exact, sampled = sampled_archive(tmp_path, metadata)
    truth, estimate = await search(exact, "q=株洲"), await search(sampled, "q=株洲")
    assert not truth.select(".estimated") and "约" not in truth.select_one("aside.facets").text
    assert "estimated" in estimate.select_one(".estimated").text
    assert all("约" in li.text for li in estimate.select("aside.facets li"))
    # The count of the words alone is still exact (FTS5 counts it), and so are the hits.
    total = int(truth.select_one(".count strong").text)
    assert total > 100
    assert estimate.select_one(".count strong").text == str(total)
    assert "精确计数 exact count" in estimate.select_one(".count").text
    assert titles(estimate) == titles(truth)
    estimated = facet_counts(estimate)
    commonest = [
        (facet, value, n)
        for facet, counts in facet_counts(truth).items()
        for value, n in counts.items()
        if n >= total / 4
    ]
    assert len(commonest) >= 4
    for facet, value, n in commonest:
        assert near(estimated[facet].get(value, 0), n), (facet, value, n)


async def test_a_common_facet_chosen_past_the_threshold_gives_an_estimated_count(
    tmp_path: Path, metadata: dict
) -> None:
    exact, sampled = sampled_archive(tmp_path, metadata)
    link = (await search(exact, "q=株洲")).select_one("ul.facet-district a")
    truth = int(link.parent.text.split()[-1])
    assert truth > 100
    narrowed = await search(sampled, link["href"].split("?", 1)[1])
    count = narrowed.select_one(".count")
    assert "约 about" in count.text and "estimated" in count.text
    assert near(int(count.strong.text), truth)
    assert len(narrowed.select("ol.hits li")) == 20


async def test_a_rare_facet_chosen_past_the_threshold_is_counted_exactly(
    tmp_path: Path, metadata: dict
) -> None:
    exact, sampled = sampled_archive(tmp_path, metadata)
    rare = (await search(exact, "q=株洲")).select("ul.facet-district a")[-1]
    truth = int(rare.parent.text.split()[-1])
    assert truth <= 100
    narrowed = await search(sampled, rare["href"].split("?", 1)[1])
    assert "精确计数 exact count" in narrowed.select_one(".count").text
    assert int(narrowed.select_one(".count strong").text) == truth


async def test_a_photographer_or_the_pages_series_finds_the_article(
    datasette: Datasette, archive_path: Path
) -> None:
    conn = sqlite3.connect(archive_path)
    # 刘震 is printed only in a credit (劉震 攝): his photo's story is a hit
    credited = {
        title
        for title, credit in conn.execute(
            "select a.title, c.credit from captions c join articles a on a.id = c.article_id"
        )
        if "刘震" in fold(credit or "")
    }
    assert credited and credited <= set(titles(await search(datasette, "q=刘震")))
    # the series title is the page's, printed above its stories
    series = {
        t
        for (t,) in conn.execute(
            "select a.title from articles a join pages p on p.id = a.page_id"
            " where p.title like '%株洲发展成就巡礼%'"
        )
    }
    found = set(titles(await search(datasette, "q=株洲发展成就巡礼&page=1")))
    assert len(series) > 1 and (series <= found or len(found) == 20)
