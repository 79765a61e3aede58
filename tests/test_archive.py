"""The archive on disk: fixed names, keys, idempotent and incremental ingest."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEEDS, seed_text

from ingest.pipeline import ingest_paths
from ingest.store import schema
from ingest.store.schema import SENTENCE_VIEWS, TABLES
from ingest.store.write import open_archive
from ingest.text.fold import fold

REQUIRED_COLUMNS = {
    "articles": {"id", "page_id", "title", "kicker", "subtitle", "date", "body"},
    "pages": {"id", "source_id", "date", "title"},
    "captions": {"id", "article_id", "text", "credit", "person_id"},
    "people": {"id", "name"},
    "mentions": {"person_id", "article_id", "role"},
    "figures": {"id", "article_id", "raw", "value", "unit"},
    "sources": {"id", "path", "sha256", "encoding", "script", "publication"},
    "sections": {"id", "article_id", "label", "heading"},
}


def rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    conn = sqlite3.connect(path)
    out = {t.name: conn.execute(f"SELECT * FROM [{t.name}] ORDER BY id").fetchall() for t in TABLES}
    conn.close()
    return out


def build(directory: Path, *paths: Path) -> Path:
    db_path = directory / "zhuzhou.db"
    db = open_archive(db_path)
    ingest_paths(db, list(paths) or [SEEDS])
    db.close()
    return db_path


def change_a_seed(seeds: Path, old: str, new: str) -> None:
    """Seed 002 of the folder *seeds* with *old* printed as *new*."""
    target = seeds / "002_4e8a31d454a890d3.txt"
    target.write_text(target.read_text(encoding="utf-8").replace(old, new), "utf-8")


def test_tables_and_columns_have_the_fixed_names(archive_path: Path) -> None:
    conn = sqlite3.connect(archive_path)
    for table, columns in REQUIRED_COLUMNS.items():
        have = {r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")}
        assert columns <= have, table


def test_foreign_keys_are_declared_and_indexed(archive_path: Path) -> None:
    conn = sqlite3.connect(archive_path)
    for spec in TABLES:
        declared = {(r[3], r[2]) for r in conn.execute(f"PRAGMA foreign_key_list([{spec.name}])")}
        assert declared == set(spec.foreign_keys)
        indexed = {
            conn.execute(f"PRAGMA index_info([{r[1]}])").fetchone()[2]
            for r in conn.execute(f"PRAGMA index_list([{spec.name}])")
        }
        assert {col for col, _ in spec.foreign_keys} - set(spec.unindexed) <= indexed
        assert not set(spec.unindexed) & indexed  # looked up by no page: no index
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_views_read_the_sentences_as_the_tables_did(archive_path: Path) -> None:
    """figures, places and mentions point to where their sentence is printed;
    their *_with_sentence views have the tables' old columns, sentence text included."""
    conn = sqlite3.connect(archive_path)
    printed = {"figures": "raw", "places": "printed", "mentions": "name_printed"}
    for view, table in SENTENCE_VIEWS.items():
        old = [
            "sentence" if c == "sentence_in" else c
            for c in schema.spec(table).columns
            if c == "sentence_in" or c not in schema.SENTENCE
        ]
        assert [r[1] for r in conn.execute(f"PRAGMA table_info([{view}])")] == old
        hits = conn.execute(
            f"SELECT {printed[table]}, sentence FROM [{view}] WHERE sentence IS NOT NULL"
        ).fetchall()
        assert len(hits) > 10, table
        assert all(name in sentence for name, sentence in hits), table
        # Referenced, not copied: a copy only of a sentence the article prints
        # in no column of its own, a section heading.
        (placed,) = conn.execute(f"SELECT count(sentence_in) FROM [{table}]").fetchone()
        copies = [r[0] for r in conn.execute(f"SELECT sentence_text FROM [{table}]") if r[0]]
        assert placed > 10 * len(copies), table
        headings = {r[0] for r in conn.execute("SELECT heading FROM sections")}
        assert set(copies) <= headings, table


def test_a_first_build_is_written_packed(tmp_path: Path) -> None:
    """The CLI's first build is compacted before it is moved into place: the
    same rows in fewer pages than the archive written file by file."""
    unpacked = build(tmp_path)
    packed = tmp_path / "cli.db"
    subprocess.run(
        [sys.executable, "-m", "ingest", str(SEEDS), "--db", str(packed), "--quiet"],
        check=True,
        cwd=ROOT,
    )
    assert rows(packed) == rows(unpacked)
    assert packed.stat().st_size < 0.97 * unpacked.stat().st_size
    conn = sqlite3.connect(packed)
    assert conn.execute("PRAGMA freelist_count").fetchone() == (0,)


