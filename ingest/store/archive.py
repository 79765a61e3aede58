"""The archive file: how one ingest run updates it safely (docs/ROBUSTNESS.md).

The pipeline asks two things of its target, ``recorded_sha256`` and ``save``;
``Direct`` answers them on an open database, ``Archive`` on a file, with its
lock, copy and replace.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from ingest.store.rows import Rows
from ingest.store.write import open_archive, recorded_sha256, write_rows


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


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)  # a directory too: that makes a rename durable
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Archive:
    """One ingest run's update of the archive file at *path*.

    By default the file is never written in place. The first file that needs
    saving copies the archive (SQLite's backup API, which also honours a
    journal left by an interrupted ``in_place`` run) to ``NAME.tmp-PID``
    beside it; at the end of the run the copy is synced and renamed over the
    archive (``os.replace`` is atomic). An ingest killed at any moment
    therefore leaves the previous archive byte for byte, and a Datasette
    serving it with ``-i`` keeps reading the file it opened. A run that
    changes nothing writes nothing.

    ``in_place=True`` is for archives too large to copy on every update: each
    source file is one SQLite transaction in the archive itself, in WAL mode,
    so a kill leaves every file's rows all old or all new, and a Datasette
    serving the file *without* ``-i`` keeps answering from its last snapshot.

    One run at a time: the run holds an exclusive lock on ``NAME.lock``, and
    copies left by killed runs are removed under it.
    """

    def __init__(self, path: str | Path, in_place: bool = False) -> None:
        self.path = Path(path)
        self.in_place = in_place
        self.copy = self.path.with_name(f"{self.path.name}.tmp-{os.getpid()}")
        self.lock_path = self.path.with_name(f"{self.path.name}.lock")
        self.lock: int | None = None
        self.reader: Database | None = None  # the archive as it was, read only for hashes
        self.db: Database | None = None  # where this run writes

    def __enter__(self) -> Archive:
        self.lock = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            # A POSIX record lock, not flock(): worker processes forked by the
            # pipeline must not inherit it, or a killed run's orphaned workers
            # would keep the archive locked.
            fcntl.lockf(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self.lock)
            self.lock = None
            raise ArchiveBusy("another ingest is updating it") from None
        try:
            for stale in self.path.parent.glob(f"{glob.escape(self.path.name)}.tmp-*"):
                stale.unlink()
            if self.in_place:
                self.db = open_archive(self.path)
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            elif self.path.exists():
                self.reader = Database(sqlite3.connect(self.path))
        except BaseException:
            self.release()
            raise
        return self

    def recorded_sha256(self, path: str) -> str | None:
        db = self.db if self.db is not None else self.reader
        if db is None or "sources" not in db.table_names():
            return None
        return recorded_sha256(db, path)

    def save(self, rows: Rows) -> None:
        if self.db is None:
            target = sqlite3.connect(self.copy)
            if self.reader is not None:
                self.reader.conn.backup(target)
            target.close()
            self.db = open_archive(self.copy)
            # The copy is thrown away if the run dies, and synced before it
            # replaces the archive, so its commits need not wait for the disk.
            self.db.execute("PRAGMA synchronous = OFF")
            self.db.execute("PRAGMA journal_mode = MEMORY")
        write_rows(self.db, rows)

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        try:
            if exc_type is None:
                self.finish()
        finally:
            self.release()

    def finish(self) -> None:
        if self.db is None:
            return
        if self.in_place:
            # Back to a plain rollback-journal file, as the default mode leaves
            # it; while a reader has it open the switch is refused and the file
            # stays in WAL mode, which SQLite (and `datasette -i`) read as well.
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            with contextlib.suppress(sqlite3.OperationalError):
                self.db.execute("PRAGMA journal_mode = DELETE")
            return
        self.db.close()
        self.db = None
        fsync_path(self.copy)
        os.replace(self.copy, self.path)
        fsync_path(self.path.parent)

    def release(self) -> None:
        """Close everything, drop an unfinished copy, unlock."""
        for db in (self.db, self.reader):
            if db is not None:
                db.close()
        self.db = self.reader = None
        self.copy.unlink(missing_ok=True)
        if self.lock is not None:
            os.close(self.lock)  # closing the descriptor releases the lock
            self.lock = None
