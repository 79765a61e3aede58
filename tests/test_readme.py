"""The README cannot drift from the schema or the CLI."""

from __future__ import annotations

import codecs
import csv
import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import ROOT

from explorer.serve import serving
from ingest.cli import main

sys.path.insert(0, str(ROOT / "scripts"))
from readme_schema import schema_markdown

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    assert first_block.splitlines()[0].startswith("make serve")
    assert first_block.splitlines()[1].startswith("make test")


def test_readme_schema_section_is_generated_from_the_schema() -> None:
    section = README.split("<!-- schema -->\n", 1)[1].split("<!-- /schema -->", 1)[0]
    assert section == schema_markdown(), "run: python scripts/readme_schema.py"


def test_every_cli_option_is_documented_in_the_readme() -> None:
    for param in main.params:
        for flag in getattr(param, "opts", []):
            if flag.startswith("-"):
                assert f"`{flag}" in README, flag


# ------------------------------------------------ every URL and command, run


BASE = "http://127.0.0.1:8001"
URL = re.compile(re.escape(BASE) + r"[^\s<>'\"`)]*")
# Blocks the test does not run: publishing needs Docker or gcloud and an account;
# `make serve` is what the server below is, `make test` the suite itself.
NOT_RUN = ("datasette publish", "datasette package", "make serve", "make test")


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, flags=re.S | re.M)


@pytest.fixture(scope="module")
def served(archive_path: Path) -> Iterator[str]:
    with serving(archive_path) as url:
        yield url


def test_every_readme_url_answers_from_a_real_datasette(served: str) -> None:
    urls = sorted(set(URL.findall(README)))
    # an address with a placeholder (articles/ID) is a pattern, not a page
    urls = [u for u in urls if not re.search(r"/[A-Z]+(?:$|[/?#])", u)]
    assert len(urls) >= 15
    with httpx.Client(follow_redirects=True, timeout=30) as client:
        for url in urls:
            response = client.get(served + url.removeprefix(BASE))
            assert response.status_code == 200, (url, response.text[:300])


def test_every_readme_shell_command_runs_as_printed(served: str, tmp_path: Path) -> None:
    commands = [
        line
        for block in code_blocks("sh")
        if not any(skip in block for skip in NOT_RUN)
        for line in block.splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert any(c.startswith("curl") for c in commands)
    for command in commands:
        result = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command.replace(BASE, served)],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, (command, result.stderr)
        wrote = [p for p in tmp_path.iterdir() if p.stat().st_size]
        assert result.stdout.strip() or wrote, command
        assert "error" not in result.stdout.lower()[:200], (command, result.stdout[:300])


def test_every_readme_python_example_runs_as_printed(served: str, tmp_path: Path) -> None:
    blocks = code_blocks("python")
    assert blocks
    for block in blocks:
        result = subprocess.run(
            [sys.executable, "-c", block.replace(BASE, served)],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, (block, result.stderr)
        assert result.stdout.strip(), block


def test_every_readme_sql_example_runs_in_the_archive(served: str) -> None:
    for sql in code_blocks("sql"):
        response = httpx.get(
            f"{served}/zhuzhou.json", params={"sql": sql, "_shape": "array"}, timeout=30
        )
        assert response.status_code == 200, (sql, response.text[:300])
        assert response.json(), sql


def test_the_readme_curl_examples_find_the_seed_articles(served: str) -> None:
    (json_block,) = [b for b in code_blocks("sh") if "articles.json" in b]
    first = json_block.splitlines()[0].replace(BASE, served)
    titles = subprocess.run(
        ["bash", "-o", "pipefail", "-c", first], capture_output=True, text=True, timeout=60
    ).stdout.splitlines()
    assert len(titles) == 6 and "向着幸福出发" in titles


def test_an_excel_download_opens_as_utf8_with_its_ids_as_text(served: str) -> None:
    response = httpx.get(f"{served}/zhuzhou/people.excel", params={"_size": "max"}, timeout=30)
    assert response.content.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    people = httpx.get(
        f"{served}/zhuzhou/people.json", params={"_size": "max", "_shape": "array"}, timeout=30
    ).json()
    assert [r["name"] for r in rows] == [p["name"] for p in people]
    for row, person in zip(rows, people, strict=True):
        # an id past 11 digits (all but one in 50,000) as the text formula Excel keeps exact
        pid = str(person["id"])
        assert row["id"] == (f'="{pid}"' if len(pid) > 11 else pid)
        assert row["articles"] == str(person["articles"])
