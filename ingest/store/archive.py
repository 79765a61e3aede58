"""The archive file: how one ingest run updates it safely (docs/ROBUSTNESS.md).

``Archive`` writes an existing archive in place, in WAL mode, one transaction
per source file (a first build is written aside and moved into place), so an
interrupted run never leaves a half-written archive and a run costs what it
adds. The pipeline asks two things of its target, ``recorded_sha256`` and
``save``; ``Direct`` answers them on an open database, ``Archive`` on a file.
``replace_archive`` is how ``make db`` moves a whole rebuild into place.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import os
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from ingest.store.rows import Rows
from ingest.store.write import compact, open_archive, recorded_sha256, write_rows


class Direct:
    """An open database written in place, as it is (tests, benchmarks)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def recorded_sha256(self, path: str) -> str | None:
        return recorded_sha256(self.db, path)

    def save(self, rows: Rows) -> None:
        write_rows(self.db, rows)


class ArchiveBusy(RuntimeError):
    """Another ingest run holds the archive's lock."""


class ArchiveLinked(RuntimeError):
    """The archive file has more than one name (a hard link)."""


# The files a run writes beside the archive: NAME.tmp-ingest-PID (a first build,
# with its journal). Only these are ever removed, and only when PID is dead: a
# user's NAME.tmp-backup-2024 is not the ingest's to delete.
ASIDE = ".tmp-ingest-"
SIDE_FILES = ("", "-journal", "-wal", "-shm")
# The WAL is checkpointed back into the archive after every file (PASSIVE: it
# never waits); past this size a reset is tried as well, waiting at most
# CHECKPOINT_WAIT_MS for readers, and SQLite truncates the WAL to this size.
WAL_BOUND = 64 * 2**20
CHECKPOINT_WAIT_MS = 200


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)  # a directory too: that makes a rename durable
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def real_archive(path: str | Path) -> Path:
    """The one file *path* names: a symlink is followed (so the lock, the WAL
    and the writes are all on its target); a hard link is refused, because
    SQLite finds a file's WAL by name and two names would mean two WALs."""
    real = Path(path).resolve()
    if real.exists() and real.stat().st_nlink > 1:
        raise ArchiveLinked(
            f"is a hard link ({real.stat().st_nlink} names for one file); "
            "give a file with one name (a symlink is fine)"
        )
    return real


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_dead_runs_files(real: Path) -> None:
    """Remove what a killed first build left beside *real* (under its lock)."""
    prefix = f"{real.name}{ASIDE}"
    for left in real.parent.glob(f"{glob.escape(prefix)}*"):
        pid, _, suffix = left.name[len(prefix) :].partition("-")
        ours = pid.isdigit() and ("-" + suffix if suffix else "") in SIDE_FILES
        if ours and not pid_alive(int(pid)):
            left.unlink(missing_ok=True)


