"""What the user knows about a file (--date, --publication, --url, a manifest
CSV): recorded in ``sources``, used over what the text prints, and a changed
value re-ingests an unchanged file. Through the real CLI into a real archive."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ingest.cli import main
from ingest.manifest import date_in_name, parse_date
from zhfts import register_tokenizer

WEB = Path(__file__).resolve().parent / "fixtures" / "web"
# A digital-edition page: prints no date, its file name carries one.
EDITION = "zzwb_20220415.txt"
# A repost that prints its date and 来源 on a metadata line (2023-07-24 15:13).
REPOST = "株洲新闻网_渌口区_正文.txt"


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in (EDITION, REPOST):
        shutil.copy(WEB / name, folder / name)
    return folder


def ingest(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [*map(str, args), "-j", "1", "--quiet"])


def sources(db: Path) -> dict[str, dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = {r["name"]: dict(r) for r in conn.execute("SELECT * FROM sources")}
    conn.close()
    return rows


def article_dates(db: Path, name: str) -> set[str | None]:
    conn = sqlite3.connect(db)
    sql = "SELECT a.date FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.name = ?"
    dates = {d for (d,) in conn.execute(sql, [name])}
    conn.close()
    return dates


def write_manifest(path: Path, *rows: str) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_date_in_the_file_name_dates_a_page_that_prints_none(pages: Path, tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    assert ingest(pages, "--db", db).exit_code == 0
    edition = sources(db)[EDITION]
    assert (edition["date"], edition["date_from"]) == ("2022-04-15", "filename")
    assert article_dates(db, EDITION) == {"2022-04-15"}


def test_the_date_the_text_prints_wins_over_the_file_name(pages: Path, tmp_path: Path) -> None:
    (pages / REPOST).rename(pages / "20200101_渌口区.txt")
    db = tmp_path / "a.db"
    assert ingest(pages, "--db", db).exit_code == 0
    repost = sources(db)["20200101_渌口区.txt"]
    assert (repost["date"], repost["date_from"]) == ("2023-07-24", "text")


def test_options_give_every_file_of_the_run_its_date_publication_and_url(
    pages: Path, tmp_path: Path
) -> None:
    db = tmp_path / "a.db"
    url = "http://zz.example.cn/2023/0724/1.html"
    result = ingest(
        pages / REPOST, "--db", db, "--date", "2023/7/25", "--publication", "株洲日报", "--url", url
    )
    assert result.exit_code == 0, result.output
    repost = sources(db)[REPOST]
    assert (repost["date"], repost["date_from"]) == ("2023-07-25", "option")
    assert (repost["publication"], repost["publication_from"]) == ("株洲日报", "option")
    assert repost["url"] == url
    assert article_dates(db, REPOST) == {"2023-07-25"}


def page_times(db: Path, name: str) -> set[tuple[str | None, str | None]]:
    conn = sqlite3.connect(db)
    sql = (
        "SELECT a.date, a.time FROM articles a JOIN sources s ON s.id = a.source_id"
        " WHERE s.name = ?"
    )
    times = set(conn.execute(sql, [name]).fetchall())
    conn.close()
    return times


def test_a_given_date_keeps_the_printed_time_only_when_it_is_the_printed_date(
    pages: Path, tmp_path: Path
) -> None:
    # the repost prints 2023-07-24 15:13
    db = tmp_path / "a.db"
    assert ingest(pages / REPOST, "--db", db, "--date", "2023-07-24").exit_code == 0
    assert page_times(db, REPOST) == {("2023-07-24", "15:13")}
    assert ingest(pages / REPOST, "--db", db, "--date", "2023-07-25").exit_code == 0
    assert page_times(db, REPOST) == {("2023-07-25", None)}


def test_a_sources_csv_beside_the_files_is_read(pages: Path, tmp_path: Path) -> None:
    write_manifest(
        pages / "sources.csv",
        "path,url,date,publication,page",
        f"{EDITION},http://epaper.example.cn/zzwb/0415/08.html,2022-04-14,株洲晚报,第08版:城事",
    )
    db = tmp_path / "a.db"
    assert ingest(pages, "--db", db).exit_code == 0
    edition = sources(db)[EDITION]
    assert edition["url"] == "http://epaper.example.cn/zzwb/0415/08.html"
    assert (edition["date"], edition["date_from"]) == ("2022-04-14", "manifest")
    assert (edition["publication"], edition["publication_from"]) == ("株洲晚报", "manifest")
    assert edition["page"] == "第08版:城事"
    conn = sqlite3.connect(db)
    sql = (
        "SELECT DISTINCT p.title FROM pages p JOIN sources s ON s.id = p.source_id WHERE s.name = ?"
    )
    assert conn.execute(sql, [EDITION]).fetchall() == [("第08版:城事",)]  # it prints none
    conn.close()
    # the file the manifest does not name keeps what its text prints
    assert sources(db)[REPOST]["date_from"] == "text"


def test_manifest_paths_are_relative_to_the_manifests_folder(pages: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    manifest = write_manifest(notes / "known.csv", "path,date", f"../pages/{REPOST},2023-07-23")
    db = tmp_path / "a.db"
    assert ingest(pages, "--db", db, "--manifest", manifest).exit_code == 0
    assert sources(db)[REPOST]["date"] == "2023-07-23"


def test_an_option_wins_over_the_manifest_which_wins_over_the_text(
    pages: Path, tmp_path: Path
) -> None:
    write_manifest(pages / "sources.csv", "path,date,publication", f"{REPOST},2023-07-25,株洲晚报")
    db = tmp_path / "a.db"
    assert ingest(pages, "--db", db, "--date", "2023-07-26").exit_code == 0
    repost = sources(db)[REPOST]
    assert (repost["date"], repost["date_from"]) == ("2023-07-26", "option")
    assert (repost["publication"], repost["publication_from"]) == ("株洲晚报", "manifest")


def test_changing_what_is_given_reingests_a_file_whose_bytes_are_unchanged(
    pages: Path, tmp_path: Path
) -> None:
    db = tmp_path / "a.db"
    manifest = pages / "sources.csv"
    write_manifest(manifest, "path,date", f"{EDITION},2022-04-14")
    assert ingest(pages, "--db", db).exit_code == 0
    again = CliRunner().invoke(main, [str(pages), "--db", str(db), "-j", "1"])
    assert "(0 ingested, 2 unchanged" in again.output
    write_manifest(manifest, "path,date", f"{EDITION},2022-04-13")
    changed = CliRunner().invoke(main, [str(pages), "--db", str(db), "-j", "1"])
    assert "(1 ingested, 1 unchanged" in changed.output
    assert article_dates(db, EDITION) == {"2022-04-13"}
    manifest.unlink()  # nothing given any more: back to the file name's date
    assert ingest(pages, "--db", db).exit_code == 0
    assert sources(db)[EDITION]["date_from"] == "filename"
    assert sources(db)[EDITION]["given"] is None


@pytest.mark.parametrize(
    ("rows", "line", "reason"),
    [
        (["path,date,author", f"{EDITION},2022-04-14,刘晨阳"], 1, "unknown column 'author'"),
        (
            ["path,date", f"{REPOST},2023-07-24", f"{EDITION},2022-04-31"],
            3,
            "bad date '2022-04-31'",
        ),
        (["path,date", "missing.txt,2022-04-14"], 2, "no such file: missing.txt"),
    ],
)
def test_a_bad_manifest_is_one_line_naming_it_and_the_line(
    pages: Path, tmp_path: Path, rows: list[str], line: int, reason: str
) -> None:
    manifest = write_manifest(pages / "sources.csv", *rows)
    db = tmp_path / "a.db"
    result = ingest(pages, "--db", db)
    assert result.exit_code == 2
    (message,) = result.stderr.strip().splitlines()
    assert message.startswith(f"error: {manifest}:{line}: ")
    assert reason in message
    assert not db.exists()  # nothing was ingested with values the user did not mean


def test_a_bad_date_option_is_a_usage_error(pages: Path, tmp_path: Path) -> None:
    result = ingest(pages, "--db", tmp_path / "a.db", "--date", "2022-13-01")
    assert result.exit_code == 2
    assert "--date" in result.stderr and "2022-13-01" in result.stderr


def test_an_archive_built_before_the_new_columns_is_updated(pages: Path, tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    assert ingest(pages / REPOST, "--db", db).exit_code == 0
    conn = sqlite3.connect(db)
    register_tokenizer(conn)  # the schema's FTS triggers name it
    for column in ("url", "page", "given", "date_from", "publication_from"):
        conn.execute(f"ALTER TABLE sources DROP COLUMN {column}")
    conn.commit()
    conn.close()
    result = ingest(pages, "--db", db, "--url", "http://example.cn/x.html")
    assert result.exit_code == 0, result.output
    assert {s["url"] for s in sources(db).values()} == {"http://example.cn/x.html"}


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("zzrb_20230920_A03.txt", "2023-09-20"),
        ("株洲日报-2023-09-20-荷塘区.txt", "2023-09-20"),
        ("株洲日报2023年9月20日.txt", "2023-09-20"),
        ("20200712株洲日报天元区.txt", "2020-07-12"),
        ("page_2019.9.8.md", "2019-09-08"),
        ("content_5443210.txt", None),  # an id, not a date
        ("20231340_x.txt", None),  # no month 13
        ("article_123456789.txt", None),  # nine digits
    ],
)
def test_dates_in_file_names(name: str, date: str | None) -> None:
    assert date_in_name(name) == date


def test_dates_as_users_write_them() -> None:
    assert (
        parse_date("2023-09-20")
        == parse_date("2023/9/20")
        == parse_date("20230920")
        == "2023-09-20"
    )
    assert parse_date("2023年9月20日") == "2023-09-20"
    assert parse_date("20 September 2023") is None
    assert parse_date("2023-02-30") is None
