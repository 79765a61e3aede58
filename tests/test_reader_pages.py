"""The reader's pages through a real Datasette (its own test client): an
article's citation, its source lines, the articles beside it, the searched
words marked; a person's page; the people table searched in either script."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from bs4 import BeautifulSoup
from conftest import ROOT, SEEDS
from datasette.app import Datasette

from explorer.article_page import marks, search_words
from ingest.pipeline import ingest_paths
from ingest.store.write import open_archive

WEB = Path(__file__).parent / "fixtures" / "web"


def one(archive: Path, sql: str, *params: object) -> tuple:
    with sqlite3.connect(archive) as conn:
        return conn.execute(sql, params).fetchone()


async def page(ds: Datasette, path: str) -> BeautifulSoup:
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    return BeautifulSoup(response.text, "html.parser")


async def article(ds: Datasette, archive: Path, title: str, query: str = "") -> BeautifulSoup:
    (aid,) = one(archive, "select id from articles where title = ?", title)
    return await page(ds, f"/zhuzhou/articles/{aid}{query}")


def today() -> str:
    return datetime.now(UTC).date().isoformat()


async def test_a_newspaper_article_is_cited_with_its_authors_and_says_what_is_unknown(
    datasette: Datasette, archive_path: Path
) -> None:
    # Seed 003 prints the byline 株洲日报全媒体记者/李逸峰 通讯员/唐赛 and no date.
    soup = await article(datasette, archive_path, "筑牢发展底线 铸就平安学林")
    (aid,) = one(archive_path, "select id from articles where title = '筑牢发展底线 铸就平安学林'")
    cite = soup.select_one("#cite")
    assert cite.select_one("#cite-zh").text == (
        "李逸峰, 唐赛. 筑牢发展底线 铸就平安学林[N]. 株洲日报, [出版日期不详](版次不详)."
    )
    stable = f"http://localhost/zhuzhou/articles/{aid}"
    assert cite.select_one("#cite-en").text == (
        '李逸峰, 唐赛. "筑牢发展底线 铸就平安学林." 株洲日报, date unknown, page unknown. '
        f"Zhuzhou News Archive, {stable} (accessed {today()})."
    )
    assert cite.select_one("#stable-url")["href"] == stable
    assert "日期 date、版次 page" in cite.select_one(".unknown").text
    assert len(cite.select("button.copy")) == 2


async def test_a_dated_page_without_masthead_or_byline_is_cited_from_its_title(
    datasette: Datasette, archive_path: Path
) -> None:
    # Seed 000: 2019年9月20日 printed, no newspaper's name, no byline.
    soup = await article(datasette, archive_path, "不忘初心谋福祉 牢记使命勇担当")
    assert soup.select_one("#cite-zh").text == (
        "不忘初心谋福祉 牢记使命勇担当[N]. [报纸名不详], 2019-09-20(版次不详)."
    )
    assert soup.select_one("#cite-en").text.startswith(
        '"不忘初心谋福祉 牢记使命勇担当." newspaper unknown, 2019-09-20, page unknown.'
    )
    unknown = soup.select_one(".cite .unknown").text
    assert "报刊 publication" in unknown and "作者 author" in unknown and "日期" not in unknown


async def test_a_web_repost_is_cited_as_a_web_page_with_the_day_it_was_read(
    datasette: Datasette, archive_path: Path
) -> None:
    # Seed 001, reposted by 華聲在線: the author's name printed 戴 鵬, padded.
    title = "釀造幸福的日子——來自「株洲·中國動力谷」的系列報導之六"
    soup = await article(datasette, archive_path, title)
    (aid,) = one(archive_path, "select id from articles where title = ?", title)
    assert soup.select_one("#cite-zh").text == (
        f"戴鵬. {title}[EB/OL]. 華聲在線, 2020-12-12[{today()}]. "
        f"http://localhost/zhuzhou/articles/{aid}."
    )
    assert soup.select_one(".cite .unknown") is None


async def test_a_given_page_and_address_enter_the_citation(tmp_path: Path, metadata: dict) -> None:
    """Files the rules were not written for: a digital edition's page A03,
    and a repost on a site's channel (人民网-湖南频道), each with its address
    and page given in a manifest."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("zzrb_20230920_A03.txt", "人民网湖南_醴陵烟花.txt"):
        shutil.copy(WEB / name, folder / name)
    (folder / "sources.csv").write_text(
        "path,url,page\n"
        "zzrb_20230920_A03.txt,https://example.org/zzrb/a03.html,A03\n"
        "人民网湖南_醴陵烟花.txt,https://example.org/hn/liling.html,\n",
        encoding="utf-8",
    )
    archive = tmp_path / "zhuzhou.db"
    # the command line, which reads the sources.csv beside the files
    ingest = [sys.executable, "-m", "ingest", str(folder), "--db", str(archive), "--quiet"]
    subprocess.run(ingest, check=True, cwd=ROOT)
    ds = Datasette([str(archive)], metadata=metadata)
    citations, dates = {}, {}
    for name in ("zzrb_20230920_A03.txt", "人民网湖南_醴陵烟花.txt"):
        (aid,) = one(
            archive,
            "select a.id from articles a join sources s on s.id = a.source_id"
            " where s.name = ? order by a.ordinal",
            name,
        )
        soup = await page(ds, f"/zhuzhou/articles/{aid}")
        citations[name] = soup.select_one("#cite-zh").text
        dates[name] = soup.select_one(".meta .date").text
    paper = citations["zzrb_20230920_A03.txt"]
    assert paper.startswith("彭雨桐, 邝立新. ")
    assert paper.endswith(
        f"[N/OL]. 株洲日报, 2023-09-20(A03)[{today()}]. https://example.org/zzrb/a03.html."
    )
    # The time of day the repost prints stands beside its date; the paper prints none.
    assert dates == {
        "zzrb_20230920_A03.txt": "2023-09-20",
        "人民网湖南_醴陵烟花.txt": "2025-07-04 11:27:48",
    }
    web = citations["人民网湖南_醴陵烟花.txt"]
    assert web.endswith(
        f"[EB/OL]. 人民网-湖南频道, 2025-07-04[{today()}]. https://example.org/hn/liling.html."
    )


