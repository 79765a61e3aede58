"""Nothing lost: an ingest run, interrupted at any moment, leaves the archive
whole: in the default mode exactly as before the run (or as after it), with
``--in-place`` as after some whole number of files."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import SEEDS

from bench.kill import Scenario, file_sha256, kill_once, problems
from ingest.parse.document import parse_document
from ingest.pipeline import build_rows, ingest_paths, read_source
from ingest.store.archive import Archive

SEED = "003_83df26c1926cabee.txt"


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return Scenario(tmp_path_factory.mktemp("kill"), added=3)


@pytest.mark.parametrize("mode", ["copy", "in-place"])
def test_an_ingest_killed_at_random_moments_leaves_the_archive_whole(
    scenario: Scenario, mode: str
) -> None:
    """Two SIGKILLs per mode here; bench/kill.py runs fifty (docs/ROBUSTNESS.md).
    ``kill_once`` checks integrity, the rows and a clean re-run."""
    rng = random.Random(mode)
    for _ in range(2):
        kill_once(scenario, mode, scenario.delay(rng))


def pages(tmp_path: Path, *names: str) -> Path:
    directory = tmp_path / "pages"
    directory.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(SEEDS / name, directory / name)
        (directory / name).chmod(0o644)
    return directory


def update(archive: Path, directory: Path, in_place: bool = False) -> None:
    """What ``python -m ingest DIRECTORY --db ARCHIVE`` does, in this process."""
    with Archive(archive, in_place) as target:
        assert {o.status for o in ingest_paths(target, [directory])} <= {"ingested", "unchanged"}


def article_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_a_run_that_changes_nothing_writes_nothing(tmp_path: Path) -> None:
    directory = pages(tmp_path, SEED)
    update(tmp_path / "a.db", directory)
    before = (tmp_path / "a.db").stat()
    update(tmp_path / "a.db", directory)
    after = (tmp_path / "a.db").stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_run_replaces_the_file_and_a_reader_keeps_the_one_it_opened(tmp_path: Path) -> None:
    directory = pages(tmp_path, SEED)
    update(tmp_path / "a.db", directory)
    reader = sqlite3.connect(f"file:{tmp_path / 'a.db'}?immutable=1", uri=True)  # as datasette -i
    assert article_count(reader) == 5
    shutil.copy(SEEDS / "004_4b5a9efb3dca083f.txt", directory)
    update(tmp_path / "a.db", directory)
    assert article_count(reader) == 5  # the old file, whole
    assert article_count(sqlite3.connect(tmp_path / "a.db")) == 15  # 004 adds ten
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db", "a.db.lock", "pages"]


def test_an_error_during_a_run_leaves_the_archive_byte_for_byte(tmp_path: Path) -> None:
    directory = pages(tmp_path, SEED, "004_4b5a9efb3dca083f.txt")
    archive = tmp_path / "a.db"
    update(archive, directory)
    (directory / "004_4b5a9efb3dca083f.txt").write_text("changed", encoding="utf-8")
    before = file_sha256(archive)
    source = read_source(directory / "004_4b5a9efb3dca083f.txt")
    with pytest.raises(RuntimeError), Archive(archive) as target:
        target.save(build_rows(source, parse_document(source.text)))
        raise RuntimeError("disk full, say")
    assert file_sha256(archive) == before
    assert not list(tmp_path.glob("a.db.tmp-*"))


def test_copies_left_by_killed_runs_are_removed_by_the_next_run(tmp_path: Path) -> None:
    directory = pages(tmp_path, SEED)
    (tmp_path / "a.db.tmp-99999").write_bytes(b"half a copy")
    (tmp_path / "a.db.tmp-99999-journal").write_bytes(b"its journal")
    update(tmp_path / "a.db", directory)
    assert not list(tmp_path.glob("a.db.tmp-*"))


def test_an_in_place_run_leaves_a_plain_whole_file(tmp_path: Path) -> None:
    directory = pages(tmp_path, SEED)
    update(tmp_path / "a.db", directory)
    before = (tmp_path / "a.db").stat().st_ino
    shutil.copy(SEEDS / "004_4b5a9efb3dca083f.txt", directory)
    update(tmp_path / "a.db", directory, in_place=True)
    assert (tmp_path / "a.db").stat().st_ino == before  # written in place
    assert not (tmp_path / "a.db-wal").exists()
    conn = sqlite3.connect(tmp_path / "a.db")
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert article_count(conn) == 15  # 003 prints 5 articles, 004 ten
    assert problems(tmp_path / "a.db") == []
