"""Nothing lost: an ingest run, interrupted at any moment, leaves the archive
whole: in the default mode exactly as before the run (or as after it), with
``--in-place`` as after some whole number of files."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import SEEDS

from bench.kill import Scenario, kill_once, problems
from ingest.parse.document import parse_document
from ingest.pipeline import build_rows, ingest_paths, read_source
from ingest.store.archive import Archive, ArchiveBusy, ArchiveLinked, replace_archive

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


@pytest.mark.parametrize("n", [1, 2])
def test_a_kill_after_the_nth_committed_file_keeps_every_committed_file(
    scenario: Scenario, n: int
) -> None:
    """A reader sees N files committed, then the run is SIGKILLed: the archive
    is whole and holds at least those N files, row for row as a clean build
    of them (``kill_once`` compares every table with the reference states)."""
    landed = kill_once(scenario, "copy", after_commits=n)
    assert landed == "finished" or landed == "after" or landed.startswith("file ")


def test_the_wal_stays_bounded_while_readers_keep_holding_snapshots(tmp_path: Path) -> None:
    """Readers that always overlap (as a busy Datasette's do) keep SQLite from
    starting the WAL over after a PASSIVE checkpoint: 30 files grew it to
    29 MB here (the attack saw 697 MB). Past its bound the run waits a moment
    for a gap between readers and truncates it."""
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(SEEDS / SEED, first / SEED)
    more = tmp_path / "more"
    more.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(30):
        shutil.copy(seeds[i % len(seeds)], more / f"{i:02d}-{seeds[i % len(seeds)].name}")
    db = tmp_path / "a.db"
    update(db, first)
    stop = threading.Event()

    def reader() -> None:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
        while not stop.is_set():
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM articles").fetchone()
            time.sleep(0.02)
            conn.execute("COMMIT")
        conn.close()

    readers = [threading.Thread(target=reader) for _ in range(3)]
    for r in readers:
        r.start()
    bound = 256 * 1024
    wal = db.with_name(db.name + "-wal")
    sizes: list[int] = []
    try:
        with Archive(db, wal_bound=bound) as target:
            ingest_paths(target, [more], on_outcome=lambda _: sizes.append(wal.stat().st_size))
    finally:
        stop.set()
        for r in readers:
            r.join()
    assert len(sizes) == 30
    assert max(sizes) <= bound
    assert problems(db) == []
    assert article_count(sqlite3.connect(db)) > 0


def pages(tmp_path: Path, *names: str) -> Path:
    directory = tmp_path / "pages"
    directory.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(SEEDS / name, directory / name)
        (directory / name).chmod(0o644)
    return directory


def update(archive: Path, directory: Path) -> None:
    """What ``python -m ingest DIRECTORY --db ARCHIVE`` does, in this process."""
    with Archive(archive) as target:
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


def test_a_reader_keeps_its_snapshot_while_a_run_writes_in_place(tmp_path: Path) -> None:
    directory = pages(tmp_path, SEED)
    update(tmp_path / "a.db", directory)
    update(tmp_path / "a.db", directory)
    reader = sqlite3.connect(tmp_path / "a.db", isolation_level=None)  # as datasette without -i
    reader.execute("BEGIN")
    assert article_count(reader) == 5
    shutil.copy(SEEDS / "004_4b5a9efb3dca083f.txt", directory)
    update(tmp_path / "a.db", directory)
    assert article_count(reader) == 5  # its snapshot, whole
    reader.execute("COMMIT")
    assert article_count(reader) == 15  # 004 adds ten
    assert problems(tmp_path / "a.db") == []


def test_an_error_during_a_run_keeps_the_files_saved_before_it(tmp_path: Path) -> None:
    directory = pages(tmp_path, SEED, "004_4b5a9efb3dca083f.txt")
    archive = tmp_path / "a.db"
    update(archive, directory)
    (directory / "004_4b5a9efb3dca083f.txt").write_text("changed", encoding="utf-8")
    source = read_source(directory / "004_4b5a9efb3dca083f.txt")
    with pytest.raises(RuntimeError), Archive(archive) as target:
        target.save(build_rows(source, parse_document(source.text)))
        raise RuntimeError("disk full, say")
    assert problems(archive) == []
    # 003's five and the changed 004's one, saved before the error: kept
    assert article_count(sqlite3.connect(archive)) == 6


def test_only_files_of_dead_runs_are_removed_and_a_users_tmp_file_is_kept(
    tmp_path: Path,
) -> None:
    directory = pages(tmp_path, SEED)
    (tmp_path / "a.db.tmp-ingest-4194303").write_bytes(b"half a first build")
    (tmp_path / "a.db.tmp-ingest-4194303-journal").write_bytes(b"its journal")
    (tmp_path / "a.db.tmp-backup-2024").write_bytes(b"the user's")
    update(tmp_path / "a.db", directory)
    assert [p.name for p in tmp_path.glob("a.db.tmp-*")] == ["a.db.tmp-backup-2024"]
    assert (tmp_path / "a.db.tmp-backup-2024").read_bytes() == b"the user's"


# Another process holding an archive's lock (POSIX locks exclude processes).
HOLD = (
    "import sys, time; from ingest.store.archive import Archive; "
    "a = Archive(sys.argv[1]); a.__enter__(); "
    "print('held', flush=True); time.sleep(60)"
)


def test_a_symlinked_db_updates_its_target_and_shares_its_lock(tmp_path: Path) -> None:
    directory = pages(tmp_path, SEED)
    update(tmp_path / "a.db", directory)
    (tmp_path / "link.db").symlink_to(tmp_path / "a.db")
    shutil.copy(SEEDS / "004_4b5a9efb3dca083f.txt", directory)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path / "a.db")], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    with pytest.raises(ArchiveBusy):
        update(tmp_path / "link.db", directory)  # one lock per real file
    holder.kill()
    holder.wait()
    update(tmp_path / "link.db", directory)
    assert (tmp_path / "link.db").is_symlink()
    assert article_count(sqlite3.connect(tmp_path / "a.db")) == 15


def test_a_hard_linked_db_is_refused_with_a_named_error(tmp_path: Path) -> None:
    directory = pages(tmp_path, SEED)
    update(tmp_path / "a.db", directory)
    os.link(tmp_path / "a.db", tmp_path / "b.db")
    with pytest.raises(ArchiveLinked, match="hard link"):
        update(tmp_path / "b.db", directory)


def test_a_stale_wal_is_never_replayed_onto_a_rebuilt_archive(tmp_path: Path) -> None:
    """Why 1 of issue 11: a killed in-place run leaves a -wal; a rebuild moved
    over the archive must not take its frames."""
    directory = pages(tmp_path, SEED)
    update(tmp_path / "a.db", directory)
    held = sqlite3.connect(tmp_path / "a.db")  # keeps the -wal after the run
    held.execute("PRAGMA journal_mode = WAL")
    held.execute("CREATE TABLE scratch (x)")
    held.executemany("INSERT INTO scratch VALUES (?)", [(n,) for n in range(2000)])
    held.commit()
    assert (tmp_path / "a.db-wal").stat().st_size > 0
    update(tmp_path / "new.db", pages(tmp_path, "004_4b5a9efb3dca083f.txt"))
    replace_archive(tmp_path / "new.db", tmp_path / "a.db")
    assert problems(tmp_path / "a.db") == []
    assert article_count(sqlite3.connect(tmp_path / "a.db")) == 15


def test_an_in_place_run_leaves_a_whole_wal_file_and_no_wal_beside_it(tmp_path: Path) -> None:
    directory = pages(tmp_path, SEED)
    update(tmp_path / "a.db", directory)
    before = (tmp_path / "a.db").stat().st_ino
    shutil.copy(SEEDS / "004_4b5a9efb3dca083f.txt", directory)
    update(tmp_path / "a.db", directory)
    assert (tmp_path / "a.db").stat().st_ino == before  # written in place
    assert not (tmp_path / "a.db-wal").exists()
    conn = sqlite3.connect(tmp_path / "a.db")
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert article_count(conn) == 15  # 003 prints 5 articles, 004 ten
    assert problems(tmp_path / "a.db") == []