async def test_the_article_links_to_its_lines_in_the_source_text(
    datasette: Datasette, archive_path: Path
) -> None:
    title = "筑牢发展底线 铸就平安学林"
    soup = await article(datasette, archive_path, title)
    link = soup.select_one("a.source-lines")["href"]
    first, last = one(
        archive_path, "select line_start, line_end from articles where title = ?", title
    )
    assert link.endswith(f"?lines={first}-{last}#L{first}")
    source = await page(datasette, link.split("#")[0])
    printed = (SEEDS / "003_83df26c1926cabee.txt").read_text(encoding="utf-8").split("\n")
    marked = source.select("table.lines tr.marked")
    assert [tr["id"] for tr in marked] == [f"L{n}" for n in range(first, last + 1)]
    assert [tr.select_one("td.t").text for tr in marked] == printed[first - 1 : last]
    assert title.split()[0] in " ".join(tr.text for tr in marked)
    # every line of the file, numbered and anchored
    rows = source.select("table.lines tr")
    assert len(rows) == len(printed)
    assert rows[11].select_one("td.n a")["href"] == "#L12"


async def test_every_source_text_is_stored_as_decoded(
    datasette: Datasette, archive_path: Path
) -> None:
    with sqlite3.connect(archive_path) as conn:
        stored = dict(conn.execute("select s.name, s.id from sources s"))
    for name, source_id in stored.items():
        soup = await page(datasette, f"/zhuzhou/-/source/{source_id}")
        lines = [td.text for td in soup.select("table.lines td.t")]
        assert "\n".join(lines) == (SEEDS / name).read_text(encoding="utf-8"), name


async def test_an_unknown_source_is_not_found(datasette: Datasette) -> None:
    assert (await datasette.client.get("/zhuzhou/-/source/12345")).status_code == 404
    assert (await datasette.client.get("/nosuchdb/-/source/1")).status_code == 404