@contextlib.contextmanager
def archive_lock(real: Path) -> Iterator[None]:
    """One ingest run at a time per real file: an exclusive lock on NAME.lock."""
    lock = os.open(real.with_name(f"{real.name}.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        # A POSIX record lock, not flock(): worker processes forked by the
        # pipeline must not inherit it, or a killed run's orphaned workers
        # would keep the archive locked.
        fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(lock)
        raise ArchiveBusy("another ingest is updating it") from None
    try:
        yield
    finally:
        os.close(lock)  # closing the descriptor releases the lock


def move_into_place(built: Path, real: Path) -> None:
    """Rename the finished file *built* over *real*, durably. SQLite finds a
    WAL by the file's name and would replay the old archive's ``-wal`` onto the
    new file (the corruption of issue 11), so the old file's ``-wal`` and
    ``-shm`` go first: their frames belong to the file being replaced."""
    fsync_path(built)
    for side in ("-wal", "-shm"):
        real.with_name(real.name + side).unlink(missing_ok=True)
    os.replace(built, real)
    fsync_path(real.parent)


def replace_archive(built: str | Path, path: str | Path) -> None:
    """``make db``'s last step: the archive built whole at *built* replaces the
    one at *path*, under *path*'s lock (a running ingest is not cut short)."""
    real = real_archive(path)
    with archive_lock(real):
        move_into_place(Path(built), real)


class Archive:
    """One ingest run's update of the archive file at *path* (docs/ROBUSTNESS.md).

    An existing archive is written in place, in WAL mode, one transaction per
    source file: a run costs what it adds, a kill at any moment keeps every file
    committed before it, and a Datasette serving the file read-only (not ``-i``)
    keeps answering from its snapshot. After each file the WAL is checkpointed
    so it stays bounded while readers come and go (``checkpoint``).

    A first build (no archive yet) is written aside, to NAME.tmp-ingest-PID, and
    moved into place when complete, so a killed first build leaves no archive
    rather than part of one.

    *path* may be a symlink (its target is the archive) but not a hard link.
    One run at a time per real file: the run holds an exclusive lock on
    NAME.lock beside it.
    """

    def __init__(self, path: str | Path, wal_bound: int = WAL_BOUND) -> None:
        self.given = Path(path)
        self.wal_bound = wal_bound
        self.path = self.given
        self.aside: Path | None = None  # a first build, moved into place at the end
        self.locked: contextlib.ExitStack | None = None
        self.db: Database | None = None
        self.saved = False

    def __enter__(self) -> Archive:
        self.path = real_archive(self.given)
        self.locked = contextlib.ExitStack()
        self.locked.enter_context(archive_lock(self.path))
        try:
            remove_dead_runs_files(self.path)
            if self.path.exists():
                self.db = open_archive(self.path)
                # A reader's lock may be held for a moment (a server query).
                self.db.execute("PRAGMA busy_timeout = 5000")
            else:
                self.aside = self.path.with_name(f"{self.path.name}{ASIDE}{os.getpid()}")
        except BaseException:
            self.release()
            raise
        return self

    def recorded_sha256(self, path: str) -> str | None:
        if self.db is None or "sources" not in self.db.table_names():
            return None
        return recorded_sha256(self.db, path)

    def save(self, rows: Rows) -> None:
        if self.db is None:
            assert self.aside is not None
            self.db = open_archive(self.aside)
            # The first build is thrown away if the run dies and synced before
            # it is moved into place, so its commits need not wait for the disk.
            self.db.execute("PRAGMA synchronous = OFF")
            self.db.execute("PRAGMA journal_mode = MEMORY")
        elif not self.saved:
            # Only when the first file is saved: a run that changes nothing
            # writes nothing, the journal mode in the header included.
            self.db.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL loses no commit to a killed process (only
            # to a power cut, the last commits).
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute(f"PRAGMA journal_size_limit = {WAL_BOUND}")
        self.saved = True
        write_rows(self.db, rows)
        if self.aside is None:
            self.checkpoint()

    def checkpoint(self) -> None:
        """Copy the WAL back into the archive without waiting; when it has
        grown past its bound (readers kept holding snapshots), wait briefly for
        readers so the next writes start the WAL over."""
        assert self.db is not None
        self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        wal = self.path.with_name(self.path.name + "-wal")
        if wal.exists() and wal.stat().st_size > self.wal_bound:
            self.db.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.execute("PRAGMA busy_timeout = 5000")

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        try:
            if exc_type is None:
                self.finish()
        finally:
            self.release()

    def finish(self) -> None:
        if self.db is None or not self.saved:
            return
        if self.aside is None:
            # The file stays in WAL mode (a reader may hold it open); the WAL
            # is emptied if no reader holds a snapshot, else by the next run.
            self.db.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return
        # VACUUM rewrites every page, and the first build's in-memory journal
        # would hold a copy of each: the whole file in RAM (peak 3,138 MiB at
        # 100k articles, 507 at 10k, docs/BENCHMARKS.md). The first build is
        # thrown away if the run dies, so its compaction needs no journal.
        self.db.execute("PRAGMA journal_mode = OFF")
        compact(self.db)  # packed once, while no reader can see it
        # Moved into place in WAL mode, so that a server and the next run
        # read and write it as they will from then on.
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.close()
        self.db = None
        move_into_place(self.aside, self.path)

    def release(self) -> None:
        """Close the database, drop an unfinished first build, unlock."""
        if self.db is not None:
            self.db.close()
        self.db = None
        if self.aside is not None:
            for side in SIDE_FILES:
                self.aside.with_name(self.aside.name + side).unlink(missing_ok=True)
        if self.locked is not None:
            self.locked.close()
            self.locked = None
