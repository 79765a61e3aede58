"""The explorer as a person uses it: headless Chromium (Debian's ``chromium``,
driven by Playwright; never ``playwright install``) against a real
``datasette serve`` process started with the same options as ``make serve``.

Without Chromium these tests skip with a message, except under CI (the
variable ``CI`` is set), where they fail: ``.ci/run`` installs Chromium.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from explorer.serve import datasette_command, serve_options

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Every wait is bounded: a page or element that does not come fails the test.
TIMEOUT_MS = 15_000
SERVER_START_S = 30
expect.set_options(timeout=TIMEOUT_MS)


def chromium() -> str:
    path = shutil.which("chromium")
    if path:
        return path
    message = "headless Chromium not installed (Debian: apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; under CI it is required (.ci/run installs it)")
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(archive_path: Path) -> Iterator[str]:
    """``datasette serve`` on the seed archive (zhuzhou.db), on a free port."""
    port = free_port()
    process = subprocess.Popen(
        datasette_command(*serve_options(archive_path, port=port)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_S
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"datasette exited: {process.stderr.read()}")
            try:
                urllib.request.urlopen(f"{base}/-/versions.json", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"datasette did not answer on {base} in {SERVER_START_S} s")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    context = browser.new_context(base_url=server, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def test_home_page_names_the_archive_and_its_tables(page: Page) -> None:
    page.goto("/")
    expect(page.locator("h1")).to_have_text("株洲新闻档案 · Zhuzhou News Archive")
    page.get_by_role("link", name="zhuzhou", exact=True).first.click()
    expect(page.get_by_role("link", name="articles", exact=True).first).to_be_visible()
    expect(page.get_by_role("link", name="同篇人物 · People named together")).to_be_visible()


def test_search_the_articles_table_then_rank_the_hits(page: Page) -> None:
    page.goto("/zhuzhou/articles")
    page.fill("#_search", "老旧小区")
    page.press("#_search", "Enter")
    expect(page).to_have_url(
        re.compile(r"/zhuzhou/articles\?_search=%E8%80%81%E6%97%A7%E5%B0%8F%E5%8C%BA")
    )
    expect(page.locator("h3").first).to_contain_text(re.compile(r"6 rows\s+where search matches"))
    # The URL changes when the navigation commits, before the table is parsed:
    # wait for the rows themselves before reading them.
    cells = page.locator("table.rows-and-columns td.col-title")
    expect(cells).to_have_count(6)
    titles = cells.all_inner_texts()
    assert "向着幸福出发" in titles and len(titles) == 6
    # the ranked search: best hit first, the hit marked 【】 in a snippet
    page.goto("/zhuzhou/search")
    page.fill("form.sql textarea[name=q], form.sql input[name=q]", "老旧小区")
    page.locator("form.sql input[type=submit]").click()
    expect(page.locator("table.rows-and-columns td.col-title").first).to_have_text(
        "不忘初心谋福祉 牢记使命勇担当"
    )
    expect(page.locator("table.rows-and-columns td.col-snippet").first).to_contain_text(
        "【老旧小区】"
    )


def test_clicking_a_facet_filters_the_table(page: Page) -> None:
    page.goto("/zhuzhou/articles")
    page.locator("#facet-month").get_by_role("link", name="2019-09").click()
    expect(page).to_have_url(re.compile(r"/zhuzhou/articles\?.*month=2019-09"))
    cells = page.locator("table.rows-and-columns td.col-title")
    expect(cells).to_have_count(2)
    assert sorted(cells.all_inner_texts()) == ["不忘初心谋福祉 牢记使命勇担当", "向着幸福出发"]
    page.locator("#facet-district").get_by_role("link", name="天元区").click()
    expect(cells).to_have_text(["不忘初心谋福祉 牢记使命勇担当"])


def test_article_page_shows_its_captions_and_people(page: Page) -> None:
    page.goto("/zhuzhou/articles?title=" + "向着幸福出发")
    page.locator("table.rows-and-columns td.col-id a").first.click()
    expect(page.locator("article h1")).to_have_text("向着幸福出发")
    expect(page.locator("figure.caption")).to_have_count(5)
    expect(page.locator("figure.caption").last).to_contain_text("种农夜色。")
    people = page.locator("table.people")
    expect(people).to_contain_text("杨晓江")
    expect(people).to_contain_text("副书记、区长")
    # a person links to their page, titled with the name
    people.get_by_role("link", name="康水梅").click()
    expect(page.locator("h1")).to_have_text("康水梅")
    expect(page.locator("ul.articles")).to_contain_text("向着幸福出发")


def test_csv_download_of_the_captions(page: Page) -> None:
    page.goto("/zhuzhou/captions")
    page.check("#export input[name=_dl]")
    with page.expect_download() as download:
        page.click("#export input[type=submit]")
    path = download.value.path()
    table = list(csv.DictReader(io.StringIO(Path(path).read_text(encoding="utf-8"))))
    assert ("种农夜色。", "刘精前 摄") in {(r["text"], r["credit"]) for r in table}


def test_dashboard_draws_its_charts(page: Page) -> None:
    page.goto("/-/dashboards/archive")
    expect(page.locator("#chart-articles-count")).to_contain_text("18")
    for chart in ("articles-per-month", "articles-per-district", "people-by-articles"):
        expect(page.locator(f"#chart-{chart} canvas, #chart-{chart} svg").first).to_be_visible()


def test_a_canned_query_is_a_form_with_labelled_inputs(page: Page) -> None:
    page.goto("/zhuzhou/figures_over_time")
    expect(page).to_have_title(re.compile(r"^数字随时间 · Figures by measure over time"))
    expect(page.locator("pre#sql-query")).to_have_count(0)
    page.get_by_label("指标（部分） · Part of a measure").fill("養老")
    page.get_by_role("button", name="查询 Run").click()
    rows = page.locator("table.rows-and-columns tbody tr")
    expect(rows).to_have_count(3)  # 養老 in either script: seed 001 prints 養老床位
    article = page.locator("td.col-article a").first
    headline = article.inner_text()
    article.click()
    expect(page.locator("article h1")).to_have_text(headline)
    page.go_back()
    page.get_by_role("link", name="显示 SQL · Show the SQL").click()
    expect(page.locator("pre#sql-query")).to_contain_text("from figures_with_sentence f")


def test_an_error_page_leads_back_to_the_search_and_home(page: Page) -> None:
    response = page.goto("/zhuzhou/articles/1")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("找不到该页 · Page not found")
    page.get_by_label("检索文章 Search the articles", exact=True).last.fill("电梯")
    page.locator(".error-page input[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/search\?q=%E7%94%B5%E6%A2%AF"))
    expect(page.locator("ol.hits li").first).to_be_visible()
    page.go_back()
    page.get_by_role("link", name="← 返回首页 Back to the archive's home page").click()
    expect(page.locator("h1")).to_have_text("株洲新闻档案 · Zhuzhou News Archive")


def test_a_bar_of_the_dashboard_opens_its_articles(page: Page) -> None:
    page.goto("/-/dashboards/archive")
    bars = page.locator("#chart-articles-per-month svg path[aria-roledescription=bar]")
    expect(bars.first).to_be_visible()
    label = bars.first.get_attribute("aria-label") or ""
    bars.first.click()
    expect(page).to_have_url(re.compile(r"/zhuzhou/articles\?month"))
    count = int(re.search(r"articles: (\d+)", label).group(1))
    expect(page.locator("table.rows-and-columns tbody tr")).to_have_count(count)


@pytest.mark.parametrize(
    "path", ["/search?q=老旧小区", "/zhuzhou/figures_over_time?measure=签约率", "/no-such-page"]
)
def test_a_400_px_phone_reads_without_scrolling_sideways(
    browser: Browser, server: str, path: str
) -> None:
    context = browser.new_context(base_url=server, viewport={"width": 400, "height": 800})
    try:
        phone = context.new_page()
        phone.goto(path)
        expect(phone.locator("header form.archive-search")).to_be_visible()
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 400, (path, width)
        phone.fill("#header-q", "电梯")
        phone.press("#header-q", "Enter")
        expect(phone.locator("ol.hits li").first).to_be_visible()
        hit = phone.locator("ol.hits h2 a").first.bounding_box()
        assert hit is not None and hit["x"] + hit["width"] <= 400
    finally:
        context.close()


LINES_OF = """el => { const r = document.createRange(); r.selectNodeContents(el);
  return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }"""


def test_dates_and_names_stay_on_one_line_in_a_narrow_table(browser: Browser, server: str) -> None:
    context = browser.new_context(base_url=server, viewport={"width": 700, "height": 900})
    try:
        narrow = context.new_page()
        narrow.goto("/zhuzhou/figures_over_time?" + "measure=" + "率")
        dates = narrow.locator("td.col-date").filter(has_text=re.compile(r"\d"))
        expect(dates.first).to_be_visible()
        assert dates.count() >= 4
        assert all(d.evaluate(LINES_OF) == 1 for d in dates.all()), dates.all_inner_texts()
        people = narrow.locator("td.col-person, td.col-named_with")
        narrow.goto("/zhuzhou/people_together")
        expect(people.first).to_be_visible()
        assert all(p.evaluate(LINES_OF) == 1 for p in people.all()[:40])
    finally:
        context.close()


def test_journey_home_search_article_citation_copied(browser: Browser, server: str) -> None:
    """A reader searches from the home page, opens the best hit, sees the
    words marked and copies the citation: the clipboard holds it."""
    context = browser.new_context(base_url=server)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        page.goto("/")
        page.fill("#home-q", "医保")
        page.press("#home-q", "Enter")
        expect(page).to_have_url(re.compile(r"/search\?q=%E5%8C%BB%E4%BF%9D"))
        page.locator("ol.hits h2 a").first.click()
        expect(page.locator("article h1")).to_be_visible()
        expect(page.locator("article mark").first).to_have_text("医保")
        cite = page.locator("#cite-zh")
        expect(cite).to_contain_text("[N]. 株洲日报")
        page.locator("button[data-copy=cite-zh]").click()
        expect(page.locator("#cite .copied").first).to_have_text("已复制 Copied")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == cite.inner_text()
        assert copied.endswith("(版次不详).") and page.locator("h1").inner_text() in copied
        # the English one names the page's stable address, without the search
        page.locator("button[data-copy=cite-en]").click()
        expect(page.locator("#cite .copied").last).to_have_text("已复制 Copied")
        english = page.evaluate("navigator.clipboard.readText()")
        assert f"Zhuzhou News Archive, {page.url.split('?')[0]} (accessed " in english
    finally:
        context.close()


def test_journey_article_person_another_article_then_its_source_lines(page: Page) -> None:
    page.goto("/zhuzhou/articles?title=" + "她头胎剖宫产 二胎竟实现顺产")
    page.locator("table.rows-and-columns td.col-id a").first.click()
    expect(page.locator("article h1")).to_have_text("她头胎剖宫产 二胎竟实现顺产")
    page.locator("table.people").get_by_role("link", name="刘琼", exact=True).click()
    expect(page.locator("h1")).to_have_text("刘琼")
    expect(page.locator("ul.roles")).to_contain_text("全媒体记者")
    page.locator("ul.articles").get_by_role("link", name="用耳穴疗法也能治疗胆囊结石").click()
    expect(page.locator("article h1")).to_have_text("用耳穴疗法也能治疗胆囊结石")
    # previous on the same page, then the article's own lines in its source
    page.locator("nav.neighbours a[rel=prev]").click()
    expect(page.locator("article h1")).to_have_text("她头胎剖宫产 二胎竟实现顺产")
    page.locator("a.source-lines").click()
    expect(page).to_have_url(re.compile(r"/zhuzhou/-/source/\d+\?lines=\d+-\d+#L\d+$"))
    first = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"tr#{first}")).to_contain_text("她头胎剖宫产")
    expect(page.locator(f"tr#{first}")).to_be_in_viewport()