async def test_source_text_is_escaped_on_the_source_page(tmp_path: Path, metadata: dict) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "s.txt").write_text(
        "# 标题<script>alert(1)</script>\n\n株洲日报全媒体记者/张三\n\n"
        "正文里有<b>粗体</b>,天元区的居民说了很多很多话。\n",
        encoding="utf-8",
    )
    db = open_archive(tmp_path / "zhuzhou.db")
    ingest_paths(db, [folder])
    db.close()
    (sid,) = one(tmp_path / "zhuzhou.db", "select id from sources")
    ds = Datasette([str(tmp_path / "zhuzhou.db")], metadata=metadata)
    html = (await ds.client.get(f"/zhuzhou/-/source/{sid}")).text
    assert "<script>alert(1)" not in html and "<b>粗体" not in html
    assert "# 标题&lt;script&gt;alert(1)&lt;/script&gt;" in html


async def test_previous_and_next_are_the_articles_beside_it_on_its_page(
    datasette: Datasette, archive_path: Path
) -> None:
    # Seed 004's page 生活·周刊 prints these three one after the other.
    soup = await article(datasette, archive_path, "她头胎剖宫产 二胎竟实现顺产")
    nav = soup.select_one("nav.neighbours")
    assert "推进长株潭医保事项通办 株洲这样发力" in nav.select_one("a[rel=prev]").text
    assert "用耳穴疗法也能治疗胆囊结石" in nav.select_one("a[rel=next]").text
    following = await page(datasette, nav.select_one("a[rel=next]")["href"])
    assert following.h1.text.strip() == "用耳穴疗法也能治疗胆囊结石"
    # the first article of a page has no previous one
    first = await article(datasette, archive_path, "推进长株潭医保事项通办 株洲这样发力")
    assert first.select_one("nav.neighbours a[rel=prev]") is None


async def test_the_searched_words_are_marked_in_either_script(
    datasette: Datasette, archive_path: Path
) -> None:
    title = "不忘初心谋福祉 牢记使命勇担当"
    (body,) = one(archive_path, "select body from articles where title = ?", title)
    soup = await article(datasette, archive_path, title, "?q=" + quote("老舊小區、電梯"))
    marked = [m.text for m in soup.select(".body p mark")]
    assert marked.count("老旧小区") == body.count("老旧小区") > 0
    assert marked.count("电梯") == body.count("电梯") > 0
    assert set(marked) == {"老旧小区", "电梯"}
    assert "老旧小区" in soup.select_one(".searched").text
    assert "老旧小区" in [m.text for m in soup.select(".body h2 mark")]  # 老旧小区新气象
    # without q nothing is marked, and the citation never carries q
    plain = await article(datasette, archive_path, title)
    assert plain.select("mark") == [] and "?q" not in plain.select_one("#cite-en").text


async def test_a_search_hit_leads_to_the_article_with_its_words_marked(
    datasette: Datasette,
) -> None:
    results = await page(datasette, "/search?q=" + quote("医保"))
    href = results.select_one("ol.hits h2 a")["href"]
    soup = await page(datasette, href)
    assert {m.text for m in soup.select("article mark")} == {"医保"}


def test_marks_cut_a_text_where_the_words_stand_overlaps_merged() -> None:
    assert marks("劉瓊說老旧小区", search_words("刘琼 旧小 老旧")) == [
        ("劉瓊", True),
        ("說", False),
        ("老旧小", True),
        ("区", False),
    ]
    assert marks("正文", []) == [("正文", False)]
    # FTS5's operators are not words to mark
    assert search_words('医保 OR "电梯"*') == ["医保", "电梯"]


async def test_the_long_figures_table_is_folded_away(
    datasette: Datasette, archive_path: Path
) -> None:
    soup = await article(datasette, archive_path, "向着幸福出发")
    details = soup.select_one("details.figures")
    rows = details.select("table.figures tbody tr")
    assert rows and "open" not in details.attrs
    assert f"({len(rows)})" in details.summary.text


async def test_every_person_on_an_article_page_is_placed_in_both_languages(
    tmp_path: Path, metadata: dict
) -> None:
    # a web page's 一审/二审/三审 editors were shown as a bare "editor" beside
    # 署名 byline and 正文 text
    archive = tmp_path / "zhuzhou.db"
    db = open_archive(archive)
    ingest_paths(db, [WEB / "华声在线_攸县_转载.txt"])
    db.close()
    (aid,) = one(archive, "select article_id from mentions where kind = 'editor' limit 1")
    soup = await page(Datasette([str(archive)], metadata=metadata), f"/zhuzhou/articles/{aid}")
    places = [tr.select("td")[3].text for tr in soup.select("table.people tbody tr")]
    assert "编辑 editor" in places and "署名 byline" in places
    assert all(re.match(r"[\u4e00-\u9fff]+ [a-z]", p) for p in places), places