def test_every_extracted_row_records_source_and_lines(archive_path: Path) -> None:
    conn = sqlite3.connect(archive_path)
    for table in (
        "pages",
        "articles",
        "sections",
        "captions",
        "mentions",
        "figures",
        "related_links",
    ):
        missing = conn.execute(
            f"SELECT count(*) FROM [{table}] WHERE source_id IS NULL OR line_start IS NULL "
            "OR line_end < line_start"
        ).fetchone()[0]
        assert missing == 0, table


def test_seed_rows_in_the_archive(archive_path: Path) -> None:
    conn = sqlite3.connect(archive_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 18
    assert conn.execute(
        "SELECT date, title FROM pages WHERE date IS NOT NULL ORDER BY date"
    ).fetchall() == [
        ("2019-09-20", "壮丽70年 奋斗新时代 / 株洲发展成就巡礼·高新区篇"),
        ("2019-09-27", "壮丽70年 奋斗新时代 / 株洲发展成就巡礼·芦淞篇"),
        ("2020-12-12", None),
    ]
    assert conn.execute(
        "SELECT encoding, script FROM sources WHERE name LIKE '001%'"
    ).fetchone() == ("utf-8", "traditional")
    credited = conn.execute(
        "SELECT c.credit, p.name FROM captions c JOIN people p ON p.id = c.person_id"
    ).fetchall()
    assert ("劉震 攝", "刘震") in credited and ("康水梅 摄", "康水梅") in credited
    roles = conn.execute(
        "SELECT m.role FROM mentions m JOIN people p ON p.id = m.person_id WHERE p.name = '尹二荣'"
    ).fetchall()
    assert roles == [("责任编辑",), ("责任编辑",)]  # edited both 壮丽70年 pages
    assert conn.execute("SELECT count(*) FROM related_links").fetchone()[0] == 20


def test_second_ingest_changes_nothing(tmp_path: Path) -> None:
    db_path = build(tmp_path)
    before = rows(db_path)
    db = open_archive(db_path)
    outcomes = ingest_paths(db, [SEEDS])
    db.close()
    assert {o.status for o in outcomes} == {"unchanged"}
    assert rows(db_path) == before


def test_row_ids_are_the_same_in_a_fresh_build(tmp_path: Path, archive_path: Path) -> None:
    assert rows(build(tmp_path)) == rows(archive_path)


def test_changed_file_replaces_only_its_own_rows(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    db_path = build(tmp_path, seeds)
    before = rows(db_path)
    change_a_seed(seeds, "种农夜色", "株洲夜色")
    db = open_archive(db_path)
    outcomes = ingest_paths(db, [seeds])
    db.close()
    assert [o.status for o in outcomes].count("ingested") == 1
    after = rows(db_path)
    assert len(after["articles"]) == len(before["articles"])
    assert {r[0] for r in after["articles"]} == {r[0] for r in before["articles"]}
    changed = set(after["captions"]) - set(before["captions"])
    assert [r[4] for r in changed] == ["株洲夜色。"]


def test_changed_file_leaves_none_of_its_old_rows(tmp_path: Path) -> None:
    """The writer deletes a changed file's per-article rows by their articles
    (schema.BY_ARTICLE): the page editor's mention, which has no article, goes
    too, and every table then holds what a fresh build of the new files does."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    db_path = build(tmp_path, seeds)
    change_a_seed(seeds, "戴可", "戴乐")
    db = open_archive(db_path)
    ingest_paths(db, [seeds])
    db.close()
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    updated, rebuilt = rows(db_path), rows(build(fresh, seeds))
    for table in (*schema.BY_ARTICLE, "people"):
        assert updated[table] == rebuilt[table], table
    conn = sqlite3.connect(db_path)
    proofreaders = (
        "SELECT m.name_printed FROM mentions m WHERE m.article_id IS NULL AND m.role = '校对'"
    )
    assert sorted(r[0] for r in conn.execute(proofreaders)) == ["戴乐", "马晴春"]


def test_traditional_and_simplified_spellings_are_one_person(tmp_path: Path) -> None:
    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "001.txt").write_text(seed_text("001_3b9533060c5babcc.txt"), encoding="utf-8")
    (seeds / "001-simplified.txt").write_text(
        fold(seed_text("001_3b9533060c5babcc.txt")), encoding="utf-8"
    )
    conn = sqlite3.connect(build(tmp_path, seeds))
    ((pid, articles),) = conn.execute("SELECT id, articles FROM people WHERE name = '刘震'")
    assert articles == 2
    printed = conn.execute(
        "SELECT name_printed FROM mentions WHERE person_id = ? ORDER BY name_printed", [pid]
    ).fetchall()
    assert printed == [("刘震",), ("劉震",)]


def test_a_short_form_of_a_foreign_name_is_a_mention_of_the_whole_name(tmp_path: Path) -> None:
    page = tmp_path / "in" / "science.txt"
    page.parent.mkdir()
    page.write_text(
        "登月五十周年座谈会举行\n\n2019-07-20 来源:株洲日报\n\n"
        "美国宇航员巴兹·奥尔德林在视频中回忆了登月经过。\n\n"
        "巴兹说,那是他一生中最难忘的时刻。\n",
        encoding="utf-8",
    )
    conn = sqlite3.connect(build(tmp_path, page.parent))
    people = conn.execute("SELECT name FROM people ORDER BY name").fetchall()
    assert people == [("巴兹·奥尔德林",)]
    printed = conn.execute("SELECT name_printed, occurrences FROM mentions").fetchall()
    assert printed == [("巴兹·奥尔德林", 2)]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ingest", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_cli_summary_line_counts_what_was_ingested(tmp_path: Path) -> None:
    result = run_cli(str(SEEDS), "--db", str(tmp_path / "a.db"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("5 files (5 ingested, 0 unchanged, 0 rejected): 7 pages, 18 articles")
    assert summary.endswith(" s")
    # Each count is the archive's: a person named in two files is one person.
    counted = {table: int(n) for n, table in re.findall(r"(\d+) ([a-z]+)(?=[, ])", summary)}
    db = sqlite3.connect(tmp_path / "a.db")
    for table in ("pages", "articles", "sections", "captions", "people", "figures"):
        assert counted[table] == db.execute(f"select count(*) from {table}").fetchone()[0]
    db.close()


def missing_file(d: Path) -> Path:
    return d / "missing.txt"


def empty_directory(d: Path) -> Path:
    (d / "empty-dir").mkdir()
    return d / "empty-dir"


def undecodable_file(d: Path) -> Path:
    (d / "latin1.txt").write_bytes("caf\xe9 \xff\xfe\xfd".encode("latin-1"))
    return d / "latin1.txt"


@pytest.mark.parametrize(
    ("make_bad", "reason"),
    [
        (missing_file, "missing.txt: no such file or directory"),
        (empty_directory, "empty-dir: no text files"),
        (undecodable_file, "latin1.txt: "),
    ],
)
def test_bad_input_gets_a_one_line_error_and_good_files_are_still_ingested(
    tmp_path: Path, make_bad, reason: str
) -> None:
    bad = make_bad(tmp_path)
    db_path = tmp_path / "a.db"
    result = run_cli(
        str(bad), str(SEEDS / "003_83df26c1926cabee.txt"), "--db", str(db_path), cwd=tmp_path
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and reason in errors[0]
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_committed_archive_equals_a_fresh_build_of_the_seeds(archive_path: Path) -> None:
    committed = ROOT / "zhuzhou.db"
    assert committed.exists(), "zhuzhou.db is committed; rebuild it with `make db`"
    assert rows(committed) == rows(archive_path)


def test_cli_version_names_the_package(tmp_path: Path) -> None:
    result = run_cli("--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "version 0.1.0" in result.stdout


def recount_mismatches(db_path: Path) -> list[tuple]:
    """People whose stored counts differ from a recount of their mentions."""
    conn = sqlite3.connect(db_path)
    return conn.execute(
        """SELECT p.name, p.articles, p.mentions, count(DISTINCT m.article_id),
                  coalesce(sum(m.occurrences), 0)
           FROM people p LEFT JOIN mentions m ON m.person_id = p.id GROUP BY p.id
           HAVING p.articles != count(DISTINCT m.article_id)
               OR p.mentions != coalesce(sum(m.occurrences), 0)"""
    ).fetchall()


def test_people_counts_follow_a_changed_file_and_unnamed_people_go(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    db_path = build(tmp_path, seeds)
    change_a_seed(seeds, "刘精前 摄", "")
    db = open_archive(db_path)
    ingest_paths(db, [seeds])
    db.close()
    assert recount_mismatches(db_path) == []
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM people WHERE name = '刘精前'").fetchone() == (0,)
    assert conn.execute("SELECT articles FROM people WHERE name = '尹二荣'").fetchone() == (0,)
    assert conn.execute("SELECT articles FROM people WHERE name = '刘琼'").fetchone() == (5,)


def annotated(name: str) -> int:
    """How many items a hand annotation under tests/annotations lists."""
    data = yaml.safe_load((ROOT / "tests" / "annotations" / name).read_text(encoding="utf-8"))
    return sum(len(items or []) for articles in data.values() for items in articles.values())


def test_the_archive_holds_every_annotated_figure_and_person(archive_path: Path) -> None:
    """The ingest runs the extractors over everything the quality gates score
    (section headings included: seed 002's "B 民生支出占财政总支出70%以上")."""
    conn = sqlite3.connect(archive_path)
    assert conn.execute("SELECT count(*) FROM figures").fetchone()[0] == annotated("figures.yaml")
    people_in_text = conn.execute(
        "SELECT count(DISTINCT article_id || '-' || person_id) FROM mentions WHERE kind = 'text'"
    ).fetchone()[0]
    assert people_in_text == annotated("people.yaml")
