"""Serving safely: a real ``datasette serve`` with the options `make serve`
uses (``explorer.serve.serve_options``) cannot change the archive, cuts off
runaway SQL, keeps answering while an ingest replaces the file, and escapes
the sources' text in every page."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
import yaml
from conftest import ROOT, SEEDS, seed_text
from datasette.app import Datasette

from explorer.serve import METADATA, SETTINGS, serving
from ingest.pipeline import ingest_paths
from ingest.store.schema import TABLES
from ingest.store.write import open_archive

RUNAWAY_SQL = (
    "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def served(
    archive_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    """A copy of the seed archive served by a real Datasette (base URL, file),
    with one writable canned query added to the metadata, to be refused."""
    directory = tmp_path_factory.mktemp("served")
    db = directory / "zhuzhou.db"
    shutil.copy(archive_path, db)
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    database = metadata.setdefault("databases", {}).setdefault("zhuzhou", {})
    database.setdefault("queries", {})["wipe"] = {"sql": "delete from articles", "write": True}
    (directory / "metadata.yml").write_text(yaml.safe_dump(metadata, allow_unicode=True), "utf-8")
    with serving(db, directory / "metadata.yml") as url:
        yield url, db


def test_make_serve_runs_these_options() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    (recipe,) = re.findall(r"^serve: .*\n\t(.*)$", makefile, re.MULTILINE)
    assert recipe.startswith("$(PY) -m explorer.serve $(DB)")


def test_the_archive_is_served_read_only_with_a_time_limit(served: tuple[str, Path]) -> None:
    url, _ = served
    databases = httpx.get(f"{url}/-/databases.json").json()
    (database,) = [d for d in databases if d["name"] == "zhuzhou"]
    assert database["is_mutable"] is True  # not -i: an ingest may write it meanwhile
    settings = httpx.get(f"{url}/-/settings.json").json()
    assert settings["sql_time_limit_ms"] == int(SETTINGS["sql_time_limit_ms"]) == 1000


def test_no_request_can_change_the_archive(served: tuple[str, Path]) -> None:
    url, db = served
    before = sha256(db)
    client = httpx.Client(base_url=url)
    response = client.get("/zhuzhou.json", params={"sql": "delete from articles"})
    assert response.status_code == 400 and "must be a SELECT" in response.json()["error"]
    form = client.get("/zhuzhou/wipe")  # the writable canned query, with its CSRF token
    (token,) = re.findall(r'name="csrftoken" value="([^"]+)"', form.text)
    client.post("/zhuzhou/wipe", data={"csrftoken": token})  # refused by query_only
    count = client.get("/zhuzhou.json", params={"sql": "select count(*) from articles"})
    assert count.json()["rows"] == [[18]]
    assert sha256(db) == before


def test_a_runaway_query_is_cut_off_and_the_server_answers_on(served: tuple[str, Path]) -> None:
    url, _ = served
    started = time.monotonic()
    response = httpx.get(f"{url}/zhuzhou.json", params={"sql": RUNAWAY_SQL}, timeout=30)
    assert time.monotonic() - started < 5
    assert response.status_code == 400 and "SQL query took too long" in response.json()["error"]
    assert httpx.get(f"{url}/zhuzhou/articles.json?_size=1").status_code == 200


def test_datasette_keeps_answering_while_an_ingest_replaces_the_archive(
    archive_path: Path, tmp_path: Path
) -> None:
    db = tmp_path / "zhuzhou.db"
    shutil.copy(archive_path, db)
    more = tmp_path / "more"
    more.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (more / seed.name).write_text(seed_text(seed.name), encoding="gb18030")
    with serving(db) as url, httpx.Client(base_url=url, timeout=30) as client:
        ingest = subprocess.Popen(
            [sys.executable, "-m", "ingest", str(more), "--db", str(db), "-q"],
            cwd=tmp_path,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        )
        statuses = []
        while ingest.poll() is None:
            for path in ("/zhuzhou/articles.json?_size=5", "/zhuzhou/articles?_search=老旧小区"):
                statuses.append(client.get(path).status_code)
        assert ingest.returncode == 0
        assert statuses and set(statuses) == {200}, statuses
        assert client.get("/zhuzhou/people.json").status_code == 200
    conn = open_archive(db)
    assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 10
    conn.close()


# --- Source text is always escaped -------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Datasette:
    """Seed 004 with markup in its headline, its text and a caption, ingested
    and served with the archive's metadata, plugin and templates."""
    directory = tmp_path_factory.mktemp("hostile")
    text = seed_text("004_4b5a9efb3dca083f.txt")
    text = text.replace("# 天元区68支干部工作队进小区", f"# 天元区68支干部工作队进小区{SCRIPT}", 1)
    text = text.replace("今年以来,", f"今年以来,{IMG}", 1)
    text = text.replace("开展周末公益课堂活动。受访者 供图", f"开展{SCRIPT}活动。受访者 供图", 1)
    (directory / "hostile.txt").write_text(text, encoding="utf-8")
    db = open_archive(directory / "zhuzhou.db")
    ingest_paths(db, [directory / "hostile.txt"])
    db.close()
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    return Datasette([str(directory / "zhuzhou.db")], metadata=metadata)


async def test_markup_in_source_text_is_escaped_on_every_page(hostile: Datasette) -> None:
    db = hostile.get_database("zhuzhou")

    async def first(sql: str) -> object:
        return (await db.execute(sql)).first()[0]

    article_id = await first("select id from articles where title like '%<script>%'")
    caption_id = await first("select id from captions where text like '%<script>%'")
    assert IMG in await first(f"select body from articles where id = {article_id}")  # as printed
    paths = [
        "/",
        "/zhuzhou",
        f"/zhuzhou/articles/{article_id}",
        f"/zhuzhou/captions/{caption_id}",
        "/zhuzhou/articles?_search=天元区",
        "/-/search?q=天元区",
        *(f"/zhuzhou/{t.name}" for t in TABLES),
    ]
    dashboards = hostile.plugin_config("datasette-dashboards") or {}
    for slug, dashboard in dashboards.items():
        paths.append(f"/-/dashboards/{slug}")
        paths += [f"/-/dashboards/{slug}/{chart}" for chart in dashboard.get("charts", {})]
    for name, query in (hostile.metadata("queries", database="zhuzhou") or {}).items():
        sql = query["sql"] if isinstance(query, dict) else query
        parameters = set(re.findall(r"(?<![:\w]):(\w+)", sql))
        paths.append(f"/zhuzhou/{name}?" + urlencode(dict.fromkeys(parameters, "天元区")))
    for path in paths:
        response = await hostile.client.get(path, follow_redirects=True)
        assert response.status_code == 200, path
        assert SCRIPT not in response.text and IMG not in response.text, path
    row_page = (await hostile.client.get(f"/zhuzhou/articles/{article_id}")).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in row_page
    assert "&lt;img src=x onerror=alert(1)&gt;" in row_page