async def test_a_person_page_lists_roles_articles_and_companions(
    datasette: Datasette, archive_path: Path
) -> None:
    (pid,) = one(archive_path, "select id from people where name = '刘琼'")
    soup = await page(datasette, f"/zhuzhou/people/{pid}")
    assert soup.h1.text.strip() == "刘琼" and soup.title.text.startswith("刘琼")
    assert [li.text.split("(")[0].strip() for li in soup.select("ul.roles li")] == [
        "全媒体记者 · 株洲日报"
    ]
    # every article whose byline prints 刘琼 (seed 004), headline linked
    with sqlite3.connect(archive_path) as conn:
        sql = "select title from articles where byline like '%刘琼%'"
        bylined = {t for (t,) in conn.execute(sql)}
    links = soup.select("ul.articles > li > a")
    assert {a.text for a in links} == bylined and len(bylined) == 5
    assert all(a["href"].startswith("/zhuzhou/articles/") for a in links)
    assert "株洲日报(全媒体记者/刘琼 通讯员/顾言心)" in soup.select_one("ul.articles").text
    together = {a.text: a["href"] for a in soup.select("ul.together a")}
    assert next(iter(together)) == "顾言心"  # named with her in two articles
    other = await page(datasette, together["顾言心"])
    assert other.h1.text.strip() == "顾言心"


async def test_a_person_named_in_the_text_shows_the_sentence_and_organisation(
    datasette: Datasette, archive_path: Path
) -> None:
    (pid,) = one(archive_path, "select id from people where name = '杨晓江'")
    soup = await page(datasette, f"/zhuzhou/people/{pid}")
    assert "副书记、区长 · 芦淞区委" in soup.select_one("ul.roles").text
    entry = soup.select_one("ul.articles > li")
    assert entry.a.text == "向着幸福出发"
    assert "杨晓江" in entry.select_one(".sentence").text
    assert re.search(r"2019-09-27", entry.select_one(".date").text)


async def test_a_traditional_name_is_titled_folded_and_shown_as_printed(
    datasette: Datasette, archive_path: Path
) -> None:
    (pid,) = one(archive_path, "select person_id from mentions where name_printed = '劉震'")
    soup = await page(datasette, f"/zhuzhou/people/{pid}")
    assert soup.h1.text.strip() == "刘震"
    assert "劉震" in soup.select_one(".printed").text
    assert "釀造幸福的日子" in soup.select_one("ul.articles").text


async def test_the_people_table_is_searched_by_name_in_either_script(
    datasette: Datasette,
) -> None:
    for query in ("劉瓊", "刘琼"):
        response = await datasette.client.get(
            "/zhuzhou/people.json?_shape=array&_search=" + quote(query)
        )
        assert [r["name"] for r in response.json()] == ["刘琼"], query
    search = "/zhuzhou/people.json?_shape=array&_search="
    response = await datasette.client.get(search + quote("劉"))
    names = {r["name"] for r in response.json()}
    assert {"刘琼", "刘震", "刘精前"} <= names and all(n.startswith("刘") for n in names)


async def test_an_archive_without_source_texts_still_shows_its_articles(
    tmp_path: Path, archive_path: Path, metadata: dict
) -> None:
    # An archive written before source_texts existed has no such table.
    old = tmp_path / "zhuzhou.db"
    shutil.copy(archive_path, old)
    with sqlite3.connect(old) as conn:
        conn.execute("drop table source_texts")
    ds = Datasette([str(old)], metadata=metadata)
    soup = await article(ds, old, "向着幸福出发")
    assert soup.select_one("a.source-lines") is None
    assert "lines" in soup.select_one(".source").text
    (sid,) = one(old, "select source_id from articles where title = '向着幸福出发'")
    assert (await ds.client.get(f"/zhuzhou/-/source/{sid}")).status_code == 404
